//! Large-neighbourhood search (docs/model.md §6): microlp's own search finds
//! poor plans for the fairness phase, so kehou improves the incumbent itself.
//! Each round frees a few people — those whose terms cost most, and some
//! chosen at random — fixes everyone else's integer variables, and re-solves
//! that small MILP from the incumbent. The model and its rows are the same,
//! so every improved plan satisfies exactly the same constraints.

use std::time::Duration;

use crate::backend::{self, Outcome};
use crate::ir::{Keep, Mip, Var};
use crate::milp::deadline::Deadline;

/// Who could swap with whom: each person's acts (variable, post), and per
/// post everyone who could take it.
pub struct Neighbours {
    pub acts: Vec<Vec<(Var, usize)>>,
    pub eligible: std::collections::BTreeMap<usize, Vec<usize>>,
}

/// The most one round's sub-solve may take. Most rounds that improve do so
/// within a few hundredths of a second; a longer cap spends the time on
/// neighbourhoods microlp cannot settle, and fewer rounds find less
/// (docs/benchmarks.md, "Squeezing the heaviest, and shorter rounds": with
/// a 0.5 s cap plans cost 14–28 % more than with 0.1 s in the same 20 s).
const ROUND_SECONDS: f64 = 0.1;

/// Improves `best` until `deadline` (or a cancel), or until its objective
/// reaches `floor()`, read each round: a bound nothing can beat, or +∞ once
/// a plan found elsewhere is proven best. Returns the best plan found.
pub(crate) fn improve(
    mip: &Mip,
    mut best: Outcome,
    deadline: Deadline<'_>,
    neighbours: &Neighbours,
    floor: &dyn Fn() -> f64,
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
    // A plan within a millionth of the floor is the best there is (as a
    // solve's status counts it, `milp::relative_gap`).
    let above = |objective: f64, floor: f64| objective - floor > 1e-6 * objective.abs().max(1.0);
    while deadline.has(Duration::from_millis(100)) && stale < 400 && above(best.objective, floor())
    {
        rounds += 1;
        let free = neighbourhood(mip, &best.values, people, stale, neighbours, &mut rng);
        let free_unowned = rounds % 5 == 0;
        // Everyone else's variables, integer or not, are fixed at the incumbent.
        let fixed: Vec<Keep> = mip
            .vars
            .iter()
            .zip(&best.values)
            .map(|(v, x)| {
                let is_free = v
                    .owner
                    .map_or(free_unowned || !v.integer, |p| free.contains(&p));
                match (is_free, v.integer) {
                    (true, _) => Keep::Free,
                    (false, true) => Keep::Fixed(x.round()),
                    (false, false) => Keep::Fixed(*x),
                }
            })
            .collect();
        let (sub, old) = mip.restrict(&fixed);
        let start: Vec<(Var, f64)> = old
            .iter()
            .enumerate()
            .filter(|(new, _)| sub.vars[*new].integer)
            .map(|(new, o)| (Var(new), best.values[o.0].round()))
            .collect();
        let left = deadline.seconds_left();
        let result = backend::solve(&sub, left.min(ROUND_SECONDS), &start);
        let Ok(out) = result else {
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

/// The people to free: one of the costliest (at random among the top
/// quarter, among those who cost anything), and people who could take one
/// of the posts that person holds now, so that the post can change hands;
/// more of them the longer nothing improved, and now and then anyone at
/// random.
fn neighbourhood(
    mip: &Mip,
    values: &[f64],
    people: usize,
    stale: u32,
    neighbours: &Neighbours,
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
    let top = order[..(people / 4).max(1)]
        .iter()
        .filter(|p| cost[**p] > 1e-9)
        .count()
        .max(1);
    let centre = order[(rng.next() % top as u64) as usize];
    let size = (4 + stale as usize / 20).min(people);
    let mut free = vec![centre];
    let held: Vec<usize> = neighbours
        .acts
        .get(centre)
        .map(|acts| {
            acts.iter()
                .filter(|(v, _)| values[v.0] > 0.5)
                .map(|(_, post)| *post)
                .collect()
        })
        .unwrap_or_default();
    let mut guard = 0;
    while free.len() < size && guard < 20 * size {
        guard += 1;
        let near = if held.is_empty() {
            None
        } else {
            let post = held[(rng.next() % held.len() as u64) as usize];
            neighbours.eligible.get(&post).filter(|e| !e.is_empty())
        };
        let p = match near {
            Some(e) if rng.next() % 6 != 0 => e[(rng.next() % e.len() as u64) as usize],
            _ => (rng.next() % people as u64) as usize,
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
