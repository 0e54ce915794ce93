//! Ids and names: every person, room, class and club has its own id, and
//! people, rooms and clubs have names to print on the duty board.

use std::collections::BTreeMap;

use super::{named, Findings};
use crate::model::School;

pub(super) fn check(school: &School, out: &mut Findings) {
    if school.name.trim().is_empty() {
        out.warning(
            "school",
            "the school has no name, so rosters and the duty board will have no heading",
            "set `name` to the school's name",
        );
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
        List {
            what: "staff",
            plural: "people",
            has_names: true,
            items: &staff,
        },
        List {
            what: "room",
            plural: "rooms",
            has_names: true,
            items: &rooms,
        },
        List {
            what: "class",
            plural: "classes",
            has_names: false,
            items: &classes,
        },
        List {
            what: "club",
            plural: "clubs",
            has_names: true,
            items: &clubs,
        },
    ];
    for list in &lists {
        check_list(list, out);
    }
    check_class_ids(school, out);
}

/// One list of the school with ids (and, for most, names).
struct List<'a> {
    what: &'static str,
    plural: &'static str,
    has_names: bool,
    items: &'a [(&'a str, &'a str)],
}

fn check_list(list: &List<'_>, out: &mut Findings) {
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (id, name)) in list.items.iter().enumerate() {
        if id.trim().is_empty() {
            out.error(
                format!("{} #{} in the list", list.what, i + 1),
                format!("has no id ({})", describe_name(name)),
                "give it an id; files refer to it by id",
            );
        } else {
            by_id.entry(id).or_default().push(i);
            if id.trim() != *id {
                out.error(
                    named(list.what, id, name),
                    format!("its id `{id}` starts or ends with a space, so references to it will not match"),
                    "remove the spaces from the id",
                );
            }
        }
        if list.has_names && name.trim().is_empty() {
            out.error(
                named(list.what, id, name),
                "has no name, so the duty board cannot show it",
                "give it a name",
            );
        }
    }
    for (id, positions) in &by_id {
        if positions.len() < 2 {
            continue;
        }
        let names: Vec<&str> = positions
            .iter()
            .filter_map(|&i| list.items.get(i).map(|(_, name)| *name))
            .filter(|n| !n.trim().is_empty())
            .collect();
        let of_whom = if names.is_empty() {
            String::new()
        } else {
            format!(" ({})", names.join(", "))
        };
        out.error(
            named(list.what, id, ""),
            format!(
                "the id `{id}` is used by {} {}{of_whom}, so kehou cannot tell which one is meant",
                positions.len(),
                list.plural
            ),
            "give each its own id",
        );
    }
}

fn describe_name(name: &str) -> String {
    if name.trim().is_empty() {
        "and no name".to_owned()
    } else {
        format!("named {name}")
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
                named("class", class.id.as_str(), ""),
                format!(
                    "its id starts with grade {grade} but the class is in grade {}",
                    class.grade
                ),
                "correct the grade or the id",
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
