//! Rooms and classes: a homeroom per class, the special rooms clubs need, and
//! how many students of each class stay for each session on each weekday.

use crate::model::{Class, ClassId, Room, RoomId, RoomKind, Slot, StaffId, Weekday};

use super::calendar::EXTENDED_DAYS;
use super::rng::Rng;
use super::Spec;

/// The reception room's id (接待室), named by the duties.
pub(super) const RECEPTION: &str = "reception";

/// A special room: everything but the homerooms and spare classrooms.
pub(super) struct RoomTemplate {
    id: &'static str,
    name: &'static str,
    kind: RoomKind,
    capacity: u32,
    outdoor: bool,
    fallback: Option<&'static str>,
    unavailable: &'static [Slot],
}

const fn room(id: &'static str, name: &'static str, kind: RoomKind, capacity: u32) -> RoomTemplate {
    RoomTemplate {
        id,
        name,
        kind,
        capacity,
        outdoor: false,
        fallback: None,
        unavailable: &[],
    }
}

const fn outdoor(
    id: &'static str,
    name: &'static str,
    capacity: u32,
    fallback: &'static str,
) -> RoomTemplate {
    RoomTemplate {
        id,
        name,
        kind: RoomKind::Playground,
        capacity,
        outdoor: true,
        fallback: Some(fallback),
        unavailable: &[],
    }
}

/// The lecture hall hosts the teaching-research meeting on Wednesday afternoons.
const WEDNESDAY: &[Slot] = &[Slot {
    day: Weekday::Wed,
    session: None,
}];

const RECEPTION_ROOM: RoomTemplate = room(RECEPTION, "接待室", RoomKind::Reception, 20);

pub(super) const SMALL_ROOMS: &[RoomTemplate] = &[
    room("gym", "室内活动室", RoomKind::Gym, 60),
    outdoor("playground", "操场", 200, "gym"),
    room("music", "音乐室", RoomKind::Music, 45),
    room("art", "美术室", RoomKind::Art, 45),
    room("library", "图书室", RoomKind::Library, 45),
    room("lab", "科学实验室", RoomKind::Lab, 45),
    room("computer", "电脑室", RoomKind::Computer, 45),
    room("hall", "多功能厅", RoomKind::Hall, 120),
    RECEPTION_ROOM,
];

/// The playground's rain fallback is kept free while an outdoor club meets, so
/// medium and large schools have a second indoor sports room (风雨操场) for the
/// indoor sports clubs on those afternoons.
pub(super) const MEDIUM_ROOMS: &[RoomTemplate] = &[
    room("gym", "体育馆", RoomKind::Gym, 120),
    room("gym2", "风雨操场", RoomKind::Gym, 60),
    outdoor("playground", "操场", 300, "gym"),
    room("music", "音乐室", RoomKind::Music, 50),
    room("art", "美术室", RoomKind::Art, 45),
    room("library", "图书馆", RoomKind::Library, 60),
    room("lab", "科学实验室", RoomKind::Lab, 48),
    room("computer", "电脑室", RoomKind::Computer, 50),
    RoomTemplate {
        unavailable: WEDNESDAY,
        ..room("hall", "报告厅", RoomKind::Hall, 200)
    },
    RECEPTION_ROOM,
];

pub(super) const LARGE_ROOMS: &[RoomTemplate] = &[
    room("gym", "体育馆", RoomKind::Gym, 200),
    room("gym2", "乒乓球馆", RoomKind::Gym, 60),
    room("gym3", "风雨操场", RoomKind::Gym, 60),
    outdoor("playground", "田径场", 500, "gym"),
    outdoor("court", "室外篮球场", 80, "gym2"),
    room("music", "音乐室1", RoomKind::Music, 50),
    room("music2", "音乐室2", RoomKind::Music, 50),
    room("art", "美术室1", RoomKind::Art, 45),
    room("art2", "美术室2", RoomKind::Art, 45),
    room("library", "图书馆", RoomKind::Library, 80),
    room("library2", "阅览室", RoomKind::Library, 50),
    room("lab", "科学实验室1", RoomKind::Lab, 48),
    room("lab2", "科学实验室2", RoomKind::Lab, 48),
    room("computer", "电脑室1", RoomKind::Computer, 50),
    room("computer2", "电脑室2", RoomKind::Computer, 50),
    RoomTemplate {
        unavailable: WEDNESDAY,
        ..room("hall", "礼堂", RoomKind::Hall, 400)
    },
    room("dance", "舞蹈室", RoomKind::Hall, 60),
    RECEPTION_ROOM,
];

const GRADE_NAMES: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

pub(super) fn class_ids(spec: &Spec) -> Vec<ClassId> {
    (1..=6u8)
        .flat_map(|g| (1..=spec.classes_per_grade).map(move |n| ClassId::new(format!("{g}-{n}"))))
        .collect()
}

fn homeroom_id(grade: u8, number: u8) -> RoomId {
    RoomId::new(format!("r{grade}{number:02}"))
}

/// Homerooms, spare classrooms and special rooms, and the classes with their
/// counts. `class_teachers` is in the order of `class_ids`.
pub(super) fn build(
    spec: &Spec,
    class_teachers: &[StaffId],
    rng: &mut Rng,
) -> (Vec<Room>, Vec<Class>) {
    let mut rooms = Vec::new();
    let mut classes = Vec::new();
    let mut teachers = class_teachers.iter();
    for grade in 1..=6u8 {
        // Older children stay for homework less often and go home alone more.
        let grade_shift = match grade {
            1 | 2 => 2,
            3 | 4 => 0,
            _ => -2,
        };
        for number in 1..=spec.classes_per_grade {
            let size = rng.range(spec.class_size.0, spec.class_size.1);
            let homeroom = homeroom_id(grade, number);
            rooms.push(Room::new(
                homeroom.as_str(),
                format!("{}年级{number}班教室", GRADE_NAMES[usize::from(grade - 1)]),
                RoomKind::Classroom,
                size.max(rng.range(45, 50)),
            ));
            let (basic, extended, late) = counts(size, grade_shift, rng);
            classes.push(Class {
                id: ClassId::new(format!("{grade}-{number}")),
                grade,
                homeroom,
                class_teacher: teachers.next().cloned(),
                basic,
                extended,
                late,
            });
        }
    }
    for n in 1..=spec.spare_classrooms {
        rooms.push(Room::new(
            format!("r70{n}"),
            format!("多功能教室{n}"),
            RoomKind::Classroom,
            rng.range(45, 50),
        ));
    }
    for t in spec.rooms {
        rooms.push(Room {
            id: RoomId::new(t.id),
            name: t.name.to_owned(),
            kind: t.kind,
            capacity: t.capacity,
            outdoor: t.outdoor,
            fallback: t.fallback.map(RoomId::new),
            unavailable: t.unavailable.to_vec(),
        });
    }
    (rooms, classes)
}

/// Per-weekday counts of a class of `size`: a class-level rate with a little
/// day-to-day jitter. Friday has fewer in basic service, no extended session,
/// and more in the late group (those who would have been in clubs).
fn counts(size: u32, grade_shift: i32, rng: &mut Rng) -> ([u32; 5], [u32; 5], [u32; 5]) {
    let basic_rate = rng.range(76, 88) as i32 + grade_shift;
    let extended_rate = rng.range(16, 32) as i32;
    let late_rate = rng.range(6, 13) as i32 + grade_shift / 2;
    let share = |percent: i32, lo: i32, hi: i32| size * percent.clamp(lo, hi) as u32 / 100;
    let mut basic = [0; 5];
    let mut extended = [0; 5];
    let mut late = [0; 5];
    for day in Weekday::ALL {
        let i = day.index();
        let friday = day == Weekday::Fri;
        basic[i] = share(
            basic_rate + rng.jitter(-4, 4) - if friday { 9 } else { 0 },
            65,
            95,
        );
        if EXTENDED_DAYS.contains(&day) {
            extended[i] = share(extended_rate + rng.jitter(-5, 5), 12, 40).min(basic[i]);
        }
        late[i] = share(
            late_rate + rng.jitter(-3, 3) + if friday { 4 } else { 0 },
            3,
            20,
        )
        .min(basic[i]);
    }
    (basic, extended, late)
}
