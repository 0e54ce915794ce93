//! `kehou export`: the roster of a plan as files for the duty board, the
//! teachers and the finance office. All the work is `export::export`, which
//! the terminal UI calls too.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::{hold, text, Outcome};
use crate::export::{self, ExportError, ExportOptions, Format};
use crate::files;
use crate::files::guard::Output;
use crate::words::{errors, Lang};

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub school: PathBuf,
    pub plan: PathBuf,
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    #[arg(long)]
    pub date: Option<NaiveDate>,
    #[arg(long)]
    pub person: Option<String>,
    #[arg(short, long)]
    pub output: PathBuf,
}

/// The export formats, as the command line spells them (and in Chinese).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    #[value(help = "the roster as CSV, one row per person per post")]
    Csv,
    #[value(alias = "值班表", help = "the duty board, printable HTML")]
    Html,
    #[value(
        alias = "考勤表",
        help = "attendance sign-in sheets per care group per week, printable HTML"
    )]
    Signin,
    #[value(
        alias = "工作簿",
        help = "a workbook: Rota, By person, By room, Substitutions, Hours"
    )]
    Xlsx,
    #[value(
        alias = "日历",
        help = "iCalendar files, one per person, for the whole term"
    )]
    Ics,
    #[value(
        alias = "课时",
        alias = "课时统计",
        help = "hours per person for the term: CSV, or xlsx if -o ends in .xlsx"
    )]
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

pub fn run(
    args: &ExportArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    if args.output != Path::new("-")
        && !hold::output_ok(
            &args.output,
            Output::Other,
            &[&args.school, &args.plan],
            lang,
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
                writeln!(err, "{}", errors::file(&e, lang))?;
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
                text::export::broken(lang, &args.school, &args.plan, broken)
            )?;
        }
    } else {
        writeln!(err, "{}", text::export::stale(lang, &args.plan))?;
    }
    let options = ExportOptions {
        format: args.format.into(),
        date: args.date,
        person: args
            .person
            .as_deref()
            .map(|who| super::roster::staff_id(&school, who)),
        output: args.output.clone(),
        lang,
    };

    if args.output == Path::new("-") {
        let made = match export::files(&school, &plan, &options) {
            Ok(made) => made,
            Err(e) => return trouble(err, &e, lang),
        };
        if made.len() != 1 {
            writeln!(err, "{}", text::export::many_to_stdout(lang))?;
            return Ok(Outcome::Trouble);
        }
        out.write_all(&made[0].bytes)?;
        return Ok(Outcome::Clean);
    }
    let written = match export::export(&school, &plan, &options) {
        Ok(written) => written,
        Err(e) => return trouble(err, &e, lang),
    };
    if options.format == Format::Csv && options.date.is_none() {
        let rows = export::roster_rows(&school, &plan);
        let holes = rows
            .iter()
            .filter(|r| r.role == export::RosterRole::Unmet)
            .count();
        writeln!(
            out,
            "{}",
            text::export::exported(lang, &args.output, rows.len(), holes)
        )?;
    } else {
        writeln!(out, "{}", text::export::wrote(lang, &written, &args.output))?;
    }
    Ok(Outcome::Clean)
}

fn trouble(err: &mut dyn Write, e: &ExportError, lang: Lang) -> io::Result<Outcome> {
    writeln!(err, "{}", errors::export(e, lang))?;
    Ok(Outcome::Trouble)
}
