//! Advisory locks around a read-modify-write of a school or plan file, so
//! that two kehou processes changing one plan at once (two sick calls at
//! the same minute) never lose a change: the second waits, then reads the
//! first one's result.
//!
//! The lock is taken on a small file of its own beside the file it guards,
//! `.NAME.lock`, never on the file itself: a save renames a new file over
//! the old one, so a lock on the old one would guard nothing afterwards.
//! The lock files stay (removing one would let two processes lock two
//! different files of the same name); they are empty. Locks are `flock`s
//! (fs4), released by the kernel when the process ends, even on kill -9.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::atomic::resolve;

/// How long a command waits for another kehou to finish with a file, when
/// `KEHOU_LOCK_WAIT` (seconds) says nothing.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(120);

/// Held locks on one or more files; dropping it releases them.
#[derive(Debug)]
pub struct Locks {
    held: Vec<(PathBuf, File)>,
}

/// Why a lock could not be had.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path}: another kehou has been changing this file for {seconds} s (a command waiting for its answer, a solve, or a save); nothing was changed: try again once it has finished")]
    Busy { path: PathBuf, seconds: u64 },
    #[error("{path}: cannot save: the folder {} does not exist; create it, or give another path; nothing was changed", .folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{path}: cannot lock the file against a second kehou ({lock}: {source}); nothing was changed")]
    Io {
        path: PathBuf,
        lock: PathBuf,
        source: io::Error,
    },
}

/// How long to wait: `KEHOU_LOCK_WAIT` in seconds, else [`DEFAULT_WAIT`].
pub fn wait_setting() -> Duration {
    std::env::var("KEHOU_LOCK_WAIT")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(DEFAULT_WAIT, Duration::from_secs)
}

/// The lock file that guards `path` (after symlinks): `.NAME.lock` beside it.
pub fn lock_path(path: &Path) -> io::Result<PathBuf> {
    let target = resolve(path)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(target.with_file_name(format!(".{name}.lock")))
}

impl Locks {
    /// Locks every file of `paths` exclusively, waiting up to `wait` for each;
    /// `waiting` is called once if another process holds one of them, so the
    /// caller can say why nothing happens. Locks are always taken in the
    /// same order (by lock file), so two processes locking the same pair
    /// never wait for each other forever.
    pub fn acquire(
        paths: &[&Path],
        wait: Duration,
        waiting: &mut dyn FnMut(&Path),
    ) -> Result<Locks, LockError> {
        let mut wanted: Vec<(PathBuf, PathBuf)> = Vec::new();
        for path in paths {
            let lock = lock_path(path).map_err(|source| LockError::Io {
                path: path.to_path_buf(),
                lock: path.to_path_buf(),
                source,
            })?;
            wanted.push((lock, path.to_path_buf()));
        }
        wanted.sort();
        wanted.dedup_by(|a, b| a.0 == b.0);
        let mut held = Vec::new();
        let mut told = false;
        for (lock, path) in wanted {
            let io_error = |source| LockError::Io {
                path: path.clone(),
                lock: lock.clone(),
                source,
            };
            if let Some(folder) = lock
                .parent()
                .filter(|d| !d.as_os_str().is_empty() && !d.is_dir())
            {
                return Err(LockError::NoFolder {
                    path,
                    folder: folder.to_owned(),
                });
            }
            let file = open_lock_file(&lock).map_err(io_error)?;
            let started = Instant::now();
            loop {
                match fs4::FileExt::try_lock(&file) {
                    Ok(()) => break,
                    Err(fs4::TryLockError::WouldBlock) => {
                        if !told {
                            waiting(&path);
                            told = true;
                        }
                        if started.elapsed() >= wait {
                            return Err(LockError::Busy {
                                path,
                                seconds: wait.as_secs(),
                            });
                        }
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    Err(fs4::TryLockError::Error(e)) => return Err(io_error(e)),
                }
            }
            held.push((lock, file));
        }
        Ok(Locks { held })
    }

    /// The lock files held, for tests.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.held.iter().map(|(p, _)| p.as_path())
    }
}

impl Drop for Locks {
    fn drop(&mut self) {
        for (_, file) in &self.held {
            let _ = fs4::FileExt::unlock(file);
        }
    }
}

/// Opens the lock file for reading (a lock needs no write access), creating
/// it first if missing. Creation is exclusive, so a symlink planted under
/// the lock file's name is never followed to create a file elsewhere; an
/// existing one is only ever opened for reading and locked.
fn open_lock_file(lock: &Path) -> io::Result<File> {
    if let Err(e) = OpenOptions::new().write(true).create_new(true).open(lock) {
        if e.kind() != io::ErrorKind::AlreadyExists {
            return Err(e);
        }
    }
    File::open(lock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_locker_waits_and_then_says_the_file_is_busy() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("x.plan.ron");
        let first = Locks::acquire(&[&plan], Duration::ZERO, &mut |_| {}).unwrap();
        let mut told = Vec::new();
        let err = Locks::acquire(&[&plan], Duration::from_millis(60), &mut |p| {
            told.push(p.to_owned());
        })
        .unwrap_err();
        assert_eq!(told, std::slice::from_ref(&plan));
        assert!(err.to_string().contains("another kehou"), "{err}");
        drop(first);
        let again = Locks::acquire(&[&plan], Duration::ZERO, &mut |_| {}).unwrap();
        assert_eq!(
            again.files().collect::<Vec<_>>(),
            [dir.path().join(".x.plan.ron.lock")]
        );
    }

    #[test]
    fn a_pair_is_locked_in_one_order_and_once_per_file() {
        let dir = tempfile::tempdir().unwrap();
        let (s, p) = (
            dir.path().join("b.school.ron"),
            dir.path().join("a.plan.ron"),
        );
        let locks = Locks::acquire(&[&s, &p, &s], Duration::ZERO, &mut |_| {}).unwrap();
        let files: Vec<_> = locks.files().map(Path::to_owned).collect();
        assert_eq!(
            files,
            [
                dir.path().join(".a.plan.ron.lock"),
                dir.path().join(".b.school.ron.lock")
            ]
        );
    }
}
