//! SIGTERM, SIGHUP and SIGINT (a `kill`, a closed terminal window, a logout;
//! Ctrl-C itself is a key in raw mode, not a signal) end the
//! interface like `q` does: the loop notices within a tick, and the terminal
//! is restored — no raw mode, no hidden cursor, no alternate screen left
//! behind. The handlers only set a flag (signal-hook), nothing else runs in
//! signal context.

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Which signal arrived, if any.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicUsize>);

impl Stop {
    pub fn received(&self) -> Option<&'static str> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            #[cfg(unix)]
            n if n == signal_hook::consts::SIGHUP as usize => Some("SIGHUP"),
            #[cfg(unix)]
            n if n == signal_hook::consts::SIGINT as usize => Some("SIGINT"),
            _ => Some("SIGTERM"),
        }
    }
}

/// Starts watching for SIGTERM, SIGHUP and SIGINT (where there are such signals).
pub fn watch() -> io::Result<Stop> {
    let stop = Stop::default();
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop.0), signal as usize)?;
    }
    Ok(stop)
}

/// Debug builds only, for the end-to-end test that a panic restores the
/// terminal: F12 panics when `KEHOU_TEST_PANIC` is set.
pub fn test_panic(key: crossterm::event::KeyEvent) {
    if cfg!(debug_assertions)
        && key.code == crossterm::event::KeyCode::F(12)
        && std::env::var_os("KEHOU_TEST_PANIC").is_some()
    {
        panic!("KEHOU_TEST_PANIC: a panic on purpose, to test that the terminal is restored");
    }
}
