//! The proposal as a school: the school with the people of the list added,
//! clearly named (拟招募 1, 拟招募 2, …), each of their kind, with the skill
//! their line asks for and available exactly in the sessions their posts
//! touch, so a solve of it shows the rota with them.

use std::collections::BTreeSet;

use crate::model::{Person, School};

use super::people::unavailable_except;
use super::Capacity;

/// Ids of proposed people start with this (`proposed-1`, …).
pub const PROPOSED_ID_PREFIX: &str = "proposed-";
/// Their names: 拟招募 ("to be recruited") and a number.
pub const PROPOSED_NAME: &str = "拟招募";

/// `school` with the people of `capacity`'s list added.
pub fn proposal(school: &School, capacity: &Capacity) -> School {
    let mut out = school.clone();
    let mut n = 0;
    for line in &capacity.hires {
        for each in &line.people {
            let slots: BTreeSet<_> = each.iter().copied().collect();
            n += 1;
            let mut id = format!("{PROPOSED_ID_PREFIX}{n}");
            while out.staff.iter().any(|p| p.id.as_str() == id) {
                id.push('x');
            }
            let mut person = Person::new(id, format!("{PROPOSED_NAME} {n}"), line.kind);
            person.skills = line.skill.iter().cloned().collect();
            person.unavailable = unavailable_except(&slots);
            out.staff.push(person);
        }
    }
    out
}
