//! Day timetables.

use super::{day_list, term::SeasonUse};
use crate::model::{ClockTime, Season, SessionKind, Weekday};
use crate::validate::finding::{grades_text, season_name, TimetableRef, Words};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimetableProblem {
    NoDays,
    GradesBackwards {
        from: u8,
        to: u8,
    },
    NoSessions,
    /// A session that ends when or before it starts.
    SessionBackwards {
        session: SessionKind,
        start: ClockTime,
        end: ClockTime,
    },
    SessionTwice {
        session: SessionKind,
    },
    SessionsOverlap {
        first: (SessionKind, ClockTime, ClockTime),
        second: (SessionKind, ClockTime, ClockTime),
    },
    EveningTooLate {
        end: ClockTime,
    },
    EveningForPrimary,
    /// Two timetables give one grade times for the same sessions on the same days.
    Ambiguous {
        other: TimetableRef,
        sessions: Vec<SessionKind>,
        from: u8,
        to: u8,
        days: Vec<Weekday>,
    },
    NoTimetables,
    SeasonMissing {
        season: Season,
        used: SeasonUse,
    },
}

impl TimetableProblem {
    pub fn english(&self) -> Words {
        match self {
            TimetableProblem::NoDays => Words::new(
                "it applies to no weekday, so it does nothing",
                "list its days, e.g. days: [Mon, Tue, Wed, Thu, Fri], or remove it",
            ),
            TimetableProblem::GradesBackwards { from, to } => Words::new(
                format!("its grades run from {from} to {to}, backwards"),
                "swap `from` and `to`",
            ),
            TimetableProblem::NoSessions => {
                Words::new("it has no sessions", "add its sessions, or remove it")
            }
            TimetableProblem::SessionBackwards {
                session,
                start,
                end,
            } => {
                let when = if end == start { "when" } else { "before" };
                Words::new(
                    format!("its {} session ends at {end}, {when} it starts at {start}", session.code()),
                    "correct the session's start or end (times are 24-hour, e.g. \"16:55\")",
                )
            }
            TimetableProblem::SessionTwice { session } => Words::new(
                format!(
                    "it has two {} sessions, so kehou cannot tell which times apply",
                    session.code()
                ),
                "keep one; for different times on some days, make a separate timetable for those days",
            ),
            TimetableProblem::SessionsOverlap { first, second } => Words::new(
                format!(
                    "its {} session ({}–{}) and {} session ({}–{}) overlap, but one adult cannot be in both",
                    first.0, first.1, first.2, second.0.code(), second.1, second.2
                ),
                "correct the times so one session ends before the next starts",
            ),
            TimetableProblem::EveningTooLate { end } => Words::new(
                format!("its evening self-study ends at {end}, later than 20:30"),
                "end evening self-study by 20:30",
            ),
            TimetableProblem::EveningForPrimary => Words::new(
                "it has evening self-study for primary grades; evening self-study is for junior middle school (grades 7-9)",
                "remove the evening session, or check the grades",
            ),
            TimetableProblem::Ambiguous {
                other,
                sessions,
                from,
                to,
                days,
            } => {
                let kinds: Vec<&str> = sessions.iter().map(|k| k.code()).collect();
                Words::new(
                    format!(
                        "it overlaps {other}: both give times for the {} sessions of {} on {}, so kehou cannot tell which apply",
                        kinds.join(", "),
                        grades_text(*from, *to),
                        day_list(days)
                    ),
                    "narrow the grades or days of one of them so each grade has one timetable per day",
                )
            }
            TimetableProblem::NoTimetables => Words::new(
                "there are no timetables, so no group has session times",
                "add the day timetables for each season and grade band",
            ),
            TimetableProblem::SeasonMissing { season, used } => {
                let name = season_name(*season);
                let when = match used {
                    SeasonUse::StartsIn => format!("the term starts on {name} time (starts_in)"),
                    SeasonUse::SwitchesTo(d) => {
                        format!("the term switches to {name} time on {d} (season_switch)")
                    }
                    SeasonUse::Uses => format!("the term uses {name} time"),
                };
                Words::new(
                    format!("{when}, but there is no {name} timetable"),
                    format!("add {name} timetables, or correct starts_in / season_switch"),
                )
            }
        }
    }
}
