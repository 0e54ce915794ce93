//! `kehou import`: a school file from the CSV lists of a spreadsheet.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;
use kehou_solver::validate::{self, Severity};

use super::{hold, text, Outcome};
use crate::files;
use crate::files::guard::Output;
use crate::import::{self, Source, Sources};
use crate::words::{errors, findings, Lang, Names};

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(long, required_unless_present = "workbook")]
    pub staff: Option<PathBuf>,
    #[arg(long, required_unless_present = "workbook")]
    pub rooms: Option<PathBuf>,
    #[arg(long, required_unless_present = "workbook")]
    pub classes: Option<PathBuf>,
    #[arg(long)]
    pub clubs: Option<PathBuf>,
    #[arg(long, conflicts_with_all = ["staff", "rooms", "classes", "clubs"])]
    pub workbook: Option<PathBuf>,
    #[arg(long)]
    pub settings: Option<PathBuf>,
    #[arg(short, long)]
    pub output: PathBuf,
}

pub fn run(
    args: &ImportArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    run_on(args, chrono::Local::now().date_naive(), lang, out, err)
}

/// `run`, with "today" (which picks the default term) passed in.
pub fn run_on(
    args: &ImportArgs,
    today: NaiveDate,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let inputs: Vec<&Path> = [
        &args.staff,
        &args.rooms,
        &args.classes,
        &args.clubs,
        &args.workbook,
    ]
    .into_iter()
    .flatten()
    .map(PathBuf::as_path)
    .collect();
    // --settings may be the output itself: a school updated with new lists.
    if !hold::output_ok(&args.output, Output::School, &inputs, lang, err)? {
        return Ok(Outcome::Trouble);
    }
    let Some(_locks) = hold::lock(&[&args.output], lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    // Every file is read before anything is reported, so that one run names
    // every unreadable file.
    let mut trouble: Vec<String> = Vec::new();
    let mut read = |path: &Path| match import::limits::read(path) {
        Ok(bytes) => Some(Source::new(path.display().to_string(), bytes)),
        Err(e) => {
            trouble.push(text::import::cannot_read(lang, path, &errors::io(&e, lang)));
            None
        }
    };
    let workbook = args.workbook.as_deref().map(&mut read);
    let staff = args.staff.as_deref().map(&mut read);
    let rooms = args.rooms.as_deref().map(&mut read);
    let classes = args.classes.as_deref().map(&mut read);
    let clubs = args.clubs.as_deref().map(&mut read);
    let base = match args.settings.as_deref().map(files::load_school).transpose() {
        Ok(base) => base,
        Err(e) => {
            trouble.push(errors::file(&e, lang));
            None
        }
    };
    if !trouble.is_empty() {
        return report_trouble(&trouble, lang, err);
    }
    let sources = match (
        workbook.flatten(),
        staff.flatten(),
        rooms.flatten(),
        classes.flatten(),
    ) {
        (Some(book), ..) => match import::xlsx::sources(&book.name, &book.bytes) {
            Ok(sources) => sources,
            Err(problems) => {
                let lines: Vec<String> = problems
                    .0
                    .iter()
                    .map(|e| crate::words::import::error(e, lang))
                    .collect();
                return report_trouble(&lines, lang, err);
            }
        },
        (None, Some(staff), Some(rooms), Some(classes)) => Sources {
            staff,
            rooms,
            classes,
            clubs: clubs.flatten(),
        },
        // clap requires the three lists when there is no workbook.
        _ => return report_trouble(&[text::import::no_lists(lang).to_owned()], lang, err),
    };
    let defaults_used = base.is_none();
    let school = match import::import(&sources, base, today) {
        Ok(school) => school,
        Err(problems) => {
            let lines: Vec<String> = problems
                .0
                .iter()
                .map(|e| crate::words::import::error(e, lang))
                .collect();
            return report_trouble(&lines, lang, err);
        }
    };

    let names = Names::new(lang, &school, None);
    let found = validate::validate(&school);
    for finding in &found {
        writeln!(out, "{}", findings::line(finding, &names))?;
    }
    let count = |s| found.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    writeln!(
        out,
        "{}",
        text::summary(lang, errors, count(Severity::Warning))
    )?;
    if errors > 0 {
        writeln!(out, "{}", text::import::not_written(lang, &args.output))?;
        return Ok(Outcome::Problems);
    }
    if let Err(e) = files::save_school(&args.output, &school) {
        writeln!(err, "{}", crate::words::errors::file(&e, lang))?;
        return Ok(Outcome::Trouble);
    }
    writeln!(
        out,
        "{}",
        text::import::saved(lang, &args.output, &school, defaults_used)
    )?;
    Ok(Outcome::Clean)
}

fn report_trouble(lines: &[String], lang: Lang, err: &mut dyn Write) -> io::Result<Outcome> {
    for line in lines {
        writeln!(err, "{line}")?;
    }
    writeln!(err, "{}", text::import::nothing_written(lang, lines.len()))?;
    Ok(Outcome::Trouble)
}
