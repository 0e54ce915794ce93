//! What flows into and out of [`crate::tui::app::App::update`]: events in
//! (keys, resizes, clock ticks, finished background jobs) and effects out
//! (jobs for the worker threads). `App` holds no terminal, thread or channel:
//! `Effect::run` (in `worker.rs`, with the work itself) does an effect's work
//! and says how it went as an event, on a worker thread in the event loop and
//! in place in the test harness, so both dispatch the same way.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kehou_solver::check::Violation;
use kehou_solver::plan::Absence;
use kehou_solver::repair::Repair;
use kehou_solver::{Plan, School};

use crate::export::{ExportError, ExportOptions, Written};

#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    /// The terminal changed size; the next frame is drawn at the new size.
    Resize(u16, u16),
    /// Time passes (the solve's progress line counts seconds).
    Tick,
    /// A background solve finished.
    Solved(SolveResult),
    /// A background save finished.
    Saved(SaveResult),
    /// A background sick-call repair (recording an absence or taking one
    /// back) finished.
    Repaired(AbsenceResult),
    /// A background export finished.
    Exported(ExportResult),
    /// The overview's "what would it take?" finished.
    Capacity(super::screens::capacity::CapacityResult),
}

impl Event {
    /// A key press without modifiers (tests and scripts).
    pub fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    pub fn ctrl(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }
}

/// Work `update` asks for (screens push it onto the [`super::queue::Queue`]);
/// the caller runs it and feeds the outcome back. Quitting is not an effect:
/// `App::quit` says so, and the loop ends.
#[derive(Debug)]
pub enum Effect {
    Solve(SolveJob),
    Save(SaveJob),
    Repair(AbsenceJob),
    Export(ExportJob),
    Capacity(super::screens::capacity::CapacityJob),
}

/// Write the export files (the export screen), off the key path.
#[derive(Debug, Clone)]
pub struct ExportJob {
    pub school: School,
    pub plan: Plan,
    pub options: ExportOptions,
}

#[derive(Debug)]
pub struct ExportResult {
    pub options: ExportOptions,
    /// The files written, or why not.
    pub written: Result<Vec<Written>, ExportError>,
}

/// A change to the term's absences: what a sick-call repair is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AbsenceChange {
    /// A sick call: cover the person's places on its dates.
    Record(Absence),
    /// Take an absence back: the person returns to their places where they
    /// still can.
    TakeBack(Absence),
}

impl AbsenceChange {
    pub fn absence(&self) -> &Absence {
        match self {
            AbsenceChange::Record(a) | AbsenceChange::TakeBack(a) => a,
        }
    }
}

/// Repair the plan for a change to its absences (the rota's and the sick-call
/// screen's `A`, the sick-call screen's `d`).
#[derive(Debug, Clone)]
pub struct AbsenceJob {
    pub school: School,
    pub plan: Plan,
    pub change: AbsenceChange,
}

#[derive(Debug)]
pub struct AbsenceResult {
    pub change: AbsenceChange,
    /// The repair, or why it could not be made, in words.
    pub repair: Result<Repair, String>,
    /// Rules the repaired plan breaks that the plan before did not (dated
    /// rules too): they block accepting it.
    pub violations: Vec<Violation>,
    /// For each place the repair leaves uncovered, who could still take it
    /// by hand going over only a cap (as `kehou candidates` lists them).
    pub by_hand: Vec<ByHand>,
}

/// A place nobody covers, and who could take it by hand at the price of a
/// cap (best first).
#[derive(Debug, Clone)]
pub struct ByHand {
    pub date: chrono::NaiveDate,
    pub post: String,
    pub candidates: Vec<kehou_solver::repair::Candidate>,
}

#[derive(Debug, Clone)]
pub struct SolveJob {
    /// Tells results of a cancelled solve from the current one.
    pub id: u64,
    pub school: School,
    /// The plan to stay close to; its locks are kept.
    pub previous: Plan,
    pub time_limit_seconds: f64,
    /// Esc sets it; the solver stops at its next check.
    pub cancel: kehou_solver::milp::Cancel,
    /// Re-optimise from scratch rather than change the plan as little as possible.
    pub fresh: bool,
}

#[derive(Debug)]
pub struct SolveResult {
    pub id: u64,
    pub plan: Plan,
    /// The independent checker's verdict, computed on the worker thread.
    pub violations: Vec<Violation>,
    /// A fresh re-optimisation (its changes are reviewed before they replace the plan).
    pub fresh: bool,
    /// What of the previous plan could not be kept: locks, choices by hand.
    pub not_kept: Vec<NotKept>,
}

/// Something of the previous plan a re-solve could not keep, and why.
#[derive(Debug, Clone)]
pub enum NotKept {
    /// A lock, with the solver's note of why.
    Lock(kehou_solver::plan::SolveNote),
    /// A choice made by hand on a sick day.
    ByHand(
        kehou_solver::plan::Substitution,
        kehou_solver::repair::Stale,
    ),
}

#[derive(Debug, Clone)]
pub struct SaveJob {
    pub school: School,
    pub plan: Plan,
    pub school_path: PathBuf,
    pub plan_path: PathBuf,
    /// The document revision being saved.
    pub revision: u64,
    /// Quit once saved (the "save, then quit" answer).
    pub then_quit: bool,
    /// What the files held when loaded or last saved: the save is refused
    /// if the disk holds anything else (someone else saved meanwhile).
    pub expected: Option<crate::files::pair::OnDisk>,
    /// Save under new names (`NAME-mine…`) instead.
    pub save_as: bool,
}

#[derive(Debug)]
pub struct SaveResult {
    pub revision: u64,
    /// Saved, refused over a change on disk, failed, or only half done.
    pub outcome: super::disk::SaveOutcome,
    /// Quit once saved (the "save, then quit" answer).
    pub then_quit: bool,
}
