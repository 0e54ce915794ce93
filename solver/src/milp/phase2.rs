//! Phase 2's search (docs/model.md §6): from phase 1's plan, completed, the
//! swap search takes the loads most of the way to fair; a full solve gives
//! a bound (and sometimes the proof), first for a share of the time or, on
//! a spare core, beside the neighbourhood search, which improves the plan
//! until the time is up; then a last swap pass.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use crate::backend::{self, Outcome};
use crate::ir;
use crate::milp::build::Model;
use crate::milp::deadline::Deadline;
use crate::milp::objective::Terms;
use crate::milp::spare::SpareCore;
use crate::milp::{lns, swap};

/// The best plan found from `start` by `deadline`; notes say how it went.
/// With a `spare` core, the full solve runs on a thread of its own beside
/// the neighbourhood search, from when the core is free (the band's roster
/// proof may hold it first) to the end of phase 2, rather than before the
/// search for a share of its time.
pub(crate) fn improve(
    model: &Model,
    terms: &Terms,
    start: Vec<f64>,
    deadline: Deadline<'_>,
    spare: Option<SpareCore>,
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
    let mut beside = None;
    let proven = Arc::new(AtomicBool::new(false));
    // Set when phase 2 no longer waits for the full solve beside it.
    let over = Arc::new(AtomicBool::new(false));
    if !deadline.has(Duration::from_millis(200)) {
        if deadline.cancelled() {
            notes.push(crate::plan::SolveNote::Cancelled);
        }
    } else if let Some(core) = spare {
        // microlp cannot be stopped inside a solve: the search does not
        // wait for it past the deadline, and a late answer is dropped.
        let (send, receive) = mpsc::channel();
        let mip = model.mip.clone();
        let proven = Arc::clone(&proven);
        let over = Arc::clone(&over);
        let stop_at = Instant::now() + end.saturating_duration_since(Instant::now()).mul_f64(0.95);
        std::thread::spawn(move || {
            let free = core.wait(stop_at);
            if over.load(Ordering::Relaxed) {
                return;
            }
            let seconds = stop_at.saturating_duration_since(Instant::now());
            if !free || seconds < Duration::from_millis(200) {
                let _ = send.send(Err(backend::BackendError::NoPlanInTime));
                return;
            }
            let out = backend::solve(&mip, seconds.as_secs_f64(), &hint);
            // A plan proven best ends the search beside it.
            if out.as_ref().is_ok_and(|o| o.proven_optimal) {
                proven.store(true, Ordering::Relaxed);
            }
            let _ = send.send(out);
        });
        beside = Some(receive);
    } else {
        let full = backend::solve(&model.mip, deadline.seconds_left() * 0.3, &hint);
        take(&mut best, full, notes);
        if best.proven_optimal {
            return best;
        }
    }
    // The bound, where there is one, is as low as any plan can go.
    let floor = best.bound.unwrap_or(f64::NEG_INFINITY);
    let (mut better, rounds) = lns::improve(
        &model.mip,
        best,
        deadline.at(share(0.95)),
        &model.neighbourhoods(),
        &|| {
            if proven.load(Ordering::Relaxed) {
                f64::INFINITY
            } else {
                floor
            }
        },
    );
    if let Some(full) = beside.and_then(|receive| {
        let answer = receive
            .recv_timeout(Duration::from_secs_f64(deadline.seconds_left()))
            .ok();
        over.store(true, Ordering::Relaxed);
        answer
    }) {
        take(&mut better, full, notes);
    }
    if !better.proven_optimal {
        moves += swapper.improve(&mut better.values, deadline);
        better.objective = model.mip.objective_of(&better.values);
    }
    notes.push(crate::plan::SolveNote::Improved {
        swaps: moves as u32,
        rounds,
    });
    better
}

/// The full solve's answer into `best`: its plan where it is no worse (with
/// its proof), else only its bound.
fn take(
    best: &mut Outcome,
    full: Result<Outcome, backend::BackendError>,
    notes: &mut Vec<crate::plan::SolveNote>,
) {
    match full {
        Ok(out) if out.objective <= best.objective + 1e-9 => *best = out,
        Ok(out) => best.bound = out.bound,
        // Why the backend found nothing is for solver experts (`--write-model`);
        // the note says what it means for the plan.
        Err(_) => notes.push(crate::plan::SolveNote::NoBound),
    }
}
