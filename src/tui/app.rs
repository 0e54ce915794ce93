//! The interface's state and its one entry point for change, [`App::update`]:
//! an event and the time it came in, the effects it asked for out (in the
//! order asked). The frame's own keys (screens, help, save, undo, solve,
//! quit) are here; everything else goes to the screen.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::doc::Doc;
use super::event::{Effect, Event, SolveJob, SolveResult};
use super::queue::Queue;
use super::screens::review::{self, Proposal, Review};
use super::screens::{sick, Cx, Handled, ScreenId, Screens, View};
use super::text::{fill, Lang, Text};

/// A box drawn over the screen that takes every key while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
}

/// A solve running in the background.
#[derive(Debug, Clone, Copy)]
pub struct Solving {
    pub id: u64,
    pub started: Instant,
    pub limit_seconds: f64,
}

#[derive(Debug)]
pub struct App {
    pub doc: Doc,
    pub lang: Lang,
    pub text: &'static Text,
    pub screen: ScreenId,
    pub screens: Screens,
    pub overlay: Option<Overlay>,
    /// First line shown of the help overlay, when it is taller than the screen.
    pub help_scroll: u16,
    /// The status line's message: what the last action did.
    pub message: Option<String>,
    pub solving: Option<Solving>,
    /// A re-solve's new plan under review, before it replaces the plan.
    pub review: Option<Review>,
    /// A save found the files changed on disk: the dialog of `disk.rs`.
    pub disk_changed: Option<Box<super::disk::Changed>>,
    /// The running solve's cancel flag (Esc sets it).
    solve_cancel: kehou_solver::milp::Cancel,
    /// The time limit given to solves started here.
    pub solve_seconds: f64,
    /// The clock as of the last event (ticks keep it moving while solving).
    pub now: Instant,
    pub saving: bool,
    /// Set once the interface should close (the loop ends).
    pub quit: bool,
    /// The effects asked for while handling the current event.
    pub(super) queue: Queue,
    /// "Today" for date defaults (sick calls); the clock's, or a test's.
    pub today: chrono::NaiveDate,
    next_solve: u64,
}

/// A terminal reports Esc followed quickly by a key as Alt+key. Nothing
/// here is bound to Alt, so Alt+char (without Ctrl: Ctrl+Alt is AltGr) is
/// taken as what was most likely typed: Esc, then the plain key.
fn split_alt(key: KeyEvent) -> Option<(KeyEvent, KeyEvent)> {
    let alt_only =
        key.modifiers.contains(KeyModifiers::ALT) && !key.modifiers.contains(KeyModifiers::CONTROL);
    if !alt_only || !matches!(key.code, KeyCode::Char(_)) {
        return None;
    }
    let esc = KeyEvent {
        code: KeyCode::Esc,
        modifiers: KeyModifiers::NONE,
        ..key
    };
    let plain = KeyEvent {
        modifiers: key.modifiers - KeyModifiers::ALT,
        ..key
    };
    Some((esc, plain))
}

impl App {
    pub fn new(doc: Doc, lang: Lang) -> App {
        let solve_seconds = f64::from(doc.school.rules.time_limit_seconds).max(1.0);
        App {
            doc,
            lang,
            text: lang.text(),
            screen: ScreenId::Overview,
            screens: Screens::default(),
            overlay: None,
            help_scroll: 0,
            message: None,
            solving: None,
            review: None,
            disk_changed: None,
            solve_cancel: kehou_solver::milp::Cancel::new(),
            solve_seconds,
            now: Instant::now(),
            saving: false,
            quit: false,
            queue: Queue::default(),
            today: chrono::Local::now().date_naive(),
            next_solve: 0,
        }
    }

    /// What the screens may read while drawing.
    pub fn view(&self) -> View<'_> {
        View {
            doc: &self.doc,
            text: self.text,
            lang: self.lang,
        }
    }

    /// Seconds since the running solve started.
    pub fn solve_elapsed(&self) -> Option<Duration> {
        self.solving
            .map(|s| self.now.saturating_duration_since(s.started))
    }

    /// The one way anything changes: `event` arrived at `now` (the caller
    /// reads the clock, so `update` is a function of its inputs). Returns
    /// the effects asked for, to run in this order; `self.quit` says
    /// whether to stop.
    pub fn update(&mut self, event: Event, now: Instant) -> Vec<Effect> {
        self.now = now;
        match event {
            Event::Key(key) => self.on_key(key),
            Event::Resize(..) | Event::Tick => {}
            Event::Solved(result) => self.on_solved(result),
            Event::Capacity(result) => self.screens.overview.capacity.deliver(result),
            Event::Saved(result) => self.on_saved(result),
            Event::Exported(result) => {
                self.message = Some(self.screens.export.on_exported(result, self.text));
            }
            Event::Repaired(result) => {
                // Whichever screen asked for it is waiting for this change;
                // a result nobody waits for (the call was closed) is dropped.
                let (doc, t) = (&self.doc, self.text);
                let call = if sick::waits_for(self.screens.rota.sick.as_ref(), &result.change) {
                    &mut self.screens.rota.sick
                } else {
                    &mut self.screens.cover.call
                };
                if let Some(m) = sick::deliver(call, result, doc, t) {
                    self.message = Some(m);
                }
            }
        }
        self.queue.take()
    }

    fn on_key(&mut self, key: KeyEvent) {
        if key.kind == crossterm::event::KeyEventKind::Release {
            return;
        }
        if let Some((esc, key)) = split_alt(key) {
            // Esc then a key, typed faster than the terminal tells apart.
            self.on_key(esc);
            if !self.quit {
                self.on_key(key);
            }
            return;
        }
        if self.disk_changed.is_some() {
            return self.on_changed_key(key);
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self.overlay {
            Some(Overlay::Help) => {
                match key.code {
                    KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter => self.overlay = None,
                    KeyCode::Down | KeyCode::Char('j') => {
                        self.help_scroll = self.help_scroll.saturating_add(1);
                    }
                    KeyCode::Up | KeyCode::Char('k') => {
                        self.help_scroll = self.help_scroll.saturating_sub(1);
                    }
                    _ => {}
                }
                return;
            }
            Some(Overlay::ConfirmQuit) => {
                // The question is "save them before quitting?": y saves.
                match key.code {
                    KeyCode::Char('y' | 'Y' | 's' | 'S') | KeyCode::Enter => {
                        self.overlay = None;
                        self.save(true, false);
                    }
                    KeyCode::Char('n' | 'N') => self.quit = true,
                    KeyCode::Esc => self.overlay = None,
                    _ => {}
                }
                return;
            }
            None => {}
        }
        if let Some(mut open) = self.review.take() {
            if ctrl && key.code == KeyCode::Char('c') {
                self.review = Some(open);
                return self.ask_quit();
            }
            let mut cx = Cx {
                doc: &mut self.doc,
                text: self.text,
                message: &mut self.message,
                queue: &mut self.queue,
                today: self.today,
            };
            if open.key(key, &mut cx) == review::Verdict::Open {
                self.review = Some(open);
            }
            return;
        }
        if ctrl {
            match key.code {
                KeyCode::Char('c') => return self.ask_quit(),
                KeyCode::Char('s') => return self.save(false, false),
                KeyCode::Char('z') if !self.capturing() => return self.undo(),
                KeyCode::Char('r' | 'y') if !self.capturing() => return self.redo(),
                _ => {}
            }
        }
        if !self.capturing() && !ctrl {
            match key.code {
                KeyCode::Tab => return self.go(self.screen.next()),
                KeyCode::BackTab => return self.go(self.screen.prev()),
                KeyCode::Char('?') => {
                    self.overlay = Some(Overlay::Help);
                    self.help_scroll = 0;
                    return;
                }
                KeyCode::Char('q') => return self.ask_quit(),
                KeyCode::Char('u') => return self.undo(),
                KeyCode::Char('S') => return self.solve(false),
                KeyCode::Char('R') => return self.solve(true),
                KeyCode::Char(c @ '1'..='9') => {
                    let i = c as usize - '1' as usize;
                    return self.go(ScreenId::ALL.get(i).copied().unwrap_or(self.screen));
                }
                KeyCode::Char('0') => {
                    return self.go(ScreenId::ALL.get(9).copied().unwrap_or(self.screen));
                }
                _ => {}
            }
        }
        let handled = {
            let mut cx = Cx {
                doc: &mut self.doc,
                text: self.text,
                message: &mut self.message,
                queue: &mut self.queue,
                today: self.today,
            };
            self.screens.get_mut(self.screen).handle_key(key, &mut cx)
        };
        if handled == Handled::No && key.code == KeyCode::Esc {
            if self.solving.take().is_some() {
                self.solve_cancel.cancel();
                self.message = Some(self.text.solve_cancelled.to_owned());
            } else {
                self.message = None;
            }
        }
    }

    fn capturing(&self) -> bool {
        self.screens.get(self.screen).capturing()
    }

    fn go(&mut self, id: ScreenId) {
        self.screen = id;
    }

    fn ask_quit(&mut self) {
        if self.doc.dirty() {
            self.overlay = Some(Overlay::ConfirmQuit);
        } else {
            self.quit = true;
        }
    }

    fn undo(&mut self) {
        self.message = Some(match self.doc.undo() {
            Some(label) => fill(self.text.undone, &[&label]),
            None => self.text.nothing_to_undo.to_owned(),
        });
    }

    fn redo(&mut self) {
        self.message = Some(match self.doc.redo() {
            Some(label) => fill(self.text.redone, &[&label]),
            None => self.text.nothing_to_redo.to_owned(),
        });
    }

    /// Starts a solve: a minimal-change re-solve, or (`fresh`) a full
    /// re-optimisation whose changes are reviewed before they are used.
    fn solve(&mut self, fresh: bool) {
        if self.solving.is_some() {
            self.message = Some(self.text.solve_running_already.to_owned());
            return;
        }
        if self.doc.errors() > 0 {
            self.message = Some(self.text.solve_blocked_by_errors.to_owned());
            return;
        }
        self.next_solve += 1;
        self.solving = Some(Solving {
            id: self.next_solve,
            started: self.now,
            limit_seconds: self.solve_seconds,
        });
        self.message = None;
        self.solve_cancel = kehou_solver::milp::Cancel::new();
        self.queue.push(Effect::Solve(SolveJob {
            id: self.next_solve,
            school: self.doc.school.clone(),
            previous: self.doc.plan.clone(),
            time_limit_seconds: self.solve_seconds,
            cancel: self.solve_cancel.clone(),
            fresh,
        }));
    }

    fn on_solved(&mut self, result: SolveResult) {
        // A cancelled solve's result comes back too: drop it.
        if self.solving.map(|s| s.id) != Some(result.id) {
            return;
        }
        self.solving = None;
        if !result.violations.is_empty() {
            self.message = Some(fill(
                self.text.solve_failed_check,
                &[&result.violations.len()],
            ));
            return;
        }
        // A full re-optimisation, or a re-solve that could not keep a lock
        // or a choice made by hand, is shown before it replaces the plan.
        if result.fresh || !result.not_kept.is_empty() {
            self.review = Some(Review::new(
                Proposal::Resolve {
                    plan: Box::new(result.plan),
                    not_kept: result.not_kept,
                    fresh: result.fresh,
                },
                Vec::new(),
            ));
            self.message = None;
            return;
        }
        let unmet = result.plan.unmet().count();
        let status = self.text.solve_status(result.plan.solve.status);
        let plan = result.plan;
        let changes = review::changes_summary(&self.doc.plan, &plan, self.text);
        let compared = super::verdict::compare(&self.doc.plan, &plan, self.text);
        let unmet_before = compared
            .as_ref()
            .map(|_| self.doc.plan.unmet().count())
            .filter(|before| *before != unmet);
        let _ = self.doc.edit(self.text.edit_solve, |_, p| {
            *p = plan;
            Ok::<_, ()>(())
        });
        // Not the seconds: the status line counted them while solving, and
        // the comparison after this needs the room at 80 columns.
        let mut message = if unmet_before.is_some() {
            // The comparison says how many are unmet, before and after.
            fill(self.text.solve_done_short, &[&status])
        } else {
            fill(self.text.solve_done, &[&status, &unmet])
        };
        if changes.is_empty() {
            message.push_str(&compared.unwrap_or_default());
        } else {
            // A re-solve: how much changed says more than the objective.
            message.push_str(self.text.clause_sep);
            message.push_str(&changes);
        }
        message.push_str(self.text.solve_undo_hint);
        self.message = Some(message);
    }
}
