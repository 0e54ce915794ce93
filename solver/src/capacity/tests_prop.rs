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
            1 => {
                shortage::thin_day(&mut school, day, None, 75);
                let c = capacity(&school, None, &options(5.0));
                for line in &c.hires {
                    prop_assert_eq!(line.days(), vec![day], "{:?}", line);
                }
                prop_assert!(c.short.iter().all(|s| s.day == day), "{:?}", c.short);
                prop_assert_eq!(c.places_short() > 0, c.people() > 0);
                prop_assert_eq!(left_short(&proposal(&school, &c), 1.0), 0);
            }
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
