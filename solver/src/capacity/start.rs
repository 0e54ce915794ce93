//! The hire model's first staffing (docs/model.md §11.3): the school's own
//! staffing, then the people to find placed first fit and consolidated, so
//! the search starts from a short list.

use std::collections::HashMap;

use crate::ir::{Sense, Var};
use crate::milp::build::Model;
use crate::milp::construct::{Board, Place};

use super::people::{Candidate, Profile};

/// A first staffing: the school's own (the constructor's), then the people
/// to find, first fit: clubs without a leader take the first copy of the
/// cheapest profile free at every meeting; then each copy, cheapest profile
/// first, takes every open place it can (places that need a lead first, for
/// those who may lead) before the next copy is used — so the copies used
/// are the first of each profile (H3), each as busy as its caps allow.
/// Whoever holds a place is found.
pub(super) fn start_values(
    model: &Model,
    (real, real_values): (&Model, &[f64]),
    h: &[Var],
    candidates: &[Candidate],
    profiles: &[Profile],
) -> Vec<f64> {
    let names: HashMap<&str, usize> = model
        .mip
        .vars
        .iter()
        .enumerate()
        .map(|(i, v)| (v.name.as_str(), i))
        .collect();
    let mut values = vec![0.0; model.mip.vars.len()];
    for (v, x) in real.mip.vars.iter().zip(real_values) {
        if let Some(&i) = names.get(v.name.as_str()) {
            values[i] = *x;
        }
    }
    let mut board = Board::from_values(model, &values);
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by_key(|c| (profiles[c.profile].price, c.profile));
    for c in 0..model.clubs.len() {
        if board.leader[c].is_some() {
            continue;
        }
        if let Some(q) = order.iter().find(|q| board.may_lead_club(c, q.person)) {
            board.set_leader(c, q.person);
        }
    }
    let places = board.places();
    for leads_only in [true, false] {
        for q in &order {
            for &place in &places {
                while board.open(place).0 > 0 {
                    let wanted = !leads_only || board.open(place).1 > 0;
                    if !wanted || !board.can_fill(place, q.person, leads_only) {
                        break;
                    }
                    board.join(place, q.person);
                }
            }
        }
    }
    // What first fit leaves, the constructor's chains may still fill.
    if places.iter().any(|&p| board.open(p).0 > 0) {
        board.fill();
    }
    consolidate(&mut board, &order);
    let mut values = board.values();
    for (c, hired) in candidates.iter().zip(h) {
        values[hired.0] = f64::from(u8::from(!board.acts(c.person).is_empty()));
    }
    values
}

/// Each person found, dearest first: if everyone else already found (or of
/// the school's own staff) can take over all their places, they are not
/// needed. Their places are handed over only if all of them can be.
fn consolidate(board: &mut Board<'_, '_>, order: &[&Candidate]) {
    let found = |board: &Board<'_, '_>, q: &Candidate| !board.acts(q.person).is_empty();
    for q in order.iter().rev() {
        if !found(board, q) {
            continue;
        }
        let places: Option<Vec<Place>> = board
            .acts(q.person)
            .iter()
            .map(|a| board.place_of(a.var))
            .collect();
        // A club's leader has no place to hand over: they stay.
        let Some(places) = places else { continue };
        for &place in &places {
            board.leave(place, q.person);
        }
        let mut moved: Vec<(Place, usize)> = Vec::new();
        for &place in &places {
            let strict = board.open(place).1 > 0;
            let taker = order
                .iter()
                .filter(|r| r.person != q.person && found(board, r))
                .map(|r| r.person)
                .find(|&r| board.can_fill(place, r, strict));
            match taker {
                Some(r) => {
                    board.join(place, r);
                    moved.push((place, r));
                }
                None => break,
            }
        }
        if moved.len() < places.len() {
            for (place, r) in moved {
                board.leave(place, r);
            }
            for &place in &places {
                board.join(place, q.person);
            }
        }
    }
}

/// (H3) copies of a profile are found in order, where the first staffing
/// keeps that order (it does, unless the constructor's chains had to call
/// on a later copy).
pub(super) fn order_copies(model: &mut Model, candidates: &[Candidate], h: &[Var], start: &[f64]) {
    for n in 1..candidates.len() {
        let (a, b) = (&candidates[n - 1], &candidates[n]);
        if a.profile != b.profile {
            continue;
        }
        let same: Vec<usize> = (0..candidates.len())
            .filter(|&k| candidates[k].profile == a.profile)
            .collect();
        let prefix = same
            .windows(2)
            .all(|w| start[h[w[0]].0] >= start[h[w[1]].0]);
        if prefix {
            model.mip.row(
                format!("order[{}]", model.school.staff[b.person].id),
                vec![(h[n - 1], 1.0), (h[n], -1.0)],
                Sense::Ge,
                0.0,
            );
        }
    }
}
