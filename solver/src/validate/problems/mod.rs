//! What can be wrong with a school, by area of its file: one enum each,
//! with the data its message needs and its English words. Other languages
//! render the same enums in the application.

mod classes;
mod clubs;
mod ids;
mod rooms;
mod rules;
mod staff;
mod term;
mod timetables;

pub use classes::ClassProblem;
pub use clubs::ClubProblem;
pub use ids::IdProblem;
pub use rooms::RoomProblem;
pub use rules::{RatioName, RuleProblem, WeightName};
pub use staff::StaffProblem;
pub use term::{SeasonUse, TermProblem};
pub use timetables::TimetableProblem;

use chrono::NaiveDate;

use crate::model::{SessionKind, Weekday};

/// Grades as compact ranges: `1-2, 5`.
pub fn grade_ranges(grades: &[u8]) -> Vec<(u8, u8)> {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < grades.len() {
        let start = grades[i];
        let mut end = start;
        while i + 1 < grades.len() && grades[i + 1] == end.wrapping_add(1) && end < u8::MAX {
            i += 1;
            end = grades[i];
        }
        parts.push((start, end));
        i += 1;
    }
    parts
}

fn grade_list(grades: &[u8]) -> String {
    grade_ranges(grades)
        .into_iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn day_list(days: &[Weekday]) -> String {
    days.iter()
        .map(|d| d.english())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `2026-10-10 (Saturday)`.
fn date_text(d: NaiveDate) -> String {
    use chrono::Datelike;
    let day = match d.weekday() {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    };
    format!("{d} ({day})")
}

/// `a basic session`, `an extended session`.
fn a_session(kind: SessionKind) -> String {
    let article = if matches!(kind, SessionKind::Extended | SessionKind::Evening) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind} session")
}
