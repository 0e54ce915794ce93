//! Reading and writing `*.school.ron` and `*.plan.ron`: versioned, with errors
//! that say file, line and column, and saves that never leave a damaged file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use kehou_solver::model::SCHOOL_FORMAT_VERSION;
use kehou_solver::plan::PLAN_FORMAT_VERSION;
use kehou_solver::{Plan, School};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Why a file could not be read or written, in words for the person who has to fix it.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{path}: this {what} file has no `version` field; add `version: {current},` at the top (see docs/data-format.md)")]
    NoVersion {
        path: PathBuf,
        what: &'static str,
        current: u32,
    },
    #[error("{path}: this {what} file is format version {found}, newer than this kehou understands (up to {current}); update kehou to open it")]
    TooNew {
        path: PathBuf,
        what: &'static str,
        found: u32,
        current: u32,
    },
    #[error("{path}: cannot save: {source}; the previous file is unchanged")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot turn the {what} into RON: {message}")]
    Encode { what: &'static str, message: String },
}

/// Just the version, read before the rest so an unknown version gets its own message.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: u32,
}

pub fn load_school(path: &Path) -> Result<School, FileError> {
    load(path, "school", SCHOOL_FORMAT_VERSION)
}

pub fn load_plan(path: &Path) -> Result<Plan, FileError> {
    load(path, "plan", PLAN_FORMAT_VERSION)
}

pub fn parse_school(path: &Path, text: &str) -> Result<School, FileError> {
    parse(path, text, "school", SCHOOL_FORMAT_VERSION)
}

pub fn save_school(path: &Path, school: &School) -> Result<(), FileError> {
    write_atomic(path, to_ron(school, "school")?.as_bytes(), &mut plain_write)
}

pub fn save_plan(path: &Path, plan: &Plan) -> Result<(), FileError> {
    write_atomic(path, to_ron(plan, "plan")?.as_bytes(), &mut plain_write)
}

/// The RON text kehou writes: pretty, stable, with a trailing newline.
pub fn to_ron<T: Serialize>(value: &T, what: &'static str) -> Result<String, FileError> {
    // `implicit_some` lets people write `fallback: "r101"` rather than `Some("r101")`.
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .indentor("  ".to_owned())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    ron::ser::to_string_pretty(value, config)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| FileError::Encode {
            what,
            message: e.to_string(),
        })
}

fn load<T: DeserializeOwned>(
    path: &Path,
    what: &'static str,
    current: u32,
) -> Result<T, FileError> {
    let text = fs::read_to_string(path).map_err(|source| FileError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse(path, &text, what, current)
}

fn parse<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    what: &'static str,
    current: u32,
) -> Result<T, FileError> {
    let syntax = |e: ron::error::SpannedError| FileError::Syntax {
        path: path.to_owned(),
        line: e.position.line,
        col: e.position.col,
        message: explain(&e.code),
    };
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let probe: VersionProbe = options.from_str(text).map_err(syntax)?;
    match probe.version {
        0 => {
            return Err(FileError::NoVersion {
                path: path.to_owned(),
                what,
                current,
            })
        }
        v if v > current => {
            return Err(FileError::TooNew {
                path: path.to_owned(),
                what,
                found: v,
                current,
            });
        }
        _ => {}
    }
    options.from_str(text).map_err(syntax)
}

/// ron's messages, with a hint where the usual mistake is known.
fn explain(code: &ron::Error) -> String {
    let base = code.to_string();
    match code {
        ron::Error::NoSuchStructField { .. } => {
            format!("{base} (check the spelling against docs/data-format.md)")
        }
        ron::Error::MissingStructField { field, .. } => format!("{base}; add `{field}: …`"),
        _ => base,
    }
}

/// Writes `bytes` to `path` so that a crash or a full disk at any moment
/// leaves either the old file or the new one, never a mix: the new text goes to
/// a temporary file beside it and is flushed to disk; the old file is copied to
/// `PATH.bak`; then a rename (atomic on one file system) puts the new file in place.
///
/// `write` does the writing of the temporary file; tests pass one that fails midway.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    write: &mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), FileError> {
    let fail = |source| FileError::Write {
        path: path.to_owned(),
        source,
    };
    let tmp = sibling(path, ".tmp");
    let result = (|| {
        let mut file = File::create(&tmp)?;
        write(&mut file, bytes)?;
        file.sync_all()?;
        drop(file);
        if path.exists() {
            let bak_tmp = sibling(path, ".bak.tmp");
            fs::copy(path, &bak_tmp)?;
            File::open(&bak_tmp)?.sync_all()?;
            fs::rename(&bak_tmp, backup_path(path))?;
        }
        fs::rename(&tmp, path)?;
        sync_dir(path);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

fn plain_write(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.flush()
}

/// Where the previous version of `path` is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}{suffix}"))
}

/// Makes the rename itself durable; a no-op where directories cannot be opened.
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_that_fails_midway_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.plan.ron");
        fs::write(&path, "old contents").unwrap();
        let mut half_then_disk_full = |f: &mut File, b: &[u8]| -> io::Result<()> {
            f.write_all(&b[..b.len() / 2])?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        };
        let err = write_atomic(
            &path,
            b"new contents, much longer",
            &mut half_then_disk_full,
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("previous file is unchanged"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "old contents");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            leftovers.len(),
            1,
            "temporary file left behind: {leftovers:?}"
        );
    }

    #[test]
    fn a_save_keeps_the_previous_file_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.school.ron");
        write_atomic(&path, b"first", &mut plain_write).unwrap();
        assert!(!backup_path(&path).exists());
        write_atomic(&path, b"second", &mut plain_write).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "first");
    }

    #[test]
    fn versions_are_checked_before_anything_else() {
        let p = Path::new("s.school.ron");
        let err = parse_school(p, "(version: 9, name: \"x\")").unwrap_err();
        assert!(err.to_string().contains("format version 9, newer"), "{err}");
        let err = parse_school(p, "(version: 0)").unwrap_err();
        assert!(err.to_string().contains("no `version` field"), "{err}");
        let err = parse_school(p, "(version: 0, name: \"x\")").unwrap_err();
        assert!(err.to_string().contains("no `version` field"), "{err}");
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = parse_school(
            Path::new("s.school.ron"),
            "(\n  version: 1,\n  name: \"x\"\n  term: ,\n)",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("s.school.ron:4:"), "{msg}");
    }
}
