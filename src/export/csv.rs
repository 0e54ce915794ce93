//! The roster as CSV, for spreadsheets and the duty board.
//!
//! UTF-8 with a byte-order mark, because Excel on a Chinese Windows reads a
//! CSV file without one as GBK and turns every name into mojibake. RFC 4180
//! line ends. A cell that a spreadsheet would take for a formula (it starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`,
//! so that a name typed as `=HYPERLINK(…)` stays text (OWASP's advice on CSV
//! injection).

use std::borrow::Cow;
use std::io;

use kehou_solver::dated::DayRoster;
use kehou_solver::School;

use super::{RosterRole, RosterRow};
use crate::words::{Lang, Names};

/// The header of the roster CSV; the columns are documented in `kehou export --help`.
pub const ROSTER_HEADER: [&str; 12] = [
    "cycle_week",
    "weekday",
    "session",
    "start",
    "end",
    "post_kind",
    "post_id",
    "group",
    "room",
    "staff_id",
    "staff_name",
    "role",
];

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// The header in Chinese: the same columns, `岗位编号` and `人员编号` the ids.
pub const ROSTER_HEADER_ZH: [&str; 12] = [
    "周期周",
    "星期",
    "时段",
    "开始",
    "结束",
    "岗位类型",
    "岗位编号",
    "班级或社团",
    "场地",
    "人员编号",
    "姓名",
    "角色",
];

fn header(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Zh => ROSTER_HEADER_ZH,
        Lang::En => ROSTER_HEADER,
    }
}

/// The bytes of the roster CSV file of `rows`, in `names`' language.
pub fn roster(rows: &[RosterRow], names: &Names) -> io::Result<Vec<u8>> {
    let mut bytes = BOM.as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut bytes);
    writer.write_record(header(names.lang))?;
    for row in rows {
        for cell in cells(row, names) {
            writer.write_field(spreadsheet_safe(&cell).as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()?;
    drop(writer);
    Ok(bytes)
}

/// The roster of one date as CSV: the roster's columns after a `date`
/// column, the posts timed for that date's season and staffed as that
/// date's substitutions left them.
pub fn day(school: &School, day: &DayRoster, lang: Lang) -> io::Result<Vec<u8>> {
    let names = Names::new(lang, school, None);
    let rows = super::post_rows(school, day.posts.iter().map(|p| &p.post));
    let date = day.day.date.to_string();
    let mut bytes = BOM.as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut bytes);
    writer.write_field(match lang {
        Lang::Zh => "日期",
        Lang::En => "date",
    })?;
    writer.write_record(header(lang))?;
    for row in &rows {
        writer.write_field(&date)?;
        for cell in cells(row, &names) {
            writer.write_field(spreadsheet_safe(&cell).as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()?;
    drop(writer);
    Ok(bytes)
}

/// A row's cells: codes and ids in English, as documented for other
/// programs; words and names in Chinese, the ids kept in their own columns.
fn cells(row: &RosterRow, names: &Names) -> [String; 12] {
    if names.lang == Lang::Zh {
        let v = names.lang.vocab();
        return [
            row.week.to_string(),
            v.weekday(row.day).to_owned(),
            v.session(row.session).to_owned(),
            row.start.to_string(),
            row.end.to_string(),
            v.post_kind(row.kind).to_owned(),
            row.post_id.clone(),
            row.group_name.clone(),
            row.room
                .as_ref()
                .map(|r| names.room_of(r))
                .unwrap_or_default(),
            row.staff
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            row.staff_name.clone(),
            match row.role {
                RosterRole::Lead => v.role(kehou_solver::plan::Role::Lead).to_owned(),
                RosterRole::Assist => v.role(kehou_solver::plan::Role::Assist).to_owned(),
                RosterRole::Unmet => "缺人".to_owned(),
            },
        ];
    }
    [
        row.week.to_string(),
        row.day.code().to_owned(),
        row.session.code().to_owned(),
        row.start.to_string(),
        row.end.to_string(),
        row.kind.code().to_owned(),
        row.post_id.clone(),
        row.group.clone(),
        row.room
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        row.staff
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        row.staff_name.clone(),
        row.role.code().to_owned(),
    ]
}

/// `cell`, with a `'` in front if a spreadsheet would run it as a formula.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::{person, plan, post, school, time};
    use crate::export::Format;
    use kehou_solver::model::{StaffKind, Weekday};
    use kehou_solver::plan::{PostKind, Role};

    #[test]
    fn formula_cells_are_made_text() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+86 138"), "'+86 138");
        assert_eq!(spreadsheet_safe("-1"), "'-1");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("\tx"), "'\tx");
        assert_eq!(spreadsheet_safe("\rx"), "'\rx");
        assert_eq!(spreadsheet_safe("王丽"), "王丽");
        assert_eq!(spreadsheet_safe("3-1+3-2"), "3-1+3-2");
        assert_eq!(spreadsheet_safe(""), "");
        assert!(matches!(spreadsheet_safe("w1-mon"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_file_has_a_bom_the_header_and_quoted_escaped_cells() {
        let school = school(vec![
            person("t1", "=HYPERLINK(\"x\")", StaffKind::Teacher),
            person("t2", "李, 娜", StaffKind::Teacher),
        ]);
        let plan = plan(
            &school,
            vec![post(
                "w1-fri-late-a",
                Weekday::Fri,
                PostKind::Late,
                (time(16, 55), 35),
                3,
                &[("t1", Role::Lead), ("t2", Role::Assist)],
            )],
        );
        let mut options = crate::export::ExportOptions::new(Format::Csv, "x.csv");
        options.lang = crate::words::Lang::En;
        let bytes = crate::export::files(&school, &plan, &options)
            .unwrap()
            .remove(0)
            .bytes;
        let text = String::from_utf8(bytes).unwrap();
        let text = text.strip_prefix(BOM).expect("starts with a BOM");
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(
            lines,
            [
                "cycle_week,weekday,session,start,end,post_kind,post_id,group,room,staff_id,staff_name,role",
                "1,fri,late,16:55,17:30,late,w1-fri-late-a,3-1,r301,t1,\"'=HYPERLINK(\"\"x\"\")\",lead",
                "1,fri,late,16:55,17:30,late,w1-fri-late-a,3-1,r301,t2,\"李, 娜\",assist",
                "1,fri,late,16:55,17:30,late,w1-fri-late-a,3-1,r301,,,unmet",
            ]
        );
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), ROSTER_HEADER.len());
        }
    }
}
