//! Replacing a file so that a crash, a full disk, a second kehou or a hostile
//! folder never leaves a damaged or foreign file in its place (SQLite's and
//! git's habits):
//!
//! - the new bytes go to a temporary file created exclusively (`O_EXCL`:
//!   never an existing file, never through a symlink planted under its name)
//!   with a name no other writer uses, beside the target so the rename stays
//!   on one file system; it is flushed to disk before anything else changes;
//! - the file it replaces keeps its permissions, and is kept as the newest
//!   backup generation (`NAME.bak`, older ones `NAME.bak.1` …);
//! - a rename puts the new file in place and the folder is flushed, so the
//!   rename itself survives a power cut;
//! - a symlink stays a symlink: the file written is the one it points to.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// How many backup generations a save keeps when `KEHOU_BACKUPS` says nothing.
pub const DEFAULT_BACKUPS: usize = 3;
/// The most generations `KEHOU_BACKUPS` may ask for.
pub const MAX_BACKUPS: usize = 9;

/// How many backups to keep: `KEHOU_BACKUPS` (1 to 9), else 3. A value out
/// of range is brought into it rather than refused: a backup setting must
/// never stop a save.
pub fn backup_generations() -> usize {
    std::env::var("KEHOU_BACKUPS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(DEFAULT_BACKUPS, |n| n.clamp(1, MAX_BACKUPS))
}

/// The file a write to `path` really changes: `path` itself, or, for a
/// symlink (or a chain of them), the file it finally points to, which need
/// not exist yet. Gives up after 40 links, as the kernel does.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many symbolic links in a chain (a loop?)",
        path.display()
    )))
}

/// Where generation `n` of the backups of `path` is: `NAME.bak` for 0,
/// `NAME.bak.1` for 1, and so on.
pub fn backup_generation(path: &Path, n: usize) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    if n == 0 {
        s.push(".bak");
    } else {
        s.push(format!(".bak.{n}"));
    }
    PathBuf::from(s)
}

/// A new file's bytes, on disk beside its target but not yet in its place.
/// Dropped without [`Staged::commit`], the temporary file is removed.
#[derive(Debug)]
pub struct Staged {
    target: PathBuf,
    tmp: Option<PathBuf>,
}

impl Staged {
    /// Writes `bytes` to a new temporary file beside the file `path` stands
    /// for (after symlinks) and flushes it to disk. `write` does the writing;
    /// tests pass one that fails midway.
    pub fn new(
        path: &Path,
        bytes: &[u8],
        write: &mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>,
    ) -> io::Result<Staged> {
        let target = resolve(path)?;
        let (tmp, mut file) = create_unique(&target, "tmp")?;
        let staged = Staged {
            target,
            tmp: Some(tmp),
        };
        write(&mut file, bytes)?;
        file.flush()?;
        // The replaced file's permissions, so a save never opens up (or
        // locks out) a file someone had set.
        if let Ok(meta) = fs::metadata(&staged.target) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        Ok(staged)
    }

    /// The file that will be replaced.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Keeps the current file as the newest of `generations` backups (none
    /// for 0) and renames the new one into its place.
    pub fn commit(mut self, generations: usize) -> io::Result<()> {
        let Some(tmp) = self.tmp.clone() else {
            return Ok(());
        };
        // Generation 0 is for putting a file back: no backup of the undone file.
        if generations > 0 && self.target.is_file() {
            keep_backup(&self.target, generations)?;
        }
        fs::rename(&tmp, &self.target)?;
        self.tmp = None;
        sync_dir(&self.target);
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// Shifts the backups one generation older (the oldest falls off) and copies
/// `target` to `NAME.bak`, through a temporary file so `NAME.bak` too is
/// always whole.
fn keep_backup(target: &Path, generations: usize) -> io::Result<()> {
    let generations = generations.max(1);
    for n in (1..generations).rev() {
        let older = backup_generation(target, n - 1);
        if older.exists() {
            fs::rename(&older, backup_generation(target, n))?;
        }
    }
    let (tmp, mut file) = create_unique(target, "bak.tmp")?;
    let copied = (|| {
        let mut old = File::open(target)?;
        io::copy(&mut old, &mut file)?;
        if let Ok(meta) = old.metadata() {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        fs::rename(&tmp, backup_generation(target, 0))
    })();
    if copied.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    copied
}

/// A new, empty file beside `target` named `.NAME.<pid>.<stamp><n>.<suffix>`.
fn create_unique(target: &Path, suffix: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let pid = std::process::id();
    create_first((0..64).map(|_| {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        target.with_file_name(format!(".{name}.{pid}.{nanos:x}{n}.{suffix}"))
    }))
}

/// The first of `names` that can be created exclusively: if anything is
/// there already under a name (an old leftover, another writer's file, a
/// planted symlink) the next is tried, and the thing found is left alone.
fn create_first(names: impl Iterator<Item = PathBuf>) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for tmp in names {
        // `create_new` is O_CREAT|O_EXCL: it fails on a symlink, even one
        // that points nowhere, instead of following it.
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// Makes a rename in `path`'s folder durable; a no-op where folders cannot
/// be opened (Windows).
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(f: &mut File, b: &[u8]) -> io::Result<()> {
        f.write_all(b)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn backups_rotate_and_the_oldest_falls_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.plan.ron");
        for text in ["1", "2", "3", "4", "5"] {
            Staged::new(&path, text.as_bytes(), &mut plain)
                .unwrap()
                .commit(3)
                .unwrap();
        }
        let read = |p: PathBuf| fs::read_to_string(p).unwrap();
        assert_eq!(read(path.clone()), "5");
        assert_eq!(read(backup_generation(&path, 0)), "4");
        assert_eq!(read(backup_generation(&path, 1)), "3");
        assert_eq!(read(backup_generation(&path, 2)), "2");
        assert_eq!(
            names(dir.path()),
            [
                "x.plan.ron",
                "x.plan.ron.bak",
                "x.plan.ron.bak.1",
                "x.plan.ron.bak.2"
            ]
        );
    }

    #[test]
    fn an_uncommitted_stage_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.school.ron");
        fs::write(&path, "old").unwrap();
        drop(Staged::new(&path, b"new", &mut plain).unwrap());
        assert_eq!(names(dir.path()), ["x.school.ron"]);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_stays_a_symlink_and_its_target_is_written() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("s.school.ron");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("s.school.ron");
        std::os::unix::fs::symlink("real/s.school.ron", &link).unwrap();
        Staged::new(&link, b"new", &mut plain)
            .unwrap()
            .commit(2)
            .unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(backup_generation(&real, 0)).unwrap(),
            "old"
        );
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "permissions kept");
        assert_eq!(names(dir.path()), ["real", "s.school.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_under_a_temporary_name_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        let planted = dir.path().join(".x.plan.ron.1.tmp");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let dangling = dir.path().join(".x.plan.ron.2.tmp");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        let third = dir.path().join(".x.plan.ron.3.tmp");
        let (got, mut file) =
            create_first([planted.clone(), dangling.clone(), third.clone()].into_iter()).unwrap();
        file.write_all(b"temporary").unwrap();
        assert_eq!(got, third);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!dir.path().join("nowhere").exists());
        assert!(fs::symlink_metadata(&planted)
            .unwrap()
            .file_type()
            .is_symlink());
    }
}
