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
/// `neighbours[p]` lists the people who could take some post that `p` could.
pub fn improve(
    mip: &Mip,
    mut best: Outcome,
    deadline: Instant,
    neighbours: &[Vec<usize>],
) -> (Outcome, u32) {
    let people = mip
        .vars
        .iter()
        .filter_map(|v| v.owner)
        .max()
        .map_or(0, |m| m + 1);
    if people == 0 {
        return (best, 0);
    }
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut rounds = 0;
    let mut stale = 0;
    while Instant::now() + Duration::from_millis(100) < deadline && stale < 400 {
        rounds += 1;
        let free = neighbourhood(mip, &best.values, people, stale, neighbours, &mut rng);
        let free_unowned = rounds % 5 == 0;
        // Everyone else's variables, integer or not, are fixed at the incumbent.
        let fixed: Vec<Option<f64>> = mip
            .vars
            .iter()
            .zip(&best.values)
            .map(|(v, x)| {
                let is_free = v
                    .owner
                    .map_or(free_unowned || !v.integer, |p| free.contains(&p));
                (!is_free).then(|| if v.integer { x.round() } else { *x })
            })
            .collect();
        let (sub, old) = mip.restrict(&fixed);
        let start: Vec<(Var, f64)> = old
            .iter()
            .enumerate()
            .filter(|(new, _)| sub.vars[*new].integer)
            .map(|(new, o)| (Var(new), best.values[o.0].round()))
            .collect();
        let left = deadline
            .saturating_duration_since(Instant::now())
            .as_secs_f64();
        let Ok(out) = backend::solve(&sub, left.min(0.5), &start) else {
            stale += 1;
            continue;
        };
        if out.objective < best.objective - 1e-6 {
            let mut values = best.values.clone();
            for (new, o) in old.iter().enumerate() {
                values[o.0] = out.values[new];
            }
            best = Outcome {
                values,
                objective: out.objective,
                bound: best.bound,
                proven_optimal: false,
                seconds: best.seconds,
            };
            stale = 0;
        } else {
            stale += 1;
        }
    }
    (best, rounds)
}

/// The people to free: one of the costliest (at random among the top few)
/// and people who could take the same posts, so that they can swap; more
/// of them the longer nothing improved.
fn neighbourhood(
    mip: &Mip,
    values: &[f64],
    people: usize,
    stale: u32,
    neighbours: &[Vec<usize>],
    rng: &mut XorShift,
) -> Vec<usize> {
    let mut cost = vec![0.0; people];
    for (v, x) in mip.vars.iter().zip(values) {
        if let Some(p) = v.owner {
            cost[p] += v.obj * x;
        }
    }
    let mut order: Vec<usize> = (0..people).collect();
    order.sort_by(|a, b| cost[*b].total_cmp(&cost[*a]));
    let top = (people / 4).max(1);
    let centre = order[(rng.next() % top as u64) as usize];
    let size = (4 + stale as usize / 10).min(people);
    let mut free = vec![centre];
    let near = neighbours.get(centre).map_or(&[][..], Vec::as_slice);
    let mut guard = 0;
    while free.len() < size && guard < 20 * size {
        guard += 1;
        let p = if near.is_empty() || rng.next() % 5 == 0 {
            (rng.next() % people as u64) as usize
        } else {
            near[(rng.next() % near.len() as u64) as usize]
        };
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
