//! Ejection chains for the places the greedy pass left open: someone who
//! could take the place but is busy (an overlapping post, or at a cap) gives
//! up one post to take it, and that post is filled the same way, up to
//! `DEPTH` moves deep. Each chain either ends in a free person (one more
//! place filled, nothing else left open) or is undone.

use super::{Board, Place};

/// Moves in one chain.
const DEPTH: u32 = 3;
/// Candidates tried per open place, over the whole chain.
const BUDGET: u32 = 4000;

impl Board<'_, '_> {
    /// Fills what chains can fill; returns the number of places filled.
    pub(crate) fn augment(&mut self, strict: bool) -> u32 {
        let mut filled = 0;
        let mut progress = true;
        while progress {
            progress = false;
            for place in self.places() {
                while self.open(place).0 > 0 {
                    let mut budget = BUDGET;
                    let mut visited = vec![place];
                    if self.chain(place, DEPTH, &mut visited, &mut budget, strict) {
                        filled += 1;
                        progress = true;
                    } else {
                        break;
                    }
                }
            }
        }
        filled
    }

    /// Fills one open place of `place`, directly or by a chain of moves;
    /// true if it did.
    pub(crate) fn refill(&mut self, place: Place) -> bool {
        let mut budget = BUDGET;
        let mut visited = vec![place];
        self.chain(place, DEPTH, &mut visited, &mut budget, true)
    }

    /// Fills one open place of `place`, moving at most `depth` people.
    fn chain(
        &mut self,
        place: Place,
        depth: u32,
        visited: &mut Vec<Place>,
        budget: &mut u32,
        strict: bool,
    ) -> bool {
        if let Some(p) = self.cheapest(place, strict) {
            self.join(place, p);
            return true;
        }
        if depth == 0 {
            return false;
        }
        for p in self.candidates(place).to_vec() {
            if !self.eligible_for(place, p, strict) {
                continue;
            }
            // Acts of p whose release could let p take the place: the
            // overlapping ones, or any of that day or week when at a cap.
            let releasable: Vec<(crate::ir::Var, Place)> = self
                .acts(p)
                .iter()
                .filter(|a| !self.pinned.contains(&a.var))
                .filter_map(|a| self.place_of(a.var).map(|pl| (a.var, pl)))
                .filter(|(_, pl)| !visited.contains(pl))
                .collect();
            for (_, other) in releasable {
                if *budget == 0 {
                    return false;
                }
                *budget -= 1;
                self.leave(other, p);
                if self.can_fill(place, p, strict) {
                    self.join(place, p);
                    visited.push(other);
                    if self.chain(other, depth - 1, visited, budget, strict) {
                        return true;
                    }
                    visited.pop();
                    self.leave(place, p);
                }
                self.join(other, p);
            }
        }
        false
    }
}
