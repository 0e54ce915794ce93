//! Classes: grade, homeroom, class teacher, and whether the numbers staying
//! fit a room and have session times.

use super::finding::{Field, Ref, Subject};
use super::problems::ClassProblem;
use super::rooms::room_ref;
use super::{by_season, Findings, GRADES};
use crate::model::{Class, Person, RoomKind, School, SessionKind, StaffId, Weekday};

/// The sessions whose numbers a class gives, with the form field of each.
const COUNTED: [(SessionKind, Field); 3] = [
    (SessionKind::Basic, Field::Basic),
    (SessionKind::Extended, Field::Extended),
    (SessionKind::Late, Field::Late),
];

pub(super) fn who(p: &Person) -> Ref<StaffId> {
    Ref {
        id: p.id.clone(),
        name: p.name.clone(),
    }
}

pub(super) fn check(school: &School, out: &mut Findings) {
    for class in &school.classes {
        let item = Subject::Class {
            id: class.id.clone(),
        };
        if !GRADES.contains(&class.grade) {
            out.error(
                item.clone(),
                Field::Grade,
                ClassProblem::GradeOutOfRange { grade: class.grade },
            );
        }
        check_homeroom(school, class, &item, out);
        check_class_teacher(school, class, &item, out);
        check_counts(class, &item, out);
        check_session_times(school, class, &item, out);
    }
    check_claims(school, out);
}

fn check_homeroom(school: &School, class: &Class, item: &Subject, out: &mut Findings) {
    let Some(home) = school.room(&class.homeroom) else {
        out.error(
            item.clone(),
            Field::Homeroom,
            ClassProblem::HomeroomUnknown {
                room: class.homeroom.clone(),
            },
        );
        return;
    };
    if home.kind != RoomKind::Classroom {
        out.warning(
            item.clone(),
            Field::Homeroom,
            ClassProblem::HomeroomNotClassroom {
                room: room_ref(home),
                kind: home.kind,
            },
        );
    }
    let largest = school
        .rooms
        .iter()
        .filter(|r| r.kind == home.kind)
        .map(|r| r.capacity)
        .max()
        .unwrap_or(0);
    for (session, field) in COUNTED {
        let Some((day, n)) = busiest(class, session) else {
            continue;
        };
        // No room big enough is a shortage: the group is listed as unmet.
        if n > largest {
            out.warning(
                item.clone(),
                field,
                ClassProblem::GroupTooBig {
                    students: n,
                    session,
                    day,
                    kind: home.kind,
                    largest,
                },
            );
        } else if n > home.capacity && home.capacity > 0 {
            out.warning(
                item.clone(),
                field,
                ClassProblem::GroupBiggerThanHomeroom {
                    students: n,
                    session,
                    day,
                    room: room_ref(home),
                    capacity: home.capacity,
                },
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

fn check_class_teacher(school: &School, class: &Class, item: &Subject, out: &mut Findings) {
    let Some(id) = &class.class_teacher else {
        return;
    };
    let Some(teacher) = school.person(id) else {
        out.error(
            item.clone(),
            Field::ClassTeacher,
            ClassProblem::ClassTeacherUnknown {
                teacher: id.clone(),
            },
        );
        return;
    };
    if !teacher.kind.is_own_staff() {
        out.warning(
            item.clone(),
            Field::ClassTeacher,
            ClassProblem::ClassTeacherNotOwn {
                teacher: who(teacher),
                kind: teacher.kind,
            },
        );
    }
    match &teacher.class_teacher_of {
        Some(other) if other != &class.id => out.error(
            item.clone(),
            Field::ClassTeacher,
            ClassProblem::ClassTeacherDisagrees {
                teacher: who(teacher),
                other: other.clone(),
            },
        ),
        _ => {}
    }
    let others: Vec<_> = school
        .classes
        .iter()
        .filter(|c| c.id != class.id && c.class_teacher.as_ref() == Some(id))
        .map(|c| c.id.clone())
        .collect();
    if !others.is_empty() && teacher.class_teacher_of.is_none() {
        out.warning(
            item.clone(),
            Field::ClassTeacher,
            ClassProblem::ClassTeacherOfOthers {
                teacher: who(teacher),
                others,
            },
        );
    }
}

/// `class_teacher_of` on people, checked against the classes' `class_teacher`.
fn check_claims(school: &School, out: &mut Findings) {
    for class in &school.classes {
        let claimants: Vec<&Person> = school
            .staff
            .iter()
            .filter(|p| p.class_teacher_of.as_ref() == Some(&class.id))
            .collect();
        let item = Subject::Class {
            id: class.id.clone(),
        };
        match &class.class_teacher {
            Some(named) => {
                for p in claimants.iter().filter(|p| &p.id != named) {
                    out.error(
                        item.clone(),
                        Field::ClassTeacher,
                        ClassProblem::ClaimDisagrees {
                            claimant: who(p),
                            class: class.id.clone(),
                            named: named.clone(),
                        },
                    );
                }
            }
            None if claimants.len() > 1 => out.error(
                item,
                Field::ClassTeacher,
                ClassProblem::ClaimedByMany {
                    claimants: claimants.iter().map(|p| who(p)).collect(),
                    class: class.id.clone(),
                },
            ),
            None => {}
        }
    }
}

fn check_counts(class: &Class, item: &Subject, out: &mut Findings) {
    for (session, field) in [
        (SessionKind::Late, Field::Late),
        (SessionKind::Extended, Field::Extended),
    ] {
        let days: Vec<Weekday> = Weekday::ALL
            .into_iter()
            .filter(|&d| class.staying(d, session) > class.staying(d, SessionKind::Basic))
            .collect();
        if !days.is_empty() {
            out.warning(
                item.clone(),
                field,
                ClassProblem::MoreLaterThanBasic { session, days },
            );
        }
    }
}

/// Students who stay need session times: some timetable of each season in use
/// must give the class's grade that session on that day.
fn check_session_times(school: &School, class: &Class, item: &Subject, out: &mut Findings) {
    #[derive(PartialEq)]
    enum Gap {
        Uncovered,
        Sessions(Vec<(SessionKind, Vec<Weekday>)>),
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
        for (kind, _) in COUNTED {
            let days: Vec<Weekday> = Weekday::ALL
                .into_iter()
                .filter(|&d| class.staying(d, kind) > 0)
                .filter(|&d| school.session_time(season, d, grade, kind).is_none())
                .collect();
            if !days.is_empty() {
                gaps.push((kind, days));
            }
        }
        (!gaps.is_empty()).then_some(Gap::Sessions(gaps))
    });
    for (seasons, gap) in gaps {
        match gap {
            Gap::Uncovered => out.error(
                item.clone(),
                Field::Grade,
                ClassProblem::GradeUncovered { seasons, grade },
            ),
            Gap::Sessions(gaps) => out.error(
                item.clone(),
                Field::Grade,
                ClassProblem::SessionsMissing {
                    seasons,
                    grade,
                    gaps,
                },
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
        assert!(has(&messages(&s), "warning: class 1-1: its homeroom is room gym (体育馆), whose kind is gym, not classroom"));
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
            "warning: class 1-1: its class teacher 王丽 (t1) is of kind parent, not one"
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
