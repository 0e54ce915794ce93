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

use super::roster::{stale, table, who};
use super::{hold, Outcome};
use crate::files;
use crate::sick_calls::already_recorded;

pub const ABSENT_ABOUT: &str = "Record a sick call or absence and repair the roster of those dates";

pub const ABSENT_LONG_ABOUT: &str = "\
Record that someone is away on a date (or from --date to --to), and repair
the roster of those dates only: every post they hold is given to someone
else who is free then, keeping every rule (availability, leave, caps of that
day and week, who may lead, no one in two places at once). kehou changes as
little as it can: it prefers someone already at school that afternoon to
calling someone in, then the person with the fewest substitutions so far this
term (covers count +1, duties given up −1, as the school's own tally), then
preferences. A long absence is repaired in one go, fairly over the whole range.

The changes are listed (date, post, who is out, who is in, and why). With
--yes, or when you answer y, the plan is saved and the previous one kept as
PLAN.bak. Without --yes and without a terminal to ask on, nothing is saved.

When nobody can cover a post it stays unmet that day with the reason and the
best people to ask; choose one with `kehou cover`. --remove takes a whole
absence back (every date of it, not only --date): the person gets their own
posts back. To shorten an absence, take it back and record the shorter one.";

pub const ABSENT_EXAMPLES: &str = "\
Examples:
  kehou absent demo.school.ron demo.plan.ron --staff t012 --date 2026-09-08 --reason 病假
      王老师 is sick today: repair today's roster
  kehou absent demo.school.ron demo.plan.ron --staff t012 --date 2026-09-08 --sessions late --yes
      away for the late group only; save without asking
  kehou absent demo.school.ron demo.plan.ron --staff t030 --date 2026-10-12 --to 2026-10-23 --reason 产假
      away for two weeks
  kehou absent demo.school.ron demo.plan.ron --staff t012 --date 2026-09-08 --remove
      she came in after all: take back the absence holding that date, all of it";

#[derive(Debug, Args)]
pub struct AbsentArgs {
    #[arg(value_name = "SCHOOL", help = "The school file (NAME.school.ron)")]
    pub school: PathBuf,
    #[arg(
        value_name = "PLAN",
        help = "The plan file (NAME.plan.ron); it is updated"
    )]
    pub plan: PathBuf,
    #[arg(long, value_name = "ID", help = "Who is away: their staff id")]
    pub staff: String,
    #[arg(
        long,
        value_name = "DATE",
        help = "The (first) date away, as YYYY-MM-DD"
    )]
    pub date: NaiveDate,
    #[arg(
        long,
        value_name = "DATE",
        help = "The last date away (default: --date)"
    )]
    pub to: Option<NaiveDate>,
    #[arg(
        long,
        value_name = "S,...",
        value_delimiter = ',',
        value_parser = parse_session,
        help = "Only these sessions: basic, extended, late (default: the whole day)"
    )]
    pub sessions: Vec<SessionKind>,
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "",
        help = "Why, for the record (病假, 产假, 外出培训 …)"
    )]
    pub reason: String,
    #[arg(
        long,
        help = "Take back the whole absence of --staff that holds --date"
    )]
    pub remove: bool,
    #[arg(short, long, help = "Save the changes without asking")]
    pub yes: bool,
}

fn parse_session(s: &str) -> Result<SessionKind, String> {
    SessionKind::from_code(s)
        .ok_or_else(|| format!("`{s}` is not a session: use basic, extended or late"))
}

pub fn run(args: &AbsentArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    // Held from the read to the save: a second sick call at the same minute
    // waits, then repairs this one's result instead of overwriting it.
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
    let staff = StaffId::new(args.staff.as_str());
    let started = std::time::Instant::now();
    let result = if args.remove {
        repair::remove_absence(&school, &plan, &staff, args.date)
    } else {
        let absence = Absence {
            staff: staff.clone(),
            from: args.date,
            to: args.to.unwrap_or(args.date),
            sessions: args.sessions.clone(),
            reason: args.reason.clone(),
        };
        if let Some(old) = already_recorded(&plan, &absence) {
            writeln!(err, "{}", duplicate(&school, old, args))?;
            return Ok(Outcome::Problems);
        }
        repair::add_absence(&school, &plan, absence)
    };
    let repair = match result {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(Outcome::Problems);
        }
    };
    if args.remove {
        writeln!(out, "Absence of {} taken back.", who(&school, &staff))?;
    } else {
        writeln!(
            out,
            "Absence: {} from {} to {}, {}{}.",
            who(&school, &staff),
            args.date,
            args.to.unwrap_or(args.date),
            sessions_text(&args.sessions),
            if args.reason.is_empty() {
                String::new()
            } else {
                format!(", {}", args.reason)
            }
        )?;
    }
    let seconds = started.elapsed().as_secs_f64();
    write!(out, "{}", diff(&school, &repair))?;
    writeln!(
        out,
        "Repaired {} place(s) in {seconds:.2} s (model: {} variables{}).",
        repair.places,
        repair.variables,
        if repair.proven_optimal {
            ", best possible"
        } else {
            ", best found in the time"
        }
    )?;
    save_if_accepted(&school, &plan, &repair, &args.plan, args.yes, out, err)
}

/// Reads the school and the plan, reporting every unreadable file; `None` if any.
pub fn load_both(
    school: &Path,
    plan: &Path,
    err: &mut dyn Write,
) -> io::Result<Option<(School, Plan)>> {
    match (files::load_school(school), files::load_plan(plan)) {
        (Ok(s), Ok(p)) => Ok(Some((s, p))),
        (s, p) => {
            for e in s.err().into_iter().chain(p.err()) {
                writeln!(err, "{e}")?;
            }
            Ok(None)
        }
    }
}

/// Why a sick call already recorded is not recorded again, and how to change it.
fn duplicate(school: &School, old: &Absence, args: &AbsentArgs) -> String {
    format!(
        "{} is already recorded away from {} to {}, {}{}; nothing changed. To change it, take it back first: kehou absent {} {} --staff {} --date {} --remove",
        who(school, &old.staff),
        old.from,
        old.to,
        sessions_text(&old.sessions),
        if old.reason.is_empty() {
            String::new()
        } else {
            format!(" ({})", old.reason)
        },
        args.school.display(),
        args.plan.display(),
        old.staff,
        old.from,
    )
}

fn sessions_text(sessions: &[SessionKind]) -> String {
    if sessions.is_empty() {
        "the whole day".to_owned()
    } else {
        let names: Vec<&str> = sessions.iter().map(|s| s.code()).collect();
        format!("{} only", names.join(", "))
    }
}

/// The changes a repair makes, as a table, and the counter of everyone in them.
pub fn diff(school: &School, repair: &Repair) -> String {
    let mut out = String::new();
    if repair.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let rows = |subs: &[Substitution]| {
        let mut rows = vec![["date", "post", "role", "out", "in", "why"]
            .map(String::from)
            .to_vec()];
        for s in subs {
            rows.push(vec![
                s.date.to_string(),
                s.post.clone(),
                s.role.code().to_owned(),
                s.out
                    .as_ref()
                    .map_or_else(|| "(unmet post)".to_owned(), |o| who(school, o)),
                s.cover
                    .as_ref()
                    .map_or_else(|| "NOBODY".to_owned(), |c| who(school, c)),
                crate::words::plan::cover(
                    &s.reason,
                    &crate::words::Names::new(crate::words::Lang::En, school, Some(&repair.plan)),
                ),
            ]);
        }
        rows
    };
    if !repair.added.is_empty() {
        let _ = write!(out, "\nChanges ({}):\n", repair.added.len());
        out.push_str(&table(&rows(&repair.added)));
    }
    if !repair.removed.is_empty() {
        let _ = write!(
            out,
            "\nUndone ({}): these people take their own posts back:\n",
            repair.removed.len()
        );
        out.push_str(&table(&rows(&repair.removed)));
    }
    let unmet = repair.added.iter().filter(|s| s.cover.is_none()).count();
    if unmet > 0 {
        let _ = write!(
            out,
            "\n{unmet} post(s) stay unmet: see the reasons above, list people with `kehou candidates` and choose with `kehou cover`.\n"
        );
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
                who(school, id),
                counts.get(*id).map_or(0, |c| c.balance())
            )
        })
        .collect();
    let _ = write!(
        out,
        "\nSubstitution balance this term (covers − duties given up): {}\n",
        tally.join(", ")
    );
    out
}

/// Checks the repaired plan and saves it if `yes`, or if the person at the
/// terminal says so. A repair that breaks a rule the plan `before` it kept
/// is never saved (exit 3); rules the plan already broke are shown as a
/// warning and do not block the repair.
pub fn save_if_accepted(
    school: &School,
    before: &Plan,
    repair: &Repair,
    path: &Path,
    yes: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let verdict = repair::verdict(school, before, &repair.plan);
    if !verdict.accepted() {
        writeln!(err, "kehou made a repair that breaks a rule; nothing was saved. Please report this with the files:")?;
        for v in &verdict.new {
            writeln!(err, "  {v}")?;
        }
        return Ok(Outcome::Bug);
    }
    let old = verdict.already;
    if old.is_empty() {
        writeln!(out, "\nChecked: every rule holds on the dates touched.")?;
    } else {
        writeln!(
            err,
            "Warning: the plan already broke {} rule(s) before this repair (the repair adds none; fix them with `kehou check`):",
            old.len()
        )?;
        for v in &old {
            writeln!(err, "  {v}")?;
        }
        writeln!(out, "\nChecked: this repair breaks no rule the plan kept.")?;
    }
    let unmet = repair.added.iter().any(|s| s.cover.is_none());
    let done = if unmet {
        Outcome::Problems
    } else {
        Outcome::Clean
    };
    let accepted = yes || (io::stdin().is_terminal() && ask(out)?);
    if !accepted {
        writeln!(
            out,
            "Not saved. To accept these changes, run the same command again with --yes."
        )?;
        return Ok(done);
    }
    if let Err(e) = files::save_plan(path, &repair.plan) {
        writeln!(err, "{e}")?;
        return Ok(Outcome::Trouble);
    }
    writeln!(
        out,
        "Saved {} (the previous plan is kept as {}).",
        path.display(),
        files::backup_path(path).display()
    )?;
    Ok(done)
}

fn ask(out: &mut dyn Write) -> io::Result<bool> {
    write!(out, "Save these changes? [y/N] ")?;
    out.flush()?;
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    Ok(matches!(line.trim(), "y" | "Y" | "yes" | "是"))
}
