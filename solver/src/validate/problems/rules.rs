//! Rules (ratios, who may lead, caps, weights) and daily duties.

use crate::model::{RoomId, RoomKind, StaffKind};
use crate::validate::finding::{Ref, Words};

/// The ratios of `rules.ratios`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatioName {
    Homework,
    Club,
    Late,
    Care,
    Evening,
}

impl RatioName {
    pub fn code(self) -> &'static str {
        match self {
            RatioName::Homework => "homework",
            RatioName::Club => "club",
            RatioName::Late => "late",
            RatioName::Care => "care",
            RatioName::Evening => "evening",
        }
    }
}

/// The weights of `rules.weights`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeightName {
    Late,
    Friday,
    DutyLeader,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RuleProblem {
    CycleWeeks {
        weeks: u8,
    },
    RatioZero {
        ratio: RatioName,
    },
    MayLeadEmpty,
    CapsContradict {
        kind: StaffKind,
        per_day: u8,
        per_week: u8,
    },
    CapsTwice {
        kind: StaffKind,
    },
    WeightZero {
        weight: WeightName,
    },
    MergeMaxZero,
    TimeLimitZero,
    NobodyOptedIn,
    NoLeaderForDuty,
    GateInPlaceLong {
        minutes: u16,
    },
    GateNoMinutes,
    ReceptionNoAdults,
    ReceptionUnknownRoom {
        room: RoomId,
    },
    ReceptionWrongKind {
        room: Ref<RoomId>,
        kind: RoomKind,
    },
}

impl RuleProblem {
    pub fn english(&self) -> Words {
        match self {
            RuleProblem::CycleWeeks { weeks } => Words::new(
                format!("cycle_weeks is {weeks}; the rotation cycle must be 1 to 4 weeks"),
                "set cycle_weeks to 1 (same every week), 2 (A/B weeks), 3 or 4",
            ),
            RuleProblem::RatioZero { ratio } => {
                let name = ratio.code();
                Words::new(
                    format!("the {name} ratio has students_per_adult: 0, so no number of adults is enough"),
                    format!("set ratios.{name}.students_per_adult to the students one adult may supervise, e.g. 45 for homework"),
                )
            }
            RuleProblem::MayLeadEmpty => Words::new(
                "may_lead is empty, so nobody may be the responsible adult of a group",
                "list the kinds of staff who may lead, e.g. may_lead: [Teacher, Leader, Retired, Coach]",
            ),
            RuleProblem::CapsContradict {
                kind,
                per_day,
                per_week,
            } => {
                let kind = kind.code();
                Words::new(
                    format!("the caps for {kind} allow {per_day} posts a day but only {per_week} a week"),
                    format!("make caps per_day for {kind} at most per_week"),
                )
            }
            RuleProblem::CapsTwice { kind } => {
                let kind = kind.code();
                Words::new(
                    format!("caps lists {kind} more than once; only the first entry counts"),
                    format!("keep one caps entry for {kind}"),
                )
            }
            RuleProblem::WeightZero { weight } => {
                let (name, what) = match weight {
                    WeightName::Late => ("late_percent", "late-group duty"),
                    WeightName::Friday => ("friday_percent", "Friday duty"),
                    WeightName::DutyLeader => ("duty_leader_percent", "duty-leader duty"),
                };
                Words::new(
                    format!("weights.{name} is 0, so {what} would count for nothing when sharing work fairly"),
                    format!("set weights.{name} to 100 to count it like any other duty, or more to count it extra"),
                )
            }
            RuleProblem::MergeMaxZero => Words::new(
                "merge_groups is on with max_students: 0, so no classes can be merged",
                "set merge_groups.max_students (45 is usual), or turn merging off",
            ),
            RuleProblem::TimeLimitZero => Words::new(
                "time_limit_seconds is 0, so the solver has no time to make a plan",
                "set time_limit_seconds, e.g. 60",
            ),
            RuleProblem::NobodyOptedIn => Words::new(
                "participation is Voluntary but nobody has opted_in, so nobody can be scheduled and every post will be listed as unmet",
                "set opted_in: true for the people who signed up, or use participation: AllStaff",
            ),
            RuleProblem::NoLeaderForDuty => Words::new(
                "duty_leader is on but nobody on the staff is a Leader, so there is no one to be duty leader and every day's duty leader will be listed as unmet",
                "set kind: Leader for the school leaders, or turn duty_leader off",
            ),
            RuleProblem::GateInPlaceLong { minutes } => Words::new(
                format!("gate escorts stand at the gate {minutes} minutes before each wave"),
                "set gate.in_place_minutes to the few minutes they need (5 is usual)",
            ),
            RuleProblem::GateNoMinutes => Words::new(
                "gate duty needs adults but lasts 0 minutes",
                "set gate.minutes (15 is usual), or gate.adults: 0 for no gate duty",
            ),
            RuleProblem::ReceptionNoAdults => Words::new(
                "the reception room has adults: 0, but waiting students must never be left alone",
                "set reception.adults to 1 or more",
            ),
            RuleProblem::ReceptionUnknownRoom { room } => Words::new(
                format!("the reception room {room} is not in the list of rooms"),
                "correct reception.room, or add the room",
            ),
            RuleProblem::ReceptionWrongKind { room, kind } => Words::new(
                format!("the reception room is {room}, whose kind is {kind}, not Reception"),
                "check reception.room, or set that room's kind to Reception",
            ),
        }
    }
}
