//! Deterministic generator of realistic schools, for tests, benchmarks and the demo.
//!
//! A generated school is an autumn term 2026—2027 in a Chinese primary school:
//! grades 1–6, Chinese names, the 2026 holidays, summer and winter timetables,
//! class teachers, a leadership team, retired teachers, volunteers and coaches,
//! special rooms and a club menu. It is sized so that its own staff can cover
//! the demand with room to spare (see the capacity tests), and every draw comes
//! from the seed, so the same size and seed always give the same school.

mod calendar;
mod club_menu;
mod clubs;
mod names;
mod realistic;
mod rng;
mod rooms_classes;
pub mod shortage;
mod staff;
mod teachers;

#[cfg(test)]
mod capacity_tests;
#[cfg(test)]
mod tests;

use crate::model::{Duties, GateDuty, Reception, RoomId, Rules, School, SCHOOL_FORMAT_VERSION};

use club_menu::ClubTemplate;
use rng::Rng;
use rooms_classes::RoomTemplate;
use staff::CoachTemplate;

/// How big a school to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// About 12 classes.
    Small,
    /// About 24 classes, ~1,000 students, ~60 teachers.
    Medium,
    /// About 60 classes and ~180 staff.
    Large,
}

/// Everything that differs between sizes; the rest is drawn from the seed.
struct Spec {
    name: &'static str,
    classes_per_grade: u8,
    /// Students per class, inclusive.
    class_size: (u32, u32),
    teachers: (u32, u32),
    /// The leadership team, by role (the role is not in the model; it decides caps).
    leaders: &'static [&'static str],
    retired: (u32, u32),
    parents: (u32, u32),
    community: (u32, u32),
    coaches: &'static [CoachTemplate],
    clubs: &'static [ClubTemplate],
    rooms: &'static [RoomTemplate],
    /// Classrooms that are nobody's homeroom: room for classroom clubs and merged groups.
    spare_classrooms: u32,
    maternity_leave: u32,
    sick_leave: u32,
    part_time: u32,
    cycle_weeks: u8,
}

impl Size {
    fn spec(self) -> Spec {
        match self {
            Size::Small => Spec {
                name: "青溪镇中心小学",
                classes_per_grade: 2,
                class_size: (32, 42),
                teachers: (33, 35),
                leaders: &["校长", "副校长", "教导主任"],
                retired: (3, 4),
                parents: (8, 9),
                community: (3, 3),
                coaches: staff::SMALL_COACHES,
                clubs: club_menu::SMALL,
                rooms: rooms_classes::SMALL_ROOMS,
                spare_classrooms: 1,
                maternity_leave: 1,
                sick_leave: 0,
                part_time: 1,
                cycle_weeks: 1,
            },
            Size::Medium => Spec {
                name: "阳光实验小学",
                classes_per_grade: 4,
                class_size: (40, 46),
                teachers: (60, 63),
                leaders: &[
                    "校长",
                    "副校长",
                    "副校长",
                    "教导主任",
                    "德育主任",
                    "总务主任",
                ],
                retired: (3, 5),
                parents: (9, 12),
                community: (3, 5),
                coaches: staff::MEDIUM_COACHES,
                clubs: club_menu::MEDIUM,
                rooms: rooms_classes::MEDIUM_ROOMS,
                spare_classrooms: 2,
                maternity_leave: 2,
                sick_leave: 1,
                part_time: 2,
                cycle_weeks: 2,
            },
            Size::Large => Spec {
                name: "育才实验小学",
                classes_per_grade: 10,
                class_size: (40, 46),
                teachers: (144, 148),
                leaders: &[
                    "校长",
                    "党支部书记",
                    "副校长",
                    "副校长",
                    "教导主任",
                    "德育主任",
                    "总务主任",
                    "教科室主任",
                    "大队辅导员",
                ],
                retired: (5, 6),
                parents: (11, 12),
                community: (4, 5),
                coaches: staff::LARGE_COACHES,
                clubs: club_menu::LARGE,
                rooms: rooms_classes::LARGE_ROOMS,
                spare_classrooms: 4,
                maternity_leave: 4,
                sick_leave: 2,
                part_time: 4,
                cycle_weeks: 2,
            },
        }
    }
}

/// How the generated school looks beyond its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// The demo: staff with room to spare, few weekly commitments.
    #[default]
    Demo,
    /// As real schools describe theirs: teaching-research afternoons per
    /// grade band, caps of 2–5 posts a week, part-timers, a thin Thursday and
    /// more clubs (see `realistic.rs`).
    Realistic,
}

/// The same `size` and `seed` always give the same school.
pub fn generate(size: Size, seed: u64) -> School {
    generate_with(size, Profile::Demo, seed)
}

/// The same `size`, `profile` and `seed` always give the same school.
pub fn generate_with(size: Size, profile: Profile, seed: u64) -> School {
    let mut spec = size.spec();
    if profile == Profile::Realistic && size == Size::Medium {
        spec.clubs = club_menu::MEDIUM_REALISTIC;
    }
    let root = Rng::new(seed);
    let mut names = names::Names::new();

    let mut staff = staff::hire(&spec, &mut root.fork("staff"), &mut names);
    let class_ids = rooms_classes::class_ids(&spec);
    let class_teachers = staff.appoint_class_teachers(&class_ids, &mut root.fork("class teachers"));
    let (rooms, classes) = rooms_classes::build(&spec, &class_teachers, &mut root.fork("classes"));
    let clubs = clubs::clubs(&spec, &mut staff, &mut root.fork("clubs"));
    staff.grant_leave_and_part_time(&spec, &clubs, &mut root.fork("leave"));

    let rules = Rules {
        cycle_weeks: spec.cycle_weeks,
        ..Rules::default()
    };
    let duties = Duties {
        duty_leader: true,
        gate: GateDuty {
            adults: 1,
            minutes: 15,
            in_place_minutes: 5,
        },
        reception: Some(Reception {
            room: RoomId::new(rooms_classes::RECEPTION),
            minutes: 30,
            adults: 1,
        }),
    };
    let mut school = School {
        version: SCHOOL_FORMAT_VERSION,
        name: spec.name.to_owned(),
        term: calendar::term(),
        rules,
        timetables: calendar::timetables(),
        duties,
        staff: staff.into_people(),
        rooms,
        classes,
        clubs,
        skills: Vec::new(),
    };
    if profile == Profile::Realistic {
        realistic::apply(&mut school, &mut root.fork("realistic"));
    }
    school
}
