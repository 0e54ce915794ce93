//! The calendar's forms: the term, a holiday, a make-up day (调休), a day
//! without service; and the season's names in the interface's language.

use crate::tui::widgets::form::Place;
use kehou_solver::model::{Holiday, MakeupDay, NoServiceDay, Season};
use kehou_solver::School;

use crate::tui::text::{fill, Text};
use crate::tui::widgets::form::parse;
use crate::tui::widgets::form::{Field, FieldError, Form};

pub fn season_name(s: Season, t: &Text) -> &'static str {
    t.seasons[usize::from(s == Season::Winter)]
}

pub fn season(i: usize, v: &str, t: &Text) -> Result<Season, FieldError> {
    let v = v.trim().to_lowercase();
    [Season::Summer, Season::Winter]
        .into_iter()
        .find(|s| {
            let (code, zh) = match s {
                Season::Summer => ("summer", "夏"),
                Season::Winter => ("winter", "冬"),
            };
            v == code || v.starts_with(zh) || season_name(*s, t).to_lowercase() == v
        })
        .ok_or_else(|| {
            let both = format!(
                "{} {}",
                season_name(Season::Summer, t),
                season_name(Season::Winter, t)
            );
            (Some(i), fill(t.data.err_choice, &[&v, &both]))
        })
}

pub fn term_form(school: &School, t: &Text) -> Form {
    let d = t.data;
    let term = &school.term;
    Form::new(
        d.title_edit_term,
        vec![
            Field::new(d.col_title, term.name.clone()).places(&[Place::Name]),
            Field::new(d.col_first_day, term.first_day.to_string())
                .hint(d.hint_date)
                .places(&[Place::FirstDay]),
            Field::new(d.col_last_day, term.last_day.to_string())
                .hint(d.hint_date)
                .places(&[Place::LastDay]),
            Field::new(d.col_starts_in, season_name(term.starts_in, t))
                .hint(d.hint_season)
                .choices(t.seasons),
            Field::new(
                d.col_season_switch,
                term.season_switch
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            )
            .hint(d.hint_switch)
            .places(&[Place::SeasonSwitch]),
        ],
    )
}

pub fn holiday_form(title: String, h: &Holiday, t: &Text) -> Form {
    let d = t.data;
    Form::new(
        title,
        vec![
            Field::new(d.col_title, h.name.clone()).places(&[Place::Name]),
            Field::new(d.col_from, h.from.to_string())
                .hint(d.hint_date)
                .places(&[Place::From]),
            Field::new(d.col_to, h.to.to_string())
                .hint(d.hint_date)
                .places(&[Place::To]),
        ],
    )
}

pub fn makeup_form(title: String, m: &MakeupDay, t: &Text) -> Form {
    let d = t.data;
    Form::new(
        title,
        vec![
            Field::new(d.col_date, m.date.to_string())
                .hint(d.hint_date)
                .places(&[Place::Date]),
            Field::new(d.col_runs_as, t.weekday(m.runs_as)).choices(parse::weekday_names(t)),
            Field::new(d.col_title, m.name.clone()),
        ],
    )
}

pub fn no_service_form(title: String, n: &NoServiceDay, t: &Text) -> Form {
    let d = t.data;
    Form::new(
        title,
        vec![
            Field::new(d.col_date, n.date.to_string())
                .hint(d.hint_date)
                .places(&[Place::Date]),
            Field::new(d.col_reason, n.reason.clone()),
        ],
    )
}
