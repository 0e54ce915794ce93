//! `kehou roster`: the roster of one real date — the cycle's posts for the
//! weekday it runs as, at that date's season times, with every substitution
//! applied — as aligned text or as CSV with a `date` column.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

use crate::columns::{pad, width};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use kehou_solver::dated::{self, DayRoster};
use kehou_solver::model::StaffId;
use kehou_solver::plan::Role;
use kehou_solver::School;

use super::absent::load_both;
use super::Outcome;
use crate::export;

pub const ROSTER_ABOUT: &str = "Show the roster of one date, with every substitution applied";

pub const ROSTER_LONG_ABOUT: &str = "\
Show who is on which post on one real date of the term: the posts of the
cycle week and weekday that date runs as (a make-up Saturday runs as its
named weekday), at the times of that date's season, with every substitution
for sick calls and absences applied. Changed posts say who is out, who is in
and why.

A holiday or a day without service says so. --format csv gives the same rows
as `kehou export --format csv`, with the date in a first column.";

pub const ROSTER_EXAMPLES: &str = "\
Examples:
  kehou roster demo.school.ron demo.plan.ron --date 2026-09-08
      today's roster, to post on the duty board
  kehou roster demo.school.ron demo.plan.ron --date 2026-09-08 --format csv > today.csv
      the same as a spreadsheet";

#[derive(Debug, Args)]
pub struct RosterArgs {
    #[arg(value_name = "SCHOOL", help = "The school file (NAME.school.ron)")]
    pub school: PathBuf,
    #[arg(value_name = "PLAN", help = "The plan file (NAME.plan.ron)")]
    pub plan: PathBuf,
    #[arg(long, value_name = "DATE", help = "The date, as YYYY-MM-DD")]
    pub date: NaiveDate,
    #[arg(long, value_enum, default_value_t = RosterFormat::Text, help = "How to show it")]
    pub format: RosterFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RosterFormat {
    /// Aligned text for the terminal.
    Text,
    /// The roster CSV columns after a `date` column (UTF-8 with BOM).
    Csv,
}

pub fn run(args: &RosterArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    let Some((school, plan)) = load_both(&args.school, &args.plan, err)? else {
        return Ok(Outcome::Trouble);
    };
    if plan.school_fingerprint != school.fingerprint() {
        writeln!(err, "{}", stale(&args.plan))?;
        return Ok(Outcome::Problems);
    }
    let Some(roster) = dated::day_roster(&school, &plan, args.date) else {
        writeln!(out, "{}", no_service(&school, args.date))?;
        return Ok(Outcome::Clean);
    };
    match args.format {
        RosterFormat::Csv => out.write_all(&export::csv::day(&school, &roster)?)?,
        RosterFormat::Text => write!(out, "{}", text(&school, &roster))?,
    }
    Ok(Outcome::Clean)
}

/// Why a plan cannot be shown on real dates.
pub fn stale(plan: &std::path::Path) -> String {
    format!(
        "{}: this plan was solved for an earlier version of the school; solve again (kehou solve) before using it on real dates",
        plan.display()
    )
}

/// What a date without service is.
pub fn no_service(school: &School, date: NaiveDate) -> String {
    let term = &school.term;
    let why = if date < term.first_day || date > term.last_day {
        format!(
            "it is outside the term ({} to {})",
            term.first_day, term.last_day
        )
    } else if let Some(h) = term
        .holidays
        .iter()
        .find(|h| h.from <= date && date <= h.to)
    {
        format!("it is a holiday ({})", h.name)
    } else if let Some(n) = term.no_service_days.iter().find(|n| n.date == date) {
        format!("there is no after-school service that day ({})", n.reason)
    } else {
        "it is a weekend day".to_owned()
    };
    format!("No service on {date}: {why}.")
}

/// `name (id)`, or the id alone for someone not on the staff list.
pub fn who(school: &School, id: &StaffId) -> String {
    let text = school
        .person(id)
        .map_or_else(|| id.to_string(), |p| format!("{} ({id})", p.name));
    // Files are checked when read, but a terminal is never handed an escape
    // sequence, whatever got into a name.
    crate::columns::printable(&text)
}

/// Lines padded column by column to the widest cell; control characters
/// shown as `�`, never sent to the terminal.
pub fn table(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| crate::columns::printable(c)).collect())
        .collect();
    let rows = rows.as_slice();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if i + 1 == r.len() {
                    s.clone()
                } else {
                    pad(s, widths[i])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn text(school: &School, roster: &DayRoster) -> String {
    let d = &roster.day;
    let mut out = format!(
        "{} {} ({}), runs as {}; teaching week {}, cycle week {}; {} times\n\n",
        d.date,
        d.runs_as.chinese(),
        d.date.format("%A"),
        d.runs_as.english(),
        d.teaching_week,
        d.cycle_week,
        match d.season {
            kehou_solver::model::Season::Summer => "summer (夏季)",
            kehou_solver::model::Season::Winter => "winter (冬季)",
        },
    );
    let mut posts: Vec<_> = roster.posts.iter().collect();
    posts.sort_by(|a, b| (a.post.start, &a.post.id).cmp(&(b.post.start, &b.post.id)));
    let mut rows = vec![["time", "post", "group", "room", "staff"]
        .map(String::from)
        .to_vec()];
    let mut changes = Vec::new();
    for dp in &posts {
        let p = &dp.post;
        let mut staff: Vec<String> = p
            .staff
            .iter()
            .map(|a| {
                let role = if a.role == Role::Lead {
                    "lead"
                } else {
                    "assist"
                };
                let mark = if dp
                    .changes
                    .iter()
                    .any(|s| s.cover.as_ref() == Some(&a.staff))
                {
                    "*"
                } else {
                    ""
                };
                format!("{}{mark} {role}", who(school, &a.staff))
            })
            .collect();
        let short = p
            .missing()
            .max(u32::from(p.adults_needed > 0 && !p.has_lead()));
        for _ in 0..short {
            staff.push("— unmet".to_owned());
        }
        rows.push(vec![
            format!("{}–{}", p.start, p.end),
            p.id.clone(),
            crate::export::labels::group(school, p),
            crate::export::labels::room(school, p),
            staff.join(", "),
        ]);
        changes.extend(dp.changes.iter());
    }
    out.push_str(&table(&rows));
    if !changes.is_empty() {
        out.push_str("\nChanges for this date (* above):\n");
        for s in changes {
            let out_name = s
                .out
                .as_ref()
                .map_or_else(|| "(unmet post)".to_owned(), |o| who(school, o));
            let in_name = s
                .cover
                .as_ref()
                .map_or_else(|| "nobody".to_owned(), |c| who(school, c));
            let _ = writeln!(
                out,
                "  {}: {out_name} out, {in_name} in ({}, by {}): {}",
                s.post,
                s.role.code(),
                s.decided_by.code(),
                s.reason
            );
        }
    }
    out
}
