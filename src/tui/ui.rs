//! Drawing: a pure function of [`App`]. The tab line, the current screen,
//! the status line, and the overlays (help, confirm quit) on top.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::app::{App, Overlay};
use super::screens::ScreenId;
use super::text::{fill, Text};
use super::theme;
use super::widgets::{centered, clear_popup, pad, width};

pub fn render(app: &App, frame: &mut Frame) {
    let [tabs, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    draw_tabs(app, frame, tabs);
    app.screens.get(app.screen).render(frame, body, &app.view());
    draw_status(app, frame, status);
    if let Some(open) = &app.review {
        open.draw(frame, body, &app.view());
    }
    match app.overlay {
        Some(Overlay::Help) => draw_help(app, frame),
        Some(Overlay::ConfirmQuit) => draw_confirm_quit(app.text, frame),
        None => {}
    }
    super::disk::draw(app, frame);
}

fn draw_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    // The tenth screen's key is `0`. When the labels and the school's name
    // do not fit, the labels share their spaces.
    let key = |i: usize| (i + 1) % 10;
    let wide: usize = ScreenId::ALL
        .iter()
        .enumerate()
        .map(|(i, id)| width(&format!(" {}{} ", key(i), id.title(app.text))))
        .sum();
    let compact = wide + width(&app.doc.school.name) + 2 > usize::from(area.width);
    if compact {
        spans.push(Span::raw(" "));
    }
    for (i, id) in ScreenId::ALL.iter().enumerate() {
        let label = if compact {
            format!("{}{} ", key(i), id.title(app.text))
        } else {
            format!(" {}{} ", key(i), id.title(app.text))
        };
        if *id == app.screen {
            spans.push(Span::styled(label, theme::tab_active()));
        } else {
            spans.push(Span::raw(label));
        }
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used + 1);
    if room > 6 {
        let name = super::widgets::truncate(&app.doc.school.name, room);
        spans.push(Span::raw(" ".repeat(room - width(&name) + 1)));
        spans.push(Span::styled(name, theme::title()));
    }
    frame.render_widget(Line::from(spans), area);
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    let t = app.text;
    let file = app
        .doc
        .school_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let left = if let (Some(s), Some(elapsed)) = (app.solving, app.solve_elapsed()) {
        Span::styled(
            fill(
                t.solving,
                &[&elapsed.as_secs(), &format!("{:.0}", s.limit_seconds)],
            ),
            theme::warn(),
        )
    } else if let Some(m) = &app.message {
        Span::raw(m.as_str())
    } else {
        Span::styled(t.status_hint, theme::dim())
    };
    // The message comes first: the file name gets what is left (cut, or
    // left out), the unsaved mark stays.
    // One column is left free at the right edge.
    let total = usize::from(area.width).saturating_sub(1);
    let mark = match (
        app.doc.dirty(),
        width(&left.content) + 2 + width(t.unsaved_mark),
    ) {
        (false, _) => String::new(),
        (true, w) if w <= total => format!(" {}", t.unsaved_mark),
        // No room for the words: the mark of a changed file, `*`.
        (true, _) => " *".to_owned(),
    };
    let left_room = total.saturating_sub(width(&mark) + 1);
    let left_text = super::widgets::truncate(&left.content, left_room);
    let file_room = total.saturating_sub(width(&left_text) + 2 + width(&mark));
    let file = if width(&file) <= file_room {
        file
    } else if file_room >= 8 {
        super::widgets::truncate(&file, file_room)
    } else {
        String::new()
    };
    let right_width = width(&file) + width(&mark);
    let left_room = total.saturating_sub(right_width + 1);
    let mut spans = vec![
        Span::styled(pad(&left_text, left_room), left.style),
        Span::raw(" "),
        Span::raw(file),
    ];
    if !mark.is_empty() {
        spans.push(Span::styled(mark, theme::warn()));
    }
    frame.render_widget(Line::from(spans), area);
}

fn draw_help(app: &App, frame: &mut Frame) {
    let t = app.text;
    let screen_keys = app.screens.get(app.screen).help(t);
    let global = [
        ("Tab / Shift-Tab", t.key_next_screen),
        ("1…9 0", t.key_jump_screen),
        ("S", t.key_solve),
        ("R", t.key_solve_fresh),
        ("Esc", t.key_cancel),
        ("u  Ctrl-Z", t.key_undo),
        ("Ctrl-R  Ctrl-Y", t.key_redo),
        ("Ctrl-S", t.key_save),
        ("?", t.key_help),
        ("q", t.key_quit),
    ];
    // Moving and searching differ by screen, so each screen lists its own;
    // the frame's keys a screen already lists are not repeated.
    let global: Vec<(&str, &str)> = global
        .into_iter()
        .filter(|(k, _)| !screen_keys.iter().any(|(sk, _)| sk == k))
        .collect();
    let key_w = screen_keys
        .iter()
        .chain(global.iter())
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for (title, keys) in [
        (app.screen.title(t), &screen_keys),
        (t.help_global, &global),
    ] {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(title.to_owned(), theme::header()));
        for (k, what) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", pad(k, key_w)), theme::title()),
                Span::raw(format!("  {what}")),
            ]));
        }
    }
    let area = frame.area();
    let text_w = lines.iter().map(Line::width).max().unwrap_or(20) as u16;
    let popup = centered(area, text_w + 2, lines.len() as u16 + 2);
    // Taller than the screen: ↑↓ scroll, and the bottom line says so.
    let room = popup.height.saturating_sub(2);
    let overflow = (lines.len() as u16).saturating_sub(room);
    let scroll = app.help_scroll.min(overflow);
    let close = if overflow > 0 {
        format!(" ↑↓ {} ", t.help_close)
    } else {
        format!(" {} ", t.help_close)
    };
    clear_popup(frame, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::title())
        .title(format!(" {} — {} ", t.help_title, app.screen.title(t)))
        .title_bottom(Line::from(close).right_aligned());
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(block),
        popup,
    );
}

fn draw_confirm_quit(t: &Text, frame: &mut Frame) {
    let w = t.confirm_quit.lines().map(width).max().unwrap_or(20) as u16 + 4;
    let h = t.confirm_quit.lines().count() as u16 + 2;
    let area = centered(frame.area(), w, h);
    clear_popup(frame, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::warn())
        .title(format!(" {} ", t.confirm_quit_title));
    frame.render_widget(
        Paragraph::new(t.confirm_quit)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
