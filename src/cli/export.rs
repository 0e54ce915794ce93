//! `kehou export`: the roster of a plan as a file for the duty board,
//! the teachers and the finance office.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{text, Outcome};
use crate::export::{self, Format};
use crate::files;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_name = "SCHOOL", help = text::EXPORT_SCHOOL_HELP)]
    pub school: PathBuf,
    #[arg(value_name = "PLAN", help = text::EXPORT_PLAN_HELP)]
    pub plan: PathBuf,
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv, help = text::EXPORT_FORMAT_HELP)]
    pub format: ExportFormat,
    #[arg(short, long, value_name = "FILE", help = text::EXPORT_OUTPUT_HELP)]
    pub output: PathBuf,
}

/// The export formats, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    #[value(help = text::EXPORT_FORMAT_CSV)]
    Csv,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Format {
        match format {
            ExportFormat::Csv => Format::Csv,
        }
    }
}

pub fn run(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
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
    if plan.school_fingerprint != school.fingerprint() {
        writeln!(err, "{}", text::export_stale(&args.plan))?;
    }

    let bytes = export::render(args.format.into(), &school, &plan)?;
    if args.output == Path::new("-") {
        out.write_all(&bytes)?;
        return Ok(Outcome::Clean);
    }
    let mut write = |f: &mut File, b: &[u8]| f.write_all(b);
    if let Err(e) = files::write_atomic(&args.output, &bytes, &mut write) {
        writeln!(err, "{e}")?;
        return Ok(Outcome::Trouble);
    }
    let rows = export::roster_rows(&school, &plan);
    let holes = rows
        .iter()
        .filter(|r| r.role == export::RosterRole::Unmet)
        .count();
    writeln!(out, "{}", text::exported(&args.output, rows.len(), holes))?;
    Ok(Outcome::Clean)
}
