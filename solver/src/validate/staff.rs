//! Staff: working time, leave, caps, wishes and teaching load of each person,
//! and whether anybody can lead homework at all.

use super::finding::{Field, Subject};
use super::problems::StaffProblem;
use super::Findings;
use crate::model::{Person, School, Skill, Weekday};

/// More lessons than this in a day is almost surely a typo.
const MOST_PERIODS_A_DAY: u8 = 10;

/// The most people kehou plans for: five times the large demo. A solve of
/// 3,000 took twice its time limit (docs/benchmarks.md); a school that big
/// is refused with a message rather than a broken promise.
pub const MOST_STAFF: usize = 1_000;

pub(super) fn check(school: &School, out: &mut Findings) {
    let needs_adults = !school.classes.is_empty() || !school.clubs.is_empty();
    if school.staff.is_empty() && needs_adults {
        out.error(Subject::StaffList, None, StaffProblem::ListEmpty);
    }
    if school.staff.len() > MOST_STAFF {
        out.error(
            Subject::StaffList,
            None,
            StaffProblem::TooMany {
                staff: school.staff.len(),
                most: MOST_STAFF,
            },
        );
    }
    for p in &school.staff {
        check_person(school, p, out);
    }
    check_homework_leaders(school, out);
}

fn check_person(school: &School, p: &Person, out: &mut Findings) {
    let item = Subject::Person {
        id: p.id.clone(),
        name: p.name.clone(),
    };
    if p.part_time_percent == 0 || p.part_time_percent > 100 {
        out.error(
            item.clone(),
            Field::PartTimePercent,
            StaffProblem::PartTimePercent {
                percent: p.part_time_percent,
            },
        );
    }
    if let Some(class) = &p.class_teacher_of {
        if school.class(class).is_none() {
            out.error(
                item.clone(),
                Field::ClassTeacherOf,
                StaffProblem::UnknownClassTeacherOf {
                    class: class.clone(),
                },
            );
        }
    }
    for leave in &p.leave {
        if leave.to < leave.from {
            out.error(
                item.clone(),
                Field::To,
                StaffProblem::LeaveBackwards {
                    from: leave.from,
                    to: leave.to,
                },
            );
        } else if school.term.first_day <= school.term.last_day
            && (leave.to < school.term.first_day || leave.from > school.term.last_day)
        {
            out.warning(
                item.clone(),
                Field::From,
                StaffProblem::LeaveOutsideTerm {
                    from: leave.from,
                    to: leave.to,
                },
            );
        }
    }
    check_caps(school, p, &item, out);
    check_preferences(p, &item, out);
    for day in Weekday::ALL {
        let periods = p.teaching_periods[day.index()];
        if periods > MOST_PERIODS_A_DAY {
            out.warning(
                item.clone(),
                Field::TeachingPeriods,
                StaffProblem::TooManyPeriods { periods, day },
            );
        }
    }
    let never = Weekday::ALL.into_iter().all(|d| {
        p.unavailable
            .iter()
            .any(|s| s.day == d && s.session.is_none())
    });
    if never {
        out.warning(item, Field::Unavailable, StaffProblem::NeverAvailable);
    }
}

/// A person's own caps override their kind's; the two that apply must agree.
fn check_caps(school: &School, p: &Person, item: &Subject, out: &mut Findings) {
    if p.max_per_day.is_none() && p.max_per_week.is_none() {
        return;
    }
    let kind = school.rules.caps_for(p.kind);
    let per_day = p.max_per_day.unwrap_or(kind.per_day);
    let per_week = p.max_per_week.unwrap_or(kind.per_week);
    if per_day > per_week {
        let field = if p.max_per_day.is_some() {
            Field::MaxPerDay
        } else {
            Field::MaxPerWeek
        };
        out.error(
            item.clone(),
            field,
            StaffProblem::CapsContradict {
                per_day,
                per_week,
                own_day: p.max_per_day.is_some(),
                own_week: p.max_per_week.is_some(),
            },
        );
    }
}

fn check_preferences(p: &Person, item: &Subject, out: &mut Findings) {
    for (i, pref) in p.preferences.iter().enumerate() {
        if pref.day.is_none() && pref.session.is_none() {
            out.error(
                item.clone(),
                Field::Preferences,
                StaffProblem::PreferenceNamesNothing,
            );
            continue;
        }
        let contradicts = p
            .preferences
            .iter()
            .take(i)
            .any(|e| e.day == pref.day && e.session == pref.session && e.stance != pref.stance);
        if contradicts {
            out.warning(
                item.clone(),
                Field::Preferences,
                StaffProblem::PreferenceContradicts {
                    day: pref.day,
                    session: pref.session,
                },
            );
        }
    }
}

/// Homework groups need a leader with the `homework` skill of a kind that may lead.
fn check_homework_leaders(school: &School, out: &mut Findings) {
    let homework = Skill::homework();
    let needs = school
        .classes
        .iter()
        .any(|c| c.basic.iter().chain(&c.extended).any(|&n| n > 0));
    if !needs || school.staff.is_empty() {
        return;
    }
    let can_lead = school
        .staff
        .iter()
        .any(|p| p.has_skill(&homework) && school.rules.may_lead(p.kind));
    if !can_lead {
        out.warning(
            Subject::StaffList,
            Field::Skills,
            StaffProblem::NobodyForHomework,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{date, messages, tiny_school};
    use crate::model::{Leave, Preference, SessionKind, Slot, Stance, Weekday};

    fn has(m: &[String], s: &str) -> bool {
        m.iter().any(|m| m.contains(s))
    }

    #[test]
    fn a_school_beyond_the_size_kehou_plans_for_is_refused() {
        let mut s = tiny_school();
        let one = s.staff[3].clone();
        while s.staff.len() <= super::MOST_STAFF {
            let mut p = one.clone();
            p.id = crate::model::StaffId::new(format!("x{}", s.staff.len()));
            s.staff.push(p);
        }
        assert!(has(
            &messages(&s),
            "the staff list has 1001 people; kehou plans schools of up to 1000"
        ));
        s.staff.pop();
        assert!(!has(&messages(&s), "kehou plans schools of up to"));
    }

    #[test]
    fn part_time_percent_must_be_one_to_a_hundred() {
        for pct in [0, 101, u8::MAX] {
            let mut s = tiny_school();
            s.staff[0].part_time_percent = pct;
            assert!(has(
                &messages(&s),
                &format!("error: staff t1 (王丽): part_time_percent is {pct}")
            ));
        }
    }

    #[test]
    fn leave_ending_before_it_starts_is_an_error() {
        let mut s = tiny_school();
        s.staff[2].leave.push(Leave {
            from: date(2026, 11, 10),
            to: date(2026, 11, 9),
            reason: String::new(),
        });
        assert!(has(
            &messages(&s),
            "error: staff t3 (陈静): has leave ending on 2026-11-09 before it starts on 2026-11-10"
        ));
    }

    #[test]
    fn leave_outside_the_term_is_a_warning() {
        let mut s = tiny_school();
        s.staff[2].leave.push(Leave {
            from: date(2025, 11, 9),
            to: date(2025, 11, 10),
            reason: String::new(),
        });
        assert!(has(
            &messages(&s),
            "warning: staff t3 (陈静): has leave from 2025-11-09 to 2025-11-10, outside the term"
        ));
    }

    #[test]
    fn own_max_per_day_above_max_per_week_is_an_error() {
        let mut s = tiny_school();
        s.staff[2].max_per_day = Some(3);
        s.staff[2].max_per_week = Some(2);
        assert!(has(&messages(&s), "error: staff t3 (陈静): may take 3 posts a day (their own max_per_day) but only 2 a week (their own max_per_week)"));
        s.staff[2].max_per_week = None;
        s.staff[2].max_per_day = Some(9);
        assert!(has(&messages(&s), "may take 9 posts a day (their own max_per_day) but only 4 a week (their kind's max_per_week)"));
    }

    #[test]
    fn preference_naming_nothing_is_an_error_and_contradictions_a_warning() {
        let mut s = tiny_school();
        s.staff[1].preferences.push(Preference {
            stance: Stance::Avoid,
            day: None,
            session: None,
        });
        for stance in [Stance::Want, Stance::Avoid] {
            s.staff[2].preferences.push(Preference {
                stance,
                day: Some(Weekday::Fri),
                session: Some(SessionKind::Late),
            });
        }
        let m = messages(&s);
        assert!(
            has(
                &m,
                "error: staff t2 (刘洋): has a preference that names neither a day nor a session"
            ),
            "{m:#?}"
        );
        assert!(
            has(
                &m,
                "warning: staff t3 (陈静): both wants and avoids Friday late"
            ),
            "{m:#?}"
        );
    }

    #[test]
    fn more_than_ten_periods_a_day_is_a_warning() {
        let mut s = tiny_school();
        s.staff[0].teaching_periods = [4, 44, 4, 4, 4];
        assert!(has(
            &messages(&s),
            "warning: staff t1 (王丽): teaches 44 periods on Tuesday"
        ));
    }

    #[test]
    fn unknown_class_teacher_of_is_an_error() {
        let mut s = tiny_school();
        s.staff[2].class_teacher_of = Some("9-9".into());
        assert!(has(
            &messages(&s),
            "error: staff t3 (陈静): is class teacher of 9-9, which is not in the list of classes"
        ));
    }

    #[test]
    fn never_available_is_a_warning() {
        let mut s = tiny_school();
        s.staff[2].unavailable = Weekday::ALL
            .into_iter()
            .map(|day| Slot { day, session: None })
            .collect();
        assert!(has(
            &messages(&s),
            "warning: staff t3 (陈静): is unavailable every day"
        ));
    }

    #[test]
    fn nobody_with_homework_who_may_lead_is_a_shortage_warning() {
        let mut s = tiny_school();
        let homework = crate::model::Skill::homework();
        for p in &mut s.staff {
            p.skills.retain(|k| k != &homework);
        }
        assert!(has(
            &messages(&s),
            "warning: staff: nobody who may lead a group has the skill `homework`"
        ));
        s.staff.clear();
        assert!(has(&messages(&s), "error: staff: the staff list is empty"));
    }
}
