//! The document being edited: a school, its plan, where they live on disk,
//! and the history of edits. Every change goes through [`Doc::edit`], which
//! snapshots the (school, plan) pair first: one mechanism gives undo, redo and
//! the unsaved-changes flag to every screen, and re-runs validation and the
//! independent checker so what the screens show is never out of date.

use std::path::{Path, PathBuf};

use kehou_solver::check::{check_all, Violation};
use kehou_solver::validate::{validate, Finding, Severity};
use kehou_solver::{Plan, School};

/// How many edits undo remembers; the oldest are forgotten first.
const HISTORY: usize = 200;

/// A state of the document with the edit that led away from it.
#[derive(Debug, Clone)]
struct Snapshot {
    label: String,
    school: School,
    plan: Plan,
    revision: u64,
}

/// A school and its plan, open for editing.
#[derive(Debug, Clone)]
pub struct Doc {
    pub school: School,
    pub plan: Plan,
    pub school_path: PathBuf,
    pub plan_path: PathBuf,
    /// Validation of the school, errors first; refreshed after every change.
    pub findings: Vec<Finding>,
    /// The checker's verdict on the plan (dated rules of sick calls too);
    /// refreshed after every change.
    pub violations: Vec<Violation>,
    /// `school.fingerprint()`, refreshed after every change.
    pub fingerprint: String,
    /// What the two files held when loaded or last saved (`None`: not
    /// known, as for a document not read from disk); a save compares the
    /// disk with it before replacing anything.
    pub on_disk: Option<crate::files::pair::OnDisk>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// Identifies the current state; `saved` is the one on disk.
    revision: u64,
    next_revision: u64,
    saved: u64,
}

/// The plan file that goes with a school file: `NAME.school.ron` ↔ `NAME.plan.ron`.
pub fn plan_path_for(school_path: &Path) -> PathBuf {
    let name = school_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.strip_suffix(".school.ron") {
        Some(stem) => school_path.with_file_name(format!("{stem}.plan.ron")),
        None => school_path.with_extension("plan.ron"),
    }
}

impl Doc {
    /// A document as loaded from disk (so not dirty). Without a plan, an
    /// empty, unsolved one for the school.
    pub fn new(
        school: School,
        plan: Option<Plan>,
        school_path: PathBuf,
        plan_path: PathBuf,
    ) -> Doc {
        let plan =
            plan.unwrap_or_else(|| Plan::empty(school.fingerprint(), school.rules.cycle_weeks));
        let mut doc = Doc {
            school,
            plan,
            school_path,
            plan_path,
            findings: Vec::new(),
            violations: Vec::new(),
            fingerprint: String::new(),
            on_disk: None,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            next_revision: 1,
            saved: 0,
        };
        doc.refresh();
        doc
    }

    /// Changes the school and/or plan as one undoable step named `label`
    /// (shown as "Undone: label"). If `change` returns an error, nothing
    /// changes and the error is passed on; if it changes nothing, no step is
    /// recorded. Returns whether anything changed.
    pub fn edit<E>(
        &mut self,
        label: impl Into<String>,
        change: impl FnOnce(&mut School, &mut Plan) -> Result<(), E>,
    ) -> Result<bool, E> {
        let (mut school, mut plan) = (self.school.clone(), self.plan.clone());
        change(&mut school, &mut plan)?;
        if school == self.school && plan == self.plan {
            return Ok(false);
        }
        let before = Snapshot {
            label: label.into(),
            school: std::mem::replace(&mut self.school, school),
            plan: std::mem::replace(&mut self.plan, plan),
            revision: self.revision,
        };
        self.undo.push(before);
        if self.undo.len() > HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.refresh();
        Ok(true)
    }

    /// Steps back one edit; returns its label, or `None` with nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let snap = self.undo.pop()?;
        let label = snap.label.clone();
        let current = self.swap_in(snap);
        self.redo.push(current);
        self.refresh();
        Some(label)
    }

    /// Re-applies the last undone edit; returns its label.
    pub fn redo(&mut self) -> Option<String> {
        let snap = self.redo.pop()?;
        let label = snap.label.clone();
        let current = self.swap_in(snap);
        self.undo.push(current);
        self.refresh();
        Some(label)
    }

    /// Puts `snap` in place and returns the state it replaced, labelled with
    /// the same edit (undo and redo move one edit across the boundary).
    fn swap_in(&mut self, snap: Snapshot) -> Snapshot {
        let out = Snapshot {
            label: snap.label,
            school: std::mem::replace(&mut self.school, snap.school),
            plan: std::mem::replace(&mut self.plan, snap.plan),
            revision: self.revision,
        };
        self.revision = snap.revision;
        out
    }

    /// The label of the edit `undo` would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Are there changes not on disk?
    pub fn dirty(&self) -> bool {
        self.revision != self.saved
    }

    /// The current state's identity, to hand to a save job.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Records that the state `revision` is what is now on disk.
    pub fn mark_saved(&mut self, revision: u64) {
        self.saved = revision;
    }

    /// Was the plan solved for the school as it is now?
    pub fn plan_is_stale(&self) -> bool {
        self.plan.school_fingerprint != self.fingerprint
    }

    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// The checker's broken rules at one post.
    pub fn violations_at<'a>(
        &'a self,
        post_id: &'a str,
    ) -> impl Iterator<Item = &'a Violation> + 'a {
        self.violations
            .iter()
            .filter(move |v| v.place.post() == Some(post_id))
    }

    fn refresh(&mut self) {
        self.fingerprint = self.school.fingerprint();
        self.findings = validate(&self.school);
        self.violations = if self.plan.posts.is_empty() {
            Vec::new()
        } else {
            check_all(&self.school, &self.plan)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Doc {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/valid/tiny.school.ron");
        let school = crate::files::load_school(&path).unwrap();
        Doc::new(school, None, path.clone(), plan_path_for(&path))
    }

    #[test]
    fn plan_paths_follow_the_school_paths() {
        assert_eq!(
            plan_path_for(Path::new("a/demo.school.ron")),
            Path::new("a/demo.plan.ron")
        );
        assert_eq!(plan_path_for(Path::new("x.ron")), Path::new("x.plan.ron"));
    }

    #[test]
    fn edits_undo_and_redo_and_track_unsaved_changes() {
        let mut doc = tiny();
        let name = doc.school.name.clone();
        assert!(!doc.dirty());
        let changed = doc
            .edit("rename", |s, _| {
                s.name = "新名字".into();
                Ok::<_, ()>(())
            })
            .unwrap();
        assert!(changed && doc.dirty());
        assert_eq!(doc.undo_label(), Some("rename"));
        assert_eq!(doc.undo().as_deref(), Some("rename"));
        assert_eq!(doc.school.name, name);
        assert!(!doc.dirty(), "undoing back to the saved state is clean");
        assert_eq!(doc.redo().as_deref(), Some("rename"));
        assert_eq!(doc.school.name, "新名字");
        doc.mark_saved(doc.revision());
        assert!(!doc.dirty());
        doc.undo();
        assert!(doc.dirty(), "undoing past a save leaves unsaved changes");
    }

    #[test]
    fn a_failed_or_empty_edit_records_nothing() {
        let mut doc = tiny();
        assert_eq!(
            doc.edit("bad", |s, _| {
                s.name.clear();
                Err("no")
            }),
            Err("no")
        );
        assert!(!doc.school.name.is_empty());
        assert_eq!(doc.edit("noop", |_, _| Ok::<_, ()>(())), Ok(false));
        assert!(doc.undo().is_none());
    }

    #[test]
    fn a_school_edit_makes_the_plan_stale() {
        let mut doc = tiny();
        assert!(!doc.plan_is_stale());
        doc.edit("rename", |s, _| {
            s.name.push('!');
            Ok::<_, ()>(())
        })
        .unwrap();
        assert!(doc.plan_is_stale());
    }
}
