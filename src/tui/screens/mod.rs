//! The screens, one file each, behind one small trait. `App` owns one value
//! of every screen (so each keeps its selection and search while you look
//! elsewhere) and [`ScreenId`] says which is showing.
//!
//! Adding a screen: a struct implementing [`Screen`] in its own file, a
//! variant in [`ScreenId`] (tab order), a field in [`Screens`] and a line in
//! [`Screens::get`]/[`Screens::get_mut`]; its words go in `tui::text`.

mod availability;
mod calendar;
pub mod capacity;
mod classes;
mod clubs;
pub mod cover;
pub mod editor;
mod export;
mod fairness;
pub mod overview;
pub mod review;
mod rooms;
pub mod rota;
pub mod sick;
mod staff;
pub mod words;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;

use super::doc::Doc;
use super::event::Effect;
use super::queue::Queue;
use super::text::{Lang, Text};

/// A screen: how it draws, what its keys do, and what `?` says about them.
pub trait Screen {
    /// Handles a key the frame did not take. Return [`Handled::No`] to let
    /// the frame's keys (Esc cancelling a solve, …) have it.
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled;

    /// Draws the screen into `area` (everything but the tab and status lines).
    fn render(&self, frame: &mut Frame, area: Rect, view: &View<'_>);

    /// The screen's own keys for the help overlay: (keys, what they do).
    fn help(&self, t: &'static Text) -> Vec<(&'static str, &'static str)>;

    /// True while the screen takes typed text (a search, a form field): then
    /// every key goes to the screen first, so typing `q` types a q. Only
    /// Ctrl-C, Ctrl-S and Esc-handling stay with the frame.
    fn capturing(&self) -> bool {
        false
    }
}

pub use super::widgets::Handled;

/// What a screen may touch while handling a key.
pub struct Cx<'a> {
    /// The school and plan: change them only through `doc.edit` (undo, dirty).
    pub doc: &'a mut Doc,
    pub text: &'static Text,
    /// A one-line message for the status bar (what happened, what went wrong).
    pub message: &'a mut Option<String>,
    /// Work for a background thread (a repair, an export): pushed, never
    /// overwritten; each result comes back as an event.
    pub queue: &'a mut Queue,
    /// Today, as the clock said when the interface started (tests set it).
    pub today: chrono::NaiveDate,
}

impl Cx<'_> {
    pub fn say(&mut self, message: impl Into<String>) {
        *self.message = Some(message.into());
    }

    /// Asks for `effect` to be run once this key is handled.
    pub fn run(&mut self, effect: Effect) {
        self.queue.push(effect);
    }
}

/// What a screen may read while drawing.
pub struct View<'a> {
    pub doc: &'a Doc,
    pub text: &'static Text,
    pub lang: Lang,
}

/// The screens in tab order; `1`…`9` jump to them, `0` to the tenth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreenId {
    Overview,
    Rota,
    Staff,
    Rooms,
    Classes,
    Clubs,
    Calendar,
    Availability,
    Export,
    /// The term's sick calls and substitutions.
    Cover,
}

impl ScreenId {
    pub const ALL: [ScreenId; 10] = [
        ScreenId::Overview,
        ScreenId::Rota,
        ScreenId::Staff,
        ScreenId::Rooms,
        ScreenId::Classes,
        ScreenId::Clubs,
        ScreenId::Calendar,
        ScreenId::Availability,
        ScreenId::Export,
        ScreenId::Cover,
    ];

    pub fn index(self) -> usize {
        ScreenId::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> ScreenId {
        ScreenId::ALL[(self.index() + 1) % ScreenId::ALL.len()]
    }

    pub fn prev(self) -> ScreenId {
        let n = ScreenId::ALL.len();
        ScreenId::ALL[(self.index() + n - 1) % n]
    }

    pub fn title(self, t: &Text) -> &'static str {
        match self {
            ScreenId::Overview => t.screen_overview,
            ScreenId::Rota => t.screen_rota,
            ScreenId::Staff => t.screen_staff,
            ScreenId::Rooms => t.screen_rooms,
            ScreenId::Classes => t.screen_classes,
            ScreenId::Clubs => t.screen_clubs,
            ScreenId::Calendar => t.screen_calendar,
            ScreenId::Availability => t.screen_availability,
            ScreenId::Export => t.screen_export,
            ScreenId::Cover => t.cover.screen,
        }
    }
}

/// One value of every screen.
#[derive(Debug, Default)]
pub struct Screens {
    pub overview: overview::OverviewScreen,
    pub rota: rota::RotaScreen,
    pub staff: staff::StaffScreen,
    pub rooms: rooms::RoomsScreen,
    pub classes: classes::ClassesScreen,
    pub clubs: clubs::ClubsScreen,
    pub calendar: calendar::CalendarScreen,
    pub availability: availability::AvailabilityScreen,
    pub export: export::ExportScreen,
    pub cover: cover::CoverScreen,
}

impl Screens {
    pub fn get(&self, id: ScreenId) -> &dyn Screen {
        match id {
            ScreenId::Overview => &self.overview,
            ScreenId::Rota => &self.rota,
            ScreenId::Staff => &self.staff,
            ScreenId::Rooms => &self.rooms,
            ScreenId::Classes => &self.classes,
            ScreenId::Clubs => &self.clubs,
            ScreenId::Calendar => &self.calendar,
            ScreenId::Availability => &self.availability,
            ScreenId::Export => &self.export,
            ScreenId::Cover => &self.cover,
        }
    }

    pub fn get_mut(&mut self, id: ScreenId) -> &mut dyn Screen {
        match id {
            ScreenId::Overview => &mut self.overview,
            ScreenId::Rota => &mut self.rota,
            ScreenId::Staff => &mut self.staff,
            ScreenId::Rooms => &mut self.rooms,
            ScreenId::Classes => &mut self.classes,
            ScreenId::Clubs => &mut self.clubs,
            ScreenId::Calendar => &mut self.calendar,
            ScreenId::Availability => &mut self.availability,
            ScreenId::Export => &mut self.export,
            ScreenId::Cover => &mut self.cover,
        }
    }
}
