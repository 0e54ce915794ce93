//! One export, as the command line and the terminal UI ask for it: a format,
//! an optional date and person, and where to write. [`files`] makes the
//! files' bytes (no I/O); [`export`] also writes them, each atomically.

use std::fmt;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::words::{Lang, Names};
use kehou_solver::dated;
use kehou_solver::model::StaffId;
use kehou_solver::{Plan, School};

use super::{board, csv, day, hours, html, ics, roster_rows, signin, xlsx, Format};
use crate::files::{self, FileError};

/// What to export and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub format: Format,
    /// One service date instead of the cycle: the day's duty board with its
    /// substitutions (html), a date column (csv), that week's sign-in sheets
    /// with dates filled in (signin).
    pub date: Option<NaiveDate>,
    /// Only this person's calendar (ics).
    pub person: Option<StaffId>,
    /// A file; for calendars of everyone, a directory (made if missing).
    pub output: PathBuf,
    /// The language of the words in the files (headings, sheet names,
    /// reasons, calendar entries).
    pub lang: Lang,
}

impl ExportOptions {
    /// In Chinese; set `lang` for English.
    pub fn new(format: Format, output: impl Into<PathBuf>) -> ExportOptions {
        ExportOptions {
            format,
            date: None,
            person: None,
            output: output.into(),
            lang: Lang::Zh,
        }
    }
}

/// One file of an export, before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// One file an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: usize,
}

/// An option a format does not take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unused {
    Person,
    Date,
}

/// Why an export could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{date} has no after-school service in this term ({first} to {last}): it is a weekend, a holiday, a day without service, or outside the term; give a school day")]
    NoService {
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
    #[error("there is no staff member with id \"{0}\" in the school; the ids are in the staff list (kehou overview SCHOOL lists them)")]
    UnknownPerson(String),
    #[error("{} does not take {}; leave it out", .format.name(), match .option {
        Unused::Person => "a person (only ics and hours do)",
        Unused::Date => "a date (it covers the whole term)",
    })]
    Unused { format: Format, option: Unused },
    #[error("cannot make the workbook: {0}")]
    Workbook(String),
    #[error("{path}: cannot make the directory: {source}")]
    Directory {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    File(#[from] FileError),
    #[error("cannot write the file: {0}")]
    Io(#[from] std::io::Error),
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> ExportError {
        ExportError::Workbook(e.to_string())
    }
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} bytes)", self.path.display(), self.bytes)
    }
}

/// The files of an export, not yet written.
pub fn files(
    school: &School,
    plan: &Plan,
    options: &ExportOptions,
) -> Result<Vec<ExportFile>, ExportError> {
    if let Some(id) = &options.person {
        if school.person(id).is_none() {
            return Err(ExportError::UnknownPerson(id.to_string()));
        }
        if options.format != Format::Ics && options.format != Format::Hours {
            return Err(ExportError::Unused {
                format: options.format,
                option: Unused::Person,
            });
        }
    }
    if options.date.is_some()
        && matches!(options.format, Format::Ics | Format::Hours | Format::Xlsx)
    {
        return Err(ExportError::Unused {
            format: options.format,
            option: Unused::Date,
        });
    }
    let date = match options.date {
        Some(date) => Some(dated::day_roster(school, plan, date).ok_or(
            ExportError::NoService {
                date,
                first: school.term.first_day,
                last: school.term.last_day,
            },
        )?),
        None => None,
    };
    let one = |bytes: Vec<u8>| {
        Ok(vec![ExportFile {
            path: options.output.clone(),
            bytes,
        }])
    };
    // Printed sheets carry their own warning; data files (CSV, workbook,
    // calendars) are read by programs, and the command line warns instead.
    let stale = plan.school_fingerprint != school.fingerprint();
    let html = |text: String| {
        if stale {
            html::mark_not_current(&text, options.lang).into_bytes()
        } else {
            text.into_bytes()
        }
    };
    match options.format {
        Format::Csv => match &date {
            Some(day) => one(csv::day(school, day, options.lang)?),
            None => one(csv::roster(
                &roster_rows(school, plan),
                &Names::new(options.lang, school, Some(plan)),
            )?),
        },
        Format::Html => match &date {
            Some(day) => one(html(day::render(school, plan, day, options.lang))),
            None => one(html(board::render(school, plan, options.lang))),
        },
        Format::Signin => one(html(signin::render(
            school,
            plan,
            date.as_ref().map(|d| d.day),
            options.lang,
        ))),
        Format::Xlsx => one(xlsx::workbook(school, plan, options.lang)?),
        Format::Hours => {
            let mut hours = hours::term_hours(school, plan);
            if let Some(id) = &options.person {
                hours.retain(|h| &h.staff == id);
            }
            if is_xlsx(&options.output) {
                one(xlsx::hours_workbook(&hours, options.lang)?)
            } else {
                one(hours::csv(&hours, options.lang)?)
            }
        }
        Format::Ics => Ok(ics_files(school, plan, options)),
    }
}

fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

fn ics_files(school: &School, plan: &Plan, options: &ExportOptions) -> Vec<ExportFile> {
    let term = dated::term_roster(school, plan);
    let is_file = options
        .output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ics"));
    let people: Vec<&StaffId> = match &options.person {
        Some(id) => vec![id],
        None => school.staff.iter().map(|p| &p.id).collect(),
    };
    let mut out = Vec::new();
    let mut taken = std::collections::BTreeSet::new();
    for id in people {
        let calendar = ics::calendar(school, plan, &term, id, options.lang);
        if options.person.is_none() && calendar.events == 0 {
            continue;
        }
        let path = if options.person.is_some() && is_file {
            options.output.clone()
        } else {
            options
                .output
                .join(ics::unique(&ics::file_name(school, id), &mut taken))
        };
        out.push(ExportFile {
            path,
            bytes: calendar.text.into_bytes(),
        });
    }
    out
}

/// Makes the export's files and writes them, each atomically (a file it
/// replaces keeps a `.bak`). The files written, in order.
pub fn export(
    school: &School,
    plan: &Plan,
    options: &ExportOptions,
) -> Result<Vec<Written>, ExportError> {
    let made = files(school, plan, options)?;
    let mut written = Vec::with_capacity(made.len());
    for file in made {
        if let Some(dir) = file.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.is_dir() {
                std::fs::create_dir_all(dir).map_err(|source| ExportError::Directory {
                    path: dir.to_owned(),
                    source,
                })?;
            }
        }
        let mut write = |f: &mut File, b: &[u8]| f.write_all(b);
        files::write_atomic(&file.path, &file.bytes, &mut write)?;
        written.push(Written {
            path: file.path,
            bytes: file.bytes.len(),
        });
    }
    Ok(written)
}
