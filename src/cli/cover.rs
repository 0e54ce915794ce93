//! `kehou candidates` and `kehou cover`: who could take a place on a post on
//! one date, ranked, with what each would break; and the deputy head's own
//! choice among them, recorded as decided by hand.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use kehou_solver::model::StaffId;
use kehou_solver::repair;

use super::absent::{diff, load_both, save_if_accepted};
use super::roster::{stale, table, who};
use super::{hold, Outcome};

pub const CANDIDATES_ABOUT: &str =
    "List who could take a post on a date, best first, with what each would break";

pub const CANDIDATES_LONG_ABOUT: &str = "\
List everyone who could take a place on a post on one date, best first:
those who break nothing, then those who would go over a daily or weekly cap,
then those busy elsewhere at that time (who cannot be chosen). Someone
already at school that afternoon comes before someone to call in; then the
lowest substitution balance this term (covers − duties given up); then
preferences. Each line says what choosing that person would break.

The place is the one --out left (they must be recorded absent), or, without
--out, a missing adult of a post that is short that day.";

pub const CANDIDATES_EXAMPLES: &str = "\
Examples:
  kehou candidates demo.school.ron demo.plan.ron --date 2026-09-08 --post w2-tue-basic-3-2 --out t012
      who could take 王老师's place on that care group
  kehou roster demo.school.ron demo.plan.ron --date 2026-09-08
      find the post ids of a date";

pub const COVER_ABOUT: &str = "Choose by hand who takes a place on a post on a date";

pub const COVER_LONG_ABOUT: &str = "\
Give a place on a post on one date to the person you choose: the place --out
left (they must be recorded absent with `kehou absent`), or without --out a
missing adult of a post that is short that day. The choice is recorded as
made by hand, with what it breaks: you may go over someone's cap or against
their preference, but not put someone on two posts at once, or someone away.

The change is shown; with --yes, or when you answer y, it is saved and the
previous plan kept as PLAN.bak.";

pub const COVER_EXAMPLES: &str = "\
Examples:
  kehou cover demo.school.ron demo.plan.ron --date 2026-09-08 --post w2-tue-basic-3-2 --out t012 --staff t020 --yes
      刘老师 takes 王老师's place on that group";

#[derive(Debug, Args)]
pub struct CandidatesArgs {
    #[arg(value_name = "SCHOOL", help = "The school file (NAME.school.ron)")]
    pub school: PathBuf,
    #[arg(value_name = "PLAN", help = "The plan file (NAME.plan.ron)")]
    pub plan: PathBuf,
    #[arg(long, value_name = "DATE", help = "The date, as YYYY-MM-DD")]
    pub date: NaiveDate,
    #[arg(
        long,
        value_name = "POST",
        help = "The post id, as `kehou roster` shows it"
    )]
    pub post: String,
    #[arg(
        long,
        value_name = "ID",
        help = "Whose place: the staff id of the person out (default: a missing adult)"
    )]
    pub out: Option<String>,
    #[arg(
        long,
        value_name = "N",
        default_value_t = 15,
        help = "Show at most N people"
    )]
    pub top: usize,
}

#[derive(Debug, Args)]
pub struct CoverArgs {
    #[arg(value_name = "SCHOOL", help = "The school file (NAME.school.ron)")]
    pub school: PathBuf,
    #[arg(
        value_name = "PLAN",
        help = "The plan file (NAME.plan.ron); it is updated"
    )]
    pub plan: PathBuf,
    #[arg(long, value_name = "DATE", help = "The date, as YYYY-MM-DD")]
    pub date: NaiveDate,
    #[arg(
        long,
        value_name = "POST",
        help = "The post id, as `kehou roster` shows it"
    )]
    pub post: String,
    #[arg(
        long,
        value_name = "ID",
        help = "Whose place: the staff id of the person out (default: a missing adult)"
    )]
    pub out: Option<String>,
    #[arg(long, value_name = "ID", help = "Who takes it: their staff id")]
    pub staff: String,
    #[arg(short, long, help = "Save the change without asking")]
    pub yes: bool,
}

pub fn candidates(
    args: &CandidatesArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let Some((school, plan)) = load_both(&args.school, &args.plan, err)? else {
        return Ok(Outcome::Trouble);
    };
    if plan.school_fingerprint != school.fingerprint() {
        writeln!(err, "{}", stale(&args.plan))?;
        return Ok(Outcome::Problems);
    }
    let away = args.out.as_deref().map(StaffId::new);
    let (role, ranked) =
        match repair::candidates(&school, &plan, args.date, &args.post, away.as_ref()) {
            Ok(r) => r,
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(Outcome::Problems);
            }
        };
    writeln!(
        out,
        "{} on {} ({}): {} people could take it, best first.\n",
        args.post,
        args.date,
        role.code(),
        ranked.len()
    )?;
    let mut rows = vec![["#", "who", "at school", "balance", "would break"]
        .map(String::from)
        .to_vec()];
    for (i, c) in ranked.iter().take(args.top).enumerate() {
        rows.push(vec![
            (i + 1).to_string(),
            who(&school, &c.staff),
            if c.on_site { "yes" } else { "call in" }.to_owned(),
            format!("{:+}", c.balance),
            if c.possible() {
                c.breaks_text()
            } else {
                format!("CANNOT: {}", c.breaks_text())
            },
        ]);
    }
    write!(out, "{}", table(&rows))?;
    Ok(Outcome::Clean)
}

pub fn cover(args: &CoverArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    // Held from the read to the save, as for `kehou absent`.
    let Some(_locks) = hold::lock(&[&args.school, &args.plan], err)? else {
        return Ok(Outcome::Trouble);
    };
    let Some((school, plan)) = load_both(&args.school, &args.plan, err)? else {
        return Ok(Outcome::Trouble);
    };
    if plan.school_fingerprint != school.fingerprint() {
        writeln!(err, "{}", stale(&args.plan))?;
        return Ok(Outcome::Problems);
    }
    let away = args.out.as_deref().map(StaffId::new);
    let staff = StaffId::new(args.staff.as_str());
    let repair = match repair::choose(&school, &plan, args.date, &args.post, away.as_ref(), &staff)
    {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(Outcome::Problems);
        }
    };
    write!(out, "{}", diff(&school, &repair))?;
    save_if_accepted(&school, &plan, &repair, &args.plan, args.yes, out, err)
}
