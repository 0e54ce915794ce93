//! What every writing command does before it reads what it will change:
//! refuse an output that is one of its inputs (or a school or plan file of
//! the wrong kind), and lock the files of its read-modify-write so a second
//! kehou waits instead of losing a change.

use std::io::{self, Write};
use std::path::Path;

use crate::files::guard::{self, Output};
use crate::files::lock::{self, Locks};

/// Locks `paths`, saying once on `err` that another kehou has them when it
/// must wait. `None` (after saying why) when they could not be locked.
pub fn lock(paths: &[&Path], err: &mut dyn Write) -> io::Result<Option<Locks>> {
    let mut said = Ok(());
    let result = Locks::acquire(paths, lock::wait_setting(), &mut |path| {
        said = writeln!(
            err,
            "waiting: another kehou is changing {}; this one goes on once it has finished",
            path.display()
        );
    });
    said?;
    match result {
        Ok(locks) => Ok(Some(locks)),
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(None)
        }
    }
}

/// Whether `output` may be written (see [`guard::check`]); says why not.
pub fn output_ok(
    output: &Path,
    writing: Output,
    inputs: &[&Path],
    err: &mut dyn Write,
) -> io::Result<bool> {
    match guard::check(output, writing, inputs) {
        Ok(()) => Ok(true),
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(false)
        }
    }
}
