//! Boxes drawn over a screen: where they go, how they are cleared, and the
//! y/n question.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::width;
use crate::tui::text::Text;
use crate::tui::theme;

/// Clears `area` for a popup. A double-width character just left of it
/// would spill over the popup's left border, so it is blanked too.
pub fn clear_popup(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    if area.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        let cell = &mut buf[(area.x - 1, y)];
        if width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// A box of `w`×`h` cells centred in `area` (shrunk to fit).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    r
}

/// A bordered box with its title, as the overview's panels have.
pub fn boxed(title: &str) -> Block<'_> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(ratatui::text::Span::styled(
            format!(" {title} "),
            theme::title(),
        ))
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
