//! The hypothetical people of the capacity model (docs/model.md §11.2):
//! for each gap, the kinds with a price that could fill it, minus those a
//! cheaper kind always replaces; per kind and skill, a profile available in
//! the sessions of its gaps, and as many copies as it could ever fill
//! places in a week.

use std::collections::{BTreeMap, BTreeSet};

use crate::demand::Demand;
use crate::model::{Person, School, SessionKind, Skill, Slot, StaffKind, Weekday};

use super::gaps::Need;
use super::prices::{leads_skill, Prices};

/// One kind of person to find, with the skill a lead asks of them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct ProfileKey {
    pub kind: StaffKind,
    pub skill: Option<Skill>,
}

#[derive(Debug, Clone)]
pub(super) struct Profile {
    pub key: ProfileKey,
    pub price: u32,
    /// (weekday, session) the copies are available in.
    pub slots: BTreeSet<(Weekday, SessionKind)>,
    /// Copies offered: places they could fill in the busiest week.
    pub copies: u32,
}

/// A hypothetical person of the model: their profile and place in the
/// augmented staff list.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub profile: usize,
    pub person: usize,
}

/// The kinds that may fill `need`, cheapest first, without those a cheaper
/// kind always replaces: n people of kind B do whatever one of kind A does
/// (n = the larger of A's daily cap over B's and A's weekly cap over B's,
/// rounded up), so A is left out when n·price(B) ≤ price(A).
pub(super) fn kinds_for(school: &School, prices: &Prices, need: &Need) -> Vec<(StaffKind, u32)> {
    let rules = &school.rules;
    let allowed = |k: StaffKind| need.only.as_ref().is_none_or(|only| only.contains(&k));
    let mut fit: Vec<(StaffKind, u32)> = prices
        .kinds()
        .into_iter()
        .filter(|(k, _)| allowed(*k))
        .filter(|(k, _)| {
            let caps = rules.caps_for(*k);
            caps.per_day > 0 && caps.per_week > 0
        })
        .filter(|(k, _)| !need.lead || (rules.may_lead(*k) && leads_skill(*k, need.skill.as_ref())))
        .collect();
    if !need.lead {
        // Places that need no lead go to the kinds that only assist where
        // there are any: leading kinds come to lead.
        let assist: Vec<(StaffKind, u32)> = fit
            .iter()
            .copied()
            .filter(|(k, _)| !rules.may_lead(*k))
            .collect();
        if !assist.is_empty() {
            fit = assist;
        }
    }
    let caps = |k: StaffKind| {
        let c = rules.caps_for(k);
        (u32::from(c.per_day), u32::from(c.per_week))
    };
    fit.iter()
        .copied()
        .filter(|&(a, price_a)| {
            let (day_a, week_a) = caps(a);
            !fit.iter().any(|&(b, price_b)| {
                let (day_b, week_b) = caps(b);
                let n = day_a.div_ceil(day_b).max(week_a.div_ceil(week_b));
                b != a && n * price_b <= price_a && (n * price_b < price_a || b < a)
            })
        })
        .collect()
}

/// The profiles for `needs`: a need without a skill joins a profile of the
/// same kind with one (a retired teacher who leads homework can take the
/// gate too), so one person may fill both.
pub(super) fn profiles(
    school: &School,
    demand: &Demand,
    prices: &Prices,
    needs: &[Need],
) -> Vec<Profile> {
    let mut by_key: BTreeMap<ProfileKey, Profile> = BTreeMap::new();
    // Places per profile and week, for the copies.
    let mut places: BTreeMap<(ProfileKey, u8), u32> = BTreeMap::new();
    let mut order: Vec<&Need> = needs.iter().collect();
    order.sort_by_key(|n| n.skill.is_none());
    for need in order {
        for (kind, price) in kinds_for(school, prices, need) {
            let skill = need.skill.clone().or_else(|| {
                by_key
                    .keys()
                    .find(|k| k.kind == kind && k.skill.is_some())
                    .and_then(|k| k.skill.clone())
            });
            let key = ProfileKey { kind, skill };
            let profile = by_key.entry(key.clone()).or_insert_with(|| Profile {
                key: key.clone(),
                price,
                slots: BTreeSet::new(),
                copies: 0,
            });
            for &i in &need.posts {
                let spec = &demand.posts[i];
                for s in &spec.touched {
                    profile.slots.insert((spec.post.day, *s));
                }
            }
            *places.entry((key, need.week)).or_default() += need.places;
        }
    }
    let mut out: Vec<Profile> = by_key.into_values().collect();
    for profile in &mut out {
        profile.copies = places
            .iter()
            .filter(|((k, _), _)| *k == profile.key)
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0);
    }
    out
}

/// A hypothetical person of `profile`, available in its slots only.
pub(super) fn person(id: String, name: String, profile: &Profile) -> Person {
    let mut person = Person::new(id, name, profile.key.kind);
    person.skills = profile.key.skill.iter().cloned().collect();
    person.unavailable = unavailable_except(&profile.slots);
    person
}

/// Every weekday session not in `slots`, as weekly unavailability.
pub(super) fn unavailable_except(slots: &BTreeSet<(Weekday, SessionKind)>) -> Vec<Slot> {
    let mut out = Vec::new();
    for day in Weekday::ALL {
        if !slots.iter().any(|(d, _)| *d == day) {
            out.push(Slot { day, session: None });
            continue;
        }
        for session in SessionKind::ALL {
            if !slots.contains(&(day, session)) {
                out.push(Slot {
                    day,
                    session: Some(session),
                });
            }
        }
    }
    out
}
