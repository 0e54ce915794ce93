//! Day timetables: sessions that make sense, no two timetables giving one
//! grade two times for the same session, and a timetable for every season the
//! term uses. Whether every class is covered is checked with the classes.

use super::{day_list, grades_text, season_name, seasons_in_use, timetable_label, Findings};
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

fn check_one(index: usize, t: &Timetable, out: &mut Findings) {
    let item = timetable_label(index, t);
    if t.days.is_empty() {
        out.error(
            &item,
            "it applies to no weekday, so it does nothing",
            "list its days, e.g. days: [Mon, Tue, Wed, Thu, Fri], or remove it",
        );
    }
    if t.grades.from > t.grades.to {
        out.error(
            &item,
            format!(
                "its grades run from {} to {}, backwards",
                t.grades.from, t.grades.to
            ),
            "swap `from` and `to`",
        );
    }
    if t.sessions.is_empty() {
        out.warning(
            &item,
            "it has no sessions",
            "add its sessions, or remove it",
        );
    }
    for (j, s) in t.sessions.iter().enumerate() {
        let name = s.kind.code();
        if s.end <= s.start {
            let when = if s.end == s.start { "when" } else { "before" };
            out.error(
                &item,
                format!(
                    "its {name} session ends at {}, {when} it starts at {}",
                    s.end, s.start
                ),
                "correct the session's start or end (times are 24-hour, e.g. \"16:55\")",
            );
            continue;
        }
        if t.sessions.iter().take(j).any(|e| e.kind == s.kind) {
            out.error(
                &item,
                format!("it has two {name} sessions, so kehou cannot tell which times apply"),
                "keep one; for different times on some days, make a separate timetable for those days",
            );
            continue;
        }
        for e in t.sessions.iter().take(j) {
            if e.start < e.end && e.kind != s.kind && e.start < s.end && s.start < e.end {
                out.error(
                    &item,
                    format!(
                        "its {} session ({}–{}) and {name} session ({}–{}) overlap, but one adult cannot be in both",
                        e.kind, e.start, e.end, s.start, s.end
                    ),
                    "correct the times so one session ends before the next starts",
                );
            }
        }
        if s.kind == SessionKind::Evening {
            check_evening(&item, t, s.end, out);
        }
    }
}

fn check_evening(item: &str, t: &Timetable, end: ClockTime, out: &mut Findings) {
    if end.minutes() > EVENING_LATEST {
        out.warning(
            item,
            format!("its evening self-study ends at {end}, later than 20:30"),
            "end evening self-study by 20:30",
        );
    }
    if t.grades.from < 7 {
        out.warning(
            item,
            "it has evening self-study for primary grades; 晚自习 is for junior middle school (grades 7-9)",
            "remove the evening session, or check the grades",
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
            let kinds: Vec<&str> = SessionKind::ALL
                .into_iter()
                .filter(|k| a.session(*k).is_some() && b.session(*k).is_some())
                .map(SessionKind::code)
                .collect();
            if days.is_empty() || kinds.is_empty() {
                continue;
            }
            let from = a.grades.from.max(b.grades.from);
            let to = a.grades.to.min(b.grades.to);
            out.error(
                timetable_label(j, b),
                format!(
                    "it overlaps {}: both give times for the {} sessions of {} on {}, so kehou cannot tell which apply",
                    timetable_label(i, a),
                    kinds.join(", "),
                    grades_text(from, to),
                    day_list(&days)
                ),
                "narrow the grades or days of one of them so each grade has one timetable per day",
            );
        }
    }
}

fn check_seasons(school: &School, out: &mut Findings) {
    if school.timetables.is_empty() {
        out.error(
            "timetables",
            "there are no timetables, so no group has session times",
            "add the day timetables (作息时间表) for each season and grade band",
        );
        return;
    }
    let term = &school.term;
    for season in seasons_in_use(school) {
        if school.timetables.iter().any(|t| t.season == season) {
            continue;
        }
        let name = season_name(season);
        let when = if season == term.starts_in {
            format!("the term starts on {name} time (starts_in)")
        } else {
            match term.season_switch {
                Some(d) => format!("the term switches to {name} time on {d} (season_switch)"),
                None => format!("the term uses {name} time"),
            }
        };
        out.error(
            "timetables",
            format!("{when}, but there is no {name} timetable"),
            format!("add {name} timetables, or correct starts_in / season_switch"),
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
