//! Same-day repair: an absence on real dates vacates places on the cycle's
//! posts; the repair fills them on those dates only, keeping every hard rule,
//! with as few changes as possible, fairly by the term-long substitution
//! counter, then by preferences (docs/model.md §10). Pure: the caller loads,
//! asks, shows the diff and saves.
//!
//! The plan stores absences and substitutions; [`reconcile`] brings the
//! substitutions of some dates in line with the absences: it drops what is
//! stale (the person out is back, the cover is now away, an unmet place may
//! now be coverable), keeps every other earlier decision as it was, and solves
//! one small MILP over the places left open on all those dates together.

pub mod candidates;
pub mod day;
mod hand;
pub mod model;
mod reason;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::calendar::{self, ServiceDay};
use crate::dated::{substitution_counts, DayRoster, Timing};
use crate::model::{School, StaffId};
use crate::plan::{Absence, DecidedBy, Dropped, Plan, SolveNote, Substitution};
pub use candidates::{Break, BreakRule, Candidate};
use day::{is_absent, Loads};
pub use hand::{candidates, choose};
use model::Slot;

/// Seconds the repair model may take per phase: a sick call waits for no one.
const TIME_LIMIT: f64 = 20.0;

/// Teaching weeks repaired in one model (see `reconcile_from`).
const PIECE_WEEKS: usize = 2;

/// A repaired plan and what changed.
#[derive(Debug, Clone)]
pub struct Repair {
    pub plan: Plan,
    /// Substitutions the repair made, in date and post order.
    pub added: Vec<Substitution>,
    /// Earlier substitutions it undid (the person is back, or the cover is away).
    pub removed: Vec<Substitution>,
    /// Places the repair had to fill.
    pub places: usize,
    /// Variables of the repair model.
    pub variables: usize,
    /// Whether the model's answer was proven best.
    pub proven_optimal: bool,
    /// Choices made by hand that no longer hold, and why (also in `removed`).
    pub hand_not_kept: Vec<(Substitution, Stale)>,
}

impl Repair {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// Why a sick call, a cover by hand or a list of candidates could not be
/// made: data, worded in English here (`Display`) and by the application
/// in other languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepairError {
    #[error("no staff member with id {0}")]
    UnknownStaff(StaffId),
    #[error("{0} is before {1}: the absence must end on or after its first day")]
    BackwardsRange(NaiveDate, NaiveDate),
    #[error("{0} is outside the term ({1} to {2})")]
    OutsideTerm(NaiveDate, NaiveDate, NaiveDate),
    #[error("no absence of {0} covers {1}")]
    NoSuchAbsence(StaffId, NaiveDate),
    #[error("there is no after-school service on {0}")]
    NoService(NaiveDate),
    #[error("no post {0} on {1}")]
    NoSuchPost(String, NaiveDate),
    /// The person named as out is not out of that post that day.
    #[error("{staff} is not out of {post} that day: record their absence first")]
    NotOut { staff: StaffId, post: String },
    /// A place was asked for on a post that is fully staffed that day.
    #[error("{post} is fully staffed that day; name who is out with --out")]
    FullyStaffed { post: String },
    #[error("{staff} cannot take it: {why}")]
    CannotTake { staff: StaffId, why: Refusal },
    #[error("the repair model failed: {0}")]
    Model(String),
}

/// Why someone cannot take a place by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Never, that date (kind, leave, absence, availability, may not lead).
    Blocked(day::Blocked),
    /// They are on this post already.
    AlreadyOnPost,
    /// Taking it would break a hard rule (they are busy then).
    Breaks(Vec<crate::plan::Break>),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Blocked(b) => b.fmt(f),
            Refusal::AlreadyOnPost => f.write_str("already on this post"),
            Refusal::Breaks(breaks) => {
                f.write_str(&crate::plan::breaks_english(breaks, &crate::namer::Ids))
            }
        }
    }
}

/// A repair held against the plan it repairs: only rules the plan kept and
/// the repair breaks block it (`new`: a bug in kehou, never saved); rules
/// the plan already broke (`already`) are the school's to fix and are shown,
/// not blamed on the repair. The one place this rule lives: the command
/// line's sick calls and covers and the terminal UI's ask it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub new: Vec<crate::check::Violation>,
    pub already: Vec<crate::check::Violation>,
}

impl Verdict {
    /// Nothing new is broken: the repair may be kept.
    pub fn accepted(&self) -> bool {
        self.new.is_empty()
    }
}

/// The verdict on `after`, a repair (or hand choice) of `before`.
pub fn verdict(school: &School, before: &Plan, after: &Plan) -> Verdict {
    let new = crate::check::new_violations(school, before, after);
    let already = crate::check::check_all(school, after)
        .into_iter()
        .filter(|v| !new.contains(v))
        .collect();
    Verdict { new, already }
}

/// Records `absence` and repairs the dates it covers.
pub fn add_absence(school: &School, plan: &Plan, absence: Absence) -> Result<Repair, RepairError> {
    if school.person(&absence.staff).is_none() {
        return Err(RepairError::UnknownStaff(absence.staff.clone()));
    }
    if absence.to < absence.from {
        return Err(RepairError::BackwardsRange(absence.to, absence.from));
    }
    let term = &school.term;
    for d in [absence.from, absence.to] {
        if d < term.first_day || d > term.last_day {
            return Err(RepairError::OutsideTerm(d, term.first_day, term.last_day));
        }
    }
    let dates = dates_between(school, plan, absence.from, absence.to);
    let mut with = plan.clone();
    with.absences.push(absence);
    reconcile_from(school, plan, with, &dates)
}

/// Removes the absences of `staff` covering `date` and repairs their dates:
/// the person takes their own posts back wherever they still can.
pub fn remove_absence(
    school: &School,
    plan: &Plan,
    staff: &crate::model::StaffId,
    date: NaiveDate,
) -> Result<Repair, RepairError> {
    let (gone, kept): (Vec<Absence>, Vec<Absence>) = plan
        .absences
        .iter()
        .cloned()
        .partition(|a| &a.staff == staff && a.from <= date && date <= a.to);
    if gone.is_empty() {
        return Err(RepairError::NoSuchAbsence(staff.clone(), date));
    }
    let mut dates = Vec::new();
    for a in &gone {
        dates.extend(dates_between(school, plan, a.from, a.to));
    }
    let mut without = plan.clone();
    without.absences = kept;
    reconcile_from(school, plan, without, &dates)
}

/// Brings the substitutions of `dates` in line with the plan's absences.
pub fn reconcile(school: &School, plan: &Plan, dates: &[NaiveDate]) -> Result<Repair, RepairError> {
    reconcile_from(school, plan, plan.clone(), dates)
}

/// The service dates from `from` to `to`, inclusive.
pub fn dates_between(
    school: &School,
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    calendar::service_days(&school.term, plan.cycle_weeks)
        .into_iter()
        .filter(|d| from <= d.date && d.date <= to)
        .map(|d| d.date)
        .collect()
}

/// `before` is the plan as saved; `work` the same with the absences changed.
fn reconcile_from(
    school: &School,
    before: &Plan,
    mut work: Plan,
    dates: &[NaiveDate],
) -> Result<Repair, RepairError> {
    let wanted: BTreeSet<NaiveDate> = dates.iter().copied().collect();
    let all_days = calendar::service_days(&school.term, work.cycle_weeks);
    let days: Vec<ServiceDay> = all_days
        .iter()
        .filter(|d| wanted.contains(&d.date))
        .copied()
        .collect();
    let timing = Timing::new(school, &work);
    let stale = drop_stale(school, &mut work, &days, &timing);
    // A choice made by hand is the deputy head's: never dropped silently.
    let hand_not_kept = stale
        .into_iter()
        .filter(|(s, _)| s.decided_by == DecidedBy::Hand)
        .collect();

    // In pieces of at most PIECE_WEEKS teaching weeks, in date order, each
    // seeing the balances the pieces before it left: the model grows faster
    // than its dates (a month of one person's posts took 5 s in one piece,
    // two months hit the time limit), and weeks are independent but for
    // the balances.
    let weeks: Vec<u32> = days
        .iter()
        .map(|d| d.teaching_week)
        .collect::<BTreeSet<u32>>()
        .into_iter()
        .collect();
    let started = std::time::Instant::now();
    let pieces = weeks.len().div_ceil(PIECE_WEEKS);
    let (mut places, mut variables, mut proven_optimal) = (0, 0, true);
    for (n, piece) in weeks.chunks(PIECE_WEEKS).enumerate() {
        let week_rosters: Vec<DayRoster> = all_days
            .iter()
            .filter(|d| piece.contains(&d.teaching_week))
            .map(|d| timing.roster(&work, *d))
            .collect();
        let loads = Loads::of(&week_rosters);
        let counts = substitution_counts(&work);
        let mut slots = Vec::new();
        for roster in week_rosters.iter().filter(|r| wanted.contains(&r.day.date)) {
            slots.extend(vacated(school, &work, roster, &loads, &counts));
        }
        let balances = counts
            .iter()
            .map(|(k, c)| (k.clone(), c.balance()))
            .collect();
        // The time limit is for the whole repair, shared by the pieces left.
        let left = TIME_LIMIT - started.elapsed().as_secs_f64();
        let limit = (left / (pieces - n) as f64).max(0.5);
        let decision = model::solve(school, work.cycle_weeks, &slots, &loads, &balances, limit)
            .map_err(|e| RepairError::Model(e.to_string()))?;
        for (slot, cover) in slots.iter().zip(&decision.covers) {
            let chosen = cover.map(|i| &slot.ranked[i]);
            work.substitutions.push(Substitution {
                date: slot.date,
                post: slot.post.id.clone(),
                role: slot.role,
                out: Some(slot.out.clone()),
                cover: chosen.map(|c| c.staff.clone()),
                reason: match chosen {
                    Some(c) => reason::chosen(c, slot),
                    None => reason::nobody(slot),
                },
                decided_by: DecidedBy::Kehou,
            });
        }
        places += slots.len();
        variables = variables.max(decision.variables);
        proven_optimal &= decision.proven_optimal;
    }
    let removed = before
        .substitutions
        .iter()
        .filter(|s| !work.substitutions.contains(s))
        .cloned()
        .collect();
    let added = work
        .substitutions
        .iter()
        .filter(|s| !before.substitutions.contains(s))
        .cloned()
        .collect();
    Ok(Repair {
        plan: work,
        added,
        removed,
        places,
        variables,
        proven_optimal,
        hand_not_kept,
    })
}

pub use crate::plan::Stale;

/// Drops the substitutions of `days` that no longer hold: the person out is
/// back, the cover is away, the post is not on that date, or kehou found
/// nobody (the place is tried again). Returns what it dropped, and why.
fn drop_stale(
    school: &School,
    work: &mut Plan,
    days: &[ServiceDay],
    timing: &Timing,
) -> Vec<(Substitution, Stale)> {
    let by_date: BTreeMap<NaiveDate, &ServiceDay> = days.iter().map(|d| (d.date, d)).collect();
    let snapshot = work.clone();
    let why = |s: &Substitution| -> Option<Stale> {
        let day = by_date.get(&s.date)?;
        let Some(post) = snapshot
            .posts
            .iter()
            .find(|p| p.id == s.post && p.week == day.cycle_week && p.day == day.runs_as)
        else {
            return Some(Stale::NotTheirs);
        };
        let post = timing.timed(post, day);
        let away = |id: &crate::model::StaffId| {
            is_absent(school, &snapshot, id, s.date, &post)
                || school.person(id).is_none_or(|p| p.on_leave(s.date))
        };
        if s.out
            .as_ref()
            .is_some_and(|o| !is_absent(school, &snapshot, o, s.date, &post))
        {
            return Some(Stale::OutBack);
        }
        if s.cover.as_ref().is_some_and(away) {
            return Some(Stale::CoverAway);
        }
        if s.cover.is_none() && s.decided_by == DecidedBy::Kehou {
            return Some(Stale::Retry);
        }
        // After a re-solve the cycle may have changed under a substitution:
        // the person out no longer holds the post, the post is no longer
        // short, or the cover now has a post of their own at that time.
        if s.out
            .as_ref()
            .is_some_and(|o| !post.staff.iter().any(|a| &a.staff == o))
        {
            return Some(Stale::NotTheirs);
        }
        if s.out.is_none() && post.missing() == 0 && (post.has_lead() || post.adults_needed == 0) {
            return Some(Stale::NowFull);
        }
        let cover_busy = s.cover.as_ref().is_some_and(|c| {
            snapshot
                .posts
                .iter()
                .filter(|p| p.week == day.cycle_week && p.day == day.runs_as && p.id != post.id)
                .filter(|p| p.staff.iter().any(|a| &a.staff == c))
                .map(|p| timing.timed(p, day))
                .any(|p| p.start < post.end && post.start < p.end)
        });
        cover_busy.then_some(Stale::CoverBusy)
    };
    let mut dropped = Vec::new();
    work.substitutions.retain(|s| match why(s) {
        Some(w) => {
            dropped.push((s.clone(), w));
            false
        }
        None => true,
    });
    dropped
}

/// A new cycle plan (a re-solve) keeps the term's record: the previous
/// plan's absences are carried over, with the choices made by hand that
/// still hold; kehou's own substitutions are made again for the new cycle,
/// all in one repair (a kept cover could now go over a cap the new cycle
/// fills). The diff is against the previous substitutions. With no record
/// to keep, or a new plan that is no plan at all, `new` comes back unchanged.
pub fn carry_over(school: &School, previous: &Plan, mut new: Plan) -> Result<Repair, RepairError> {
    if (previous.absences.is_empty() && previous.substitutions.is_empty())
        || new.solve.status == crate::plan::SolveStatus::NoPlan
    {
        return Ok(Repair {
            plan: new,
            added: Vec::new(),
            removed: Vec::new(),
            places: 0,
            variables: 0,
            proven_optimal: true,
            hand_not_kept: Vec::new(),
        });
    }
    // Records the school can no longer hold (a person who has left, an
    // absence ending before it starts) are dropped with a note: kept, they
    // would fail the checker and block every save of the new plan.
    let known = |id: &crate::model::StaffId| school.person(id).is_some();
    new.absences.clear();
    new.substitutions.clear();
    for a in &previous.absences {
        if known(&a.staff) && a.from <= a.to {
            new.absences.push(a.clone());
        } else {
            new.solve.notes.push(SolveNote::AbsenceDropped {
                staff: a.staff.clone(),
                from: a.from,
                to: a.to,
                why: if known(&a.staff) {
                    Dropped::Backwards
                } else {
                    Dropped::NotOnStaff
                },
            });
        }
    }
    for sub in &previous.substitutions {
        if sub.out.iter().chain(&sub.cover).all(known) {
            new.substitutions.push(sub.clone());
        } else {
            new.solve.notes.push(SolveNote::SubstitutionDropped {
                date: sub.date,
                post: sub.post.clone(),
            });
        }
    }
    let before = new.clone();
    new.substitutions
        .retain(|s| s.decided_by == DecidedBy::Hand);
    let mut dates: BTreeSet<NaiveDate> = previous.substitutions.iter().map(|s| s.date).collect();
    for a in &new.absences {
        dates.extend(dates_between(school, &new, a.from, a.to));
    }
    let dates: Vec<NaiveDate> = dates.into_iter().collect();
    let mut repair = reconcile_from(school, &before, new, &dates)?;
    for (s, why) in &repair.hand_not_kept {
        repair.plan.solve.notes.push(SolveNote::HandNotKept {
            date: s.date,
            post: s.post.clone(),
            cover: s.cover.clone(),
            out: s.out.clone(),
            why: *why,
        });
    }
    Ok(repair)
}

/// The places absences leave open on one date's roster.
fn vacated(
    school: &School,
    work: &Plan,
    roster: &DayRoster,
    loads: &Loads,
    counts: &BTreeMap<crate::model::StaffId, crate::dated::SubstitutionCount>,
) -> Vec<Slot> {
    let situation = candidates::Situation {
        school,
        plan: work,
        date: roster.day.date,
        teaching_week: roster.day.teaching_week,
        roster,
        loads,
        counts,
    };
    let mut slots = Vec::new();
    for dp in &roster.posts {
        // A place already given up by a recorded "nobody" stays open as recorded.
        for a in &dp.post.staff {
            if is_absent(school, work, &a.staff, roster.day.date, &dp.post) {
                slots.push(Slot {
                    date: roster.day.date,
                    teaching_week: roster.day.teaching_week,
                    post: dp.post.clone(),
                    role: a.role,
                    out: a.staff.clone(),
                    ranked: situation.rank(&dp.post, a.role),
                });
            }
        }
    }
    slots
}
