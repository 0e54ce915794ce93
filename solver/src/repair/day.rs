//! Who may take a vacated place on a real date, and what it would break:
//! the same eligibility as the cycle (milp/people.rs) on the date itself —
//! that date's leave and absences, its real times, its own day and week counts.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::dated::DayRoster;
use crate::explain::spec_of;
use std::fmt;

use crate::eligibility::{
    lead_block, sessions_touched, staffing, unavailable_reason, NoLead, Staffing, Unavailable,
};
use crate::model::{Person, School, SessionKind, StaffId};
use crate::plan::{Plan, Post, Role};

/// The sessions `post`, timed for `date`, touches (its own, and any whose
/// times overlap it in the date's season or the other's).
pub fn post_sessions(school: &School, post: &Post, date: NaiveDate) -> Vec<SessionKind> {
    sessions_touched(&spec_of(school, post, school.term.season_on(date))).to_vec()
}

/// Is `staff` absent for `post` on `date` by the plan's absences?
pub fn is_absent(
    school: &School,
    plan: &Plan,
    staff: &StaffId,
    date: NaiveDate,
    post: &Post,
) -> bool {
    let sessions = post_sessions(school, post, date);
    plan.absences
        .iter()
        .any(|a| &a.staff == staff && a.covers(date, &sessions))
}

/// Staffing of a person for real dates: the cycle's leave approximation is
/// replaced by the date's own leave.
pub fn dated_staffing(school: &School, person: &Person, cycle_weeks: u8) -> Staffing {
    let mut st = staffing(school, person, cycle_weeks);
    st.away.clear();
    st
}

/// Why someone can never take a place on a real date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocked {
    /// The cycle's own reason (kind, participation, exemption, weekly availability).
    Unavailable(Unavailable),
    /// On leave that date (the school's leave dates).
    OnLeave,
    /// A recorded absence covers that date.
    Absent,
    /// The place is a lead and they may not lead it.
    NoLead(NoLead),
}

impl fmt::Display for Blocked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocked::Unavailable(u) => u.fmt(f),
            Blocked::OnLeave => f.write_str("on leave"),
            Blocked::Absent => f.write_str("absent that day"),
            Blocked::NoLead(n) => n.fmt(f),
        }
    }
}

/// Why `person` can never take `post` (timed for the date) in `role` on
/// `date`, whatever else happens that date: `None` if they could.
pub fn blocked(
    school: &School,
    plan: &Plan,
    person: &Person,
    date: NaiveDate,
    post: &Post,
    role: Role,
) -> Option<Blocked> {
    let spec = spec_of(school, post, school.term.season_on(date));
    let st = dated_staffing(school, person, plan.cycle_weeks);
    if let Some(why) = unavailable_reason(school, person, &st, &spec) {
        return Some(Blocked::Unavailable(why));
    }
    if person.on_leave(date) {
        return Some(Blocked::OnLeave);
    }
    if is_absent(school, plan, &person.id, date, post) {
        return Some(Blocked::Absent);
    }
    if role == Role::Lead {
        if let Some(why) = lead_block(school, person, &spec) {
            return Some(Blocked::NoLead(why));
        }
    }
    None
}

/// Posts a person holds on the roster's date, other than `except`.
pub fn busy_with<'a>(roster: &'a DayRoster, staff: &'a StaffId, post: &Post) -> Option<&'a Post> {
    roster
        .posts_of(staff)
        .map(|p| &p.post)
        .find(|p| p.id != post.id && p.start < post.end && post.start < p.end)
}

/// How many posts each person holds, per date and per teaching week, over the
/// rosters given.
#[derive(Debug, Default, Clone)]
pub struct Loads {
    pub per_date: HashMap<(NaiveDate, StaffId), u32>,
    pub per_week: HashMap<(u32, StaffId), u32>,
}

impl Loads {
    pub fn of(rosters: &[DayRoster]) -> Loads {
        let mut loads = Loads::default();
        for r in rosters {
            for p in &r.posts {
                for a in &p.post.staff {
                    *loads
                        .per_date
                        .entry((r.day.date, a.staff.clone()))
                        .or_default() += 1;
                    *loads
                        .per_week
                        .entry((r.day.teaching_week, a.staff.clone()))
                        .or_default() += 1;
                }
            }
        }
        loads
    }

    pub fn on(&self, date: NaiveDate, staff: &StaffId) -> u32 {
        self.per_date
            .get(&(date, staff.clone()))
            .copied()
            .unwrap_or(0)
    }

    pub fn in_week(&self, week: u32, staff: &StaffId) -> u32 {
        self.per_week
            .get(&(week, staff.clone()))
            .copied()
            .unwrap_or(0)
    }
}
