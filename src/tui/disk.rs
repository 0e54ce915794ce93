//! The files under the open document, when another hand changes them: the
//! office records a sick call with `kehou absent` while the deputy head has
//! the interface open. A save compares the files on disk with what was
//! loaded (see `files::pair`); if either changed, nothing is saved and this
//! dialog offers to reload what is on disk — file by file, so edits to the
//! file nobody else touched are kept, and edits a reload replaces stay one
//! undo away — or to save this version under new names. Never a silent
//! overwrite.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent};
use kehou_solver::{Plan, School};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::app::App;
use super::event::{Effect, SaveJob, SaveResult};
use super::text::{fill, Text};
use super::theme;
use super::widgets::{centered, clear_popup, width};
use crate::files::pair::OnDisk;
use crate::files::{to_ron, Digest};

/// How a save ended.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Both files saved; what is on disk now, and where (new names after
    /// "save under new names").
    Saved {
        on_disk: OnDisk,
        school_path: PathBuf,
        plan_path: PathBuf,
    },
    /// A file changed on disk since it was loaded; nothing was saved.
    Changed(Box<Changed>),
    /// Nothing was saved, for this reason.
    NotSaved(String),
    /// The school was saved, the plan not, and the previous school could
    /// not be put back.
    Half {
        school: PathBuf,
        plan: PathBuf,
        backup: PathBuf,
        error: String,
        on_disk: OnDisk,
    },
}

/// What changed on disk, and what the files hold now (read by the worker,
/// so a reload does no I/O on the interface thread).
#[derive(Debug)]
pub struct Changed {
    pub school_changed: bool,
    pub plan_changed: bool,
    pub school: Result<(School, Digest), String>,
    /// `None`: there is no plan file (any more).
    pub plan: Result<(Option<Plan>, Digest), String>,
}

impl Changed {
    fn files(&self, t: &Text) -> &'static str {
        match (self.school_changed, self.plan_changed) {
            (true, true) => t.guard.school_and_plan,
            (true, false) => t.guard.the_school,
            _ => t.guard.the_plan,
        }
    }
}

/// The digest `value` would have on disk as kehou writes it.
fn digest_of<T: serde::Serialize>(value: &T, what: &'static str) -> Option<Digest> {
    to_ron(value, what)
        .ok()
        .map(|s| Digest::of_bytes(s.as_bytes()))
}

impl App {
    /// Saves the document (on a worker); `save_as` saves it under new names.
    pub(super) fn save(&mut self, then_quit: bool, save_as: bool) {
        self.saving = true;
        self.queue.push(Effect::Save(SaveJob {
            school: self.doc.school.clone(),
            plan: self.doc.plan.clone(),
            school_path: self.doc.school_path.clone(),
            plan_path: self.doc.plan_path.clone(),
            revision: self.doc.revision(),
            then_quit,
            expected: self.doc.on_disk,
            save_as,
        }));
    }

    /// A save finished: saved (maybe under new names), refused over a
    /// change on disk (the dialog opens; never quits), failed, or half done.
    pub(super) fn on_saved(&mut self, result: SaveResult) {
        self.saving = false;
        let g = self.text.guard;
        match result.outcome {
            SaveOutcome::Saved {
                on_disk,
                school_path,
                plan_path,
            } => {
                self.doc.on_disk = Some(on_disk);
                if school_path != self.doc.school_path || plan_path != self.doc.plan_path {
                    self.doc.school_path = school_path;
                    self.doc.plan_path = plan_path;
                    self.message = Some(fill(
                        g.saved_as,
                        &[
                            &self.doc.school_path.display(),
                            &self.doc.plan_path.display(),
                        ],
                    ));
                } else {
                    self.message = Some(fill(
                        self.text.saved,
                        &[
                            &self.doc.school_path.display(),
                            &self.doc.plan_path.display(),
                        ],
                    ));
                }
            }
            SaveOutcome::Changed(changed) => {
                // Not saved, so never quit: the dialog asks what to do.
                self.disk_changed = Some(changed);
                self.message = None;
                return;
            }
            SaveOutcome::NotSaved(error) => {
                self.message = Some(fill(self.text.save_failed, &[&error]));
                return;
            }
            SaveOutcome::Half {
                school,
                plan,
                backup,
                error,
                on_disk,
            } => {
                self.doc.on_disk = Some(on_disk);
                self.message = Some(fill(
                    g.half_saved,
                    &[
                        &school.display(),
                        &plan.display(),
                        &error,
                        &backup.display(),
                    ],
                ));
                return;
            }
        }
        self.doc.mark_saved(result.revision);
        if result.then_quit {
            self.quit = true;
        }
    }

    /// A key while the "changed on disk" dialog is open: it takes every key.
    pub(super) fn on_changed_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Char('r' | 'R') => self.reload(),
            KeyCode::Char('a' | 'A') => {
                self.disk_changed = None;
                self.save(false, true);
            }
            KeyCode::Esc => {
                if let Some(changed) = self.disk_changed.take() {
                    self.message = Some(fill(
                        self.text.guard.changed_kept,
                        &[&changed.files(self.text)],
                    ));
                }
            }
            _ => {}
        }
    }

    /// Takes what is on disk for each file that changed there, as one
    /// undoable edit; the other file keeps this session's edits.
    fn reload(&mut self) {
        let Some(changed) = self.disk_changed.take() else {
            return;
        };
        let t = self.text;
        let files = changed.files(t);
        let (school, plan) = match (changed.school, changed.plan) {
            (Ok(school), Ok(plan)) => (school, plan),
            (Err(e), _) | (_, Err(e)) => {
                self.message = Some(fill(t.guard.reload_unreadable, &[&e]));
                return;
            }
        };
        let base = self.doc.on_disk;
        let edited = |mine: Option<Digest>, base: Option<Digest>| mine.is_none() || mine != base;
        let mut overwrote = false;
        let new_school = if changed.school_changed {
            overwrote |= edited(
                digest_of(&self.doc.school, "school"),
                base.map(|b| b.school),
            );
            school.0
        } else {
            self.doc.school.clone()
        };
        let new_plan = if changed.plan_changed {
            overwrote |= edited(digest_of(&self.doc.plan, "plan"), base.map(|b| b.plan));
            plan.0.unwrap_or_else(|| {
                Plan::empty(new_school.fingerprint(), new_school.rules.cycle_weeks)
            })
        } else {
            self.doc.plan.clone()
        };
        let _ = self.doc.edit(t.guard.edit_reload, |s, p| {
            *s = new_school;
            *p = new_plan;
            Ok::<_, ()>(())
        });
        let on_disk = OnDisk {
            school: school.1,
            plan: plan.1,
        };
        self.doc.on_disk = Some(on_disk);
        // Clean if what is open is exactly what is on disk now.
        if digest_of(&self.doc.school, "school") == Some(on_disk.school)
            && (digest_of(&self.doc.plan, "plan") == Some(on_disk.plan)
                || (on_disk.plan == Digest::ABSENT && self.doc.plan.posts.is_empty()))
        {
            self.doc.mark_saved(self.doc.revision());
        }
        let template = if overwrote {
            t.guard.reloaded_over_edits
        } else {
            t.guard.reloaded
        };
        self.message = Some(fill(template, &[&files]));
    }
}

/// Draws the dialog, if it is open.
pub fn draw(app: &App, frame: &mut Frame) {
    let Some(changed) = &app.disk_changed else {
        return;
    };
    let t = app.text;
    let body = fill(t.guard.changed_body, &[&changed.files(t)]);
    let w = body.lines().map(width).max().unwrap_or(20) as u16 + 4;
    let h = body.lines().count() as u16 + 2;
    let area = centered(frame.area(), w, h);
    clear_popup(frame, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::warn())
        .title(format!(" {} ", t.guard.changed_title));
    frame.render_widget(
        Paragraph::new(body).wrap(Wrap { trim: false }).block(block),
        area,
    );
}
