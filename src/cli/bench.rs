//! `kehou bench`: solve a generated school and print one Markdown table row
//! of model size, times, status, gap and peak memory, for docs/benchmarks.md.
//! A benchmark, never a test: nothing here asserts a time.

use std::io::{self, Write};

use clap::Args;
use kehou_solver::generate::generate_with;
use kehou_solver::milp::{solve, SolveOptions};

use super::demo::{DemoProfile, DemoSize};
use super::Outcome;

#[derive(Debug, Args)]
pub struct BenchArgs {
    #[arg(long, value_enum, default_value_t = DemoSize::Medium)]
    pub size: DemoSize,
    #[arg(long, value_enum, default_value_t = DemoProfile::Demo)]
    pub profile: DemoProfile,
    #[arg(long, value_name = "N", default_value_t = 2026)]
    pub seed: u64,
    #[arg(long, value_name = "K", default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub cycle_weeks: u8,
    #[arg(long, value_name = "S", default_value_t = 60.0)]
    pub time_limit: f64,
    #[arg(long)]
    pub header: bool,
    /// Solve this many times, one row each, and a line with the spread
    /// (least, median, most) of the objective, the bound and the heaviest:
    /// one run says little on a noisy machine. The peak memory column is
    /// each run's own (the peak is reset before each, where Linux allows).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub runs: u32,
    /// Solve without the fairest band (docs/model.md §5.3), to measure what
    /// it costs and gains; the row's size says "(no band)".
    #[arg(long)]
    pub no_band: bool,
    /// Re-solve after random edits instead: for each count, that many people
    /// away on a weekday, then a minimal-change and a fresh re-solve.
    #[arg(long, value_name = "N,N,…", value_delimiter = ',')]
    pub resolve_edits: Option<Vec<u32>>,
    /// Measure drawing the terminal UI's rota instead of solving.
    #[arg(long, value_name = "SCHOOL")]
    pub tui: Option<std::path::PathBuf>,
    /// Time `kehou capacity` instead, with each planted shortage.
    #[arg(
        long,
        help = "Instead of solving: time `kehou capacity` on the school with each planted shortage (none, a club nobody leads, a thin Thursday, no leader on Friday, all three); --time-limit is each search's"
    )]
    pub capacity: bool,
}

pub fn run(args: &BenchArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    if let Some(school) = &args.tui {
        return tui_frames(school, out, err);
    }
    let mut school = generate_with(args.size.into(), args.profile.into(), args.seed);
    school.rules.cycle_weeks = args.cycle_weeks;
    if args.capacity {
        return super::bench_capacity::run(&school, args, out);
    }
    if let Some(edits) = &args.resolve_edits {
        return super::bench_resolve::run(&school, args, edits, out);
    }
    if args.header {
        writeln!(out, "| size | profile | K | staff | posts | vars (int) | build s | constructor s | constructor unmet | coverage s | phase 2 s | total s | status | objective | unmet | bound | gap | heaviest (bound) / lightest, min a week | peak MB | checker |")?;
        writeln!(
            out,
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
        )?;
    }
    let mut spread = Spread::default();
    let mut outcome = Outcome::Clean;
    for _ in 0..args.runs {
        if one_run(args, &school, out, &mut spread)? == Outcome::Bug {
            outcome = Outcome::Bug;
        }
    }
    if args.runs > 1 {
        writeln!(out)?;
        writeln!(out, "{}", spread.line(args.runs))?;
    }
    Ok(outcome)
}

/// What varies from run to run, one entry per run (None: not found).
#[derive(Default)]
struct Spread {
    objective: Vec<Option<f64>>,
    bound: Vec<Option<f64>>,
    heaviest: Vec<Option<f64>>,
}

impl Spread {
    /// "Spread over 3 runs (least / median / most): objective 337.7 /
    /// 384.0 / 414.5; …", a value not found in some runs counted apart.
    fn line(&self, runs: u32) -> String {
        let say = |name: &str, values: &[Option<f64>]| {
            let mut found: Vec<f64> = values.iter().flatten().copied().collect();
            found.sort_by(f64::total_cmp);
            let missing = values.len() - found.len();
            let text = match (found.first(), found.last()) {
                (Some(least), Some(most)) => {
                    format!("{name} {least:.1} / {:.1} / {most:.1}", median(&found))
                }
                _ => format!("{name} –"),
            };
            if missing > 0 {
                format!("{text} (none in {missing})")
            } else {
                text
            }
        };
        format!(
            "Spread over {runs} runs (least / median / most): {}; {}; {}.",
            say("objective", &self.objective),
            say("bound", &self.bound),
            say("heaviest, min a week", &self.heaviest)
        )
    }
}

/// The middle of sorted `values` (the mean of the two middle ones).
fn median(values: &[f64]) -> f64 {
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        f64::midpoint(values[n / 2 - 1], values[n / 2])
    }
}

/// One solve of `school` and its table row; what varies goes to `spread`.
fn one_run(
    args: &BenchArgs,
    school: &kehou_solver::model::School,
    out: &mut dyn Write,
    spread: &mut Spread,
) -> io::Result<Outcome> {
    let _ = reset_peak();
    let started = std::time::Instant::now();
    let solved = solve(
        school,
        &SolveOptions {
            cycle_weeks: Some(args.cycle_weeks),
            time_limit_seconds: Some(args.time_limit),
            without_band: args.no_band,
            ..SolveOptions::default()
        },
    );
    let wall = started.elapsed().as_secs_f64();
    let violations = kehou_solver::check::check(school, &solved.plan);
    let s = &solved.stats;
    let r = &solved.plan.solve;
    let unmet = r
        .objective
        .iter()
        .find(|t| t.name == "unmet")
        .map_or(0.0, |t| t.value);
    spread.objective.push(r.objective_value);
    spread.bound.push(r.bound);
    spread.heaviest.push(r.band.as_ref().map(|b| b.heaviest));
    let num = |x: Option<f64>| x.map_or("–".to_owned(), |v| format!("{v:.1}"));
    writeln!(
        out,
        "| {:?}{} | {:?} | {} | {} | {} | {} ({}) | {:.2} | {:.2} | {:.0} | {:.2} | {:.2} | {:.1} | {} | {} | {unmet:.0} | {} | {} | {} | {} | {} |",
        args.size,
        if args.no_band { " (no band)" } else { "" },
        args.profile,
        args.cycle_weeks,
        school.staff.len(),
        s.posts,
        s.variables,
        s.integer_variables,
        s.build_seconds,
        s.construct_seconds,
        s.constructed_unmet,
        s.build_seconds + s.phase1_seconds,
        s.phase2_seconds,
        wall,
        r.status,
        num(r.objective_value),
        num(r.bound),
        r.gap.map_or("–".to_owned(), |g| format!("{:.1}%", g * 100.0)),
        r.band.as_ref().map_or("–".to_owned(), |b| format!(
            "{:.0} ({}) / {:.0}{}",
            b.heaviest,
            b.heaviest_bound.map_or("–".to_owned(), |x| format!("{x:.0}")),
            b.lightest,
            if b.heaviest_proven() { ", proven" } else { "" }
        )),
        peak_megabytes().map_or("–".to_owned(), |m| format!("{m:.0}")),
        if violations.is_empty() { "ok".to_owned() } else { format!("{} violations", violations.len()) },
    )?;
    Ok(if violations.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Bug
    })
}

/// `kehou bench --tui SCHOOL`: frame times of the rota at 200×60, as a
/// Markdown table row.
fn tui_frames(
    school: &std::path::Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    use crate::tui::screens::ScreenId;
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let mut row = Vec::new();
    for (screen, name) in [(ScreenId::Rota, "rota"), (ScreenId::Overview, "overview")] {
        match crate::tui::bench::frame_times(school, screen, 200, 60, 200) {
            Ok(t) => row.push(format!(
                "| {} | {name} | 200×60 | {} | {:.2} | {:.2} | {:.2} |",
                school.display(),
                t.frames,
                ms(t.median),
                ms(t.p95),
                ms(t.max)
            )),
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(Outcome::Trouble);
            }
        }
    }
    match crate::tui::bench::edit_times(school, 50) {
        Ok(t) => row.push(format!(
            "| {} | one edit (lock), with validation and the checker | – | {} | {:.2} | {:.2} | {:.2} |",
            school.display(),
            t.frames,
            ms(t.median),
            ms(t.p95),
            ms(t.max)
        )),
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(Outcome::Trouble);
        }
    }
    writeln!(
        out,
        "| school | screen | size | frames | median ms | p95 ms | max ms |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")?;
    for r in row {
        writeln!(out, "{r}")?;
    }
    Ok(Outcome::Clean)
}

/// Starts the process's peak resident memory again from what it holds now
/// (Linux: "5" to `/proc/self/clear_refs`), so a run's peak is its own, not
/// an earlier run's. Where that is not possible (false) the peak stays the
/// process's.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The process's peak resident memory (Linux `VmHWM`), if the system says.
fn peak_megabytes() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run's peak is its own: memory an earlier run held and gave back is
    /// not counted again once the peak is reset.
    #[test]
    fn the_peak_is_reset_between_runs() {
        // Not Linux, or no /proc to write to: no peak to reset.
        if !reset_peak() {
            return;
        }
        let Some(before) = peak_megabytes() else {
            return;
        };
        let big = vec![1u8; 256 << 20];
        assert!(big.iter().step_by(4096).all(|b| *b == 1));
        let held = peak_megabytes().unwrap();
        assert!(
            held >= before + 200.0,
            "{held} MB after 256 MB, {before} before"
        );
        drop(big);
        assert!(reset_peak());
        let after = peak_megabytes().unwrap();
        assert!(
            after < held - 200.0,
            "peak {after} MB after the reset, {held} before"
        );
    }
}
