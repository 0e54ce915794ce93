//! What every writing command does before it reads what it will change:
//! refuse an output that is one of its inputs (or a school or plan file of
//! the wrong kind), and lock the files of its read-modify-write so a second
//! kehou waits instead of losing a change.

use std::io::{self, Write};
use std::path::Path;

use crate::files::guard::{self, Output};
use crate::files::lock::{self, Locks};
use crate::words::{errors, Lang};

/// Locks `paths`, saying once on `err` that another kehou has them when it
/// must wait. `None` (after saying why) when they could not be locked.
pub fn lock(paths: &[&Path], lang: Lang, err: &mut dyn Write) -> io::Result<Option<Locks>> {
    let mut said = Ok(());
    let result = Locks::acquire(paths, lock::wait_setting(), &mut |path| {
        let p = path.display();
        said = match lang {
            Lang::Zh => writeln!(err, "等待：另一个 kehou 正在修改 {p}；等它完成后继续"),
            Lang::En => writeln!(
                err,
                "waiting: another kehou is changing {p}; this one goes on once it has finished"
            ),
        };
    });
    said?;
    match result {
        Ok(locks) => Ok(Some(locks)),
        Err(e) => {
            writeln!(err, "{}", errors::lock(&e, lang))?;
            Ok(None)
        }
    }
}

/// Whether `output` may be written (see [`guard::check`]); says why not.
pub fn output_ok(
    output: &Path,
    writing: Output,
    inputs: &[&Path],
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<bool> {
    match guard::check(output, writing, inputs) {
        Ok(()) => Ok(true),
        Err(e) => {
            writeln!(err, "{}", errors::output(&e, lang))?;
            Ok(false)
        }
    }
}
