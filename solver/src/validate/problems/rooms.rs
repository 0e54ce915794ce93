//! Rooms: capacities and bad-weather fallbacks.

use crate::model::{ClubId, RoomId};
use crate::validate::finding::{Ref, Words};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RoomProblem {
    CapacityZero,
    /// Outdoors with no fallback room for rain.
    OutdoorNoFallback,
    FallbackIsItself,
    FallbackUnknown {
        fallback: RoomId,
    },
    FallbackOutdoor {
        fallback: Ref<RoomId>,
    },
    /// The fallback holds fewer than the largest club that may meet here.
    FallbackTooSmall {
        fallback: Ref<RoomId>,
        holds: u32,
        students: u32,
        club: ClubId,
    },
}

impl RoomProblem {
    pub fn english(&self) -> Words {
        match self {
            RoomProblem::CapacityZero => Words::new(
                "its capacity is 0, so no group fits in it",
                "set capacity to the number of students it holds",
            ),
            RoomProblem::OutdoorNoFallback => Words::new(
                "it is outdoors and has no fallback room, so on a day of rain or snow nothing can meet here",
                "set fallback to an indoor room (a gym or hall) for bad weather",
            ),
            RoomProblem::FallbackIsItself => Words::new(
                "its fallback is the room itself, which is no shelter from rain",
                "set fallback to an indoor room (a gym or hall)",
            ),
            RoomProblem::FallbackUnknown { fallback } => Words::new(
                format!("its fallback {fallback} is not in the list of rooms"),
                "correct the fallback, or add the room",
            ),
            RoomProblem::FallbackOutdoor { fallback } => Words::new(
                format!("its fallback {fallback} is also outdoors, which is no shelter from rain"),
                "set fallback to an indoor room (a gym or hall)",
            ),
            RoomProblem::FallbackTooSmall {
                fallback,
                holds,
                students,
                club,
            } => Words::new(
                format!(
                    "its fallback {fallback} holds {holds}, fewer than the {students} students of club {club} who may meet here"
                ),
                "choose a larger fallback room",
            ),
        }
    }
}
