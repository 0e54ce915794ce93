//! Large-neighbourhood search (docs/model.md §6): microlp's own search finds
//! poor plans for the fairness phase, so kehou improves the incumbent itself.
//! Each round frees a few people — those whose terms cost most, and some
//! chosen at random — fixes everyone else's integer variables, and re-solves
//! that small MILP from the incumbent. The model and its rows are the same,
//! so every improved plan satisfies exactly the same constraints.

use std::time::{Duration, Instant};

use crate::backend::{self, Outcome};
use crate::milp::ir::{Mip, Var};

/// Improves `best` until `deadline`; returns the best plan found.
pub fn improve(mip: &Mip, mut best: Outcome, deadline: Instant) -> (Outcome, u32) {
    let people = mip.vars.iter().filter_map(|v| v.owner).max().map_or(0, |m| m + 1);
    if people == 0 {
        return (best, 0);
    }
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut rounds = 0;
    let mut stale = 0;
    while Instant::now() + Duration::from_millis(300) < deadline && stale < 60 {
        rounds += 1;
        let free = neighbourhood(mip, &best.values, people, stale, &mut rng);
        let free_unowned = rounds % 5 == 0;
        let mut sub = mip.clone();
        let mut start = Vec::new();
        for (i, v) in sub.vars.iter_mut().enumerate() {
            if !v.integer {
                continue;
            }
            let x = best.values[i].round();
            start.push((Var(i), x));
            let is_free = v.owner.map_or(free_unowned, |p| free.contains(&p));
            if !is_free {
                v.lo = x;
                v.hi = x;
            }
        }
        let left = deadline.saturating_duration_since(Instant::now()).as_secs_f64();
        let Ok(out) = backend::solve(&sub, left.min(2.0), &start) else {
            stale += 1;
            continue;
        };
        if out.objective < best.objective - 1e-6 {
            best = Outcome { bound: best.bound, proven_optimal: false, ..out };
            stale = 0;
        } else {
            stale += 1;
        }
    }
    (best, rounds)
}

/// The people to free: the costliest few, then random others; more of them
/// the longer nothing improved.
fn neighbourhood(mip: &Mip, values: &[f64], people: usize, stale: u32, rng: &mut XorShift) -> Vec<usize> {
    let mut cost = vec![0.0; people];
    for (v, x) in mip.vars.iter().zip(values) {
        if let Some(p) = v.owner {
            cost[p] += v.obj * x;
        }
    }
    let mut order: Vec<usize> = (0..people).collect();
    order.sort_by(|a, b| cost[*b].total_cmp(&cost[*a]));
    let size = (6 + stale as usize / 4).min(people);
    let worst = (size / 3).max(1);
    let mut free: Vec<usize> = Vec::new();
    // Skip a random few of the worst so rounds differ.
    for &p in order.iter().filter(|_| rng.next() % 4 != 0).take(worst) {
        free.push(p);
    }
    let mut guard = 0;
    while free.len() < size && guard < 10 * people {
        guard += 1;
        let p = (rng.next() % people as u64) as usize;
        if !free.contains(&p) {
            free.push(p);
        }
    }
    free
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}
