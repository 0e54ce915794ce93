//! The school model: everything a rota depends on, as it is written in a
//! `*.school.ron` file. Plain data; `validate` says whether it makes sense.

mod groups;
mod ids;
mod places;
mod rules;
mod staff;
mod term;
mod time;
mod timetable;

use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

pub use groups::{Class, Club, Duties, GateDuty, Meetings, Reception};
pub use ids::{ClassId, ClubId, RoomId, Skill, StaffId};
pub use places::{Room, RoomKind};
pub use rules::{KindCaps, MergeRule, Participation, Ratio, Ratios, Rules, Weights};
pub use staff::{Leave, Person, Preference, StaffKind, Stance};
pub use term::{Holiday, MakeupDay, NoServiceDay, Term};
pub use time::{ClockTime, GradeBand, Season, SessionKind, Slot, Weekday};
pub use timetable::{SessionTime, Timetable};

/// The format version of `*.school.ron` files this build reads and writes.
pub const SCHOOL_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// File format version; see docs/data-format.md.
    pub version: u32,
    pub name: String,
    pub term: Term,
    #[serde(default)]
    pub rules: Rules,
    pub timetables: Vec<Timetable>,
    #[serde(default)]
    pub duties: Duties,
    pub staff: Vec<Person>,
    pub rooms: Vec<Room>,
    pub classes: Vec<Class>,
    #[serde(default)]
    pub clubs: Vec<Club>,
    /// Display names for skills that kehou has no name of its own for (its
    /// built-in names cover the common ones: homework, football, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillLabel>,
}

/// A skill's name as the school writes it: `(skill: "lion_dance", label: "舞狮")`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillLabel {
    pub skill: Skill,
    pub label: String,
}

/// Everything that decides a rota. The skills' labels are left out: a new
/// name for a skill changes how it is shown, not who may take what, so it
/// does not make a plan stale.
impl Hash for School {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let School {
            version,
            name,
            term,
            rules,
            timetables,
            duties,
            staff,
            rooms,
            classes,
            clubs,
            skills: _,
        } = self;
        version.hash(h);
        name.hash(h);
        term.hash(h);
        rules.hash(h);
        timetables.hash(h);
        duties.hash(h);
        staff.hash(h);
        rooms.hash(h);
        classes.hash(h);
        clubs.hash(h);
    }
}

impl School {
    pub fn person(&self, id: &StaffId) -> Option<&Person> {
        self.staff.iter().find(|p| &p.id == id)
    }

    pub fn room(&self, id: &RoomId) -> Option<&Room> {
        self.rooms.iter().find(|r| &r.id == id)
    }

    pub fn class(&self, id: &ClassId) -> Option<&Class> {
        self.classes.iter().find(|c| &c.id == id)
    }

    pub fn club(&self, id: &ClubId) -> Option<&Club> {
        self.clubs.iter().find(|c| &c.id == id)
    }

    /// The school's own label for a skill, if it set one.
    pub fn skill_label(&self, skill: &Skill) -> Option<&str> {
        self.skills
            .iter()
            .find(|l| &l.skill == skill)
            .map(|l| l.label.as_str())
            .filter(|l| !l.trim().is_empty())
    }

    /// The timetable session of `kind` for `grade` on `day` in `season`, if it runs.
    pub fn session_time(
        &self,
        season: Season,
        day: Weekday,
        grade: u8,
        kind: SessionKind,
    ) -> Option<SessionTime> {
        self.timetables
            .iter()
            .filter(|t| t.applies(season, day, grade))
            .find_map(|t| t.session(kind).copied())
    }

    /// A stable fingerprint of everything in the school. A plan records the
    /// fingerprint of the school it was solved for, so a stale plan is noticed.
    /// FNV-1a, so it is the same on every machine and every Rust release.
    pub fn fingerprint(&self) -> String {
        let mut h = Fnv64::default();
        self.hash(&mut h);
        format!("{:016x}", h.finish())
    }
}

/// FNV-1a: tiny, stable across platforms and releases (std's hasher is not).
struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv64 {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    // Integers as little-endian bytes, so a fingerprint is the same on every
    // platform (the defaults use native byte order).
    fn write_u16(&mut self, n: u16) {
        self.write(&n.to_le_bytes());
    }

    fn write_u32(&mut self, n: u32) {
        self.write(&n.to_le_bytes());
    }

    fn write_u64(&mut self, n: u64) {
        self.write(&n.to_le_bytes());
    }

    fn write_i32(&mut self, n: i32) {
        self.write(&n.to_le_bytes());
    }

    fn write_i64(&mut self, n: i64) {
        self.write(&n.to_le_bytes());
    }

    fn write_usize(&mut self, n: usize) {
        self.write(&(n as u64).to_le_bytes());
    }

    fn write_isize(&mut self, n: isize) {
        self.write(&(n as i64).to_le_bytes());
    }
}
