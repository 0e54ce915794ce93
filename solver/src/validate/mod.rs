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
pub mod finding;
mod ids;
pub mod problems;
mod rooms;
mod rules;
mod staff;
mod term;
mod timetables;

#[cfg(test)]
pub(crate) mod testing;

pub use finding::{
    Field, Finding, FindingKind, HolidayRef, List, Ref, Severity, Subject, TimetableRef, Words,
};

use crate::model::{School, Season};

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
        subject: Subject,
        field: impl Into<Option<Field>>,
        kind: impl Into<FindingKind>,
    ) {
        self.push(Severity::Error, subject, field.into(), kind.into());
    }

    fn warning(
        &mut self,
        subject: Subject,
        field: impl Into<Option<Field>>,
        kind: impl Into<FindingKind>,
    ) {
        self.push(Severity::Warning, subject, field.into(), kind.into());
    }

    fn push(
        &mut self,
        severity: Severity,
        subject: Subject,
        field: Option<Field>,
        kind: FindingKind,
    ) {
        self.0.push(Finding {
            severity,
            subject,
            field,
            kind,
        });
    }
}

macro_rules! area {
    ($($problem:ident => $variant:ident),* $(,)?) => {
        $(impl From<problems::$problem> for FindingKind {
            fn from(p: problems::$problem) -> FindingKind {
                FindingKind::$variant(p)
            }
        })*
    };
}

area!(
    IdProblem => Ids,
    TermProblem => Term,
    RuleProblem => Rules,
    TimetableProblem => Timetable,
    StaffProblem => Staff,
    RoomProblem => Room,
    ClassProblem => Class,
    ClubProblem => Club,
);

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
/// with the same result so that one cause gives one finding.
fn by_season<T: PartialEq>(
    school: &School,
    mut check: impl FnMut(Season) -> Option<T>,
) -> Vec<(Vec<Season>, T)> {
    let mut groups: Vec<(Vec<Season>, T)> = Vec::new();
    for season in seasons_with_timetables(school) {
        let Some(result) = check(season) else {
            continue;
        };
        match groups.iter_mut().find(|(_, r)| *r == result) {
            Some((seasons, _)) => seasons.push(season),
            None => groups.push((vec![season], result)),
        }
    }
    groups
}

/// Grades primary and junior middle schools have.
const GRADES: std::ops::RangeInclusive<u8> = 1..=9;
