//! What is wrong with the lists `kehou import` reads, in words: file, row,
//! column, the value, and what it should have been.

use kehou_solver::model::{RoomKind, StaffKind};

use super::Lang;
use crate::import::cells::{Expected, Named};
use crate::import::headers::Column;
use crate::import::{limits, ImportError};

/// A column's Chinese name (its first header that is not ASCII).
fn chinese(names: &[&'static str]) -> &'static str {
    names
        .iter()
        .find(|n| !n.is_ascii())
        .or_else(|| names.first())
        .copied()
        .unwrap_or_default()
}

/// The Chinese headers of a list's columns, `[optional]` in brackets.
fn known(columns: &[Column]) -> String {
    columns
        .iter()
        .map(|c| {
            let n = chinese(c.names);
            if c.required {
                n.to_owned()
            } else {
                format!("[{n}]")
            }
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn expected(e: &Expected) -> String {
    let v = Lang::Zh.vocab();
    match e {
        Expected::Text { what } => {
            let what = match what {
                Named::Person => "姓名",
                Named::Room => "场地名称",
                Named::Club => "社团名称",
            };
            format!("应填写{what}，这里是空的")
        }
        Expected::Id { example } => format!("应填写编号，如 {example}，这里是空的"),
        Expected::Flag => "应填 是 或 否（空为否）".to_owned(),
        Expected::Students => "应填学生人数（整数），如 40".to_owned(),
        Expected::Cap => "应填 0 至 255 的岗位数，或空着表示按人员类别的上限".to_owned(),
        Expected::Percent => "应填工作量百分比 1 至 100，如 50；空着表示 100".to_owned(),
        Expected::PerDay {
            found: Some(n), ..
        } => format!("应填周一至周五 5 个数，如 38;36;38;35;30，或一个数表示每天一样；这里有 {n} 个"),
        Expected::PerDay { empty: true, .. } => {
            "应填周一至周五的人数，如 38;36;38;35;30，或一个数；这里是空的".to_owned()
        }
        Expected::PerDay { .. } => {
            "应填周一至周五的整数，如 38;36;38;35;30，或一个数表示每天一样".to_owned()
        }
        Expected::Grade => "应填年级，如 3".to_owned(),
        Expected::GradeMissing => {
            "应填年级，如 3（班级编号以年级开头时可以不填，如 3-2）".to_owned()
        }
        Expected::Grades => "应填年级范围，如 3-6，或一个年级，如 3".to_owned(),
        Expected::Slot => {
            "应写成 星期:时段，如 周四:基本 或 周五:全天（时段：早间、午间、基本、拓展、弹性、全天）"
                .to_owned()
        }
        Expected::Meetings { empty } => {
            let base = "应写活动时段，如 周二:拓展;周四:拓展，或每周几次，如 2";
            if *empty {
                format!("{base}；这里是空的")
            } else {
                base.to_owned()
            }
        }
        Expected::StaffKind => {
            let kinds: Vec<&str> = StaffKind::ALL.iter().map(|k| v.staff_kind(*k)).collect();
            format!("应填人员类别：{}", v.join(&kinds))
        }
        Expected::RoomKind => {
            let kinds: Vec<&str> = RoomKind::ALL.iter().map(|k| v.room_kind(*k)).collect();
            format!("应填场地类型：{}", v.join(&kinds))
        }
        Expected::Skill => "应填指导教师所需的特长，如 足球，这里是空的".to_owned(),
    }
}

/// One thing wrong with one list.
pub fn error(e: &ImportError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        ImportError::NotUtf8 { file, line } => format!(
            "{file}：文件不是 UTF-8 编码；请另存为 CSV UTF-8（Excel：另存为“CSV UTF-8（逗号分隔）”；WPS：另存为 CSV 并选择 UTF-8）。它多半是 GBK 编码；第一个不是 UTF-8 的字符在第 {line} 行"
        ),
        ImportError::Empty { file, columns } => format!(
            "{file}：文件是空的；第一行应是表头，写明各栏：{}",
            known(columns)
        ),
        ImportError::UnterminatedQuote { file, row } => format!(
            "{file}：第 {row} 行：这里的一个引号（\"）开始了一格却没有结束，后面整个文件都会变成一格；请补上或删去这个引号"
        ),
        ImportError::TooManyRows { file } => format!(
            "{file}：超过 {} 行；kehou 一份名单最多读 {} 行：文件对吗？请删去不是人员、场地、班级或社团的行",
            limits::MAX_ROWS,
            limits::MAX_ROWS
        ),
        ImportError::TooManyColumns { file, row, count } => format!(
            "{file}：第 {row} 行有 {count} 栏，超过 kehou 能读的 {} 栏；请删去不属于名单的栏",
            limits::MAX_COLUMNS
        ),
        ImportError::CellTooLong {
            file,
            row,
            column,
            bytes,
        } => format!(
            "{file}：第 {row} 行 {column} 栏：这一格有 {bytes} 字节，超过上限 {} 字节；请缩短",
            limits::MAX_CELL_BYTES
        ),
        ImportError::Control {
            file,
            row,
            column,
            code,
        } => format!(
            "{file}：第 {row} 行 {column} 栏：这一格有控制字符（U+{code:04X}），会弄乱终端和打印的表；请删去（重新输入这一格）"
        ),
        ImportError::Csv { file, row, .. } => {
            format!("{file}：第 {row} 行：这一行不是有效的 CSV")
        }
        ImportError::UnknownHeader {
            file,
            header,
            columns,
        } => format!(
            "{file}：不认识表头“{header}”；可以用的表头有：{}",
            known(columns)
        ),
        ImportError::DuplicateColumn {
            file,
            first,
            second,
            ..
        } => format!("{file}：“{first}”和“{second}”两栏是同一个意思；只保留一栏"),
        ImportError::MissingColumn { file, names, .. } => {
            let zh: Vec<&str> = names.iter().copied().filter(|n| !n.is_ascii()).collect();
            format!(
                "{file}：缺少必需的一栏“{}”；请加一栏，表头用以下任一个：{}",
                chinese(names),
                zh.join("、")
            )
        }
        ImportError::Cell {
            file,
            row,
            column,
            value,
            within,
            expected: what,
        } => {
            let within = within
                .as_ref()
                .map_or_else(String::new, |w| format!("（在“{w}”中）"));
            format!(
                "{file}：第 {row} 行“{column}”栏：“{value}”{within}——{}",
                expected(what)
            )
        }
        ImportError::Workbook { file, .. } => format!(
            "{file}：无法作为 Excel 工作簿读取，或工作簿太大；请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”"
        ),
        ImportError::MissingSheet {
            file, names, found, ..
        } => {
            let zh: Vec<&str> = names
                .split(", ")
                .filter(|n| !n.is_ascii())
                .collect();
            format!(
                "{file}：没有“{}”这张表；请把一张表命名为：{}（工作簿里有：{found}）",
                zh.first().copied().unwrap_or_default(),
                zh.join("、")
            )
        }
        ImportError::Unnamed {
            file,
            row,
            column,
            value,
        } => format!(
            "{file}：第 {row} 行第 {column} 栏：“{value}”所在的栏没有表头；请给这一栏加表头，或清空它"
        ),
    }
}
