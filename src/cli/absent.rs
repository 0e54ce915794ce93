//! `kehou absent`: record a sick call or a longer absence (or take one back),
//! repair the dates it touches, show the changes and save them when accepted.

use std::fmt::Write as _;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;
use kehou_solver::dated::substitution_counts;
use kehou_solver::model::{SessionKind, StaffId};
use kehou_solver::plan::{Absence, Substitution};
use kehou_solver::repair::{self, Repair};
use kehou_solver::{Plan, School};

use super::roster::{staff_id, table, who};
use super::text::absent as text;
use super::{hold, Outcome};
use crate::files;
use crate::sick_calls::already_recorded;
use crate::words::{self, errors, typed, Lang, Names};

#[derive(Debug, Args)]
pub struct AbsentArgs {
    pub school: PathBuf,
    pub plan: PathBuf,
    #[arg(long)]
    pub staff: String,
    #[arg(long)]
    pub date: NaiveDate,
    #[arg(long)]
    pub to: Option<NaiveDate>,
    #[arg(long, value_delimiter = ',', value_parser = parse_session)]
    pub sessions: Vec<SessionKind>,
    #[arg(long, default_value = "")]
    pub reason: String,
    #[arg(long)]
    pub remove: bool,
    #[arg(short, long)]
    pub yes: bool,
}

/// A session as typed (the command line's own parser replaces this one
/// with one that answers in the language asked for).
fn parse_session(s: &str) -> Result<SessionKind, String> {
    typed::session(s).ok_or_else(|| format!("{s} is not a session: use basic, extended or late"))
}

pub fn run(
    args: &AbsentArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    // Held from the read to the save: a second sick call at the same minute
    // waits, then repairs this one's result instead of overwriting it.
    let Some(_locks) = hold::lock(&[&args.school, &args.plan], lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    let Some((school, plan)) = load_both(&args.school, &args.plan, lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    if plan.school_fingerprint != school.fingerprint() {
        writeln!(err, "{}", text::stale(lang, &args.plan))?;
        return Ok(Outcome::Problems);
    }
    let names = Names::new(lang, &school, Some(&plan));
    let staff = staff_id(&school, &args.staff);
    let started = std::time::Instant::now();
    let absence = Absence {
        staff: staff.clone(),
        from: args.date,
        to: args.to.unwrap_or(args.date),
        sessions: args.sessions.clone(),
        reason: args.reason.clone(),
    };
    let result = if args.remove {
        repair::remove_absence(&school, &plan, &staff, args.date)
    } else {
        if let Some(old) = already_recorded(&plan, &absence) {
            writeln!(
                err,
                "{}",
                text::duplicate(&names, old, &args.school, &args.plan)
            )?;
            return Ok(Outcome::Problems);
        }
        repair::add_absence(&school, &plan, absence.clone())
    };
    let repair = match result {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "{}", words::repair::error(&e, &names))?;
            return Ok(Outcome::Problems);
        }
    };
    let person = who(&names, &staff);
    if args.remove {
        writeln!(out, "{}", text::taken_back(&names, &person))?;
    } else {
        writeln!(out, "{}", text::absence(&names, &person, &absence))?;
    }
    let seconds = started.elapsed().as_secs_f64();
    write!(out, "{}", diff(&school, &repair, lang))?;
    writeln!(
        out,
        "{}",
        text::repaired(
            lang,
            repair.places,
            seconds,
            repair.variables,
            repair.proven_optimal
        )
    )?;
    save_if_accepted(
        &school, &plan, &repair, &args.plan, args.yes, lang, out, err,
    )
}

/// Reads the school and the plan, reporting every unreadable file; `None` if any.
pub fn load_both(
    school: &Path,
    plan: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<(School, Plan)>> {
    match (files::load_school(school), files::load_plan(plan)) {
        (Ok(s), Ok(p)) => Ok(Some((s, p))),
        (s, p) => {
            for e in s.err().into_iter().chain(p.err()) {
                writeln!(err, "{}", errors::file(&e, lang))?;
            }
            Ok(None)
        }
    }
}

/// The changes a repair makes, as a table, and the counter of everyone in them.
pub fn diff(school: &School, repair: &Repair, lang: Lang) -> String {
    let mut out = String::new();
    if repair.is_empty() {
        out.push_str(text::no_changes(lang));
        out.push('\n');
        return out;
    }
    let names = Names::new(lang, school, Some(&repair.plan));
    let v = lang.vocab();
    let (no_out, nobody) = text::no_one(lang);
    let rows = |subs: &[Substitution]| {
        let mut rows = vec![text::changes_header(lang).map(String::from).to_vec()];
        for s in subs {
            rows.push(vec![
                s.date.to_string(),
                names.post_id(&s.post),
                v.role(s.role).to_owned(),
                s.out
                    .as_ref()
                    .map_or_else(|| no_out.to_owned(), |o| who(&names, o)),
                s.cover
                    .as_ref()
                    .map_or_else(|| nobody.to_owned(), |c| who(&names, c)),
                words::plan::cover(&s.reason, &names),
                s.post.clone(),
            ]);
        }
        rows
    };
    if !repair.added.is_empty() {
        let _ = write!(out, "\n{}\n", text::changes_title(lang, repair.added.len()));
        out.push_str(&table(&rows(&repair.added)));
    }
    if !repair.removed.is_empty() {
        let _ = write!(
            out,
            "\n{}\n",
            text::undone_title(lang, repair.removed.len())
        );
        out.push_str(&table(&rows(&repair.removed)));
    }
    let unmet = repair.added.iter().filter(|s| s.cover.is_none()).count();
    if unmet > 0 {
        let _ = write!(out, "\n{}\n", text::still_unmet(lang, unmet));
    }
    let counts = substitution_counts(&repair.plan);
    let mut people: Vec<&StaffId> = repair
        .added
        .iter()
        .chain(&repair.removed)
        .flat_map(|s| s.out.iter().chain(s.cover.iter()))
        .collect();
    people.sort();
    people.dedup();
    let tally: Vec<String> = people
        .iter()
        .map(|id| {
            format!(
                "{} {:+}",
                who(&names, id),
                counts.get(*id).map_or(0, |c| c.balance())
            )
        })
        .collect();
    let _ = write!(out, "\n{}\n", text::balance(lang, &tally));
    out
}

/// Checks the repaired plan and saves it if `yes`, or if the person at the
/// terminal says so. A repair that breaks a rule the plan `before` it kept
/// is never saved (exit 3); rules the plan already broke are shown as a
/// warning and do not block the repair.
#[allow(clippy::too_many_arguments)]
pub fn save_if_accepted(
    school: &School,
    before: &Plan,
    repair: &Repair,
    path: &Path,
    yes: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let names = Names::new(lang, school, Some(&repair.plan));
    let verdict = repair::verdict(school, before, &repair.plan);
    if !verdict.accepted() {
        writeln!(err, "{}", text::repair_bug(lang))?;
        for v in &verdict.new {
            writeln!(err, "  {}", words::check::line(v, &names))?;
        }
        return Ok(Outcome::Bug);
    }
    let old = verdict.already;
    if old.is_empty() {
        writeln!(out, "\n{}", text::checked(lang))?;
    } else {
        writeln!(err, "{}", text::already_broken(lang, old.len()))?;
        for v in &old {
            writeln!(err, "  {}", words::check::line(v, &names))?;
        }
        writeln!(out, "\n{}", text::checked_new(lang))?;
    }
    let unmet = repair.added.iter().any(|s| s.cover.is_none());
    let done = if unmet {
        Outcome::Problems
    } else {
        Outcome::Clean
    };
    let accepted = yes || (io::stdin().is_terminal() && ask(lang, out)?);
    if !accepted {
        writeln!(out, "{}", text::not_saved(lang))?;
        return Ok(done);
    }
    if let Err(e) = files::save_plan(path, &repair.plan) {
        writeln!(err, "{}", errors::file(&e, lang))?;
        return Ok(Outcome::Trouble);
    }
    writeln!(
        out,
        "{}",
        text::saved(lang, path, &files::backup_path(path))
    )?;
    Ok(done)
}

fn ask(lang: Lang, out: &mut dyn Write) -> io::Result<bool> {
    write!(out, "{}", super::text::save_question(lang))?;
    out.flush()?;
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    Ok(super::text::is_yes(&line))
}
