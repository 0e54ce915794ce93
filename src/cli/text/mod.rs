//! Every word the command line says to its user, in 简体中文 and English:
//! one file per command (the help is in `cli::help`). Each message is a
//! function with a `match` on the language, so the two are written side by
//! side and neither can be left out.

pub mod absent;
pub mod check;
pub mod demo;
pub mod export;
pub mod import;
pub mod overview;
pub mod solve;

use std::fmt::Display;

use crate::words::{fill, Lang};

/// The last line of `kehou check`: "3 errors, 1 warning" or "no problems found".
pub fn summary(lang: Lang, errors: usize, warnings: usize) -> String {
    let t = check::text(lang);
    let count = |n: usize, template: &str, one: &str| match (lang, n) {
        (Lang::En, 1) => format!("1 {one}"),
        _ => fill(template, &[&n]),
    };
    match (errors, warnings) {
        (0, 0) => t.no_problems.to_owned(),
        (e, 0) => count(e, t.errors, "error"),
        (0, w) => fill(t.only_warnings, &[&count(w, t.warnings, "warning")]),
        (e, w) => fill(
            t.both,
            &[
                &count(e, t.errors, "error"),
                &count(w, t.warnings, "warning"),
            ],
        ),
    }
}

/// "1 row", "3 rows".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A number as a person reads it: no trailing `.0`, at most three decimals.
pub fn number(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// When kehou's own output cannot be written (a full disk behind `> file`).
pub fn cannot_write_output(lang: Lang, e: &impl Display) -> String {
    match lang {
        Lang::Zh => format!("kehou：无法写出结果：{}", crate::words::errors::io(e, lang)),
        Lang::En => format!("kehou: cannot write the output: {e}"),
    }
}

/// "Save these changes? [y/N] ".
pub fn save_question(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "保存这些变动吗？[y/N] （是/否）",
        Lang::En => "Save these changes? [y/N] ",
    }
}

/// Whether an answer typed at a question means yes.
pub fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "是" | "好" | "对"
    )
}
