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
use kehou_solver::plan::PostKind;
use kehou_solver::School;

use super::absent::load_both;
use super::text::absent as text;
use super::Outcome;
use crate::export;
use crate::words::{Lang, Names};

#[derive(Debug, Args)]
pub struct RosterArgs {
    pub school: PathBuf,
    pub plan: PathBuf,
    #[arg(long)]
    pub date: NaiveDate,
    #[arg(long, value_enum, default_value_t = RosterFormat::Text)]
    pub format: RosterFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RosterFormat {
    /// Aligned text for the terminal.
    #[value(alias = "文字")]
    Text,
    /// The roster CSV columns after a `date` column (UTF-8 with BOM).
    Csv,
}

pub fn run(
    args: &RosterArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let Some((school, plan)) = load_both(&args.school, &args.plan, lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    if plan.school_fingerprint != school.fingerprint() {
        writeln!(err, "{}", text::stale(lang, &args.plan))?;
        return Ok(Outcome::Problems);
    }
    let Some(roster) = dated::day_roster(&school, &plan, args.date) else {
        writeln!(out, "{}", text::no_service(lang, &school, args.date))?;
        return Ok(Outcome::Clean);
    };
    let names = Names::new(lang, &school, Some(&plan));
    match args.format {
        RosterFormat::Csv => out.write_all(&export::csv::day(&school, &roster, lang)?)?,
        RosterFormat::Text => write!(out, "{}", roster_text(&names, &roster))?,
    }
    Ok(Outcome::Clean)
}

/// The staff member a person typed: by id, else by name (when one person
/// has it); what was typed as an id otherwise, for the error to name.
pub fn staff_id(school: &School, typed: &str) -> StaffId {
    let typed = typed.trim();
    if school.staff.iter().any(|p| p.id.as_str() == typed) {
        return StaffId::new(typed);
    }
    let mut named = school.staff.iter().filter(|p| p.name.trim() == typed);
    match (named.next(), named.next()) {
        (Some(p), None) => p.id.clone(),
        _ => StaffId::new(typed),
    }
}

/// A person's name for a terminal (with the id where two share it).
pub fn who(names: &Names, id: &StaffId) -> String {
    // Files are checked when read, but a terminal is never handed an escape
    // sequence, whatever got into a name.
    crate::columns::printable(&names.person_of(id))
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

fn roster_text(names: &Names, roster: &DayRoster) -> String {
    let lang = names.lang;
    let v = lang.vocab();
    let mut out = text::roster_title(names, &roster.day);
    out.push_str("\n\n");
    let mut posts: Vec<_> = roster.posts.iter().collect();
    posts.sort_by(|a, b| (a.post.start, &a.post.id).cmp(&(b.post.start, &b.post.id)));
    let mut rows = vec![text::roster_header(lang).map(String::from).to_vec()];
    let mut changes = Vec::new();
    for dp in &posts {
        let p = &dp.post;
        let mut staff: Vec<String> = p
            .staff
            .iter()
            .map(|a| {
                let mark = if dp
                    .changes
                    .iter()
                    .any(|s| s.cover.as_ref() == Some(&a.staff))
                {
                    "*"
                } else {
                    ""
                };
                format!("{}{mark} {}", who(names, &a.staff), v.role(a.role))
            })
            .collect();
        let short = p
            .missing()
            .max(u32::from(p.adults_needed > 0 && !p.has_lead()));
        for _ in 0..short {
            staff.push(text::unmet_mark(lang).to_owned());
        }
        let what = match p.kind {
            PostKind::Gate | PostKind::DutyLeader | PostKind::Reception => names.group(p),
            _ => format!("{} {}", v.session(p.session), names.group(p)),
        };
        rows.push(vec![
            format!("{}–{}", p.start, p.end),
            what,
            crate::export::labels::room(names.school, p),
            staff.join(v.list_sep),
            p.id.clone(),
        ]);
        changes.extend(dp.changes.iter().map(|c| (p, c)));
    }
    out.push_str(&table(&rows));
    if !changes.is_empty() {
        out.push('\n');
        out.push_str(text::roster_changes(lang));
        out.push('\n');
        let (no_out, nobody) = text::no_one(lang);
        for (p, s) in changes {
            let out_name = s
                .out
                .as_ref()
                .map_or_else(|| no_out.to_owned(), |o| who(names, o));
            let in_name = s
                .cover
                .as_ref()
                .map_or_else(|| nobody.to_owned(), |c| who(names, c));
            let why = crate::words::plan::cover(&s.reason, names);
            let _ = writeln!(
                out,
                "{}",
                text::roster_change(
                    names,
                    &names.post_of(p),
                    &out_name,
                    &in_name,
                    s.role,
                    s.decided_by,
                    &why
                )
            );
        }
    }
    out
}
