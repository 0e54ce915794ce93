//! Driving the interface without a terminal, for tests and benchmarks: feed
//! keys through `update`, run effects synchronously (a solve blocks until it
//! is done), and draw on ratatui's `TestBackend`.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::app::App;
use super::doc::{plan_path_for, Doc};
use super::event::{Effect, Event};
use super::text::Lang;
use super::{ui, worker};
use crate::files;

/// The source tree's `data/…` file.
pub fn data_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(rel)
}

/// Opens a school file and its plan file (if present) as `kehou tui` does,
/// remembering what they held for the save's comparison.
pub fn open(school_path: &Path) -> Result<Doc, files::FileError> {
    let (school, school_digest) = files::read_school(school_path)?;
    let plan_path = plan_path_for(school_path);
    let (plan, plan_digest) = if plan_path.exists() {
        let (plan, digest) = files::read_plan(&plan_path)?;
        (Some(plan), digest)
    } else {
        (None, files::Digest::ABSENT)
    };
    let mut doc = Doc::new(school, plan, school_path.to_owned(), plan_path);
    doc.on_disk = Some(files::pair::OnDisk {
        school: school_digest,
        plan: plan_digest,
    });
    Ok(doc)
}

/// Runs a solve job to the end, as the worker thread would.
pub fn solve_now(job: super::event::SolveJob) -> super::event::SolveResult {
    worker::run_solve(job)
}

/// An app with effects run in place.
pub struct Harness {
    pub app: App,
    /// Set once an effect asked to quit.
    pub quit: bool,
}

impl Harness {
    pub fn new(doc: Doc, lang: Lang) -> Harness {
        Harness {
            app: App::new(doc, lang),
            quit: false,
        }
    }

    /// The demo school with its committed plan.
    pub fn demo(lang: Lang) -> Harness {
        Harness::new(
            open(&data_file("demo/demo.school.ron")).expect("the demo school and plan load"),
            lang,
        )
    }

    /// Sends an event and runs what it asks for, feeding results back.
    pub fn send(&mut self, event: Event) -> &mut Harness {
        let mut next = Some(event);
        while let Some(event) = next.take() {
            next = match self.app.update(event) {
                Some(Effect::Solve(job)) => Some(Event::Solved(worker::run_solve(job))),
                Some(Effect::Save(job)) => Some(Event::Saved(worker::run_save(&job))),
                Some(Effect::Repair(job)) => Some(Event::Repaired(worker::run_repair(job))),
                Some(Effect::Export(job)) => Some(Event::Exported(worker::run_export(job))),
                Some(Effect::RemoveAbsence(job)) => {
                    Some(Event::AbsenceRemoved(worker::run_remove_absence(job)))
                }
                Some(Effect::Quit) => {
                    self.quit = true;
                    None
                }
                None => None,
            };
        }
        self
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Harness {
        self.send(Event::key(code))
    }

    pub fn ctrl(&mut self, c: char) -> &mut Harness {
        self.send(Event::ctrl(c))
    }

    /// Types every character of `keys` as a key press (`\t` is Tab, `\n` Enter, `\x1b` Esc).
    pub fn keys(&mut self, keys: &str) -> &mut Harness {
        for c in keys.chars() {
            let code = match c {
                '\t' => KeyCode::Tab,
                '\n' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            self.send(Event::Key(KeyEvent::new(code, modifiers)));
        }
        self
    }

    /// The screen as text, `width`×`height`, one line per row.
    pub fn render(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        terminal
            .draw(|frame| ui::render(&self.app, frame))
            .expect("drawing on a test backend");
        buffer_text(terminal.backend().buffer())
    }
}

/// A buffer's text, rows joined by newlines, trailing spaces kept (so
/// alignment shows in snapshots). The second cell of a double-width
/// character is skipped, as a terminal shows it.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = cell.symbol();
            out.push_str(sym);
            skip = super::widgets::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}
