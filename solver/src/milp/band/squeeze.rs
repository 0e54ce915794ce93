//! Lowering the heaviest by large-neighbourhood search (docs/model.md §5.3,
//! "Upper plans"): single moves and short chains stall where a lighter
//! heaviest needs several teachers to trade at once. For a target H below
//! the plan's heaviest, phase 1's model (coverage held) gets one excess
//! variable per teacher — load ≤ H × share + excess × share — and the total
//! excess as its objective; the plan, with its excesses, is a start, and the
//! neighbourhood search (`lns::improve`: free the teachers whose excess costs,
//! and those who could take their posts; fix everyone else) drives the excess
//! to zero, which is a plan with every teacher ≤ H. Then the next H down,
//! until a target is not reached in its time. Every plan is a point of the
//! same model, so it keeps every row of phase 1.

use std::time::{Duration, Instant};

use super::{relative, share, with_band};
use crate::backend::Outcome;
use crate::ir::Sense;
use crate::milp::build::Model;
use crate::milp::deadline::Deadline;
use crate::milp::lns;

/// Lowers the heaviest relative load among `ts` in `values` (a plan at
/// unmet demand `unmet_max`) while `deadline` allows, aiming `step` (per
/// cycle) below the heaviest reached each time, never below `floor` (a
/// proven bound); returns the plan with the lightest heaviest found.
pub(crate) fn lower_heaviest(
    model: &Model,
    values: &[f64],
    ts: &[usize],
    unmet_max: f64,
    step: f64,
    floor: Option<f64>,
    deadline: Deadline<'_>,
) -> Vec<f64> {
    let heaviest_of = |values: &[f64]| {
        relative(model, values, ts)
            .iter()
            .map(|(_, r)| *r)
            .fold(0.0, f64::max)
    };
    let neighbours = model.neighbourhoods();
    let mut best = values.to_vec();
    let mut heaviest = heaviest_of(&best);
    while deadline.has(Duration::from_millis(200)) {
        let target = heaviest - step;
        if floor.is_some_and(|f| target < f - 1e-6) {
            break;
        }
        // A target has at most half of what is left: one out of reach
        // leaves time for nothing else, one within reach usually falls in
        // a few rounds.
        let until = Instant::now() + Duration::from_secs_f64(deadline.seconds_left() / 2.0);
        let Some(lower) = reach(
            model,
            &best,
            ts,
            unmet_max,
            target,
            &neighbours,
            deadline.at(until),
        ) else {
            break;
        };
        heaviest = heaviest_of(&lower);
        best = lower;
    }
    best
}

/// A plan from `values` with every teacher of `ts` at most `target` × share,
/// if the neighbourhood search finds one in time.
fn reach(
    model: &Model,
    values: &[f64],
    ts: &[usize],
    unmet_max: f64,
    target: f64,
    neighbours: &lns::Neighbours,
    deadline: Deadline<'_>,
) -> Option<Vec<f64>> {
    let mut mip = with_band(model, unmet_max, &[], &[]);
    for v in &mut mip.vars {
        v.obj = 0.0;
    }
    mip.obj_constant = 0.0;
    let mut start = values.to_vec();
    for (p, load) in relative(model, values, ts) {
        let excess = mip.continuous(format!("excess[{p}]"), 0.0, f64::INFINITY, 1.0);
        mip.own(excess, p);
        let mut row = model.load_terms(p);
        row.push((excess, -share(model, p)));
        mip.row(
            format!("aim[{p}]"),
            row,
            Sense::Le,
            target * share(model, p),
        );
        start.push((load - target).max(0.0));
    }
    let objective = mip.objective_of(&start);
    let incumbent = Outcome {
        values: start,
        objective,
        proven_optimal: false,
        bound: None,
        seconds: 0.0,
    };
    let (out, _) = lns::improve(&mip, incumbent, deadline, neighbours, &|| 0.0);
    (out.objective <= 1e-6).then(|| out.values[..model.mip.vars.len()].to_vec())
}
