//! Saving a school and its plan together, as the terminal UI's Ctrl-S does:
//! both change or neither, and never over a change someone else made.
//!
//! Under the locks of both files, the files on disk are compared with what
//! was loaded (compare-before-replace); then both new files are written in
//! full and flushed (a full disk stops here, with nothing changed) before
//! either is renamed into place. If the plan's rename fails after the
//! school's, the previous school is put back; only if that too fails is one
//! saved without the other, and the error says which and how to recover.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use kehou_solver::{Plan, School};

use super::atomic::{backup_generation, backup_generations, Staged};
use super::lock::Locks;
use super::{to_ron, Digest, FileError};

/// What the two files held when they were loaded (or last saved).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnDisk {
    pub school: Digest,
    pub plan: Digest,
}

/// Why a pair was not saved, or only half.
#[derive(Debug, thiserror::Error)]
pub enum PairError {
    /// Someone changed a file since it was loaded; nothing was saved.
    #[error("changed on disk since loaded (school: {school}, plan: {plan}); nothing was saved")]
    Changed { school: bool, plan: bool },
    /// Nothing was saved.
    #[error("{0}")]
    NotSaved(FileError),
    /// The school was saved, the plan was not, and the previous school could
    /// not be put back: the plan on disk is now stale.
    #[error("saved {school} but not {plan} ({error}); the previous school is in {backup}")]
    Half {
        school: PathBuf,
        plan: PathBuf,
        backup: PathBuf,
        error: Box<FileError>,
    },
}

/// Saves both files (see the module's comment); `expected` is what the UI
/// loaded, `None` to save whatever is on disk. Returns what is on disk now.
pub fn save_pair(
    school_path: &Path,
    school: &School,
    plan_path: &Path,
    plan: &Plan,
    expected: Option<OnDisk>,
    wait: Duration,
) -> Result<OnDisk, PairError> {
    let mut write = |f: &mut File, b: &[u8]| f.write_all(b);
    save_pair_with(
        (school_path, school),
        (plan_path, plan),
        expected,
        wait,
        &mut write,
        &mut |staged| staged.commit(backup_generations()),
    )
}

type Commit<'a> = dyn FnMut(Staged) -> io::Result<()> + 'a;

/// [`save_pair`], with the writing of the temporary files and the plan's
/// commit passed in, so tests can fill the disk or fail the rename.
pub fn save_pair_with(
    (school_path, school): (&Path, &School),
    (plan_path, plan): (&Path, &Plan),
    expected: Option<OnDisk>,
    wait: Duration,
    write: &mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>,
    commit_plan: &mut Commit<'_>,
) -> Result<OnDisk, PairError> {
    let school_bytes = to_ron(school, "school").map_err(PairError::NotSaved)?;
    let plan_bytes = to_ron(plan, "plan").map_err(PairError::NotSaved)?;
    let _locks = Locks::acquire(&[school_path, plan_path], wait, &mut |_| {})
        .map_err(|e| PairError::NotSaved(e.into()))?;
    let read_error = |path: &Path| {
        let path = path.to_owned();
        move |source| PairError::NotSaved(FileError::Read { path, source })
    };
    if let Some(expected) = expected {
        let school_now = Digest::of_file(school_path).map_err(read_error(school_path))?;
        let plan_now = Digest::of_file(plan_path).map_err(read_error(plan_path))?;
        if school_now != expected.school || plan_now != expected.plan {
            return Err(PairError::Changed {
                school: school_now != expected.school,
                plan: plan_now != expected.plan,
            });
        }
    }
    let write_error = |path: &Path| {
        let path = path.to_owned();
        move |source| PairError::NotSaved(FileError::Write { path, source })
    };
    let school_staged = Staged::new(school_path, school_bytes.as_bytes(), write)
        .map_err(write_error(school_path))?;
    let plan_staged =
        Staged::new(plan_path, plan_bytes.as_bytes(), write).map_err(write_error(plan_path))?;
    let school_target = school_staged.target().to_owned();
    let school_existed = school_target.is_file();
    school_staged
        .commit(backup_generations())
        .map_err(write_error(school_path))?;
    if let Err(source) = commit_plan(plan_staged) {
        let error = FileError::Write {
            path: plan_path.to_owned(),
            source,
        };
        let backup = backup_generation(&school_target, 0);
        return match put_back(&school_target, school_existed.then_some(&backup)) {
            Ok(()) => Err(PairError::NotSaved(error)),
            Err(_) => Err(PairError::Half {
                school: school_path.to_owned(),
                plan: plan_path.to_owned(),
                backup,
                error: Box::new(error),
            }),
        };
    }
    Ok(OnDisk {
        school: Digest::of_bytes(school_bytes.as_bytes()),
        plan: Digest::of_bytes(plan_bytes.as_bytes()),
    })
}

/// Puts the previous version of `target` back from `backup`, atomically and
/// without touching the backups; a file that was new is removed.
fn put_back(target: &Path, backup: Option<&PathBuf>) -> io::Result<()> {
    match backup {
        None => std::fs::remove_file(target),
        Some(backup) => {
            let old = std::fs::read(backup)?;
            let mut write = |f: &mut File, b: &[u8]| f.write_all(b);
            Staged::new(target, &old, &mut write)?.commit(0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> (School, Plan) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/valid/tiny.school.ron");
        let school = super::super::load_school(&path).unwrap();
        let plan = Plan::empty(school.fingerprint(), 1);
        (school, plan)
    }

    #[test]
    fn a_pair_saved_over_a_change_on_disk_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (sp, pp) = (
            dir.path().join("t.school.ron"),
            dir.path().join("t.plan.ron"),
        );
        let (school, plan) = tiny();
        let first = save_pair(&sp, &school, &pp, &plan, None, Duration::ZERO).unwrap();
        std::fs::write(&pp, "someone else's plan").unwrap();
        let err = save_pair(&sp, &school, &pp, &plan, Some(first), Duration::ZERO).unwrap_err();
        assert!(
            matches!(
                err,
                PairError::Changed {
                    school: false,
                    plan: true
                }
            ),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&pp).unwrap(), "someone else's plan");
    }

    /// A folder with an old school and plan in it.
    fn old_pair() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let sp = dir.path().join("t.school.ron");
        let pp = dir.path().join("t.plan.ron");
        std::fs::write(&sp, "old school").unwrap();
        std::fs::write(&pp, "old plan").unwrap();
        (dir, sp, pp)
    }

    fn unchanged(sp: &Path, pp: &Path) {
        assert_eq!(std::fs::read_to_string(sp).unwrap(), "old school");
        assert_eq!(std::fs::read_to_string(pp).unwrap(), "old plan");
    }

    #[test]
    fn a_full_disk_while_writing_the_plan_changes_neither_file() {
        let (_dir, sp, pp) = old_pair();
        let (school, plan) = tiny();
        let mut calls = 0;
        let mut second_fills_the_disk = |f: &mut File, b: &[u8]| {
            calls += 1;
            if calls == 2 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
            }
            f.write_all(b)
        };
        let err = save_pair_with(
            (&sp, &school),
            (&pp, &plan),
            None,
            Duration::ZERO,
            &mut second_fills_the_disk,
            &mut |s| s.commit(3),
        )
        .unwrap_err();
        assert!(matches!(err, PairError::NotSaved(_)), "{err}");
        unchanged(&sp, &pp);
    }

    #[test]
    fn a_failed_plan_rename_puts_the_previous_school_back() {
        let (_dir, sp, pp) = old_pair();
        let (school, plan) = tiny();
        let mut write = |f: &mut File, b: &[u8]| f.write_all(b);
        let err = save_pair_with(
            (&sp, &school),
            (&pp, &plan),
            None,
            Duration::ZERO,
            &mut write,
            &mut |_| Err(io::Error::other("rename failed")),
        )
        .unwrap_err();
        assert!(matches!(err, PairError::NotSaved(_)), "{err}");
        unchanged(&sp, &pp);
    }

    #[test]
    fn when_the_school_cannot_be_put_back_the_error_says_which_was_saved() {
        let (_dir, sp, pp) = old_pair();
        let (school, plan) = tiny();
        let backup = backup_generation(&sp, 0);
        let mut write = |f: &mut File, b: &[u8]| f.write_all(b);
        let err = save_pair_with(
            (&sp, &school),
            (&pp, &plan),
            None,
            Duration::ZERO,
            &mut write,
            &mut |_| {
                // The backup vanishes too: nothing to put back.
                std::fs::remove_file(&backup)?;
                Err(io::Error::other("rename failed"))
            },
        )
        .unwrap_err();
        match err {
            PairError::Half { school, plan, .. } => {
                assert_eq!((school, plan), (sp.clone(), pp.clone()));
            }
            other => panic!("{other}"),
        }
        assert_eq!(std::fs::read_to_string(&pp).unwrap(), "old plan");
        assert_ne!(std::fs::read_to_string(&sp).unwrap(), "old school");
    }
}
