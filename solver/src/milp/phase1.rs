//! Phase 1 (docs/model.md §5): the least unmet demand. The constructor's
//! staffing is the incumbent; where it leaves something unmet, the MILP
//! looks for better week by week from it, and whatever it returns is
//! filled again by the constructor, so the result is never worse than the
//! constructor's and never leaves a place open while someone is free for it.

use std::time::Instant;

use crate::backend::{self, BackendError, Outcome};
use crate::ir::{self, Mip, Var};
use crate::milp::build::Model;
use crate::milp::construct::Board;
use crate::milp::deadline::Deadline;

/// What keeping every previous assignment is worth in phase 1, in all: less
/// than one missing adult, so it only chooses among plans of equal coverage.
/// (A lower bound on the pulled objective is still one on unmet demand,
/// weaker by at most this.)
const KEEP_PULL: f64 = crate::milp::build::MISSING_ADULT / 3.0;

/// Phase 1's result.
pub(crate) struct Coverage {
    pub values: Vec<f64>,
    /// Weighted unmet demand of `values`.
    pub unmet: f64,
    /// A proven lower bound on unmet demand, where known.
    pub bound: Option<f64>,
    pub seconds: f64,
    /// Whether the MILP improved on the constructor.
    pub improved_by_milp: bool,
}

/// The unmet demand of `values`, by phase 1's weights.
pub(crate) fn unmet_of(model: &Model, values: &[f64]) -> f64 {
    model.unmet.iter().map(|(v, w)| w * values[v.0]).sum()
}

/// From the constructor's `start`: nothing to do when everything is
/// covered; else the MILP week by week until `deadline`, then the
/// constructor's fill again on its answer. On a minimal-change re-solve,
/// `keep` (the previous plan's assignments) pulls the MILP towards them
/// with weights that add up to less than one missing adult, so coverage
/// still comes first, but phase 1 does not hand phase C a stranger's plan
/// (it once kept 27 of 126 assignments, and phase C's time was spent
/// bringing them back).
pub(crate) fn cover(
    model: &Model,
    start: Vec<f64>,
    pinned: &[Var],
    keep: &[(Var, f64)],
    deadline: Deadline<'_>,
) -> Coverage {
    let started = Instant::now();
    let unmet = unmet_of(model, &start);
    if unmet < 0.5 {
        return Coverage {
            values: start,
            unmet,
            bound: Some(0.0),
            seconds: started.elapsed().as_secs_f64(),
            improved_by_milp: false,
        };
    }
    let mut mip = model.mip.clone();
    for (v, w) in &model.unmet {
        mip.add_obj(*v, *w);
    }
    let total: f64 = keep.iter().map(|(_, n)| n).sum();
    for (v, n) in keep {
        mip.add_obj(*v, -KEEP_PULL * n / total);
    }
    let seconds = deadline.seconds_left();
    let found = by_week(&mip, model.demand.cycle_weeks, seconds, &start, deadline);
    let (mut values, bound) = match found {
        Ok(out) if unmet_of(model, &out.values) < unmet - 1e-6 => (out.values, out.bound),
        Ok(out) => (start, out.bound),
        Err(_) => (start, None),
    };
    let improved_by_milp = unmet_of(model, &values) < unmet - 1e-6;
    // The MILP's answer may leave someone free for a place it left open
    // (it stops at its time limit): the constructor fills those.
    let mut board = Board::from_values(model, &values);
    board.pinned.extend(pinned.iter().copied());
    board.fill();
    values = board.values();
    let unmet = unmet_of(model, &values);
    Coverage {
        values,
        unmet,
        bound: bound.map(|b| b.clamp(0.0, unmet)),
        seconds: started.elapsed().as_secs_f64(),
        improved_by_milp,
    }
}

/// Phase 1 week by week: nothing but a club's leader, days and room links
/// the weeks of the cycle, so week 1 decides those (with its own posts) and
/// each later week is solved with them fixed. The pieces together are a plan
/// for the whole cycle; its unmet demand is the sum of the weeks' minima, so
/// phase 1 is optimal unless week 1's club choices hurt a later week — which
/// is why a cycle of several weeks claims neither a bound nor a proof. For a
/// one-week cycle this is the plain solve. (On the large demo with a 4-week
/// cycle the whole model found no plan in 24 s; see docs/benchmarks.md.)
/// Each week starts from `start`'s values for its variables.
fn by_week(
    mip: &Mip,
    k: u8,
    seconds: f64,
    start: &[f64],
    deadline: Deadline<'_>,
) -> Result<Outcome, BackendError> {
    let hint = |sub: &Mip, old: &[Var]| -> Vec<(Var, f64)> {
        old.iter()
            .enumerate()
            .filter(|(new, _)| sub.vars[*new].integer)
            .map(|(new, o)| (Var(new), start[o.0].round()))
            .collect()
    };
    if k <= 1 {
        let all: Vec<Var> = (0..mip.vars.len()).map(Var).collect();
        return backend::solve(mip, seconds, &hint(mip, &all));
    }
    let started = Instant::now();
    let mut values = start.to_vec();
    for week in 1..=k {
        if deadline.passed() {
            return Err(BackendError::NoPlanInTime);
        }
        let keep: Vec<ir::Keep> = mip
            .vars
            .iter()
            .enumerate()
            .map(|(i, v)| match v.week {
                Some(w) if w == week => ir::Keep::Free,
                Some(_) => ir::Keep::Absent,
                None if week == 1 => ir::Keep::Free,
                None => ir::Keep::Fixed(values[i]),
            })
            .collect();
        let (sub, old) = mip.restrict(&keep);
        let left = seconds - started.elapsed().as_secs_f64();
        let share = left / f64::from(k - week + 1);
        let out = backend::solve(&sub, share.max(0.2), &hint(&sub, &old))?;
        for (new, o) in old.iter().enumerate() {
            let x = out.values[new];
            values[o.0] = if mip.vars[o.0].integer { x.round() } else { x };
        }
    }
    Ok(Outcome {
        objective: mip.objective_of(&values),
        values,
        // Neither proven nor bounded: each later week is solved with week
        // 1's club choices fixed, so the sum of the weeks' optima or bounds
        // holds only for plans with those choices.
        proven_optimal: false,
        bound: None,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Teachers' total weighted minutes and late duties when non-teachers take
/// all they can, from the LP relaxation of phase 1 with a pull towards
/// non-teachers (`None` if it does not finish in `seconds`: the caller then
/// shares what the plan itself gives teachers).
pub(crate) fn teacher_total_estimate(model: &Model, seconds: f64) -> Option<(f64, f64)> {
    let mut lp = model.mip.relaxed();
    for (v, w) in &model.unmet {
        lp.add_obj(*v, *w);
    }
    let teachers = || (0..model.school.staff.len()).filter(|&p| model.is_teacher(p));
    let teacher_minutes: Vec<_> = teachers().flat_map(|p| model.load_terms(p)).collect();
    let teacher_late: Vec<_> = teachers().flat_map(|p| model.late_terms(p)).collect();
    for (v, c) in &teacher_minutes {
        lp.add_obj(*v, c * 1e-3);
    }
    // The late duties too, below the minutes: among the LP's optima the
    // fewest, so the estimate is one number for the school.
    for (v, c) in &teacher_late {
        lp.add_obj(*v, c * 1e-6);
    }
    let out = backend::solve(&lp, seconds.max(0.1), &[]).ok()?;
    let total = |terms: &[(Var, f64)]| terms.iter().map(|(v, c)| c * out.values[v.0]).sum::<f64>();
    let (minutes, late) = (total(&teacher_minutes), total(&teacher_late));
    Some((minutes, late))
}
