//! The availability screen: pick a person on the left (↑↓, `/` to search),
//! then their week on the right as a weekday × session grid, toggled with
//! Space or Enter. The model stores *un*availability (`Person::unavailable`,
//! slots of a weekday and a session, or a whole day); the grid shows and
//! edits exactly that: turning one session of a whole unavailable day back
//! on splits the day into its other sessions, and a day whose every session
//! is off is written back as the whole day. Leave periods and preferences
//! are shown under the grid; `v` adds leave and `V` removes the last one
//! ([`leave`]). Each change is one undo step, and makes the plan stale (the
//! overview says so; `S` re-solves).

mod grid;
mod leave;

use grid::{sessions, toggled, toggled_day};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kehou_solver::model::{Person, SessionKind, Slot, StaffId, Weekday};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::{Cx, Handled, Screen, ScreenId, View};
use crate::tui::doc::Doc;
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::form::{Form, FormKey};
use crate::tui::widgets::popup::confirm_box;
use crate::tui::widgets::table::{draw_table, TableRow, TableState};
use crate::tui::widgets::width;

#[derive(Debug, Default)]
pub struct AvailabilityScreen {
    /// The people list (selection and search).
    pub people: TableState,
    /// True while the keys move in the grid rather than the list.
    pub in_grid: bool,
    /// The grid cell: weekday (column) and session (row, among [`sessions`]).
    pub day: usize,
    pub session: usize,
    /// The leave form, while open.
    pub leave_form: Option<Form>,
    /// Waiting for y/n before removing the person's last leave.
    pub confirm_remove: bool,
}

fn rows(doc: &Doc) -> Vec<TableRow> {
    doc.school
        .staff
        .iter()
        .map(|p| TableRow::new(p.id.as_str(), vec![p.id.to_string(), p.name.clone()]))
        .collect()
}

impl AvailabilityScreen {
    fn person<'d>(&self, doc: &'d Doc) -> Option<&'d Person> {
        let rows = rows(doc);
        let key = self.people.selected_key(&rows)?;
        doc.school.person(&StaffId::new(key))
    }

    fn set(&self, cx: &mut Cx<'_>, slots: Vec<Slot>, what: String) {
        let Some(p) = self.person(cx.doc) else {
            return;
        };
        let (id, name) = (p.id.clone(), p.name.clone());
        let label = fill(cx.text.data.edit_availability, &[&name, &what]);
        let changed = cx.doc.edit(label.clone(), |school, _| {
            let p = school.staff.iter_mut().find(|p| p.id == id).ok_or(())?;
            p.unavailable = slots;
            Ok::<_, ()>(())
        });
        if changed == Ok(true) {
            cx.say(label);
        }
    }
}

impl Screen for AvailabilityScreen {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        let rows = rows(cx.doc);
        if self.people.searching {
            return self.people.handle_key(key, &rows);
        }
        if let Some(form) = &mut self.leave_form {
            match form.handle_key(key) {
                FormKey::Handled => {}
                FormKey::Cancel => self.leave_form = None,
                FormKey::Submit => {
                    let id = self.people.selected_key(&rows).map(StaffId::new);
                    if id.is_none_or(|id| leave::add(form, &id, cx)) {
                        self.leave_form = None;
                    }
                }
            }
            return Handled::Yes;
        }
        if self.confirm_remove {
            self.confirm_remove = false;
            match (key.code, self.people.selected_key(&rows)) {
                (KeyCode::Char('y' | 'Y'), Some(id)) => leave::remove_last(&StaffId::new(id), cx),
                _ => cx.say(cx.text.data.delete_cancelled),
            }
            return Handled::Yes;
        }
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Handled::No;
        }
        match key.code {
            KeyCode::Char('v') => {
                if let Some(p) = self.person(cx.doc) {
                    self.leave_form =
                        Some(leave::form(&p.name, cx.doc.school.term.first_day, cx.text));
                }
                return Handled::Yes;
            }
            KeyCode::Char('V') => {
                self.confirm_remove = self.person(cx.doc).is_some_and(|p| !p.leave.is_empty());
                if !self.confirm_remove {
                    cx.say(cx.text.data.no_leave_to_remove);
                }
                return Handled::Yes;
            }
            _ => {}
        }
        if !self.in_grid {
            return match key.code {
                KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => {
                    self.in_grid = self.people.selected_key(&rows).is_some();
                    Handled::Yes
                }
                _ => self.people.handle_key(key, &rows),
            };
        }
        let n = sessions(&cx.doc.school).len();
        self.session = self.session.min(n.saturating_sub(1));
        match key.code {
            KeyCode::Esc => self.in_grid = false,
            KeyCode::Left | KeyCode::Char('h') => {
                if self.day == 0 {
                    self.in_grid = false;
                } else {
                    self.day -= 1;
                }
            }
            KeyCode::Right | KeyCode::Char('l') => {
                self.day = (self.day + 1).min(Weekday::ALL.len() - 1);
            }
            KeyCode::Up | KeyCode::Char('k') => self.session = self.session.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.session = (self.session + 1).min(n.saturating_sub(1));
            }
            KeyCode::Char(' ') | KeyCode::Enter => {
                let day = Weekday::ALL[self.day.min(4)];
                let Some(&session) = sessions(&cx.doc.school).get(self.session) else {
                    return Handled::Yes;
                };
                if let Some(p) = self.person(cx.doc) {
                    let slots = toggled(p, day, session);
                    let now = cx.text.data.avail_now[usize::from(!p.is_unavailable(day, session))];
                    let what = format!(
                        "{} {} {now}",
                        cx.text.weekday(day),
                        cx.text.session(session)
                    );
                    self.set(cx, slots, what);
                }
            }
            KeyCode::Char('w') => {
                let day = Weekday::ALL[self.day.min(4)];
                if let Some(p) = self.person(cx.doc) {
                    let slots = toggled_day(p, day);
                    let all_off = SessionKind::ALL.iter().all(|k| p.is_unavailable(day, *k));
                    let now = cx.text.data.avail_now[usize::from(!all_off)];
                    self.set(cx, slots, format!("{} {now}", cx.text.weekday(day)));
                }
            }
            KeyCode::Char('[' | 'p') => {
                return self.people.handle_key(KeyEvent::from(KeyCode::Up), &rows)
            }
            KeyCode::Char(']' | 'n') => {
                return self.people.handle_key(KeyEvent::from(KeyCode::Down), &rows)
            }
            _ => return Handled::No,
        }
        Handled::Yes
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
        let t = view.text;
        let d = t.data;
        let rows = rows(view.doc);
        let list_w = rows
            .iter()
            .map(|r| width(&r.cells[0]) + width(&r.cells[1]) + 1)
            .max()
            .unwrap_or(12)
            .max(width(d.people) + 4) as u16
            + 4;
        let [list, grid] = Layout::horizontal([
            Constraint::Length(list_w.min(area.width / 3)),
            Constraint::Min(20),
        ])
        .areas(area);
        draw_table(
            frame,
            list,
            &self.people,
            d.people,
            &[d.col_id, d.col_name],
            &rows,
            t,
        );
        let person = self.person(view.doc);
        let title = person.map_or_else(
            || ScreenId::Availability.title(t).to_owned(),
            |p| format!("{} {}", p.name, p.id),
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if self.in_grid {
                theme::title()
            } else {
                theme::border()
            })
            .title(format!(" {title} "));
        let inner = block.inner(grid);
        frame.render_widget(block, grid);
        let Some(p) = person else {
            frame.render_widget(Line::styled(t.no_rows, theme::dim()), inner);
            return;
        };
        frame.render_widget(
            Paragraph::new(self.grid_lines(p, view.doc, t, inner.width)),
            inner,
        );
        if let Some(form) = &self.leave_form {
            form.render(frame, area, t);
        } else if let Some(last) = p.leave.last().filter(|_| self.confirm_remove) {
            let question = fill(d.confirm_remove_leave, &[&p.name, &last.from, &last.to]);
            confirm_box(frame, area, t, &question);
        }
    }

    fn help(&self, t: &'static Text) -> Vec<(&'static str, &'static str)> {
        let d = t.data;
        vec![
            ("↑↓ /", d.key_pick_person),
            ("Enter →", d.key_to_grid),
            ("Space Enter", d.key_toggle),
            ("w", d.key_toggle_day),
            ("v  V", d.key_leave),
            ("[ ]", d.key_prev_next_person),
            ("Esc ←", d.key_to_list),
        ]
    }

    fn capturing(&self) -> bool {
        self.people.searching || self.leave_form.is_some() || self.confirm_remove
    }
}
