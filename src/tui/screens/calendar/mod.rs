//! The calendar screen: the term (name, first and last day, the season it
//! starts in and the season switch), its holidays, make-up days (调休: a
//! weekend day that runs as a weekday) and school days without service, as
//! one table in that order. Enter edits a row; `a` adds a holiday, `m` a
//! make-up day, `n` a day without service; `d` deletes (not the term).
//! Lists stay in date order after every edit.

mod forms;

use chrono::NaiveDate;
use kehou_solver::model::{Holiday, MakeupDay, NoServiceDay, Weekday};
use kehou_solver::{Plan, School};

use super::editor::{Editor, Records, Target};
use super::ScreenId;
use crate::tui::text::{fill, Text};
use crate::tui::widgets::form::parse;
use crate::tui::widgets::form::{FieldError, Form};

use crate::tui::widgets::table::TableRow;
use forms::{holiday_form, makeup_form, no_service_form, season, season_name, term_form};

/// The screen: a table of the records with their forms.
pub type CalendarScreen = Editor<CalendarRecords>;

#[derive(Debug)]
pub struct CalendarRecords;

/// What a row of the calendar is: its kind and index in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Term,
    Holiday(usize),
    Makeup(usize),
    NoService(usize),
}

impl Entry {
    fn key(self) -> String {
        match self {
            Entry::Term => "term".to_owned(),
            Entry::Holiday(i) => format!("h{i}"),
            Entry::Makeup(i) => format!("m{i}"),
            Entry::NoService(i) => format!("n{i}"),
        }
    }

    fn parse(key: &str) -> Option<Entry> {
        if key == "term" {
            return Some(Entry::Term);
        }
        let i = key.get(1..)?.parse().ok()?;
        match key.get(..1)? {
            "h" => Some(Entry::Holiday(i)),
            "m" => Some(Entry::Makeup(i)),
            "n" => Some(Entry::NoService(i)),
            _ => None,
        }
    }
}

impl Records for CalendarRecords {
    const SCREEN: ScreenId = ScreenId::Calendar;
    const ADD_KEYS: &'static [char] = &['a', 'm', 'n'];

    fn headers(t: &Text) -> Vec<&'static str> {
        let d = t.data;
        vec![d.col_kind, d.col_dates, d.col_title, d.col_detail]
    }

    fn rows(school: &School, t: &Text) -> Vec<TableRow> {
        let d = t.data;
        let term = &school.term;
        let season = match term.season_switch {
            Some(s) => fill(
                d.season_line,
                &[
                    &season_name(term.starts_in, t),
                    &s,
                    &season_name(term.starts_in.other(), t),
                ],
            ),
            None => season_name(term.starts_in, t).to_owned(),
        };
        let mut rows = vec![TableRow::new(
            Entry::Term.key(),
            vec![
                d.kind_term.to_owned(),
                format!("{} – {}", term.first_day, term.last_day),
                term.name.clone(),
                season,
            ],
        )];
        rows.extend(term.holidays.iter().enumerate().map(|(i, h)| {
            let days = (h.to - h.from).num_days() + 1;
            TableRow::new(
                Entry::Holiday(i).key(),
                vec![
                    d.kind_holiday.to_owned(),
                    format!("{} – {}", h.from, h.to),
                    h.name.clone(),
                    fill(d.days, &[&days]),
                ],
            )
        }));
        rows.extend(term.makeup_days.iter().enumerate().map(|(i, m)| {
            TableRow::new(
                Entry::Makeup(i).key(),
                vec![
                    d.kind_makeup.to_owned(),
                    m.date.to_string(),
                    m.name.clone(),
                    fill(d.runs_as_line, &[&t.weekday(m.runs_as)]),
                ],
            )
        }));
        rows.extend(term.no_service_days.iter().enumerate().map(|(i, n)| {
            TableRow::new(
                Entry::NoService(i).key(),
                vec![
                    d.kind_no_service.to_owned(),
                    n.date.to_string(),
                    n.reason.clone(),
                    String::new(),
                ],
            )
        }));
        rows
    }

    fn new_form(school: &School, t: &Text, which: char) -> Option<Form> {
        let d = t.data;
        let day = school.term.first_day;
        Some(match which {
            'm' => {
                let m = MakeupDay {
                    date: day,
                    runs_as: Weekday::Mon,
                    name: String::new(),
                };
                makeup_form(d.title_add_makeup.to_owned(), &m, t)
            }
            'n' => {
                let n = NoServiceDay {
                    date: day,
                    reason: String::new(),
                };
                no_service_form(d.title_add_no_service.to_owned(), &n, t)
            }
            _ => {
                let h = Holiday {
                    name: String::new(),
                    from: day,
                    to: day,
                };
                holiday_form(d.title_add_holiday.to_owned(), &h, t)
            }
        })
    }

    fn edit_form(school: &School, t: &Text, key: &str) -> Option<Form> {
        let term = &school.term;
        let title = |name: &str| fill(t.data.title_edit, &[&name]);
        match Entry::parse(key)? {
            Entry::Term => Some(term_form(school, t)),
            Entry::Holiday(i) => term
                .holidays
                .get(i)
                .map(|h| holiday_form(title(&h.name), h, t)),
            Entry::Makeup(i) => term
                .makeup_days
                .get(i)
                .map(|m| makeup_form(title(&m.date.to_string()), m, t)),
            Entry::NoService(i) => term
                .no_service_days
                .get(i)
                .map(|n| no_service_form(title(&n.date.to_string()), n, t)),
        }
    }

    #[allow(clippy::many_single_char_names)] // d, t, v: as in every screen; h, m, n: the item
    fn apply(
        school: &mut School,
        _plan: &mut Plan,
        target: &Target,
        v: &[String],
        t: &Text,
    ) -> Result<(String, String), Vec<FieldError>> {
        let d = t.data;
        let entry = match &target.key {
            Some(k) => Entry::parse(k).ok_or_else(|| vec![(None, d.gone.to_owned())])?,
            None => match target.which {
                'm' => Entry::Makeup(usize::MAX),
                'n' => Entry::NoService(usize::MAX),
                _ => Entry::Holiday(usize::MAX),
            },
        };
        let adding = target.key.is_none();
        let mut errors = Vec::new();
        let mut ok = |r: Result<(), FieldError>| {
            if let Err(e) = r {
                errors.push(e);
            }
        };
        let term = &mut school.term;
        let date = |i: usize| parse::date(i, &v[i], t);
        let (key, label) = match entry {
            Entry::Term => {
                ok(parse::required(0, &v[0], t).map(|n| term.name = n));
                ok(date(1).map(|x| term.first_day = x));
                ok(date(2).map(|x| term.last_day = x));
                ok(season(3, &v[3], t).map(|s| term.starts_in = s));
                ok(parse::optional_date(4, &v[4], t).map(|s| term.season_switch = s));
                (Entry::Term.key(), d.edit_term.to_owned())
            }
            Entry::Holiday(i) => {
                let mut h = Holiday {
                    name: String::new(),
                    from: NaiveDate::MIN,
                    to: NaiveDate::MIN,
                };
                ok(parse::required(0, &v[0], t).map(|n| h.name = n));
                ok(date(1).map(|x| h.from = x));
                ok(date(2).map(|x| h.to = x));
                let label = fill(
                    if adding {
                        d.add_holiday
                    } else {
                        d.edit_holiday
                    },
                    &[&h.name],
                );
                put(&mut term.holidays, i, h.clone());
                term.holidays.sort_by_key(|x| x.from);
                let i = term.holidays.iter().position(|x| x == &h).unwrap_or(0);
                (Entry::Holiday(i).key(), label)
            }
            Entry::Makeup(i) => {
                let mut m = MakeupDay {
                    date: NaiveDate::MIN,
                    runs_as: Weekday::Mon,
                    name: v[2].clone(),
                };
                ok(date(0).map(|x| m.date = x));
                ok(parse::weekday(1, &v[1], t).map(|w| m.runs_as = w));
                let label = fill(
                    if adding { d.add_makeup } else { d.edit_makeup },
                    &[&m.date],
                );
                put(&mut term.makeup_days, i, m.clone());
                term.makeup_days.sort_by_key(|x| x.date);
                let i = term.makeup_days.iter().position(|x| x == &m).unwrap_or(0);
                (Entry::Makeup(i).key(), label)
            }
            Entry::NoService(i) => {
                let mut n = NoServiceDay {
                    date: NaiveDate::MIN,
                    reason: v[1].clone(),
                };
                ok(date(0).map(|x| n.date = x));
                let label = fill(
                    if adding {
                        d.add_no_service
                    } else {
                        d.edit_no_service
                    },
                    &[&n.date],
                );
                put(&mut term.no_service_days, i, n.clone());
                term.no_service_days.sort_by_key(|x| x.date);
                let i = term
                    .no_service_days
                    .iter()
                    .position(|x| x == &n)
                    .unwrap_or(0);
                (Entry::NoService(i).key(), label)
            }
        };
        if errors.is_empty() {
            Ok((key, label))
        } else {
            Err(errors)
        }
    }

    fn delete(
        school: &mut School,
        _plan: &mut Plan,
        key: &str,
        t: &Text,
    ) -> Result<String, String> {
        let d = t.data;
        let term = &mut school.term;
        let gone = || d.gone.to_owned();
        match Entry::parse(key).ok_or_else(gone)? {
            Entry::Term => Err(d.term_not_deleted.to_owned()),
            Entry::Holiday(i) if i < term.holidays.len() => {
                Ok(fill(d.delete_holiday, &[&term.holidays.remove(i).name]))
            }
            Entry::Makeup(i) if i < term.makeup_days.len() => {
                Ok(fill(d.delete_makeup, &[&term.makeup_days.remove(i).date]))
            }
            Entry::NoService(i) if i < term.no_service_days.len() => Ok(fill(
                d.delete_no_service,
                &[&term.no_service_days.remove(i).date],
            )),
            _ => Err(gone()),
        }
    }

    fn help(t: &'static Text) -> Vec<(&'static str, &'static str)> {
        let d = t.data;
        vec![
            ("a", d.key_add_holiday),
            ("m", d.key_add_makeup),
            ("n", d.key_add_no_service),
        ]
    }
}

/// Puts `item` at `i` (replacing), or at the end when `i` is past it.
fn put<T>(list: &mut Vec<T>, i: usize, item: T) {
    match list.get_mut(i) {
        Some(slot) => *slot = item,
        None => list.push(item),
    }
}
