//! The slow work of the effects — solving, saving, repairing, exporting —
//! as plain functions, `Effect::run` (which picks one and says how it went
//! as an event), and
//! [`spawn`], which runs an effect off the interface thread. Esc sets the
//! solve's cancel flag: the solver
//! stops at its next check (a running backend call is not interrupted), and
//! its result is dropped (results carry the solve's id), so the interface is
//! free at once.

use std::sync::mpsc::Sender;

use kehou_solver::check::check_all;
use kehou_solver::milp::{solve, SolveOptions};
use kehou_solver::repair::{carry_over, Repair};

use super::event::{
    AbsenceChange, AbsenceJob, AbsenceResult, ByHand, Effect, Event, ExportJob, ExportResult,
    NotKept, SaveJob, SaveResult, SolveJob, SolveResult,
};

impl Effect {
    /// Does the work — slow: a solve takes its time limit — and returns the
    /// event that brings the outcome back to `update`.
    pub fn run(self) -> Event {
        match self {
            Effect::Solve(job) => Event::Solved(run_solve(job)),
            Effect::Save(job) => Event::Saved(run_save(&job)),
            Effect::Repair(job) => Event::Repaired(run_absence(job)),
            Effect::Export(job) => Event::Exported(run_export(job)),
            Effect::Capacity(job) => Event::Capacity(job.run()),
        }
    }
}

/// Solves and checks; the slow part of a solve effect.
pub fn run_solve(job: SolveJob) -> SolveResult {
    let options = SolveOptions {
        cycle_weeks: None,
        time_limit_seconds: Some(job.time_limit_seconds),
        // An unsolved plan has nothing to stay close to.
        previous: (!job.previous.posts.is_empty() || !job.previous.locks.is_empty())
            .then_some(job.previous),
        cancel: Some(job.cancel),
        fresh: job.fresh,
        ..SolveOptions::default()
    };
    let solved = solve(&job.school, &options);
    let mut not_kept: Vec<NotKept> = solved
        .locks_not_kept
        .into_iter()
        .map(NotKept::Lock)
        .collect();
    let mut plan = solved.plan;
    plan.solve.solved_at = Some(chrono::Local::now().to_rfc3339());
    // The term's sick calls and substitutions survive a re-solve, as with
    // `kehou solve` (docs/model.md §10); if they cannot, the checker says so.
    if let Some(previous) = &options.previous {
        if let Ok(kept) = carry_over(&job.school, previous, plan.clone()) {
            not_kept.extend(
                kept.hand_not_kept
                    .into_iter()
                    .map(|(s, why)| NotKept::ByHand(s, why)),
            );
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
        fresh: job.fresh,
        not_kept,
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

/// Repairs the plan for a change to its absences and checks the result:
/// a new absence gets covers on its dates; one taken back returns its person
/// to their places where they still can.
pub fn run_absence(job: AbsenceJob) -> AbsenceResult {
    let repair = match &job.change {
        AbsenceChange::Record(a) => {
            kehou_solver::repair::add_absence(&job.school, &job.plan, a.clone())
        }
        AbsenceChange::TakeBack(a) => {
            kehou_solver::repair::remove_absence(&job.school, &job.plan, &a.staff, a.from)
        }
    }
    .map_err(|e| e.to_string());
    // Only rules the repair itself breaks block it; rules the plan already
    // broke are the school's to fix (shown in the rota's problem list).
    let violations = match &repair {
        Ok(r) => kehou_solver::repair::verdict(&job.school, &job.plan, &r.plan).new,
        Err(_) => Vec::new(),
    };
    let by_hand = repair
        .as_ref()
        .map(|r| by_hand(&job.school, r))
        .unwrap_or_default();
    AbsenceResult {
        change: job.change,
        repair,
        violations,
        by_hand,
    }
}

/// How many people to offer for a place nobody covers.
const OFFERS: usize = 3;

/// Who could still take each place the repair leaves uncovered, going over
/// a cap but breaking nothing hard (a duty leader's place, typically: every
/// other leader is busy or at their cap).
fn by_hand(school: &kehou_solver::School, repair: &Repair) -> Vec<ByHand> {
    repair
        .added
        .iter()
        .filter(|s| s.cover.is_none())
        .filter_map(|s| {
            let (_, ranked) = kehou_solver::repair::candidates(
                school,
                &repair.plan,
                s.date,
                &s.post,
                s.out.as_ref(),
            )
            .ok()?;
            let candidates: Vec<_> = ranked
                .into_iter()
                .filter(kehou_solver::repair::Candidate::possible)
                .take(OFFERS)
                .collect();
            (!candidates.is_empty()).then(|| ByHand {
                date: s.date,
                post: s.post.clone(),
                candidates,
            })
        })
        .collect()
}

/// Makes and writes the export's files (each atomically).
pub fn run_export(job: ExportJob) -> ExportResult {
    let written = crate::export::export(&job.school, &job.plan, &job.options);
    ExportResult {
        options: job.options,
        written,
    }
}

/// Runs `effect` on its own thread; the outcome comes back on `tx`.
pub fn spawn(effect: Effect, tx: Sender<Event>) {
    std::thread::spawn(move || {
        // The receiver is gone only when the interface has quit.
        let _ = tx.send(effect.run());
    });
}
