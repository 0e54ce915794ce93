//! The overview: the term, how good the plan is (and whether it is stale),
//! how fairly the work is spread among teachers (`fairness.rs`), and what
//! validation and the checker found. The first screen; read-only.

use crossterm::event::{KeyCode, KeyEvent};
use kehou_solver::calendar::service_days;
use kehou_solver::check::Rule;
use kehou_solver::model::{Season, StaffKind};
use kehou_solver::plan::SolveStatus;
use kehou_solver::validate::Severity;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{Cx, Handled, Screen, View};
use crate::export::summary::PlanSummary;
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::{boxed, pad, wrap};

#[derive(Debug, Default)]
pub struct OverviewScreen {
    /// First line shown of the checks list (it can be long).
    pub scroll: u16,
    /// "What would it take?" (`capacity.rs`).
    pub capacity: super::capacity::CapacityPanel,
}

impl Screen for OverviewScreen {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Handled {
        // Never past the last line (drawing keeps the last one in view).
        let last = check_texts(cx.doc, cx.text).len().saturating_sub(1) as u16;
        match key.code {
            KeyCode::Down | KeyCode::Char('j') => {
                self.scroll = self.scroll.saturating_add(1).min(last);
            }
            KeyCode::Up | KeyCode::Char('k') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::Home | KeyCode::Char('g') => self.scroll = 0,
            KeyCode::Char('c') => {
                let (doc, revision) = (&*cx.doc, cx.doc.revision());
                if let Some(job) = self.capacity.start(&doc.school, &doc.plan, revision) {
                    cx.run(crate::tui::event::Effect::Capacity(job));
                }
            }
            _ => return Handled::No,
        }
        Handled::Yes
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        // Lines wrap to the box (inside its borders) rather than being cut.
        let cols = usize::from(left.width.saturating_sub(2));
        let term = term_lines(view, cols);
        let plan = plan_lines(view, cols);
        let checks = check_lines(view, cols);
        // A short terminal leaves the checks a line or two under the term
        // and the plan: then they take the lower part of the fairness panel,
        // whose list of teachers shortens (it elides its middle anyway).
        let (term_h, plan_h) = (term.len() as u16 + 2, plan.len() as u16 + 2);
        let free = left.height.saturating_sub(term_h + plan_h);
        let want = (checks.len() as u16 + 2).clamp(3, (right.height / 2).max(3));
        let beside = free < want.min(6);
        let [term_area, plan_area, left_rest] = Layout::vertical([
            Constraint::Length(term_h),
            Constraint::Length(plan_h),
            Constraint::Min(if beside { 0 } else { 3 }),
        ])
        .areas(left);
        let (fairness_area, checks_area) = if beside {
            let [top, bottom] =
                Layout::vertical([Constraint::Min(6), Constraint::Length(want)]).areas(right);
            (top, bottom)
        } else {
            (right, left_rest)
        };
        let room = checks_area.height.saturating_sub(2);
        let scroll = self.scroll.min((checks.len() as u16).saturating_sub(room));
        frame.render_widget(
            Paragraph::new(term).block(boxed(view.text.ov_term)),
            term_area,
        );
        frame.render_widget(
            Paragraph::new(plan).block(boxed(view.text.ov_plan)),
            plan_area,
        );
        frame.render_widget(
            Paragraph::new(checks)
                .scroll((scroll, 0))
                .block(boxed(view.text.ov_warnings)),
            checks_area,
        );
        if self.capacity.shown(view) {
            let [fairness_area, capacity_area] =
                Layout::vertical([Constraint::Min(5), Constraint::Percentage(60)])
                    .areas(fairness_area);
            super::fairness::draw_fairness(frame, fairness_area, view);
            super::capacity::draw(frame, capacity_area, view, &self.capacity);
        } else {
            super::fairness::draw_fairness(frame, fairness_area, view);
        }
    }

    fn help(&self, t: &'static Text) -> Vec<(&'static str, &'static str)> {
        let words = crate::capacity::Words::of(t.lang);
        vec![("↑↓ jk", t.key_move), ("c", words.panel_key)]
    }
}

/// Columns of a field's label (and the indent of its value's second line).
const LABEL: usize = 13;

/// A labelled value in `cols` columns: the value wraps to a second line
/// under itself, and is cut with `…` only after that.
fn field(label: &str, value: impl Into<String>, style: Style, cols: usize) -> Vec<Line<'static>> {
    field_lines(label, value, style, cols, 2)
}

/// A labelled value wrapping to at most `most` lines.
fn field_lines(
    label: &str,
    value: impl Into<String>,
    style: Style,
    cols: usize,
    most: usize,
) -> Vec<Line<'static>> {
    let value = value.into();
    wrap(&value, cols.saturating_sub(LABEL), most)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let head = if i == 0 {
                format!("{} ", pad(label, LABEL - 1))
            } else {
                " ".repeat(LABEL)
            };
            Line::from(vec![
                Span::styled(head, theme::dim()),
                Span::styled(part, style),
            ])
        })
        .collect()
}

/// A sentence in `cols` columns, wrapped (up to three lines).
fn sentence(text: &str, style: Style, cols: usize) -> Vec<Line<'static>> {
    wrap(text, cols, 3)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn term_lines(view: &View<'_>, cols: usize) -> Vec<Line<'static>> {
    let (t, s) = (view.text, &view.doc.school);
    let season = |x: Season| t.seasons[usize::from(x == Season::Winter)];
    let count = |k: StaffKind| s.staff.iter().filter(|p| p.kind == k).count();
    let staff = [
        StaffKind::Teacher,
        StaffKind::Leader,
        StaffKind::Retired,
        StaffKind::Parent,
        StaffKind::Community,
        StaffKind::Coach,
    ]
    .iter()
    .filter(|k| count(**k) > 0)
    // A no-break space keeps each kind with its count when the line wraps.
    .map(|k| format!("{}\u{a0}{}", t.staff_kind(*k), count(*k)))
    .collect::<Vec<_>>()
    .join("  ");
    let mut lines = sentence(&s.term.name, theme::header(), cols);
    lines.extend(sentence(
        &fill(t.ov_dates, &[&s.term.first_day, &s.term.last_day]),
        Style::default(),
        cols,
    ));
    lines.extend(field(
        t.ov_service_days,
        service_days(&s.term, s.rules.cycle_weeks).len().to_string(),
        Style::default(),
        cols,
    ));
    lines.extend(field(
        t.ov_cycle,
        format!(
            "{} × {}",
            s.rules.cycle_weeks,
            t.lang.vocab().weekdays[0..5].join("")
        ),
        Style::default(),
        cols,
    ));
    lines.extend(field(
        t.ov_season,
        season(s.term.starts_in),
        Style::default(),
        cols,
    ));
    lines.extend(field(
        t.ov_season_switch,
        s.term.season_switch.map_or(t.ov_no_switch.to_owned(), |d| {
            format!("{d} → {}", season(s.term.starts_in.other()))
        }),
        Style::default(),
        cols,
    ));
    // Six kinds of staff need three lines at 80 columns.
    lines.extend(field_lines(t.ov_staff, staff, Style::default(), cols, 3));
    lines
}

fn plan_lines(view: &View<'_>, cols: usize) -> Vec<Line<'static>> {
    let (t, doc) = (view.text, view.doc);
    let plan = &doc.plan;
    if plan.solve.status == SolveStatus::NotSolved && plan.posts.is_empty() {
        return sentence(t.ov_no_plan_yet, theme::warn(), cols);
    }
    // How close to the fairest, in words (never "gap 90.1%").
    let status = crate::words::solve::status(&plan.solve, t.lang);
    let status_style = match plan.solve.status {
        SolveStatus::Optimal => theme::good(),
        SolveStatus::Feasible => theme::warn(),
        _ => theme::bad(),
    };
    let unmet = plan.unmet().count();
    let broken = broken_rules(doc);
    let summary = PlanSummary::of(&doc.school, plan);
    let sick = (!plan.absences.is_empty()).then(|| {
        let covered = plan
            .substitutions
            .iter()
            .filter(|s| s.cover.is_some())
            .count();
        field(
            t.ov_sick,
            fill(
                t.ov_sick_line,
                &[
                    &plan.absences.len(),
                    &covered,
                    &(plan.substitutions.len() - covered),
                ],
            ),
            Style::default(),
            cols,
        )
    });
    let good_or_bad = |n: usize| if n > 0 { theme::bad() } else { theme::good() };
    let mut lines = field(t.ov_status, status, status_style, cols);
    if let Some(band) = &plan.solve.band {
        let style = if band.heaviest_proven() {
            theme::good()
        } else {
            Style::default()
        };
        lines.extend(field(
            t.ov_band,
            crate::words::solve::band(band, t.lang),
            style,
            cols,
        ));
    }
    lines.extend(if doc.plan_is_stale() {
        sentence(t.ov_stale, theme::bad(), cols)
    } else {
        sentence(t.ov_fresh, theme::good(), cols)
    });
    lines.extend(field(
        t.ov_posts,
        format!("{} ({} ✓)", summary.posts, summary.fully_staffed),
        Style::default(),
        cols,
    ));
    lines.extend(field(
        t.ov_unmet,
        unmet.to_string(),
        good_or_bad(unmet),
        cols,
    ));
    lines.extend(field(
        t.ov_violations,
        broken.to_string(),
        good_or_bad(broken),
        cols,
    ));
    lines.extend(sick.into_iter().flatten());
    lines
}

/// Rules the plan breaks, as the overview counts them: a stale plan is said
/// on its own line, not counted. The sick-call review counts the same.
pub fn broken_rules(doc: &crate::tui::doc::Doc) -> usize {
    doc.violations
        .iter()
        .filter(|v| v.rule != Rule::Stale)
        .count()
}

/// What the checks box says, one entry per finding: its mark, its words
/// and their style.
fn check_texts(doc: &crate::tui::doc::Doc, t: &Text) -> Vec<(&'static str, String, Style)> {
    let errors = doc.errors();
    let warnings = doc.findings.len() - errors;
    let mut out = Vec::new();
    // What could not be covered, and why (the solver's explanations).
    let names = crate::words::Names::new(t.lang, &doc.school, Some(&doc.plan));
    for u in kehou_solver::explain::summary(&doc.plan) {
        out.push((
            "✗ ",
            crate::words::plan::unmet_group(&u, &names),
            theme::bad(),
        ));
    }
    if doc.findings.is_empty() && broken_rules(doc) == 0 {
        out.push(("", t.ov_no_warnings.to_owned(), theme::good()));
        return out;
    }
    out.push((
        "",
        fill(t.ov_errors_count, &[&errors, &warnings]),
        Style::default(),
    ));
    for f in &doc.findings {
        let (mark, style) = if f.severity == Severity::Error {
            ("✗ ", theme::bad())
        } else {
            ("! ", theme::warn())
        };
        let w = crate::words::findings::render(f, &names);
        let sep = t.clause_sep;
        let colon = if t.lang == crate::words::Lang::Zh {
            "："
        } else {
            ": "
        };
        out.push((
            mark,
            format!("{}{colon}{}{sep}{}", w.subject, w.problem, w.fix),
            style,
        ));
    }
    for v in doc.violations.iter().filter(|v| v.rule != Rule::Stale) {
        out.push(("✗ ", crate::words::check::line(v, &names), theme::bad()));
    }
    out
}

/// The checks, wrapped to `cols` (each finding whole, under its mark), so
/// the box knows how many lines it has and scrolls no further than its last.
fn check_lines(view: &View<'_>, cols: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (mark, text, style) in check_texts(view.doc, view.text) {
        let indent = crate::tui::widgets::width(mark);
        for (i, part) in wrap(&text, cols.saturating_sub(indent), 12)
            .into_iter()
            .enumerate()
        {
            let head = if i == 0 {
                Span::styled(mark, style)
            } else {
                Span::raw(" ".repeat(indent))
            };
            let body = if mark.is_empty() {
                Span::styled(part, style)
            } else {
                Span::raw(part)
            };
            lines.push(Line::from(vec![head, body]));
        }
    }
    lines
}
