//! What an import without `--settings` fills in around the four lists: a term
//! for the school year of "today", and day timetables like a typical primary
//! school's. They are a start to edit, not a guess at the school's own.

use chrono::{Datelike, Days, NaiveDate, Weekday as ChronoWeekday};
use kehou_solver::model::{
    ClockTime, GradeBand, Holiday, Season, SessionKind, SessionTime, Term, Timetable, Weekday,
};

/// The name of a school imported without `--settings`.
pub const SCHOOL_NAME: &str = "未命名学校";

/// The term being planned on `today`: from July the coming autumn term (first
/// term, summer time until November), from January to June the spring term
/// (second term, winter time until May). Only holidays with fixed dates are
/// filled in; lunar ones (中秋, 清明, 端午) and make-up days vary by year.
pub fn term(today: NaiveDate) -> Term {
    let year = today.year();
    if today.month() >= 7 {
        Term {
            name: format!("{year}—{}学年第一学期", year + 1),
            first_day: weekday_on_or_after(date(year, 9, 1)),
            last_day: weekday_on_or_before(date(year + 1, 1, 22)),
            holidays: vec![
                holiday("国庆", date(year, 10, 1), date(year, 10, 7)),
                holiday("元旦", date(year + 1, 1, 1), date(year + 1, 1, 1)),
            ],
            makeup_days: Vec::new(),
            no_service_days: Vec::new(),
            starts_in: Season::Summer,
            season_switch: Some(date(year, 11, 1)),
        }
    } else {
        Term {
            name: format!("{}—{year}学年第二学期", year - 1),
            first_day: weekday_on_or_after(date(year, 2, 23)),
            last_day: weekday_on_or_before(date(year, 7, 3)),
            holidays: vec![holiday("劳动节", date(year, 5, 1), date(year, 5, 5))],
            makeup_days: Vec::new(),
            no_service_days: Vec::new(),
            starts_in: Season::Winter,
            season_switch: Some(date(year, 5, 1)),
        }
    }
}

/// Summer and winter timetables for grades 1–2 and 3–6, every weekday: basic
/// service from 15:05, then the extended session, then the late group until
/// 17:30 in summer and 17:00 in winter; grades 1–2 finish their sessions earlier.
pub fn timetables() -> Vec<Timetable> {
    let table = |season, from, to, sessions: [(SessionKind, &str, &str); 3]| Timetable {
        season,
        days: Weekday::ALL.to_vec(),
        grades: GradeBand { from, to },
        sessions: sessions
            .into_iter()
            .map(|(kind, start, end)| SessionTime {
                kind,
                start: clock(start),
                end: clock(end),
            })
            .collect(),
    };
    use SessionKind::{Basic, Extended, Late};
    vec![
        table(
            Season::Summer,
            1,
            2,
            [
                (Basic, "15:05", "15:45"),
                (Extended, "15:55", "16:25"),
                (Late, "16:25", "17:30"),
            ],
        ),
        table(
            Season::Summer,
            3,
            6,
            [
                (Basic, "15:05", "15:50"),
                (Extended, "16:00", "16:55"),
                (Late, "16:55", "17:30"),
            ],
        ),
        table(
            Season::Winter,
            1,
            2,
            [
                (Basic, "15:05", "15:45"),
                (Extended, "15:55", "16:15"),
                (Late, "16:15", "17:00"),
            ],
        ),
        table(
            Season::Winter,
            3,
            6,
            [
                (Basic, "15:05", "15:45"),
                (Extended, "15:55", "16:40"),
                (Late, "16:40", "17:00"),
            ],
        ),
    ]
}

fn clock(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap_or_else(|| unreachable!("{s} is a time of day"))
}

/// A date that exists: callers pass real month days of a year chrono handles.
fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn holiday(name: &str, from: NaiveDate, to: NaiveDate) -> Holiday {
    Holiday {
        name: name.to_owned(),
        from,
        to,
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), ChronoWeekday::Sat | ChronoWeekday::Sun)
}

/// At most two days on: a weekend is two days long.
fn weekday_on_or_after(mut d: NaiveDate) -> NaiveDate {
    for _ in 0..2 {
        if is_weekend(d) {
            d = d.checked_add_days(Days::new(1)).unwrap_or(d);
        }
    }
    d
}

fn weekday_on_or_before(mut d: NaiveDate) -> NaiveDate {
    for _ in 0..2 {
        if is_weekend(d) {
            d = d.checked_sub_days(Days::new(1)).unwrap_or(d);
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autumn_from_july_spring_from_january() {
        let autumn = term(date(2026, 8, 20));
        assert_eq!(autumn.name, "2026—2027学年第一学期");
        assert_eq!(autumn.first_day, date(2026, 9, 1));
        assert_eq!(autumn.last_day, date(2027, 1, 22));
        assert_eq!(autumn.starts_in, Season::Summer);
        let spring = term(date(2027, 1, 10));
        assert_eq!(spring.name, "2026—2027学年第二学期");
        assert_eq!(spring.starts_in, Season::Winter);
        assert!(spring.first_day < spring.last_day);
        // 2027-02-23 is a Tuesday; 2027-07-03 a Saturday.
        assert_eq!(spring.first_day, date(2027, 2, 23));
        assert_eq!(spring.last_day, date(2027, 7, 2));
    }
}
