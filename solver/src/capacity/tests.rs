//! The capacity model on generated schools with one planted shortage each:
//! the list names exactly that, the proposal covers it, and a school with
//! nothing short gets an empty list and, if anything, helpers' days to spare.

use super::*;
use crate::generate::{generate_with, shortage, Profile, Size};
use crate::milp::{solve, SolveOptions};
use crate::model::{Leave, Slot};
use crate::validate::{validate, Severity};

pub(super) fn options(seconds: f64) -> CapacityOptions {
    CapacityOptions {
        time_limit_seconds: seconds,
        ..CapacityOptions::default()
    }
}

pub(super) fn small() -> School {
    generate_with(Size::Small, Profile::Demo, 2026)
}

/// Solves `school` for `seconds` and says how many places stay short.
pub(super) fn left_short(school: &School, seconds: f64) -> usize {
    let solved = solve(
        school,
        &SolveOptions {
            time_limit_seconds: Some(seconds),
            ..SolveOptions::default()
        },
    );
    solved
        .plan
        .posts
        .iter()
        .filter(|p| p.missing() > 0 || (p.adults_needed > 0 && !p.has_lead()))
        .count()
}

#[test]
fn a_school_with_nothing_short_gets_an_empty_list() {
    let c = capacity(&small(), None, &options(10.0));
    assert_eq!(c.hires, vec![]);
    assert_eq!(c.unfixable, vec![]);
    assert_eq!(c.short, vec![]);
    assert!(c.search.proven());
    assert_eq!(c.people(), 0);
}

#[test]
fn a_club_nobody_can_lead_asks_for_one_coach_with_its_skill() {
    let mut school = small();
    let club = shortage::club_nobody_leads(&mut school);
    let c = capacity(&school, None, &options(10.0));
    assert_eq!(c.hires.len(), 1, "{:?}", c.hires);
    let line = &c.hires[0];
    assert_eq!((line.count, line.kind), (1, StaffKind::Coach));
    assert_eq!(line.skill, Some(Skill::new(shortage::PLANTED_CLUB)));
    assert_eq!(line.club, Some(club));
    assert!(line.leads);
    assert_eq!(line.tasks, vec![PostKind::Club]);
    assert_eq!(line.days().len(), 2, "twice a week: {:?}", line.when);
    assert_eq!(line.sessions(), vec![SessionKind::Extended]);
    assert!(c.search.proven());
    assert_eq!(c.search.cost, c.prices.get(StaffKind::Coach).unwrap_or(0));
    assert_eq!(left_short(&proposal(&school, &c), 2.0), 0);
}

#[test]
fn no_leader_free_on_a_friday_asks_for_one_leader_for_the_duty() {
    let mut school = small();
    shortage::no_leader_on(&mut school, Weekday::Fri);
    let c = capacity(&school, None, &options(10.0));
    assert_eq!(c.hires.len(), 1, "{:?}", c.hires);
    let line = &c.hires[0];
    assert_eq!((line.count, line.kind), (1, StaffKind::Leader));
    assert_eq!(line.tasks, vec![PostKind::DutyLeader]);
    assert_eq!(line.days(), vec![Weekday::Fri]);
    assert_eq!(
        c.short
            .iter()
            .map(|s| (s.day, s.kind, s.places))
            .collect::<Vec<_>>(),
        vec![(Weekday::Fri, PostKind::DutyLeader, 1)]
    );
    assert_eq!(left_short(&proposal(&school, &c), 2.0), 0);
}

#[test]
fn a_thin_thursday_is_filled_on_thursday_and_the_proposal_covers_it() {
    let mut school = small();
    shortage::thin_day(&mut school, Weekday::Thu, None, 70);
    let c = capacity(&school, None, &options(10.0));
    assert!(c.people() > 0);
    for line in &c.hires {
        assert_eq!(line.days(), vec![Weekday::Thu], "{line:?}");
    }
    assert!(
        c.short.iter().all(|s| s.day == Weekday::Thu),
        "{:?}",
        c.short
    );
    assert!(c.search.bound <= c.search.cost);
    assert_eq!(left_short(&proposal(&school, &c), 2.0), 0);
}

#[test]
fn the_proposal_names_its_people_and_they_come_only_when_needed() {
    let mut school = small();
    shortage::club_nobody_leads(&mut school);
    shortage::no_leader_on(&mut school, Weekday::Fri);
    let c = capacity(&school, None, &options(10.0));
    assert_eq!(c.people(), 2, "{:?}", c.hires);
    let with = proposal(&school, &c);
    let added: Vec<&crate::model::Person> = with.staff[school.staff.len()..].iter().collect();
    let names: Vec<&str> = added.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["拟招募 1", "拟招募 2"]);
    assert!(added
        .iter()
        .all(|p| p.id.as_str().starts_with(PROPOSED_ID_PREFIX)));
    let leader = added.iter().find(|p| p.kind == StaffKind::Leader).unwrap();
    // Free on Friday afternoon only: every other weekday is taken off whole.
    for day in [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu] {
        assert!(leader.unavailable.contains(&Slot { day, session: None }));
    }
    assert!(!leader.is_unavailable(Weekday::Fri, SessionKind::Basic));
    let errors: Vec<_> = validate(&with)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors, vec![]);
}

#[test]
fn prices_decide_the_kind_and_a_kind_without_one_is_never_proposed() {
    let mut school = small();
    shortage::club_nobody_leads(&mut school);
    shortage::no_leader_on(&mut school, Weekday::Fri);
    let mut opts = options(10.0);
    opts.prices.set(StaffKind::Coach, None);
    opts.prices.set(StaffKind::Leader, None);
    let c = capacity(&school, None, &opts);
    // A teacher who can lead robotics, freed for it; nobody for the duty.
    assert_eq!(c.hires.len(), 1, "{:?}", c.hires);
    assert_eq!(c.hires[0].kind, StaffKind::Teacher);
    assert!(
        c.unfixable.iter().any(|u| matches!(
            u,
            Unfixable::NoKindPriced {
                day: Weekday::Fri,
                kind: PostKind::DutyLeader,
                places: 1,
                ..
            }
        )),
        "{:?}",
        c.unfixable
    );
}

#[test]
fn rooms_and_a_fixed_leader_who_cannot_lead_are_not_priced_as_people() {
    let mut school = small();
    // An outdoor club where no playground has a fallback for rain.
    for room in &mut school.rooms {
        if room.outdoor {
            room.fallback = None;
        }
    }
    // A club whose fixed leader is a parent volunteer (who may not lead).
    let parent = school
        .staff
        .iter()
        .find(|p| p.kind == StaffKind::Parent)
        .map(|p| p.id.clone())
        .unwrap();
    let fixed = school.clubs.iter().position(|c| !c.outdoor).unwrap();
    school.clubs[fixed].leader = Some(parent.clone());
    let fixed_id = school.clubs[fixed].id.clone();
    let c = capacity(&school, None, &options(10.0));
    assert!(
        c.unfixable.contains(&Unfixable::FixedLeader {
            club: fixed_id.clone(),
            leader: parent
        }),
        "{:?}",
        c.unfixable
    );
    let outdoor: Vec<&ClubId> = school
        .clubs
        .iter()
        .filter(|c| c.outdoor)
        .map(|c| &c.id)
        .collect();
    assert!(!outdoor.is_empty());
    for club in &outdoor {
        assert!(
            c.unfixable
                .iter()
                .any(|u| matches!(u, Unfixable::ClubNoRainRoom { club: x, .. } if x == *club)),
            "{:?}",
            c.unfixable
        );
    }
    // Nobody is found to lead a club that cannot meet, or one with a fixed leader.
    for line in &c.hires {
        assert!(
            line.club
                .as_ref()
                .is_none_or(|x| *x != fixed_id && !outdoor.contains(&x)),
            "{line:?}"
        );
    }
}

#[test]
fn a_group_bigger_than_every_room_is_said_as_such() {
    let mut school = small();
    let class = &mut school.classes[0];
    let id = class.id.clone();
    class.basic = [200; 5];
    let c = capacity(&school, None, &options(10.0));
    assert!(
        c.unfixable.iter().any(|u| matches!(
            u,
            Unfixable::GroupTooBig { classes, students: 200, .. } if classes.contains(&id)
        )),
        "{:?}",
        c.unfixable
    );
}

#[test]
fn one_week_stands_for_the_cycle_unless_leave_differs_by_week() {
    let mut school = generate_with(Size::Medium, Profile::Demo, 2026);
    school.staff.iter_mut().for_each(|p| p.leave.clear());
    assert_eq!(school.rules.cycle_weeks, 2);
    assert_eq!(gaps::cycle_for(&school), 1);
    // Away on every Monday of week 1 of the cycle, never in week 2.
    let mondays: Vec<_> = crate::calendar::service_days(&school.term, 2)
        .into_iter()
        .filter(|d| d.cycle_week == 1 && d.runs_as == Weekday::Mon)
        .collect();
    for day in mondays {
        school.staff[0].leave.push(Leave {
            from: day.date,
            to: day.date,
            reason: String::new(),
        });
    }
    assert_eq!(gaps::cycle_for(&school), 2);
}

#[test]
fn the_cheapest_kinds_for_a_need_leave_out_those_a_cheaper_kind_replaces() {
    let school = small();
    let prices = Prices::default();
    let need = |lead: bool, skill: Option<Skill>, only: Option<Vec<StaffKind>>| gaps::Need {
        posts: Vec::new(),
        week: 1,
        places: 1,
        lead,
        skill,
        only,
    };
    let kinds = |n: gaps::Need| -> Vec<StaffKind> {
        people::kinds_for(&school, &prices, &n)
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    };
    assert_eq!(
        kinds(need(false, None, None)),
        [StaffKind::Parent, StaffKind::Community]
    );
    assert_eq!(
        kinds(need(true, Some(Skill::homework()), None)),
        [StaffKind::Retired]
    );
    assert_eq!(
        kinds(need(true, Some(Skill::new("chess")), None)),
        [StaffKind::Coach]
    );
    assert_eq!(
        kinds(need(true, None, None)),
        [StaffKind::Retired, StaffKind::Coach]
    );
    assert_eq!(
        kinds(need(true, None, Some(vec![StaffKind::Leader]))),
        [StaffKind::Leader]
    );
}

#[test]
fn helpers_not_needed_can_stay_away_and_everything_is_still_covered() {
    let school = small();
    let c = capacity(&school, None, &options(10.0));
    let surplus = c.surplus.expect("nothing short: the other direction");
    assert!(surplus.needed <= surplus.used);
    assert!(surplus.spare.len() as u32 >= surplus.used - surplus.needed);
    assert!(
        !surplus.spare.is_empty(),
        "the demo school has room to spare"
    );
    let mut without = school.clone();
    for spare in &surplus.spare {
        assert!(!spare.kind.is_own_staff());
        let person = without
            .staff
            .iter_mut()
            .find(|p| p.id == spare.staff)
            .unwrap();
        person.unavailable.push(Slot {
            day: spare.day,
            session: None,
        });
    }
    assert_eq!(left_short(&without, 2.0), 0);
}
