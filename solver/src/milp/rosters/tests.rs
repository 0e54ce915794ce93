use super::*;
use crate::backend;
use crate::ir::Var;
use proptest::prelude::*;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

fn soon() -> Instant {
    Instant::now() + Duration::from_secs(20)
}

/// Every plan of a pure-binary `mip`, tried: the least objective (∞ if none).
fn optimum(mip: &Mip) -> f64 {
    let n = mip.vars.len();
    assert!(n <= 20, "too many variables to try every plan");
    (0..1u32 << n)
        .map(|mask| (0..n).map(|i| f64::from(mask >> i & 1)).collect::<Vec<_>>())
        .filter(|v| mip.violations(v).is_empty())
        .map(|v| mip.objective_of(&v))
        .fold(f64::INFINITY, f64::min)
}

/// The compact LP's least objective (every variable continuous).
fn lp(mip: &Mip) -> f64 {
    let out = backend::solve(&mip.relaxed(), 10.0, &[]).unwrap();
    assert!(out.proven_optimal);
    out.objective
}

/// Two teachers, each capped at 90 weighted minutes, three posts of 60 at
/// different times, a post left empty costs 1. Splitting posts, the
/// compact LP covers all three (1.5 posts each); with whole rosters each
/// teacher takes one post, and one post is short: the bound is 1.
fn two_teachers_three_posts() -> (Mip, Vec<Vec<Var>>) {
    let mut m = Mip::default();
    let mut x = vec![Vec::new(); 2];
    for (p, row) in x.iter_mut().enumerate() {
        for post in 0..3 {
            let v = m.binary(format!("x{p}_{post}"), 0.0);
            m.own(v, p);
            row.push(v);
        }
        let load = row.iter().map(|&v| (v, 60.0)).collect();
        m.row(format!("cap{p}"), load, Sense::Le, 90.0);
    }
    for post in 0..3 {
        let miss = m.binary(format!("miss{post}"), 1.0);
        let mut terms: Vec<(Var, f64)> = x.iter().map(|row| (row[post], 1.0)).collect();
        terms.push((miss, 1.0));
        m.row(format!("cover{post}"), terms, Sense::Eq, 1.0);
    }
    (m, x)
}

#[test]
fn whole_rosters_see_what_split_posts_hide() {
    let (m, _) = two_teachers_three_posts();
    assert!(lp(&m).abs() < 1e-6, "the compact LP covers every post");
    let b = bound(&m, None, soon(), &AtomicBool::new(false), &mut Vec::new());
    let value = b.value.expect("a bound");
    assert!((value - 1.0).abs() < 1e-6, "bound {value}");
    assert!(b.converged);
    assert!((optimum(&m) - 1.0).abs() < 1e-9);
}

#[test]
fn enough_stops_as_soon_as_the_bound_passes_it() {
    let (m, _) = two_teachers_three_posts();
    let b = bound(
        &m,
        Some(0.5),
        soon(),
        &AtomicBool::new(false),
        &mut Vec::new(),
    );
    assert!(b.value.is_some_and(|v| v > 0.5), "{b:?}");
}

#[test]
fn a_forced_choice_is_part_of_every_roster() {
    // Teacher 0 is locked to post 0: the others split between teacher 1
    // (one post) and the slack; the bound stays 1, the optimum 1.
    let (mut m, x) = two_teachers_three_posts();
    m.vars[x[0][0].0].lo = 1.0;
    let b = bound(&m, None, soon(), &AtomicBool::new(false), &mut Vec::new());
    assert!((b.value.unwrap() - optimum(&m)).abs() < 1e-6, "{b:?}");
    // Locked to two posts, the cap is broken: no plan, no bound claimed.
    m.vars[x[0][1].0].lo = 1.0;
    assert_eq!(optimum(&m), f64::INFINITY);
    assert_eq!(
        bound(&m, None, soon(), &AtomicBool::new(false), &mut Vec::new()).value,
        None
    );
}

/// A random small staffing model: `people` with 2–4 posts each they may
/// take (0/1, owned), a weighted cap and at most one post of each pair of
/// clashing times, posts covered exactly once or left empty at a cost, and
/// preferences in the objective.
fn random_school(
    people: &[(Vec<(usize, u8)>, u16)],
    posts: usize,
    costs: &[i8],
    clash: &[(usize, usize)],
) -> Mip {
    let mut m = Mip::default();
    let mut by_post: Vec<Vec<(Var, f64)>> = vec![Vec::new(); posts];
    for (p, (can, cap)) in people.iter().enumerate() {
        let mut load = Vec::new();
        let mut mine: BTreeMap<usize, Var> = BTreeMap::new();
        for (k, &(post, length)) in can.iter().enumerate() {
            let post = post % posts;
            if mine.contains_key(&post) {
                continue;
            }
            let c = f64::from(costs[(p * 7 + k) % costs.len()]) / 4.0;
            let v = m.binary(format!("x{p}_{post}"), c);
            m.own(v, p);
            mine.insert(post, v);
            load.push((v, f64::from(length)));
            by_post[post].push((v, 1.0));
        }
        m.row(format!("cap{p}"), load, Sense::Le, f64::from(*cap));
        for &(a, b) in clash {
            if let (Some(&u), Some(&w)) = (mine.get(&(a % posts)), mine.get(&(b % posts))) {
                if a % posts != b % posts {
                    m.row(
                        format!("once{p}_{a}_{b}"),
                        vec![(u, 1.0), (w, 1.0)],
                        Sense::Le,
                        1.0,
                    );
                }
            }
        }
    }
    for (post, mut terms) in by_post.into_iter().enumerate() {
        let miss = m.binary(format!("miss{post}"), 3.0);
        terms.push((miss, 1.0));
        m.row(format!("cover{post}"), terms, Sense::Eq, 1.0);
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("KEHOU_PROP_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(40)))]
    /// The roster bound is a true lower bound: never above the optimum found
    /// by trying every plan, and never below the compact LP's.
    #[test]
    fn prop_the_roster_bound_lies_between_the_lp_and_the_optimum(
        people in proptest::collection::vec(
            (proptest::collection::vec((0usize..6, 1u8..=4), 2..=4), 1u16..=8), 2..=3),
        posts in 2usize..=5,
        costs in proptest::collection::vec(-8i8..=8, 5..=9),
        clash in proptest::collection::vec((0usize..6, 0usize..6), 0..=3),
    ) {
        let m = random_school(&people, posts, &costs, &clash);
        prop_assume!(m.vars.len() <= 18);
        let best = optimum(&m);
        let b = bound(&m, None, soon(), &AtomicBool::new(false), &mut Vec::new());
        let value = b.value.expect("a bound on a tiny model");
        prop_assert!(value <= best + 1e-6, "bound {value} > optimum {best}");
        prop_assert!(value >= lp(&m) - 1e-6, "bound {value} < LP {}", lp(&m));
    }
}
