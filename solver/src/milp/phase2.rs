//! Phase 2's search (docs/model.md §6): from phase 1's plan, completed, the
//! swap search takes the loads most of the way to fair; a short full solve
//! gives a bound (and sometimes the proof); then the neighbourhood search
//! improves the plan until the time is up, with a last swap pass.

use std::time::{Duration, Instant};

use crate::backend::{self, Outcome};
use crate::ir;
use crate::milp::build::Model;
use crate::milp::deadline::Deadline;
use crate::milp::objective::Terms;
use crate::milp::{lns, swap};

/// The best plan found from `start` by `deadline`; notes say how it went.
pub(crate) fn improve(
    model: &Model,
    terms: &Terms,
    start: Vec<f64>,
    deadline: Deadline<'_>,
    notes: &mut Vec<crate::plan::SolveNote>,
) -> Outcome {
    let end = Instant::now() + Duration::from_secs_f64(deadline.seconds_left());
    let share = |of_left: f64| {
        let left = end.saturating_duration_since(Instant::now());
        Instant::now() + left.mul_f64(of_left)
    };
    let mut best = Outcome {
        objective: model.mip.objective_of(&start),
        values: start,
        proven_optimal: false,
        bound: None,
        seconds: 0.0,
    };
    let mut pools: Vec<Vec<(usize, ir::Var)>> = vec![Vec::new(); model.pools.len()];
    for (&(p, pool), &v) in &model.x {
        pools[pool].push((p, v));
    }
    let swapper = swap::Swapper::new(&model.mip, pools, terms, model.school.staff.len());
    let mut moves = swapper.improve(&mut best.values, deadline.at(share(0.2)));
    best.objective = model.mip.objective_of(&best.values);
    let hint = model.mip.hint(&best.values);
    let full = deadline
        .has(Duration::from_millis(200))
        .then(|| backend::solve(&model.mip, deadline.seconds_left() * 0.3, &hint));
    match full {
        None if deadline.cancelled() => {
            notes.push(crate::plan::SolveNote::Cancelled);
        }
        None => {}
        Some(Ok(out)) if out.objective <= best.objective + 1e-9 => best = out,
        Some(Ok(out)) => best.bound = out.bound,
        // Why the backend found nothing is for solver experts (`--write-model`);
        // the note says what it means for the plan.
        Some(Err(_)) => notes.push(crate::plan::SolveNote::NoBound),
    }
    if best.proven_optimal {
        return best;
    }
    // The bound, where there is one, is as low as any plan can go.
    let floor = best.bound.unwrap_or(f64::NEG_INFINITY);
    let (mut better, rounds) = lns::improve(
        &model.mip,
        best,
        deadline.at(share(0.95)),
        &model.neighbourhoods(),
        floor,
    );
    moves += swapper.improve(&mut better.values, deadline);
    better.objective = model.mip.objective_of(&better.values);
    notes.push(crate::plan::SolveNote::Improved {
        swaps: moves as u32,
        rounds,
    });
    better
}
