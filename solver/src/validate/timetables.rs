//! Day timetables: sessions that make sense, no two timetables giving one
//! grade two times for the same session, and a timetable for every season the
//! term uses. Whether every class is covered is checked with the classes.

use super::finding::{Field, Subject, TimetableRef};
use super::problems::{SeasonUse, TimetableProblem};
use super::{seasons_in_use, Findings};
use crate::model::{ClockTime, School, SessionKind, Timetable, Weekday};

/// 晚自习 never runs later than this (domain brief).
const EVENING_LATEST: u16 = 20 * 60 + 30;

pub(super) fn check(school: &School, out: &mut Findings) {
    for (i, t) in school.timetables.iter().enumerate() {
        check_one(i, t, out);
    }
    check_ambiguity(school, out);
    check_seasons(school, out);
}

/// `timetable 2 (summer, grades 3-6)`, numbered from 1 in file order.
pub(super) fn timetable_ref(index: usize, t: &Timetable) -> TimetableRef {
    TimetableRef {
        number: index + 1,
        season: t.season,
        from: t.grades.from,
        to: t.grades.to,
    }
}

fn check_one(index: usize, t: &Timetable, out: &mut Findings) {
    let item = Subject::Timetable(timetable_ref(index, t));
    if t.days.is_empty() {
        out.error(item.clone(), Field::Days, TimetableProblem::NoDays);
    }
    if t.grades.from > t.grades.to {
        out.error(
            item.clone(),
            Field::Grades,
            TimetableProblem::GradesBackwards {
                from: t.grades.from,
                to: t.grades.to,
            },
        );
    }
    if t.sessions.is_empty() {
        out.warning(item.clone(), Field::Sessions, TimetableProblem::NoSessions);
    }
    for (j, s) in t.sessions.iter().enumerate() {
        if s.end <= s.start {
            out.error(
                item.clone(),
                Field::Sessions,
                TimetableProblem::SessionBackwards {
                    session: s.kind,
                    start: s.start,
                    end: s.end,
                },
            );
            continue;
        }
        if t.sessions.iter().take(j).any(|e| e.kind == s.kind) {
            out.error(
                item.clone(),
                Field::Sessions,
                TimetableProblem::SessionTwice { session: s.kind },
            );
            continue;
        }
        for e in t.sessions.iter().take(j) {
            if e.start < e.end && e.kind != s.kind && e.start < s.end && s.start < e.end {
                out.error(
                    item.clone(),
                    Field::Sessions,
                    TimetableProblem::SessionsOverlap {
                        first: (e.kind, e.start, e.end),
                        second: (s.kind, s.start, s.end),
                    },
                );
            }
        }
        if s.kind == SessionKind::Evening {
            check_evening(&item, t, s.end, out);
        }
    }
}

fn check_evening(item: &Subject, t: &Timetable, end: ClockTime, out: &mut Findings) {
    if end.minutes() > EVENING_LATEST {
        out.warning(
            item.clone(),
            Field::Sessions,
            TimetableProblem::EveningTooLate { end },
        );
    }
    if t.grades.from < 7 {
        out.warning(
            item.clone(),
            Field::Grades,
            TimetableProblem::EveningForPrimary,
        );
    }
}

/// Two timetables of one season that both give a grade the same session on the
/// same day: `School::session_time` would silently take the first.
fn check_ambiguity(school: &School, out: &mut Findings) {
    let tts = &school.timetables;
    for (j, b) in tts.iter().enumerate() {
        for (i, a) in tts.iter().enumerate().take(j) {
            if a.season != b.season || a.grades.from > a.grades.to || !a.grades.overlaps(&b.grades)
            {
                continue;
            }
            let days: Vec<Weekday> = Weekday::ALL
                .into_iter()
                .filter(|d| a.days.contains(d) && b.days.contains(d))
                .collect();
            let sessions: Vec<SessionKind> = SessionKind::ALL
                .into_iter()
                .filter(|k| a.session(*k).is_some() && b.session(*k).is_some())
                .collect();
            if days.is_empty() || sessions.is_empty() {
                continue;
            }
            out.error(
                Subject::Timetable(timetable_ref(j, b)),
                Field::Grades,
                TimetableProblem::Ambiguous {
                    other: timetable_ref(i, a),
                    sessions,
                    from: a.grades.from.max(b.grades.from),
                    to: a.grades.to.min(b.grades.to),
                    days,
                },
            );
        }
    }
}

fn check_seasons(school: &School, out: &mut Findings) {
    if school.timetables.is_empty() {
        out.error(Subject::Timetables, None, TimetableProblem::NoTimetables);
        return;
    }
    let term = &school.term;
    for season in seasons_in_use(school) {
        if school.timetables.iter().any(|t| t.season == season) {
            continue;
        }
        let used = if season == term.starts_in {
            SeasonUse::StartsIn
        } else {
            match term.season_switch {
                Some(d) => SeasonUse::SwitchesTo(d),
                None => SeasonUse::Uses,
            }
        };
        out.error(
            Subject::Timetables,
            None,
            TimetableProblem::SeasonMissing { season, used },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{clock, messages, tiny_school};
    use crate::model::{Season, SessionKind, SessionTime, Weekday};

    fn has(m: &[String], s: &str) -> bool {
        m.iter().any(|m| m.contains(s))
    }

    #[test]
    fn session_ending_before_or_when_it_starts_is_an_error() {
        let mut s = tiny_school();
        s.timetables[1].sessions[0].end = clock(15, 0);
        s.timetables[3].sessions[2].end = s.timetables[3].sessions[2].start;
        let m = messages(&s);
        assert!(has(&m, "error: timetable 2 (summer, grades 3-6): its basic session ends at 15:00, before it starts at 15:05"), "{m:#?}");
        assert!(has(&m, "error: timetable 4 (winter, grades 3-6): its late session ends at 16:40, when it starts"), "{m:#?}");
    }

    #[test]
    fn timetable_without_days_or_with_backwards_grades_is_an_error() {
        let mut s = tiny_school();
        s.timetables[0].days.clear();
        s.timetables[1].grades.from = 7;
        let m = messages(&s);
        assert!(
            has(
                &m,
                "error: timetable 1 (summer, grades 1-2): it applies to no weekday"
            ),
            "{m:#?}"
        );
        assert!(
            has(
                &m,
                "error: timetable 2 (summer, grades 7-6): its grades run from 7 to 6, backwards"
            ),
            "{m:#?}"
        );
    }

    #[test]
    fn overlapping_sessions_in_one_timetable_are_an_error() {
        let mut s = tiny_school();
        s.timetables[0].sessions[1].start = clock(15, 30);
        assert!(has(&messages(&s), "error: timetable 1 (summer, grades 1-2): its basic session (15:05–15:45) and extended session (15:30–16:25) overlap"));
    }

    #[test]
    fn a_session_kind_twice_in_one_timetable_is_an_error() {
        let mut s = tiny_school();
        s.timetables[0].sessions.push(SessionTime {
            kind: SessionKind::Late,
            start: clock(18, 0),
            end: clock(18, 30),
        });
        assert!(has(&messages(&s), "it has two late sessions"));
    }

    #[test]
    fn two_timetables_giving_one_grade_the_same_session_are_ambiguous() {
        let mut s = tiny_school();
        let mut fridays = s.timetables[1].clone();
        fridays.days = vec![Weekday::Fri];
        fridays.grades.from = 2;
        s.timetables.push(fridays);
        let m = messages(&s);
        assert!(has(&m, "error: timetable 5 (summer, grades 2-6): it overlaps timetable 1 (summer, grades 1-2): both give times for the basic, extended, late sessions of grade 2 on Friday"), "{m:#?}");
        assert!(
            has(
                &m,
                "it overlaps timetable 2 (summer, grades 3-6): both give times for the basic, extended, late sessions of grades 3-6"
            ),
            "{m:#?}"
        );
    }

    #[test]
    fn a_season_the_term_uses_without_timetables_is_an_error() {
        let mut s = tiny_school();
        s.timetables.retain(|t| t.season == Season::Summer);
        let m = messages(&s);
        assert!(has(&m, "error: timetables: the term switches to winter time on 2026-11-02 (season_switch), but there is no winter timetable"), "{m:#?}");
        // The classes are not also reported for winter: one cause, one finding.
        assert!(!has(&m, "in winter"), "{m:#?}");
        s.term.season_switch = None;
        assert!(messages(&s).is_empty());
    }

    #[test]
    fn no_timetables_at_all_is_one_error() {
        let mut s = tiny_school();
        s.timetables.clear();
        let m = messages(&s);
        assert!(
            has(&m, "error: timetables: there are no timetables"),
            "{m:#?}"
        );
    }

    #[test]
    fn late_evening_self_study_for_primary_grades_is_a_warning() {
        let mut s = tiny_school();
        s.timetables[1].sessions.push(SessionTime {
            kind: SessionKind::Evening,
            start: clock(19, 0),
            end: clock(21, 0),
        });
        let m = messages(&s);
        assert!(
            has(
                &m,
                "warning: timetable 2 (summer, grades 3-6): its evening self-study ends at 21:00"
            ),
            "{m:#?}"
        );
        assert!(has(&m, "evening self-study for primary grades"), "{m:#?}");
    }
}
