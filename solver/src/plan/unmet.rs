//! Why a post is not fully staffed, as data: whom it needs, how many could
//! have taken it and what kept each of them, and why it has no room. Stored
//! in the plan (`Post::unmet_reason`), worded by the renderers (English
//! here, other languages in the application).

use serde::{Deserialize, Serialize};

use crate::model::{RoomKind, SessionKind, Skill};
use crate::namer::Namer;

/// Why a post lacks adults, a lead or a room.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UnmetReason {
    /// Why, as counted from the plan and the school when it was made.
    Why {
        /// Short of people: whom it needs and what kept those who could.
        #[serde(default)]
        people: Option<Shortfall>,
        /// Without a room: why none fits.
        #[serde(default)]
        room: Option<RoomShortfall>,
    },
    /// On a real date: the substitution that left it short, and why nobody
    /// could cover (rosters of dates, never stored in a plan's cycle).
    NoCover(super::CoverReason),
    /// A reason kehou wrote in words before plan format version 4, kept
    /// as it was (it cannot be translated).
    Text(String),
}

/// Whom a post needs, and of those who could take it, how many were kept
/// from it by each cause.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shortfall {
    pub need: Need,
    /// How many people could take it at all (0: nobody on the staff).
    pub could: u32,
    /// How many of them each cause kept from it, in a stable order.
    #[serde(default)]
    pub causes: Vec<(Cause, u32)>,
}

/// Whom a short post needs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Need {
    /// A lead adult, with the skill where one is needed.
    Lead { skill: Option<Skill> },
    /// A school leader, for the duty leader's post.
    DutyLeader,
    /// More adults (the post has its lead).
    Adults(u32),
}

/// What kept someone who could take a post from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Cause {
    NotTakingPart,
    CapZero,
    ExemptFromLate,
    OnLeave,
    /// Unavailable every week in this session.
    Unavailable(SessionKind),
    /// On another post at that time.
    Busy,
    DailyCap,
    WeeklyCap,
    /// Free, but the solve put them elsewhere or nowhere.
    FreeNotChosen,
}

/// Why a group that holds students has no room.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RoomShortfall {
    /// The school has no room of the kind.
    NoneOfKind { kind: RoomKind },
    /// None of the kind holds the group.
    TooSmall {
        kind: RoomKind,
        students: u32,
        largest: u32,
    },
    /// An outdoor club, and no room of the kind has an indoor fallback.
    NoShelter { kind: RoomKind },
    /// Rooms that would do are all taken then.
    AllTaken {
        kind: RoomKind,
        rooms: u32,
        big_enough: u32,
        students: u32,
    },
}

impl Cause {
    pub fn english(self) -> String {
        match self {
            Cause::NotTakingPart => "not taking part".to_owned(),
            Cause::CapZero => "cap of zero".to_owned(),
            Cause::ExemptFromLate => "exempt from late duty".to_owned(),
            Cause::OnLeave => "on leave".to_owned(),
            Cause::Unavailable(s) => format!("unavailable in the {} session (weekly)", s.code()),
            Cause::Busy => "busy with another post then".to_owned(),
            Cause::DailyCap => "at their daily cap".to_owned(),
            Cause::WeeklyCap => "at their weekly cap".to_owned(),
            Cause::FreeNotChosen => "free but not chosen".to_owned(),
        }
    }
}

impl Shortfall {
    pub fn english(&self, n: &dyn Namer) -> String {
        let who = match &self.need {
            Need::Lead { skill: Some(skill) } => {
                format!("a lead adult with the skill {}", n.skill(skill))
            }
            Need::Lead { skill: None } => "a lead adult".to_owned(),
            Need::DutyLeader => "a school leader".to_owned(),
            Need::Adults(k) => format!("{k} more adult(s)"),
        };
        if self.could == 0 {
            return match &self.need {
                Need::DutyLeader => format!(
                    "needs {who}; nobody on the staff list is a school leader: mark the school's leaders as kind Leader"
                ),
                Need::Lead { skill: Some(skill) } => format!(
                    "needs {who}; nobody on the staff has the skill {} and may lead: add it to a person, or hire a coach",
                    n.skill(skill)
                ),
                _ => format!("needs {who}; nobody on the staff list can take it"),
            };
        }
        let detail: Vec<String> = self
            .causes
            .iter()
            .map(|(c, k)| format!("{k} {}", c.english()))
            .collect();
        format!(
            "needs {who}; of {} who could: {}",
            self.could,
            detail.join(", ")
        )
    }
}

impl RoomShortfall {
    pub fn english(&self) -> String {
        match self {
            RoomShortfall::NoneOfKind { kind } => format!(
                "no {kind} room: the school has none; add one, or change the club's room kind"
            ),
            RoomShortfall::TooSmall {
                kind,
                students,
                largest,
            } => format!(
                "no {kind} room holds {students} students (the largest holds {largest}): add a larger room, or split the group"
            ),
            RoomShortfall::NoShelter { kind } => format!(
                "no {kind} room has an indoor fallback for rain, so it cannot meet safely: set a fallback (a gym or hall) on a {kind} room"
            ),
            RoomShortfall::AllTaken {
                kind,
                rooms,
                big_enough,
                students,
            } => format!(
                "no free {kind} room: {rooms} of kind {kind}, {big_enough} hold {students} students, all taken then (an outdoor club also keeps its rain fallback free)"
            ),
        }
    }
}

impl UnmetReason {
    pub fn english(&self, n: &dyn Namer) -> String {
        match self {
            UnmetReason::Why { people, room } => {
                let people = people.as_ref().map(|p| p.english(n));
                let room = room.as_ref().map(RoomShortfall::english);
                match (people, room) {
                    (Some(p), Some(r)) => format!("{p}; and {r}"),
                    (p, r) => p.or(r).unwrap_or_default(),
                }
            }
            UnmetReason::NoCover(why) => why.english(n),
            UnmetReason::Text(text) => text.clone(),
        }
    }
}

impl std::fmt::Display for UnmetReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english(&crate::namer::Ids))
    }
}
