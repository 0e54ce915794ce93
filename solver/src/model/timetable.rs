//! Day timetables (作息时间表): when each session runs, per season, weekday and grade band.

use serde::{Deserialize, Serialize};

use super::time::{ClockTime, GradeBand, Season, SessionKind, Weekday};

/// The sessions a grade band has on some weekdays in one season. Grades 1–2
/// often finish earlier than 3–6; clubs may run only on some days.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timetable {
    pub season: Season,
    /// The weekdays this timetable applies to.
    pub days: Vec<Weekday>,
    pub grades: GradeBand,
    pub sessions: Vec<SessionTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionTime {
    pub kind: SessionKind,
    pub start: ClockTime,
    pub end: ClockTime,
}

impl SessionTime {
    /// Length in minutes; zero if the session is malformed (validation reports it).
    pub fn minutes(&self) -> u32 {
        u32::from(self.end.minutes().saturating_sub(self.start.minutes()))
    }
}

impl Timetable {
    pub fn applies(&self, season: Season, day: Weekday, grade: u8) -> bool {
        self.season == season && self.days.contains(&day) && self.grades.contains(grade)
    }

    pub fn session(&self, kind: SessionKind) -> Option<&SessionTime> {
        self.sessions.iter().find(|s| s.kind == kind)
    }
}
