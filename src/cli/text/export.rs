//! The words of `kehou export`.

use std::path::Path;

use crate::export::Written;
use crate::words::Lang;

pub fn stale(lang: Lang, plan: &Path) -> String {
    let p = plan.display();
    match lang {
        Lang::Zh => format!(
            "警告：不是最新的：排班之后学校数据有改动（{p} 是按较早的学校数据排的）；值班表可能不对：请重新排班。打印出来的表上也有同样的标记。"
        ),
        Lang::En => format!(
            "warning: not current: the school changed after this rota was made ({p} was solved for an earlier version of the school); the roster may be wrong: solve again. Printed sheets carry the same mark."
        ),
    }
}

pub fn broken(lang: Lang, school: &Path, plan: &Path, rules: usize) -> String {
    let (s, p) = (school.display(), plan.display());
    match lang {
        Lang::Zh => format!(
            "警告：{p} 违反 {rules} 条硬性规则；照原样导出。kehou check {s} {p} 列出它们"
        ),
        Lang::En => format!(
            "warning: {p} breaks {rules} hard rule(s); exported as it is. `kehou check {s} {p}` lists them"
        ),
    }
}

/// What `kehou export` says once the roster CSV is written.
pub fn exported(lang: Lang, path: &Path, rows: usize, unmet: usize) -> String {
    let p = path.display();
    match lang {
        Lang::Zh => {
            let unmet = if unmet > 0 {
                format!("，仍缺 {unmet} 人")
            } else {
                String::new()
            };
            format!("已写出 {p}：{rows} 行{unmet}")
        }
        Lang::En => {
            let unmet = match unmet {
                0 => String::new(),
                n => format!(", {} still missing", super::plural(n, "adult", "adults")),
            };
            format!("wrote {p}: {}{unmet}", super::plural(rows, "row", "rows"))
        }
    }
}

/// "wrote duty-board.html (53 kB)", or "wrote 88 files to calendars/".
pub fn wrote(lang: Lang, written: &[Written], output: &Path) -> String {
    match (lang, written) {
        (Lang::Zh, [one]) => format!("已写出 {}（{} 字节）", one.path.display(), one.bytes),
        (Lang::Zh, many) => format!("已写出 {} 个文件到 {}", many.len(), output.display()),
        (Lang::En, [one]) => format!("wrote {} ({} bytes)", one.path.display(), one.bytes),
        (Lang::En, many) => format!("wrote {} files to {}", many.len(), output.display()),
    }
}

pub fn many_to_stdout(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "这种导出每人一个文件，不能写到标准输出；用 -o 给一个文件夹，或用 --person 只要一个人",
        Lang::En => "this export makes one file per person and cannot go to standard output; give a directory with -o, or one person with --person",
    }
}
