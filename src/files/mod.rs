//! Reading and writing `*.school.ron` and `*.plan.ron`: versioned, with errors
//! that say file, line and column (and where the previous version is), and
//! saves that never leave a damaged file.
//!
//! - [`decode`]: bytes to checked text (size, encoding, control characters);
//! - [`atomic`]: replacing a file: exclusive temporary file, backups, rename;
//! - [`lock`]: advisory locks around a command's read-modify-write;
//! - [`pair`]: a school and its plan saved together, both or neither;
//! - [`guard`]: refusing to write over a command's own inputs, or over a
//!   school or plan file with something else.

pub mod atomic;
pub mod decode;
pub mod guard;
pub mod lock;
pub mod pair;

use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use kehou_solver::model::SCHOOL_FORMAT_VERSION;
use kehou_solver::plan::PLAN_FORMAT_VERSION;
use kehou_solver::{Plan, School};
use serde::{Deserialize, Serialize};

/// Why a file could not be read or written, in words for the person who has to fix it.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path}: {problem}{}{}", empty_hint(.problem, .what), backup_hint(.backup.as_ref()))]
    Unreadable {
        path: PathBuf,
        problem: decode::Problem,
        /// "school" or "plan".
        what: &'static str,
        /// The newest backup of the file, if there is one.
        backup: Option<Backup>,
    },
    #[error("{path}:{line}:{col}: {}{}", explain(.code, .what), backup_hint(.backup.as_ref()))]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        /// What ron found wrong there.
        code: Box<ron::Error>,
        /// "school" or "plan".
        what: &'static str,
        backup: Option<Backup>,
    },
    #[error("{path}: `{field}` is {value}; it must be a finite number (or remove the line){}", backup_hint(.backup.as_ref()))]
    NotFinite {
        path: PathBuf,
        field: &'static str,
        value: f64,
        backup: Option<Backup>,
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
    #[error("{path} changed on disk since kehou read it (another kehou or an editor saved it); nothing was saved, so that change is not lost: open the file again and redo yours")]
    Changed { path: PathBuf },
    #[error(transparent)]
    Lock(#[from] lock::LockError),
    #[error(transparent)]
    Output(#[from] guard::OutputError),
    #[error("cannot turn the {what} into RON: {message}")]
    Encode { what: &'static str, message: String },
}

/// Just the version, read before the rest so an unknown version gets its own message.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: u32,
}

/// The newest backup of a file that could not be read, for its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    /// What the file is: "school" or "plan".
    pub what: &'static str,
}

fn empty_hint(problem: &decode::Problem, what: &str) -> String {
    if *problem == decode::Problem::Empty {
        format!(": it should hold a kehou {what}, starting with `(` and `version: …` (see docs/data-format.md)")
    } else {
        String::new()
    }
}

fn backup_hint(backup: Option<&Backup>) -> String {
    match backup {
        None => String::new(),
        Some(Backup { path, what }) => {
            let path = path.display();
            let check = if *what == "plan" {
                format!("kehou check SCHOOL {path}")
            } else {
                format!("kehou check {path}")
            };
            format!(
                "; the previous version is in {path}: `{check}` tells whether it is sound, and copying it over this file brings it back"
            )
        }
    }
}

/// The newest backup of `path` if there is one.
fn existing_backup(path: &Path, what: &'static str) -> Option<Backup> {
    let backup = backup_path(path);
    backup.is_file().then_some(Backup { path: backup, what })
}

/// What a file held when it was read (a hash of its bytes and their
/// number), or that it was not there: enough to tell, before replacing it,
/// whether someone else has changed it since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest(Option<(u64, u64)>);

impl Digest {
    /// No file at all.
    pub const ABSENT: Digest = Digest(None);

    pub fn of_bytes(bytes: &[u8]) -> Digest {
        // SipHash with fixed keys: the same bytes give the same digest
        // within one process, which is all a comparison needs.
        let mut hasher = std::hash::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Digest(Some((hasher.finish(), bytes.len() as u64)))
    }

    /// The digest of what is on disk at `path` now.
    pub fn of_file(path: &Path) -> io::Result<Digest> {
        match fs::read(path) {
            Ok(bytes) => Ok(Digest::of_bytes(&bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Digest::ABSENT),
            Err(e) => Err(e),
        }
    }
}

pub fn load_school(path: &Path) -> Result<School, FileError> {
    read_school(path).map(|(school, _)| school)
}

pub fn load_plan(path: &Path) -> Result<Plan, FileError> {
    read_plan(path).map(|(plan, _)| plan)
}

/// A school and the digest of the bytes it was read from.
pub fn read_school(path: &Path) -> Result<(School, Digest), FileError> {
    load(path, "school", SCHOOL_FORMAT_VERSION, read_school_text)
}

/// A plan and the digest of the bytes it was read from. Numbers must be
/// finite: a `gap: NaN` would poison every comparison made with it.
pub fn read_plan(path: &Path) -> Result<(Plan, Digest), FileError> {
    let (plan, digest) = load(path, "plan", PLAN_FORMAT_VERSION, read_plan_text)?;
    finite(path, &plan)?;
    Ok((plan, digest))
}

/// A plan from text, checked as [`read_plan`] checks a file.
pub fn parse_plan(path: &Path, text: &str) -> Result<Plan, FileError> {
    let text = decode::text(text.as_bytes()).map_err(|problem| FileError::Unreadable {
        path: path.to_owned(),
        problem,
        what: "plan",
        backup: None,
    })?;
    let plan = parse(path, text, "plan", PLAN_FORMAT_VERSION, read_plan_text)?;
    finite(path, &plan)?;
    Ok(plan)
}

fn finite(path: &Path, plan: &Plan) -> Result<(), FileError> {
    let solve = &plan.solve;
    let numbers = [
        ("seconds", Some(solve.seconds)),
        ("objective_value", solve.objective_value),
        ("bound", solve.bound),
        ("gap", solve.gap),
    ]
    .into_iter()
    .chain(
        solve
            .objective
            .iter()
            .map(|t| ("objective: value", Some(t.value))),
    );
    for (field, value) in numbers {
        if let Some(value) = value.filter(|v| !v.is_finite()) {
            return Err(FileError::NotFinite {
                path: path.to_owned(),
                field,
                value,
                backup: existing_backup(path, "plan"),
            });
        }
    }
    Ok(())
}

pub fn parse_school(path: &Path, text: &str) -> Result<School, FileError> {
    let text = decode::text(text.as_bytes()).map_err(|problem| FileError::Unreadable {
        path: path.to_owned(),
        problem,
        what: "school",
        backup: None,
    })?;
    parse(
        path,
        text,
        "school",
        SCHOOL_FORMAT_VERSION,
        read_school_text,
    )
}

/// Saves a school, keeping the file it replaces as a backup. A command that
/// read the file first holds a [`lock::Locks`] on it across both.
pub fn save_school(path: &Path, school: &School) -> Result<(), FileError> {
    write_atomic(path, to_ron(school, "school")?.as_bytes(), &mut plain_write)
}

/// Saves a plan, keeping the file it replaces as a backup.
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

fn load<T>(
    path: &Path,
    what: &'static str,
    current: u32,
    read: Reader<T>,
) -> Result<(T, Digest), FileError> {
    let bytes = read_bounded(path)?;
    let text = decode::text(&bytes).map_err(|problem| FileError::Unreadable {
        path: path.to_owned(),
        problem,
        what,
        backup: existing_backup(path, what),
    })?;
    Ok((
        parse(path, text, what, current, read)?,
        Digest::of_bytes(&bytes),
    ))
}

/// The file's bytes, refusing (without reading it all) one larger than
/// [`decode::MAX_FILE_BYTES`].
fn read_bounded(path: &Path) -> Result<Vec<u8>, FileError> {
    let read_error = |source| FileError::Read {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(decode::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > decode::MAX_FILE_BYTES {
        return Err(FileError::Unreadable {
            path: path.to_owned(),
            problem: decode::Problem::TooLarge {
                bytes: fs::metadata(path).map_or(bytes.len() as u64, |m| m.len()),
            },
            what: "school or plan",
            backup: None,
        });
    }
    Ok(bytes)
}

fn parse<T>(
    path: &Path,
    text: &str,
    what: &'static str,
    current: u32,
    read: Reader<T>,
) -> Result<T, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let syntax = |e: ron::error::SpannedError| FileError::Syntax {
        path: path.to_owned(),
        line: e.position.line,
        col: e.position.col,
        code: Box::new(e.code),
        what,
        backup: existing_backup(path, what),
    };
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        // Deeply nested brackets are no school; a bound keeps the parser's
        // stack safe from a file made of a million `(`.
        .with_recursion_limit(64);
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
    read(&options, text, probe.version).map_err(syntax)
}

/// How a file's text becomes its value, given the version it says it is.
type Reader<T> = fn(&ron::Options, &str, u32) -> Result<T, ron::error::SpannedError>;

fn read_school_text(
    options: &ron::Options,
    text: &str,
    _version: u32,
) -> Result<School, ron::error::SpannedError> {
    options.from_str(text)
}

/// Plans older than version 4 kept their reasons and notes as sentences:
/// they are read by `plan::v3` (the sentences kept as text), newer ones as
/// they are.
fn read_plan_text(
    options: &ron::Options,
    text: &str,
    version: u32,
) -> Result<Plan, ron::error::SpannedError> {
    if version < 4 {
        options
            .from_str::<kehou_solver::plan::v3::PlanV3>(text)
            .map(Plan::from)
    } else {
        options.from_str(text)
    }
}

/// ron's messages, with a hint where the usual mistake is known.
fn explain(code: &ron::Error, what: &str) -> String {
    let base = code.to_string();
    match code {
        ron::Error::ExpectedNamedStructLike("VersionProbe") => {
            format!("this is not a kehou {what} file: it should start with `(` and `version: …` (see docs/data-format.md)")
        }
        ron::Error::NoSuchStructField { .. } => {
            format!("{base} (check the spelling against docs/data-format.md)")
        }
        ron::Error::MissingStructField { field, .. } => format!("{base}; add `{field}: …`"),
        _ => base,
    }
}

/// Writes `bytes` to `path` so that a crash or a full disk at any moment
/// leaves either the old file or the new one, never a mix, and keeps the
/// old one as the newest of [`atomic::backup_generations`] backups (see
/// [`atomic`]). `write` does the writing of the temporary file; tests pass
/// one that fails midway.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    write: &mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), FileError> {
    atomic::Staged::new(path, bytes, write)
        .and_then(|staged| staged.commit(atomic::backup_generations()))
        .map_err(|source| FileError::Write {
            path: path.to_owned(),
            source,
        })
}

fn plain_write(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.flush()
}

/// Where the newest previous version of `path` is kept: `NAME.bak` beside
/// the file (beside the file a symlink points to, for a symlink).
pub fn backup_path(path: &Path) -> PathBuf {
    let target = atomic::resolve(path).unwrap_or_else(|_| path.to_owned());
    atomic::backup_generation(&target, 0)
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
