//! Colours and styles, in one place. Colour is never the only signal: unmet
//! posts also say "missing", locks show 🔒-free text markers, so a
//! monochrome terminal (or a snapshot) loses nothing.

use kehou_solver::plan::PostKind;
use ratatui::style::{Color, Modifier, Style};

pub fn border() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn header() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn title() -> Style {
    Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

pub fn good() -> Style {
    Style::default().fg(Color::Green)
}

pub fn warn() -> Style {
    Style::default().fg(Color::Yellow)
}

pub fn bad() -> Style {
    Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn tab_active() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

/// The colour of a kind of post, in the rota.
pub fn post_kind(kind: PostKind) -> Style {
    Style::default().fg(match kind {
        PostKind::Homework => Color::Blue,
        PostKind::Club => Color::Magenta,
        PostKind::Late => Color::Yellow,
        PostKind::DutyLeader => Color::Cyan,
        PostKind::Gate => Color::Green,
        PostKind::Reception => Color::LightBlue,
    })
}
