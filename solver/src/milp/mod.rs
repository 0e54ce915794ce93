//! The rota MILP (docs/model.md): build the model, solve it in two
//! lexicographic phases, and turn the values into a plan.
//!
//! Phase 1 minimises unmet demand. Phase 2 keeps unmet demand at phase 1's
//! optimum and minimises unfairness, then preferences, idle gaps and changes.

mod band;
pub mod build;
mod changes;
pub(crate) mod construct;
mod deadline;
mod extract;
pub mod lns;
pub mod objective;
mod phase1;
mod phase2;
#[cfg(test)]
mod realistic_tests;
mod rosters;
mod spare;
mod swap;
#[cfg(test)]
mod tests;

use std::time::{Duration, Instant};

use crate::backend::{self, Outcome};
use crate::demand;
use crate::ir::{self, Sense};
use crate::model::School;
use crate::plan::{Changes, ObjectiveTerm, Plan, SolveNote, SolveReport, SolveStatus};
use build::Model;
use construct::Board;
pub use deadline::Cancel;
use deadline::Deadline;
use objective::{Targets, Terms};

/// The most the estimate of the teachers' total may take (§5.4).
const TEACHER_TOTAL_SECONDS: f64 = 10.0;

/// What to solve and how long to try.
#[derive(Debug, Clone, Default)]
pub struct SolveOptions {
    /// Overrides the school's cycle length.
    pub cycle_weeks: Option<u8>,
    /// Overrides the school's time limit.
    pub time_limit_seconds: Option<f64>,
    /// The plan this solve replaces: its locks are kept, and (unless
    /// `fresh`) as many of its assignments as coverage allows.
    pub previous: Option<Plan>,
    /// Re-optimise from scratch instead of changing the previous plan as
    /// little as possible (its locks are still kept).
    pub fresh: bool,
    /// A minimal-change re-solve may change up to this many of the previous
    /// plan's assignments in all, to make the rota fairer (it changes at
    /// least what coverage needs, and no more when `None`).
    pub max_changes: Option<u32>,
    /// Set by the caller to stop early: the solve returns what it has at its
    /// next check, with a note saying it was cancelled.
    pub cancel: Option<Cancel>,
    /// Keep the final phase's model as CPLEX LP text (`Solved::model_lp`).
    pub write_model: bool,
    /// Skip the fairest band (§5.3): phase 2 then optimises the weighted
    /// objective alone, and the plan's band is reported without a proof.
    /// For benchmarks that measure what the band costs and gains.
    pub without_band: bool,
}

/// Model sizes and phase timings, for summaries and benchmarks.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub posts: usize,
    pub variables: usize,
    pub integer_variables: usize,
    pub rows: usize,
    /// Building the demand and the model.
    pub build_seconds: f64,
    /// The constructor, and the unmet demand it left (phase 1's weights).
    pub construct_seconds: f64,
    pub constructed_unmet: f64,
    /// A proven lower bound on unmet demand (0 when everything is covered).
    pub unmet_bound: Option<f64>,
    /// Phase 1 (coverage) including the constructor.
    pub phase1_seconds: f64,
    pub phase2_seconds: f64,
}

pub struct Solved {
    pub plan: Plan,
    pub stats: Stats,
    /// The final phase's model, as CPLEX LP text, when `write_model` asked.
    pub model_lp: Option<String>,
    /// The previous plan's locks that could not be kept, and why (also in
    /// the plan's notes): a caller shows them before the plan replaces one.
    pub locks_not_kept: Vec<SolveNote>,
}

/// Builds and solves the rota for `school`. Never fails: what cannot be
/// staffed stays in the plan as unmet, with its reason. The time limit
/// counts from the call: building the model is inside it.
pub fn solve(school: &School, options: &SolveOptions) -> Solved {
    let started = Instant::now();
    let k = options
        .cycle_weeks
        .unwrap_or(school.rules.cycle_weeks)
        .clamp(1, 4);
    // At least a second, at most a week: NaN or infinity (a caller's
    // mistake) would make no deadline at all.
    let limit = options
        .time_limit_seconds
        .unwrap_or(f64::from(school.rules.time_limit_seconds));
    let limit = if limit.is_nan() {
        1.0
    } else {
        limit.clamp(1.0, 7.0 * 86_400.0)
    };
    let end = started + Duration::from_secs_f64(limit);
    let deadline = Deadline::new(end, options.cancel.as_ref());
    let share = |of_left: f64| {
        let left = end.saturating_duration_since(Instant::now());
        Instant::now() + left.mul_f64(of_left)
    };
    let demand = demand::build(school, k);
    let mut model = Model::new(school, &demand);
    let mut stats = Stats {
        posts: demand.posts.len(),
        build_seconds: started.elapsed().as_secs_f64(),
        ..Stats::default()
    };
    let previous = options.previous.as_ref();
    let minimal = previous.filter(|_| !options.fresh);
    let locks = previous.map(|p| p.locks.clone()).unwrap_or_default();
    let (pins, mut notes) = model.lock_vars(&locks);

    // The constructor: every place someone is free for, in code (§5.0).
    let constructed = Instant::now();
    let (start, mut seeded, kept_at_seed) = {
        let mut board = Board::new(&model);
        let seeded = board.seed(&pins, &locks, minimal);
        let at_seed = board.values();
        board.place_clubs();
        board.clubs_together((limit * 0.1).min(2.0));
        board.fill();
        (board.values(), seeded, at_seed)
    };
    // The previous plan's assignments that still hold, to measure its
    // fairness with this solve's targets.
    let mut previous_values = minimal.map(|_| kept_at_seed.clone());
    if options.fresh && previous.is_some() {
        // What a minimal change would have been forced to change, to say
        // how much more the full re-optimisation changed.
        let mut board = Board::new(&model);
        seeded.forced = board.seed(&pins, &locks, previous).forced;
        previous_values = Some(board.values());
    }
    stats.construct_seconds = constructed.elapsed().as_secs_f64();
    stats.constructed_unmet = phase1::unmet_of(&model, &start);
    notes.extend(seeded.notes.iter().cloned());
    let locks_not_kept = notes.clone();
    let pinned: Vec<ir::Var> = seeded.pins.iter().map(|(_, v)| *v).collect();
    for &(n, var) in &seeded.pins {
        let lock = &locks[n];
        model.pin(&format!("{},{}", lock.post, lock.staff), var);
    }

    // Phase 1: the least unmet demand, from the constructor's staffing.
    let keep = minimal
        .map(|p| changes::keep_vars(&model, p))
        .unwrap_or_default();
    let coverage = phase1::cover(&model, start, &pinned, &keep, deadline.at(share(0.3)));
    stats.phase1_seconds = stats.construct_seconds + coverage.seconds;
    stats.unmet_bound = coverage.bound;
    let unmet_value = coverage.unmet;
    let mut values = coverage.values;
    if coverage.improved_by_milp {
        notes.push(SolveNote::CoveredMore);
    }

    // Phase C: keep as many of the previous assignments as that coverage allows.
    if changes::kept(&keep, &values) + 0.5 < changes::kept(&keep, &kept_at_seed) {
        values =
            changes::fewest_changes(&model, &keep, values, unmet_value, deadline.at(share(0.2)));
    }

    // The fairest band, proven where it can be (§5.3); not on a
    // minimal-change re-solve, whose changes come before fairness.
    let band = if minimal.is_none() && !options.without_band && !deadline.cancelled() {
        band::find(
            &model,
            &values,
            unmet_value,
            &pinned,
            Duration::from_secs_f64(stats.construct_seconds),
            deadline.at(share(0.3)),
        )
    } else {
        None
    };
    if let Some(found) = &band {
        values.clone_from(&found.values);
    }
    // Whole rosters try to prove the band's heaviest on the other core while
    // phase 2 improves the plan (the bound only reports): never with one
    // core, where it would take phase 2's time.
    // Then phase 2's full solve takes that core for the time left (§6).
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut spare = (cores >= 2).then(spare::SpareCore::default);
    let band_proof = band
        .as_ref()
        .zip(spare.as_mut())
        .filter(|_| deadline.has(Duration::from_secs(1)))
        .and_then(|(found, core)| {
            let proof = band::RosterProof::for_band(&model, found, &values, unmet_value)?;
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            // At most half the time left, so the full solve has the rest.
            let until = Instant::now() + Duration::from_secs_f64(deadline.seconds_left() * 0.5);
            let stopping = std::sync::Arc::clone(&stop);
            let hold = core.hold();
            let running = std::thread::spawn(move || {
                let _hold = hold;
                proof.run(until, &stopping)
            });
            Some((stop, running))
        });

    // Phase 2: keep unmet demand (and changes) as they are; fairness,
    // preferences, gaps, stability.
    // The teachers' total the targets share out (§5.4): the estimate
    // whenever its LP finishes (0.03 s on the small demo, 0.7 s on the large
    // realistic school, 3.6 s on the large demo over 4 weeks), so the
    // targets — and the objective's value — are the school's, not the time
    // limit's; else what the plan itself gives teachers.
    let teacher_total = phase1::teacher_total_estimate(
        &model,
        (deadline.seconds_left() * 0.5).min(TEACHER_TOTAL_SECONDS),
    );
    let targets = Targets::from_totals(&model, &values, teacher_total);
    model.mip.row(
        "unmet_at_most_phase1".into(),
        model.unmet.clone(),
        Sense::Le,
        unmet_value + 1e-6,
    );
    if let Some(found) = &band {
        let rows = band::band_rows(&model, &found.caps, &found.floors);
        band::add_rows(&mut model.mip, rows);
    }
    let mut allowed = f64::INFINITY;
    if !keep.is_empty() {
        let total: f64 = keep.iter().map(|(_, w)| w).sum();
        let changed = total - changes::kept(&keep, &values);
        let without_var = seeded.previous as f64 - total;
        allowed = options
            .max_changes
            .map_or(changed, |n| changed.max(f64::from(n) - without_var));
        model.mip.row(
            "changes_at_most".into(),
            keep.clone(),
            Sense::Ge,
            total - allowed - 1e-6,
        );
    }
    let terms = objective::add(&mut model, &targets, minimal);
    let fairness_before = previous_values.map(|v| {
        let v = terms.complete(&v, model.mip.vars.len());
        terms.fairness.iter().map(|(x, c)| c * v[x.0]).sum::<f64>()
    });
    for (v, c) in terms.all() {
        model.mip.add_obj(v, c);
    }
    stats.variables = model.mip.vars.len();
    stats.integer_variables = model.mip.integers();
    stats.rows = model.mip.rows.len();
    let model_lp = options.write_model.then(|| model.mip.to_lp());
    let phase2_started = Instant::now();
    let start_values = terms.complete(&values, model.mip.vars.len());
    let frozen = allowed < 0.5 && seeded.forced == 0;
    let mut best = if frozen {
        // A re-solve with nothing to change: the plan stays as it was, and
        // so does what its solve proved.
        notes.push(SolveNote::NothingToChange);
        let objective = model.mip.objective_of(&start_values);
        let was = previous.map(|p| &p.solve);
        Outcome {
            objective,
            values: start_values,
            proven_optimal: was.is_some_and(|s| s.status == SolveStatus::Optimal),
            bound: was.and_then(|s| s.bound).filter(|b| *b <= objective + 1e-6),
            seconds: 0.0,
        }
    } else {
        phase2::improve(&model, &terms, start_values, deadline, spare, &mut notes)
    };
    // The last word is the constructor's: no place open while someone is
    // free for it (the MILP phases cannot open one, but stop where they are).
    let mut board = Board::from_values(&model, &best.values);
    board.pinned.extend(pinned.iter().copied());
    let refilled = board.fill();
    if refilled > 0 {
        best.values = terms.complete(&board.values(), model.mip.vars.len());
        best.objective = model.mip.objective_of(&best.values);
        best.proven_optimal = false;
    }
    drop(board);
    let status = if best.proven_optimal
        || best
            .bound
            .is_some_and(|b| relative_gap(best.objective, b) < 1e-6)
    {
        SolveStatus::Optimal
    } else {
        SolveStatus::Feasible
    };
    let outcome = best;
    stats.phase2_seconds = phase2_started.elapsed().as_secs_f64();
    let mut band = band;
    if let Some((stop, running)) = band_proof {
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let proven = running.join().ok().flatten();
        if let (Some(found), Some(h)) = (band.as_mut(), proven) {
            let b = &mut found.band;
            b.heaviest_bound = Some(b.heaviest_bound.map_or(h, |was| was.max(h)));
        }
    }
    let mut plan = extract::plan(&model, &outcome.values, minimal);
    let objective = report_terms(&model.unmet, &terms, &outcome);
    let gap = outcome
        .bound
        .map(|b| relative_gap(outcome.objective, b))
        .filter(|_| status == SolveStatus::Feasible);
    plan.school_fingerprint = school.fingerprint();
    plan.solve = SolveReport {
        status,
        backend: backend::name().to_owned(),
        seconds: started.elapsed().as_secs_f64(),
        objective,
        objective_value: Some(outcome.objective),
        bound: outcome.bound,
        gap: if status == SolveStatus::Optimal {
            Some(0.0)
        } else {
            gap
        },
        solved_at: None,
        notes,
        changes: previous.map(|p| Changes {
            fairness_before: fairness_before.map(|f| (f * 1000.0).round() / 1000.0),
            ..Changes::between(p, &plan, seeded.forced as u32, options.fresh)
        }),
        band: band::report(&model, &outcome.values, band.as_ref()),
    };
    if let Some(prev) = previous {
        plan.locks.clone_from(&prev.locks);
    }
    Solved {
        plan,
        stats,
        model_lp,
        locks_not_kept,
    }
}

impl Terms {
    fn all(&self) -> impl Iterator<Item = (ir::Var, f64)> + '_ {
        self.fairness
            .iter()
            .chain(&self.late)
            .chain(&self.duty)
            .chain(&self.preferences)
            .chain(&self.gaps)
            .chain(&self.stability)
            .copied()
    }
}

fn report_terms(unmet: &[(ir::Var, f64)], terms: &Terms, out: &Outcome) -> Vec<ObjectiveTerm> {
    let value = |t: &[(ir::Var, f64)]| t.iter().map(|(v, c)| c * out.values[v.0]).sum::<f64>();
    [
        ("unmet", value(unmet)),
        ("fairness", value(&terms.fairness)),
        ("late_evenness", value(&terms.late)),
        ("duty_leader_evenness", value(&terms.duty)),
        ("preferences", value(&terms.preferences)),
        ("idle_gaps", value(&terms.gaps)),
        ("stability", value(&terms.stability)),
    ]
    .into_iter()
    .map(|(name, value)| ObjectiveTerm {
        name: name.to_owned(),
        value: (value * 1000.0).round() / 1000.0,
    })
    .collect()
}

fn relative_gap(objective: f64, bound: f64) -> f64 {
    ((objective - bound).abs() / objective.abs().max(1.0)).max(0.0)
}
