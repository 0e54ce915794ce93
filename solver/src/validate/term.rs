//! The term: its dates, holidays, make-up days, days without service and the
//! season switch. Dates are only compared, never walked, so absurd years are
//! reported rather than looped over.

use chrono::{Datelike, NaiveDate};

use super::finding::{Field, HolidayRef, Subject};
use super::problems::TermProblem;
use super::Findings;
use crate::model::{Holiday, School, Term};

/// A term longer than this is almost surely a mistyped year.
const LONGEST_TERM_DAYS: i64 = 366;

pub(super) fn check(school: &School, out: &mut Findings) {
    let term = &school.term;
    if term.name.trim().is_empty() {
        out.warning(Subject::Term, Field::Name, TermProblem::NoName);
    }
    let dates_ok = check_dates(term, out);
    check_holidays(term, dates_ok, out);
    check_makeup_days(term, dates_ok, out);
    check_no_service_days(term, dates_ok, out);
    check_season_switch(term, dates_ok, out);
}

/// First and last day; true when they are in order, so other dates can be
/// compared with them.
fn check_dates(term: &Term, out: &mut Findings) -> bool {
    if term.last_day < term.first_day {
        out.error(
            Subject::Term,
            Field::LastDay,
            TermProblem::Backwards {
                first: term.first_day,
                last: term.last_day,
            },
        );
        return false;
    }
    let days = term
        .last_day
        .signed_duration_since(term.first_day)
        .num_days();
    if days > LONGEST_TERM_DAYS {
        out.warning(
            Subject::Term,
            Field::LastDay,
            TermProblem::TooLong {
                days,
                first: term.first_day,
                last: term.last_day,
            },
        );
    }
    true
}

fn in_term(term: &Term, date: NaiveDate) -> bool {
    term.first_day <= date && date <= term.last_day
}

fn holiday_ref(h: &Holiday) -> HolidayRef {
    HolidayRef {
        name: h.name.clone(),
        from: h.from,
        to: h.to,
    }
}

fn outside(term: &Term) -> TermProblem {
    TermProblem::OutsideTerm {
        first: term.first_day,
        last: term.last_day,
    }
}

fn check_holidays(term: &Term, dates_ok: bool, out: &mut Findings) {
    for (i, h) in term.holidays.iter().enumerate() {
        let item = Subject::Holiday(holiday_ref(h));
        if h.name.trim().is_empty() {
            out.warning(item.clone(), Field::Name, TermProblem::HolidayNoName);
        }
        if h.to < h.from {
            out.error(
                item,
                Field::To,
                TermProblem::HolidayBackwards {
                    from: h.from,
                    to: h.to,
                },
            );
            continue;
        }
        if dates_ok && (h.to < term.first_day || h.from > term.last_day) {
            out.warning(item.clone(), Field::From, outside(term));
        }
        for earlier in term.holidays.iter().take(i) {
            if earlier.from <= earlier.to && earlier.from <= h.to && h.from <= earlier.to {
                out.warning(
                    item.clone(),
                    Field::From,
                    TermProblem::HolidayOverlaps {
                        other: holiday_ref(earlier),
                    },
                );
            }
        }
    }
}

fn check_makeup_days(term: &Term, dates_ok: bool, out: &mut Findings) {
    for (i, m) in term.makeup_days.iter().enumerate() {
        let item = Subject::MakeupDay(m.date);
        let weekday = m.date.weekday();
        if !matches!(weekday, chrono::Weekday::Sat | chrono::Weekday::Sun) {
            out.error(
                item.clone(),
                Field::Date,
                TermProblem::MakeupNotWeekend { date: m.date },
            );
        }
        if let Some(h) = term
            .holidays
            .iter()
            .find(|h| h.from <= m.date && m.date <= h.to)
        {
            out.error(
                item.clone(),
                Field::Date,
                TermProblem::MakeupInHoliday {
                    holiday: holiday_ref(h),
                },
            );
        }
        if dates_ok && !in_term(term, m.date) {
            out.warning(item.clone(), Field::Date, outside(term));
        }
        if term.makeup_days.iter().take(i).any(|e| e.date == m.date) {
            out.error(item, Field::Date, TermProblem::MakeupTwice);
        }
    }
}

fn check_no_service_days(term: &Term, dates_ok: bool, out: &mut Findings) {
    for (i, n) in term.no_service_days.iter().enumerate() {
        let item = Subject::NoServiceDay(n.date);
        let weekend = matches!(
            n.date.weekday(),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        );
        let makeup = term.makeup_days.iter().any(|m| m.date == n.date);
        if weekend && !makeup {
            out.warning(
                item.clone(),
                Field::Date,
                TermProblem::NoServiceOnWeekend { date: n.date },
            );
        }
        if let Some(h) = term
            .holidays
            .iter()
            .find(|h| h.from <= n.date && n.date <= h.to)
        {
            out.warning(
                item.clone(),
                Field::Date,
                TermProblem::NoServiceInHoliday {
                    holiday: holiday_ref(h),
                },
            );
        }
        if dates_ok && !in_term(term, n.date) {
            out.warning(item.clone(), Field::Date, outside(term));
        }
        if term
            .no_service_days
            .iter()
            .take(i)
            .any(|e| e.date == n.date)
        {
            out.warning(item, Field::Date, TermProblem::NoServiceTwice);
        }
    }
}

fn check_season_switch(term: &Term, dates_ok: bool, out: &mut Findings) {
    let Some(switch) = term.season_switch else {
        return;
    };
    if !dates_ok {
        return;
    }
    if !in_term(term, switch) {
        out.error(
            Subject::Term,
            Field::SeasonSwitch,
            TermProblem::SwitchOutsideTerm {
                switch,
                first: term.first_day,
                last: term.last_day,
                other: term.starts_in.other(),
            },
        );
    } else if switch == term.first_day {
        out.warning(
            Subject::Term,
            Field::SeasonSwitch,
            TermProblem::SwitchOnFirstDay {
                starts_in: term.starts_in,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{date, messages, tiny_school};
    use crate::model::{Holiday, MakeupDay, NoServiceDay, Weekday};

    fn has(m: &[String], s: &str) -> bool {
        m.iter().any(|m| m.contains(s))
    }

    #[test]
    fn last_day_before_first_day_is_an_error() {
        let mut s = tiny_school();
        s.term.last_day = date(2026, 8, 1);
        let m = messages(&s);
        assert!(
            has(
                &m,
                "error: term: the last day 2026-08-01 is before the first day"
            ),
            "{m:#?}"
        );
    }

    #[test]
    fn a_term_of_many_years_is_a_warning() {
        let mut s = tiny_school();
        s.term.last_day = date(2207, 1, 22);
        let m = messages(&s);
        assert!(has(&m, "warning: term: the term runs"), "{m:#?}");
    }

    #[test]
    fn holiday_ending_before_it_starts_is_an_error() {
        let mut s = tiny_school();
        s.term.holidays[0].to = date(2026, 9, 30);
        assert!(has(
            &messages(&s),
            "error: holiday 国庆 (2026-10-01 to 2026-09-30): it ends on"
        ));
    }

    #[test]
    fn holiday_outside_the_term_is_a_warning() {
        let mut s = tiny_school();
        s.term.holidays[0].from = date(2025, 10, 1);
        s.term.holidays[0].to = date(2025, 10, 7);
        assert!(has(
            &messages(&s),
            "warning: holiday 国庆 (2025-10-01 to 2025-10-07): it is outside the term"
        ));
    }

    #[test]
    fn overlapping_holidays_are_a_warning() {
        let mut s = tiny_school();
        s.term.holidays.push(Holiday {
            name: "中秋".into(),
            from: date(2026, 9, 30),
            to: date(2026, 10, 2),
        });
        assert!(has(
            &messages(&s),
            "warning: holiday 中秋 (2026-09-30 to 2026-10-02): it overlaps holiday 国庆"
        ));
    }

    #[test]
    fn makeup_day_on_a_weekday_is_an_error() {
        let mut s = tiny_school();
        s.term.makeup_days[0].date = date(2026, 10, 9);
        assert!(has(
            &messages(&s),
            "error: make-up day 2026-10-09: 2026-10-09 (Friday) is not a Saturday or Sunday"
        ));
    }

    #[test]
    fn makeup_day_inside_a_holiday_is_an_error() {
        let mut s = tiny_school();
        s.term.makeup_days.push(MakeupDay {
            date: date(2026, 10, 3),
            runs_as: Weekday::Mon,
            name: String::new(),
        });
        assert!(has(
            &messages(&s),
            "error: make-up day 2026-10-03: it falls inside holiday 国庆"
        ));
    }

    #[test]
    fn makeup_day_listed_twice_is_an_error() {
        let mut s = tiny_school();
        s.term.makeup_days.push(s.term.makeup_days[0].clone());
        assert!(has(
            &messages(&s),
            "error: make-up day 2026-10-10: it is listed more than once"
        ));
    }

    #[test]
    fn no_service_day_on_a_weekend_or_holiday_is_a_warning() {
        let mut s = tiny_school();
        s.term.no_service_days.push(NoServiceDay {
            date: date(2026, 11, 7),
            reason: String::new(),
        });
        s.term.no_service_days.push(NoServiceDay {
            date: date(2026, 10, 5),
            reason: String::new(),
        });
        // A make-up Saturday is a school day, so it may be a no-service day.
        s.term.no_service_days.push(NoServiceDay {
            date: date(2026, 10, 10),
            reason: String::new(),
        });
        let m = messages(&s);
        assert!(
            has(
                &m,
                "warning: no-service day 2026-11-07: 2026-11-07 (Saturday) is a weekend day"
            ),
            "{m:#?}"
        );
        assert!(
            has(
                &m,
                "warning: no-service day 2026-10-05: it falls inside holiday 国庆"
            ),
            "{m:#?}"
        );
        assert!(!has(&m, "no-service day 2026-10-10"), "{m:#?}");
    }

    #[test]
    fn season_switch_outside_the_term_is_an_error() {
        let mut s = tiny_school();
        s.term.season_switch = Some(date(2027, 3, 1));
        assert!(has(
            &messages(&s),
            "error: term: the season switch 2027-03-01 is outside the term"
        ));
        s.term.season_switch = Some(s.term.first_day);
        assert!(has(
            &messages(&s),
            "warning: term: the season switch is the term's first day"
        ));
    }
}
