//! The terminal UI: `kehou` and `kehou tui SCHOOL`. Elm-shaped, after
//! ratatui's Elm-architecture page and gitui:
//!
//! - [`app::App`] is the whole state; [`app::App::update`] takes an
//!   [`event::Event`] (a key, a tick, a finished job) with the time it came
//!   in, and returns the [`event::Effect`]s (solve, save, repair, export)
//!   screens pushed onto its [`queue::Queue`]; [`event::Effect::run`] does
//!   one and returns its outcome as an event, here on a worker thread, in
//!   [`testing`] in place;
//! - [`ui::render`] draws a frame from the state alone;
//! - [`doc::Doc`] holds the school and plan with snapshot undo/redo, and
//!   re-runs validation and the checker after every change;
//! - [`worker`] has the slow work of each effect, and runs effects on threads;
//! - every word is in [`text`], in 简体中文 and English.
//!
//! So everything but [`run`] works on ratatui's `TestBackend`: see [`testing`].

pub mod app;
pub mod bench;
pub mod disk;
pub mod doc;
pub mod event;
pub mod queue;
mod save;
pub mod screens;
mod signals;
pub mod state;
pub mod testing;
pub mod text;
pub mod theme;
pub mod ui;
pub mod verdict;
pub mod widgets;
mod worker;

use std::io;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::event as term;
use ratatui::DefaultTerminal;

use app::App;
use event::Event;

/// How often the screen refreshes while nothing happens (the solve clock).
const TICK: Duration = Duration::from_millis(250);

/// Runs the interface on the real terminal until the user quits. The
/// terminal is put back as it was on return, on error, on panic
/// (`ratatui::try_init` wraps the panic hook color-eyre installed in `main`)
/// and when SIGTERM, SIGHUP or SIGINT ends kehou (`signals`).
pub fn run(app: App) -> io::Result<()> {
    let stop = signals::watch()?;
    let mut terminal = ratatui::try_init()?;
    let result = run_loop(&mut terminal, app, &stop);
    ratatui::try_restore()?;
    result?;
    match stop.received() {
        Some(name) => Err(io::Error::new(
            io::ErrorKind::Interrupted,
            format!("stopped by {name}; changes not saved with Ctrl-S are lost"),
        )),
        None => Ok(()),
    }
}

fn run_loop(terminal: &mut DefaultTerminal, mut app: App, stop: &signals::Stop) -> io::Result<()> {
    let (tx, rx) = mpsc::channel::<Event>();
    loop {
        // Checked at least every tick: a signal ends the loop within 250 ms,
        // and `run` restores the terminal on the way out.
        if stop.received().is_some() {
            return Ok(());
        }
        terminal.draw(|frame| ui::render(&app, frame))?;
        let mut events = Vec::new();
        if term::poll(TICK)? {
            match term::read()? {
                term::Event::Key(key) => {
                    signals::test_panic(key);
                    events.push(Event::Key(key));
                }
                term::Event::Resize(w, h) => events.push(Event::Resize(w, h)),
                _ => {}
            }
        } else {
            events.push(Event::Tick);
        }
        events.extend(rx.try_iter());
        for event in events {
            for effect in app.update(event, Instant::now()) {
                worker::spawn(effect, tx.clone());
            }
            if app.quit {
                return Ok(());
            }
        }
    }
}
