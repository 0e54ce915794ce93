//! The constructor builds what the model accepts, and covers every school
//! that can be covered, with no time limit to be unlucky with.

use super::Board;
use crate::demand;
use crate::generate::{generate_with, Profile, Size};
use crate::milp::build::Model;
use crate::model::School;

/// The constructor alone on `school`: its values, and the model's rows they break.
fn construct(school: &School) -> (f64, Vec<String>) {
    let demand = demand::build(school, school.rules.cycle_weeks);
    let model = Model::new(school, &demand);
    let mut board = Board::new(&model);
    board.place_clubs();
    board.clubs_together(5.0);
    board.fill();
    let values = board.values();
    let unmet = model.unmet.iter().map(|(v, w)| w * values[v.0]).sum();
    (unmet, model.mip.violations(&values))
}

#[test]
fn every_demo_size_and_the_realistic_profile_are_covered_by_the_constructor_alone() {
    for size in [Size::Small, Size::Medium, Size::Large] {
        for profile in [Profile::Demo, Profile::Realistic] {
            for seed in [2026, 7] {
                let school = generate_with(size, profile, seed);
                let (unmet, broken) = construct(&school);
                assert_eq!(broken, Vec::<String>::new(), "{size:?} {profile:?} {seed}");
                assert_eq!(unmet, 0.0, "{size:?} {profile:?} {seed}");
            }
        }
    }
}

#[test]
fn the_large_demo_over_four_weeks_is_covered_too() {
    let mut school = generate_with(Size::Large, Profile::Demo, 2026);
    school.rules.cycle_weeks = 4;
    let (unmet, broken) = construct(&school);
    assert!(broken.is_empty(), "{broken:?}");
    assert_eq!(unmet, 0.0);
}

#[test]
fn a_short_school_keeps_every_row_and_leaves_places_open() {
    // Half the teachers away on Thursdays: a real shortage.
    let mut school = generate_with(Size::Small, Profile::Realistic, 3);
    let mut n = 0;
    for p in &mut school.staff {
        if p.kind == crate::model::StaffKind::Teacher {
            n += 1;
            if n % 2 == 0 {
                p.unavailable.push(crate::model::Slot {
                    day: crate::model::Weekday::Thu,
                    session: None,
                });
            }
        }
    }
    let (unmet, broken) = construct(&school);
    assert!(broken.is_empty(), "{broken:?}");
    assert!(unmet > 0.0, "the test needs a shortage");
}

#[test]
fn a_clash_of_locks_keeps_the_first_and_says_so() {
    // Two locks that put one person on two posts at the same time.
    let school = crate::validate::testing::tiny_school();
    let demand = demand::build(&school, 1);
    let model = Model::new(&school, &demand);
    let (p, a, b) = (0..school.staff.len())
        .find_map(|p| {
            let acts: Vec<_> = model.acts[p]
                .iter()
                .filter(|act| model.x.values().any(|x| *x == act.var))
                .collect();
            acts.iter().find_map(|x| {
                acts.iter()
                    .find(|y| {
                        y.post != x.post && demand.posts[y.post].overlaps(&demand.posts[x.post])
                    })
                    .map(|y| (p, x.post, y.post))
            })
        })
        .expect("someone who could take two posts at the same time");
    let lock = |i: usize| crate::plan::Lock {
        post: demand.posts[i].post.id.clone(),
        staff: school.staff[p].id.clone(),
        role: crate::plan::Role::Lead,
    };
    let locks = vec![lock(a), lock(b)];
    let (pins, _) = model.lock_vars(&locks);
    let mut board = Board::new(&model);
    let seeded = board.seed(&pins, &locks, None);
    assert_eq!(seeded.pins.len(), 1);
    assert_eq!(seeded.pins[0].0, 0, "the first lock is kept");
    assert!(
        matches!(seeded.notes[0], crate::plan::SolveNote::LockClashes { .. }),
        "{:?}",
        seeded.notes
    );
}
