//! `kehou bench --resolve-edits N,…`: how much a re-solve changes. Solves a
//! generated school, then for each N makes N random edits — someone away on
//! a weekday, every week, as when a teacher's availability is corrected —
//! and re-solves twice from the first plan: as `kehou solve` does by default
//! (minimal change), and with `--fresh`. One Markdown row each: changed,
//! forced, added, fairness before and after, unmet posts. A benchmark, never a
//! test: nothing here asserts anything.

use std::io::{self, Write};

use kehou_solver::milp::{solve, SolveOptions};
use kehou_solver::model::{Slot, Weekday};
use kehou_solver::{Plan, School};

use super::bench::BenchArgs;
use super::Outcome;

/// SplitMix64: the same edits for the same seed on every machine.
struct Edits(u64);

impl Edits {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((u128::from(z ^ (z >> 31)) * below as u128) >> 64) as usize
    }
}

fn term(plan: &Plan, name: &str) -> f64 {
    plan.solve
        .objective
        .iter()
        .find(|t| t.name == name)
        .map_or(f64::NAN, |t| t.value)
}

pub fn run(
    school: &School,
    args: &BenchArgs,
    counts: &[u32],
    out: &mut dyn Write,
) -> io::Result<Outcome> {
    let options = |previous: Option<Plan>, fresh: bool| SolveOptions {
        cycle_weeks: Some(args.cycle_weeks),
        time_limit_seconds: Some(args.time_limit),
        previous,
        fresh,
        ..SolveOptions::default()
    };
    let first = solve(school, &options(None, false)).plan;
    if args.header {
        writeln!(out, "| size | profile | edits | re-solve | assignments | changed | forced | added | fairness before → after | unmet posts | checker |")?;
        writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|")?;
    }
    let mut bad = false;
    for &n in counts {
        let mut edited = school.clone();
        let mut rng = Edits(args.seed ^ u64::from(n).wrapping_mul(0x1000_0193));
        for _ in 0..n {
            let p = rng.next(edited.staff.len());
            let day = Weekday::ALL[rng.next(5)];
            edited.staff[p]
                .unavailable
                .push(Slot { day, session: None });
        }
        for fresh in [false, true] {
            let plan = solve(&edited, &options(Some(first.clone()), fresh)).plan;
            let c = plan.solve.changes.unwrap_or_default();
            let violations = kehou_solver::check::check(&edited, &plan);
            let ok = violations.is_empty();
            bad |= !ok;
            for v in &violations {
                eprintln!(
                    "violation after {n} edits ({}): {v}",
                    if fresh { "fresh" } else { "minimal" }
                );
            }
            writeln!(
                out,
                "| {:?} | {:?} | {n} | {} | {} | {} | {} | {} | {:.0} → {:.0} | {} | {} |",
                args.size,
                args.profile,
                if fresh { "--fresh" } else { "minimal" },
                c.previous,
                c.changed,
                c.forced,
                c.added,
                c.fairness_before
                    .unwrap_or_else(|| term(&first, "fairness")),
                term(&plan, "fairness"),
                plan.unmet().count(),
                if ok { "ok" } else { "violations" },
            )?;
        }
    }
    Ok(if bad { Outcome::Bug } else { Outcome::Clean })
}
