//! Scarcest place first: the open place with the least slack (people free
//! for it − places open) is filled next, by the person it costs least.
//! Slack is kept per place and refreshed only where the last person placed
//! was a candidate in the same cycle week, so the large demo's few thousand
//! places are done in a fraction of a second.

use std::collections::BTreeMap;

use super::{Board, Place};
use crate::model::StaffKind;

impl Board<'_, '_> {
    /// Fills open places while someone is free for them; `strict`: a place
    /// that needs a lead only takes someone who may lead.
    pub(crate) fn greedy(&mut self, strict: bool) -> u32 {
        let places = self.places();
        let mut free: Vec<Option<u32>> = vec![None; places.len()];
        let mut by_person: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (n, &place) in places.iter().enumerate() {
            for &p in self.candidates(place) {
                by_person.entry(p).or_default().push(n);
            }
        }
        let mut filled = 0;
        loop {
            let mut best: Option<(i64, bool, usize)> = None;
            for (n, &place) in places.iter().enumerate() {
                let (open, lead) = self.open(place);
                if open == 0 {
                    continue;
                }
                let count = if let Some(c) = free[n] {
                    c
                } else {
                    let c = self
                        .candidates(place)
                        .iter()
                        .filter(|&&p| self.can_fill(place, p, strict))
                        .count() as u32;
                    free[n] = Some(c);
                    c
                };
                if count == 0 {
                    continue;
                }
                let key = (i64::from(count) - i64::from(open), lead == 0, n);
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
            let Some((_, _, n)) = best else { break };
            let place = places[n];
            let Some(p) = self.cheapest(place, strict) else {
                free[n] = Some(0);
                continue;
            };
            self.join(place, p);
            filled += 1;
            let week = self.m.demand.posts[self.post_of(place)].post.week;
            free[n] = None;
            for &k in by_person.get(&p).into_iter().flatten() {
                if self.m.demand.posts[self.post_of(places[k])].post.week == week {
                    free[k] = None;
                }
            }
        }
        filled
    }

    /// The free person who costs least for `place`: someone who cannot lead
    /// where no lead is needed, helpers (retired teachers, coaches,
    /// volunteers) before teachers and teachers before leaders (who are the
    /// only duty leaders), the lightest load for their cap, the fewest other
    /// places they could fill, then the first in the staff list.
    pub(crate) fn cheapest(&self, place: Place, strict: bool) -> Option<usize> {
        let (_, lead) = self.open(place);
        let week = self.m.demand.posts[self.post_of(place)].post.week;
        self.candidates(place)
            .iter()
            .copied()
            .filter(|&p| self.can_fill(place, p, strict))
            .min_by_key(|&p| {
                let person = &self.m.school.staff[p];
                let leads = match place {
                    Place::Pool(k) => self.in_pool(k, p).is_some_and(|(_, l)| l),
                    Place::Assist(..) => false,
                };
                let kind = match person.kind {
                    StaffKind::Teacher => 1,
                    StaffKind::Leader => 2,
                    _ => 0,
                };
                // Load per cap, in thousandths, so the key stays an integer;
                // when balancing (a band's caps are set), weighted minutes
                // per share instead: the lightest first.
                let load = if self.balance {
                    (self.load(p) / self.m.staffing[p].share.max(0.01)) as u64
                } else {
                    let cap = self.m.staffing[p].per_week.max(1);
                    u64::from(self.week_load(p, week)) * 1000 / u64::from(cap)
                };
                (
                    u8::from(lead == 0 && leads),
                    kind,
                    load,
                    self.m.acts[p].len(),
                    p,
                )
            })
    }
}
