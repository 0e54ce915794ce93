//! Runs the slow effects — solving, saving, repairing, exporting — off the interface thread, and
//! synchronously for tests. Esc sets the solve's cancel flag: the solver
//! stops at its next check (a running backend call is not interrupted), and
//! its result is dropped (results carry the solve's id), so the interface is
//! free at once.

use std::sync::mpsc::Sender;
use std::time::Instant;

use kehou_solver::check::{check_all, new_violations};
use kehou_solver::milp::{solve, SolveOptions};
use kehou_solver::repair::carry_over;

use super::event::{
    Event, ExportJob, ExportResult, RemoveJob, RemoveResult, RepairJob, RepairResult, SaveJob,
    SaveResult, SolveJob, SolveResult,
};

/// Solves and checks; the slow part of a solve effect.
pub fn run_solve(job: SolveJob) -> SolveResult {
    let started = Instant::now();
    let options = SolveOptions {
        cycle_weeks: None,
        time_limit_seconds: Some(job.time_limit_seconds),
        // An unsolved plan has nothing to stay close to.
        previous: (!job.previous.posts.is_empty() || !job.previous.locks.is_empty())
            .then_some(job.previous),
        cancel: Some(job.cancel),
    };
    let mut plan = solve(&job.school, &options).plan;
    plan.solve.solved_at = Some(chrono::Local::now().to_rfc3339());
    // The term's sick calls and substitutions survive a re-solve, as with
    // `kehou solve` (docs/model.md §10); if they cannot, the checker says so.
    if let Some(previous) = &options.previous {
        if let Ok(kept) = carry_over(&job.school, previous, plan.clone()) {
            plan = kept.plan;
        } else {
            // Never drop the record: kept as it was, the checker judges it.
            plan.absences.clone_from(&previous.absences);
            plan.substitutions.clone_from(&previous.substitutions);
        }
    }
    let violations = check_all(&job.school, &plan);
    SolveResult {
        id: job.id,
        plan,
        violations,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// Saves the school and the plan together, both or neither, and never over
/// a change made on disk since they were loaded (see `save`).
pub fn run_save(job: &SaveJob) -> SaveResult {
    SaveResult {
        revision: job.revision,
        outcome: super::save::save(job),
        then_quit: job.then_quit,
    }
}

/// Starts a solve on its own thread; the result comes back on `tx`.
pub fn spawn_solve(job: SolveJob, tx: Sender<Event>) {
    std::thread::spawn(move || {
        // The receiver is gone only when the interface has quit.
        let _ = tx.send(Event::Solved(run_solve(job)));
    });
}

pub fn spawn_save(job: SaveJob, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let _ = tx.send(Event::Saved(run_save(&job)));
    });
}

/// Repairs the plan around a new absence and checks the result.
pub fn run_repair(job: RepairJob) -> RepairResult {
    let repair = kehou_solver::repair::add_absence(&job.school, &job.plan, job.absence.clone())
        .map_err(|e| e.to_string());
    // Only rules the repair itself breaks block it; rules the plan already
    // broke are the school's to fix (shown in the rota's problem list).
    let violations = match &repair {
        Ok(r) => new_violations(&job.school, &job.plan, &r.plan),
        Err(_) => Vec::new(),
    };
    RepairResult {
        absence: job.absence,
        repair,
        violations,
    }
}

pub fn spawn_repair(job: RepairJob, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let _ = tx.send(Event::Repaired(run_repair(job)));
    });
}

/// Takes an absence back (its person returns to their posts where they
/// still can) and checks the result.
pub fn run_remove_absence(job: RemoveJob) -> RemoveResult {
    let repair = kehou_solver::repair::remove_absence(
        &job.school,
        &job.plan,
        &job.absence.staff,
        job.absence.from,
    )
    .map_err(|e| e.to_string());
    // Only rules the repair itself breaks block it; rules the plan already
    // broke are the school's to fix (shown in the rota's problem list).
    let violations = match &repair {
        Ok(r) => new_violations(&job.school, &job.plan, &r.plan),
        Err(_) => Vec::new(),
    };
    RemoveResult {
        absence: job.absence,
        repair,
        violations,
    }
}

pub fn spawn_remove_absence(job: RemoveJob, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let _ = tx.send(Event::AbsenceRemoved(run_remove_absence(job)));
    });
}

/// Makes and writes the export's files (each atomically).
pub fn run_export(job: ExportJob) -> ExportResult {
    let written = crate::export::export(&job.school, &job.plan, &job.options);
    ExportResult {
        options: job.options,
        written,
    }
}

pub fn spawn_export(job: ExportJob, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let _ = tx.send(Event::Exported(run_export(job)));
    });
}
