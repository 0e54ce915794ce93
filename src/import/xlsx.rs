//! The four lists from one Excel workbook (`.xlsx`, as Excel, WPS and
//! LibreOffice save it): sheets `staff`, `rooms`, `classes` and, if the
//! school has clubs, `clubs` (or 教职工 / 教室 / 班级 / 社团), each with the
//! columns of the CSV file of the same name.
//!
//! Each sheet is turned into the text of that CSV file, cell by cell and
//! row by row, keeping the sheet's own row and column numbers, and then read
//! by the same code as a CSV file ([`super::table`], [`super::cells`]), so
//! the headers, values and messages are the CSV import's. The file name in
//! a message is `school.xlsx [staff]`.
//!
//! Cells are read as people see them: a whole number as `40`, a true/false
//! cell as yes/no, a date as `2026-09-01`, a time as `15:05`. A line break
//! inside a cell (Alt+Enter) separates list items, like `、`.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

use super::{limits, ImportError, ImportErrors, Source, Sources};

/// The names each sheet may have; the English one first.
const STAFF: &[&str] = &["staff", "教职工", "人员", "教师", "员工"];
const ROOMS: &[&str] = &["rooms", "教室", "场地", "教室场地"];
const CLASSES: &[&str] = &["classes", "班级"];
const CLUBS: &[&str] = &["clubs", "社团"];

/// The most rows and columns a sheet may use: far more than any school's
/// lists, and small enough that a stray cell far away is caught, not read.
const MAX_ROWS: u32 = 10_000;
const MAX_COLUMNS: u32 = 200;

/// The four lists of the workbook `file` (a name for messages) holding `bytes`.
pub fn sources(file: &str, bytes: &[u8]) -> Result<Sources, ImportErrors> {
    // Before calamine sees it: calamine would unpack a sheet of blanks
    // into memory whole.
    limits::check_workbook(bytes).map_err(|message| {
        ImportErrors(vec![ImportError::Workbook {
            file: file.to_owned(),
            message,
        }])
    })?;
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
                    found: limits::printable(&names.join(", ")),
                });
            }
            return None;
        };
        match read_cells(&mut book, name) {
            Ok(cells) => Some(Source::new(
                format!("{file} [{}]", limits::printable(name)),
                as_csv(&cells),
            )),
            Err(message) => {
                errors.push(ImportError::Workbook {
                    file: file.to_owned(),
                    message,
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

/// The filled cells of sheet `name` by (row, column), from 0, read one by
/// one (never as the whole rectangle up to the farthest cell); refused,
/// with the far cell named, when one lies beyond [`MAX_ROWS`] or
/// [`MAX_COLUMNS`].
fn read_cells<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
) -> Result<BTreeMap<(u32, u32), Data>, String> {
    let unreadable = |e: calamine::XlsxError| format!("cannot read sheet {name}: {e}");
    let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut cells = BTreeMap::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let data = Data::from(cell.get_value().clone());
        if matches!(data, Data::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(format!(
                "sheet {name} has something in cell {} (row {}, column {}), beyond the {MAX_ROWS} rows and {MAX_COLUMNS} columns (A to {}) kehou reads; delete what is in that cell and the cells around it (Ctrl+End in Excel or WPS goes to the last used cell) and save again",
                cell_name(row, column),
                u64::from(row) + 1,
                u64::from(column) + 1,
                column_name(MAX_COLUMNS - 1),
            ));
        }
        cells.insert((row, column), data);
    }
    Ok(cells)
}

/// `A`, `B`, … `Z`, `AA`, … for a column from 0.
pub(super) fn column_name(column: u32) -> String {
    let mut n = u64::from(column) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rest).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell's name as Excel shows it, such as `XFD1048576`.
fn cell_name(row: u32, column: u32) -> String {
    format!("{}{}", column_name(column), u64::from(row) + 1)
}

/// The sheet as CSV text, a line per sheet row from row 1 and a field per
/// column from column A, so that the CSV reader's line and field numbers
/// are the sheet's row and column numbers.
fn as_csv(cells: &BTreeMap<(u32, u32), Data>) -> Vec<u8> {
    let mut out = Vec::new();
    let Some(&(top, _)) = cells.keys().next() else {
        return out;
    };
    let bottom = cells.keys().next_back().map_or(top, |&(r, _)| r);
    let left = cells.keys().map(|&(_, c)| c).min().unwrap_or(0);
    out.resize(top as usize, b'\n');
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(&mut out);
    for row in top..=bottom {
        let filled: Vec<(u32, &Data)> = cells
            .range((row, 0)..=(row, u32::MAX))
            .map(|(&(_, c), d)| (c, d))
            .collect();
        let right = filled.last().map_or(left, |&(c, _)| c + 1);
        let mut fields: Vec<String> = vec![String::new(); right.max(left + 1) as usize];
        for (c, d) in filled {
            fields[c as usize] = cell_text(d);
        }
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
        Data::Float(f) if f.abs() >= 1e15 || (*f != 0.0 && f.abs() < 1e-6) => format!("{f:.6e}"),
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
        let mut cells = BTreeMap::new();
        cells.insert((2, 1), Data::String("id".into()));
        cells.insert((2, 2), Data::String("name".into()));
        cells.insert((3, 1), Data::String("t1".into()));
        cells.insert((3, 2), Data::String("王, 丽".into()));
        let text = String::from_utf8(as_csv(&cells)).unwrap();
        assert_eq!(text, "\n\n,id,name\n,t1,\"王, 丽\"\n");
    }

    #[test]
    fn far_cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(9, 27), "AB10");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn huge_numbers_are_shortened() {
        assert_eq!(cell_text(&Data::Float(1e300)).len(), "1.000000e300".len());
        assert_eq!(cell_text(&Data::Float(123_456.0)), "123456");
    }
}
