//! The four lists from one Excel workbook (`.xlsx`, as Excel, WPS and
//! LibreOffice save it): sheets `staff`, `rooms`, `classes` and, if the
//! school has clubs, `clubs` (or 教职工 / 教室 / 班级 / 社团), each with the
//! columns of the CSV file of the same name.
//!
//! Each sheet is turned into the text of that CSV file, cell by cell and
//! row by row, keeping the sheet's own row and column numbers, and then read
//! by the same code as a CSV file ([`super::table`], [`super::cells`]), so
//! the headers, values and messages are the CSV import's. The file name in
//! a message is `school.xlsx [sheet staff]`.
//!
//! Cells are read as people see them: a whole number as `40`, a true/false
//! cell as yes/no, a date as `2026-09-01`, a time as `15:05`. A line break
//! inside a cell (Alt+Enter) separates list items, like `、`.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};

use super::{ImportError, ImportErrors, Source, Sources};

/// The names each sheet may have; the English one first.
const STAFF: &[&str] = &["staff", "教职工", "人员", "教师", "员工"];
const ROOMS: &[&str] = &["rooms", "教室", "场地", "教室场地"];
const CLASSES: &[&str] = &["classes", "班级"];
const CLUBS: &[&str] = &["clubs", "社团"];

/// The four lists of the workbook `file` (a name for messages) holding `bytes`.
pub fn sources(file: &str, bytes: &[u8]) -> Result<Sources, ImportErrors> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        ImportErrors(vec![ImportError::Workbook {
            file: file.to_owned(),
            message: format!("cannot open it as an Excel workbook (.xlsx): {e}; save it from Excel or WPS as \"Excel 工作簿 (*.xlsx)\""),
        }])
    })?;
    let names = book.sheet_names();
    let mut errors = Vec::new();
    let mut sheet = |wanted: &[&'static str], required: bool| -> Option<Source> {
        let found = names.iter().find(|n| {
            let n = n.trim().to_lowercase();
            wanted.iter().any(|w| n == *w)
        });
        let Some(name) = found else {
            if required {
                errors.push(ImportError::MissingSheet {
                    file: file.to_owned(),
                    sheet: wanted[0],
                    names: wanted.join(", "),
                    found: names.join(", "),
                });
            }
            return None;
        };
        match book.worksheet_range(name) {
            Ok(range) => Some(Source::new(
                format!("{file} [sheet {name}]"),
                as_csv(&range),
            )),
            Err(e) => {
                errors.push(ImportError::Workbook {
                    file: file.to_owned(),
                    message: format!("cannot read sheet {name}: {e}"),
                });
                None
            }
        }
    };
    let staff = sheet(STAFF, true);
    let rooms = sheet(ROOMS, true);
    let classes = sheet(CLASSES, true);
    let clubs = sheet(CLUBS, false);
    match (staff, rooms, classes) {
        (Some(staff), Some(rooms), Some(classes)) if errors.is_empty() => Ok(Sources {
            staff,
            rooms,
            classes,
            clubs,
        }),
        _ => Err(ImportErrors(errors)),
    }
}

/// The sheet as CSV text, a line per sheet row from row 1 and a field per
/// column from column A, so that the CSV reader's line and field numbers
/// are the sheet's row and column numbers.
fn as_csv(range: &Range<Data>) -> Vec<u8> {
    let mut out = Vec::new();
    let Some((top, left)) = range.start() else {
        return out;
    };
    out.resize(top as usize, b'\n');
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(&mut out);
    for row in range.rows() {
        let mut fields: Vec<String> = vec![String::new(); left as usize];
        fields.extend(row.iter().map(cell_text));
        // An empty record would be written as `""`: keep the line, empty.
        if fields.len() == 1 && fields[0].is_empty() {
            fields.push(String::new());
        }
        // Writing fails only if the Vec cannot grow.
        let _ = writer.write_record(&fields);
    }
    let _ = writer.flush();
    drop(writer);
    out
}

/// A cell as the person who typed it sees it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("\r\n", "\n").replace('\n', "、"),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Data::DateTime(d) => match d.as_datetime() {
            // A time of day alone is stored on Excel's day zero.
            Some(t) if d.as_f64() < 1.0 => t.format("%H:%M").to_string(),
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => d.to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_people_see_them() {
        assert_eq!(cell_text(&Data::Float(40.0)), "40");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        assert_eq!(cell_text(&Data::Bool(true)), "yes");
        assert_eq!(cell_text(&Data::String("书法\n美术".into())), "书法、美术");
        assert_eq!(cell_text(&Data::Empty), "");
    }

    #[test]
    fn rows_and_columns_keep_their_sheet_numbers() {
        let mut range = Range::new((2, 1), (3, 2));
        range.set_value((2, 1), Data::String("id".into()));
        range.set_value((2, 2), Data::String("name".into()));
        range.set_value((3, 1), Data::String("t1".into()));
        range.set_value((3, 2), Data::String("王, 丽".into()));
        let text = String::from_utf8(as_csv(&range)).unwrap();
        assert_eq!(text, "\n\n,id,name\n,t1,\"王, 丽\"\n");
    }
}
