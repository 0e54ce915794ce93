//! Where a command may write. `kehou solve S.school.ron -o S.school.ron`
//! would replace the school with a plan, and `export -o X.plan.ron` a plan
//! with a spreadsheet: an output is refused when it is one of the command's
//! own inputs, or a school or plan file and the output is something else.

use std::path::{Path, PathBuf};

/// What a command is about to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    School,
    Plan,
    /// A roster, board, workbook, calendar or model file.
    Other,
}

impl Output {
    fn article(self) -> &'static str {
        match self {
            Output::School => "a school",
            Output::Plan => "a plan",
            Output::Other => "a",
        }
    }

    fn suggest(self) -> &'static str {
        match self {
            Output::School => " (a name ending in .school.ron)",
            Output::Plan => " (a name ending in .plan.ron)",
            Output::Other => "",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Output::School => "a school",
            Output::Plan => "a plan",
            Output::Other => "this export",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{} is also an input of this command ({}); writing {} there would replace it: give -o another file; nothing was written", .output.display(), .input.display(), .writing.what())]
    IsInput {
        output: PathBuf,
        input: PathBuf,
        writing: Output,
    },
    #[error("{} is {} file; kehou does not write {} over it or under its name: give -o another file{}; nothing was written", .output.display(), .kind.article(), .writing.what(), .writing.suggest())]
    WrongKind {
        output: PathBuf,
        /// What the file there is.
        kind: Output,
        writing: Output,
    },
}

/// Refuses `output` if it is one of `inputs` (the same file, by any path or
/// link), or a school or plan file (by name, or by what an existing file
/// holds) while `writing` is something else.
pub fn check(output: &Path, writing: Output, inputs: &[&Path]) -> Result<(), OutputError> {
    for input in inputs {
        if same_file(output, input) {
            return Err(OutputError::IsInput {
                output: output.to_owned(),
                input: input.to_path_buf(),
                writing,
            });
        }
    }
    let Some(kind) = kind_of(output) else {
        return Ok(());
    };
    if kind == writing {
        return Ok(());
    }
    Err(OutputError::WrongKind {
        output: output.to_owned(),
        kind,
        writing,
    })
}

/// What kind of kehou file `path` is: by its name, else (for an existing
/// file under another name) by whether it reads as a school or a plan.
fn kind_of(path: &Path) -> Option<Output> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.ends_with(".school.ron") {
        return Some(Output::School);
    }
    if name.ends_with(".plan.ron") {
        return Some(Output::Plan);
    }
    if !path.is_file() {
        return None;
    }
    if super::load_school(path).is_ok() {
        Some(Output::School)
    } else if super::load_plan(path).is_ok() {
        Some(Output::Plan)
    } else {
        None
    }
}

/// Do `a` and `b` name one file (through `..`, symlinks or hard links)?
/// Files that do not exist are no one's.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_is_never_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let school = dir.path().join("s.school.ron");
        std::fs::write(&school, "x").unwrap();
        let other_way = dir.path().join(".").join("s.school.ron");
        let err = check(&other_way, Output::Plan, &[&school]).unwrap_err();
        assert!(err.to_string().contains("also an input"), "{err}");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.csv");
            std::os::unix::fs::symlink(&school, &link).unwrap();
            assert!(check(&link, Output::Other, &[&school]).is_err());
        }
    }

    #[test]
    fn school_and_plan_names_take_only_their_kind() {
        let p = Path::new("/nowhere/x.plan.ron");
        assert!(check(p, Output::Plan, &[]).is_ok());
        let err = check(p, Output::Other, &[]).unwrap_err();
        assert!(err.to_string().contains("is a plan file"), "{err}");
        assert!(check(Path::new("/nowhere/x.School.ron"), Output::Plan, &[]).is_err());
        assert!(check(Path::new("/nowhere/roster.csv"), Output::Other, &[]).is_ok());
    }

    #[test]
    fn a_school_under_another_name_is_known_by_its_contents() {
        let dir = tempfile::tempdir().unwrap();
        let renamed = dir.path().join("backup-copy.txt");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("data/valid/tiny.school.ron"),
            &renamed,
        )
        .unwrap();
        let err = check(&renamed, Output::Other, &[]).unwrap_err();
        assert!(err.to_string().contains("is a school file"), "{err}");
        assert!(check(&renamed, Output::School, &[]).is_ok());
    }
}
