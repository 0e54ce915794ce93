//! Errors a person meets — a file that cannot be read or saved, an output
//! kehou will not write over, an export that cannot be made — in words.
//! English is each error's own `Display`; Chinese is here.

use std::fmt::Display;
use std::io;

use crate::export::{ExportError, Format, Unused};
use crate::files::guard::{Output, OutputError};
use crate::files::lock::LockError;
use crate::files::{decode, Backup, FileError};

use super::Lang;

/// "school" / "plan" as the errors name what a file holds.
fn what(what: &str) -> &'static str {
    match what {
        "school" => "学校",
        "plan" => "方案",
        _ => "学校或方案",
    }
}

/// An I/O error: the usual ones in Chinese, anything else with the
/// system's code.
pub fn io(e: &(impl Display + ?Sized), lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    // The kinds a deputy head meets; the system's own words are English.
    let text = e.to_string();
    let kind = [
        ("No such file or directory", "文件或文件夹不存在"),
        ("Permission denied", "没有权限"),
        ("Is a directory", "这是一个文件夹，不是文件"),
        ("Not a directory", "路径中有一部分不是文件夹"),
        ("No space left on device", "磁盘空间已满"),
        ("Read-only file system", "磁盘是只读的"),
        ("File exists", "文件已存在"),
        ("Broken pipe", "输出已关闭"),
        ("Directory not empty", "文件夹不是空的"),
        ("File name too long", "文件名太长"),
    ]
    .iter()
    .find(|(en, _)| text.contains(en))
    .map(|(_, zh)| *zh);
    if let Some(zh) = kind {
        return zh.to_owned();
    }
    let code = text
        .rsplit_once("(os error ")
        .and_then(|(_, c)| c.strip_suffix(')'))
        .map_or_else(String::new, |c| format!("（系统错误代码 {c}）"));
    format!("系统报错{code}")
}

fn io_error(e: &io::Error, lang: Lang) -> String {
    io(e, lang)
}

fn backup_hint(backup: Option<&Backup>) -> String {
    match backup {
        None => String::new(),
        Some(Backup { path, what: w }) => {
            let path = path.display();
            let check = if *w == "plan" {
                format!("kehou check 学校文件 {path}")
            } else {
                format!("kehou check {path}")
            };
            format!("；上一个版本在 {path}：{check} 可以检查它是否完好，把它复制回来即可恢复")
        }
    }
}

fn problem(p: &decode::Problem) -> String {
    match p {
        decode::Problem::Empty => "文件是空的".to_owned(),
        decode::Problem::TooLarge { bytes } => format!(
            "文件有 {bytes} 字节，超过学校或方案文件的上限 {} 字节；不是 kehou 的文件，或已损坏",
            decode::MAX_FILE_BYTES
        ),
        decode::Problem::Utf16 => {
            "文件是 UTF-16 文本；请另存为 UTF-8（记事本：另存为，编码选 UTF-8）".to_owned()
        }
        decode::Problem::NotUtf8 { line } => format!(
            "第 {line} 行不是 UTF-8 文本（多半是 GBK）；请把文件另存为 UTF-8（记事本：另存为，编码选 UTF-8；WPS 或 VS Code：编码 UTF-8）"
        ),
        decode::Problem::Nul { line, col } => {
            format!("{line}:{col}：有一个空字节；文件已损坏，或不是文本文件")
        }
        decode::Problem::Control { line, col, code } => format!(
            "{line}:{col}：文本中有控制字符（U+{code:04X}）；名称和原因里不能有控制字符或改变文字方向的字符：请删除"
        ),
    }
}

/// ron's reading of a file, in Chinese.
fn syntax(code: &ron::Error, w: &str) -> String {
    use ron::Error as E;
    let field = |outer: &Option<String>| {
        outer
            .as_ref()
            .map_or_else(String::new, |o| format!("（在 `{o}` 中）"))
    };
    match code {
        E::ExpectedNamedStructLike("VersionProbe") => format!(
            "这不是 kehou 的{}文件：应以“(”和“version: …”开头（见 docs/data-format.md）",
            what(w)
        ),
        E::Eof => "文件在这里意外结束：是不是少了括号？".to_owned(),
        E::ExpectedArray => "这里应该是“[”".to_owned(),
        E::ExpectedArrayEnd => "这里应该是“]”".to_owned(),
        E::ExpectedComma => "这里少了一个逗号".to_owned(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => "这里应该是“(”".to_owned(),
        E::ExpectedStructLikeEnd => "这里应该是“)”".to_owned(),
        E::ExpectedMapColon => "这里少了一个冒号".to_owned(),
        E::ExpectedString | E::ExpectedStringEnd => "这里应该是一个带引号的文字".to_owned(),
        E::ExpectedInteger | E::IntegerOutOfBounds => "这里应该是一个整数（在范围之内）".to_owned(),
        E::ExpectedFloat => "这里应该是一个数".to_owned(),
        E::ExpectedBoolean => "这里应该是 `true` 或 `false`".to_owned(),
        E::ExpectedOption => "这里应该是 `Some(…)` 或 `None`".to_owned(),
        E::ExpectedIdentifier => "这里应该是一个字段名".to_owned(),
        E::TrailingCharacters => "文件结束后还有多余的内容".to_owned(),
        E::UnexpectedChar(c) => format!("这里不应该有“{c}”"),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "没有“{found}”这个字段{}；可以用的字段有：{}（请对照 docs/data-format.md 检查拼写）",
            field(outer),
            expected
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join("、")
        ),
        E::MissingStructField { field: f, outer } => {
            format!("缺少字段“{f}”{}；请加上 `{f}: …`", field(outer))
        }
        E::DuplicateStructField { field: f, outer } => {
            format!("字段“{f}”写了两次{}", field(outer))
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!("“{found}”不是可选的值；可选：{}", expected.join("、")),
        E::InvalidValueForType { .. } | E::ExpectedDifferentLength { .. } => {
            "这里的值类型不对".to_owned()
        }
        E::Message(m) => match m.split('`').nth(1) {
            Some(value) if m.contains("is not a time of day") => {
                format!("“{value}”不是时间，应写成 \"15:05\" 这样")
            }
            _ => "这里的值写得不对".to_owned(),
        },
        E::ExceededRecursionLimit => "括号嵌套太深，这不是学校或方案文件".to_owned(),
        _ => "这里的写法不对（请对照 docs/data-format.md）".to_owned(),
    }
}

pub fn lock(e: &LockError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        LockError::Busy { path, seconds } => format!(
            "{}：另一个 kehou 已经在改这个文件 {seconds} 秒了（某个命令在等回答、在排班或在保存）；没有任何改动：等它结束后再试",
            path.display()
        ),
        LockError::NoFolder { path, folder } => format!(
            "{}：无法保存：文件夹 {} 不存在；请先建好它，或换一个路径；没有任何改动",
            path.display(),
            folder.display()
        ),
        LockError::Io { path, source, .. } => format!(
            "{}：无法锁定文件以防另一个 kehou 同时修改（{}）；没有任何改动",
            path.display(),
            io_error(source, lang)
        ),
    }
}

fn output_what(o: Output) -> &'static str {
    match o {
        Output::School => "学校文件",
        Output::Plan => "方案文件",
        Output::Other => "导出的文件",
    }
}

pub fn output(e: &OutputError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        OutputError::IsInput {
            output,
            input,
            writing,
        } => format!(
            "{} 也是这个命令的输入（{}）；把{}写到那里会替换它：请用 -o 换一个文件；没有写出",
            output.display(),
            input.display(),
            output_what(*writing)
        ),
        OutputError::WrongKind {
            output,
            kind,
            writing,
        } => {
            let suggest = match writing {
                Output::School => "（以 .school.ron 结尾的文件名）",
                Output::Plan => "（以 .plan.ron 结尾的文件名）",
                Output::Other => "",
            };
            format!(
                "{} 是{}；kehou 不会把{}写到它上面或用它的名字：请用 -o 换一个文件{suggest}；没有写出",
                output.display(),
                output_what(*kind),
                output_what(*writing)
            )
        }
    }
}

/// A file that could not be read or saved.
pub fn file(e: &FileError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        FileError::Read { path, source } => {
            format!("{}：读不了这个文件：{}", path.display(), io_error(source, lang))
        }
        FileError::Unreadable {
            path,
            problem: p,
            what: w,
            backup,
        } => {
            let empty = if *p == decode::Problem::Empty {
                format!(
                    "：它应该是 kehou 的{}文件，以“(”和“version: …”开头（见 docs/data-format.md）",
                    what(w)
                )
            } else {
                String::new()
            };
            format!(
                "{}：{}{empty}{}",
                path.display(),
                problem(p),
                backup_hint(backup.as_ref())
            )
        }
        FileError::Syntax {
            path,
            line,
            col,
            code,
            what: w,
            backup,
        } => format!(
            "{}:{line}:{col}：{}{}",
            path.display(),
            syntax(code, w),
            backup_hint(backup.as_ref())
        ),
        FileError::NotFinite {
            path,
            field,
            value,
            backup,
        } => format!(
            "{}：“{field}”是 {value}；它必须是一个有限的数（或删去这一行）{}",
            path.display(),
            backup_hint(backup.as_ref())
        ),
        FileError::NoVersion {
            path,
            what: w,
            current,
        } => format!(
            "{}：这个{}文件没有“version”字段；请在开头加上 `version: {current},`（见 docs/data-format.md）",
            path.display(),
            what(w)
        ),
        FileError::TooNew {
            path,
            what: w,
            found,
            current,
        } => format!(
            "{}：这个{}文件是第 {found} 版格式，比这个 kehou 能读的（最高第 {current} 版）更新；请更新 kehou 后再打开",
            path.display(),
            what(w)
        ),
        FileError::Write { path, source } => format!(
            "{}：无法保存：{}；原文件没有改动",
            path.display(),
            io_error(source, lang)
        ),
        FileError::Changed { path } => format!(
            "{} 在 kehou 读入之后被改过了（另一个 kehou 或编辑器保存过它）；没有保存，那次修改没有丢失：请重新打开文件，再做一遍您的修改",
            path.display()
        ),
        FileError::Lock(e) => lock(e, lang),
        FileError::Output(e) => output(e, lang),
        FileError::Encode { what: w, .. } => {
            format!("无法把{}写成文件：这是 kehou 的缺陷，请报告", what(w))
        }
    }
}

/// An export that could not be made.
pub fn export(e: &ExportError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        ExportError::NoService { date, first, last } => format!(
            "{date} 在本学期（{first}至{last}）没有课后服务：是周末、节假日、停课日或不在学期内；请给一个上课的日子"
        ),
        ExportError::UnknownPerson(who) => {
            format!("学校里没有编号或姓名为“{who}”的人；请对照教职工名单")
        }
        ExportError::Unused { format, option } => {
            let option = match option {
                Unused::Person => "--person（只有 ics 和课时统计按人导出）",
                Unused::Date => "--date（它覆盖整个学期）",
            };
            format!("{}不用 {option}；请去掉它", format_name(*format, lang))
        }
        ExportError::Workbook(_) => "无法生成工作簿：这是 kehou 的缺陷，请报告".to_owned(),
        ExportError::Directory { path, source } => format!(
            "{}：无法建立文件夹：{}",
            path.display(),
            io_error(source, lang)
        ),
        ExportError::File(e) => file(e, lang),
        ExportError::Io(e) => format!("无法写出文件：{}", io_error(e, lang)),
    }
}

/// An export format by its name: `值班表（html）`, `the duty board (html)`.
pub fn format_name(f: Format, lang: Lang) -> &'static str {
    match (lang, f) {
        (Lang::Zh, Format::Csv) => "值班表（csv）",
        (Lang::Zh, Format::Html) => "值班表（html）",
        (Lang::Zh, Format::Signin) => "考勤表",
        (Lang::Zh, Format::Xlsx) => "工作簿（xlsx）",
        (Lang::Zh, Format::Ics) => "日历（ics）",
        (Lang::Zh, Format::Hours) => "课时统计",
        (Lang::En, f) => f.name(),
    }
}
