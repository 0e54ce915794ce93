//! A tiny valid school for validation tests: each test makes one mistake in it
//! and looks for the finding. Also the property test that no school, however
//! mangled, makes `validate` panic.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{validate, Severity};
use crate::model::{
    Class, ClassId, ClockTime, Club, Duties, GateDuty, GradeBand, Holiday, MakeupDay, Meetings,
    NoServiceDay, Person, Reception, Room, RoomId, RoomKind, Rules, School, Season, SessionKind,
    SessionTime, Skill, Slot, StaffId, StaffKind, Term, Timetable, Weekday, SCHOOL_FORMAT_VERSION,
};

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

pub(super) fn clock(h: u16, m: u16) -> ClockTime {
    ClockTime::new(h, m).expect("a real time")
}

/// Every finding as the user sees it.
pub(super) fn messages(school: &School) -> Vec<String> {
    validate(school).iter().map(ToString::to_string).collect()
}

fn person(id: &str, name: &str, kind: StaffKind, skills: &[&str]) -> Person {
    let mut p = Person::new(id, name, kind);
    p.skills = skills.iter().map(|s| Skill::new(*s)).collect();
    p
}

fn class(id: &str, grade: u8, homeroom: &str, teacher: &str, counts: [u32; 3]) -> Class {
    Class {
        id: ClassId::new(id),
        grade,
        homeroom: RoomId::new(homeroom),
        class_teacher: Some(StaffId::new(teacher)),
        basic: [counts[0]; 5],
        extended: [counts[1]; 5],
        late: [counts[2]; 5],
    }
}

fn timetable(season: Season, grades: (u8, u8), times: [(u16, u16); 6]) -> Timetable {
    let kinds = [SessionKind::Basic, SessionKind::Extended, SessionKind::Late];
    Timetable {
        season,
        days: Weekday::ALL.to_vec(),
        grades: GradeBand {
            from: grades.0,
            to: grades.1,
        },
        sessions: kinds
            .iter()
            .enumerate()
            .map(|(i, &kind)| SessionTime {
                kind,
                start: clock(times[2 * i].0, times[2 * i].1),
                end: clock(times[2 * i + 1].0, times[2 * i + 1].1),
            })
            .collect(),
    }
}

/// Two classes (grades 1 and 3), eight people of every kind, a playground with
/// a gym to fall back on, two clubs, summer and winter timetables, and an
/// autumn term with 国庆, a make-up Saturday and a season switch.
pub(crate) fn tiny_school() -> School {
    let mut t1 = person("t1", "王丽", StaffKind::Teacher, &["homework"]);
    t1.class_teacher_of = Some(ClassId::new("1-1"));
    let mut t2 = person("t2", "刘洋", StaffKind::Teacher, &["homework"]);
    t2.class_teacher_of = Some(ClassId::new("3-1"));
    let mut field = Room::new("field", "操场", RoomKind::Playground, 300);
    field.outdoor = true;
    field.fallback = Some(RoomId::new("gym"));
    School {
        version: SCHOOL_FORMAT_VERSION,
        name: "测试小学".into(),
        term: Term {
            name: "2026—2027学年第一学期".into(),
            first_day: date(2026, 9, 1),
            last_day: date(2027, 1, 22),
            holidays: vec![Holiday {
                name: "国庆".into(),
                from: date(2026, 10, 1),
                to: date(2026, 10, 7),
            }],
            makeup_days: vec![MakeupDay {
                date: date(2026, 10, 10),
                runs_as: Weekday::Fri,
                name: "国庆调休".into(),
            }],
            no_service_days: vec![NoServiceDay {
                date: date(2026, 11, 5),
                reason: "运动会".into(),
            }],
            starts_in: Season::Summer,
            season_switch: Some(date(2026, 11, 2)),
        },
        rules: Rules::default(),
        timetables: vec![
            timetable(
                Season::Summer,
                (1, 2),
                [(15, 5), (15, 45), (15, 55), (16, 25), (16, 25), (17, 30)],
            ),
            timetable(
                Season::Summer,
                (3, 6),
                [(15, 5), (15, 50), (16, 0), (16, 55), (16, 55), (17, 30)],
            ),
            timetable(
                Season::Winter,
                (1, 2),
                [(15, 5), (15, 45), (15, 55), (16, 15), (16, 15), (17, 0)],
            ),
            timetable(
                Season::Winter,
                (3, 6),
                [(15, 5), (15, 45), (15, 55), (16, 40), (16, 40), (17, 0)],
            ),
        ],
        duties: Duties {
            duty_leader: true,
            gate: GateDuty::default(),
            reception: Some(Reception {
                room: RoomId::new("reception"),
                minutes: 30,
                adults: 1,
            }),
        },
        staff: vec![
            t1,
            t2,
            person("t3", "陈静", StaffKind::Teacher, &["homework"]),
            person("t4", "张建国", StaffKind::Leader, &["homework"]),
            person("t5", "吴刚", StaffKind::Teacher, &["homework", "football"]),
            person(
                "r1",
                "马秀英",
                StaffKind::Retired,
                &["homework", "calligraphy"],
            ),
            person("p1", "胡晓燕", StaffKind::Parent, &[]),
            person("c1", "郭伟", StaffKind::Coach, &["football"]),
        ],
        rooms: vec![
            Room::new("r101", "一年级1班", RoomKind::Classroom, 45),
            Room::new("r301", "三年级1班", RoomKind::Classroom, 50),
            Room::new("gym", "体育馆", RoomKind::Gym, 120),
            field,
            Room::new("art", "美术室", RoomKind::Art, 40),
            Room::new("reception", "接待室", RoomKind::Reception, 20),
        ],
        classes: vec![
            class("1-1", 1, "r101", "t1", [30, 10, 5]),
            class("3-1", 3, "r301", "t2", [35, 15, 8]),
        ],
        clubs: vec![
            Club {
                id: "football".into(),
                name: "足球社".into(),
                skill: Skill::new("football"),
                grades: GradeBand { from: 3, to: 6 },
                enrolled: 20,
                meetings: Meetings::Fixed(vec![Slot {
                    day: Weekday::Thu,
                    session: Some(SessionKind::Extended),
                }]),
                room_kind: RoomKind::Playground,
                leader: Some(StaffId::new("c1")),
                outdoor: true,
            },
            Club {
                id: "calligraphy".into(),
                name: "书法社".into(),
                skill: Skill::new("calligraphy"),
                grades: GradeBand { from: 1, to: 6 },
                enrolled: 15,
                meetings: Meetings::PerWeek(1),
                room_kind: RoomKind::Art,
                leader: None,
                outdoor: false,
            },
        ],
        skills: Vec::new(),
    }
}

#[test]
fn the_tiny_school_is_valid() {
    let m = messages(&tiny_school());
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn every_problem_is_found_at_once_errors_first() {
    let mut s = tiny_school();
    s.rules.cycle_weeks = 9;
    s.classes[0].late[0] = 31; // warning
    s.rooms[0].capacity = 0; // error, after the rules in file order
    let f = validate(&s);
    let sev: Vec<Severity> = f.iter().map(|f| f.severity).collect();
    assert!(sev.windows(2).all(|w| w[0] <= w[1]), "{f:#?}");
    assert_eq!(
        sev.iter().filter(|s| **s == Severity::Error).count(),
        2,
        "{f:#?}"
    );
    assert!(
        f[0].subject.to_string() == "rules" && f[1].subject.to_string().starts_with("room r101"),
        "{f:#?}"
    );
    assert!(super::has_errors(&f));
    assert_eq!(validate(&s), f, "the order is stable");
}

#[test]
fn an_empty_school_does_not_panic() {
    let mut s = tiny_school();
    s.staff.clear();
    s.rooms.clear();
    s.classes.clear();
    s.clubs.clear();
    s.timetables.clear();
    s.term.holidays.clear();
    s.term.makeup_days.clear();
    s.rules.may_lead.clear();
    s.rules.caps.clear();
    let m = messages(&s);
    assert!(
        m.iter().any(|m| m.contains("there are no timetables")),
        "{m:#?}"
    );
}

// ---- Property test: no input makes validation panic --------------------------

/// Ids that collide with real ones, are empty, or are unknown.
const IDS: [&str; 10] = [
    "", " t1", "t1", "t2", "r101", "gym", "field", "1-1", "football", "x",
];

fn some_u32() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..8, 0u32..400, Just(u32::MAX), any::<u32>()]
}

/// A date near the term, or one of the extremes chrono allows.
fn some_date(n: u32) -> NaiveDate {
    match n % 16 {
        0 => NaiveDate::MIN,
        1 => NaiveDate::MAX,
        _ => date(2026, 9, 1)
            .checked_add_signed(chrono::TimeDelta::days(i64::from(n % 800) - 400))
            .unwrap_or(NaiveDate::MIN),
    }
}

/// One random change: `what` picks the field, `i` the item, `a` and `b` the values.
pub(crate) fn mutate(s: &mut School, what: u8, i: usize, a: u32, b: u32) {
    let id = IDS[a as usize % IDS.len()];
    let byte = (a % 256) as u8;
    let day = i % 5;
    match what {
        0 => {
            if let Some(c) = pick(&mut s.classes, i) {
                c.basic[day] = a;
            }
        }
        1 => {
            if let Some(c) = pick(&mut s.classes, i) {
                c.late[day] = a;
                c.extended[day] = b;
            }
        }
        2 => {
            if let Some(c) = pick(&mut s.classes, i) {
                c.grade = byte;
            }
        }
        3 => {
            if let Some(c) = pick(&mut s.classes, i) {
                c.homeroom = RoomId::new(id);
            }
        }
        4 => {
            if let Some(c) = pick(&mut s.classes, i) {
                c.class_teacher = (b % 2 == 0).then(|| id.into());
            }
        }
        5 => {
            if let Some(c) = pick(&mut s.classes, i) {
                c.id = id.into();
            }
        }
        6 => {
            if let Some(r) = pick(&mut s.rooms, i) {
                r.capacity = a;
            }
        }
        7 => {
            if let Some(r) = pick(&mut s.rooms, i) {
                r.id = id.into();
                r.outdoor = b % 2 == 0;
            }
        }
        8 => {
            if let Some(r) = pick(&mut s.rooms, i) {
                r.fallback = (b % 3 != 0).then(|| id.into());
            }
        }
        9 => {
            if let Some(p) = pick(&mut s.staff, i) {
                p.id = id.into();
            }
        }
        10 => {
            if let Some(p) = pick(&mut s.staff, i) {
                p.part_time_percent = byte;
                p.max_per_day = Some((b % 256) as u8);
            }
        }
        11 => {
            if let Some(p) = pick(&mut s.staff, i) {
                p.class_teacher_of = (b % 2 == 0).then(|| id.into());
                p.teaching_periods[day] = byte;
            }
        }
        12 => {
            if let Some(p) = pick(&mut s.staff, i) {
                p.kind = StaffKind::ALL[a as usize % 6];
                p.skills.clear();
            }
        }
        13 => {
            if let Some(c) = pick(&mut s.clubs, i) {
                c.grades = GradeBand {
                    from: byte,
                    to: (b % 256) as u8,
                };
            }
        }
        14 => {
            if let Some(c) = pick(&mut s.clubs, i) {
                c.meetings = Meetings::PerWeek(byte);
                c.enrolled = b;
            }
        }
        15 => {
            if let Some(c) = pick(&mut s.clubs, i) {
                c.leader = Some(id.into());
                c.id = IDS[b as usize % IDS.len()].into();
            }
        }
        16 => {
            if let Some(c) = pick(&mut s.clubs, i) {
                let session = (b % 7 != 6).then(|| SessionKind::ALL[b as usize % 6]);
                c.meetings = Meetings::Fixed(vec![Slot {
                    day: Weekday::ALL[day],
                    session,
                }]);
                c.room_kind = RoomKind::ALL[a as usize % 10];
            }
        }
        17 => {
            if let Some(t) = pick(&mut s.timetables, i) {
                if let Some(st) = t.sessions.get_mut(a as usize % 3) {
                    st.start = clock((a % 24) as u16, (b % 60) as u16);
                    st.end = clock((b % 24) as u16, (a % 60) as u16);
                }
            }
        }
        18 => {
            if let Some(t) = pick(&mut s.timetables, i) {
                t.grades = GradeBand {
                    from: byte,
                    to: (b % 256) as u8,
                };
                t.season = if b % 2 == 0 {
                    Season::Summer
                } else {
                    Season::Winter
                };
            }
        }
        19 => {
            if let Some(t) = pick(&mut s.timetables, i) {
                t.days.truncate(a as usize % 6);
            }
        }
        20 => s.term.first_day = some_date(a),
        21 => s.term.last_day = some_date(a),
        22 => s.term.holidays.push(Holiday {
            name: id.into(),
            from: some_date(a),
            to: some_date(b),
        }),
        23 => s.term.makeup_days.push(MakeupDay {
            date: some_date(a),
            runs_as: Weekday::ALL[day],
            name: String::new(),
        }),
        24 => s.term.no_service_days.push(NoServiceDay {
            date: some_date(a),
            reason: String::new(),
        }),
        25 => s.term.season_switch = (b % 4 != 0).then(|| some_date(a)),
        26 => {
            s.rules.cycle_weeks = byte;
            s.rules.ratios.late.students_per_adult = b;
        }
        27 => {
            s.rules.weights.late_percent = a;
            s.rules.may_lead.truncate(b as usize % 5);
        }
        28 => {
            if let Some(d) = s.duties.reception.as_mut() {
                d.room = id.into();
                d.adults = (b % 3) as u8;
            }
        }
        _ => match a % 5 {
            0 => remove(&mut s.staff, i),
            1 => remove(&mut s.rooms, i),
            2 => remove(&mut s.classes, i),
            3 => remove(&mut s.clubs, i),
            _ => remove(&mut s.timetables, i),
        },
    }
}

fn pick<T>(v: &mut [T], i: usize) -> Option<&mut T> {
    let n = v.len();
    if n == 0 {
        None
    } else {
        v.get_mut(i % n)
    }
}

fn remove<T>(v: &mut Vec<T>, i: usize) {
    if !v.is_empty() {
        v.remove(i % v.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        // Shrinking off on CI, where a failure is reported and re-run locally.
        max_shrink_iters: if std::env::var_os("CI").is_some() { 0 } else { 1024 },
        ..ProptestConfig::default()
    })]

    #[test]
    fn prop_validate_never_panics(
        changes in prop::collection::vec((0u8..30, any::<usize>(), some_u32(), some_u32()), 0..16)
    ) {
        let mut s = tiny_school();
        for &(what, i, a, b) in &changes {
            mutate(&mut s, what, i, a, b);
        }
        let findings = validate(&s);
        prop_assert!(findings.windows(2).all(|w| w[0].severity <= w[1].severity));
        for f in &findings {
            let words = f.kind.english(&crate::namer::Ids);
            prop_assert!(!f.subject.to_string().is_empty() && !words.problem.is_empty() && !words.fix.is_empty(), "{f:?}");
            let _ = f.to_string();
        }
        if changes.is_empty() {
            prop_assert!(findings.is_empty());
        }
    }
}
