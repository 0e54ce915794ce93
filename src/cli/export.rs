//! `kehou export`: the roster of a plan as files for the duty board, the
//! teachers and the finance office. All the work is `export::export`, which
//! the terminal UI calls too.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use kehou_solver::model::StaffId;

use super::{hold, text, Outcome};
use crate::export::{self, ExportError, ExportOptions, Format};
use crate::files;
use crate::files::guard::Output;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_name = "SCHOOL", help = text::EXPORT_SCHOOL_HELP)]
    pub school: PathBuf,
    #[arg(value_name = "PLAN", help = text::EXPORT_PLAN_HELP)]
    pub plan: PathBuf,
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv, help = text::EXPORT_FORMAT_HELP)]
    pub format: ExportFormat,
    #[arg(long, value_name = "YYYY-MM-DD", help = text::EXPORT_DATE_HELP)]
    pub date: Option<NaiveDate>,
    #[arg(long, value_name = "STAFF_ID", help = text::EXPORT_PERSON_HELP)]
    pub person: Option<String>,
    #[arg(short, long, value_name = "FILE", help = text::EXPORT_OUTPUT_HELP)]
    pub output: PathBuf,
}

/// The export formats, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    #[value(help = text::EXPORT_FORMAT_CSV)]
    Csv,
    #[value(help = text::EXPORT_FORMAT_HTML)]
    Html,
    #[value(help = text::EXPORT_FORMAT_SIGNIN)]
    Signin,
    #[value(help = text::EXPORT_FORMAT_XLSX)]
    Xlsx,
    #[value(help = text::EXPORT_FORMAT_ICS)]
    Ics,
    #[value(help = text::EXPORT_FORMAT_HOURS)]
    Hours,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Format {
        match format {
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Html => Format::Html,
            ExportFormat::Signin => Format::Signin,
            ExportFormat::Xlsx => Format::Xlsx,
            ExportFormat::Ics => Format::Ics,
            ExportFormat::Hours => Format::Hours,
        }
    }
}

pub fn run(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    if args.output != Path::new("-")
        && !hold::output_ok(
            &args.output,
            Output::Other,
            &[&args.school, &args.plan],
            err,
        )?
    {
        return Ok(Outcome::Trouble);
    }
    // Both files are read before anything is reported, so that one run names
    // every unreadable file.
    let (school, plan) = match (
        files::load_school(&args.school),
        files::load_plan(&args.plan),
    ) {
        (Ok(school), Ok(plan)) => (school, plan),
        (school, plan) => {
            for e in school.err().into_iter().chain(plan.err()) {
                writeln!(err, "{e}")?;
            }
            return Ok(Outcome::Trouble);
        }
    };
    if plan.school_fingerprint == school.fingerprint() {
        let broken = kehou_solver::check::check_all(&school, &plan).len();
        if broken > 0 {
            writeln!(
                err,
                "{}",
                text::export_broken(&args.school, &args.plan, broken)
            )?;
        }
    } else {
        writeln!(err, "{}", text::export_stale(&args.plan))?;
    }
    let options = ExportOptions {
        format: args.format.into(),
        date: args.date,
        person: args.person.as_deref().map(StaffId::new),
        output: args.output.clone(),
    };

    if args.output == Path::new("-") {
        let made = match export::files(&school, &plan, &options) {
            Ok(made) => made,
            Err(e) => return trouble(err, &e),
        };
        if made.len() != 1 {
            writeln!(err, "{}", words::MANY_TO_STDOUT)?;
            return Ok(Outcome::Trouble);
        }
        out.write_all(&made[0].bytes)?;
        return Ok(Outcome::Clean);
    }
    let written = match export::export(&school, &plan, &options) {
        Ok(written) => written,
        Err(e) => return trouble(err, &e),
    };
    if options.format == Format::Csv && options.date.is_none() {
        let rows = export::roster_rows(&school, &plan);
        let holes = rows
            .iter()
            .filter(|r| r.role == export::RosterRole::Unmet)
            .count();
        writeln!(out, "{}", text::exported(&args.output, rows.len(), holes))?;
    } else {
        writeln!(out, "{}", words::wrote(&written, &args.output))?;
    }
    Ok(Outcome::Clean)
}

fn trouble(err: &mut dyn Write, e: &ExportError) -> io::Result<Outcome> {
    writeln!(err, "{e}")?;
    Ok(Outcome::Trouble)
}

mod words {
    use std::path::Path;

    use crate::export::Written;

    pub const MANY_TO_STDOUT: &str = "this export makes one file per person and cannot go to standard output; give a directory with -o, or one person with --person";

    /// "wrote duty-board.html (53 kB)", or "wrote 88 files to calendars/".
    pub fn wrote(written: &[Written], output: &Path) -> String {
        match written {
            [one] => format!("wrote {} ({} bytes)", one.path.display(), one.bytes),
            many => format!("wrote {} files to {}", many.len(), output.display()),
        }
    }
}
