//! The machine's second core (docs/model.md §6): one job at a time runs
//! on it beside the search — the band's roster proof first, where there
//! is one, then phase 2's full solve for the time left.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Instant;

/// The spare core, and who holds it.
#[derive(Default)]
pub(crate) struct SpareCore {
    /// Disconnected once the job holding the core ends.
    held: Option<mpsc::Receiver<()>>,
}

/// A job's hold on the spare core: the core is free again once it is
/// dropped (when the job's thread ends, even by a panic).
pub(crate) struct Hold(#[allow(dead_code)] mpsc::Sender<()>);

impl SpareCore {
    /// Holds the core for one job until the `Hold` is dropped.
    pub(crate) fn hold(&mut self) -> Hold {
        let (hold, held) = mpsc::channel();
        self.held = Some(held);
        Hold(hold)
    }

    /// Waits until the core is free, or `until`: whether it is free.
    pub(crate) fn wait(self, until: Instant) -> bool {
        match self.held {
            None => true,
            Some(held) => matches!(
                held.recv_timeout(until.saturating_duration_since(Instant::now())),
                Err(RecvTimeoutError::Disconnected)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SpareCore;
    use std::time::{Duration, Instant};

    #[test]
    fn a_held_core_is_free_once_its_job_ends() {
        assert!(SpareCore::default().wait(Instant::now()), "nobody holds it");
        let mut core = SpareCore::default();
        let hold = core.hold();
        let job = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(hold);
        });
        let started = Instant::now();
        assert!(core.wait(Instant::now() + Duration::from_secs(10)));
        assert!(started.elapsed() >= Duration::from_millis(40));
        job.join().unwrap();

        let mut core = SpareCore::default();
        let _hold = core.hold();
        let soon = Instant::now() + Duration::from_millis(30);
        assert!(!core.wait(soon), "still held at the deadline");
    }
}
