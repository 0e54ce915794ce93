//! The term on real dates: which dates have service, which weekday's timetable
//! each runs, which week of the rotation cycle it falls in, and its season.

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{Season, Term, Weekday};

/// One date with after-school service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceDay {
    pub date: NaiveDate,
    /// The weekday whose timetable and rota run (a make-up Saturday runs as its named weekday).
    pub runs_as: Weekday,
    /// Teaching week of the term, from 1 (the week holding the first day).
    pub teaching_week: u32,
    /// Week of the rotation cycle, from 1: ((teaching_week − 1) mod K) + 1.
    pub cycle_week: u8,
    pub season: Season,
}

/// Every service date of the term in order: weekdays and make-up days, less
/// holidays and days without service.
pub fn service_days(term: &Term, cycle_weeks: u8) -> Vec<ServiceDay> {
    let k = u32::from(cycle_weeks.max(1));
    let monday0 = monday_of(term.first_day);
    let mut days = Vec::new();
    let mut date = term.first_day;
    // Bounded: a term longer than ten years is nonsense that validation reports.
    let mut guard = 0;
    while date <= term.last_day && guard < 4000 {
        guard += 1;
        if let Some(runs_as) = runs_as(term, date) {
            let teaching_week = (date - monday0).num_days().max(0) as u32 / 7 + 1;
            days.push(ServiceDay {
                date,
                runs_as,
                teaching_week,
                cycle_week: ((teaching_week - 1) % k + 1) as u8,
                season: term.season_on(date),
            });
        }
        match date.checked_add_days(Days::new(1)) {
            Some(next) => date = next,
            None => break,
        }
    }
    days
}

/// The weekday whose rota runs on `date`, or `None` if there is no service.
pub fn runs_as(term: &Term, date: NaiveDate) -> Option<Weekday> {
    if date < term.first_day || date > term.last_day || term.is_holiday(date) {
        return None;
    }
    if term.no_service_days.iter().any(|d| d.date == date) {
        return None;
    }
    if let Some(m) = term.makeup_days.iter().find(|m| m.date == date) {
        return Some(m.runs_as);
    }
    Weekday::from_chrono(date.weekday())
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}

/// The season with the most service days in the term: the cycle plan is timed by it.
pub fn main_season(term: &Term) -> Season {
    let days = service_days(term, 1);
    let summer = days.iter().filter(|d| d.season == Season::Summer).count();
    if summer * 2 >= days.len() {
        Season::Summer
    } else {
        Season::Winter
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Holiday, MakeupDay, NoServiceDay};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn term() -> Term {
        Term {
            name: "t".into(),
            first_day: d("2026-09-01"),
            last_day: d("2026-10-16"),
            holidays: vec![Holiday {
                name: "国庆".into(),
                from: d("2026-10-01"),
                to: d("2026-10-07"),
            }],
            makeup_days: vec![MakeupDay {
                date: d("2026-10-10"),
                runs_as: Weekday::Thu,
                name: "调休".into(),
            }],
            no_service_days: vec![NoServiceDay {
                date: d("2026-09-02"),
                reason: "运动会".into(),
            }],
            starts_in: Season::Summer,
            season_switch: Some(d("2026-10-12")),
        }
    }

    #[test]
    fn holidays_and_no_service_days_are_skipped_and_makeup_days_run() {
        let days = service_days(&term(), 2);
        let dates: Vec<_> = days.iter().map(|s| s.date).collect();
        assert!(dates.contains(&d("2026-09-01")));
        assert!(!dates.contains(&d("2026-09-02")), "no-service day");
        assert!(!dates.contains(&d("2026-10-05")), "holiday");
        assert!(!dates.contains(&d("2026-09-05")), "a plain Saturday");
        let makeup = days.iter().find(|s| s.date == d("2026-10-10")).unwrap();
        assert_eq!(makeup.runs_as, Weekday::Thu);
    }

    #[test]
    fn cycle_weeks_alternate_from_the_first_week_and_seasons_switch() {
        let days = service_days(&term(), 2);
        let first = days.iter().find(|s| s.date == d("2026-09-01")).unwrap();
        assert_eq!((first.teaching_week, first.cycle_week), (1, 1));
        let second = days.iter().find(|s| s.date == d("2026-09-07")).unwrap();
        assert_eq!((second.teaching_week, second.cycle_week), (2, 2));
        let third = days.iter().find(|s| s.date == d("2026-09-14")).unwrap();
        assert_eq!(third.cycle_week, 1);
        assert_eq!(
            days.iter()
                .find(|s| s.date == d("2026-10-12"))
                .unwrap()
                .season,
            Season::Winter
        );
        assert_eq!(first.season, Season::Summer);
    }
}
