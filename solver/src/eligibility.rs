//! Who may take which post: eligibility, availability, caps and fair shares
//! (docs/model.md §3). Everything here is decided before the MILP is built,
//! so the model has a variable only where a person could really serve. The
//! MILP, the constructor, the same-day repair and the explanations all ask
//! this module; the independent checker (`check`) does not: it reads the
//! rules itself.

use std::fmt;

use crate::calendar::service_days;
use crate::demand::PostSpec;
use crate::model::{Participation, Person, School, SessionKind, Skill, StaffKind, Weekday};
use crate::plan::PostKind;

/// Per-person facts the model needs, computed once.
#[derive(Debug, Clone)]
pub struct Staffing {
    pub per_week: u32,
    pub per_day: u32,
    /// Fair share relative to a full-time teacher (1.0).
    pub share: f64,
    /// (week, day) pairs on which the person is on leave for most of the term's dates.
    pub away: Vec<(u8, Weekday)>,
}

pub fn staffing(school: &School, person: &Person, cycle_weeks: u8) -> Staffing {
    let caps = school.rules.caps_for(person.kind);
    let per_week = u32::from(person.max_per_week.unwrap_or(caps.per_week));
    let per_day = u32::from(person.max_per_day.unwrap_or(caps.per_day));
    let mut share = f64::from(person.part_time_percent.min(100)) / 100.0;
    if school.rules.fairness_by_teaching_periods {
        share *= teaching_factor(school, person);
    }
    Staffing {
        per_week,
        per_day,
        share,
        away: away_slots(school, person, cycle_weeks),
    }
}

/// A teacher with more lessons than the staff average gets a smaller share:
/// (20 + average weekly periods) / (20 + own weekly periods).
fn teaching_factor(school: &School, person: &Person) -> f64 {
    let teachers: Vec<&Person> = school
        .staff
        .iter()
        .filter(|p| p.kind == StaffKind::Teacher)
        .collect();
    let weekly = |p: &Person| {
        p.teaching_periods
            .iter()
            .map(|&n| f64::from(n))
            .sum::<f64>()
    };
    let mean = teachers.iter().map(|p| weekly(p)).sum::<f64>() / teachers.len().max(1) as f64;
    (20.0 + mean) / (20.0 + weekly(person))
}

/// The cycle's (week, day) slots in which a person's leave covers at least
/// half of the term's dates that run them. Shorter leave is handled by
/// same-day repair on the dates themselves, not by the cycle plan.
fn away_slots(school: &School, person: &Person, cycle_weeks: u8) -> Vec<(u8, Weekday)> {
    if person.leave.is_empty() {
        return Vec::new();
    }
    let days = service_days(&school.term, cycle_weeks);
    let mut away = Vec::new();
    for week in 1..=cycle_weeks.max(1) {
        for day in Weekday::ALL {
            let dates: Vec<_> = days
                .iter()
                .filter(|d| d.cycle_week == week && d.runs_as == day)
                .collect();
            let on_leave = dates.iter().filter(|d| person.on_leave(d.date)).count();
            if !dates.is_empty() && on_leave * 2 >= dates.len() {
                away.push((week, day));
            }
        }
    }
    away
}

/// Does the school schedule this person at all?
pub fn participates(school: &School, person: &Person) -> bool {
    match school.rules.participation {
        Participation::AllStaff => true,
        Participation::Voluntary => person.opted_in,
    }
}

/// The session kinds whose times overlap the post's, season by season, for
/// any grade (`demand::touched_sessions`, worked out once per post): a
/// person unavailable in any of them cannot take the post.
pub fn sessions_touched(spec: &PostSpec) -> &[SessionKind] {
    &spec.touched
}

/// Why a person cannot take a post at all, whatever else they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unavailable {
    /// Participation is voluntary and they did not sign up.
    NotTakingPart,
    /// The post is for other kinds of staff (duty leader: leaders only).
    WrongKind,
    /// Their cap per week or per day is zero.
    CapZero,
    /// Exempt from late-group duty.
    ExemptFromLate,
    /// On leave on most of the term's dates that run this cycle day (the
    /// rest is repaired on the dates themselves).
    OnLeave,
    /// Unavailable every week in a session the post touches.
    UnavailableSession(SessionKind),
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unavailable::NotTakingPart => f.write_str("not taking part"),
            Unavailable::WrongKind => f.write_str("not a leader"),
            Unavailable::CapZero => f.write_str("cap of zero"),
            Unavailable::ExemptFromLate => f.write_str("exempt from late duty"),
            Unavailable::OnLeave => f.write_str("on leave"),
            Unavailable::UnavailableSession(s) => {
                write!(f, "unavailable in the {} session (weekly)", s.code())
            }
        }
    }
}

/// May `person` take `spec` at all (as lead or assistant)? `None` if yes,
/// else why not.
pub fn unavailable_reason(
    school: &School,
    person: &Person,
    staffing: &Staffing,
    spec: &PostSpec,
) -> Option<Unavailable> {
    let post = &spec.post;
    if !participates(school, person) {
        return Some(Unavailable::NotTakingPart);
    }
    if let Some(kinds) = &spec.only_kinds {
        if !kinds.contains(&person.kind) {
            return Some(Unavailable::WrongKind);
        }
    }
    if staffing.per_week == 0 || staffing.per_day == 0 {
        return Some(Unavailable::CapZero);
    }
    if person.no_late && matches!(post.kind, PostKind::Late | PostKind::Reception) {
        return Some(Unavailable::ExemptFromLate);
    }
    if staffing.away.contains(&(post.week, post.day)) {
        return Some(Unavailable::OnLeave);
    }
    sessions_touched(spec)
        .iter()
        .copied()
        .find(|k| person.is_unavailable(post.day, *k))
        .map(Unavailable::UnavailableSession)
}

/// Why a person who may take a post may not lead it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoLead {
    /// Their kind only assists (volunteers, by default).
    AssistsOnly,
    /// They lack the skill the lead needs.
    LacksSkill(Skill),
}

impl fmt::Display for NoLead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoLead::AssistsOnly => f.write_str("may only assist"),
            NoLead::LacksSkill(s) => write!(f, "lacks the skill {s} to lead it"),
        }
    }
}

/// Why `person` may not be the responsible adult of `spec`; `None` if they may.
pub fn lead_block(school: &School, person: &Person, spec: &PostSpec) -> Option<NoLead> {
    if !school.rules.may_lead(person.kind) {
        return Some(NoLead::AssistsOnly);
    }
    match &spec.lead_skill {
        Some(s) if !person.has_skill(s) => Some(NoLead::LacksSkill(s.clone())),
        _ => None,
    }
}

/// May `person` be the responsible adult of `spec`?
pub fn may_lead(school: &School, person: &Person, spec: &PostSpec) -> bool {
    lead_block(school, person, spec).is_none()
}

/// Preference cost of one post for a person: avoided day or session +1 each,
/// wanted −1 each (docs/model.md §5, term P).
pub fn preference_cost(person: &Person, spec: &PostSpec) -> f64 {
    person
        .preferences
        .iter()
        .filter(|p| p.matches(spec.post.day, spec.post.session))
        .map(|p| match p.stance {
            crate::model::Stance::Avoid => 1.0,
            crate::model::Stance::Want => -1.0,
        })
        .sum()
}
