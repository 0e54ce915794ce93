//! What flows into and out of [`crate::tui::app::update`]: events in (keys,
//! resizes, clock ticks, finished background jobs) and effects out (jobs for
//! the worker threads, quitting). `App` holds no terminal, thread or channel.

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
    /// A background sick-call repair finished.
    Repaired(RepairResult),
    /// A background export finished.
    Exported(ExportResult),
    /// A background "take the absence back" repair finished.
    AbsenceRemoved(RemoveResult),
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

/// Work `update` asks for; the caller runs it and feeds the outcome back.
#[derive(Debug)]
pub enum Effect {
    Solve(SolveJob),
    Save(SaveJob),
    Repair(RepairJob),
    Export(ExportJob),
    RemoveAbsence(RemoveJob),
    Quit,
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

/// Repair the plan around a new absence (a sick call).
#[derive(Debug, Clone)]
pub struct RepairJob {
    pub school: School,
    pub plan: Plan,
    pub absence: Absence,
}

#[derive(Debug)]
pub struct RepairResult {
    pub absence: Absence,
    /// The repair, or why it could not be made, in words.
    pub repair: Result<Repair, String>,
    /// The checker (dated rules too) on the repaired plan.
    pub violations: Vec<Violation>,
}

/// Take an absence back and repair its dates (the sick-calls screen).
#[derive(Debug, Clone)]
pub struct RemoveJob {
    pub school: School,
    pub plan: Plan,
    pub absence: Absence,
}

#[derive(Debug)]
pub struct RemoveResult {
    pub absence: Absence,
    /// The repair, or why it could not be made, in words.
    pub repair: Result<Repair, String>,
    /// The checker (dated rules too) on the repaired plan.
    pub violations: Vec<Violation>,
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
}

#[derive(Debug)]
pub struct SolveResult {
    pub id: u64,
    pub plan: Plan,
    /// The independent checker's verdict, computed on the worker thread.
    pub violations: Vec<Violation>,
    pub seconds: f64,
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
