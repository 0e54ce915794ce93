//! The rota: one week of the cycle as a grid of weekdays × sessions, each
//! cell listing its posts; the selected cell's posts in a list beside it,
//! one row per adult's place. From the list: assign or replace an adult
//! (picking from who is free), remove one, lock a place so a re-solve keeps
//! it, or open a person's week. `/` filters by person, room, class, grade or
//! post kind. Every change is one `Doc::edit`, so the checker runs at once
//! and its verdict shows beside the post.

mod draw;
mod edit;
mod grid;
mod model;
mod pick;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kehou_solver::model::StaffId;
use ratatui::layout::Rect;
use ratatui::Frame;

use super::{Cx, Handled, Screen, View};
pub use crate::tui::screens::words::place_of;
use crate::tui::text::{fill, Text};
use crate::tui::widgets::input::{InputKey, LineInput};
pub use model::{cell_posts, matches, sessions, slots, Slot, DAYS};
pub use pick::{candidates, Candidate, Freedom};

use super::sick::{self, SickCall};

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Grid,
    /// The selected cell's list of places.
    Posts,
}

/// The person picker, open over the list.
#[derive(Debug, Clone, Default)]
pub struct Pick {
    pub search: LineInput,
    pub selected: usize,
}

impl Pick {
    /// 1 when the list starts with "nobody: leave the place empty": only
    /// for a filled place, and only while nothing is typed, so Enter after
    /// typing a name never empties the place.
    pub fn nobody_row(&self, slot: &Slot) -> usize {
        usize::from(slot.staff.is_some() && self.search.text.is_empty())
    }
}

#[derive(Debug, Default)]
pub struct RotaScreen {
    /// Week of the cycle, from 0.
    pub week: u8,
    /// Index into [`DAYS`].
    pub day: usize,
    /// Index into [`sessions`] of the plan.
    pub row: usize,
    pub focus: Focus,
    /// Selected place in the cell's list.
    pub slot: usize,
    pub filter: LineInput,
    pub filtering: bool,
    /// Showing one person's week.
    pub person: Option<StaffId>,
    pub pick: Option<Pick>,
    /// An open sick call (form, waiting for the repair, or its diff).
    pub sick: Option<SickCall>,
}

impl RotaScreen {
    fn grid_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        let rows = sessions(&cx.doc.plan).len();
        let weeks = cx.doc.plan.cycle_weeks.max(1);
        match key.code {
            KeyCode::Left | KeyCode::Char('h') => self.day = self.day.saturating_sub(1),
            KeyCode::Right | KeyCode::Char('l') => self.day = (self.day + 1).min(DAYS.len() - 1),
            KeyCode::Up | KeyCode::Char('k') => self.row = self.row.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.row = (self.row + 1).min(rows.saturating_sub(1));
            }
            KeyCode::Char(']' | '>') | KeyCode::PageDown => self.week = (self.week + 1) % weeks,
            KeyCode::Char('[' | '<') | KeyCode::PageUp => {
                self.week = (self.week + weeks - 1) % weeks;
            }
            KeyCode::Enter => {
                self.focus = Focus::Posts;
                self.slot = 0;
            }
            KeyCode::Char('/') => self.filtering = true,
            KeyCode::Char('F') => edit::toggle_cell_lock(self, cx),
            KeyCode::Char('p') if self.person.is_some() => self.person = None,
            KeyCode::Esc if self.person.is_some() => self.person = None,
            KeyCode::Esc if !self.filter.text.is_empty() => self.filter.text.clear(),
            _ => return Handled::No,
        }
        Handled::Yes
    }

    fn posts_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        let n = slots(&cell_posts(self, cx.doc)).len();
        match key.code {
            KeyCode::Esc | KeyCode::Left | KeyCode::Char('h') => self.focus = Focus::Grid,
            KeyCode::Up | KeyCode::Char('k') => self.slot = self.slot.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.slot = (self.slot + 1).min(n.saturating_sub(1));
            }
            KeyCode::Home | KeyCode::Char('g') => self.slot = 0,
            KeyCode::End | KeyCode::Char('G') => self.slot = n.saturating_sub(1),
            KeyCode::Enter | KeyCode::Char('a') if n > 0 => self.pick = Some(Pick::default()),
            KeyCode::Char('x') | KeyCode::Delete => edit::remove(self, cx),
            // Not `l`: that moves right everywhere else (hjkl).
            KeyCode::Char('f') => edit::toggle_slot_lock(self, cx),
            KeyCode::Char('F') => edit::toggle_cell_lock(self, cx),
            KeyCode::Char('/') => self.filtering = true,
            KeyCode::Char('p') => {
                if let Some(id) = self.selected_slot(cx.doc).and_then(|s| s.staff) {
                    self.person = Some(id);
                    self.focus = Focus::Grid;
                }
            }
            KeyCode::Char(']' | '>' | '[' | '<') => {
                self.focus = Focus::Grid;
                return self.grid_key(key, cx);
            }
            _ => return Handled::No,
        }
        Handled::Yes
    }

    fn pick_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        let Some(slot) = self.selected_slot(cx.doc) else {
            self.pick = None;
            return Handled::Yes;
        };
        let Some(pick) = self.pick.as_mut() else {
            return Handled::No;
        };
        let found = candidates(cx.doc, &slot, &pick.search.text);
        let extra = pick.nobody_row(&slot);
        let n = found.len() + extra;
        match key.code {
            KeyCode::Up => pick.selected = pick.selected.saturating_sub(1),
            KeyCode::Down => pick.selected = (pick.selected + 1).min(n.saturating_sub(1)),
            KeyCode::PageUp => pick.selected = pick.selected.saturating_sub(10),
            KeyCode::PageDown => pick.selected = (pick.selected + 10).min(n.saturating_sub(1)),
            _ => match pick.search.handle_key(key) {
                // What is typed names someone: the first match is selected
                // (the "nobody" row is gone while there is a search).
                InputKey::Edited => pick.selected = 0,
                InputKey::Cancel => self.pick = None,
                InputKey::Done => {
                    let chosen = pick.selected.min(n.saturating_sub(1));
                    if extra == 1 && chosen == 0 {
                        self.pick = None;
                        edit::remove(self, cx);
                    } else if let Some(c) = found.get(chosen - extra) {
                        self.pick = None;
                        edit::assign(cx, &slot, &c.staff);
                    } else {
                        // Nobody matches: nothing is chosen, the picker stays.
                        cx.say(fill(cx.text.rota_pick_no_match, &[&pick.search.text]));
                    }
                }
                InputKey::Ignored => {}
            },
        }
        Handled::Yes
    }

    /// Opens the sick-call form for the selected adult (or the person
    /// viewed), dated the next service day from today that the selected cell
    /// stands for (its weekday and week of the cycle).
    fn open_sick_call(&mut self, cx: &mut Cx<'_>) {
        let who = self.person.clone().or_else(|| {
            (self.focus == Focus::Posts)
                .then(|| self.selected_slot(cx.doc).and_then(|s| s.staff))
                .flatten()
        });
        let school = &cx.doc.school;
        let days =
            kehou_solver::calendar::service_days(&school.term, cx.doc.plan.cycle_weeks.max(1));
        let this_cell = |d: &&kehou_solver::calendar::ServiceDay| {
            d.runs_as == DAYS[self.day.min(DAYS.len() - 1)] && d.cycle_week == self.week + 1
        };
        let date = days
            .iter()
            .filter(this_cell)
            .find(|d| d.date >= cx.today)
            .or_else(|| days.iter().find(this_cell))
            .map_or_else(|| sick::default_date(cx), |d| d.date);
        let person = who.as_ref().and_then(|id| school.person(id));
        self.sick = Some(sick::form(person, None, date, cx.doc, cx.text));
    }

    /// The place selected in the list, if the cell has any.
    pub fn selected_slot(&self, doc: &crate::tui::doc::Doc) -> Option<Slot> {
        let slots = slots(&cell_posts(self, doc));
        slots
            .get(self.slot.min(slots.len().saturating_sub(1)))
            .cloned()
    }
}

impl Screen for RotaScreen {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        if let Some(call) = self.sick.as_mut() {
            if !call.key(key, cx) {
                self.sick = None;
            }
            return Handled::Yes;
        }
        if key.code == KeyCode::Char('A') && !self.filtering && self.pick.is_none() {
            self.open_sick_call(cx);
            return Handled::Yes;
        }
        if self.pick.is_some() {
            return self.pick_key(key, cx);
        }
        if self.filtering {
            match self.filter.handle_key(key) {
                InputKey::Done => self.filtering = false,
                InputKey::Cancel => {
                    self.filtering = false;
                    self.filter.text.clear();
                }
                InputKey::Edited | InputKey::Ignored => {}
            }
            self.slot = 0;
            return Handled::Yes;
        }
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Handled::No;
        }
        match self.focus {
            Focus::Grid => self.grid_key(key, cx),
            Focus::Posts => self.posts_key(key, cx),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
        draw::render(self, frame, area, view);
    }

    fn help(&self, t: &'static Text) -> Vec<(&'static str, &'static str)> {
        vec![
            ("↑↓←→ hjkl", t.key_move),
            ("[ ]", t.key_rota_week),
            ("Enter", t.key_rota_enter),
            ("a", t.key_rota_assign),
            ("x Del", t.key_rota_remove),
            ("f / F", t.key_rota_lock),
            ("p", t.key_rota_person),
            ("/", t.key_rota_filter),
            ("A", t.key_rota_sick),
            ("Esc", t.key_rota_back),
        ]
    }

    fn capturing(&self) -> bool {
        self.filtering || self.pick.is_some() || self.sick.is_some()
    }
}
