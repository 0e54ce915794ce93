//! The calendar's forms: the term, a holiday, a make-up day (调休), a day
//! without service; and the season's names in the interface's language.

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
            Field::new(d.col_name, term.name.clone()).keywords(&["name"]),
            Field::new(d.col_first_day, term.first_day.to_string())
                .hint("YYYY-MM-DD")
                .keywords(&["first day"]),
            Field::new(d.col_last_day, term.last_day.to_string())
                .hint("YYYY-MM-DD")
                .keywords(&["last day", "longer"]),
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
            .keywords(&["season switch"]),
        ],
    )
}

pub fn holiday_form(title: String, h: &Holiday, t: &Text) -> Form {
    let d = t.data;
    Form::new(
        title,
        vec![
            Field::new(d.col_name, h.name.clone()).keywords(&["no name"]),
            Field::new(d.col_from, h.from.to_string())
                .hint("YYYY-MM-DD")
                .keywords(&["overlaps", "outside"]),
            Field::new(d.col_to, h.to.to_string())
                .hint("YYYY-MM-DD")
                .keywords(&["ends on"]),
        ],
    )
}

pub fn makeup_form(title: String, m: &MakeupDay, t: &Text) -> Form {
    let d = t.data;
    Form::new(
        title,
        vec![
            Field::new(d.col_date, m.date.to_string())
                .hint("YYYY-MM-DD")
                .keywords(&["saturday", "inside", "outside", "more than once"]),
            Field::new(d.col_runs_as, t.weekday(m.runs_as)).choices(parse::weekday_names(t)),
            Field::new(d.col_name, m.name.clone()),
        ],
    )
}

pub fn no_service_form(title: String, n: &NoServiceDay, t: &Text) -> Form {
    let d = t.data;
    Form::new(
        title,
        vec![
            Field::new(d.col_date, n.date.to_string())
                .hint("YYYY-MM-DD")
                .keywords(&["weekend", "inside", "outside", "more than once"]),
            Field::new(d.col_reason, n.reason.clone()),
        ],
    )
}
