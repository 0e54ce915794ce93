//! A list screen that edits: the table (search, sort), a [`Form`] to add or
//! edit a row, and a y/n question before deleting. What the rows are and
//! how a form changes the school is a [`Records`] implementation per screen.
//!
//! Saving a form: the form's values are applied to a copy of the school
//! (parse errors go next to their field); the copy is validated, and an error
//! the edit would bring in is shown next to the field it concerns and nothing
//! changes; otherwise the copy goes in through `Doc::edit`, one undo step.

use std::collections::HashMap;
use std::marker::PhantomData;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kehou_solver::validate::{validate, Finding, Severity};
use kehou_solver::{Plan, School};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{FieldError, Form, FormKey};
use crate::tui::screens::{Cx, Handled, ScreenId, View};
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::ui::centered;
use crate::tui::widgets::table::{draw_table, TableRow, TableState};
use crate::tui::widgets::width;

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

impl<R: Records> Editor<R> {
    pub fn capturing(&self) -> bool {
        self.table.searching || self.form.is_some() || self.confirm.is_some()
    }

    pub fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
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
                            cx.say(fill(t.data.delete_refused, &[&row, &f.problem]));
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

    pub fn render(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
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

    pub fn help(t: &'static Text) -> Vec<(&'static str, &'static str)> {
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
    if !errors.is_empty() {
        let placed = errors
            .iter()
            .map(|f| {
                (
                    form.field_for(&f.problem),
                    format!("{} — {}", f.problem, f.fix),
                )
            })
            .collect();
        form.set_errors(placed);
        return None;
    }
    let warning = new_findings(&cx.doc.findings, &after, Severity::Warning)
        .first()
        .map(|f| f.problem.clone());
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

/// Errors in `after` that `before` did not have (compared by what they say,
/// so renaming an item does not make its old findings look new).
pub fn new_errors(before: &[Finding], after: &[Finding]) -> Vec<Finding> {
    new_findings(before, after, Severity::Error)
}

fn new_findings(before: &[Finding], after: &[Finding], severity: Severity) -> Vec<Finding> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for f in before.iter().filter(|f| f.severity == severity) {
        *seen.entry(f.problem.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for f in after.iter().filter(|f| f.severity == severity) {
        match seen.get_mut(f.problem.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(f.clone()),
        }
    }
    out
}

/// A small box asking y/n.
pub fn confirm_box(frame: &mut Frame, area: Rect, t: &Text, question: &str) {
    let lines = vec![
        Line::raw(question.to_owned()),
        Line::raw(""),
        Line::styled(t.data.yes_no_keys, theme::dim()),
    ];
    let w = lines
        .iter()
        .map(Line::width)
        .max()
        .unwrap_or(20)
        .max(width(t.data.confirm_title)) as u16
        + 4;
    let rect = centered(area, w.min(area.width), 5);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::warn())
        .title(format!(" {} ", t.data.confirm_title));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        rect,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(severity: Severity, item: &str, problem: &str) -> Finding {
        Finding {
            severity,
            item: item.into(),
            problem: problem.into(),
            fix: String::new(),
        }
    }

    #[test]
    fn only_the_errors_an_edit_brings_in_count() {
        let before = vec![
            finding(Severity::Error, "room r1 (一)", "same"),
            finding(Severity::Warning, "room r1", "warned"),
        ];
        let after = vec![
            // Renamed item, same problem: not new.
            finding(Severity::Error, "room r1 (二)", "same"),
            // The same problem once more: new.
            finding(Severity::Error, "room r2", "same"),
            finding(Severity::Error, "room r3", "other"),
            finding(Severity::Warning, "room r1", "warned"),
        ];
        let new: Vec<String> = new_errors(&before, &after)
            .into_iter()
            .map(|f| f.item)
            .collect();
        assert_eq!(new, vec!["room r2".to_owned(), "room r3".to_owned()]);
        assert!(new_errors(&after, &before).is_empty());
    }
}
