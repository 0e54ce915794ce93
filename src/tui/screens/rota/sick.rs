//! Sick calls from the rota: `A` marks someone absent on some dates, the
//! repair (kehou_solver::repair, on a worker thread) finds covers on those
//! dates only, and a diff — post, who is out, who covers, why — is accepted
//! (one undoable edit) or rejected. The cycle's rota itself is unchanged:
//! substitutions are dated.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use kehou_solver::check::Violation;
use kehou_solver::model::StaffId;
use kehou_solver::plan::Absence;
use kehou_solver::repair::Repair;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use crate::tui::doc::Doc;
use crate::tui::event::{Effect, RepairJob, RepairResult};
use crate::tui::screens::{Cx, View};
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::input::{InputKey, LineInput};
use crate::tui::widgets::pad;

/// Person, first day, last day, reason.
const FIELDS: usize = 4;

#[derive(Debug, Clone)]
pub enum SickCall {
    Form {
        fields: [LineInput; FIELDS],
        focus: usize,
        /// The field at fault and what is wrong with it.
        error: Option<(usize, String)>,
    },
    /// The repair is running.
    Waiting(Absence),
    Review {
        absence: Absence,
        repair: Box<Repair>,
        violations: Vec<Violation>,
        scroll: u16,
    },
}

/// A sick-call form for `who` (may be empty) on `date`.
pub fn form(who: Option<&StaffId>, date: NaiveDate) -> SickCall {
    let mut fields: [LineInput; FIELDS] = Default::default();
    fields[0].text = who.map(ToString::to_string).unwrap_or_default();
    fields[1].text = date.to_string();
    fields[2].text = date.to_string();
    SickCall::Form {
        fields,
        focus: usize::from(who.is_some()),
        error: None,
    }
}

/// The absence a filled form describes, or the field at fault and why.
fn absence(fields: &[LineInput; FIELDS], doc: &Doc, t: &Text) -> Result<Absence, (usize, String)> {
    let who = fields[0].text.trim();
    let person = doc
        .school
        .staff
        .iter()
        .find(|p| p.id.as_str() == who || p.name == who)
        .ok_or_else(|| (0, fill(t.sick_unknown_person, &[&who])))?;
    let date = |i: usize| {
        NaiveDate::parse_from_str(fields[i].text.trim(), "%Y-%m-%d")
            .map_err(|_| (i, fill(t.sick_bad_date, &[&fields[i].text.trim()])))
    };
    let (from, to) = (date(1)?, date(2)?);
    if to < from {
        return Err((2, t.sick_backwards.to_owned()));
    }
    Ok(Absence {
        staff: person.id.clone(),
        from,
        to,
        sessions: Vec::new(),
        reason: fields[3].text.trim().to_owned(),
    })
}

/// `absence`, unless it may not be recorded, as `kehou absent` decides: on a
/// stale plan (its posts are not the school's any more), or a second time.
fn refuse(absence: Absence, doc: &Doc, t: &Text) -> Result<Absence, (usize, String)> {
    if doc.plan_is_stale() {
        return Err((0, t.guard.sick_stale.to_owned()));
    }
    if let Some(old) = crate::sick_calls::already_recorded(&doc.plan, &absence) {
        let who = doc
            .school
            .person(&old.staff)
            .map_or_else(|| old.staff.to_string(), |p| p.name.clone());
        let why: &str = if old.reason.is_empty() {
            "—"
        } else {
            &old.reason
        };
        return Err((
            1,
            fill(t.guard.sick_duplicate, &[&who, &old.from, &old.to, &why]),
        ));
    }
    Ok(absence)
}

/// Handles a key while a sick call is open; returns false once it is closed.
pub fn key(call: &mut SickCall, key: KeyEvent, cx: &mut Cx<'_>) -> bool {
    let t = cx.text;
    match call {
        SickCall::Form {
            fields,
            focus,
            error,
        } => match key.code {
            KeyCode::Esc => return false,
            KeyCode::Tab | KeyCode::Down => *focus = (*focus + 1) % FIELDS,
            KeyCode::BackTab | KeyCode::Up => *focus = (*focus + FIELDS - 1) % FIELDS,
            KeyCode::Enter => match absence(fields, cx.doc, t).and_then(|a| refuse(a, cx.doc, t)) {
                Ok(a) => {
                    *cx.effect = Some(Effect::Repair(RepairJob {
                        school: cx.doc.school.clone(),
                        plan: cx.doc.plan.clone(),
                        absence: a.clone(),
                    }));
                    *call = SickCall::Waiting(a);
                }
                Err(e) => {
                    *focus = e.0;
                    *error = Some(e);
                }
            },
            _ => {
                if fields[*focus].handle_key(key) == InputKey::Edited {
                    *error = None;
                }
            }
        },
        SickCall::Waiting(_) => {
            // The repair runs on; its result is dropped once we have closed.
            if key.code == KeyCode::Esc {
                return false;
            }
        }
        SickCall::Review {
            absence,
            repair,
            violations,
            scroll,
        } => match key.code {
            KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => *scroll = scroll.saturating_add(1),
            KeyCode::Enter | KeyCode::Char('y') if violations.is_empty() => {
                let name = cx
                    .doc
                    .school
                    .person(&absence.staff)
                    .map_or_else(|| absence.staff.to_string(), |p| p.name.clone());
                let label = fill(t.edit_sick, &[&name, &days(absence.from, absence.to, t)]);
                let plan = repair.plan.clone();
                let _ = cx.doc.edit(label.clone(), |_, p| {
                    *p = plan;
                    Ok::<_, ()>(())
                });
                cx.say(fill(t.sick_accepted, &[&label]));
                return false;
            }
            KeyCode::Esc | KeyCode::Char('n') => {
                cx.say(t.sick_rejected);
                return false;
            }
            _ => {}
        },
    }
    true
}

/// A finished repair: to the review, or back to the form with the reason.
pub fn repaired(call: &mut SickCall, result: RepairResult) {
    let SickCall::Waiting(waiting) = call else {
        return;
    };
    if *waiting != result.absence {
        return;
    }
    *call = match result.repair {
        Ok(repair) => SickCall::Review {
            absence: result.absence,
            repair: Box::new(repair),
            violations: result.violations,
            scroll: 0,
        },
        Err(e) => {
            let mut f = form(Some(&result.absence.staff), result.absence.from);
            if let SickCall::Form { fields, error, .. } = &mut f {
                fields[2].text = result.absence.to.to_string();
                fields[3].text.clone_from(&result.absence.reason);
                *error = Some((1, e));
            }
            f
        }
    };
}

fn name(doc: &Doc, id: Option<&StaffId>, t: &Text) -> String {
    id.map_or_else(
        || t.sick_nobody.to_owned(),
        |id| {
            doc.school
                .person(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        },
    )
}

/// The sick-call form's width in columns, whatever its messages say.
const FORM_WIDTH: u16 = 60;

/// The days of an absence: `2026-12-07`, or `2026-12-07 to 2026-12-09`.
fn days(from: NaiveDate, to: NaiveDate, t: &Text) -> String {
    if from == to {
        from.to_string()
    } else {
        fill(t.sick_range, &[&from, &to])
    }
}

/// `1 change`, `3 changes`.
fn changes(n: usize, t: &Text) -> String {
    fill(t.sick_changes[usize::from(n != 1)], &[&n])
}

pub fn draw(call: &SickCall, frame: &mut Frame, area: Rect, view: &View<'_>) {
    let (t, doc) = (view.text, view.doc);
    let mut lines: Vec<Line> = Vec::new();
    let (title, hint, scroll) = match call {
        SickCall::Form {
            fields,
            focus,
            error,
        } => {
            let labels = [t.sick_person, t.sick_from, t.sick_to, t.sick_reason];
            for (i, label) in labels.iter().enumerate() {
                let cursor = if i == *focus { "▏" } else { "" };
                let mark = if i == *focus { "▶" } else { " " };
                let mut spans = vec![
                    Span::raw(mark),
                    Span::styled(pad(label, 10), theme::dim()),
                    Span::raw(format!("{}{cursor}", fields[i].text)),
                ];
                if i == 0 {
                    if let Some(p) = doc
                        .school
                        .staff
                        .iter()
                        .find(|p| p.id.as_str() == fields[0].text.trim())
                    {
                        spans.push(Span::styled(format!("  {}", p.name), theme::title()));
                    }
                }
                lines.push(Line::from(spans));
                if let Some((_, msg)) = error.as_ref().filter(|(at, _)| *at == i) {
                    let cols = usize::from(FORM_WIDTH.saturating_sub(9));
                    for part in crate::tui::widgets::wrap(msg, cols, 3) {
                        lines.push(Line::styled(format!("   ✗ {part}"), theme::bad()));
                    }
                }
            }
            (t.sick_title, t.sick_form_hint, 0)
        }
        SickCall::Waiting(a) => {
            lines.push(Line::raw(fill(
                t.sick_waiting,
                &[&name(doc, Some(&a.staff), t), &days(a.from, a.to, t)],
            )));
            (t.sick_title, t.key_cancel, 0)
        }
        SickCall::Review {
            absence,
            repair,
            violations,
            scroll,
        } => {
            lines.push(Line::styled(
                fill(
                    t.sick_summary,
                    &[
                        &name(doc, Some(&absence.staff), t),
                        &days(absence.from, absence.to, t),
                        &changes(repair.added.len(), t),
                    ],
                ),
                theme::header(),
            ));
            if repair.is_empty() {
                lines.push(Line::styled(t.sick_no_changes, theme::dim()));
            }
            for s in &repair.added {
                let post = doc.plan.post(&s.post);
                let group = post.map_or_else(
                    || s.post.clone(),
                    |p| {
                        format!(
                            "{} {}",
                            t.session(p.session),
                            super::grid::group_name(p, view)
                        )
                    },
                );
                let cover_style = if s.cover.is_some() {
                    theme::good()
                } else {
                    theme::bad()
                };
                lines.push(Line::from(vec![
                    Span::raw(format!("{} {} ", s.date, pad(&group, 18))),
                    Span::styled(
                        format!("{} → ", name(doc, s.out.as_ref(), t)),
                        theme::warn(),
                    ),
                    Span::styled(name(doc, s.cover.as_ref(), t), cover_style),
                ]));
                // The reason wraps inside the popup (the screen's width less
                // borders and indent) rather than being cut.
                let cols = usize::from(area.width.saturating_sub(8));
                for part in crate::tui::widgets::wrap(&s.reason, cols, 3) {
                    lines.push(Line::styled(format!("    {part}"), theme::dim()));
                }
            }
            for s in &repair.removed {
                lines.push(Line::styled(
                    format!(
                        "− {} {} {} → {}",
                        s.date,
                        s.post,
                        name(doc, s.out.as_ref(), t),
                        name(doc, s.cover.as_ref(), t)
                    ),
                    theme::dim(),
                ));
            }
            for v in violations {
                lines.push(Line::styled(
                    format!("✗ {}: {}: {}", v.place, t.rule(v.rule), v.detail),
                    theme::bad(),
                ));
            }
            // Rules the plan broke before this call do not block it (only
            // new ones are in `violations`), but they are not hidden either.
            if !doc.violations.is_empty() {
                lines.push(Line::styled(
                    fill(t.sick_review_already, &[&doc.violations.len()]),
                    theme::warn(),
                ));
            }
            let hint = if violations.is_empty() {
                t.sick_review_hint
            } else {
                t.sick_review_broken
            };
            (t.sick_review_title, hint, *scroll)
        }
    };
    // The form keeps one width, error or not (errors wrap inside it).
    let width = if matches!(call, SickCall::Form { .. }) {
        FORM_WIDTH
    } else {
        lines.iter().map(Line::width).max().unwrap_or(30).max(40) as u16 + 4
    };
    let height = lines.len() as u16 + 2;
    let popup = crate::tui::ui::centered(area, width, height);
    crate::tui::ui::clear_popup(frame, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::warn())
        .title(format!(" {title} "))
        .title_bottom(Line::from(format!(" {hint} ")));
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(block),
        popup,
    );
}
