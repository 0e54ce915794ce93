//! `kehou import`: a school file from the CSV lists of a spreadsheet.
//!
//! Its words are kept here, in `words`, until they move to `text.rs`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;
use kehou_solver::validate::{self, Severity};

use super::{hold, text, Outcome};
use crate::files;
use crate::files::guard::Output;
use crate::import::{self, Source, Sources};

pub use words::{IMPORT_ABOUT, IMPORT_EXAMPLES, IMPORT_LONG_ABOUT};
use words::{
    IMPORT_CLASSES_HELP, IMPORT_CLUBS_HELP, IMPORT_OUTPUT_HELP, IMPORT_ROOMS_HELP,
    IMPORT_SETTINGS_HELP, IMPORT_STAFF_HELP, IMPORT_WORKBOOK_HELP,
};

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(long, value_name = "FILE", help = IMPORT_STAFF_HELP, required_unless_present = "workbook")]
    pub staff: Option<PathBuf>,
    #[arg(long, value_name = "FILE", help = IMPORT_ROOMS_HELP, required_unless_present = "workbook")]
    pub rooms: Option<PathBuf>,
    #[arg(long, value_name = "FILE", help = IMPORT_CLASSES_HELP, required_unless_present = "workbook")]
    pub classes: Option<PathBuf>,
    #[arg(long, value_name = "FILE", help = IMPORT_CLUBS_HELP)]
    pub clubs: Option<PathBuf>,
    #[arg(
        long,
        value_name = "FILE.xlsx",
        help = IMPORT_WORKBOOK_HELP,
        conflicts_with_all = ["staff", "rooms", "classes", "clubs"]
    )]
    pub workbook: Option<PathBuf>,
    #[arg(long, value_name = "BASE.school.ron", help = IMPORT_SETTINGS_HELP)]
    pub settings: Option<PathBuf>,
    #[arg(short, long, value_name = "SCHOOL", help = IMPORT_OUTPUT_HELP)]
    pub output: PathBuf,
}

pub fn run(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    run_on(args, chrono::Local::now().date_naive(), out, err)
}

/// `run`, with "today" (which picks the default term) passed in.
pub fn run_on(
    args: &ImportArgs,
    today: NaiveDate,
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
    if !hold::output_ok(&args.output, Output::School, &inputs, err)? {
        return Ok(Outcome::Trouble);
    }
    let Some(_locks) = hold::lock(&[&args.output], err)? else {
        return Ok(Outcome::Trouble);
    };
    // Every file is read before anything is reported, so that one run names
    // every unreadable file.
    let mut trouble: Vec<String> = Vec::new();
    let mut read = |path: &Path| match import::limits::read(path) {
        Ok(bytes) => Some(Source::new(path.display().to_string(), bytes)),
        Err(e) => {
            trouble.push(words::cannot_read(path, &e));
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
            trouble.push(e.to_string());
            None
        }
    };
    if !trouble.is_empty() {
        return report_trouble(&trouble, err);
    }
    let sources = match (
        workbook.flatten(),
        staff.flatten(),
        rooms.flatten(),
        classes.flatten(),
    ) {
        (Some(book), ..) => match import::xlsx::sources(&book.name, &book.bytes) {
            Ok(sources) => sources,
            Err(errors) => {
                let lines: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
                return report_trouble(&lines, err);
            }
        },
        (None, Some(staff), Some(rooms), Some(classes)) => Sources {
            staff,
            rooms,
            classes,
            clubs: clubs.flatten(),
        },
        // clap requires the three lists when there is no workbook.
        _ => return report_trouble(&[words::NO_LISTS.to_owned()], err),
    };
    let defaults_used = base.is_none();
    let school = match import::import(&sources, base, today) {
        Ok(school) => school,
        Err(errors) => {
            let lines: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
            return report_trouble(&lines, err);
        }
    };

    let findings = validate::validate(&school);
    for finding in &findings {
        writeln!(out, "{finding}")?;
    }
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    writeln!(
        out,
        "{}",
        text::summary(crate::words::Lang::En, errors, count(Severity::Warning))
    )?;
    if errors > 0 {
        writeln!(out, "{}", words::not_written(&args.output))?;
        return Ok(Outcome::Problems);
    }
    if let Err(e) = files::save_school(&args.output, &school) {
        writeln!(err, "{e}")?;
        return Ok(Outcome::Trouble);
    }
    writeln!(
        out,
        "{}",
        words::saved(&args.output, &school, defaults_used)
    )?;
    Ok(Outcome::Clean)
}

fn report_trouble(lines: &[String], err: &mut dyn Write) -> io::Result<Outcome> {
    for line in lines {
        writeln!(err, "{line}")?;
    }
    writeln!(err, "{}", words::nothing_written(lines.len()))?;
    Ok(Outcome::Trouble)
}

/// Every word `kehou import` says; to move into `text.rs`.
mod words {
    use std::fmt::Display;
    use std::path::Path;

    use kehou_solver::School;

    pub const IMPORT_ABOUT: &str =
        "Make a school file from CSV lists of staff, rooms, classes and clubs";

    pub const IMPORT_LONG_ABOUT: &str = "\
Make a school file from the lists kept in a spreadsheet: staff, rooms, classes
and clubs, each saved as CSV UTF-8 (Excel: Save As \"CSV UTF-8\"). Headers may
be English or Chinese, in any order; columns in [brackets] may be left out:

  staff    id/工号, name/姓名, kind/类别, [skills/技能], [class_teacher_of/班主任班级],
           [max_per_week/每周上限], [max_per_day/每日上限], [unavailable/不可用时段],
           [no_late/免弹性离校], [teaching_periods/每日课时]
  rooms    id/教室编号, name/名称, kind/类型, capacity/容量, [outdoor/室外],
           [fallback/备用教室], [unavailable/不可用时段]
  classes  id/班级, [grade/年级], homeroom/本班教室, [class_teacher/班主任],
           basic/基本服务人数, [extended/拓展服务人数], [late/弹性离校人数]
  clubs    id/社团编号, name/社团名称, skill/所需技能, grades/年级, enrolled/报名人数,
           meetings/活动安排, room_kind/场地类型, [leader/指导教师], [outdoor/室外]

In the cells: lists are separated by ; (homework;football); weekdays are
mon..fri or 周一..周五; sessions are morning, noon, basic, extended, late or
all; unavailable times look like thu:basic;fri:all; students per weekday like
38;36;38;35;30, or one number for every day; grades like 3-6 or 3; club
meetings like tue:extended;thu:extended, or how many a week, like 2; flags are
yes/no (是/否; empty is no); kinds are codes (teacher, gym) or Chinese (教师,
体育馆). A club leader or class teacher may be given by name. The files in
data/import/ are a complete example.

The school's name, term, rules, day timetables and duties come from
--settings, an existing school file (last term's, say). Without it they are
defaults for the current school year: check them in the file written.

Or keep the lists as sheets of one Excel workbook (--workbook school.xlsx):
sheets named staff, rooms, classes and clubs (or 教职工, 教室, 班级, 社团),
each with the columns above in its first row. A line break inside a cell
separates list items.

Every problem in every CSV file or sheet is listed at once, with file (and
sheet), row and column.
Then the school is checked as by `kehou check`. The school file is written only
if there are no errors (warnings are allowed); if SCHOOL exists, the old one is
kept as SCHOOL.bak.

Exit status: 0 the school was written (warnings allowed); 1 the school has
errors, nothing written; 2 a file cannot be read or a CSV file has problems,
nothing written.";

    pub const IMPORT_EXAMPLES: &str = "\
Examples:
  kehou import --staff staff.csv --rooms rooms.csv --classes classes.csv --clubs clubs.csv -o school.school.ron
      a school with default settings
  kehou import --staff staff.csv --rooms rooms.csv --classes classes.csv --clubs clubs.csv --settings last-term.school.ron -o new-term.school.ron
      this term's lists, with last term's settings
  kehou import --workbook school.xlsx --settings last-term.school.ron -o new-term.school.ron
      the four lists as sheets of one workbook";

    pub const IMPORT_STAFF_HELP: &str = "The staff list, such as staff.csv: one person a row";
    pub const IMPORT_ROOMS_HELP: &str = "The rooms and places, such as rooms.csv";
    pub const IMPORT_CLASSES_HELP: &str =
        "The classes and how many students stay, such as classes.csv";
    pub const IMPORT_CLUBS_HELP: &str = "The clubs, such as clubs.csv; leave out for no clubs";
    pub const IMPORT_SETTINGS_HELP: &str =
        "A school file whose name, term, rules, timetables and duties to keep";
    pub const IMPORT_OUTPUT_HELP: &str = "Where to save the school, such as school.school.ron";
    pub const IMPORT_WORKBOOK_HELP: &str =
        "Instead of the CSV files: one Excel workbook with sheets staff, rooms, classes and (optional) clubs";
    pub const NO_LISTS: &str =
        "give --staff, --rooms and --classes (CSV files), or --workbook (an .xlsx file)";

    pub fn cannot_read(path: &Path, e: &impl Display) -> String {
        format!("{}: cannot read the file: {e}", path.display())
    }

    pub fn nothing_written(problems: usize) -> String {
        let s = if problems == 1 { "" } else { "s" };
        format!("{problems} problem{s} in the files; nothing written")
    }

    pub fn not_written(path: &Path) -> String {
        format!(
            "nothing written to {}: correct the CSV files (or --settings) and import again",
            path.display()
        )
    }

    /// What `kehou import` says once the file is saved.
    pub fn saved(path: &Path, school: &School, defaults_used: bool) -> String {
        let mut lines = vec![format!(
            "saved {}: {} classes, {} staff, {} rooms, {} clubs",
            path.display(),
            school.classes.len(),
            school.staff.len(),
            school.rooms.len(),
            school.clubs.len(),
        )];
        if defaults_used {
            let t = &school.term;
            lines.push(format!(
                "with default settings: name {}, term {} ({} to {}), day timetables for grades 1-2 and 3-6, rules and duties; check them in the file, or import again with --settings",
                school.name, t.name, t.first_day, t.last_day
            ));
        }
        lines.push(format!("next: kehou check {}", path.display()));
        lines.join("\n")
    }
}
