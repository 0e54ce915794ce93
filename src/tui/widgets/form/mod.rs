//! Forms for adding and editing rows of the data screens: one labelled text
//! field per line, the message about a field right under it (a value that
//! does not parse, or a validation finding about what the value would do),
//! and the keys Tab/↑↓ between fields, Enter to save, Esc to cancel.
//!
//! `screens::editor` puts a form, a table and a delete question together for
//! the list screens (staff, rooms, classes, clubs, calendar); [`parse`] has
//! the field parsers, whose messages are in both languages.

pub mod parse;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::input::{InputKey, LineInput};
use super::{pad, truncate, width};
use crate::tui::text::Text;
use crate::tui::theme;
use crate::tui::widgets::centered;

/// A field of the school file, as a validation finding names it.
pub use kehou_solver::validate::Field as Place;

/// One field: a label, what is typed, a hint (the accepted values) and the
/// message about it, if any.
#[derive(Debug, Clone, Default)]
pub struct Field {
    pub label: &'static str,
    pub input: LineInput,
    pub hint: String,
    pub error: Option<String>,
    /// The fields of the school file this field edits: a validation
    /// finding about one of them is shown beside it.
    pub places: &'static [Place],
    /// The values ←/→ step through, for a field of a few fixed values (a
    /// kind of room, a weekday); typing still works.
    pub choices: Vec<String>,
}

impl Field {
    pub fn new(label: &'static str, value: impl Into<String>) -> Field {
        Field {
            label,
            input: LineInput { text: value.into() },
            ..Field::default()
        }
    }

    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Field {
        self.hint = hint.into();
        self
    }

    #[must_use]
    pub fn places(mut self, places: &'static [Place]) -> Field {
        self.places = places;
        self
    }

    /// ←/→ step through `choices`; the hint lists them unless one is set.
    #[must_use]
    pub fn choices<S: Into<String>>(mut self, choices: impl IntoIterator<Item = S>) -> Field {
        self.choices = choices.into_iter().map(Into::into).collect();
        if self.hint.is_empty() {
            self.hint = format!("←→ {}", self.choices.join(" "));
        }
        self
    }

    /// The next (or previous) choice after what is typed: the first choice
    /// that starts with it when it is not one of them.
    fn step(&mut self, forward: bool) -> bool {
        let n = self.choices.len();
        if n == 0 {
            return false;
        }
        let typed = self.input.text.trim().to_lowercase();
        let at = self.choices.iter().position(|c| c.to_lowercase() == typed);
        let next = match at {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => self
                .choices
                .iter()
                .position(|c| !typed.is_empty() && c.to_lowercase().starts_with(&typed))
                .unwrap_or(if forward { 0 } else { n - 1 }),
        };
        self.input.text.clone_from(&self.choices[next]);
        true
    }
}

/// A message about one field (by index) or about the whole form (`None`).
pub type FieldError = (Option<usize>, String);

/// A form being filled in.
#[derive(Debug, Clone, Default)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Messages not about one field (shown above the keys line).
    pub messages: Vec<String>,
    /// The keys line at the bottom, when not the data screens' usual one.
    pub keys: Option<&'static str>,
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    /// Enter: check and save.
    Submit,
    /// Esc: close without saving.
    Cancel,
    /// The key moved or typed.
    Handled,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
            messages: Vec::new(),
            keys: None,
        }
    }

    /// Says other keys at the bottom (what Enter does here).
    #[must_use]
    pub fn keys(mut self, keys: &'static str) -> Form {
        self.keys = Some(keys);
        self
    }

    /// Each field's text, trimmed.
    pub fn values(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| f.input.text.trim().to_owned())
            .collect()
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> FormKey {
        let n = self.fields.len().max(1);
        match key.code {
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + n - 1) % n,
            KeyCode::Left | KeyCode::Right => {
                if let Some(field) = self.fields.get_mut(self.focus) {
                    if field.step(key.code == KeyCode::Right) {
                        field.error = None;
                    }
                }
            }
            _ => {
                let Some(field) = self.fields.get_mut(self.focus) else {
                    return FormKey::Cancel;
                };
                match field.input.handle_key(key) {
                    InputKey::Done => return FormKey::Submit,
                    InputKey::Cancel => return FormKey::Cancel,
                    InputKey::Edited => field.error = None,
                    InputKey::Ignored => {}
                }
            }
        }
        FormKey::Handled
    }

    /// Replaces every message with `errors`; focus goes to the first field
    /// with a message.
    pub fn set_errors(&mut self, errors: Vec<FieldError>) {
        for f in &mut self.fields {
            f.error = None;
        }
        self.messages.clear();
        for (field, message) in errors {
            match field.and_then(|i| self.fields.get_mut(i)) {
                Some(f) => match &mut f.error {
                    Some(e) => {
                        e.push_str("; ");
                        e.push_str(&message);
                    }
                    None => f.error = Some(message),
                },
                None => self.messages.push(message),
            }
        }
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
    }

    /// The field a validation finding is about (`finding.field`), else
    /// `None`: the whole form.
    pub fn field_for(&self, place: Option<Place>) -> Option<usize> {
        let place = place?;
        self.fields.iter().position(|f| f.places.contains(&place))
    }

    /// Draws the form as a box over `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, t: &Text) {
        let d = t.data;
        let label_w = self
            .fields
            .iter()
            .map(|f| width(f.label))
            .max()
            .unwrap_or(4);
        let box_w = area.width.clamp(20, 100);
        let inner_w = usize::from(box_w.saturating_sub(2));
        let input_w = inner_w.saturating_sub(label_w + 4).max(4);
        let mut lines: Vec<Line> = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let marker = if focused { "▶ " } else { "  " };
            let text = if focused {
                format!("{}▏", f.input.text)
            } else {
                f.input.text.clone()
            };
            let shown = tail(&text, input_w);
            let mut spans = vec![
                Span::styled(marker, theme::title()),
                Span::styled(
                    pad(f.label, label_w),
                    if focused {
                        theme::title()
                    } else {
                        theme::header()
                    },
                ),
                Span::raw("  "),
                Span::styled(
                    shown.clone(),
                    if focused {
                        theme::selected()
                    } else {
                        ratatui::style::Style::default()
                    },
                ),
            ];
            let room = input_w.saturating_sub(width(&shown) + 2);
            if !f.hint.is_empty() && room > 4 {
                spans.push(Span::raw("  "));
                spans.push(Span::styled(truncate(&f.hint, room), theme::dim()));
            }
            lines.push(Line::from(spans));
            if let Some(e) = &f.error {
                let indent = " ".repeat(label_w + 4);
                for chunk in wrap(&format!("✗ {e}"), inner_w.saturating_sub(label_w + 4)) {
                    lines.push(Line::from(vec![
                        Span::raw(indent.clone()),
                        Span::styled(chunk, theme::bad()),
                    ]));
                }
            }
        }
        for m in &self.messages {
            for chunk in wrap(&format!("✗ {m}"), inner_w) {
                lines.push(Line::styled(chunk, theme::bad()));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            truncate(self.keys.unwrap_or(d.form_keys), inner_w),
            theme::dim(),
        ));
        let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let rect = centered(area, box_w, h);
        frame.render_widget(Clear, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::title())
            .title(format!(" {} ", self.title));
        frame.render_widget(Paragraph::new(lines).block(block), rect);
    }
}

/// The last `max` columns of `s` (the end of a long input stays visible).
fn tail(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out.into_iter().rev().collect()
}

/// `s` broken into lines of at most `max` columns (by character, which
/// suits Chinese; English breaks at a space when one is near).
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max {
            let cut = line.rfind(' ').filter(|&i| width(&line[i..]) < max / 3);
            match cut {
                Some(i) => {
                    let rest = line[i + 1..].to_owned();
                    line.truncate(i);
                    lines.push(std::mem::take(&mut line));
                    line = rest;
                }
                None => lines.push(std::mem::take(&mut line)),
            }
            used = width(&line);
        }
        line.push(c);
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn keys_move_type_and_submit() {
        let mut f = Form::new("t", vec![Field::new("a", "1"), Field::new("b", "")]);
        assert_eq!(f.handle_key(key(KeyCode::Tab)), FormKey::Handled);
        assert_eq!(f.focus, 1);
        f.handle_key(key(KeyCode::Char('王')));
        assert_eq!(f.values(), vec!["1".to_owned(), "王".to_owned()]);
        assert_eq!(f.handle_key(key(KeyCode::Enter)), FormKey::Submit);
        assert_eq!(f.handle_key(key(KeyCode::Esc)), FormKey::Cancel);
    }

    #[test]
    fn errors_go_to_their_field_and_typing_clears_them() {
        let mut f = Form::new(
            "t",
            vec![
                Field::new("a", ""),
                Field::new("b", "").places(&[Place::Capacity, Place::Fallback]),
            ],
        );
        assert_eq!(f.field_for(Some(Place::Fallback)), Some(1));
        assert_eq!(f.field_for(Some(Place::Grade)), None);
        assert_eq!(f.field_for(None), None);
        f.set_errors(vec![(Some(1), "bad".into()), (None, "general".into())]);
        assert_eq!(f.focus, 1);
        assert_eq!(f.fields[1].error.as_deref(), Some("bad"));
        assert_eq!(f.messages, vec!["general".to_owned()]);
        f.handle_key(key(KeyCode::Char('x')));
        assert!(f.fields[1].error.is_none());
    }

    #[test]
    fn arrows_step_through_the_choices_of_a_field() {
        let mut f = Form::new(
            "t",
            vec![
                Field::new("kind", "音乐室").choices(["教室", "音乐室", "操场"]),
                Field::new("name", "x"),
            ],
        );
        f.handle_key(key(KeyCode::Right));
        assert_eq!(f.values()[0], "操场");
        f.handle_key(key(KeyCode::Right));
        assert_eq!(f.values()[0], "教室", "past the last comes the first");
        f.handle_key(key(KeyCode::Left));
        assert_eq!(f.values()[0], "操场");
        // Typed text that starts a choice steps to it.
        f.fields[0].input.text = "音".into();
        f.handle_key(key(KeyCode::Right));
        assert_eq!(f.values()[0], "音乐室");
        // A field without choices is left alone.
        f.handle_key(key(KeyCode::Tab));
        f.handle_key(key(KeyCode::Right));
        assert_eq!(f.values()[1], "x");
    }

    #[test]
    fn wrap_and_tail_respect_double_width() {
        for line in wrap("王丽王丽王丽王丽王丽王丽", 9) {
            assert!(width(&line) <= 9, "{line}");
        }
        assert_eq!(width(&tail("王丽王丽王丽", 7)), 7);
    }
}
