//! Rooms, and the kinds of room that groups and clubs need.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ids::RoomId;
use super::time::{SessionKind, Slot, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RoomKind {
    Classroom,
    Gym,
    Playground,
    Music,
    Art,
    Library,
    Lab,
    Computer,
    Hall,
    Reception,
}

impl RoomKind {
    pub const ALL: [RoomKind; 10] = [
        RoomKind::Classroom,
        RoomKind::Gym,
        RoomKind::Playground,
        RoomKind::Music,
        RoomKind::Art,
        RoomKind::Library,
        RoomKind::Lab,
        RoomKind::Computer,
        RoomKind::Hall,
        RoomKind::Reception,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RoomKind::Classroom => "classroom",
            RoomKind::Gym => "gym",
            RoomKind::Playground => "playground",
            RoomKind::Music => "music",
            RoomKind::Art => "art",
            RoomKind::Library => "library",
            RoomKind::Lab => "lab",
            RoomKind::Computer => "computer",
            RoomKind::Hall => "hall",
            RoomKind::Reception => "reception",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            RoomKind::Classroom => "教室",
            RoomKind::Gym => "体育馆",
            RoomKind::Playground => "操场",
            RoomKind::Music => "音乐室",
            RoomKind::Art => "美术室",
            RoomKind::Library => "图书馆",
            RoomKind::Lab => "实验室",
            RoomKind::Computer => "电脑室",
            RoomKind::Hall => "礼堂",
            RoomKind::Reception => "接待室",
        }
    }

    pub fn from_code(s: &str) -> Option<RoomKind> {
        let s = s.trim().to_ascii_lowercase();
        RoomKind::ALL
            .into_iter()
            .find(|k| k.code() == s || k.chinese() == s)
    }
}

impl fmt::Display for RoomKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    pub id: RoomId,
    pub name: String,
    pub kind: RoomKind,
    /// Students it holds.
    pub capacity: u32,
    /// Outdoor places (the playground) need an indoor fallback for rain and snow.
    #[serde(default)]
    pub outdoor: bool,
    #[serde(default)]
    pub fallback: Option<RoomId>,
    /// Weekly slots the room cannot be used.
    #[serde(default)]
    pub unavailable: Vec<Slot>,
}

impl Room {
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        kind: RoomKind,
        capacity: u32,
    ) -> Room {
        Room {
            id: RoomId::new(id),
            name: name.into(),
            kind,
            capacity,
            outdoor: false,
            fallback: None,
            unavailable: Vec::new(),
        }
    }

    pub fn is_unavailable(&self, day: Weekday, session: SessionKind) -> bool {
        self.unavailable.iter().any(|s| s.covers(day, session))
    }
}
