//! What would it take? The fewest extra adults, and of which kind, that
//! would let every post be covered (docs/model.md §11); and, for a school
//! with more than enough, the helpers' days that are not needed.
//!
//! The answer is data — kinds, skills, clubs, weekdays, sessions, counts —
//! for the application to put in words (`Capacity`). It comes from a variant
//! of the rota model (`milp::build::Model`) with hypothetical people added:
//! for every kind that could fill a gap the school's own staff leave, copies
//! of a person of that kind, with that kind's caps and the gap's skill,
//! available in the sessions of the gaps; each one hired costs the kind's
//! price (`Prices`), and the model finds the cheapest set of hires that
//! leaves nothing unmet that people can fix.

mod gaps;
mod hire;
mod lines;
mod people;
pub mod prices;
mod proposal;
mod rooms;
mod start;
mod surplus;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_prop;

use std::time::Instant;

use crate::demand;
use crate::milp::build::Model;
use crate::model::{
    ClassId, ClubId, RoomKind, School, SessionKind, Skill, StaffId, StaffKind, Weekday,
};
use crate::plan::{Plan, PostKind};

pub use prices::Prices;
pub use proposal::{proposal, PROPOSED_ID_PREFIX};

/// What to price and how long to try.
#[derive(Debug, Clone)]
pub struct CapacityOptions {
    pub prices: Prices,
    /// For each of the two searches (hires, or helpers not needed).
    pub time_limit_seconds: f64,
}

impl Default for CapacityOptions {
    fn default() -> Self {
        CapacityOptions {
            prices: Prices::default(),
            time_limit_seconds: 20.0,
        }
    }
}

/// The answer: whom to find, what no person can fix, and what is spare.
#[derive(Debug, Clone, PartialEq)]
pub struct Capacity {
    /// What the school's own staff leave open in a week of the cycle, by
    /// weekday, session and kind of post, each as in its busiest week
    /// (kehou's constructor: every place someone is free for is filled
    /// first).
    pub short: Vec<Short>,
    /// The shopping list: people to find, grouped by kind, skill, what they
    /// do and when. Empty when nothing is short (or nothing a person fixes).
    pub hires: Vec<Hire>,
    /// Shortages no extra person would fix (rooms, a fixed leader who
    /// cannot lead, posts no proposed kind may take).
    pub unfixable: Vec<Unfixable>,
    /// For a school with nothing short: the helpers' days it could do without.
    pub surplus: Option<Surplus>,
    /// How sure the list is the cheapest.
    pub search: Search,
    /// The prices the list was made with.
    pub prices: Prices,
    pub seconds: f64,
}

impl Capacity {
    /// People to find, in all.
    pub fn people(&self) -> u32 {
        self.hires.iter().map(|h| h.count).sum()
    }

    /// Places open a week before anyone is found.
    pub fn places_short(&self) -> u32 {
        self.short.iter().map(|s| s.places).sum()
    }
}

/// Places open on one weekday in one session, of one kind of post.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Short {
    pub day: Weekday,
    pub session: SessionKind,
    pub kind: PostKind,
    /// Adults missing (a missing responsible adult counts one).
    pub places: u32,
    /// Of those, places that need a responsible (lead) adult.
    pub leads: u32,
}

/// One line of the shopping list: `count` people of one kind, with one
/// skill, who would do the same kind of work.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hire {
    pub count: u32,
    pub kind: StaffKind,
    /// The skill they would lead with (a club's, or `homework`), if what
    /// they do needs one.
    pub skill: Option<Skill>,
    /// The club they would lead, if any.
    pub club: Option<ClubId>,
    /// Whether they would be the responsible adult of their posts (else
    /// they assist).
    pub leads: bool,
    /// What they would do: kinds of post.
    pub tasks: Vec<PostKind>,
    /// When they are needed: weekday, session, and how many of them then.
    pub when: Vec<(Weekday, SessionKind, u32)>,
    /// Each person's sessions: the sessions their posts touch, in either
    /// season (the proposal's people are available then and only then).
    pub people: Vec<Vec<(Weekday, SessionKind)>>,
}

impl Hire {
    pub fn days(&self) -> Vec<Weekday> {
        let mut days: Vec<Weekday> = self.when.iter().map(|(d, _, _)| *d).collect();
        days.dedup();
        days
    }

    pub fn sessions(&self) -> Vec<SessionKind> {
        let mut sessions: Vec<SessionKind> = self.when.iter().map(|(_, s, _)| *s).collect();
        sessions.sort();
        sessions.dedup();
        sessions
    }

    /// Whether all of them are needed at every time of `when` (the line can
    /// say "2 more adults, Thursday late" without counts per session).
    pub fn all_at_once(&self) -> bool {
        self.when.iter().all(|(_, _, n)| *n == self.count)
    }
}

/// A shortage no extra person would fix.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unfixable {
    /// A group bigger than every room of its kind: it has no room.
    GroupTooBig {
        classes: Vec<ClassId>,
        day: Weekday,
        session: SessionKind,
        students: u32,
        largest: u32,
    },
    /// A group that fits a room, but every room that holds it is taken then.
    GroupRoomsTaken {
        classes: Vec<ClassId>,
        day: Weekday,
        session: SessionKind,
        students: u32,
    },
    /// The school has no room of the kind a club needs.
    ClubNoRoomOfKind { club: ClubId, kind: RoomKind },
    /// No room of the club's kind holds its members.
    ClubTooBig {
        club: ClubId,
        kind: RoomKind,
        students: u32,
        largest: u32,
    },
    /// An outdoor club, and no room of its kind has an indoor fallback for rain.
    ClubNoRainRoom { club: ClubId, kind: RoomKind },
    /// Rooms of the club's kind exist, but none is free when it could meet.
    ClubRoomsTaken { club: ClubId, kind: RoomKind },
    /// The club's fixed leader cannot lead it (kind, skill, or not free at
    /// its meetings), and nobody else may.
    FixedLeader { club: ClubId, leader: StaffId },
    /// Places none of the kinds with a price may take.
    NoKindPriced {
        day: Weekday,
        session: SessionKind,
        kind: PostKind,
        places: u32,
    },
}

/// How sure the list is the cheapest, in the prices' units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Search {
    /// The list's price (Σ price of each person).
    pub cost: u32,
    /// No list costs less than this (proven).
    pub bound: u32,
}

impl Search {
    pub fn proven(&self) -> bool {
        self.bound >= self.cost
    }
}

/// Helpers (retired teachers, volunteers, coaches) who come in on a day of
/// the cycle although everything could be covered without them then.
#[derive(Debug, Clone, PartialEq)]
pub struct Surplus {
    /// Helper days in the staffing it starts from (the plan, or kehou's
    /// constructor), over the cycle: a person coming in on one day.
    pub used: u32,
    /// The fewest helper days that cover as much.
    pub needed: u32,
    /// Helper days of the staffing that are not needed, by person.
    pub spare: Vec<Spare>,
    pub proven: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spare {
    pub staff: StaffId,
    pub kind: StaffKind,
    pub week: u8,
    pub day: Weekday,
    /// The sessions of their posts that day.
    pub sessions: Vec<SessionKind>,
}

/// Fewest extra adults for `school` (and, when nothing is short, the
/// helpers' days not needed, counted against `plan` if given, else against
/// kehou's own staffing). Never fails; a search cut short by the time limit
/// says how far from proven it is (`Search`).
pub fn capacity(school: &School, plan: Option<&Plan>, options: &CapacityOptions) -> Capacity {
    let started = Instant::now();
    let k = gaps::cycle_for(school);
    let demand = demand::build(school, k);
    let model = Model::new(school, &demand);
    let start = gaps::construct(&model, options.time_limit_seconds * 0.1);
    let found = gaps::find(&model, &start);
    let (hires, search, left) = if found.needs.is_empty() {
        (
            Vec::new(),
            Search { cost: 0, bound: 0 },
            rooms::left(&model, &start),
        )
    } else {
        hire::hires(school, &demand, &found, (&model, &start), options)
    };
    let mut unfixable = rooms::unfixable(school, &model, &demand, &left);
    unfixable.sort();
    unfixable.dedup();
    let surplus = found
        .short
        .is_empty()
        .then(|| surplus::surplus(&model, &start, plan, options));
    Capacity {
        short: found.short,
        hires,
        unfixable,
        surplus,
        search,
        prices: options.prices,
        seconds: started.elapsed().as_secs_f64(),
    }
}
