//! A property of the whole: on generated schools with one planted shortage
//! (a club whose skill nobody has, a thin day, no leader free on a day),
//! the list names exactly that, and the school with the proposed people
//! added, solved, leaves nothing unmet.

use proptest::prelude::*;

use super::tests::{left_short, options};
use super::*;
use crate::generate::{generate_with, shortage, Profile, Size};

fn cases() -> u32 {
    std::env::var("KEHOU_PROP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn prop_a_planted_shortage_is_named_and_the_proposal_covers_it(
        seed in 0u64..1000,
        plant in 0usize..3,
        day in 0usize..5,
        realistic in any::<bool>(),
    ) {
        let profile = if realistic { Profile::Realistic } else { Profile::Demo };
        let mut school = generate_with(Size::Small, profile, seed);
        let day = Weekday::ALL[day];
        let before = capacity(&school, None, &options(5.0));
        prop_assert_eq!(&before.hires, &vec![]);
        match plant {
            0 => {
                let club = shortage::club_nobody_leads(&mut school);
                let c = capacity(&school, None, &options(5.0));
                let leads: Vec<&Hire> = c.hires.iter().filter(|h| h.club.is_some()).collect();
                prop_assert_eq!(leads.len(), 1, "{:?}", c.hires);
                prop_assert_eq!(leads[0].club.as_ref(), Some(&club));
                prop_assert_eq!((leads[0].count, leads[0].kind), (1, StaffKind::Coach));
                prop_assert_eq!(c.hires.len(), 1, "only the club: {:?}", c.hires);
                prop_assert_eq!(left_short(&proposal(&school, &c), 1.0), 0);
            }
            1 => thin_day_is_named_and_covered(school, day),
            _ => {
                shortage::no_leader_on(&mut school, day);
                let c = capacity(&school, None, &options(5.0));
                prop_assert_eq!(c.hires.len(), 1, "{:?}", c.hires);
                prop_assert_eq!(c.hires[0].kind, StaffKind::Leader);
                prop_assert_eq!(c.hires[0].days(), vec![day]);
                prop_assert!(c.hires[0].tasks.contains(&PostKind::DutyLeader));
                prop_assert_eq!(left_short(&proposal(&school, &c), 1.0), 0);
            }
        }
    }
}

/// A thin day is what is short, and the proposal covers it. Off that day
/// only a club can be short: a club has one leader for all its meetings, so
/// when the thin day takes its leader, its meetings on other days go
/// unled too, and the hire who leads it takes them (found by the property
/// test above: seed 960, Monday, the realistic profile — a coach for the
/// reading club on Tuesday and Wednesday and a Monday gate).
fn thin_day_is_named_and_covered(mut school: crate::model::School, day: Weekday) {
    shortage::thin_day(&mut school, day, None, 75);
    let c = capacity(&school, None, &options(5.0));
    for line in &c.hires {
        assert!(
            line.days().iter().all(|d| *d == day || line.club.is_some()),
            "{line:?}"
        );
    }
    assert!(
        c.short
            .iter()
            .all(|s| s.day == day || s.kind == PostKind::Club),
        "{:?}",
        c.short
    );
    assert_eq!(c.places_short() > 0, c.people() > 0);
    assert_eq!(left_short(&proposal(&school, &c), 1.0), 0);
}

#[test]
fn a_thin_day_that_takes_a_clubs_leader_is_covered_with_the_club() {
    let school = generate_with(Size::Small, Profile::Realistic, 960);
    thin_day_is_named_and_covered(school, Weekday::Mon);
}
