//! When a search must stop: at a time, or as soon as the caller cancels (the
//! terminal UI's Esc). The solver reads no clock of its own beyond `Instant`
//! for its time limit; cancelling is a flag the caller sets from its thread.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A handle the caller keeps to stop a running solve early. Clones share the
/// flag: give one to `SolveOptions::cancel` and call `cancel` on the other.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Asks the solve to stop at its next check (within about a second; a
    /// running backend solve is not interrupted, only not followed by another).
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// A time to stop by, and the caller's cancel flag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline<'a> {
    at: Instant,
    cancel: Option<&'a Cancel>,
}

impl<'a> Deadline<'a> {
    pub fn new(at: Instant, cancel: Option<&'a Cancel>) -> Deadline<'a> {
        Deadline { at, cancel }
    }

    /// The same cancel flag with an earlier time (a phase's share of the limit).
    pub fn at(self, at: Instant) -> Deadline<'a> {
        Deadline {
            at: at.min(self.at),
            ..self
        }
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.is_some_and(Cancel::is_cancelled)
    }

    /// Time is up or the caller cancelled.
    pub fn passed(&self) -> bool {
        self.cancelled() || Instant::now() >= self.at
    }

    /// Is there `margin` left before the deadline (and no cancel)?
    pub fn has(&self, margin: Duration) -> bool {
        !self.cancelled() && Instant::now() + margin < self.at
    }

    /// Seconds left; 0 once cancelled.
    pub fn seconds_left(&self) -> f64 {
        if self.cancelled() {
            return 0.0;
        }
        self.at
            .saturating_duration_since(Instant::now())
            .as_secs_f64()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancel_passes_every_deadline_sharing_the_flag() {
        let cancel = Cancel::new();
        let near = Instant::now() + Duration::from_secs(3540);
        let deadline = Deadline::new(near + Duration::from_secs(60), Some(&cancel));
        let phase = deadline.at(near);
        assert!(!deadline.passed() && !phase.passed());
        assert!(phase.seconds_left() > 3000.0);
        cancel.clone().cancel();
        assert!(deadline.passed() && phase.passed());
        assert!(!phase.has(Duration::ZERO));
        assert_eq!(phase.seconds_left(), 0.0);
    }

    #[test]
    fn without_a_flag_only_time_passes() {
        let past = Instant::now();
        assert!(Deadline::new(past, None).passed());
        let soon = Deadline::new(Instant::now() + Duration::from_secs(3600), None);
        assert!(!soon.passed() && !soon.cancelled());
    }
}
