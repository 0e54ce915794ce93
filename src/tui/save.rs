//! The save effect's work, on a worker thread: both files together, never
//! over a change made on disk since they were loaded (`files::pair`), and on
//! such a change, what the files hold now for the dialog's reload.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::disk::{Changed, SaveOutcome};
use super::event::SaveJob;
use crate::files::pair::{save_pair, OnDisk, PairError};
use crate::files::{read_plan, read_school, Digest};

/// How long a save waits for a command (`kehou absent`) that is changing
/// the same files; the interface shows "saving…" meanwhile.
const LOCK_WAIT: Duration = Duration::from_secs(20);

pub fn save(job: &SaveJob) -> SaveOutcome {
    let (school_path, plan_path, expected) = if job.save_as {
        let (s, p) = free_names(&job.school_path, &job.plan_path);
        // New names: nothing may be there yet.
        let nothing = OnDisk {
            school: Digest::ABSENT,
            plan: Digest::ABSENT,
        };
        (s, p, Some(nothing))
    } else {
        (job.school_path.clone(), job.plan_path.clone(), job.expected)
    };
    match save_pair(
        &school_path,
        &job.school,
        &plan_path,
        &job.plan,
        expected,
        LOCK_WAIT,
    ) {
        Ok(on_disk) => SaveOutcome::Saved {
            on_disk,
            school_path,
            plan_path,
        },
        Err(PairError::Changed { school, plan }) => SaveOutcome::Changed(Box::new(Changed {
            school_changed: school,
            plan_changed: plan,
            school: read_school(&school_path).map_err(|e| e.to_string()),
            plan: if plan_path.exists() {
                read_plan(&plan_path)
                    .map(|(p, d)| (Some(p), d))
                    .map_err(|e| e.to_string())
            } else {
                Ok((None, Digest::ABSENT))
            },
        })),
        Err(PairError::NotSaved(e)) => SaveOutcome::NotSaved(e.to_string()),
        Err(PairError::Half {
            school,
            plan,
            backup,
            error,
        }) => SaveOutcome::Half {
            on_disk: OnDisk {
                school: Digest::of_file(&school).unwrap_or(Digest::ABSENT),
                plan: Digest::of_file(&plan).unwrap_or(Digest::ABSENT),
            },
            school,
            plan,
            backup,
            error: error.to_string(),
        },
    }
}

/// `NAME-mine.school.ron` and `NAME-mine.plan.ron` beside the originals
/// (`-mine-2`, `-mine-3` … if taken): names for "my version".
pub fn free_names(school: &Path, plan: &Path) -> (PathBuf, PathBuf) {
    let mut n = 1;
    loop {
        let tag = if n == 1 {
            "-mine".to_owned()
        } else {
            format!("-mine-{n}")
        };
        let (s, p) = (tagged(school, &tag), tagged(plan, &tag));
        if !s.exists() && !p.exists() {
            return (s, p);
        }
        n += 1;
    }
}

/// `path` with `tag` before `.school.ron`, `.plan.ron`, or the extension.
fn tagged(path: &Path, tag: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let new = [".school.ron", ".plan.ron"]
        .iter()
        .find_map(|end| {
            name.strip_suffix(end)
                .map(|stem| format!("{stem}{tag}{end}"))
        })
        .unwrap_or_else(|| match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => format!("{stem}{tag}.{ext}"),
            _ => format!("{name}{tag}"),
        });
    path.with_file_name(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn my_version_gets_names_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("demo.school.ron");
        let p = dir.path().join("demo.plan.ron");
        let (s1, p1) = free_names(&s, &p);
        assert_eq!(s1, dir.path().join("demo-mine.school.ron"));
        assert_eq!(p1, dir.path().join("demo-mine.plan.ron"));
        std::fs::write(&p1, "taken").unwrap();
        let (s2, _) = free_names(&s, &p);
        assert_eq!(s2, dir.path().join("demo-mine-2.school.ron"));
        assert_eq!(tagged(Path::new("x.ron"), "-mine"), Path::new("x-mine.ron"));
    }
}
