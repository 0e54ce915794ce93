//! How hard each kind of adult is to find: the price of one more person of
//! that kind in the capacity model (docs/model.md §11). A setting with
//! defaults, which the caller may change kind by kind (`kehou capacity
//! --price coach=8`); a kind without a price is never proposed.

use crate::model::{Skill, StaffKind};

/// Prices per kind; `None`: never proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prices {
    by_kind: [Option<u32>; 6],
}

impl Default for Prices {
    /// A parent volunteer who assists is the easiest to find, then a
    /// community volunteer, a retired teacher, a coach (paid, and vetted);
    /// a teacher or a school leader "found" means one freed from other work,
    /// the hardest of all.
    fn default() -> Self {
        let mut prices = Prices { by_kind: [None; 6] };
        for (kind, price) in [
            (StaffKind::Parent, 2),
            (StaffKind::Community, 3),
            (StaffKind::Retired, 4),
            (StaffKind::Coach, 5),
            (StaffKind::Teacher, 12),
            (StaffKind::Leader, 12),
        ] {
            prices.set(kind, Some(price));
        }
        prices
    }
}

impl Prices {
    pub fn get(&self, kind: StaffKind) -> Option<u32> {
        self.by_kind[index(kind)]
    }

    /// Sets a kind's price; `None` (or 0) stops the kind being proposed.
    pub fn set(&mut self, kind: StaffKind, price: Option<u32>) {
        self.by_kind[index(kind)] = price.filter(|p| *p > 0);
    }

    /// The kinds with a price, cheapest first (ties in the order of `StaffKind::ALL`).
    pub fn kinds(&self) -> Vec<(StaffKind, u32)> {
        let mut kinds: Vec<(StaffKind, u32)> = StaffKind::ALL
            .into_iter()
            .filter_map(|k| self.get(k).map(|p| (k, p)))
            .collect();
        kinds.sort_by_key(|(_, p)| *p);
        kinds
    }
}

fn index(kind: StaffKind) -> usize {
    StaffKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_default()
}

/// Would kehou look for an adult of `kind` to lead posts that need `skill`?
/// Retired teachers lead homework groups; coaches lead clubs; a teacher or a
/// leader leads anything. Posts without a skill (a late group, the gate)
/// may be led by any kind that may lead.
pub fn leads_skill(kind: StaffKind, skill: Option<&Skill>) -> bool {
    let homework = skill.is_some_and(|s| *s == Skill::homework());
    match (kind, skill) {
        (_, None) | (StaffKind::Teacher | StaffKind::Leader, _) => true,
        (StaffKind::Retired, _) => homework,
        (StaffKind::Coach, _) => !homework,
        (StaffKind::Parent | StaffKind::Community, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volunteers_are_cheapest_and_a_kind_can_be_switched_off() {
        let mut prices = Prices::default();
        let kinds: Vec<StaffKind> = prices.kinds().into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds[0], StaffKind::Parent);
        assert!(prices.get(StaffKind::Parent) < prices.get(StaffKind::Coach));
        prices.set(StaffKind::Teacher, Some(0));
        assert_eq!(prices.get(StaffKind::Teacher), None);
        assert!(!prices.kinds().iter().any(|(k, _)| *k == StaffKind::Teacher));
    }

    #[test]
    fn coaches_lead_clubs_and_retired_teachers_homework() {
        let robotics = Skill::new("robotics");
        assert!(leads_skill(StaffKind::Coach, Some(&robotics)));
        assert!(!leads_skill(StaffKind::Coach, Some(&Skill::homework())));
        assert!(leads_skill(StaffKind::Retired, Some(&Skill::homework())));
        assert!(!leads_skill(StaffKind::Retired, Some(&robotics)));
        assert!(leads_skill(StaffKind::Teacher, Some(&robotics)));
        assert!(leads_skill(StaffKind::Retired, None));
    }
}
