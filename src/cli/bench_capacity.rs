//! `kehou bench --capacity`: the capacity model (`kehou capacity`) on a
//! generated school, with each planted shortage in turn, one Markdown row
//! each, for docs/benchmarks.md. A benchmark, never a test.

use std::io::{self, Write};
use std::time::Instant;

use kehou_solver::capacity::{capacity, CapacityOptions};
use kehou_solver::generate::shortage;
use kehou_solver::model::{School, Weekday};

use super::bench::BenchArgs;
use super::Outcome;

/// The shortages planted, by name.
const PLANTS: [&str; 5] = ["none", "club", "thin-thu", "no-leader-fri", "all three"];

fn plant(school: &mut School, name: &str) {
    if matches!(name, "club" | "all three") {
        shortage::club_nobody_leads(school);
    }
    if matches!(name, "thin-thu" | "all three") {
        shortage::thin_day(school, Weekday::Thu, None, 70);
    }
    if matches!(name, "no-leader-fri" | "all three") {
        shortage::no_leader_on(school, Weekday::Fri);
    }
}

pub fn run(school: &School, args: &BenchArgs, out: &mut dyn Write) -> io::Result<Outcome> {
    if args.header {
        writeln!(
            out,
            "| size | profile | cycle | planted | short a week | people | cost | bound | proven | helper days used → needed | seconds |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|")?;
    }
    let options = CapacityOptions {
        time_limit_seconds: args.time_limit,
        ..CapacityOptions::default()
    };
    for name in PLANTS {
        let mut planted = school.clone();
        plant(&mut planted, name);
        let started = Instant::now();
        let c = capacity(&planted, None, &options);
        let seconds = started.elapsed().as_secs_f64();
        let surplus = c.surplus.as_ref().map_or("–".to_owned(), |s| {
            let proven = if s.proven { "" } else { " (not proven)" };
            format!("{} → {}{proven}", s.used, s.needed)
        });
        writeln!(
            out,
            "| {:?} | {:?} | {} | {name} | {} | {} | {} | {} | {} | {surplus} | {seconds:.2} |",
            args.size,
            args.profile,
            planted.rules.cycle_weeks,
            c.places_short(),
            c.people(),
            c.search.cost,
            c.search.bound,
            if c.search.proven() { "yes" } else { "no" },
        )?;
    }
    Ok(Outcome::Clean)
}
