//! A list screen that edits: the table (search, sort), a [`Form`] to add or
//! edit a row, and a y/n question before deleting. What the rows are and
//! how a form changes the school is a [`Records`] implementation per screen;
//! `Editor<R>` is then the screen itself (one blanket `impl Screen`), so the
//! staff, rooms, classes, clubs and calendar screens are each just their
//! records. [`upsert`] is the common end of their forms' `apply`.
//!
//! Saving a form: the form's values are applied to a copy of the school
//! (parse errors go next to their field); the copy is validated, and an error
//! the edit would bring in is shown next to the field it concerns and nothing
//! changes; otherwise the copy goes in through `Doc::edit`, one undo step.

use std::collections::HashMap;
use std::marker::PhantomData;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kehou_solver::validate::{validate, Finding, FindingKind, Severity};
use kehou_solver::{Plan, School};
use ratatui::layout::Rect;
use ratatui::Frame;

use super::{Cx, Handled, Screen, ScreenId, View};
use crate::tui::text::{fill, Text};
use crate::tui::widgets::form::{FieldError, Form, FormKey, Place};
use crate::tui::widgets::popup::confirm_box;
use crate::tui::widgets::table::{draw_table, TableRow, TableState};
use crate::words::{findings, Names};

/// What a form is for: a new item of some kind (`which`, the key that
/// opened it) or the existing item `key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub key: Option<String>,
    pub which: char,
}

/// The rows of one list screen and how forms change them.
pub trait Records {
    const SCREEN: ScreenId;
    /// The keys that open an empty form (`a`; the calendar has more).
    const ADD_KEYS: &'static [char] = &['a'];

    fn headers(t: &Text) -> Vec<&'static str>;
    fn rows(school: &School, t: &Text) -> Vec<TableRow>;
    /// The empty form opened by the key `which`.
    fn new_form(school: &School, t: &Text, which: char) -> Option<Form>;
    /// The form for the row `key`, filled in; `None` if it cannot be edited.
    fn edit_form(school: &School, t: &Text, key: &str) -> Option<Form>;
    /// Applies a form's values to the school; returns the row key of the
    /// item, and the edit's name for undo.
    fn apply(
        school: &mut School,
        plan: &mut Plan,
        target: &Target,
        values: &[String],
        t: &Text,
    ) -> Result<(String, String), Vec<FieldError>>;
    /// Deletes the row `key`, cleaning up what refers to it or refusing;
    /// returns the edit's name.
    fn delete(school: &mut School, plan: &mut Plan, key: &str, t: &Text) -> Result<String, String>;
    /// The extra keys for `?` (the add keys).
    fn help(t: &'static Text) -> Vec<(&'static str, &'static str)>;
}

/// A list screen's state: the table, an open form, a pending delete.
#[derive(Debug)]
pub struct Editor<R> {
    pub table: TableState,
    pub form: Option<(Form, Target)>,
    /// The row waiting for y/n before it is deleted.
    pub confirm: Option<String>,
    records: PhantomData<R>,
}

impl<R> Default for Editor<R> {
    fn default() -> Self {
        Editor {
            table: TableState::default(),
            form: None,
            confirm: None,
            records: PhantomData,
        }
    }
}

impl<R: Records> Screen for Editor<R> {
    fn capturing(&self) -> bool {
        self.table.searching || self.form.is_some() || self.confirm.is_some()
    }

    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        let t = cx.text;
        if let Some((form, target)) = &mut self.form {
            match form.handle_key(key) {
                FormKey::Handled => {}
                FormKey::Cancel => self.form = None,
                FormKey::Submit => {
                    let target = target.clone();
                    if let Some(saved) = submit::<R>(form, &target, cx) {
                        self.form = None;
                        let rows = R::rows(&cx.doc.school, t);
                        self.table.select_key(&rows, &saved);
                    }
                }
            }
            return Handled::Yes;
        }
        if let Some(row) = self.confirm.take() {
            if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                let mut school = cx.doc.school.clone();
                let mut plan = cx.doc.plan.clone();
                match R::delete(&mut school, &mut plan, &row, t) {
                    Err(why) => cx.say(why),
                    Ok(label) => {
                        if let Some(f) = new_errors(&cx.doc.findings, &validate(&school)).first() {
                            let names = Names::new(t.lang, &school, Some(&plan));
                            let problem = findings::render(f, &names).problem;
                            cx.say(fill(t.data.delete_refused, &[&row, &problem]));
                        } else {
                            let _ = cx.doc.edit(label.clone(), |s, p| {
                                *s = school;
                                *p = plan;
                                Ok::<_, ()>(())
                            });
                            cx.say(label);
                        }
                    }
                }
            } else {
                cx.say(t.data.delete_cancelled);
            }
            return Handled::Yes;
        }
        let rows = R::rows(&cx.doc.school, t);
        if self.table.searching {
            return self.table.handle_key(key, &rows);
        }
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Handled::No;
        }
        match key.code {
            KeyCode::Char(c) if R::ADD_KEYS.contains(&c) => {
                if let Some(form) = R::new_form(&cx.doc.school, t, c) {
                    self.form = Some((
                        form,
                        Target {
                            key: None,
                            which: c,
                        },
                    ));
                }
                Handled::Yes
            }
            KeyCode::Char('e') | KeyCode::Enter => {
                if let Some(k) = self.table.selected_key(&rows) {
                    match R::edit_form(&cx.doc.school, t, k) {
                        Some(form) => {
                            self.form = Some((
                                form,
                                Target {
                                    key: Some(k.to_owned()),
                                    which: 'e',
                                },
                            ));
                        }
                        None => cx.say(t.data.cannot_edit),
                    }
                }
                Handled::Yes
            }
            KeyCode::Char('d') | KeyCode::Delete => {
                if let Some(k) = self.table.selected_key(&rows) {
                    self.confirm = Some(k.to_owned());
                }
                Handled::Yes
            }
            _ => self.table.handle_key(key, &rows),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
        let t = view.text;
        let rows = R::rows(&view.doc.school, t);
        draw_table(
            frame,
            area,
            &self.table,
            R::SCREEN.title(t),
            &R::headers(t),
            &rows,
            t,
        );
        if let Some((form, _)) = &self.form {
            form.render(frame, area, t);
        } else if let Some(row) = &self.confirm {
            let name = rows.iter().find(|r| &r.key == row).map_or_else(
                || row.clone(),
                |r| {
                    r.cells
                        .iter()
                        .take(2)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" ")
                },
            );
            confirm_box(frame, area, t, &fill(t.data.confirm_delete, &[&name]));
        }
    }

    fn help(&self, t: &'static Text) -> Vec<(&'static str, &'static str)> {
        let mut keys = vec![("↑↓ jk", t.key_move)];
        keys.extend(R::help(t));
        keys.extend([
            ("e  Enter", t.data.key_edit),
            ("d  Delete", t.data.key_delete),
            ("/", t.key_filter),
            ("s", t.key_sort),
            ("r", t.key_reverse),
            ("Tab ↑↓", t.data.key_form_fields),
        ]);
        keys
    }
}

/// An item added or edited by a form, put in its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upserted {
    /// The item's id now.
    pub id: String,
    /// Its id before the edit, when the edit changed it: what refers to the
    /// old id must be renamed.
    pub renamed_from: Option<String>,
    /// An edit (not an add).
    pub edited: bool,
}

impl Upserted {
    /// The edit's name for undo: `edit` or `add`, filled with `what`.
    pub fn label(&self, edit: &str, add: &str, what: &dyn std::fmt::Display) -> String {
        fill(if self.edited { edit } else { add }, &[what])
    }
}

/// The item a form edits (`key`, found by `find`), or a new one (`blank`);
/// refused when it has gone meanwhile.
pub fn draft<T: Clone>(
    key: Option<&str>,
    find: impl FnOnce(&str) -> Option<T>,
    blank: impl FnOnce() -> T,
    t: &Text,
) -> Result<T, Vec<FieldError>> {
    match key {
        Some(k) => find(k).ok_or_else(|| vec![(None, t.data.gone.to_owned())]),
        None => Ok(blank()),
    }
}

/// The common end of a form's `apply`: the messages gathered so far plus an
/// id another item already has (at `id_field`) refuse the form; otherwise
/// `item` replaces the item `key` (an edit) or joins the end of `list`.
pub fn upsert<T>(
    list: &mut Vec<T>,
    key: Option<&str>,
    item: T,
    id_of: impl Fn(&T) -> &str,
    id_field: usize,
    mut errors: Vec<FieldError>,
    t: &Text,
) -> Result<Upserted, Vec<FieldError>> {
    let id = id_of(&item).to_owned();
    if key != Some(id.as_str()) && list.iter().any(|x| id_of(x) == id) {
        errors.push((Some(id_field), fill(t.data.err_id_taken, &[&id])));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    match key.and_then(|k| list.iter().position(|x| id_of(x) == k)) {
        Some(i) => list[i] = item,
        None => list.push(item),
    }
    Ok(Upserted {
        renamed_from: key.filter(|k| *k != id).map(str::to_owned),
        edited: key.is_some(),
        id,
    })
}

/// Checks and saves a form; the row key saved, or `None` with the messages
/// put on the form.
fn submit<R: Records>(form: &mut Form, target: &Target, cx: &mut Cx<'_>) -> Option<String> {
    let t = cx.text;
    let mut school = cx.doc.school.clone();
    let mut plan = cx.doc.plan.clone();
    let (key, label) = match R::apply(&mut school, &mut plan, target, &form.values(), t) {
        Ok(done) => done,
        Err(errors) => {
            form.set_errors(errors);
            return None;
        }
    };
    let after = validate(&school);
    let errors = new_errors(&cx.doc.findings, &after);
    let names = Names::new(t.lang, &school, Some(&plan));
    if !errors.is_empty() {
        let placed = errors
            .iter()
            .map(|f| (form.field_for(f.field), findings::render(f, &names).short()))
            .collect();
        form.set_errors(placed);
        return None;
    }
    let warning = new_findings(&cx.doc.findings, &after, Severity::Warning)
        .first()
        .map(|f| findings::render(f, &names).problem);
    let _ = cx.doc.edit(label.clone(), |s, p| {
        *s = school;
        *p = plan;
        Ok::<_, ()>(())
    });
    cx.say(match warning {
        Some(w) => fill(t.data.saved_with_warning, &[&label, &w]),
        None => label,
    });
    Some(key)
}

/// Errors in `after` that `before` did not have. Compared by what is
/// wrong (the finding's kind and field, as data), not by which item: so
/// renaming an item, or changing its id, does not make its old findings
/// look new, while the same problem once more is new.
pub fn new_errors(before: &[Finding], after: &[Finding]) -> Vec<Finding> {
    new_findings(before, after, Severity::Error)
}

fn new_findings(before: &[Finding], after: &[Finding], severity: Severity) -> Vec<Finding> {
    let mut seen: HashMap<(&FindingKind, Option<Place>), usize> = HashMap::new();
    for f in before.iter().filter(|f| f.severity == severity) {
        *seen.entry((&f.kind, f.field)).or_default() += 1;
    }
    let mut out = Vec::new();
    for f in after.iter().filter(|f| f.severity == severity) {
        match seen.get_mut(&(&f.kind, f.field)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(f.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use kehou_solver::model::RoomId;
    use kehou_solver::validate::problems::RoomProblem;
    use kehou_solver::validate::Subject;

    fn finding(severity: Severity, room: (&str, &str), kind: RoomProblem) -> Finding {
        Finding {
            severity,
            subject: Subject::Room {
                id: RoomId::new(room.0),
                name: room.1.into(),
            },
            field: Some(Place::Capacity),
            kind: FindingKind::Room(kind),
        }
    }

    #[test]
    fn only_the_errors_an_edit_brings_in_count() {
        let before = vec![
            finding(Severity::Error, ("r1", "一"), RoomProblem::CapacityZero),
            finding(
                Severity::Warning,
                ("r1", "一"),
                RoomProblem::OutdoorNoFallback,
            ),
        ];
        let after = vec![
            // Renamed item, same problem: not new.
            finding(Severity::Error, ("r9", "二"), RoomProblem::CapacityZero),
            // The same problem once more: new.
            finding(Severity::Error, ("r2", "二"), RoomProblem::CapacityZero),
            finding(Severity::Error, ("r3", "三"), RoomProblem::FallbackIsItself),
            finding(
                Severity::Warning,
                ("r1", "一"),
                RoomProblem::OutdoorNoFallback,
            ),
        ];
        let new: Vec<String> = new_errors(&before, &after)
            .into_iter()
            .map(|f| f.subject.to_string())
            .collect();
        assert_eq!(
            new,
            vec!["room r2 (二)".to_owned(), "room r3 (三)".to_owned()]
        );
        assert!(new_errors(&after, &before).is_empty());
    }

    #[test]
    fn upsert_adds_replaces_and_refuses_a_taken_id() {
        let t = crate::tui::text::Lang::En.text();
        let id = String::as_str;
        let mut list = vec!["a".to_owned(), "b".to_owned()];
        let added = upsert(&mut list, None, "c".into(), id, 0, vec![], t).unwrap();
        assert_eq!((added.edited, added.renamed_from), (false, None));
        let renamed = upsert(&mut list, Some("a"), "z".into(), id, 0, vec![], t).unwrap();
        assert_eq!(renamed.renamed_from.as_deref(), Some("a"));
        assert_eq!(list, ["z", "b", "c"]);
        let taken = upsert(&mut list, Some("z"), "b".into(), id, 3, vec![], t).unwrap_err();
        assert_eq!(taken[0].0, Some(3));
        let earlier = vec![(Some(1), "bad".to_owned())];
        assert!(upsert(&mut list, None, "d".into(), id, 0, earlier, t).is_err());
        assert_eq!(list, ["z", "b", "c"], "a refused form changes nothing");
    }
}
