//! Classes: grade, homeroom, class teacher, and whether the numbers staying
//! fit a room and have session times.

use super::{by_season, class_label, day_list, room_label, who, Findings, GRADES};
use crate::model::{Class, RoomKind, School, SessionKind, Weekday};

/// The sessions whose numbers a class gives, with how they are named to users.
const COUNTED: [(SessionKind, &str); 3] = [
    (SessionKind::Basic, "basic service"),
    (SessionKind::Extended, "the extended session"),
    (SessionKind::Late, "the late group"),
];

pub(super) fn check(school: &School, out: &mut Findings) {
    for class in &school.classes {
        let item = class_label(class.id.as_str());
        if !GRADES.contains(&class.grade) {
            out.error(
                &item,
                format!("its grade is {}; grades run 1 to 9", class.grade),
                "correct the grade",
            );
        }
        check_homeroom(school, class, &item, out);
        check_class_teacher(school, class, &item, out);
        check_counts(class, &item, out);
        check_session_times(school, class, &item, out);
    }
    check_claims(school, out);
}

fn check_homeroom(school: &School, class: &Class, item: &str, out: &mut Findings) {
    let Some(home) = school.room(&class.homeroom) else {
        out.error(
            item,
            format!(
                "its homeroom {} is not in the list of rooms",
                class.homeroom
            ),
            "correct the homeroom, or add the room",
        );
        return;
    };
    if home.kind != RoomKind::Classroom {
        out.warning(
            item,
            format!(
                "its homeroom is {}, whose kind is {} ({}), not classroom",
                room_label(home),
                home.kind,
                home.kind.chinese()
            ),
            "check the homeroom; care groups usually stay in their own classroom",
        );
    }
    let largest = school
        .rooms
        .iter()
        .filter(|r| r.kind == home.kind)
        .map(|r| r.capacity)
        .max()
        .unwrap_or(0);
    for (kind, what) in COUNTED {
        let Some((day, n)) = busiest(class, kind) else {
            continue;
        };
        // No room big enough is a shortage: the group is listed as unmet.
        if n > largest {
            out.warning(
                item,
                format!(
                    "has {n} students in {what} on {day}, a group bigger than every room of its kind ({}; the largest holds {largest}), so it has no room and will be listed as unmet",
                    home.kind
                ),
                "check the number, or add a larger room; a group must fit in one room",
            );
        } else if n > home.capacity && home.capacity > 0 {
            out.warning(
                item,
                format!(
                    "has {n} students in {what} on {day}, more than its homeroom {} holds ({})",
                    room_label(home),
                    home.capacity
                ),
                "check the number or the room's capacity; the group will need a larger room",
            );
        }
    }
}

/// The day with the most students of the class in `kind`, if any stay.
fn busiest(class: &Class, kind: SessionKind) -> Option<(Weekday, u32)> {
    Weekday::ALL
        .into_iter()
        .map(|d| (d, class.staying(d, kind)))
        .filter(|&(_, n)| n > 0)
        .fold(None, |best, (d, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((d, n)),
        })
}

fn check_class_teacher(school: &School, class: &Class, item: &str, out: &mut Findings) {
    let Some(id) = &class.class_teacher else {
        return;
    };
    let Some(teacher) = school.person(id) else {
        out.error(
            item,
            format!("its class teacher {id} is not on the staff list"),
            "correct class_teacher, or add the person to the staff",
        );
        return;
    };
    if !teacher.kind.is_own_staff() {
        out.warning(
            item,
            format!(
                "its class teacher {} is of kind {} ({}), not one of the school's teachers",
                who(teacher),
                teacher.kind,
                teacher.kind.chinese()
            ),
            "check class_teacher",
        );
    }
    match &teacher.class_teacher_of {
        Some(other) if other != &class.id => out.error(
            item,
            format!(
                "its class_teacher is {}, but that person's class_teacher_of says {other}; kehou will not guess who hands the class over",
                who(teacher)
            ),
            "make class_teacher and class_teacher_of agree (or give only one of them)",
        ),
        _ => {}
    }
    let others: Vec<&str> = school
        .classes
        .iter()
        .filter(|c| c.id != class.id && c.class_teacher.as_ref() == Some(id))
        .map(|c| c.id.as_str())
        .collect();
    if !others.is_empty() && teacher.class_teacher_of.is_none() {
        out.warning(
            item,
            format!(
                "its class teacher {} is also class teacher of {}, and can hand over only one class at a time",
                who(teacher),
                others.join(", ")
            ),
            "check class_teacher",
        );
    }
}

/// `class_teacher_of` on people, checked against the classes' `class_teacher`.
fn check_claims(school: &School, out: &mut Findings) {
    for class in &school.classes {
        let claimants: Vec<String> = school
            .staff
            .iter()
            .filter(|p| p.class_teacher_of.as_ref() == Some(&class.id))
            .map(who)
            .collect();
        let item = class_label(class.id.as_str());
        match &class.class_teacher {
            Some(named) => {
                for p in school
                    .staff
                    .iter()
                    .filter(|p| p.class_teacher_of.as_ref() == Some(&class.id) && &p.id != named)
                {
                    out.error(
                        &item,
                        format!(
                            "{} gives class_teacher_of: {}, but the class names {named} as its class teacher; kehou will not guess who hands the class over",
                            who(p),
                            class.id
                        ),
                        "make class_teacher and class_teacher_of agree (or give only one of them)",
                    );
                }
            }
            None if claimants.len() > 1 => out.error(
                &item,
                format!(
                    "{} all give class_teacher_of: {}, but a class has one class teacher",
                    claimants.join(", "),
                    class.id
                ),
                "keep class_teacher_of on one of them, or set the class's class_teacher",
            ),
            None => {}
        }
    }
}

fn check_counts(class: &Class, item: &str, out: &mut Findings) {
    for (kind, what) in [
        (SessionKind::Late, "the late group"),
        (SessionKind::Extended, "the extended session"),
    ] {
        let days: Vec<Weekday> = Weekday::ALL
            .into_iter()
            .filter(|&d| class.staying(d, kind) > class.staying(d, SessionKind::Basic))
            .collect();
        if !days.is_empty() {
            out.warning(
                item,
                format!(
                    "has more students in {what} than in basic service on {}; students who stay later normally stay for basic service too",
                    day_list(&days)
                ),
                "check the numbers for those days",
            );
        }
    }
}

/// Students who stay need session times: some timetable of each season in use
/// must give the class's grade that session on that day.
fn check_session_times(school: &School, class: &Class, item: &str, out: &mut Findings) {
    #[derive(PartialEq)]
    enum Gap {
        Uncovered,
        Sessions(Vec<String>),
    }
    let grade = class.grade;
    if !GRADES.contains(&grade) {
        return; // Reported as a wrong grade: one cause, one finding.
    }
    let gaps = by_season(school, |season| {
        let covered = school
            .timetables
            .iter()
            .any(|t| t.season == season && t.grades.contains(grade));
        if !covered {
            return Some(Gap::Uncovered);
        }
        let mut gaps = Vec::new();
        for (kind, what) in COUNTED {
            let days: Vec<Weekday> = Weekday::ALL
                .into_iter()
                .filter(|&d| class.staying(d, kind) > 0)
                .filter(|&d| school.session_time(season, d, grade, kind).is_none())
                .collect();
            if !days.is_empty() {
                gaps.push(format!("{what} on {}", day_list(&days)));
            }
        }
        (!gaps.is_empty()).then_some(Gap::Sessions(gaps))
    });
    for (seasons, gap) in gaps {
        match gap {
            Gap::Uncovered => out.error(
                item,
                format!(
                    "in {seasons} no timetable covers grade {grade}, so its students have no session times"
                ),
                format!(
                    "give grade {grade} a timetable in {seasons} (widen the grades of one, or add one), or correct the class's grade"
                ),
            ),
            Gap::Sessions(gaps) => out.error(
                item,
                format!(
                    "students stay, but in {seasons} no timetable gives grade {grade} times for {}",
                    gaps.join("; ")
                ),
                format!(
                    "add those sessions or days to grade {grade}'s timetable in {seasons}, or set the numbers for them to 0"
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, tiny_school};
    use crate::model::{RoomId, StaffId, StaffKind, Weekday};

    fn has(m: &[String], s: &str) -> bool {
        m.iter().any(|m| m.contains(s))
    }

    #[test]
    fn grade_outside_one_to_nine_is_an_error() {
        for grade in [0, 10, u8::MAX] {
            let mut s = tiny_school();
            s.classes[0].grade = grade;
            let m = messages(&s);
            assert!(
                has(
                    &m,
                    &format!("error: class 1-1: its grade is {grade}; grades run 1 to 9")
                ),
                "{m:#?}"
            );
            assert!(
                !has(&m, "no timetable covers"),
                "one cause, one finding: {m:#?}"
            );
        }
    }

    #[test]
    fn a_grade_no_timetable_covers_is_an_error() {
        let mut s = tiny_school();
        s.classes[1].grade = 7;
        s.classes[1].id = "7-1".into();
        s.staff[1].class_teacher_of = Some("7-1".into());
        let m = messages(&s);
        assert!(
            has(&m, "error: class 7-1: in summer and winter no timetable covers grade 7, so its students have no session times"),
            "{m:#?}"
        );
    }

    #[test]
    fn unknown_homeroom_is_an_error_and_a_gym_a_warning() {
        let mut s = tiny_school();
        s.classes[0].homeroom = RoomId::new("r999");
        assert!(has(
            &messages(&s),
            "error: class 1-1: its homeroom r999 is not in the list of rooms"
        ));
        s.classes[0].homeroom = RoomId::new("gym");
        assert!(has(&messages(&s), "warning: class 1-1: its homeroom is room gym (体育馆), whose kind is gym (体育馆), not classroom"));
    }

    #[test]
    fn a_group_bigger_than_every_room_of_its_kind_is_a_shortage_warning() {
        let mut s = tiny_school();
        s.classes[1].basic[Weekday::Wed.index()] = 60;
        s.classes[1].late[Weekday::Fri.index()] = u32::MAX;
        let m = messages(&s);
        assert!(has(&m, "warning: class 3-1: has 60 students in basic service on Wednesday, a group bigger than every room of its kind (classroom; the largest holds 50)"), "{m:#?}");
        assert!(
            has(
                &m,
                &format!("has {} students in the late group on Friday", u32::MAX)
            ),
            "{m:#?}"
        );
    }

    #[test]
    fn a_group_bigger_than_its_homeroom_is_a_warning() {
        let mut s = tiny_school();
        s.classes[0].basic[0] = 48;
        assert!(has(&messages(&s), "warning: class 1-1: has 48 students in basic service on Monday, more than its homeroom room r101 (一年级1班) holds (45)"));
    }

    #[test]
    fn more_late_than_basic_is_a_warning() {
        let mut s = tiny_school();
        s.classes[0].late[Weekday::Tue.index()] = 31;
        s.classes[0].late[Weekday::Thu.index()] = 31;
        assert!(has(&messages(&s), "warning: class 1-1: has more students in the late group than in basic service on Tuesday, Thursday"));
    }

    #[test]
    fn unknown_class_teacher_is_an_error() {
        let mut s = tiny_school();
        s.classes[0].class_teacher = Some(StaffId::new("t999"));
        let m = messages(&s);
        assert!(
            has(
                &m,
                "error: class 1-1: its class teacher t999 is not on the staff list"
            ),
            "{m:#?}"
        );
        // 王丽 still claims 1-1, and the class now names someone else.
        assert!(
            has(
                &m,
                "error: class 1-1: 王丽 (t1) gives class_teacher_of: 1-1, but the class names t999"
            ),
            "{m:#?}"
        );
    }

    #[test]
    fn class_teacher_and_class_teacher_of_must_agree() {
        let mut s = tiny_school();
        s.staff[0].class_teacher_of = Some("3-1".into());
        let m = messages(&s);
        assert!(has(&m, "error: class 1-1: its class_teacher is 王丽 (t1), but that person's class_teacher_of says 3-1"), "{m:#?}");
        assert!(
            has(
                &m,
                "error: class 3-1: 王丽 (t1) gives class_teacher_of: 3-1, but the class names t2"
            ),
            "{m:#?}"
        );
    }

    #[test]
    fn one_side_of_the_class_teacher_link_is_enough() {
        let mut s = tiny_school();
        s.classes[0].class_teacher = None;
        s.staff[1].class_teacher_of = None;
        assert!(messages(&s).is_empty(), "{:#?}", messages(&s));
    }

    #[test]
    fn two_people_claiming_one_class_is_an_error() {
        let mut s = tiny_school();
        s.classes[0].class_teacher = None;
        s.staff[2].class_teacher_of = Some("1-1".into());
        assert!(has(
            &messages(&s),
            "error: class 1-1: 王丽 (t1), 陈静 (t3) all give class_teacher_of: 1-1"
        ));
    }

    #[test]
    fn volunteer_as_class_teacher_is_a_warning() {
        let mut s = tiny_school();
        s.staff[0].kind = StaffKind::Parent;
        assert!(has(
            &messages(&s),
            "warning: class 1-1: its class teacher 王丽 (t1) is of kind parent (家长志愿者)"
        ));
    }

    #[test]
    fn students_without_session_times_are_an_error() {
        let mut s = tiny_school();
        // Winter grades 1-2 lose Friday and their late session.
        s.timetables[2].days.retain(|d| *d != Weekday::Fri);
        s.timetables[2]
            .sessions
            .retain(|t| t.kind != crate::model::SessionKind::Late);
        let m = messages(&s);
        assert!(has(&m, "error: class 1-1: students stay, but in winter no timetable gives grade 1 times for basic service on Friday; the extended session on Friday; the late group on Monday, Tuesday, Wednesday, Thursday, Friday"), "{m:#?}");
    }
}
