//! Choices by hand: the ranked candidates of one place, and the deputy
//! head's own pick among them, recorded as `DecidedBy::Hand`.

use chrono::NaiveDate;

use super::candidates::{self, Candidate};
use super::day::{self, Loads};
use super::reason;
use super::{Refusal, Repair, RepairError};
use crate::calendar;
use crate::dated::{substitution_counts, DatedPost, DayRoster, Timing};
use crate::model::{School, StaffId};
use crate::plan::{DecidedBy, Plan, Role, Substitution};

/// Candidates for a place on `post` on `date`, best first. `out`: the person
/// whose place it is (their role is taken); `None`: a missing adult of the
/// post (a lead if it has none).
pub fn candidates(
    school: &School,
    plan: &Plan,
    date: NaiveDate,
    post_id: &str,
    out: Option<&StaffId>,
) -> Result<(Role, Vec<Candidate>), RepairError> {
    let day = crate::dated::service_day(school, plan, date).ok_or(RepairError::NoService(date))?;
    let timing = Timing::new(school, plan);
    let week_rosters: Vec<DayRoster> = calendar::service_days(&school.term, plan.cycle_weeks)
        .into_iter()
        .filter(|d| d.teaching_week == day.teaching_week)
        .map(|d| timing.roster(plan, d))
        .collect();
    let roster = week_rosters
        .iter()
        .find(|r| r.day.date == date)
        .ok_or(RepairError::NoService(date))?;
    let dp = roster
        .post(post_id)
        .ok_or_else(|| RepairError::NoSuchPost(post_id.to_owned(), date))?;
    let role = place_role(dp, out)?;
    let loads = Loads::of(&week_rosters);
    let counts = substitution_counts(plan);
    let situation = candidates::Situation {
        school,
        plan,
        date,
        teaching_week: day.teaching_week,
        roster,
        loads: &loads,
        counts: &counts,
    };
    Ok((role, situation.rank(&dp.post, role)))
}

/// The role of the place `out` left on `dp` (or of a missing adult).
fn place_role(dp: &DatedPost, out: Option<&StaffId>) -> Result<Role, RepairError> {
    match out {
        Some(o) => dp
            .changes
            .iter()
            .find(|s| s.out.as_ref() == Some(o))
            .map(|s| s.role)
            .ok_or_else(|| RepairError::NotOut {
                staff: o.clone(),
                post: dp.post.id.clone(),
            }),
        None if dp.post.adults_needed > 0 && !dp.post.has_lead() => Ok(Role::Lead),
        None if dp.post.missing() > 0 => Ok(Role::Assist),
        None => Err(RepairError::FullyStaffed {
            post: dp.post.id.clone(),
        }),
    }
}

/// The deputy head's own choice: `cover` takes the place `out` left on
/// `post_id` on `date` (or a missing adult's place). Caps and preferences may
/// be broken by hand (the reason says so); being busy, away or unable may not.
pub fn choose(
    school: &School,
    plan: &Plan,
    date: NaiveDate,
    post_id: &str,
    out: Option<&StaffId>,
    cover: &StaffId,
) -> Result<Repair, RepairError> {
    let person = school
        .person(cover)
        .ok_or_else(|| RepairError::UnknownStaff(cover.clone()))?;
    let (role, ranked) = candidates(school, plan, date, post_id, out)?;
    let Some(c) = ranked.iter().find(|c| &c.staff == cover) else {
        let day =
            crate::dated::service_day(school, plan, date).ok_or(RepairError::NoService(date))?;
        let post = plan
            .post(post_id)
            .ok_or_else(|| RepairError::NoSuchPost(post_id.to_owned(), date))?;
        let post = Timing::new(school, plan).timed(post, &day);
        let why = day::blocked(school, plan, person, date, &post, role)
            .map_or(Refusal::AlreadyOnPost, Refusal::Blocked);
        return Err(RepairError::CannotTake {
            staff: cover.clone(),
            why,
        });
    };
    if !c.possible() {
        return Err(RepairError::CannotTake {
            staff: cover.clone(),
            why: Refusal::Breaks(c.breaks.clone()),
        });
    }
    let mut work = plan.clone();
    let mut removed = Vec::new();
    work.substitutions.retain(|s| {
        let same = s.date == date && s.post == post_id && s.out.as_ref() == out;
        if same {
            removed.push(s.clone());
        }
        !same
    });
    let sub = Substitution {
        date,
        post: post_id.to_owned(),
        role,
        out: out.cloned(),
        cover: Some(cover.clone()),
        reason: reason::by_hand(c),
        decided_by: DecidedBy::Hand,
    };
    work.substitutions.push(sub.clone());
    Ok(Repair {
        plan: work,
        added: vec![sub],
        removed,
        places: 1,
        variables: 0,
        proven_optimal: true,
        hand_not_kept: Vec::new(),
    })
}
