//! Driving the interface without a terminal, for tests and benchmarks: feed
//! keys through `update` with a clock the test moves, run effects in place
//! with the same [`Effect::run`] the event loop uses (a solve blocks until it
//! is done), and draw on ratatui's `TestBackend`.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    /// Set once the app asked to quit.
    pub quit: bool,
    /// The time every event is said to arrive at; [`Harness::wait`] moves it.
    pub clock: Instant,
}

impl Harness {
    pub fn new(doc: Doc, lang: Lang) -> Harness {
        let app = App::new(doc, lang);
        Harness {
            clock: app.now,
            app,
            quit: false,
        }
    }

    /// `update` at the harness's clock, without running the effects: for
    /// tests that look at what was asked for.
    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        let effects = self.app.update(event, self.clock);
        self.quit |= self.app.quit;
        effects
    }

    /// Lets `seconds` pass, then a clock tick arrives.
    pub fn wait(&mut self, seconds: u64) -> &mut Harness {
        self.clock += Duration::from_secs(seconds);
        self.send(Event::Tick)
    }

    /// The demo school with its committed plan.
    pub fn demo(lang: Lang) -> Harness {
        Harness::new(
            open(&data_file("demo/demo.school.ron")).expect("the demo school and plan load"),
            lang,
        )
    }

    /// Sends an event and runs what it asks for, feeding results back in
    /// the order asked, until nothing more is asked.
    pub fn send(&mut self, event: Event) -> &mut Harness {
        let mut events = VecDeque::from([event]);
        while let Some(event) = events.pop_front() {
            for effect in self.update(event) {
                events.push_back(effect.run());
            }
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
