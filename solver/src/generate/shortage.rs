//! Shortages planted in a generated school, for the tests and benchmarks of
//! the capacity model (`capacity`): a club whose skill nobody has, a day
//! with too few adults, no leader free on a day. Each is what a deputy head
//! meets in a real term, and each has a known answer.

use crate::model::{
    Club, ClubId, GradeBand, Meetings, RoomKind, School, SessionKind, Skill, Slot, StaffKind,
    Weekday,
};

/// The planted club: 机器人编程 (robotics), twice a week, in a computer room
/// if the school has one.
pub const PLANTED_CLUB: &str = "robotics";

/// Adds a robotics club (twice a week, chosen days) that nobody on the
/// staff can lead: nobody has the skill. Returns its id.
pub fn club_nobody_leads(school: &mut School) -> ClubId {
    let skill = Skill::new(PLANTED_CLUB);
    for person in &mut school.staff {
        person.skills.retain(|s| *s != skill);
    }
    let room_kind = if school.rooms.iter().any(|r| r.kind == RoomKind::Computer) {
        RoomKind::Computer
    } else {
        RoomKind::Classroom
    };
    let id = ClubId::new(PLANTED_CLUB);
    school.clubs.retain(|c| c.id != id);
    school.clubs.push(Club {
        id: id.clone(),
        name: "机器人编程".to_owned(),
        skill,
        grades: GradeBand { from: 3, to: 6 },
        enrolled: 20,
        meetings: Meetings::PerWeek(2),
        room_kind,
        leader: None,
        outdoor: false,
    });
    id
}

/// Makes `day` thin: about `percent` of the staff (every kind, spread over
/// the list) are never free in `session` (`None`: the whole day) of that
/// weekday. A club's fixed leader keeps the day (that would be another
/// shortage: a fixed leader away).
pub fn thin_day(school: &mut School, day: Weekday, session: Option<SessionKind>, percent: u32) {
    let fixed: Vec<_> = school
        .clubs
        .iter()
        .filter_map(|c| c.leader.clone())
        .collect();
    for (i, person) in school.staff.iter_mut().enumerate() {
        if fixed.contains(&person.id) || (i as u32 * 37) % 100 >= percent {
            continue;
        }
        away(person, Slot { day, session });
    }
}

/// No school leader free on `day`: every leader is away that whole day (so
/// nobody can be its duty leader).
pub fn no_leader_on(school: &mut School, day: Weekday) {
    for person in &mut school.staff {
        if person.kind == StaffKind::Leader {
            away(person, Slot { day, session: None });
        }
    }
}

fn away(person: &mut crate::model::Person, slot: Slot) {
    if !person.unavailable.contains(&slot) {
        person.unavailable.push(slot);
        person.unavailable.sort();
    }
}
