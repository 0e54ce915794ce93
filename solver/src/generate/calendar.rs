//! The autumn term 2026—2027 and its day timetables.
//!
//! Holidays and make-up workdays follow the State Council's 2026 schedule:
//! 中秋 25–27 September, 国庆 1–7 October with Sunday 20 September and Saturday
//! 10 October worked (调休). 元旦 2027 is Friday 1 January to Sunday 3 January.

use chrono::NaiveDate;

use crate::model::{
    ClockTime, GradeBand, Holiday, MakeupDay, NoServiceDay, Season, SessionKind, SessionTime, Term,
    Timetable, Weekday,
};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the generator's calendar dates are real dates")
}

fn at(h: u16, m: u16) -> ClockTime {
    ClockTime::new(h, m).expect("the generator's clock times are real times")
}

pub(super) fn first_day() -> NaiveDate {
    date(2026, 9, 1)
}

pub(super) fn last_day() -> NaiveDate {
    date(2027, 1, 22)
}

pub(super) fn term() -> Term {
    let holiday = |name: &str, from, to| Holiday {
        name: name.to_owned(),
        from,
        to,
    };
    Term {
        name: "2026—2027学年第一学期".to_owned(),
        first_day: first_day(),
        last_day: last_day(),
        holidays: vec![
            holiday("中秋节", date(2026, 9, 25), date(2026, 9, 27)),
            holiday("国庆节", date(2026, 10, 1), date(2026, 10, 7)),
            holiday("元旦", date(2027, 1, 1), date(2027, 1, 3)),
        ],
        // The school decides whose timetable a worked weekend day follows:
        // Sunday 20 September runs Friday's (that week's Friday is 中秋),
        // Saturday 10 October runs Monday's (that week lost its Monday to 国庆).
        makeup_days: vec![
            MakeupDay {
                date: date(2026, 9, 20),
                runs_as: Weekday::Fri,
                name: "国庆调休上班（周日上周五课）".to_owned(),
            },
            MakeupDay {
                date: date(2026, 10, 10),
                runs_as: Weekday::Mon,
                name: "国庆调休上班（周六上周一课）".to_owned(),
            },
        ],
        no_service_days: vec![
            NoServiceDay {
                date: date(2026, 10, 23),
                reason: "秋季运动会".to_owned(),
            },
            NoServiceDay {
                date: date(2026, 11, 12),
                reason: "期中考试".to_owned(),
            },
        ],
        starts_in: Season::Summer,
        season_switch: Some(date(2026, 11, 2)),
    }
}

const MON_THU: [Weekday; 4] = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu];

/// Times of one grade band's sessions: basic, then extended (Monday to
/// Thursday only), then late. On Friday there are no clubs and no extended
/// session: basic runs a little longer and the late group follows it.
struct Band {
    grades: GradeBand,
    basic: (ClockTime, ClockTime),
    extended: (ClockTime, ClockTime),
    late: (ClockTime, ClockTime),
    friday_basic: (ClockTime, ClockTime),
    friday_late: (ClockTime, ClockTime),
}

fn session(kind: SessionKind, (start, end): (ClockTime, ClockTime)) -> SessionTime {
    SessionTime { kind, start, end }
}

/// Grades 1–2 leave lessons at 15:05 and have a longer basic session (no
/// written homework: reading and games); grades 3–6 leave at 15:15. Winter
/// shortens the later sessions so that everything ends by 17:40.
pub(super) fn timetables() -> Vec<Timetable> {
    let junior = GradeBand { from: 1, to: 2 };
    let senior = GradeBand { from: 3, to: 6 };
    let seasons = [
        (
            Season::Summer,
            [
                Band {
                    grades: junior,
                    basic: (at(15, 5), at(16, 25)),
                    extended: (at(16, 35), at(17, 20)),
                    late: (at(17, 20), at(18, 0)),
                    friday_basic: (at(15, 5), at(16, 25)),
                    friday_late: (at(16, 25), at(17, 20)),
                },
                Band {
                    grades: senior,
                    basic: (at(15, 15), at(16, 15)),
                    extended: (at(16, 25), at(17, 20)),
                    late: (at(17, 20), at(18, 0)),
                    friday_basic: (at(15, 15), at(16, 25)),
                    friday_late: (at(16, 25), at(17, 20)),
                },
            ],
        ),
        (
            Season::Winter,
            [
                Band {
                    grades: junior,
                    basic: (at(15, 5), at(16, 15)),
                    extended: (at(16, 25), at(17, 0)),
                    late: (at(17, 0), at(17, 40)),
                    friday_basic: (at(15, 5), at(16, 15)),
                    friday_late: (at(16, 15), at(17, 0)),
                },
                Band {
                    grades: senior,
                    basic: (at(15, 15), at(16, 15)),
                    extended: (at(16, 25), at(17, 0)),
                    late: (at(17, 0), at(17, 40)),
                    friday_basic: (at(15, 15), at(16, 15)),
                    friday_late: (at(16, 15), at(17, 0)),
                },
            ],
        ),
    ];
    let mut out = Vec::new();
    for (season, bands) in seasons {
        for band in bands {
            out.push(Timetable {
                season,
                days: MON_THU.to_vec(),
                grades: band.grades,
                sessions: vec![
                    session(SessionKind::Basic, band.basic),
                    session(SessionKind::Extended, band.extended),
                    session(SessionKind::Late, band.late),
                ],
            });
            out.push(Timetable {
                season,
                days: vec![Weekday::Fri],
                grades: band.grades,
                sessions: vec![
                    session(SessionKind::Basic, band.friday_basic),
                    session(SessionKind::Late, band.friday_late),
                ],
            });
        }
    }
    out
}

/// Weekdays with an extended session (clubs and extended study).
pub(super) const EXTENDED_DAYS: [Weekday; 4] = MON_THU;
