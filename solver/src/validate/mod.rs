//! Validation: does a school that parsed make sense? Every problem is found at
//! once, each naming the item and what to fix.
//!
//! One file per area: [`ids`] (ids and names), [`term`], [`timetables`],
//! [`rules`] (rules and duties), [`staff`], [`rooms`], [`classes`], [`clubs`].
//! Ids and names are checked first, then each area in the order of the school
//! file, each in the order of its list, so the output is stable; `validate`
//! then moves errors before warnings without reordering them otherwise.
//!
//! An *error* is data that makes no sense, which the solver cannot work
//! around or would get silently wrong: an unknown id, times that end before
//! they start, a grade of 12, a session given twice. A *warning* is
//! something that is probably a mistake but still has a clear meaning (a
//! holiday outside the term, a homeroom that is a gym) — and every shortage:
//! a demand the staff or rooms cannot meet today (a club whose skill nobody
//! has, no school leader for duty, a group bigger than every room, an outdoor
//! club with no rain room). The solve staffs everything else and lists
//! those posts as unmet, with the reason; they are not errors, because a
//! school that means to hire a coach still needs a rota for everything else.
//!
//! Decisions worth knowing:
//! - `class_teacher` (on the class) and `class_teacher_of` (on the person) may
//!   each be given alone; when both are given they must agree, or it is an
//!   error: the class teacher hands the class over at the start of basic
//!   service, and kehou will not guess who that is.
//! - An outdoor room without a fallback is a warning on the room. A club that
//!   may meet outdoors with no room of its kind usable in rain (indoor, or
//!   outdoor with a valid indoor fallback) is a warning on the club, and the
//!   solver never places it in a room without one (the bad-weather plan is a
//!   safety rule): it is listed as unmet.
//! - Clubs placed by the solver (`PerWeek`) meet in the extended session.
//!
//! Validation never panics and never loops over date ranges, so a school with
//! absurd numbers or dates is reported on, not choked on.

mod classes;
mod clubs;
mod ids;
mod rooms;
mod rules;
mod staff;
mod term;
mod timetables;

#[cfg(test)]
pub(crate) mod testing;

use std::fmt;

use chrono::NaiveDate;

use crate::model::{Club, Person, Room, School, Season, SessionKind, Timetable, Weekday};

/// How bad a finding is: an error stops solving; a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a school: which item, what is wrong, what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The item, such as `class 3-2` or `staff t017 (王丽)`.
    pub item: String,
    /// What is wrong, in words a deputy head understands.
    pub problem: String,
    /// What to change to fix it.
    pub fix: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{tag}: {}: {}; {}", self.item, self.problem, self.fix)
    }
}

/// Every problem in `school`, errors first, in a stable order.
pub fn validate(school: &School) -> Vec<Finding> {
    let mut out = Findings::default();
    ids::check(school, &mut out);
    term::check(school, &mut out);
    rules::check(school, &mut out);
    timetables::check(school, &mut out);
    rules::check_duties(school, &mut out);
    staff::check(school, &mut out);
    rooms::check(school, &mut out);
    classes::check(school, &mut out);
    clubs::check(school, &mut out);
    let mut findings = out.0;
    // A stable sort: within one severity, the order of the school file stays.
    findings.sort_by_key(|f| f.severity);
    findings
}

/// True when some finding stops a solve.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// The findings of one run, in the order the checks find them.
#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(
        &mut self,
        item: impl Into<String>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.push(Severity::Error, item.into(), problem.into(), fix.into());
    }

    fn warning(
        &mut self,
        item: impl Into<String>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.push(Severity::Warning, item.into(), problem.into(), fix.into());
    }

    fn push(&mut self, severity: Severity, item: String, problem: String, fix: String) {
        self.0.push(Finding {
            severity,
            item,
            problem,
            fix,
        });
    }
}

// ---- How items are named in findings ----------------------------------------

/// `what id (name)`, coping with a missing id or name.
fn named(what: &str, id: &str, name: &str) -> String {
    let id = if id.trim().is_empty() {
        "with no id"
    } else {
        id
    };
    if name.trim().is_empty() {
        format!("{what} {id}")
    } else {
        format!("{what} {id} ({name})")
    }
}

fn staff_label(p: &Person) -> String {
    named("staff", p.id.as_str(), &p.name)
}

fn room_label(r: &Room) -> String {
    named("room", r.id.as_str(), &r.name)
}

fn club_label(c: &Club) -> String {
    named("club", c.id.as_str(), &c.name)
}

fn class_label(id: &str) -> String {
    named("class", id, "")
}

/// `timetable 2 (summer, grades 3-6)`, numbered from 1 in file order.
fn timetable_label(index: usize, t: &Timetable) -> String {
    format!(
        "timetable {} ({}, {})",
        index + 1,
        season_name(t.season),
        grades_text(t.grades.from, t.grades.to)
    )
}

/// A person as a reference in a sentence: `王丽 (t017)`, or just the id.
fn who(p: &Person) -> String {
    if p.name.trim().is_empty() {
        p.id.to_string()
    } else {
        format!("{} ({})", p.name, p.id)
    }
}

fn season_name(s: Season) -> &'static str {
    match s {
        Season::Summer => "summer",
        Season::Winter => "winter",
    }
}

/// `grade 3` or `grades 3-6`.
fn grades_text(from: u8, to: u8) -> String {
    if from == to {
        format!("grade {from}")
    } else {
        format!("grades {from}-{to}")
    }
}

/// Grades as compact ranges: `1-2, 5`.
fn grade_list(grades: &[u8]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < grades.len() {
        let start = grades[i];
        let mut end = start;
        while i + 1 < grades.len() && grades[i + 1] == end.wrapping_add(1) && end < u8::MAX {
            i += 1;
            end = grades[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

fn day_list(days: &[Weekday]) -> String {
    days.iter()
        .map(|d| d.english())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `2026-10-10 (Saturday)`.
fn date_text(d: NaiveDate) -> String {
    use chrono::Datelike;
    let day = match d.weekday() {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    };
    format!("{d} ({day})")
}

// ---- Facts several areas share ----------------------------------------------

/// The seasons whose timetables run at some point in the term.
fn seasons_in_use(school: &School) -> Vec<Season> {
    let term = &school.term;
    let mut seasons = Vec::new();
    let switch = term.season_switch;
    if switch.is_none_or(|s| s > term.first_day) {
        seasons.push(term.starts_in);
    }
    if switch.is_some_and(|s| s <= term.last_day) {
        seasons.push(term.starts_in.other());
    }
    seasons
}

/// The seasons in use that have at least one timetable. A season in use with
/// none is reported once by `timetables`; other areas skip it to avoid noise.
fn seasons_with_timetables(school: &School) -> Vec<Season> {
    seasons_in_use(school)
        .into_iter()
        .filter(|s| school.timetables.iter().any(|t| t.season == *s))
        .collect()
}

/// Runs `check` for each season in use that has timetables, grouping seasons
/// with the same result so that one cause gives one finding:
/// `("summer and winter", result)`.
fn by_season<T: PartialEq>(
    school: &School,
    mut check: impl FnMut(Season) -> Option<T>,
) -> Vec<(String, T)> {
    let mut groups: Vec<(Vec<&str>, T)> = Vec::new();
    for season in seasons_with_timetables(school) {
        let Some(result) = check(season) else {
            continue;
        };
        match groups.iter_mut().find(|(_, r)| *r == result) {
            Some((seasons, _)) => seasons.push(season_name(season)),
            None => groups.push((vec![season_name(season)], result)),
        }
    }
    groups
        .into_iter()
        .map(|(seasons, r)| (seasons.join(" and "), r))
        .collect()
}

/// `a basic session`, `an extended session`.
fn a_session(kind: SessionKind) -> String {
    let article = if matches!(kind, SessionKind::Extended | SessionKind::Evening) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind} session")
}

/// Grades primary and junior middle schools have.
const GRADES: std::ops::RangeInclusive<u8> = 1..=9;
