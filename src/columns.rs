//! Text in terminal (and spreadsheet) columns: a Chinese character such as
//! 王 takes two, a Latin letter one. Shared by the terminal UI, the command
//! line's aligned tables and the exports' column widths.

use unicode_width::UnicodeWidthStr;

/// Display width in terminal columns: 王丽 is 4.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, with `…` when cut; never splits a
/// double-width character.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `s` padded with spaces to exactly `cols` columns (cut first if wider).
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// `s` in lines of at most `cols` columns: broken at the last space that
/// fits, else between characters (Chinese has no spaces); never splits a
/// double-width character. At most `max_lines`, the last cut with `…`.
pub fn wrap(s: &str, cols: usize, max_lines: usize) -> Vec<String> {
    let cols = cols.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut rest = s.trim_end().to_owned();
    while !rest.is_empty() && lines.len() < max_lines {
        if width(&rest) <= cols {
            lines.push(std::mem::take(&mut rest));
            break;
        }
        if lines.len() + 1 == max_lines {
            lines.push(truncate(&rest, cols));
            rest.clear();
            break;
        }
        // The longest prefix that fits, then back to its last space.
        let mut end = 0;
        let mut used = 0;
        for (i, c) in rest.char_indices() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > cols {
                break;
            }
            used += w;
            end = i + c.len_utf8();
        }
        let at_space = rest[end..].starts_with(' ');
        let cut = if at_space {
            end
        } else {
            rest[..end].rfind(' ').filter(|i| *i > 0).unwrap_or(end)
        };
        lines.push(rest[..cut].trim_end().to_owned());
        rest = rest[cut..].trim_start().to_owned();
    }
    lines
}

/// `text` with control characters (ESC, BEL, line breaks …) and the
/// characters that change text direction shown as `�`: what a terminal,
/// a table or a message may show of a name, whatever got into it.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if crate::files::decode::forbidden(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_else_between_characters() {
        assert_eq!(
            wrap("teacher 63  leader 6", 12, 3),
            ["teacher 63", "leader 6"]
        );
        assert_eq!(
            wrap("已过期：求解后学校数据", 8, 5),
            ["已过期：", "求解后学", "校数据"]
        );
        assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c …"]);
        assert_eq!(wrap("short", 10, 2), ["short"]);
        assert!(wrap("", 10, 2).is_empty());
    }

    #[test]
    fn chinese_counts_double() {
        assert_eq!(width("王丽"), 4);
        assert_eq!(pad("王丽", 6), "王丽  ");
        assert_eq!(truncate("王丽华老师", 5), "王丽…");
        assert_eq!(
            width(&truncate("王丽华老师", 6)),
            5,
            "never half a character"
        );
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn printable_hides_control_and_direction_characters() {
        assert_eq!(
            printable("a\u{1b}]0;PWNED\u{7}\u{202e}b\n"),
            "a\u{fffd}]0;PWNED\u{fffd}\u{fffd}b\u{fffd}"
        );
    }
}
