//! From the bytes of a school or plan file to text the RON parser may see:
//! bounded in size, UTF-8 (a byte-order mark is accepted and dropped), with
//! no control or direction-changing characters inside strings, where they
//! would reach a terminal, a printed board or a file name.
//!
//! Each problem says what it is, where (line and column) and what to do, in
//! words: "stream did not contain valid UTF-8" helps nobody.

/// The largest school or plan file kehou reads: the large demo's plan is
/// under 0.4 MiB, so this is generous, and small enough to read at once.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What is wrong with a file's bytes, before any RON is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing but blanks (or a byte-order mark).
    Empty,
    TooLarge {
        bytes: u64,
    },
    /// UTF-16 text, as Windows Notepad's "Unicode" writes it.
    Utf16,
    /// Not UTF-8 from this line on; most likely GBK.
    NotUtf8 {
        line: usize,
    },
    /// A NUL byte: a damaged file, or not a text file at all.
    Nul {
        line: usize,
        col: usize,
    },
    /// A control character (ESC, BEL, a line break inside a string …) or a
    /// bidirectional control (U+202E …), raw or as an escape in a string.
    Control {
        line: usize,
        col: usize,
        code: u32,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Empty => write!(f, "the file is empty"),
            Problem::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes, more than the {MAX_FILE_BYTES} a school or plan file may be; it is not a kehou file, or it is damaged"
            ),
            Problem::Utf16 => write!(
                f,
                "the file is UTF-16 text; save it as UTF-8 (Notepad: Save As, Encoding UTF-8)"
            ),
            Problem::NotUtf8 { line } => write!(
                f,
                "line {line} is not UTF-8 text (it is probably GBK); save the file as UTF-8 (Notepad: Save As, Encoding UTF-8; WPS/VS Code: 编码 UTF-8)"
            ),
            Problem::Nul { line, col } => write!(
                f,
                "{line}:{col}: a NUL byte; the file is damaged or not a text file"
            ),
            Problem::Control { line, col, code } => write!(
                f,
                "{line}:{col}: a control character (U+{code:04X}) in the text; names and reasons may not hold control or text-direction characters: delete it"
            ),
        }
    }
}

/// The text of a school or plan file, checked; the byte-order mark dropped.
pub fn text(bytes: &[u8]) -> Result<&str, Problem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Problem::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        // UTF-16 without a mark is mostly NULs between ASCII letters.
        let nuls = bytes.split(|b| *b == 0).count() - 1;
        if bytes.len() > 1 && nuls * 4 > bytes.len() {
            return Err(Problem::Utf16);
        }
        let (line, col) = position(&bytes[..at]);
        return Err(Problem::Nul { line, col });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Problem::NotUtf8 {
        line: position(&bytes[..e.valid_up_to()]).0,
    })?;
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    scan_controls(text)?;
    Ok(text)
}

/// Is `c` a character that must not appear in a name: C0 and C1 controls,
/// DEL, and the characters that change text direction (they make
/// `…\u{202e}gpj.exe` look like `…exe.jpg`).
pub fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Finds forbidden characters: raw anywhere (tabs and line breaks only
/// between values), or written as escapes inside strings (`\u{1b}`, `\x07`,
/// `\n`, `\0`). RON's raw strings (`r"…"`) take no escapes and are checked
/// as raw text.
fn scan_controls(text: &str) -> Result<(), Problem> {
    let mut in_string = false;
    let mut chars = text.char_indices().peekable();
    let at = |i: usize, code: u32| {
        let (line, col) = position(&text.as_bytes()[..i]);
        Problem::Control { line, col, code }
    };
    while let Some((i, c)) = chars.next() {
        // Tabs and line breaks are fine between values, never in a string.
        if (in_string || !matches!(c, '\t' | '\n' | '\r')) && forbidden(c) {
            return Err(at(i, u32::from(c)));
        }
        match c {
            // Comments may hold any quote; skip them whole.
            '/' if !in_string && chars.peek().map(|p| p.1) == Some('/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if !in_string && chars.peek().map(|p| p.1) == Some('*') => {
                chars.next();
                let mut star = false;
                for (j, c) in chars.by_ref() {
                    if forbidden(c) && !c.is_whitespace() {
                        return Err(at(j, u32::from(c)));
                    }
                    if star && c == '/' {
                        break;
                    }
                    star = c == '*';
                }
            }
            // A raw string, `r"…"` or `r#"…"#`: no escapes, ends at the
            // quote followed by as many hashes.
            'r' if !in_string && matches!(chars.peek().map(|p| p.1), Some('"' | '#')) => {
                let mut hashes = 0;
                while chars.peek().map(|p| p.1) == Some('#') {
                    chars.next();
                    hashes += 1;
                }
                if chars.peek().map(|p| p.1) != Some('"') {
                    continue;
                }
                chars.next();
                let closing = format!("\"{}", "#".repeat(hashes));
                while let Some((j, c)) = chars.next() {
                    if forbidden(c) {
                        return Err(at(j, u32::from(c)));
                    }
                    if c == '"' && text[j..].starts_with(&closing) {
                        for _ in 0..hashes {
                            chars.next();
                        }
                        break;
                    }
                }
            }
            '"' => in_string = !in_string,
            '\\' if in_string => {
                let Some((_, e)) = chars.next() else { break };
                let code = match e {
                    'n' => Some(0x0a),
                    'r' => Some(0x0d),
                    't' => Some(0x09),
                    '0' => Some(0),
                    'x' => hex(&mut chars, |c| c.is_ascii_hexdigit(), 2),
                    'u' => {
                        // `\u{…}`: the braces around up to six digits.
                        if chars.peek().map(|p| p.1) == Some('{') {
                            chars.next();
                            let v = hex(&mut chars, |c| c.is_ascii_hexdigit(), 6);
                            if chars.peek().map(|p| p.1) == Some('}') {
                                chars.next();
                            }
                            v
                        } else {
                            hex(&mut chars, |c| c.is_ascii_hexdigit(), 4)
                        }
                    }
                    _ => None,
                };
                if let Some(code) = code {
                    if char::from_u32(code).is_none_or(forbidden) {
                        return Err(at(i, code));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Reads up to `max` characters accepted by `ok` as a hexadecimal number.
fn hex(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    ok: impl Fn(char) -> bool,
    max: usize,
) -> Option<u32> {
    let mut value: u32 = 0;
    let mut n = 0;
    while n < max {
        match chars.peek() {
            Some(&(_, c)) if ok(c) => {
                value = value * 16 + c.to_digit(16).unwrap_or(0);
                chars.next();
                n += 1;
            }
            _ => break,
        }
    }
    (n > 0).then_some(value)
}

/// Line and column (from 1, in characters) just after `before`.
fn position(before: &[u8]) -> (usize, usize) {
    let line = before.split(|b| *b == b'\n').count();
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(text(b"\xef\xbb\xbf(version: 1)"), Ok("(version: 1)"));
    }

    #[test]
    fn empty_and_blank_files_are_empty() {
        assert_eq!(text(b""), Err(Problem::Empty));
        assert_eq!(text(b"\xef\xbb\xbf \n\t\n"), Err(Problem::Empty));
    }

    #[test]
    fn encodings_are_named() {
        assert_eq!(text(b"\xff\xfe(\x00v\x00"), Err(Problem::Utf16));
        assert_eq!(text(b"(\x00v\x00e\x00r\x00"), Err(Problem::Utf16));
        // 王 in GBK, on line 2.
        assert_eq!(
            text(b"(\n name: \"\xcd\xf5\")"),
            Err(Problem::NotUtf8 { line: 2 })
        );
        let msg = Problem::NotUtf8 { line: 2 }.to_string();
        assert!(msg.contains("save the file as UTF-8"), "{msg}");
    }

    #[test]
    fn nul_bytes_are_refused_where_they_are() {
        assert_eq!(
            text(b"(\n  name: \"a\x00b and much more text here\")"),
            Err(Problem::Nul { line: 2, col: 11 })
        );
    }

    #[test]
    fn control_characters_are_refused_raw_or_escaped() {
        let code = |t: &str| match text(t.as_bytes()) {
            Err(Problem::Control { code, .. }) => Some(code),
            _ => None,
        };
        assert_eq!(code("(name: \"a\u{1b}]0;x\u{7}\")"), Some(0x1b));
        assert_eq!(code("(name: \"a\\u{1b}b\")"), Some(0x1b));
        assert_eq!(code("(name: \"a\\x07b\")"), Some(0x07));
        assert_eq!(code("(name: \"a\\nb\")"), Some(0x0a));
        assert_eq!(code("(name: \"a\nb\")"), Some(0x0a));
        assert_eq!(code("(name: \"a\\0\")"), Some(0));
        assert_eq!(code("(name: \"evil\u{202e}gpj.exe\")"), Some(0x202e));
        assert_eq!(code("(name: \"evil\\u{202E}gpj\")"), Some(0x202e));
        assert_eq!(code("(\n\tname: \"王 \\\"老师\\\" \\\\ ok\",\r\n)"), None);
        assert_eq!(code("(name: \"\\u{738b}\")"), None);
        assert_eq!(code("(// a 5\" screen\n name: \"x\", /* \" */ n: 1)"), None);
        assert_eq!(code("(name: r#\"say \"hi\"\"#, b: \"ok\")"), None);
        assert_eq!(code("(name: r\"a\u{7}\")"), Some(7));
    }
}
