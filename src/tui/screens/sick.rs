//! A sick call, wherever it starts (the rota's `A`, the sick-call screen's
//! `A` and `d`): a form — who, first and last day, which sessions, why —
//! then the repair on a worker thread (`Effect::Repair`), then its
//! [`Review`]. Taking an absence back skips the form. The cycle's rota is
//! never changed: substitutions are dated.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use kehou_solver::model::{Person, SessionKind};
use kehou_solver::plan::Absence;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::review::{days, name, sessions_text, Proposal, Review, Verdict};
use super::{Cx, View};
use crate::tui::doc::Doc;
use crate::tui::event::{AbsenceChange, AbsenceJob, AbsenceResult, Effect};
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::form::{Field, FieldError, Form, FormKey};

const PERSON: usize = 0;
const FROM: usize = 1;
const TO: usize = 2;
const SESSIONS: usize = 3;
const REASON: usize = 4;

#[derive(Debug, Clone)]
pub enum SickCall {
    /// Who is out and when.
    Form(Form),
    /// The repair is running.
    Waiting(AbsenceChange),
    Review(Review),
}

/// A sick-call form for `who` (may be unknown) on `date`, or filled from
/// `absence`; ←/→ on the sessions field step through the whole day and the
/// sessions the plan has posts in.
pub fn form(
    who: Option<&Person>,
    absence: Option<&Absence>,
    date: NaiveDate,
    doc: &Doc,
    t: &Text,
) -> SickCall {
    let (from, to) = absence.map_or((date, date), |a| (a.from, a.to));
    let sessions = absence.map_or_else(
        || t.sick_all_day.to_owned(),
        |a| sessions_text(&a.sessions, t),
    );
    let mut choices = vec![t.sick_all_day.to_owned()];
    choices.extend(
        super::rota::sessions(&doc.plan)
            .iter()
            .map(|s| t.session(*s).to_owned()),
    );
    let mut f = Form::new(
        t.sick_title,
        vec![
            Field::new(
                t.sick_person,
                who.map(|p| p.id.to_string()).unwrap_or_default(),
            )
            .hint(t.sick_person_hint),
            Field::new(t.sick_from, from.to_string()),
            Field::new(t.sick_to, to.to_string()),
            Field::new(t.sick_sessions, sessions)
                .hint(t.sick_sessions_hint)
                .choices(choices),
            Field::new(
                t.sick_reason,
                absence.map(|a| a.reason.clone()).unwrap_or_default(),
            ),
        ],
    )
    .keys(t.sick_form_hint);
    f.focus = usize::from(who.is_some());
    if let Some(p) = who {
        f.fields[PERSON].hint.clone_from(&p.name);
    }
    SickCall::Form(f)
}

/// Shows the person's name beside the id typed (the hint when nothing
/// matches yet).
fn name_the_person(f: &mut Form, doc: Option<&Doc>, t: &Text) {
    let Some(field) = f.fields.get_mut(PERSON) else {
        return;
    };
    let typed = field.input.text.trim().to_owned();
    field.hint = doc.and_then(|d| find_person(d, &typed)).map_or_else(
        || t.sick_person_hint.to_owned(),
        // The other of the two: the name for an id typed, and back.
        |p| {
            if p.id.as_str() == typed {
                p.name.clone()
            } else {
                p.id.to_string()
            }
        },
    );
}

fn find_person<'d>(doc: &'d Doc, typed: &str) -> Option<&'d Person> {
    doc.school
        .staff
        .iter()
        .find(|p| p.id.as_str() == typed || p.name == typed)
}

/// Sessions typed in either language (`late`, `弹性离校`, `Late`), by code
/// or name, separated by spaces or commas; nothing, or "whole day", is the
/// whole day.
fn parse_sessions(v: &str, t: &Text) -> Result<Vec<SessionKind>, FieldError> {
    let mut out = Vec::new();
    let v = v.trim();
    let whole = [
        crate::tui::text::Lang::Zh.text().sick_all_day,
        crate::tui::text::Lang::En.text().sick_all_day,
    ];
    if whole.iter().any(|w| w.eq_ignore_ascii_case(v)) {
        return Ok(out);
    }
    for word in v.split([' ', ',', '，', '、']).filter(|w| !w.is_empty()) {
        let s = crate::tui::widgets::form::parse::session(word).ok_or_else(|| {
            (
                Some(SESSIONS),
                fill(
                    t.sick_bad_session,
                    &[&word, &sessions_text(&SessionKind::ALL, t)],
                ),
            )
        })?;
        if !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

/// The absence a filled form describes, or the fields at fault and why.
fn absence(values: &[String], doc: &Doc, t: &Text) -> Result<Absence, Vec<FieldError>> {
    let mut errors = Vec::new();
    let person = find_person(doc, &values[PERSON]);
    if person.is_none() {
        errors.push((
            Some(PERSON),
            fill(t.sick_unknown_person, &[&values[PERSON]]),
        ));
    }
    let mut date = |i: usize| {
        NaiveDate::parse_from_str(&values[i], "%Y-%m-%d")
            .map_err(|_| errors.push((Some(i), fill(t.sick_bad_date, &[&values[i]]))))
            .ok()
    };
    let (from, to) = (date(FROM), date(TO));
    let sessions = parse_sessions(&values[SESSIONS], t)
        .map_err(|e| errors.push(e))
        .ok();
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            errors.push((Some(TO), t.sick_backwards.to_owned()));
        }
    }
    match (person, from, to, sessions) {
        (Some(p), Some(from), Some(to), Some(sessions)) if errors.is_empty() => Ok(Absence {
            staff: p.id.clone(),
            from,
            to,
            sessions,
            reason: values[REASON].clone(),
        }),
        _ => Err(errors),
    }
}

/// `absence`, unless it may not be recorded, as `kehou absent` decides: on a
/// stale plan (its posts are not the school's any more), or a second time.
fn refuse(absence: Absence, doc: &Doc, t: &Text) -> Result<Absence, Vec<FieldError>> {
    if doc.plan_is_stale() {
        return Err(vec![(Some(PERSON), t.guard.sick_stale.to_owned())]);
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
        return Err(vec![(
            Some(FROM),
            fill(t.guard.sick_duplicate, &[&who, &old.from, &old.to, &why]),
        )]);
    }
    Ok(absence)
}

/// The date a sick call opened without a cell defaults to: the first
/// service day from today on, else today within the term.
pub fn default_date(cx: &Cx<'_>) -> NaiveDate {
    let term = &cx.doc.school.term;
    kehou_solver::calendar::service_days(term, cx.doc.plan.cycle_weeks.max(1))
        .into_iter()
        .map(|d| d.date)
        .find(|d| *d >= cx.today)
        .unwrap_or_else(|| {
            cx.today
                .clamp(term.first_day, term.last_day.max(term.first_day))
        })
}

/// Asks for the repair of `change`; the call waits for it.
pub fn start(change: AbsenceChange, cx: &mut Cx<'_>) -> SickCall {
    cx.run(Effect::Repair(AbsenceJob {
        school: cx.doc.school.clone(),
        plan: cx.doc.plan.clone(),
        change: change.clone(),
    }));
    SickCall::Waiting(change)
}

impl SickCall {
    /// The review, once the repair is back.
    pub fn review(&self) -> Option<&Review> {
        match self {
            SickCall::Review(r) => Some(r),
            _ => None,
        }
    }

    /// Handles a key while the call is open; returns false once it is closed.
    pub fn key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> bool {
        let t = cx.text;
        match self {
            SickCall::Form(f) => match f.handle_key(key) {
                FormKey::Cancel => return false,
                FormKey::Handled => name_the_person(f, Some(cx.doc), t),
                FormKey::Submit => {
                    match absence(&f.values(), cx.doc, t).and_then(|a| refuse(a, cx.doc, t)) {
                        Ok(a) => *self = start(AbsenceChange::Record(a), cx),
                        Err(errors) => f.set_errors(errors),
                    }
                }
            },
            // The repair runs on; its result is dropped once we have closed.
            SickCall::Waiting(_) => return key.code != crossterm::event::KeyCode::Esc,
            SickCall::Review(r) => return r.key(key, cx) == Verdict::Open,
        }
        true
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
        let t = view.text;
        match self {
            SickCall::Form(f) => f.render(frame, area, t),
            SickCall::Waiting(change) => {
                let a = change.absence();
                let (title, words) = match change {
                    AbsenceChange::Record(_) => (t.sick_title, t.sick_waiting),
                    AbsenceChange::TakeBack(_) => (t.cover.remove_title, t.cover.remove_waiting),
                };
                let line = fill(
                    words,
                    &[&name(view.doc, Some(&a.staff), t), &days(a.from, a.to, t)],
                );
                let width = crate::tui::widgets::width(&line).max(40) as u16 + 4;
                let popup = crate::tui::widgets::centered(area, width, 3);
                crate::tui::widgets::clear_popup(frame, popup);
                let block = Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme::warn())
                    .title(format!(" {title} "))
                    .title_bottom(Line::from(format!(" {} ", t.key_cancel)));
                frame.render_widget(Paragraph::new(line).block(block), popup);
            }
            SickCall::Review(r) => r.draw(frame, area, view),
        }
    }
}

/// Is `call` waiting for the repair of `change`?
pub fn waits_for(call: Option<&SickCall>, change: &AbsenceChange) -> bool {
    matches!(call, Some(SickCall::Waiting(w)) if w == change)
}

/// Hands a finished repair to the call waiting for it: its review, or
/// (recording) the form again with the reason, or (taking back) closed with
/// the reason. Returns the status line's message. A result the call is not
/// waiting for (it was closed meanwhile) is dropped.
pub fn deliver(
    call: &mut Option<SickCall>,
    result: AbsenceResult,
    doc: &Doc,
    t: &Text,
) -> Option<String> {
    if !waits_for(call.as_ref(), &result.change) {
        return None;
    }
    let (said, next) = match (result.repair, result.change) {
        (Ok(repair), change) => (
            None,
            Some(SickCall::Review(Review::new(
                Proposal::Absence {
                    change,
                    repair: Box::new(repair),
                    by_hand: result.by_hand,
                },
                result.violations,
            ))),
        ),
        (Err(e), AbsenceChange::Record(a)) => {
            let mut again = form(doc.school.person(&a.staff), Some(&a), a.from, doc, t);
            if let SickCall::Form(f) = &mut again {
                f.fields[PERSON].input.text = a.staff.to_string();
                name_the_person(f, Some(doc), t);
                f.set_errors(vec![(Some(FROM), e)]);
            }
            (Some(t.sick_failed.to_owned()), Some(again))
        }
        (Err(e), AbsenceChange::TakeBack(_)) => (Some(fill(t.cover.remove_failed, &[&e])), None),
    };
    *call = next;
    said
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::text::Lang;

    #[test]
    fn sessions_are_read_in_either_language() {
        let t = Lang::En.text();
        assert_eq!(parse_sessions("", t), Ok(vec![]));
        assert_eq!(parse_sessions("Whole day", t), Ok(vec![]));
        assert_eq!(parse_sessions("全天", t), Ok(vec![]));
        assert_eq!(
            parse_sessions("late, 拓展服务", t),
            Ok(vec![SessionKind::Late, SessionKind::Extended])
        );
        let (field, message) = parse_sessions("lunch", t).unwrap_err();
        assert_eq!(field, Some(SESSIONS));
        assert!(message.contains("lunch"), "{message}");
    }
}
