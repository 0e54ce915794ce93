//! The term: dates, holidays, make-up days, days without service, seasons.

use chrono::NaiveDate;

use super::date_text;
use crate::model::Season;
use crate::validate::finding::{season_name, HolidayRef, Words};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TermProblem {
    NoName,
    Backwards {
        first: NaiveDate,
        last: NaiveDate,
    },
    TooLong {
        days: i64,
        first: NaiveDate,
        last: NaiveDate,
    },
    HolidayNoName,
    HolidayBackwards {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// A holiday, make-up day or day without service outside the term.
    OutsideTerm {
        first: NaiveDate,
        last: NaiveDate,
    },
    HolidayOverlaps {
        other: HolidayRef,
    },
    MakeupNotWeekend {
        date: NaiveDate,
    },
    MakeupInHoliday {
        holiday: HolidayRef,
    },
    MakeupTwice,
    NoServiceOnWeekend {
        date: NaiveDate,
    },
    NoServiceInHoliday {
        holiday: HolidayRef,
    },
    NoServiceTwice,
    SwitchOutsideTerm {
        switch: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
        other: Season,
    },
    /// The switch is the first day: the starting season is never used.
    SwitchOnFirstDay {
        starts_in: Season,
    },
}

/// How the term uses a season that has no timetable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeasonUse {
    StartsIn,
    SwitchesTo(NaiveDate),
    Uses,
}

impl TermProblem {
    pub fn english(&self) -> Words {
        match self {
            TermProblem::NoName => Words::new(
                "the term has no name, so rosters will not say which term they are for",
                "set the term's `name`, e.g. \"2026—2027学年第一学期\"",
            ),
            TermProblem::Backwards { first, last } => Words::new(
                format!("the last day {last} is before the first day {first}"),
                "correct first_day or last_day",
            ),
            TermProblem::TooLong { days, first, last } => Words::new(
                format!("the term runs {days} days, from {first} to {last}, longer than a school year"),
                "check the years of first_day and last_day",
            ),
            TermProblem::HolidayNoName => Words::new(
                "the holiday has no name",
                "give it a name such as National Day, so the calendar can show it",
            ),
            TermProblem::HolidayBackwards { from, to } => Words::new(
                format!("it ends on {to} before it starts on {from}"),
                "correct `from` or `to` (`to` is the last day off, inclusive)",
            ),
            TermProblem::OutsideTerm { first, last } => Words::new(
                format!("it is outside the term ({first} to {last}), so it changes nothing"),
                "check its year, or remove it",
            ),
            TermProblem::HolidayOverlaps { other } => Words::new(
                format!("it overlaps {other}"),
                "merge the two, or correct their dates; the days of both are off",
            ),
            TermProblem::MakeupNotWeekend { date } => Words::new(
                format!(
                    "{} is not a Saturday or Sunday; a make-up day is a weekend day that runs as a weekday",
                    date_text(*date)
                ),
                "correct the date, or remove it if the day is an ordinary school day",
            ),
            TermProblem::MakeupInHoliday { holiday } => Words::new(
                format!("it falls inside {holiday}, so it is both a day off and a school day"),
                "correct the make-up day or the holiday's dates",
            ),
            TermProblem::MakeupTwice => Words::new(
                "it is listed more than once",
                "keep one entry, running as the right weekday",
            ),
            TermProblem::NoServiceOnWeekend { date } => Words::new(
                format!(
                    "{} is a weekend day, when there is no service anyway",
                    date_text(*date)
                ),
                "check the date",
            ),
            TermProblem::NoServiceInHoliday { holiday } => Words::new(
                format!("it falls inside {holiday}, when there is no service anyway"),
                "check the date",
            ),
            TermProblem::NoServiceTwice => Words::new("it is listed more than once", "keep one entry"),
            TermProblem::SwitchOutsideTerm {
                switch,
                first,
                last,
                other,
            } => Words::new(
                format!("the season switch {switch} is outside the term ({first} to {last})"),
                format!(
                    "set season_switch to the first day of {} time within the term, or remove it if the season does not change",
                    season_name(*other)
                ),
            ),
            TermProblem::SwitchOnFirstDay { starts_in } => Words::new(
                format!(
                    "the season switch is the term's first day, so {} time is never used",
                    season_name(*starts_in)
                ),
                format!(
                    "set starts_in: {} and remove season_switch",
                    season_name(starts_in.other())
                ),
            ),
        }
    }
}
