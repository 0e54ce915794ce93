//! The export screen: pick a format (←→), optionally a date and a person,
//! an output path (by default beside the school file), and run the export
//! (`x`, or Enter on the button). The work is `crate::export::export`, the
//! same as `kehou export`; the screen shows the files written or the error,
//! next to the field it concerns when it concerns one.
//!
//! The export runs on a worker thread (`Effect::Export`, like a save): the
//! key only checks the fields and starts it, the screen says "writing…"
//! until `Event::Exported` brings the files written or the error.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kehou_solver::model::StaffId;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::{Cx, Handled, Screen, ScreenId, View};
use crate::export::{ExportError, ExportOptions, Format, Written};
use crate::tui::doc::Doc;
use crate::tui::event::{Effect, ExportJob, ExportResult};
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::form::parse;
use crate::tui::widgets::input::{InputKey, LineInput};
use crate::tui::widgets::{pad, width};

const FORMAT: usize = 0;
const DATE: usize = 1;
const PERSON: usize = 2;
const OUTPUT: usize = 3;
const RUN: usize = 4;

#[derive(Debug, Default)]
pub struct ExportScreen {
    /// Index into `Format::ALL`.
    pub format: usize,
    pub date: LineInput,
    pub person: LineInput,
    /// `None` until the user types a path: then the default follows the format.
    pub output: Option<LineInput>,
    /// The row with the cursor.
    pub focus: usize,
    /// True while typing into the focused field.
    pub editing: bool,
    /// A message per field (index), from the last attempt.
    pub errors: Vec<(usize, String)>,
    /// What the last export wrote, or why it failed.
    pub result: Option<Result<Vec<Written>, String>>,
    /// An export is being written (its result has not come back yet).
    pub writing: bool,
    /// The fields as they were when editing started, for Esc to put back.
    pub before: Option<Fields>,
}

/// The typed fields (date, person, output), as one value to put back.
pub type Fields = (LineInput, LineInput, Option<LineInput>);

/// Where an export goes unless told otherwise: beside the school file,
/// named after it (`demo-duty-board.html`).
pub fn default_output(school_path: &Path, format: Format) -> PathBuf {
    let name = school_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".school.ron").unwrap_or(&name).to_owned();
    school_path.with_file_name(format!("{stem}-{}", format.default_output()))
}

/// A path as the user would type it: relative to the working folder when
/// it is inside it (as the command line takes it), else in full.
fn shown(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_owned())
        .display()
        .to_string()
}

fn format_name(f: Format, t: &Text) -> &'static str {
    let i = Format::ALL.iter().position(|x| *x == f).unwrap_or(0);
    t.data.formats[i]
}

impl ExportScreen {
    fn format(&self) -> Format {
        Format::ALL[self.format % Format::ALL.len()]
    }

    fn output(&self, doc: &Doc) -> String {
        match &self.output {
            Some(o) => o.text.clone(),
            None => shown(&default_output(&doc.school_path, self.format())),
        }
    }

    fn input_mut(&mut self, field: usize, doc: &Doc) -> Option<&mut LineInput> {
        match field {
            DATE => Some(&mut self.date),
            PERSON => Some(&mut self.person),
            OUTPUT => {
                let current = self.output(doc);
                Some(self.output.get_or_insert(LineInput { text: current }))
            }
            _ => None,
        }
    }

    /// The options the fields say, or the messages for the fields.
    fn options(&self, doc: &Doc, t: &Text) -> Result<ExportOptions, Vec<(usize, String)>> {
        let mut errors = Vec::new();
        let mut options = ExportOptions::new(self.format(), self.output(doc).trim());
        // The files speak the language the screen does.
        options.lang = t.lang;
        match parse::optional_date(DATE, &self.date.text, t) {
            Ok(d) => options.date = d,
            Err((_, e)) => errors.push((DATE, e)),
        }
        let who = self.person.text.trim();
        if !who.is_empty() {
            match doc
                .school
                .staff
                .iter()
                .find(|p| p.id.as_str() == who || p.name == who)
            {
                Some(p) => options.person = Some(p.id.clone()),
                None => errors.push((PERSON, fill(t.data.err_no_such, &[&who]))),
            }
        }
        if options.output.as_os_str().is_empty() {
            errors.push((OUTPUT, t.data.err_required.to_owned()));
        }
        if errors.is_empty() {
            Ok(options)
        } else {
            Err(errors)
        }
    }

    /// Checks the fields and starts the export on the worker.
    fn run(&mut self, cx: &mut Cx<'_>) {
        let t = cx.text;
        if self.writing {
            cx.say(t.data.export_busy);
            return;
        }
        self.errors.clear();
        self.result = None;
        let options = match self.options(cx.doc, t) {
            Ok(o) => o,
            Err(e) => {
                self.errors = e;
                return;
            }
        };
        self.writing = true;
        cx.say(fill(t.data.export_writing, &[&options.output.display()]));
        cx.run(Effect::Export(ExportJob {
            school: cx.doc.school.clone(),
            plan: cx.doc.plan.clone(),
            options,
        }));
    }

    /// The export came back: show the files or the error (beside its field
    /// when it concerns one). Returns the status line's message.
    pub fn on_exported(&mut self, result: ExportResult, t: &Text) -> String {
        self.writing = false;
        match result.written {
            Ok(written) => {
                let message = fill(
                    t.data.exported,
                    &[&written.len(), &result.options.output.display()],
                );
                self.result = Some(Ok(written));
                message
            }
            Err(e) => {
                let field = match &e {
                    ExportError::NoService { .. } => Some(DATE),
                    ExportError::UnknownPerson(_) => Some(PERSON),
                    ExportError::Unused {
                        option: crate::export::Unused::Person,
                        ..
                    } => Some(PERSON),
                    ExportError::Unused { .. } => Some(DATE),
                    ExportError::Directory { .. } => Some(OUTPUT),
                    _ => None,
                };
                let message = crate::words::errors::export(&e, t.lang);
                let said = fill(t.data.export_failed, &[&message]);
                match field {
                    Some(f) => self.errors.push((f, message)),
                    None => self.result = Some(Err(message)),
                }
                said
            }
        }
    }
}

impl Screen for ExportScreen {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        if self.editing {
            let focus = self.focus;
            if let Some(input) = self.input_mut(focus, cx.doc) {
                match input.handle_key(key) {
                    InputKey::Done => {
                        self.editing = false;
                        self.before = None;
                    }
                    InputKey::Cancel => {
                        self.editing = false;
                        if let Some((date, person, output)) = self.before.take() {
                            (self.date, self.person, self.output) = (date, person, output);
                        }
                    }
                    InputKey::Edited => self.errors.retain(|(f, _)| *f != focus),
                    InputKey::Ignored => {}
                }
            } else {
                self.editing = false;
            }
            return Handled::Yes;
        }
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Handled::No;
        }
        let n = Format::ALL.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.focus = self.focus.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.focus = (self.focus + 1).min(RUN),
            KeyCode::Left | KeyCode::Char('h') if self.focus == FORMAT => {
                self.format = (self.format + n - 1) % n;
            }
            KeyCode::Right | KeyCode::Char('l' | ' ') if self.focus == FORMAT => {
                self.format = (self.format + 1) % n;
            }
            KeyCode::Char('x') => self.run(cx),
            KeyCode::Enter if self.focus == RUN => self.run(cx),
            KeyCode::Enter | KeyCode::Char('e') if matches!(self.focus, DATE | PERSON | OUTPUT) => {
                self.before = Some((self.date.clone(), self.person.clone(), self.output.clone()));
                self.editing = true;
            }
            KeyCode::Char('o') => {
                self.output = None;
                self.errors.retain(|(f, _)| *f != OUTPUT);
            }
            _ => return Handled::No,
        }
        Handled::Yes
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
        let t = view.text;
        let d = t.data;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border())
            .title(format!(" {} ", ScreenId::Export.title(t)));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let labels = [d.col_format, d.col_date, d.col_person, d.col_output];
        let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(6);
        let person_name = view
            .doc
            .school
            .person(&StaffId::new(self.person.text.trim()))
            .map(|p| p.name.clone());
        let values = [
            format!("‹ {} ›", format_name(self.format(), t)),
            self.date.text.clone(),
            self.person.text.clone(),
            self.output(view.doc),
        ];
        let hints = [
            d.hint_format.to_owned(),
            d.hint_export_date.to_owned(),
            person_name.unwrap_or_else(|| d.hint_export_person.to_owned()),
            String::new(),
        ];
        let mut lines = vec![Line::raw("")];
        for (i, label) in labels.iter().enumerate() {
            let focused = self.focus == i;
            let cursor = if focused && self.editing { "▏" } else { "" };
            let value_style = if focused {
                theme::selected()
            } else {
                ratatui::style::Style::default()
            };
            let mut spans = vec![
                Span::styled(if focused { " ▶ " } else { "   " }, theme::title()),
                Span::styled(pad(label, label_w), theme::header()),
                Span::raw("  "),
                Span::styled(format!("{}{cursor}", values[i]), value_style),
            ];
            if !hints[i].is_empty() {
                // An empty field shows its hint where the value goes.
                let gap = if values[i].is_empty() && cursor.is_empty() {
                    ""
                } else {
                    "  "
                };
                spans.push(Span::styled(format!("{gap}{}", hints[i]), theme::dim()));
            }
            lines.push(Line::from(spans));
            for (_, e) in self.errors.iter().filter(|(f, _)| *f == i) {
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(label_w + 5)),
                    Span::styled(format!("✗ {e}"), theme::bad()),
                ]));
            }
        }
        lines.push(Line::raw(""));
        let button = format!("[ {} ]", d.run_export);
        lines.push(Line::from(vec![
            Span::styled(
                if self.focus == RUN { " ▶ " } else { "   " },
                theme::title(),
            ),
            Span::styled(
                button,
                if self.focus == RUN {
                    theme::selected()
                } else {
                    theme::header()
                },
            ),
            Span::styled(format!("  {}", d.export_keys), theme::dim()),
        ]));
        if view.doc.plan_is_stale() {
            lines.push(Line::styled(
                format!("   {}", d.export_stale),
                theme::warn(),
            ));
        }
        lines.push(Line::raw(""));
        if self.writing {
            lines.push(Line::styled(
                format!(
                    "   {}",
                    fill(d.export_writing, &[&self.output(view.doc).trim()])
                ),
                theme::warn(),
            ));
        }
        match &self.result {
            Some(Ok(written)) => {
                lines.push(Line::styled(
                    format!("   {}", fill(d.written_files, &[&written.len()])),
                    theme::good(),
                ));
                let room = usize::from(inner.height).saturating_sub(lines.len() + 1);
                for w in written.iter().take(room) {
                    lines.push(Line::raw(format!(
                        "     {}",
                        fill(d.written_line, &[&shown(&w.path), &w.bytes])
                    )));
                }
                if written.len() > room {
                    lines.push(Line::styled(
                        format!("     {}", fill(d.more_files, &[&(written.len() - room)])),
                        theme::dim(),
                    ));
                }
            }
            Some(Err(e)) => lines.push(Line::styled(format!("   ✗ {e}"), theme::bad())),
            None => {}
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }

    fn help(&self, t: &'static Text) -> Vec<(&'static str, &'static str)> {
        let d = t.data;
        vec![
            ("↑↓", d.key_export_fields),
            ("←→ Space", d.key_export_format),
            ("Enter e", d.key_edit),
            ("x", d.key_run_export),
            ("o", d.key_default_output),
        ]
    }

    fn capturing(&self) -> bool {
        self.editing
    }
}
