//! The plan: the rota over a rotation cycle, as saved in a `*.plan.ron` file.
//! Reasons and notes are data (`unmet`, `cover`, `notes`), worded by the
//! renderers; `v3` reads the plans written before they were.

mod cover;
mod notes;
mod unmet;
pub mod v3;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ClassId, ClockTime, ClubId, RoomId, SessionKind, StaffId, Weekday};
pub use cover::{breaks_english, Break, BreakRule, ByHand, CalledIn, CoverReason, Held, PlaceNeed};
pub use notes::{Dropped, SolveNote, Stale};
pub use unmet::{Cause, Need, RoomShortfall, Shortfall, UnmetReason};

/// The format version of `*.plan.ron` files this build reads and writes.
///
/// Version 2 added `absences` and `substitutions` (sick calls repaired on real
/// dates). Both default to empty, so version 1 files still load; the bump makes
/// an older kehou say "newer than this kehou understands" instead of failing on
/// an unknown field. Version 3 added each post's `other_season` times, so a
/// plan says when its posts run in both seasons without the school's demand
/// being rebuilt (older plans still load: the times are then worked out), and
/// a club meeting's `club_name`, so a club deleted from the school is still
/// named on the rota. Version 4 stores why a post is unmet, why a cover was
/// chosen and the solve's notes as data rather than English sentences, so
/// they can be shown in any language; older plans load with their
/// sentences kept as text (`v3`).
pub const PLAN_FORMAT_VERSION: u32 = 4;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub version: u32,
    /// `School::fingerprint` of the school this plan was solved for.
    pub school_fingerprint: String,
    pub cycle_weeks: u8,
    pub solve: SolveReport,
    /// Every post of the cycle, staffed or not, in a stable order.
    pub posts: Vec<Post>,
    /// Assignments a re-solve must keep exactly.
    #[serde(default)]
    pub locks: Vec<Lock>,
    /// Absences on real dates (sick calls, longer leave noted during the term).
    #[serde(default)]
    pub absences: Vec<Absence>,
    /// Changes to the cycle's staffing on real dates, in the order they were made.
    #[serde(default)]
    pub substitutions: Vec<Substitution>,
}

impl Plan {
    /// An empty plan for a school (nothing solved yet).
    pub fn empty(school_fingerprint: String, cycle_weeks: u8) -> Plan {
        Plan {
            version: PLAN_FORMAT_VERSION,
            school_fingerprint,
            cycle_weeks,
            solve: SolveReport::default(),
            posts: Vec::new(),
            locks: Vec::new(),
            absences: Vec::new(),
            substitutions: Vec::new(),
        }
    }

    pub fn post(&self, id: &str) -> Option<&Post> {
        self.posts.iter().find(|p| p.id == id)
    }

    /// Posts still missing adults.
    pub fn unmet(&self) -> impl Iterator<Item = &Post> {
        self.posts.iter().filter(|p| p.missing() > 0)
    }
}

/// How the solve went, recorded so a deputy head knows how far to trust the plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SolveReport {
    pub status: SolveStatus,
    pub backend: String,
    pub seconds: f64,
    /// The objective's terms by name (unmet, fairness, preferences, …).
    pub objective: Vec<ObjectiveTerm>,
    pub objective_value: Option<f64>,
    /// Best proven lower bound, where known.
    pub bound: Option<f64>,
    /// Relative gap between plan and bound, where known (0.004 = 0.4%).
    pub gap: Option<f64>,
    /// When it was solved, as the caller's clock said (RFC 3339).
    pub solved_at: Option<String>,
    /// Notes from the solve: what could not be kept, how the search went.
    pub notes: Vec<SolveNote>,
    /// For a re-solve: how the previous plan's assignments changed.
    pub changes: Option<Changes>,
    /// The fairest band: the heaviest and lightest teacher's load, and
    /// whether no rota could do better (docs/model.md §5.3).
    pub band: Option<FairBand>,
}

/// The teachers' load band, in weighted minutes a week per full share
/// (a half-time teacher's load counts double): how heavy the heaviest is and
/// how light the lightest, and what the solve proved about each.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FairBand {
    /// The heaviest teacher's load in the plan.
    pub heaviest: f64,
    /// No rota that covers as much has its heaviest lighter than this
    /// (proven); the plan's heaviest is proven best when it is within
    /// `resolution` of it.
    pub heaviest_bound: Option<f64>,
    /// The lightest load among the teachers who can reach the band.
    pub lightest: f64,
    /// No rota with that heaviest has its lightest heavier than this (proven).
    pub lightest_bound: Option<f64>,
    /// Minutes a week to which the band is proven.
    pub resolution: f64,
    /// Teachers whose own caps or availability hold them below the band,
    /// with the most they could carry a week: they are not its lightest.
    pub held_below: Vec<HeldBelow>,
}

impl FairBand {
    pub fn heaviest_proven(&self) -> bool {
        self.heaviest_bound
            .is_some_and(|b| self.heaviest - b <= self.resolution + 1e-9)
    }

    pub fn lightest_proven(&self) -> bool {
        self.lightest_bound
            .is_some_and(|b| b - self.lightest <= self.resolution + 1e-9)
    }
}

/// A teacher held below the band by their own limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldBelow {
    pub staff: StaffId,
    /// The most they could carry a week, in weighted minutes per full share.
    pub reachable: f64,
    pub because: Holder,
}

/// What holds a teacher below the band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Holder {
    /// Their cap of posts a week.
    CapPerWeek(u32),
    /// The days and sessions they are available (or on leave).
    Availability,
}

/// How a re-solve changed the previous plan's assignments (post, person, role).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Changes {
    /// Assignments of the previous plan.
    pub previous: u32,
    /// Of those, the ones no longer in the plan as they were.
    pub changed: u32,
    /// Of the changed, the ones the school's edits forced: the post is gone,
    /// or the person can no longer take it with the others kept.
    pub forced: u32,
    /// Assignments in the new plan that the previous one did not have.
    pub added: u32,
    /// A full re-optimisation (`--fresh`) rather than a minimal change.
    pub fresh: bool,
    /// The fairness term of the previous plan's assignments that still hold,
    /// measured with this solve's targets: "fairness a → b" compares like
    /// with like (each solve sets its targets from what it knows, so the
    /// previous plan's own figure is on another scale).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fairness_before: Option<f64>,
}

impl Changes {
    /// Compares the assignments of two plans; `forced` comes from the solve.
    pub fn between(previous: &Plan, new: &Plan, forced: u32, fresh: bool) -> Changes {
        use std::collections::BTreeSet;
        let set = |plan: &Plan| -> BTreeSet<(String, StaffId, Role)> {
            plan.posts
                .iter()
                .flat_map(|p| {
                    p.staff
                        .iter()
                        .map(move |a| (p.id.clone(), a.staff.clone(), a.role))
                })
                .collect()
        };
        let (before, after) = (set(previous), set(new));
        let changed = before.difference(&after).count() as u32;
        Changes {
            previous: before.len() as u32,
            changed,
            forced: forced.min(changed),
            added: after.difference(&before).count() as u32,
            fresh,
            fairness_before: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SolveStatus {
    /// Nothing solved yet.
    #[default]
    NotSolved,
    /// Proven optimal.
    Optimal,
    /// A plan, but the time limit came before the proof; see bound and gap.
    Feasible,
    /// No plan could be made; the notes say why.
    NoPlan,
}

impl fmt::Display for SolveStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SolveStatus::NotSolved => "not solved",
            SolveStatus::Optimal => "optimal",
            SolveStatus::Feasible => "feasible",
            SolveStatus::NoPlan => "no plan",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveTerm {
    pub name: String,
    pub value: f64,
}

/// The kinds of post the roster CSV names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PostKind {
    /// A care group doing homework (basic service, or extended study).
    Homework,
    Club,
    Late,
    DutyLeader,
    Gate,
    Reception,
}

impl PostKind {
    pub fn code(self) -> &'static str {
        match self {
            PostKind::Homework => "homework",
            PostKind::Club => "club",
            PostKind::Late => "late",
            PostKind::DutyLeader => "duty_leader",
            PostKind::Gate => "gate",
            PostKind::Reception => "reception",
        }
    }

    /// Does this post hold students (and so need a room)?
    pub fn holds_students(self) -> bool {
        !matches!(self, PostKind::DutyLeader | PostKind::Gate)
    }
}

impl fmt::Display for PostKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// The responsible adult.
    Lead,
    Assist,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Assist => "assist",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub staff: StaffId,
    pub role: Role,
}

/// One thing to staff in one slot of the cycle: a care group, a club meeting,
/// a late group, or a duty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// Stable id, such as `w1-mon-basic-3-2`.
    pub id: String,
    /// Week of the cycle, from 1.
    pub week: u8,
    pub day: Weekday,
    pub session: SessionKind,
    pub start: ClockTime,
    pub end: ClockTime,
    /// Start and end in the other season's timetable (`None` in plans older
    /// than version 3, or when the term has one season's times only).
    #[serde(default)]
    pub other_season: Option<(ClockTime, ClockTime)>,
    pub kind: PostKind,
    /// The classes a homework or late group holds.
    #[serde(default)]
    pub classes: Vec<ClassId>,
    #[serde(default)]
    pub club: Option<ClubId>,
    /// The club's name when the plan was made: a plan read after the club
    /// was deleted still says which club it was (format version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub club_name: Option<String>,
    #[serde(default)]
    pub room: Option<RoomId>,
    pub students: u32,
    /// Adults the ratios require.
    pub adults_needed: u32,
    #[serde(default)]
    pub staff: Vec<Assignment>,
    /// Why the post is not fully staffed, when it is not.
    #[serde(default)]
    pub unmet_reason: Option<UnmetReason>,
}

impl Post {
    pub fn minutes(&self) -> u32 {
        u32::from(self.end.minutes().saturating_sub(self.start.minutes()))
    }

    /// The post's (start, end) in the main season and in the other one, in
    /// minutes since midnight; the same twice where the other is unknown.
    pub fn intervals(&self) -> [(u16, u16); 2] {
        let main = (self.start.minutes(), self.end.minutes());
        let other = self
            .other_season
            .map_or(main, |(s, e)| (s.minutes(), e.minutes()));
        [main, other]
    }

    /// Adults still missing.
    pub fn missing(&self) -> u32 {
        self.adults_needed.saturating_sub(self.staff.len() as u32)
    }

    pub fn has_lead(&self) -> bool {
        self.staff.iter().any(|a| a.role == Role::Lead)
    }

    /// Who the post is for: class ids joined with `+`, or the club id.
    pub fn group_label(&self) -> String {
        match &self.club {
            Some(c) => c.to_string(),
            None => self
                .classes
                .iter()
                .map(ClassId::as_str)
                .collect::<Vec<_>>()
                .join("+"),
        }
    }
}

/// An assignment pinned by the deputy head.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub post: String,
    pub staff: StaffId,
    pub role: Role,
}

/// A person away on real dates: the cycle's posts they hold those dates are repaired.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub staff: StaffId,
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
    /// Sessions missed; empty = the whole day.
    #[serde(default)]
    pub sessions: Vec<SessionKind>,
    #[serde(default)]
    pub reason: String,
}

impl Absence {
    /// Is the person away on `date` for a post touching these sessions?
    pub fn covers(&self, date: NaiveDate, sessions: &[SessionKind]) -> bool {
        self.from <= date
            && date <= self.to
            && (self.sessions.is_empty() || sessions.iter().any(|s| self.sessions.contains(s)))
    }
}

/// One change to a cycle post on one date: `out` leaves the post, `cover` takes
/// their place in `role`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Substitution {
    pub date: NaiveDate,
    /// `Post::id` of the cycle post.
    pub post: String,
    pub role: Role,
    /// Who is out (`None`: filling a post that was unmet).
    #[serde(default)]
    pub out: Option<StaffId>,
    /// Who covers (`None`: nobody could; the post is unmet that day).
    #[serde(default)]
    pub cover: Option<StaffId>,
    /// Why this person, or why nobody.
    pub reason: CoverReason,
    pub decided_by: DecidedBy,
}

/// Who chose a substitute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecidedBy {
    /// The repair chose.
    Kehou,
    /// The deputy head chose by hand.
    Hand,
}

impl DecidedBy {
    pub fn code(self) -> &'static str {
        match self {
            DecidedBy::Kehou => "kehou",
            DecidedBy::Hand => "hand",
        }
    }
}
