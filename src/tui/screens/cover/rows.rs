//! The rows of the sick-calls screen, built from the plan on every frame:
//! the term's absences, and the substitutions of one absence (or all of
//! them, by date), each post named in words as the rota names it.

use chrono::NaiveDate;
use kehou_solver::model::StaffId;
use kehou_solver::plan::{Absence, DecidedBy, Substitution};

use crate::tui::doc::Doc;
use crate::tui::screens::words::place_of;
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::table::TableRow;

/// A person's name, or their id when the school no longer has them.
pub fn name(doc: &Doc, id: &StaffId) -> String {
    doc.school
        .person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// The days of an absence: `2026-12-07`, or `2026-12-07 至 2026-12-09`.
pub fn days(from: NaiveDate, to: NaiveDate, t: &Text) -> String {
    if from == to {
        from.to_string()
    } else {
        fill(t.sick_range, &[&from, &to])
    }
}

/// A post in words, as the rota names it: `第2周 周二 基本服务 3-2`.
pub fn post_words(doc: &Doc, t: &Text, post: &str) -> String {
    doc.plan
        .post(post)
        .map_or_else(|| post.to_owned(), |p| place_of(p, doc, t))
}

/// The substitutions made for `absence`: the places its person left.
pub fn of_absence<'p>(
    subs: &'p [Substitution],
    absence: &'p Absence,
) -> impl Iterator<Item = (usize, &'p Substitution)> + 'p {
    subs.iter().enumerate().filter(move |(_, s)| {
        s.out.as_ref() == Some(&absence.staff) && absence.from <= s.date && s.date <= absence.to
    })
}

/// One row per absence; key: its index in the plan. An absence with a place
/// nobody covers stands out.
pub fn absences(doc: &Doc, t: &Text) -> Vec<TableRow> {
    let c = t.cover;
    doc.plan
        .absences
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let subs: Vec<&Substitution> = of_absence(&doc.plan.substitutions, a)
                .map(|(_, s)| s)
                .collect();
            let covered = subs.iter().filter(|s| s.cover.is_some()).count();
            let sessions = if a.sessions.is_empty() {
                c.whole_day.to_owned()
            } else {
                a.sessions
                    .iter()
                    .map(|s| t.session(*s))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let row = TableRow::new(
                i.to_string(),
                vec![
                    name(doc, &a.staff),
                    days(a.from, a.to, t),
                    sessions,
                    a.reason.clone(),
                    fill(c.covered_line, &[&covered, &subs.len()]),
                ],
            );
            if covered < subs.len() {
                row.styled(theme::bad())
            } else {
                row
            }
        })
        .collect()
}

/// One row per substitution, of `absence` or (None) of the whole term, by
/// date; key: its index in the plan. A place nobody covers stands out.
pub fn substitutions(doc: &Doc, t: &Text, absence: Option<&Absence>) -> Vec<TableRow> {
    let c = t.cover;
    let mut picked: Vec<(usize, &Substitution)> = match absence {
        Some(a) => of_absence(&doc.plan.substitutions, a).collect(),
        None => doc.plan.substitutions.iter().enumerate().collect(),
    };
    picked.sort_by(|(_, a), (_, b)| (a.date, &a.post).cmp(&(b.date, &b.post)));
    let names = crate::words::Names::new(t.lang, &doc.school, Some(&doc.plan));
    picked
        .into_iter()
        .map(|(i, s)| {
            let out = s
                .out
                .as_ref()
                .map_or_else(|| c.missing_adult.to_owned(), |o| name(doc, o));
            let cover = s
                .cover
                .as_ref()
                .map_or_else(|| c.nobody.to_owned(), |o| name(doc, o));
            let by = match s.decided_by {
                DecidedBy::Kehou => c.by_kehou,
                DecidedBy::Hand => c.by_hand,
            };
            let row = TableRow::new(
                i.to_string(),
                vec![
                    s.date.to_string(),
                    post_words(doc, t, &s.post),
                    out,
                    cover,
                    by.to_owned(),
                    crate::words::plan::cover(&s.reason, &names),
                ],
            );
            if s.cover.is_none() {
                row.styled(theme::bad())
            } else {
                row
            }
        })
        .collect()
}
