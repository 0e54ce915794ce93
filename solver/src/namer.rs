//! How the English renderers name what the solver's data refers to.
//!
//! The solver returns findings, reasons and violations as data (ids, counts,
//! causes); it words them in English only through a [`Namer`], so that the
//! application can put names where the data holds ids ("week 1 Tue gate
//! 17:40" for `w1-tue-gate-1740`, "程岚" for `t013`) and render every other
//! language itself. [`Ids`] names everything by its id: what `Display` uses.

use crate::model::{ClubId, RoomId, Skill, StaffId};

/// Names for the ids the solver's data holds.
pub trait Namer {
    /// A person: their name (with the id where it is needed to tell two apart).
    fn person(&self, id: &StaffId) -> String;
    /// A post of the plan, by its id: when and what it is.
    fn post(&self, id: &str) -> String;
    fn room(&self, id: &RoomId) -> String;
    fn club(&self, id: &ClubId) -> String;
    /// A skill's display name (`homework`: homework supervision).
    fn skill(&self, skill: &Skill) -> String;
}

/// Everything by its id: the names of `Display`, logs and tests.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ids;

impl Namer for Ids {
    fn person(&self, id: &StaffId) -> String {
        id.to_string()
    }

    fn post(&self, id: &str) -> String {
        id.to_owned()
    }

    fn room(&self, id: &RoomId) -> String {
        id.to_string()
    }

    fn club(&self, id: &ClubId) -> String {
        id.to_string()
    }

    fn skill(&self, skill: &Skill) -> String {
        skill.to_string()
    }
}
