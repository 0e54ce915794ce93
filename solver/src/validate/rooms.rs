//! Rooms: capacities, and a bad-weather fallback for outdoor places.

use super::finding::{Field, Ref, Subject};
use super::problems::RoomProblem;
use super::Findings;
use crate::model::{Room, School};

pub(super) fn check(school: &School, out: &mut Findings) {
    for room in &school.rooms {
        check_room(school, room, out);
    }
}

pub(super) fn room_ref(room: &Room) -> Ref<crate::model::RoomId> {
    Ref {
        id: room.id.clone(),
        name: room.name.clone(),
    }
}

fn check_room(school: &School, room: &Room, out: &mut Findings) {
    let item = Subject::Room {
        id: room.id.clone(),
        name: room.name.clone(),
    };
    if room.capacity == 0 {
        out.error(item.clone(), Field::Capacity, RoomProblem::CapacityZero);
    }
    let Some(fallback_id) = &room.fallback else {
        if room.outdoor {
            out.warning(item, Field::Fallback, RoomProblem::OutdoorNoFallback);
        }
        return;
    };
    if fallback_id == &room.id {
        out.error(item, Field::Fallback, RoomProblem::FallbackIsItself);
        return;
    }
    let Some(fallback) = school.room(fallback_id) else {
        out.error(
            item,
            Field::Fallback,
            RoomProblem::FallbackUnknown {
                fallback: fallback_id.clone(),
            },
        );
        return;
    };
    if fallback.outdoor {
        out.error(
            item,
            Field::Fallback,
            RoomProblem::FallbackOutdoor {
                fallback: room_ref(fallback),
            },
        );
        return;
    }
    // The largest club that may meet here has to fit when it rains.
    let largest = school
        .clubs
        .iter()
        .filter(|c| c.room_kind == room.kind && c.enrolled <= room.capacity)
        .max_by_key(|c| c.enrolled);
    if let Some(club) = largest {
        if room.outdoor && club.enrolled > fallback.capacity {
            out.warning(
                item,
                Field::Fallback,
                RoomProblem::FallbackTooSmall {
                    fallback: room_ref(fallback),
                    holds: fallback.capacity,
                    students: club.enrolled,
                    club: club.id.clone(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, tiny_school};
    use crate::model::{Room, RoomId, RoomKind};

    fn has(m: &[String], s: &str) -> bool {
        m.iter().any(|m| m.contains(s))
    }

    #[test]
    fn capacity_zero_is_an_error() {
        let mut s = tiny_school();
        s.rooms[4].capacity = 0;
        let m = messages(&s);
        assert!(
            has(&m, "error: room art (美术室): its capacity is 0"),
            "{m:#?}"
        );
    }

    #[test]
    fn outdoor_room_without_fallback_is_a_warning() {
        let mut s = tiny_school();
        let mut yard = Room::new("yard", "小操场", RoomKind::Playground, 100);
        yard.outdoor = true;
        s.rooms.push(yard);
        let m = messages(&s);
        assert!(
            has(
                &m,
                "warning: room yard (小操场): it is outdoors and has no fallback room"
            ),
            "{m:#?}"
        );
        assert!(!m.iter().any(|m| m.starts_with("error")), "{m:#?}");
    }

    #[test]
    fn fallback_unknown_itself_or_outdoor_is_an_error() {
        let mut s = tiny_school();
        s.rooms[3].fallback = Some(RoomId::new("nowhere"));
        assert!(has(
            &messages(&s),
            "error: room field (操场): its fallback nowhere is not in the list of rooms"
        ));
        s.rooms[3].fallback = Some(RoomId::new("field"));
        assert!(has(
            &messages(&s),
            "error: room field (操场): its fallback is the room itself"
        ));
        s.rooms[3].fallback = Some(RoomId::new("gym"));
        s.rooms[2].outdoor = true;
        s.rooms[2].fallback = Some(RoomId::new("art"));
        assert!(has(
            &messages(&s),
            "error: room field (操场): its fallback room gym (体育馆) is also outdoors"
        ));
    }

    #[test]
    fn fallback_smaller_than_a_club_is_a_warning() {
        let mut s = tiny_school();
        s.rooms[2].capacity = 10;
        assert!(has(&messages(&s), "warning: room field (操场): its fallback room gym (体育馆) holds 10, fewer than the 20 students of club football"));
    }
}
