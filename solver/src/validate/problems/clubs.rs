//! Clubs: a leader, a room (also in rain), meetings in sessions that exist.

use super::{a_session, grade_list};
use crate::model::{RoomKind, Season, SessionKind, Skill, StaffId, StaffKind, Weekday};
use crate::namer::Namer;
use crate::validate::finding::{grades_text, seasons_text, Ref, Words};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ClubProblem {
    GradesBackwards {
        from: u8,
        to: u8,
    },
    GradesOutOfRange {
        from: u8,
        to: u8,
    },
    NoClassInGrades {
        from: u8,
        to: u8,
    },
    NobodyEnrolled,
    NoSkill,
    SkillNobodyHas {
        skill: Skill,
    },
    /// Only people of kinds that may not lead have the skill.
    SkillHoldersMayNotLead {
        holders: Vec<Ref<StaffId>>,
        skill: Skill,
    },
    LeaderUnknown {
        leader: StaffId,
    },
    LeaderLacksSkill {
        leader: Ref<StaffId>,
        skill: Skill,
    },
    LeaderMayNotLead {
        leader: Ref<StaffId>,
        kind: StaffKind,
    },
    LeaderUnavailable {
        day: Weekday,
        session: SessionKind,
        leader: Ref<StaffId>,
    },
    TimesPerWeek {
        times: u8,
    },
    FixedWithoutSlots,
    SlotWithoutSession {
        day: Weekday,
    },
    SlotTwice {
        day: Weekday,
        session: SessionKind,
    },
    /// No grade of the club has the session that day.
    SlotMissing {
        day: Weekday,
        session: SessionKind,
        seasons: Vec<Season>,
        from: u8,
        to: u8,
    },
    /// Some grades of the club lack the session that day.
    SlotMissingFor {
        day: Weekday,
        session: SessionKind,
        seasons: Vec<Season>,
        grades: Vec<u8>,
    },
    TooFewDays {
        times: u8,
        seasons: Vec<Season>,
        from: u8,
        to: u8,
        days: usize,
    },
    NoRoomOfKind {
        kind: RoomKind,
    },
    MoreThanRoomsHold {
        enrolled: u32,
        kind: RoomKind,
        largest: u32,
    },
    NoRainRoom {
        kind: RoomKind,
    },
    RoomsOutdoorNotMarked {
        kind: RoomKind,
    },
}

impl ClubProblem {
    pub fn english(&self, n: &dyn Namer) -> Words {
        match self {
            ClubProblem::GradesBackwards { from, to } => Words::new(
                format!("its grades run from {from} to {to}, backwards"),
                "swap `from` and `to`",
            ),
            ClubProblem::GradesOutOfRange { from, to } => Words::new(
                format!("it is for {}, but grades run 1 to 9", grades_text(*from, *to)),
                "correct its grades",
            ),
            ClubProblem::NoClassInGrades { from, to } => Words::new(
                format!("it is for {}, but no class is in those grades", grades_text(*from, *to)),
                "check its grades",
            ),
            ClubProblem::NobodyEnrolled => Words::new(
                "nobody is enrolled, so it will not be staffed",
                "enter the number enrolled, or remove the club",
            ),
            ClubProblem::NoSkill => Words::new(
                "it names no skill, so kehou cannot tell who may lead it",
                "set its skill, e.g. skill: \"football\"",
            ),
            ClubProblem::SkillNobodyHas { skill } => Words::new(
                format!(
                    "nobody on the staff has the skill `{}`, so no one can lead it yet; its meetings will be listed as unmet",
                    n.skill(skill)
                ),
                "add the skill to a person who may lead, or hire a coach",
            ),
            ClubProblem::SkillHoldersMayNotLead { holders, skill } => {
                let names: Vec<String> = holders.iter().map(ToString::to_string).collect();
                Words::new(
                    format!(
                        "only {} have the skill `{}`, and their kind may not lead (rules.may_lead), so no one can lead it yet; its meetings will be listed as unmet",
                        names.join(", "),
                        n.skill(skill)
                    ),
                    "add the skill to someone who may lead, or let their kind lead",
                )
            }
            ClubProblem::LeaderUnknown { leader } => Words::new(
                format!("its leader {leader} is not on the staff list"),
                "correct the leader, or remove it to let kehou choose one",
            ),
            ClubProblem::LeaderLacksSkill { leader, skill } => Words::new(
                format!("its leader {leader} does not have the skill `{}`", n.skill(skill)),
                "add the skill to the leader, or choose another leader",
            ),
            ClubProblem::LeaderMayNotLead { leader, kind } => Words::new(
                format!("its leader {leader} is of kind {kind}, which may not lead (rules.may_lead)"),
                "choose a leader of a kind that may lead; a volunteer may assist",
            ),
            ClubProblem::LeaderUnavailable {
                day,
                session,
                leader,
            } => Words::new(
                format!("it meets on {day} in the {session} session, when its leader {leader} is unavailable"),
                "move the meeting, choose another leader, or correct the leader's unavailable slots",
            ),
            ClubProblem::TimesPerWeek { times } => Words::new(
                format!("it meets {times} times a week; it must be 1 to 5"),
                "set meetings: PerWeek(1) to PerWeek(5), or give fixed slots",
            ),
            ClubProblem::FixedWithoutSlots => Words::new(
                "it has fixed meetings but lists no slot, so it never meets",
                "list its slots, e.g. Fixed([(day: Thu, session: Extended)]), or use PerWeek(1)",
            ),
            ClubProblem::SlotWithoutSession { day } => Words::new(
                format!("its meeting on {day} names no session"),
                format!("write the session of the meeting, e.g. (day: {day:?}, session: Extended)"),
            ),
            ClubProblem::SlotTwice { day, session } => Words::new(
                format!("its meeting on {day} ({session}) is listed twice"),
                "keep one",
            ),
            ClubProblem::SlotMissing {
                day,
                session,
                seasons,
                from,
                to,
            } => Words::new(
                format!(
                    "it meets on {day} in the {session} session, but in {} no timetable gives its {} {} that day",
                    seasons_text(seasons),
                    grades_text(*from, *to),
                    a_session(*session)
                ),
                "move the meeting to a session its grades have, or add the session to their timetable",
            ),
            ClubProblem::SlotMissingFor {
                day,
                session,
                seasons,
                grades,
            } => {
                let which = match grades.as_slice() {
                    [g] => format!("grade {g}"),
                    _ => format!("grades {}", grade_list(grades)),
                };
                Words::new(
                    format!(
                        "it meets on {day} in the {session} session, but in {} no timetable gives {which} {} that day, so those students cannot come",
                        seasons_text(seasons),
                        a_session(*session)
                    ),
                    "check the club's grades or the timetables",
                )
            }
            ClubProblem::TooFewDays {
                times,
                seasons,
                from,
                to,
                days,
            } => Words::new(
                format!(
                    "it meets {times} times a week, but in {} the timetables give its {} an extended session on only {days} days",
                    seasons_text(seasons),
                    grades_text(*from, *to)
                ),
                "kehou places it on the days there are; meet fewer times a week, or add extended sessions to their timetable",
            ),
            ClubProblem::NoRoomOfKind { kind } => Words::new(
                format!("it needs a room of kind {kind}, and the school has none"),
                "add such a room, or change the club's room_kind",
            ),
            ClubProblem::MoreThanRoomsHold {
                enrolled,
                kind,
                largest,
            } => Words::new(
                format!("{enrolled} students are enrolled, more than any {kind} room holds (the largest holds {largest})"),
                "check the number enrolled, split the club, or add a larger room",
            ),
            ClubProblem::NoRainRoom { kind } => Words::new(
                format!("it meets outdoors, but no {kind} room has an indoor fallback, so on a day of rain or snow it has nowhere to go; kehou will not place it outdoors without one and lists it as unmet"),
                format!("set fallback on a {kind} room to an indoor room (a gym or hall)"),
            ),
            ClubProblem::RoomsOutdoorNotMarked { kind } => Words::new(
                format!("every {kind} room is outdoors, but the club is not marked outdoor, so the outdoor ratio does not apply"),
                "set outdoor: true on the club",
            ),
        }
    }
}
