//! iCalendar (RFC 5545) files: a person's posts over the whole term on real
//! dates — holidays skipped, make-up days included, each date timed by its
//! season, substitutions applied — for teachers to import or subscribe to on
//! their phones.
//!
//! Times are local times in `Asia/Shanghai`, with the VTIMEZONE the RFC asks
//! for (China has no daylight saving time: one STANDARD rule). Each event's
//! UID is made of the date, the post and the person, so exporting again after
//! a change updates events instead of adding copies. Lines end in CRLF and
//! are folded at 75 octets, never inside a UTF-8 character.

use crate::words::{Lang, Names};
use std::fmt::Write as _;

use kehou_solver::dated::DayRoster;
use kehou_solver::model::StaffId;
use kehou_solver::plan::Role;
use kehou_solver::{Plan, School};

use super::labels;

pub const TZID: &str = "Asia/Shanghai";

/// One person's calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub text: String,
    pub events: usize,
}

/// `text` escaped as an iCalendar TEXT value (RFC 5545 3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (RFC 5545 3.1), with CRLF after each
/// part. A fold never falls inside a UTF-8 character, nor next to a space:
/// some readers trim the blanks around a fold, not only the one it added.
pub fn push_folded(out: &mut String, line: &str) {
    let mut current = String::new();
    // The first line has 75 octets; the others 74 after their leading space.
    let mut budget = 75;
    for c in line.chars() {
        if current.len() + c.len_utf8() > budget {
            // Move characters to the next line until the fold is between
            // two non-blank ones.
            let mut carry = String::new();
            let blank = |c: char| c == ' ' || c == '\t';
            while current.len() > 1
                && carry.len() < 16
                && (current.ends_with(blank) || carry.chars().next().map_or(blank(c), blank))
            {
                if let Some(last) = current.pop() {
                    carry.insert(0, last);
                }
            }
            // A long run of blanks: no good place; fold where the limit is.
            if carry.len() >= 16 {
                current.push_str(&carry);
                carry.clear();
            }
            out.push_str(&current);
            out.push_str("\r\n ");
            current = carry;
            budget = 74;
        }
        current.push(c);
    }
    out.push_str(&current);
    out.push_str("\r\n");
}

/// A file name for a person's calendar, `ID-姓名.ics`: id and name as they
/// are (Chinese, letters, digits kept), with only what no file system takes
/// replaced by `_` (`/ \\ : * ? " < > |`, control characters, and the
/// characters that change text direction, which make `…\u{202e}gpj.exe.ics`
/// look like `…sci.exe.jpg`), leading dots and trailing dots or spaces
/// dropped, and each part cut short so the name stays far below the 255
/// bytes file systems allow. Two people may still get the same name:
/// [`unique`] tells them apart.
pub fn file_name(school: &School, id: &StaffId) -> String {
    let name = shorten(&safe(&labels::name(school, id)), MAX_NAME_BYTES);
    let id = shorten(&safe(id.as_str()), MAX_ID_BYTES);
    let id = if id.is_empty() { "_".to_owned() } else { id };
    if name.is_empty() || name == id {
        format!("{id}.ics")
    } else {
        format!("{id}-{name}.ics")
    }
}

/// The longest id and name parts of a calendar's file name, in bytes: 20
/// Chinese characters of name, and room for `-NN` and `.ics`.
const MAX_ID_BYTES: usize = 60;
const MAX_NAME_BYTES: usize = 60;

/// The longest start of `text` that fits in `max` bytes, cut between characters.
fn shorten(text: &str, max: usize) -> String {
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if i + c.len_utf8() > max {
            break;
        }
        end = i + c.len_utf8();
    }
    text[..end].trim_end_matches(['.', ' ']).to_owned()
}

/// `text` fit for a file name on Windows, macOS and Linux.
fn safe(text: &str) -> String {
    let replaced: String = text
        .chars()
        .map(|c| {
            if crate::files::decode::forbidden(c) || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    replaced
        .trim()
        .trim_start_matches('.')
        .trim_end_matches(['.', ' '])
        .trim()
        .to_owned()
}

/// `name`, or `name` with `-2`, `-3`… before its extension, whichever is not
/// yet in `taken` (compared without case, as Windows and macOS do); the
/// name given is added to `taken`.
pub fn unique(name: &str, taken: &mut std::collections::BTreeSet<String>) -> String {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let mut candidate = name.to_owned();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = if ext.is_empty() {
            format!("{stem}-{n}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        n += 1;
    }
    candidate
}

/// A stamp for DTSTAMP that is the same each time the same plan is
/// exported: the solve's time, in UTC.
fn stamp(school: &School, plan: &Plan) -> String {
    plan.solve
        .solved_at
        .as_deref()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map_or_else(
            || format!("{}T000000Z", school.term.first_day.format("%Y%m%d")),
            |t| {
                t.with_timezone(&chrono::Utc)
                    .format("%Y%m%dT%H%M%SZ")
                    .to_string()
            },
        )
}

/// The calendar of `staff` over `term` (the term's day rosters), its words
/// in `lang`.
pub fn calendar(
    school: &School,
    plan: &Plan,
    term: &[DayRoster],
    staff: &StaffId,
    lang: Lang,
) -> Calendar {
    let zh = lang == Lang::Zh;
    let v = lang.vocab();
    let names = Names::new(lang, school, Some(plan));
    let mut out = String::new();
    let name = labels::name(school, staff);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//kehou//after-school rota//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_folded(&mut out, line);
    }
    push_folded(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape_text(&if zh {
                format!("{} 课后服务 {name}", school.name)
            } else {
                format!("{} after-school {name}", school.name)
            })
        ),
    );
    push_folded(&mut out, &format!("X-WR-TIMEZONE:{TZID}"));
    for line in [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Shanghai",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        push_folded(&mut out, line);
    }
    let stamp = stamp(school, plan);
    let mut events = 0;
    for day in term {
        for dp in day.posts_of(staff) {
            let post = &dp.post;
            let role = post
                .staff
                .iter()
                .find(|a| &a.staff == staff)
                .map_or(Role::Assist, |a| a.role);
            let date = day.day.date.format("%Y%m%d");
            let (group, kind) = if zh {
                (
                    labels::group(school, post, crate::words::Lang::Zh),
                    labels::kind_chinese(post.kind),
                )
            } else {
                (names.group(post), v.post_kind(post.kind))
            };
            let role_word = if zh { role_chinese(role) } else { v.role(role) };
            let summary = match (zh, group == kind) {
                (true, true) => format!("{kind}（{role_word}）"),
                (true, false) => format!("{kind} {group}（{role_word}）"),
                (false, true) => format!("{kind} ({role_word})"),
                (false, false) => format!("{kind} {group} ({role_word})"),
            };
            let others: Vec<String> = post
                .staff
                .iter()
                .filter(|a| &a.staff != staff)
                .map(|a| labels::name(school, &a.staff))
                .collect();
            let mut description = if zh {
                format!(
                    "{} {}，{}，轮换第{}周",
                    school.name,
                    post.session.chinese(),
                    day.day.runs_as.chinese(),
                    day.day.cycle_week
                )
            } else {
                format!(
                    "{} {}, {}, cycle week {}",
                    school.name,
                    v.session(post.session),
                    v.weekday(day.day.runs_as),
                    day.day.cycle_week
                )
            };
            if post.kind.holds_students() {
                let _ = if zh {
                    write!(description, "\n学生 {} 人", post.students)
                } else {
                    write!(description, "\n{} students", post.students)
                };
            }
            if !others.is_empty() {
                let _ = if zh {
                    write!(description, "\n同岗：{}", others.join("、"))
                } else {
                    write!(description, "\nwith: {}", others.join(", "))
                };
            }
            for c in dp
                .changes
                .iter()
                .filter(|c| c.cover.as_ref() == Some(staff))
            {
                let vacant = if zh { "空缺岗位" } else { "a vacant place" };
                let out_name = c
                    .out
                    .as_ref()
                    .map_or_else(|| vacant.to_owned(), |id| labels::name(school, id));
                let reason = crate::words::plan::cover(&c.reason, &names);
                let _ = if zh {
                    write!(description, "\n代岗：代{out_name}（{reason}）")
                } else {
                    write!(description, "\ncovering for {out_name} ({reason})")
                };
            }
            push_folded(&mut out, "BEGIN:VEVENT");
            push_folded(
                &mut out,
                &format!(
                    "UID:{date}-{}-{}@kehou",
                    uid_part(&post.id),
                    uid_part(staff.as_str())
                ),
            );
            push_folded(&mut out, &format!("DTSTAMP:{stamp}"));
            push_folded(
                &mut out,
                &format!(
                    "DTSTART;TZID={TZID}:{date}T{}",
                    hhmmss(post.start.minutes())
                ),
            );
            push_folded(
                &mut out,
                &format!("DTEND;TZID={TZID}:{date}T{}", hhmmss(post.end.minutes())),
            );
            push_folded(&mut out, &format!("SUMMARY:{}", escape_text(&summary)));
            let room = labels::room(school, post);
            if !room.is_empty() {
                push_folded(&mut out, &format!("LOCATION:{}", escape_text(&room)));
            }
            push_folded(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(&description)),
            );
            push_folded(&mut out, &format!("CATEGORIES:{}", escape_text(kind)));
            push_folded(&mut out, "TRANSP:OPAQUE");
            push_folded(&mut out, "END:VEVENT");
            events += 1;
        }
    }
    push_folded(&mut out, "END:VCALENDAR");
    Calendar { text: out, events }
}

fn role_chinese(role: Role) -> &'static str {
    match role {
        Role::Lead => "负责",
        Role::Assist => "协助",
    }
}

fn hhmmss(minutes: u16) -> String {
    format!("{:02}{:02}00", minutes / 60, minutes % 60)
}

/// Ids as they may appear in a UID: ASCII letters, digits, `-`, `_` and `.`
/// kept; anything else as its code point, so distinct ids stay distinct.
fn uid_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || "-_.".contains(c) {
            out.push(c);
        } else {
            let _ = write!(out, "~{:x}", c as u32);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_chinese_ids_and_never_clash() {
        assert_eq!(safe("王老师1"), "王老师1");
        assert_eq!(safe("李老师1"), "李老师1");
        assert_eq!(safe("a/b\\c:d*e?f\"g<h>i|j\tk"), "a_b_c_d_e_f_g_h_i_j_k");
        assert_eq!(safe("..hidden. "), "hidden");
        assert_ne!(safe("王老师1"), safe("李老师1"));
        assert_eq!(safe("evil\u{202e}gpj.exe"), "evil_gpj.exe");
        assert_eq!(safe("a\u{2066}b\u{200f}c"), "a_b_c");
        let long = "王".repeat(10_000);
        assert_eq!(shorten(&long, MAX_NAME_BYTES).len(), 60);
        assert_eq!(shorten("abc. . ", 6), "abc");
        let mut taken = std::collections::BTreeSet::new();
        assert_eq!(unique("t1-王丽.ics", &mut taken), "t1-王丽.ics");
        assert_eq!(unique("T1-王丽.ics", &mut taken), "T1-王丽-2.ics");
        assert_eq!(unique("t1-王丽.ics", &mut taken), "t1-王丽-3.ics");
        assert_eq!(unique("李老师1.ics", &mut taken), "李老师1.ics");
    }

    #[test]
    fn every_calendar_of_the_demo_gets_its_own_file() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/demo.school.ron");
        let school = crate::files::load_school(&path).unwrap();
        let mut taken = std::collections::BTreeSet::new();
        for p in &school.staff {
            let name = unique(&file_name(&school, &p.id), &mut taken);
            assert!(name.contains(p.id.as_str()), "{name}");
        }
        assert_eq!(taken.len(), school.staff.len());
    }

    #[test]
    fn text_values_escape_commas_semicolons_backslashes_and_newlines() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("王丽"), "王丽");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "作业辅导".repeat(20));
        let mut out = String::new();
        push_folded(&mut out, &line);
        let parts: Vec<&str> = out.split_terminator("\r\n").collect();
        assert!(parts.len() > 1);
        for (i, part) in parts.iter().enumerate() {
            assert!(part.len() <= 75, "{i}: {} octets", part.len());
            assert_eq!(i > 0, part.starts_with(' '));
            assert!(!part[1..].starts_with(' ') && !part.ends_with(' '));
        }
        let unfolded: String = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn a_fold_never_comes_just_before_a_space() {
        for n in 60..80 {
            let line = format!("DESCRIPTION:{} {}", "x".repeat(n), "y".repeat(100));
            let mut out = String::new();
            push_folded(&mut out, &line);
            for part in out.split_terminator("\r\n").skip(1) {
                assert!(!part.starts_with("  "), "{n}: {part}");
                assert!(!part.ends_with(' '), "{n}: {part}");
                assert!(part.len() <= 75);
            }
            assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
        }
    }

    #[test]
    fn uid_parts_keep_distinct_ids_distinct() {
        assert_eq!(uid_part("w1-mon-basic-3-1"), "w1-mon-basic-3-1");
        assert_ne!(uid_part("a b"), uid_part("a_b"));
        assert_eq!(uid_part("王"), "~738b");
    }

    proptest::proptest! {
        #[test]
        fn prop_folding_keeps_the_text_and_the_limits(
            text in "([a-z,;\\\\王丽作业辅导😀\\n]{0,8}( {0,3}| {70,90}))*"
        ) {
            let line = format!("DESCRIPTION:{}", escape_text(&text));
            let mut out = String::new();
            push_folded(&mut out, &line);
            proptest::prop_assert!(out.ends_with("\r\n"));
            for (i, part) in out.split_terminator("\r\n").enumerate() {
                proptest::prop_assert!(part.len() <= 75);
                proptest::prop_assert!(!part.contains('\n') && !part.contains('\r'));
                if i > 0 {
                    proptest::prop_assert!(part.starts_with(' '));
                }
            }
            proptest::prop_assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
        }
    }
}
