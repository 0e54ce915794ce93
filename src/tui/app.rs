//! The interface's state and its one entry point for change, [`App::update`]:
//! an event in, at most one effect out. The frame's own keys (screens, help,
//! save, undo, solve, quit) are here; everything else goes to the screen.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::doc::Doc;
use super::event::{Effect, Event, SolveJob, SolveResult};
use super::screens::{Cx, Handled, ScreenId, Screens, View};
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
    /// The running solve's cancel flag (Esc sets it).
    solve_cancel: kehou_solver::milp::Cancel,
    /// The time limit given to solves started here.
    pub solve_seconds: f64,
    /// The clock as of the last event (ticks keep it moving while solving).
    pub now: Instant,
    pub saving: bool,
    /// A save found the files changed on disk: the dialog of `disk.rs`.
    pub disk_changed: Option<Box<super::disk::Changed>>,
    pub quit: bool,
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
            solve_cancel: kehou_solver::milp::Cancel::new(),
            solve_seconds,
            now: Instant::now(),
            saving: false,
            disk_changed: None,
            quit: false,
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

    /// The one way anything changes.
    pub fn update(&mut self, event: Event) -> Option<Effect> {
        self.now = Instant::now();
        match event {
            Event::Key(key) => self.on_key(key),
            Event::Resize(..) | Event::Tick => None,
            Event::Solved(result) => {
                self.on_solved(result);
                None
            }
            Event::Saved(result) => self.on_saved(result),
            Event::Exported(result) => {
                self.message = Some(self.screens.export.on_exported(result, self.text));
                None
            }
            Event::AbsenceRemoved(result) => {
                if let Some(m) = self.screens.cover.on_removed(result, self.text) {
                    self.message = Some(m);
                }
                None
            }
            Event::Repaired(result) => {
                if let Some(m) = self.screens.rota.on_repaired(result, self.text) {
                    self.message = Some(m);
                }
                None
            }
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind == crossterm::event::KeyEventKind::Release {
            return None;
        }
        if let Some((esc, key)) = split_alt(key) {
            // Esc then a key, typed faster than the terminal tells apart.
            return self.on_key(esc).or_else(|| self.on_key(key));
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
                return None;
            }
            Some(Overlay::ConfirmQuit) => {
                return match key.code {
                    KeyCode::Char('y' | 'Y') => Some(self.quit_now()),
                    KeyCode::Char('s' | 'S') => {
                        self.overlay = None;
                        Some(self.save_job(true, false))
                    }
                    KeyCode::Esc | KeyCode::Char('n' | 'N') => {
                        self.overlay = None;
                        None
                    }
                    _ => None,
                };
            }
            None => {}
        }
        if ctrl {
            match key.code {
                KeyCode::Char('c') => return self.ask_quit(),
                KeyCode::Char('s') => return Some(self.save_job(false, false)),
                KeyCode::Char('z') if !self.capturing() => {
                    self.undo();
                    return None;
                }
                KeyCode::Char('r' | 'y') if !self.capturing() => {
                    self.redo();
                    return None;
                }
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
                    return None;
                }
                KeyCode::Char('q') => return self.ask_quit(),
                KeyCode::Char('u') => {
                    self.undo();
                    return None;
                }
                KeyCode::Char('S') => return self.solve(),
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
        let (mut goto, mut effect) = (None, None);
        let handled = {
            let mut cx = Cx {
                doc: &mut self.doc,
                text: self.text,
                message: &mut self.message,
                goto: &mut goto,
                effect: &mut effect,
                today: self.today,
            };
            self.screens.get_mut(self.screen).handle_key(key, &mut cx)
        };
        if let Some(id) = goto {
            self.screen = id;
        }
        if effect.is_some() {
            return effect;
        }
        if handled == Handled::No && key.code == KeyCode::Esc {
            if self.solving.take().is_some() {
                self.solve_cancel.cancel();
                self.message = Some(self.text.solve_cancelled.to_owned());
            } else {
                self.message = None;
            }
        }
        None
    }

    fn capturing(&self) -> bool {
        self.screens.get(self.screen).capturing()
    }

    fn go(&mut self, id: ScreenId) -> Option<Effect> {
        self.screen = id;
        None
    }

    fn ask_quit(&mut self) -> Option<Effect> {
        if self.doc.dirty() {
            self.overlay = Some(Overlay::ConfirmQuit);
            None
        } else {
            Some(self.quit_now())
        }
    }

    pub(super) fn quit_now(&mut self) -> Effect {
        self.quit = true;
        Effect::Quit
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

    fn solve(&mut self) -> Option<Effect> {
        if self.solving.is_some() {
            self.message = Some(self.text.solve_running_already.to_owned());
            return None;
        }
        if self.doc.errors() > 0 {
            self.message = Some(self.text.solve_blocked_by_errors.to_owned());
            return None;
        }
        self.next_solve += 1;
        self.solving = Some(Solving {
            id: self.next_solve,
            started: self.now,
            limit_seconds: self.solve_seconds,
        });
        self.message = None;
        self.solve_cancel = kehou_solver::milp::Cancel::new();
        Some(Effect::Solve(SolveJob {
            id: self.next_solve,
            school: self.doc.school.clone(),
            previous: self.doc.plan.clone(),
            time_limit_seconds: self.solve_seconds,
            cancel: self.solve_cancel.clone(),
        }))
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
        let unmet = result.plan.unmet().count();
        let status = self.text.solve_status(result.plan.solve.status);
        let plan = result.plan;
        let compared = super::verdict::compare(&self.doc.plan, &plan, self.text);
        let unmet_before = compared
            .as_ref()
            .map(|_| self.doc.plan.unmet().count())
            .filter(|before| *before != unmet);
        let _ = self.doc.edit(self.text.edit_solve, |_, p| {
            *p = plan;
            Ok::<_, ()>(())
        });
        let seconds = format!("{:.1}", result.seconds);
        let mut message = if unmet_before.is_some() {
            // The comparison says how many are unmet, before and after.
            fill(self.text.solve_done_short, &[&seconds, &status])
        } else {
            fill(self.text.solve_done, &[&seconds, &status, &unmet])
        };
        message.push_str(&compared.unwrap_or_default());
        message.push_str(self.text.solve_undo_hint);
        self.message = Some(message);
    }
}
