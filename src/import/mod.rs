//! `kehou import`: a school from the CSV files a deputy head keeps in a
//! spreadsheet — staff, rooms, classes and clubs — around the settings of a
//! base school file, or sensible defaults.
//!
//! - [`headers`]: the columns of each file and the header names (English or
//!   Chinese, a few synonyms) that mean them;
//! - [`table`]: a file as a table: UTF-8 (with or without Excel's byte-order
//!   mark), a header row, rows numbered as a spreadsheet numbers them;
//! - [`cells`]: the values inside cells;
//! - `staff`, `rooms`, `classes`, `clubs`: one file each;
//! - [`defaults`]: the term and timetables of a school imported without a base;
//! - [`xlsx`]: the four lists as sheets of one Excel workbook, read as CSV.
//!
//! Every problem in every file is collected and reported together, each
//! naming file, row, column, the value and what was expected. Whether the
//! school then makes sense is `kehou_solver::validate`'s business, not this
//! module's: an import only reads what the files say.

pub mod cells;
mod classes;
mod clubs;
pub mod defaults;
pub mod headers;
pub mod limits;
mod rooms;
mod staff;
mod table;
pub mod xlsx;

use std::fmt;

use chrono::NaiveDate;
use kehou_solver::model::{Duties, RoomId, Rules, StaffId, SCHOOL_FORMAT_VERSION};
use kehou_solver::School;

/// One CSV file: the name to show in messages (usually its path) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Source {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Source {
        Source {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// The four lists. A school may have no clubs yet: then `clubs` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    pub staff: Source,
    pub rooms: Source,
    pub classes: Source,
    pub clubs: Option<Source>,
}

/// One thing wrong with one file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: file is not UTF-8; save it as CSV UTF-8 (Excel: Save As \"CSV UTF-8 (Comma delimited)\", 另存为 \"CSV UTF-8(逗号分隔)\"; WPS: 另存为 CSV and choose UTF-8). It is probably GBK, which Excel and WPS often write in China; the first character that is not UTF-8 is on line {line}")]
    NotUtf8 { file: String, line: usize },
    #[error("{file}: the file is empty; it needs a header row naming its columns: {}", headers::known(.columns))]
    Empty {
        file: String,
        columns: &'static [headers::Column],
    },
    #[error("{file}: row {row}: a quote (\") opens a cell here that never closes, so the rest of the file would be one cell; close the quote, or remove it")]
    UnterminatedQuote { file: String, row: u64 },
    #[error("{file}: more than {max} rows; kehou reads at most {max} rows of a list: is it the right file? Delete the rows that are not people, rooms, classes or clubs", max = limits::MAX_ROWS)]
    TooManyRows { file: String },
    #[error("{file}: row {row} has {count} columns, more than the {max} kehou reads; delete the columns that are not part of the list", max = limits::MAX_COLUMNS)]
    TooManyColumns {
        file: String,
        row: u64,
        count: usize,
    },
    #[error("{file}: row {row}, column {column}: the cell holds {bytes} bytes, more than the {max} a cell may; shorten it", max = limits::MAX_CELL_BYTES)]
    CellTooLong {
        file: String,
        row: u64,
        /// A spreadsheet's column letter (A, B, …).
        column: String,
        bytes: usize,
    },
    #[error("{file}: row {row}, column {column}: the cell holds a control character (U+{code:04X}), which would garble terminals and printed sheets; delete it (retype the cell)")]
    Control {
        file: String,
        row: u64,
        /// A spreadsheet's column letter (A, B, …).
        column: String,
        code: u32,
    },
    #[error("{file}: row {row}: cannot read the CSV: {message}")]
    Csv {
        file: String,
        row: u64,
        message: String,
    },
    #[error("{file}: unknown column header \"{header}\"; the known headers are: {}", headers::known(.columns))]
    UnknownHeader {
        file: String,
        header: String,
        columns: &'static [headers::Column],
    },
    #[error("{file}: columns \"{first}\" and \"{second}\" both mean {key}; keep one of them")]
    DuplicateColumn {
        file: String,
        first: String,
        second: String,
        key: &'static str,
    },
    #[error("{file}: there is no column {key}, which is required; add a column headed with one of: {}", .names.join(", "))]
    MissingColumn {
        file: String,
        key: &'static str,
        names: &'static [&'static str],
    },
    #[error("{file}: row {row}, column {column}: \"{value}\"{} — {expected}", within_text(.within.as_deref()))]
    Cell {
        file: String,
        row: u64,
        /// The header as written in the file (the English key if the column is missing).
        column: String,
        /// The value, or the offending item of a list.
        value: String,
        /// The whole cell, when `value` is one item of a list.
        within: Option<String>,
        expected: cells::Expected,
    },
    #[error("{file}: {message}")]
    Workbook { file: String, message: String },
    #[error("{file}: there is no sheet {sheet}; name a sheet with one of: {names} (the workbook has: {found})")]
    MissingSheet {
        file: String,
        sheet: &'static str,
        names: String,
        found: String,
    },
    #[error("{file}: row {row}, column {column}: \"{value}\" is in a column with no header; give the column a header, or clear it")]
    Unnamed {
        file: String,
        row: u64,
        /// Counted from 1, as a spreadsheet's A, B, C … would be.
        column: usize,
        value: String,
    },
}

fn within_text(within: Option<&str>) -> String {
    within.map(|w| format!(" (in \"{w}\")")).unwrap_or_default()
}

/// Everything wrong with the files of one import, in file order and row order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportErrors(pub Vec<ImportError>);

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}

/// The school the four lists describe. Name, term, rules, timetables and
/// duties come from `base` when given; otherwise they are defaults, with a
/// term for the school year of `today` (see [`defaults`]).
///
/// After reading, references are tidied so the spreadsheet can be written the
/// way people think of it:
/// - a club leader or class teacher given by name rather than id (`周婷`) is
///   the person of that name when exactly one has it and no one has it as id;
///   a homeroom or fallback given by room name likewise;
/// - a class's empty class teacher is the one person whose class_teacher_of
///   names the class, and a person's empty class_teacher_of is the one class
///   that names them as its class teacher.
pub fn import(
    sources: &Sources,
    base: Option<School>,
    today: NaiveDate,
) -> Result<School, ImportErrors> {
    let mut errors = Vec::new();
    let staff = staff::read(&sources.staff, &mut errors);
    let rooms = rooms::read(&sources.rooms, &mut errors);
    let classes = classes::read(&sources.classes, &mut errors);
    let clubs = match &sources.clubs {
        Some(source) => clubs::read(source, &mut errors),
        None => Vec::new(),
    };
    if !errors.is_empty() {
        return Err(ImportErrors(errors));
    }
    let mut school = match base {
        Some(base) => School {
            version: SCHOOL_FORMAT_VERSION,
            staff,
            rooms,
            classes,
            clubs,
            ..base
        },
        None => School {
            version: SCHOOL_FORMAT_VERSION,
            name: defaults::SCHOOL_NAME.to_owned(),
            term: defaults::term(today),
            rules: Rules::default(),
            timetables: defaults::timetables(),
            duties: Duties::default(),
            staff,
            rooms,
            classes,
            clubs,
            skills: Vec::new(),
        },
    };
    resolve_names(&mut school);
    link_class_teachers(&mut school);
    Ok(school)
}

/// The id of the one item named `written`, if `written` is no item's id.
fn by_name<'a>(
    written: &str,
    items: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> Option<String> {
    if items.clone().any(|(id, _)| id == written) {
        return None;
    }
    let mut named = items.filter(|(_, name)| *name == written);
    match (named.next(), named.next()) {
        (Some((id, _)), None) => Some(id.to_owned()),
        _ => None,
    }
}

fn resolve_names(school: &mut School) {
    let people: Vec<(String, String)> = school
        .staff
        .iter()
        .map(|p| (p.id.0.clone(), p.name.clone()))
        .collect();
    let rooms: Vec<(String, String)> = school
        .rooms
        .iter()
        .map(|r| (r.id.0.clone(), r.name.clone()))
        .collect();
    let person = |id: &StaffId| {
        by_name(
            id.as_str(),
            people.iter().map(|(i, n)| (i.as_str(), n.as_str())),
        )
        .map(StaffId::new)
    };
    let room = |id: &RoomId| {
        by_name(
            id.as_str(),
            rooms.iter().map(|(i, n)| (i.as_str(), n.as_str())),
        )
        .map(RoomId::new)
    };
    for club in &mut school.clubs {
        if let Some(id) = club.leader.as_ref().and_then(person) {
            club.leader = Some(id);
        }
    }
    for class in &mut school.classes {
        if let Some(id) = class.class_teacher.as_ref().and_then(person) {
            class.class_teacher = Some(id);
        }
        if let Some(id) = room(&class.homeroom) {
            class.homeroom = id;
        }
    }
    for r in &mut school.rooms {
        if let Some(id) = r.fallback.as_ref().and_then(room) {
            r.fallback = Some(id);
        }
    }
}

fn link_class_teachers(school: &mut School) {
    for class in &mut school.classes {
        if class.class_teacher.is_some() {
            continue;
        }
        let mut claims = school
            .staff
            .iter()
            .filter(|p| p.class_teacher_of.as_ref() == Some(&class.id));
        if let (Some(p), None) = (claims.next(), claims.next()) {
            class.class_teacher = Some(p.id.clone());
        }
    }
    for person in &mut school.staff {
        if person.class_teacher_of.is_some() {
            continue;
        }
        let mut classes = school
            .classes
            .iter()
            .filter(|c| c.class_teacher.as_ref() == Some(&person.id));
        if let (Some(c), None) = (classes.next(), classes.next()) {
            person.class_teacher_of = Some(c.id.clone());
        }
    }
}
