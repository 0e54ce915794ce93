//! What a generated school promises: determinism, sizes, resolvable ids,
//! Chinese names, a real 2026 calendar, consistent timetables, and clubs that
//! can be led, met and housed.

use std::collections::BTreeSet;

use chrono::Datelike;

use super::capacity_tests::SEEDS;
use super::{generate, Size};
use crate::model::{
    Club, Meetings, Room, RoomKind, School, Season, SessionKind, Skill, StaffKind, Weekday,
};

const SIZES: [Size; 3] = [Size::Small, Size::Medium, Size::Large];

fn schools() -> impl Iterator<Item = (Size, u64, School)> {
    SIZES.into_iter().flat_map(|size| {
        SEEDS
            .into_iter()
            .map(move |seed| (size, seed, generate(size, seed)))
    })
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

fn count(s: &School, kind: StaffKind) -> usize {
    s.staff.iter().filter(|p| p.kind == kind).count()
}

#[test]
fn same_seed_gives_the_same_school_and_another_seed_another() {
    for size in SIZES {
        let a = generate(size, 11);
        assert_eq!(a, generate(size, 11), "{size:?}");
        assert_eq!(a.fingerprint(), generate(size, 11).fingerprint());
        let b = generate(size, 12);
        assert_ne!(a, b, "{size:?}");
        assert_ne!(a.staff, b.staff, "{size:?}: staff should differ");
        assert_ne!(a.classes, b.classes, "{size:?}: counts should differ");
    }
}

#[test]
fn sizes_are_in_their_ranges() {
    for (size, seed, s) in schools() {
        let at = format!("{size:?} seed {seed}");
        let (classes, teachers, staff, clubs) = match size {
            Size::Small => (12, 30..=36, 45..=60, 6),
            Size::Medium => (24, 58..=65, 80..=100, 12),
            Size::Large => (60, 140..=150, 170..=195, 24),
        };
        assert_eq!(s.classes.len(), classes, "{at}");
        assert!(
            teachers.contains(&count(&s, StaffKind::Teacher)),
            "{at}: teachers"
        );
        assert!(
            staff.contains(&s.staff.len()),
            "{at}: {} staff",
            s.staff.len()
        );
        assert_eq!(s.clubs.len(), clubs, "{at}");
        assert!(s.rooms.len() >= classes + 9, "{at}: rooms");
        // Basic service counts are 65–95% of a class, so the school's size
        // follows from the busiest day of each class.
        let staying: u32 = s.classes.iter().filter_map(|c| c.basic.iter().max()).sum();
        if size == Size::Medium {
            assert!(
                (780..=1_000).contains(&staying),
                "{at}: {staying} in basic service"
            );
            assert_eq!(count(&s, StaffKind::Leader), 6, "{at}");
        }
        assert!(
            (3..=6).contains(&count(&s, StaffKind::Retired)),
            "{at}: retired"
        );
        assert!(
            (8..=12).contains(&count(&s, StaffKind::Parent)),
            "{at}: parents"
        );
        assert!(
            (3..=5).contains(&count(&s, StaffKind::Community)),
            "{at}: community"
        );
        assert!(
            (2..=5).contains(&count(&s, StaffKind::Coach)),
            "{at}: coaches"
        );
        assert_eq!(s.rules.cycle_weeks, if size == Size::Small { 1 } else { 2 });
    }
}

#[test]
fn ids_are_unique_and_every_reference_resolves() {
    fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            assert!(seen.insert(id), "duplicate {what} `{id}`");
        }
    }
    for (_, _, s) in schools() {
        unique("staff id", s.staff.iter().map(|p| p.id.as_str()));
        unique("staff name", s.staff.iter().map(|p| p.name.as_str()));
        unique("room id", s.rooms.iter().map(|r| r.id.as_str()));
        unique("class id", s.classes.iter().map(|c| c.id.as_str()));
        unique("club id", s.clubs.iter().map(|c| c.id.as_str()));
        for c in &s.classes {
            let home = s.room(&c.homeroom).expect("homeroom exists");
            assert_eq!(home.kind, RoomKind::Classroom);
            assert!(c.basic.iter().all(|&n| n <= home.capacity), "{}", c.id);
            let teacher = c
                .class_teacher
                .as_ref()
                .and_then(|t| s.person(t))
                .expect("class teacher");
            assert_eq!(teacher.kind, StaffKind::Teacher);
            assert_eq!(teacher.class_teacher_of.as_ref(), Some(&c.id));
            assert_eq!(
                c.id.as_str(),
                format!("{}-{}", c.grade, &c.id.as_str()[2..])
            );
        }
        for p in s.staff.iter().filter(|p| p.class_teacher_of.is_some()) {
            let class = p
                .class_teacher_of
                .as_ref()
                .and_then(|c| s.class(c))
                .expect("class");
            assert_eq!(class.class_teacher.as_ref(), Some(&p.id));
        }
        for r in &s.rooms {
            if r.outdoor {
                let fallback = r
                    .fallback
                    .as_ref()
                    .and_then(|f| s.room(f))
                    .expect("fallback room");
                assert!(!fallback.outdoor);
            }
        }
        let reception = s.duties.reception.as_ref().expect("reception duty");
        assert_eq!(
            s.room(&reception.room).map(|r| r.kind),
            Some(RoomKind::Reception)
        );
        for c in s.clubs.iter().filter_map(|c| c.leader.as_ref()) {
            assert!(s.person(c).is_some(), "club leader {c}");
        }
    }
}

#[test]
fn names_are_chinese() {
    for (_, _, s) in schools() {
        assert!(has_cjk(&s.name) && has_cjk(&s.term.name));
        for p in &s.staff {
            let n = p.name.chars().count();
            assert!(
                (2..=4).contains(&n) && p.name.chars().all(is_cjk),
                "{}",
                p.name
            );
            assert!(p.leave.iter().all(|l| has_cjk(&l.reason)));
        }
        assert!(s.rooms.iter().all(|r| has_cjk(&r.name)));
        assert!(s.clubs.iter().all(|c| has_cjk(&c.name)));
        assert!(s.term.holidays.iter().all(|h| has_cjk(&h.name)));
        assert!(s.term.makeup_days.iter().all(|m| has_cjk(&m.name)));
        assert!(s.term.no_service_days.iter().all(|n| has_cjk(&n.reason)));
    }
    assert_eq!(generate(Size::Medium, 2026).name, "阳光实验小学");
}

#[test]
fn the_calendar_is_the_2026_autumn_term() {
    let t = generate(Size::Medium, 1).term;
    assert_eq!(t.first_day.weekday(), chrono::Weekday::Tue);
    assert_eq!(t.first_day.to_string(), "2026-09-01");
    assert_eq!(t.last_day.to_string(), "2027-01-22");
    let inside = |d| t.first_day <= d && d <= t.last_day;
    for h in &t.holidays {
        assert!(
            h.from <= h.to && inside(h.from) && inside(h.to),
            "{}",
            h.name
        );
    }
    for m in &t.makeup_days {
        let wd = m.date.weekday();
        assert!(
            matches!(wd, chrono::Weekday::Sat | chrono::Weekday::Sun),
            "{}",
            m.date
        );
        assert!(inside(m.date) && !t.is_holiday(m.date), "{}", m.date);
    }
    for n in &t.no_service_days {
        assert!(
            Weekday::from_chrono(n.date.weekday()).is_some(),
            "{}",
            n.date
        );
        assert!(inside(n.date) && !t.is_holiday(n.date), "{}", n.date);
    }
    let switch = t.season_switch.expect("a season switch");
    assert!(inside(switch) && switch.weekday() == chrono::Weekday::Mon);
    assert_eq!(t.season_on(t.first_day), Season::Summer);
    assert_eq!(t.season_on(t.last_day), Season::Winter);
}

#[test]
fn timetables_give_every_grade_one_ordered_day() {
    let s = generate(Size::Small, 1);
    for season in [Season::Summer, Season::Winter] {
        for day in Weekday::ALL {
            for grade in 1..=6 {
                let applying = s
                    .timetables
                    .iter()
                    .filter(|t| t.applies(season, day, grade))
                    .count();
                assert_eq!(applying, 1, "{season:?} {day} grade {grade}");
                let get = |k| s.session_time(season, day, grade, k);
                let basic = get(SessionKind::Basic).expect("basic");
                let late = get(SessionKind::Late).expect("late");
                assert_eq!(get(SessionKind::Extended).is_some(), day != Weekday::Fri);
                let mut end = basic.end;
                assert!(basic.start < basic.end);
                if let Some(ext) = get(SessionKind::Extended) {
                    assert!(end <= ext.start && ext.start < ext.end);
                    end = ext.end;
                }
                assert!(end <= late.start && late.start < late.end);
                assert!(late.end.minutes() <= 18 * 60);
            }
        }
    }
}

#[test]
fn counts_fit_the_sessions() {
    for (_, _, s) in schools() {
        for c in &s.classes {
            for day in Weekday::ALL {
                let i = day.index();
                let has_ext = s
                    .session_time(Season::Summer, day, c.grade, SessionKind::Extended)
                    .is_some();
                assert_eq!(c.extended[i] > 0, has_ext, "{} {day}", c.id);
                assert!(c.basic[i] > 0 && c.basic[i] <= 45, "{} {day}", c.id);
                assert!(c.extended[i] <= c.basic[i] && c.late[i] <= c.basic[i]);
            }
            assert!(
                c.basic[4] <= *c.basic[..4].iter().max().unwrap_or(&0),
                "{}",
                c.id
            );
        }
        for day in Weekday::ALL {
            assert!(s.classes.iter().map(|c| c.late[day.index()]).sum::<u32>() > 0);
        }
    }
}

#[test]
fn clubs_can_be_led_met_and_housed() {
    for (size, seed, s) in schools() {
        let at = format!("{size:?} seed {seed}");
        for c in &s.clubs {
            let leaders = s
                .staff
                .iter()
                .filter(|p| s.rules.may_lead(p.kind) && p.has_skill(&c.skill) && p.leave.is_empty())
                .count();
            assert!(
                leaders >= 2,
                "{at}: club {} has {leaders} possible leaders",
                c.id
            );
            assert!(
                c.grades.to <= 2 || c.grades.from >= 3,
                "{at}: {} spans two bands",
                c.id
            );
            let ext_days = club_days(&s, c);
            let rooms: Vec<_> = s.rooms.iter().filter(|r| r.kind == c.room_kind).collect();
            assert!(
                rooms.iter().any(|r| r.capacity >= c.enrolled),
                "{at}: {} fits no room",
                c.id
            );
            assert!(
                rooms.iter().all(|r| r.outdoor == c.outdoor),
                "{at}: {} outdoor",
                c.id
            );
            match &c.meetings {
                Meetings::Fixed(slots) => {
                    for slot in slots {
                        assert!(
                            ext_days.contains(&slot.day)
                                && slot.session == Some(SessionKind::Extended)
                        );
                        assert!(rooms
                            .iter()
                            .any(|r| !r.is_unavailable(slot.day, SessionKind::Extended)));
                    }
                }
                Meetings::PerWeek(n) => assert!(usize::from(*n) <= ext_days.len()),
            }
            if let Some(id) = &c.leader {
                let p = s.person(id).expect("leader");
                assert!(p.has_skill(&c.skill) && s.rules.may_lead(p.kind) && p.leave.is_empty());
                assert_eq!(p.part_time_percent, 100);
                let Meetings::Fixed(slots) = &c.meetings else {
                    panic!("{at}: {} has a fixed leader but no fixed slots", c.id)
                };
                for slot in slots {
                    assert!(
                        !p.is_unavailable(slot.day, SessionKind::Extended),
                        "{at}: {} {slot}",
                        c.id
                    );
                }
            }
        }
    }
}

/// The weekdays on which every grade of the club has an extended session, in
/// both seasons.
fn club_days(s: &School, c: &Club) -> Vec<Weekday> {
    Weekday::ALL
        .into_iter()
        .filter(|&d| {
            (c.grades.from..=c.grades.to).all(|g| {
                [Season::Summer, Season::Winter]
                    .into_iter()
                    .all(|se| s.session_time(se, d, g, SessionKind::Extended).is_some())
            })
        })
        .collect()
}

/// The rooms clubs may use: homerooms host the homework groups, so of the
/// classrooms only the spare ones count.
fn club_rooms(s: &School) -> Vec<&Room> {
    s.rooms
        .iter()
        .filter(|r| !s.classes.iter().any(|c| c.homeroom == r.id))
        .collect()
}

/// The kinds of room a club keeps busy while it meets: its own, and for an
/// outdoor club the kind of its places' rain fallback, which the solver keeps
/// free for it.
fn kinds_needed(s: &School, c: &Club) -> Vec<RoomKind> {
    let mut kinds = vec![c.room_kind];
    if c.outdoor {
        let fallbacks: BTreeSet<RoomKind> = s
            .rooms
            .iter()
            .filter(|r| r.kind == c.room_kind)
            .filter_map(|r| r.fallback.as_ref().and_then(|f| s.room(f)))
            .map(|f| f.kind)
            .collect();
        assert_eq!(fallbacks.len(), 1, "{}: one kind of fallback", c.id);
        kinds.extend(fallbacks);
    }
    kinds
}

fn meets_on(c: &Club, day: Weekday) -> bool {
    matches!(&c.meetings, Meetings::Fixed(slots) if slots.iter().any(|x| x.day == day))
}

fn per_week(c: &Club) -> usize {
    match &c.meetings {
        Meetings::Fixed(slots) => slots.len(),
        Meetings::PerWeek(n) => usize::from(*n),
    }
}

/// Clubs with fixed slots never need more rooms of a kind on one afternoon
/// than there are open, counting an outdoor club as also keeping its rain
/// fallback (the gym) free.
#[test]
fn fixed_clubs_never_collide_on_a_room_kind() {
    for (size, seed, s) in schools() {
        let at = format!("{size:?} seed {seed}");
        let rooms = club_rooms(&s);
        for c in &s.clubs {
            if let Meetings::Fixed(slots) = &c.meetings {
                assert!(slots
                    .iter()
                    .all(|x| x.session == Some(SessionKind::Extended)));
            }
        }
        for day in Weekday::ALL {
            for kind in RoomKind::ALL {
                let fixed: Vec<&str> = s
                    .clubs
                    .iter()
                    .filter(|c| meets_on(c, day) && kinds_needed(&s, c).contains(&kind))
                    .map(|c| c.id.as_str())
                    .collect();
                let open = rooms
                    .iter()
                    .filter(|r| r.kind == kind && !r.is_unavailable(day, SessionKind::Extended))
                    .count();
                assert!(
                    fixed.len() <= open,
                    "{at}: fixed clubs {fixed:?} need {kind} rooms on {day}, {open} open"
                );
            }
        }
    }
}

/// For each kind of room, the week's meetings of the clubs that need it (an
/// outdoor club also needs its fallback's kind) fit in the open room-afternoons
/// of that kind.
#[test]
fn club_rooms_hold_the_weeks_meetings() {
    for (size, seed, s) in schools() {
        let at = format!("{size:?} seed {seed}");
        let rooms = club_rooms(&s);
        let extended_days: Vec<Weekday> = Weekday::ALL
            .into_iter()
            .filter(|&d| {
                (1..=6).any(|g| {
                    s.session_time(Season::Summer, d, g, SessionKind::Extended)
                        .is_some()
                })
            })
            .collect();
        for kind in RoomKind::ALL {
            let weekly: usize = s
                .clubs
                .iter()
                .filter(|c| kinds_needed(&s, c).contains(&kind))
                .map(per_week)
                .sum();
            let room_days: usize = rooms
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| {
                    extended_days
                        .iter()
                        .filter(|&&d| !r.is_unavailable(d, SessionKind::Extended))
                        .count()
                })
                .sum();
            assert!(
                weekly <= room_days,
                "{at}: {weekly} club meetings need {kind} rooms, {room_days} room-afternoons"
            );
        }
    }
}

/// `k`-element subsets of `days`, in order.
fn subsets(days: &[Weekday], k: usize) -> Vec<Vec<Weekday>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for (i, &d) in days.iter().enumerate() {
        for mut rest in subsets(&days[i + 1..], k - 1) {
            rest.insert(0, d);
            out.push(rest);
        }
    }
    out
}

/// Depth-first search for a room-afternoon for every club: `options[i]` are
/// the (room, afternoon) cells club `i` would keep busy, one list per choice.
fn place(
    options: &[Vec<Vec<(usize, Weekday)>>],
    taken: &mut BTreeSet<(usize, Weekday)>,
    steps: &mut u32,
) -> bool {
    let Some((first, rest)) = options.split_first() else {
        return true;
    };
    for cells in first {
        *steps += 1;
        assert!(
            *steps < 1_000_000,
            "the search for a placement ran too long"
        );
        if cells.iter().any(|cell| taken.contains(cell)) {
            continue;
        }
        taken.extend(cells.iter().copied());
        if place(rest, taken, steps) {
            return true;
        }
        for cell in cells {
            taken.remove(cell);
        }
    }
    false
}

/// The solver's room rules can all be met in one week: each club in one room
/// that holds it, on distinct afternoons with an extended session, no two
/// clubs in a room at once, and an outdoor club's fallback kept free. All
/// extended sessions are taken to overlap, which is the worst case.
#[test]
fn every_club_has_a_room_in_some_week() {
    for (size, seed, s) in schools() {
        let at = format!("{size:?} seed {seed}");
        let rooms = club_rooms(&s);
        let index = |id: &crate::model::RoomId| {
            s.rooms
                .iter()
                .position(|r| &r.id == id)
                .expect("room exists")
        };
        let mut options: Vec<Vec<Vec<(usize, Weekday)>>> = s
            .clubs
            .iter()
            .map(|c| {
                let day_sets = match &c.meetings {
                    Meetings::Fixed(slots) => vec![slots.iter().map(|x| x.day).collect()],
                    Meetings::PerWeek(n) => subsets(&club_days(&s, c), usize::from(*n)),
                };
                let mut out = Vec::new();
                for r in rooms
                    .iter()
                    .filter(|r| r.kind == c.room_kind && r.capacity >= c.enrolled)
                {
                    let mut used = vec![index(&r.id)];
                    if r.outdoor {
                        used.extend(r.fallback.as_ref().map(index));
                    }
                    for days in &day_sets {
                        let open = used.iter().all(|&u| {
                            days.iter()
                                .all(|&d| !s.rooms[u].is_unavailable(d, SessionKind::Extended))
                        });
                        if open {
                            out.push(
                                days.iter()
                                    .flat_map(|&d| used.iter().map(move |&u| (u, d)))
                                    .collect(),
                            );
                        }
                    }
                }
                out
            })
            .collect();
        // The most constrained clubs first.
        options.sort_by_key(Vec::len);
        let mut steps = 0;
        assert!(
            place(&options, &mut BTreeSet::new(), &mut steps),
            "{at}: no week houses every club"
        );
    }
}

#[test]
fn staff_look_like_a_real_staff_room() {
    for (size, seed, s) in schools() {
        let at = format!("{size:?} seed {seed}");
        let teachers: Vec<_> = s
            .staff
            .iter()
            .filter(|p| p.kind == StaffKind::Teacher)
            .collect();
        let n = teachers.len();
        assert!(teachers.iter().all(|p| p.has_skill(&Skill::homework())));
        for p in &teachers {
            for day in Weekday::ALL {
                let away = p
                    .unavailable
                    .iter()
                    .any(|sl| sl.day == day && sl.session.is_none());
                let periods = p.teaching_periods[day.index()];
                let day_off = periods == 0 && p.part_time_percent < 100 && away;
                assert!(
                    day_off || (2..=4).contains(&periods),
                    "{at}: {} {day}",
                    p.id
                );
            }
        }
        let with = |f: &dyn Fn(&&&crate::model::Person) -> bool| teachers.iter().filter(f).count();
        let unavailable = with(&|p| !p.unavailable.is_empty());
        assert!(
            unavailable * 100 >= n * 5 && unavailable * 100 <= n * 30,
            "{at}: {unavailable} unavailable"
        );
        assert!(with(&|p| p.part_time_percent < 100) >= 1, "{at}");
        assert!(with(&|p| !p.leave.is_empty()) >= 1, "{at}");
        assert!(with(&|p| !p.preferences.is_empty()) * 100 >= n * 10, "{at}");
        assert!(
            with(&|p| p.skills.len() > 1) * 100 >= n * 30,
            "{at}: club skills"
        );
        assert_eq!(with(&|p| p.class_teacher_of.is_some()), s.classes.len());
        // Volunteers assist: they never hold the homework skill or lead.
        for p in s.staff.iter().filter(|p| !s.rules.may_lead(p.kind)) {
            assert!(
                p.skills.is_empty() && p.unavailable.len() >= 2,
                "{at}: {}",
                p.id
            );
        }
        assert!(s
            .staff
            .iter()
            .filter(|p| p.kind == StaffKind::Leader)
            .all(|p| p.has_skill(&Skill::homework())));
    }
}

#[test]
fn generated_schools_pass_validation() {
    for (size, seed, s) in schools() {
        let findings = crate::validate::validate(&s);
        assert!(
            !crate::validate::has_errors(&findings),
            "{size:?} seed {seed}: {}",
            findings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
