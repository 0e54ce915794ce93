//! Ids and names: every person, room, class and club has its own id, and
//! people, rooms and clubs have names to print on the duty board.

use std::collections::BTreeMap;

use super::finding::{Field, List, Subject};
use super::problems::IdProblem;
use super::Findings;
use crate::model::{ClassId, ClubId, RoomId, School, StaffId};

pub(super) fn check(school: &School, out: &mut Findings) {
    if school.name.trim().is_empty() {
        out.warning(Subject::School, Field::Name, IdProblem::SchoolNoName);
    }
    let staff: Vec<(&str, &str)> = school
        .staff
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let rooms: Vec<(&str, &str)> = school
        .rooms
        .iter()
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    let classes: Vec<(&str, &str)> = school.classes.iter().map(|c| (c.id.as_str(), "")).collect();
    let clubs: Vec<(&str, &str)> = school
        .clubs
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    let lists = [
        (List::Staff, true, &staff),
        (List::Rooms, true, &rooms),
        (List::Classes, false, &classes),
        (List::Clubs, true, &clubs),
    ];
    for (list, has_names, items) in lists {
        check_list(list, has_names, items, out);
    }
    check_class_ids(school, out);
}

/// The subject of an item of `list` with this id and name.
pub(super) fn subject(list: List, id: &str, name: &str) -> Subject {
    let name = name.to_owned();
    match list {
        List::Staff => Subject::Person {
            id: StaffId::new(id),
            name,
        },
        List::Rooms => Subject::Room {
            id: RoomId::new(id),
            name,
        },
        List::Classes => Subject::Class {
            id: ClassId::new(id),
        },
        List::Clubs => Subject::Club {
            id: ClubId::new(id),
            name,
        },
    }
}

fn check_list(list: List, has_names: bool, items: &[(&str, &str)], out: &mut Findings) {
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (id, name)) in items.iter().enumerate() {
        if id.trim().is_empty() {
            out.error(
                Subject::Entry {
                    list,
                    position: i + 1,
                },
                Field::Id,
                IdProblem::NoId {
                    name: (*name).to_owned(),
                },
            );
        } else {
            by_id.entry(id).or_default().push(i);
            if id.trim() != *id {
                out.error(
                    subject(list, id, name),
                    Field::Id,
                    IdProblem::IdSpaces {
                        id: (*id).to_owned(),
                    },
                );
            }
        }
        if has_names && name.trim().is_empty() {
            out.error(subject(list, id, name), Field::Name, IdProblem::NoName);
        }
    }
    for (id, positions) in &by_id {
        if positions.len() < 2 {
            continue;
        }
        let names: Vec<String> = positions
            .iter()
            .filter_map(|&i| items.get(i).map(|(_, name)| *name))
            .filter(|n| !n.trim().is_empty())
            .map(str::to_owned)
            .collect();
        out.error(
            subject(list, id, ""),
            Field::Id,
            IdProblem::DuplicateId {
                list,
                id: (*id).to_owned(),
                count: positions.len(),
                names,
            },
        );
    }
}

/// Class ids are written grade-number (`3-2`); one that starts with another
/// grade than the class has is probably a typo in one of them.
fn check_class_ids(school: &School, out: &mut Findings) {
    for class in &school.classes {
        let Some((grade, _)) = class.id.as_str().split_once('-') else {
            continue;
        };
        let Ok(grade) = grade.trim().parse::<u32>() else {
            continue;
        };
        if grade != u32::from(class.grade) {
            out.warning(
                Subject::Class {
                    id: class.id.clone(),
                },
                Field::Id,
                IdProblem::ClassIdGrade {
                    id_grade: grade,
                    grade: class.grade,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, tiny_school};
    use crate::model::{Person, StaffKind};

    #[test]
    fn duplicate_staff_id_names_both_people() {
        let mut s = tiny_school();
        let mut twin = Person::new("t1", "李强", StaffKind::Teacher);
        twin.skills.push(crate::model::Skill::homework());
        s.staff.push(twin);
        let m = messages(&s);
        assert!(
            m.iter()
                .any(|m| m
                    .starts_with("error: staff t1: the id `t1` is used by 2 people (王丽, 李强)")),
            "{m:#?}"
        );
    }

    #[test]
    fn duplicate_room_class_and_club_ids_are_errors() {
        let mut s = tiny_school();
        s.rooms.push(s.rooms[0].clone());
        s.classes.push(s.classes[0].clone());
        s.clubs.push(s.clubs[0].clone());
        let m = messages(&s);
        for what in ["room r101", "class 1-1", "club football"] {
            assert!(
                m.iter()
                    .any(|m| m.starts_with(&format!("error: {what}: the id"))),
                "{what}: {m:#?}"
            );
        }
    }

    #[test]
    fn empty_ids_and_names_are_errors() {
        let mut s = tiny_school();
        s.staff[1].name = " ".into();
        s.rooms[0].id = crate::model::RoomId::new("");
        s.clubs[0].name = String::new();
        let m = messages(&s);
        assert!(
            m.iter().any(|m| m.contains("staff t2: has no name")),
            "{m:#?}"
        );
        assert!(
            m.iter()
                .any(|m| m.contains("room #1 in the list: has no id")),
            "{m:#?}"
        );
        assert!(
            m.iter().any(|m| m.contains("club football: has no name")),
            "{m:#?}"
        );
    }

    #[test]
    fn class_id_of_another_grade_is_a_warning() {
        let mut s = tiny_school();
        s.classes[0].id = "2-1".into();
        s.staff[0].class_teacher_of = Some("2-1".into());
        let m = messages(&s);
        assert!(
            m.iter()
                .any(|m| m.starts_with("warning: class 2-1: its id starts with grade 2")),
            "{m:#?}"
        );
    }
}
