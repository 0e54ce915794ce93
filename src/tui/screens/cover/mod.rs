//! Sick calls / 代课: the term's absences in one table and, below, the
//! substitutions of the selected absence (or, with `a`, all of them by date):
//! the post in words, who is out, who covers, who decided and why; places
//! nobody covers stand out. `d` takes an absence back (the repair's diff is
//! shown first); Enter on a substitution lists who could cover that place,
//! ranked, and Enter there chooses one by hand. `A` records a sick call
//! here as on the rota (the same form and review, `screens::sick`).

mod popup;
mod rows;

use crossterm::event::{KeyCode, KeyEvent};
use kehou_solver::plan::Absence;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::sick::{self, SickCall};
use super::{Cx, Handled, Screen, View};
use crate::tui::doc::Doc;
use crate::tui::event::AbsenceChange;
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::table::{draw_table, TableState};
pub use popup::Pick;

/// Which table takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Absences,
    Substitutions,
}

#[derive(Debug, Default)]
pub struct CoverScreen {
    pub focus: Focus,
    pub absences: TableState,
    pub subs: TableState,
    /// The lower table shows the whole term's substitutions, by date.
    pub all: bool,
    /// A sick call being recorded, or an absence being taken back.
    pub call: Option<SickCall>,
    pub pick: Option<Pick>,
}

impl CoverScreen {
    /// The absence selected in the upper table.
    fn absence<'d>(&self, doc: &'d Doc, t: &Text) -> Option<&'d Absence> {
        let rows = rows::absences(doc, t);
        let i: usize = self.absences.selected_key(&rows)?.parse().ok()?;
        doc.plan.absences.get(i)
    }

    /// The lower table's absence: none when it shows the whole term.
    fn shown<'d>(&self, doc: &'d Doc, t: &Text) -> Option<&'d Absence> {
        if self.all {
            None
        } else {
            self.absence(doc, t)
        }
    }

    fn absences_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        let t = cx.text;
        let rows = rows::absences(cx.doc, t);
        match key.code {
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => {
                self.focus = Focus::Substitutions;
                self.subs.selected = 0;
            }
            KeyCode::Char('d') | KeyCode::Delete => {
                if let Some(a) = self.absence(cx.doc, t).cloned() {
                    self.call = Some(sick::start(AbsenceChange::TakeBack(a), cx));
                }
            }
            _ => {
                let before = self.absences.selected;
                let handled = self.absences.handle_key(key, &rows);
                if self.absences.selected != before {
                    self.subs.selected = 0;
                }
                return handled;
            }
        }
        Handled::Yes
    }

    fn subs_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        let t = cx.text;
        let rows = rows::substitutions(cx.doc, t, self.shown(cx.doc, t));
        match key.code {
            KeyCode::Esc | KeyCode::Left | KeyCode::Char('h')
                if self.subs.search.text.is_empty() =>
            {
                self.focus = Focus::Absences;
            }
            KeyCode::Enter => {
                let Some(i) = self
                    .subs
                    .selected_key(&rows)
                    .and_then(|k| k.parse::<usize>().ok())
                else {
                    return Handled::Yes;
                };
                let Some(s) = cx.doc.plan.substitutions.get(i).cloned() else {
                    return Handled::Yes;
                };
                match Pick::open(cx, s.date, &s.post, s.out.as_ref()) {
                    Ok(p) => self.pick = Some(p),
                    Err(e) => cx.say(fill(t.cover.pick_failed, &[&e])),
                }
            }
            _ => return self.subs.handle_key(key, &rows),
        }
        Handled::Yes
    }
}

impl Screen for CoverScreen {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        if let Some(call) = &mut self.call {
            if !call.key(key, cx) {
                self.call = None;
            }
            return Handled::Yes;
        }
        if let Some(p) = &mut self.pick {
            if !popup::pick_key(p, key, cx) {
                self.pick = None;
            }
            return Handled::Yes;
        }
        let searching = self.absences.searching || self.subs.searching;
        if key.code == KeyCode::Char('A') && !searching {
            let date = sick::default_date(cx);
            self.call = Some(sick::form(None, None, date, cx.doc, cx.text));
            return Handled::Yes;
        }
        if key.code == KeyCode::Char('a') && !searching {
            self.all = !self.all;
            self.subs.selected = 0;
            return Handled::Yes;
        }
        match self.focus {
            Focus::Absences => self.absences_key(key, cx),
            Focus::Substitutions => self.subs_key(key, cx),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
        let (t, doc) = (view.text, view.doc);
        let c = t.cover;
        let absence_rows = rows::absences(doc, t);
        // The upper table as tall as its rows (header and borders too), at
        // most a third of the screen.
        let upper = u16::try_from(absence_rows.len() + 3)
            .unwrap_or(u16::MAX)
            .clamp(5, (area.height / 3).max(5));
        let [top, bottom] =
            Layout::vertical([Constraint::Length(upper), Constraint::Min(3)]).areas(area);
        if absence_rows.is_empty() {
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme::border())
                .title(format!(" {} ", c.title_absences));
            frame.render_widget(
                Paragraph::new(Line::styled(c.no_absences, theme::dim())).block(block),
                top,
            );
        } else {
            let header = [
                c.col_person,
                c.col_dates,
                c.col_sessions,
                c.col_reason,
                c.col_covered,
            ];
            let title = focus_mark(c.title_absences, self.focus == Focus::Absences);
            draw_table(
                frame,
                top,
                &self.absences,
                &title,
                &header,
                &absence_rows,
                t,
            );
        }
        let shown = self.shown(doc, t);
        let title = match shown {
            Some(a) => fill(
                c.title_subs_of,
                &[&rows::name(doc, &a.staff), &rows::days(a.from, a.to, t)],
            ),
            None => c.title_subs_all.to_owned(),
        };
        let sub_rows = rows::substitutions(doc, t, shown);
        let header = [
            c.col_date,
            c.col_post,
            c.col_out,
            c.col_in,
            c.col_by,
            c.col_reason,
        ];
        let title = focus_mark(&title, self.focus == Focus::Substitutions);
        // The selected substitution's reason in full, under the table.
        let [table_area, reason_area] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(if bottom.height >= 10 { 4 } else { 0 }),
        ])
        .areas(bottom);
        draw_table(frame, table_area, &self.subs, &title, &header, &sub_rows, t);
        let reason = self
            .subs
            .selected_key(&sub_rows)
            .and_then(|k| k.parse::<usize>().ok())
            .and_then(|i| doc.plan.substitutions.get(i))
            .map(|s| {
                let names = crate::words::Names::new(t.lang, &doc.school, Some(&doc.plan));
                crate::words::plan::cover(&s.reason, &names)
            })
            .unwrap_or_default();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border())
            .title(format!(" {} ", c.col_reason));
        frame.render_widget(
            Paragraph::new(reason)
                .style(theme::dim())
                .wrap(Wrap { trim: true })
                .block(block),
            reason_area,
        );
        if let Some(p) = &self.pick {
            popup::draw_pick(p, frame, area, view);
        }
        if let Some(call) = &self.call {
            call.draw(frame, area, view);
        }
    }

    fn help(&self, t: &'static Text) -> Vec<(&'static str, &'static str)> {
        let c = t.cover;
        vec![
            ("↑↓ j k", t.key_move),
            ("Enter → ←", c.key_switch),
            ("A", t.key_rota_sick),
            ("a", c.key_all),
            ("d Delete", c.key_remove),
            ("Enter", c.key_pick),
            ("Esc", c.key_back),
            ("/", t.key_filter),
            ("s", t.key_sort),
            ("r", t.key_reverse),
        ]
    }

    fn capturing(&self) -> bool {
        // An open box takes every key (a `q` or `u` must not act behind it).
        self.absences.searching || self.subs.searching || self.pick.is_some() || self.call.is_some()
    }
}

/// A table's title, marked `▶` while it takes the keys.
fn focus_mark(title: &str, focused: bool) -> String {
    if focused {
        format!("▶ {title}")
    } else {
        title.to_owned()
    }
}
