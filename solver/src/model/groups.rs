//! Classes, clubs and duties: who needs supervising, and what else must be staffed.

use serde::{Deserialize, Serialize};

use super::ids::{ClassId, ClubId, RoomId, Skill, StaffId};
use super::places::RoomKind;
use super::time::{GradeBand, SessionKind, Slot, Weekday};

/// A home class and how many of its students stay, per weekday (Monday to Friday).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Class {
    /// Grade and number: `3-2`.
    pub id: ClassId,
    pub grade: u8,
    pub homeroom: RoomId,
    #[serde(default)]
    pub class_teacher: Option<StaffId>,
    /// Students in basic service (supervised homework), Monday to Friday.
    pub basic: [u32; 5],
    /// Students who stay for the extended session in a study group (club
    /// members go to their clubs and are counted there).
    pub extended: [u32; 5],
    /// Students in the late group (弹性离校).
    pub late: [u32; 5],
}

impl Class {
    /// Students of this class staying for `session` on `day`.
    pub fn staying(&self, day: Weekday, session: SessionKind) -> u32 {
        let i = day.index();
        match session {
            SessionKind::Basic => self.basic[i],
            SessionKind::Extended => self.extended[i],
            SessionKind::Late => self.late[i],
            SessionKind::Morning | SessionKind::Noon | SessionKind::Evening => 0,
        }
    }
}

/// When a club meets: on fixed slots, or a number of times a week that the solver places.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Meetings {
    Fixed(Vec<Slot>),
    PerWeek(u8),
}

/// 社团: chosen by students across classes (走班).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Club {
    pub id: ClubId,
    pub name: String,
    /// The skill its leader must have.
    pub skill: Skill,
    pub grades: GradeBand,
    pub enrolled: u32,
    pub meetings: Meetings,
    pub room_kind: RoomKind,
    /// A fixed leader, or `None` for the solver to choose one.
    #[serde(default)]
    pub leader: Option<StaffId>,
    #[serde(default)]
    pub outdoor: bool,
}

/// Daily duties besides the groups.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Duties {
    /// 值班领导: one leader on duty every service day, patrolling every group.
    pub duty_leader: bool,
    /// Gate escort after each dismissal wave (each distinct end time of the day).
    pub gate: GateDuty,
    /// 接待室: students not collected when the late group ends wait here.
    pub reception: Option<Reception>,
}

impl Default for Duties {
    fn default() -> Self {
        Duties {
            duty_leader: true,
            gate: GateDuty::default(),
            reception: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GateDuty {
    /// Adults at the gate per dismissal wave; 0 for no gate duty.
    pub adults: u8,
    /// How long one gate duty lasts after the wave's dismissal time.
    pub minutes: u16,
    /// The escort stands at the gate this many minutes before the wave arrives,
    /// so nobody whose own group dismisses in that wave (or runs into it) may
    /// escort it (docs/model.md §2).
    pub in_place_minutes: u16,
}

impl Default for GateDuty {
    fn default() -> Self {
        GateDuty {
            adults: 1,
            minutes: 15,
            in_place_minutes: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reception {
    pub room: RoomId,
    /// How long after the late group the room stays open.
    pub minutes: u16,
    pub adults: u8,
}
