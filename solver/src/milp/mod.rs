//! The rota MILP (docs/model.md): build the model, solve it in two
//! lexicographic phases, and turn the values into a plan.
//!
//! Phase 1 minimises unmet demand. Phase 2 keeps unmet demand at phase 1's
//! optimum and minimises unfairness, then preferences, idle gaps and changes.

pub mod build;
mod deadline;
mod extract;
pub mod ir;
pub mod lns;
pub mod objective;
pub mod people;
mod swap;
#[cfg(test)]
mod tests;

use crate::backend::{self, BackendError, Outcome};
use crate::demand::{self, Demand};
use crate::model::School;
use crate::plan::{ObjectiveTerm, Plan, SolveReport, SolveStatus, PLAN_FORMAT_VERSION};
use build::Model;
pub use deadline::Cancel;
use deadline::Deadline;
use ir::Sense;
use objective::{Targets, Terms};

/// What to solve and how long to try.
#[derive(Debug, Clone, Default)]
pub struct SolveOptions {
    /// Overrides the school's cycle length.
    pub cycle_weeks: Option<u8>,
    /// Overrides the school's time limit.
    pub time_limit_seconds: Option<f64>,
    /// A plan to stay close to, whose locks are kept.
    pub previous: Option<Plan>,
    /// Set by the caller to stop early: the solve returns what it has at its
    /// next check, with a note saying it was cancelled.
    pub cancel: Option<Cancel>,
}

/// Model sizes and phase timings, for summaries and benchmarks.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub posts: usize,
    pub variables: usize,
    pub integer_variables: usize,
    pub rows: usize,
    pub phase1_seconds: f64,
    pub phase2_seconds: f64,
}

pub struct Solved {
    pub plan: Plan,
    pub stats: Stats,
    /// The final phase's model, as CPLEX LP text, for `--write-model`.
    pub model_lp: String,
}

/// Builds and solves the rota for `school`. Never fails: what cannot be
/// staffed stays in the plan as unmet, and a solve that finds nothing says
/// why in a plan with status `NoPlan`.
pub fn solve(school: &School, options: &SolveOptions) -> Solved {
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
    let demand = demand::build(school, k);
    let mut model = Model::new(school, &demand);
    let locks = options
        .previous
        .as_ref()
        .map(|p| p.locks.clone())
        .unwrap_or_default();
    let mut notes = model.locks(&locks);
    let mut stats = Stats {
        posts: demand.posts.len(),
        ..Stats::default()
    };

    // Phase 1: unmet demand.
    let unmet = model.unmet.clone();
    for (v, w) in &unmet {
        model.mip.add_obj(*v, *w);
    }
    // The teachers' fair share is what is left when helpers (retired teachers,
    // coaches, volunteers) do as much as they can: the LP relaxation with a
    // small pull towards non-teachers estimates that total in a blink. (As a
    // term of the MILP itself, the pull made phase 1 60× slower.)
    let teacher_total = teacher_total_estimate(&model, limit * 0.1);
    let phase1 = phase1_by_week(&model.mip, k, limit * 0.4);
    let phase1 = match phase1 {
        Ok(out) => out,
        Err(e) => return no_plan(school, &demand, k, &e, notes, stats, &model),
    };
    stats.phase1_seconds = phase1.seconds;
    let unmet_value: f64 = unmet.iter().map(|(v, w)| w * phase1.values[v.0]).sum();

    // Phase 2: keep unmet demand optimal; fairness, preferences, gaps, stability.
    let targets = Targets::from_totals(&model, &phase1.values, teacher_total);
    for v in &mut model.mip.vars {
        v.obj = 0.0;
    }
    model.mip.row(
        "unmet_at_most_phase1".into(),
        unmet.clone(),
        Sense::Le,
        unmet_value + 1e-6,
    );
    let terms = objective::add(&mut model, &targets, options.previous.as_ref());
    for (v, c) in terms.all() {
        model.mip.add_obj(v, c);
    }
    stats.variables = model.mip.vars.len();
    stats.integer_variables = model.mip.integers();
    stats.rows = model.mip.rows.len();
    let model_lp = model.mip.to_lp();
    let remaining = (limit - phase1.seconds).max(1.0);
    // Phase 1's plan, completed, is phase 2's first incumbent: a short full
    // solve from it gives the bound (and sometimes the proof), then the
    // neighbourhood search improves the plan until the time is up (§6).
    let phase2_started = std::time::Instant::now();
    let after = |share: f64| phase2_started + std::time::Duration::from_secs_f64(remaining * share);
    let deadline = Deadline::new(after(1.0), options.cancel.as_ref());
    let start_values = terms.complete(&phase1.values, model.mip.vars.len());
    let mut best = Outcome {
        objective: model.mip.objective_of(&start_values),
        values: start_values,
        proven_optimal: false,
        bound: None,
        seconds: 0.0,
    };
    // Swaps first: they take phase 1's arbitrary loads most of the way to fair.
    let mut pools: Vec<Vec<(usize, ir::Var)>> = vec![Vec::new(); model.pools.len()];
    for (&(p, pool), &v) in &model.x {
        pools[pool].push((p, v));
    }
    let swapper = swap::Swapper::new(&model.mip, pools, &terms, school.staff.len());
    let mut moves = swapper.improve(&mut best.values, deadline.at(after(0.2)));
    best.objective = model.mip.objective_of(&best.values);
    let start: Vec<(ir::Var, f64)> = (0..best.values.len())
        .filter(|&i| model.mip.vars[i].integer)
        .map(|i| (ir::Var(i), best.values[i]))
        .collect();
    let full =
        (!deadline.cancelled()).then(|| backend::solve(&model.mip, remaining * 0.25, &start));
    match full {
        None => notes.push("cancelled by the user: the plan is the best found so far".into()),
        Some(Ok(out)) if out.objective <= best.objective + 1e-9 => best = out,
        Some(Ok(out)) => best.bound = out.bound,
        Some(Err(e)) => notes.push(format!(
            "the full phase-2 solve found nothing in its share of the time ({e}); no bound"
        )),
    }
    let status = if best.proven_optimal {
        SolveStatus::Optimal
    } else {
        let (mut better, rounds) = lns::improve(
            &model.mip,
            best,
            deadline.at(after(0.95)),
            &model.neighbourhoods(),
        );
        moves += swapper.improve(&mut better.values, deadline);
        better.objective = model.mip.objective_of(&better.values);
        notes.push(format!(
            "improved by {moves} swaps and {rounds} rounds of neighbourhood search"
        ));
        best = better;
        if best
            .bound
            .is_some_and(|b| relative_gap(best.objective, b) < 1e-6)
        {
            SolveStatus::Optimal
        } else {
            SolveStatus::Feasible
        }
    };
    let outcome = best;
    stats.phase2_seconds = phase2_started.elapsed().as_secs_f64();
    let mut plan = extract::plan(&model, &outcome.values);
    let objective = report_terms(&unmet, &terms, &outcome);
    let gap = outcome
        .bound
        .map(|b| relative_gap(outcome.objective, b))
        .filter(|_| status == SolveStatus::Feasible);
    plan.school_fingerprint = school.fingerprint();
    plan.solve = SolveReport {
        status,
        backend: backend::name().to_owned(),
        seconds: phase1.seconds + stats.phase2_seconds,
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
    };
    if let Some(prev) = &options.previous {
        plan.locks.clone_from(&prev.locks);
    }
    Solved {
        plan,
        stats,
        model_lp,
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

/// Phase 1 week by week: nothing but a club's leader, days and room links
/// the weeks of the cycle, so week 1 decides those (with its own posts) and
/// each later week is solved with them fixed. The pieces together are a plan
/// for the whole cycle; its unmet demand is the sum of the weeks' minima, so
/// phase 1 is optimal unless week 1's club choices hurt a later week. For a
/// one-week cycle this is the plain solve. (On the large demo with a 4-week
/// cycle the whole model found no plan in 24 s; see docs/benchmarks.md.)
fn phase1_by_week(mip: &ir::Mip, k: u8, seconds: f64) -> Result<Outcome, BackendError> {
    if k <= 1 {
        return backend::solve(mip, seconds, &[]);
    }
    let started = std::time::Instant::now();
    let mut values = vec![0.0; mip.vars.len()];
    let mut bound = 0.0;
    let mut proven = true;
    for week in 1..=k {
        let keep: Vec<ir::Keep> = mip
            .vars
            .iter()
            .enumerate()
            .map(|(i, v)| match v.week {
                Some(w) if w == week => ir::Keep::Free,
                Some(_) => ir::Keep::Absent,
                None if week == 1 => ir::Keep::Free,
                None => ir::Keep::Fixed(values[i]),
            })
            .collect();
        let (sub, old) = mip.restrict(&keep);
        let left = seconds - started.elapsed().as_secs_f64();
        let share = left / f64::from(k - week + 1);
        let out = backend::solve(&sub, share.max(0.5), &[])?;
        for (new, o) in old.iter().enumerate() {
            let x = out.values[new];
            values[o.0] = if mip.vars[o.0].integer { x.round() } else { x };
        }
        proven &= out.proven_optimal;
        bound += out.bound.unwrap_or(out.objective) - sub.obj_constant;
    }
    Ok(Outcome {
        objective: mip.objective_of(&values),
        values,
        proven_optimal: proven,
        bound: Some(bound),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Teachers' total weighted minutes and late duties when non-teachers take
/// all they can, from the LP relaxation of phase 1 with a pull towards non-teachers.
fn teacher_total_estimate(model: &Model, seconds: f64) -> Option<(f64, f64)> {
    let mut lp = model.mip.clone();
    for v in &mut lp.vars {
        v.integer = false;
    }
    let teacher_minutes: Vec<_> = (0..model.school.staff.len())
        .filter(|&p| model.is_teacher(p))
        .flat_map(|p| model.load_terms(p))
        .collect();
    for (v, c) in &teacher_minutes {
        lp.add_obj(*v, c * 1e-3);
    }
    let out = backend::solve(&lp, seconds.max(1.0), &[]).ok()?;
    let late: f64 = (0..model.school.staff.len())
        .filter(|&p| model.is_teacher(p))
        .flat_map(|p| model.late_terms(p))
        .map(|(v, c)| c * out.values[v.0])
        .sum();
    let minutes: f64 = teacher_minutes
        .iter()
        .map(|(v, c)| c * out.values[v.0])
        .sum();
    Some((minutes, late))
}

fn relative_gap(objective: f64, bound: f64) -> f64 {
    ((objective - bound).abs() / objective.abs().max(1.0)).max(0.0)
}

fn no_plan(
    school: &School,
    demand: &Demand,
    k: u8,
    e: &BackendError,
    mut notes: Vec<String>,
    stats: Stats,
    model: &Model,
) -> Solved {
    notes.push(format!("no plan: {e}"));
    let mut plan = Plan::empty(school.fingerprint(), k);
    plan.version = PLAN_FORMAT_VERSION;
    plan.posts = demand
        .posts
        .iter()
        .filter(|s| !s.optional)
        .map(|s| s.post.clone())
        .collect();
    for post in &mut plan.posts {
        post.unmet_reason = Some("the solver found no plan in time".to_owned());
    }
    plan.solve = SolveReport {
        status: SolveStatus::NoPlan,
        backend: backend::name().to_owned(),
        notes,
        ..SolveReport::default()
    };
    Solved {
        plan,
        stats,
        model_lp: model.mip.to_lp(),
    }
}
