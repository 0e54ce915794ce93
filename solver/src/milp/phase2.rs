//! Phase 2's search (docs/model.md §6): from phase 1's plan, completed, the
//! swap search takes the loads most of the way to fair; a full solve gives
//! a bound (and sometimes the proof), first for a share of the time or, on
//! a spare core, beside the neighbourhood search, which improves the plan
//! until the time is up; then a last swap pass.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
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
    let branch_first = model.club_days();
    let mut beside = None;
    let proven = Arc::new(AtomicBool::new(false));
    // The best bound the full solve beside has found so far (f64 bits).
    let found = Arc::new(AtomicU64::new(f64::NEG_INFINITY.to_bits()));
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
        let found = Arc::clone(&found);
        let branch_first = branch_first.clone();
        let stop_at = Instant::now() + end.saturating_duration_since(Instant::now()).mul_f64(0.95);
        std::thread::spawn(move || {
            let free = core.wait(stop_at);
            let seconds = stop_at.saturating_duration_since(Instant::now());
            if over.load(Ordering::Relaxed) || !free || seconds < Duration::from_millis(200) {
                return; // nothing sent: no bound
            }
            // Each bound as soon as it is known: the MILP may end late.
            let full = full_solve(&mip, seconds.as_secs_f64(), &hint, &branch_first, &|b| {
                raise(&found, b);
                let _ = send.send(Answer::Bound(b));
            });
            // A plan proven best ends the search beside it.
            if full.milp.as_ref().is_ok_and(|o| o.proven_optimal) {
                proven.store(true, Ordering::Relaxed);
            }
            let _ = send.send(Answer::Milp(full.milp));
        });
        beside = Some(receive);
    } else {
        let full = full_solve(
            &model.mip,
            deadline.seconds_left() * 0.3,
            &hint,
            &branch_first,
            &|_| {},
        );
        take(&mut best, full, notes);
        if best.proven_optimal {
            return best;
        }
    }
    // The bound, where there is one, is as low as any plan can go; so is
    // one found beside the search meanwhile.
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
                floor.max(f64::from_bits(found.load(Ordering::Relaxed)))
            }
        },
    );
    if let Some(receive) = beside {
        // What has come by the deadline: the relaxations' bounds, the MILP's
        // answer.
        let mut full = Full {
            milp: Err(backend::BackendError::NoPlanInTime),
            bound: None,
        };
        let until = Instant::now() + Duration::from_secs_f64(deadline.seconds_left());
        while let Ok(answer) = receive.recv_timeout(until.saturating_duration_since(Instant::now()))
        {
            match answer {
                Answer::Bound(b) => full.bound = Some(full.bound.map_or(b, |was| was.max(b))),
                Answer::Milp(milp) => {
                    full.milp = milp;
                    break;
                }
            }
        }
        over.store(true, Ordering::Relaxed);
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

/// What the full solve (step 3) found: the MILP's answer, and the best
/// bound of its relaxations (the LP's, then the club days' search's).
pub(super) struct Full {
    pub milp: Result<Outcome, backend::BackendError>,
    pub bound: Option<f64>,
}

/// What the full solve beside the search sends, each part when it is done.
enum Answer {
    Bound(f64),
    Milp(Result<Outcome, backend::BackendError>),
}

/// Raises the bound kept in `cell` (f64 bits) to `b` where `b` is higher.
fn raise(cell: &AtomicU64, b: f64) {
    let _ = cell.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |was| {
        (b > f64::from_bits(was)).then(|| b.to_bits())
    });
}

/// The share of the full solve's time, after its LP, that the search over
/// the club days (`backend::branch_bound`) may take; the MILP has the rest.
const BRANCH_SHARE: f64 = 0.7;

/// Phase 2's full solve of `mip` within `seconds`, each bound handed to
/// `bound_found` as soon as it is known: its LP relaxation first
/// (`backend::lp_bound`: Clarabel on a school's model — seconds where
/// microlp's own LP does not finish on the largest models); then, where
/// `branch_first` names variables (the club days), the branch and bound
/// over those alone (`backend::branch_bound`), whose bound closes most of
/// the LP's gap where it is the club days the LP splits; then the MILP from
/// `hint` for the time left, for a proof.
pub(super) fn full_solve(
    mip: &ir::Mip,
    seconds: f64,
    hint: &[(ir::Var, f64)],
    branch_first: &[ir::Var],
    bound_found: &dyn Fn(f64),
) -> Full {
    let started = Instant::now();
    let left = || seconds - started.elapsed().as_secs_f64();
    let mut bound = backend::lp_bound(mip, seconds);
    if let Some(b) = bound {
        bound_found(b);
    }
    if !branch_first.is_empty() && left() >= 0.5 {
        let branched = backend::branch_bound(mip, branch_first, left() * BRANCH_SHARE, hint);
        if let Some(b) = branched.filter(|b| bound.is_none_or(|lp| *b > lp)) {
            bound = Some(b);
            bound_found(b);
        }
    }
    let milp = if left() >= 0.2 {
        backend::solve(mip, left(), hint)
    } else {
        Err(backend::BackendError::NoPlanInTime)
    };
    Full { milp, bound }
}

/// The full solve's answer into `best`: its plan where it is no worse (with
/// its proof), else only its bound; the LP's bound where it is higher.
pub(super) fn take(best: &mut Outcome, full: Full, notes: &mut Vec<crate::plan::SolveNote>) {
    match full.milp {
        Ok(out) if out.objective <= best.objective + 1e-9 => *best = out,
        Ok(out) => best.bound = out.bound,
        Err(_) if full.bound.is_some() => {}
        // Why the backend found nothing is for solver experts (`--write-model`);
        // the note says what it means for the plan.
        Err(_) => notes.push(crate::plan::SolveNote::NoBound),
    }
    if let Some(b) = full.bound {
        best.bound = Some(best.bound.map_or(b, |was| was.max(b)));
    }
}
