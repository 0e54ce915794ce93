//! The overview's capacity panel ("what would it take?"): shown when the plan
//! leaves anything short. `c` works out, on a worker thread, the fewest
//! extra adults that would cover everything (`kehou_solver::capacity`), and
//! the panel shows the list in the interface's language, marked when the
//! school or plan has changed since.

use kehou_solver::capacity::{capacity, Capacity, CapacityOptions};
use kehou_solver::{Plan, School};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::View;
use crate::capacity::{report, Detail, Tone, Words};
use crate::tui::text::Lang;
use crate::tui::theme;
use crate::tui::widgets::{boxed, width, wrap};

/// Seconds a search may take in the interface (the command line's default is longer).
pub const SECONDS: f64 = 10.0;

/// Work out the list for this school and plan (the overview's `c`).
#[derive(Debug, Clone)]
pub struct CapacityJob {
    pub school: School,
    pub plan: Plan,
    /// The document revision it is for.
    pub revision: u64,
}

#[derive(Debug)]
pub struct CapacityResult {
    pub revision: u64,
    pub capacity: Capacity,
}

impl CapacityJob {
    /// The slow part: a few seconds at most.
    pub fn run(self) -> CapacityResult {
        let options = CapacityOptions {
            time_limit_seconds: SECONDS,
            ..CapacityOptions::default()
        };
        CapacityResult {
            revision: self.revision,
            capacity: capacity(&self.school, Some(&self.plan), &options),
        }
    }
}

/// What the panel knows.
#[derive(Debug, Default)]
pub struct CapacityPanel {
    /// A search running for this revision.
    pub working: Option<u64>,
    /// The last answer, and the revision it was for.
    pub answer: Option<CapacityResult>,
}

impl CapacityPanel {
    /// Asks for the list of the document as it is now; `None` while one runs.
    pub fn start(&mut self, school: &School, plan: &Plan, revision: u64) -> Option<CapacityJob> {
        if self.working.is_some() {
            return None;
        }
        self.working = Some(revision);
        Some(CapacityJob {
            school: school.clone(),
            plan: plan.clone(),
            revision,
        })
    }

    pub fn deliver(&mut self, result: CapacityResult) {
        self.working = None;
        self.answer = Some(result);
    }

    /// Shown when the plan leaves something short, or once asked for.
    pub fn shown(&self, view: &View<'_>) -> bool {
        self.working.is_some() || self.answer.is_some() || view.doc.plan.unmet().next().is_some()
    }
}

pub fn draw(frame: &mut Frame, area: Rect, view: &View<'_>, panel: &CapacityPanel) {
    let w = Words::of(view.lang);
    let cols = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let zh = view.lang == Lang::Zh;
    let mut add = |text: &str, style: Style, mark: &'static str| {
        let indent = width(mark);
        // Chinese breaks between any two characters: its spaces (around
        // numbers) are not where a line should end.
        let text = if zh {
            text.replace(' ', "\u{a0}")
        } else {
            text.to_owned()
        };
        for (i, part) in wrap(&text, cols.saturating_sub(indent), 6)
            .into_iter()
            .enumerate()
        {
            let head = if i == 0 {
                mark.to_owned()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(vec![
                Span::styled(head, style),
                Span::styled(part, style),
            ]));
        }
    };
    if panel.working.is_some() {
        add(w.panel_working, theme::dim(), "");
    }
    match &panel.answer {
        Some(answer) => {
            if answer.revision != view.doc.revision() {
                add(w.panel_stale, theme::warn(), "");
            }
            let unmet = view.doc.plan.unmet().count();
            let said = report(
                &answer.capacity,
                &view.doc.school,
                Some(unmet),
                view.lang,
                Detail::Brief,
            );
            for said in said {
                let (style, mark) = match said.tone {
                    Tone::Heading => (theme::header(), ""),
                    Tone::Item => (Style::default(), "• "),
                    Tone::Bad => (theme::bad(), "✗ "),
                    Tone::Good => (theme::good(), ""),
                    Tone::Note => (theme::dim(), ""),
                };
                add(&said.text, style, mark);
            }
        }
        None if panel.working.is_none() => add(w.panel_prompt, Style::default(), ""),
        None => {}
    }
    frame.render_widget(Paragraph::new(lines).block(boxed(w.panel_title)), area);
}
