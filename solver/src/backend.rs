//! The one file that names solver backends (good_lp's own `solvers/` pattern):
//! microlp, embedded and pure Rust, by default; HiGHS with the `highs` feature.

use std::time::Instant;

use good_lp::{variable, Expression, ProblemVariables, SolverModel, Variable};
#[cfg(not(feature = "highs"))]
use good_lp::{ResolutionError, Solution, WithTimeLimit};

use crate::ir::{Mip, Sense};

/// What a backend returned.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub values: Vec<f64>,
    pub objective: f64,
    pub proven_optimal: bool,
    /// Best proven lower bound, where the backend reports one.
    pub bound: Option<f64>,
    pub seconds: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error("the model has no solution (infeasible)")]
    Infeasible,
    #[error("the time limit came before any plan was found")]
    NoPlanInTime,
    #[error("the solver failed: {0}")]
    Other(String),
}

/// Which backend this build uses.
pub fn name() -> &'static str {
    if cfg!(feature = "highs") {
        "highs"
    } else {
        "microlp"
    }
}

/// Solves `mip`; `start` hints values of integer variables (a known plan) where the backend can use them.
pub fn solve(
    mip: &Mip,
    time_limit_seconds: f64,
    start: &[(crate::ir::Var, f64)],
) -> Result<Outcome, BackendError> {
    let started = Instant::now();
    let (vars, handles, objective) = variables(mip, Integrality::Keep);
    let objective = objective + mip.obj_constant;
    let limit = time_limit_seconds.max(0.1);
    #[cfg(feature = "highs")]
    let (values, proven_optimal, bound) = {
        let mut problem = vars
            .minimise(objective)
            .using(good_lp::solvers::highs::highs);
        add_rows(&mut problem, mip, &handles);
        with_highs::run(problem, mip, limit, start)?
    };
    #[cfg(not(feature = "highs"))]
    let (values, proven_optimal, bound) = {
        let mut problem = vars
            .minimise(objective)
            .using(good_lp::solvers::microlp::microlp)
            .with_time_limit(limit);
        if !start.is_empty() {
            use good_lp::WithInitialSolution;
            problem = problem.with_initial_solution(start.iter().map(|(v, x)| (handles[v.0], *x)));
        }
        add_rows(&mut problem, mip, &handles);
        let solution = problem.solve().map_err(|e| match e {
            ResolutionError::Infeasible => BackendError::Infeasible,
            ResolutionError::Other(msg) if msg.contains("Time limit") => BackendError::NoPlanInTime,
            other => BackendError::Other(other.to_string()),
        })?;
        let values: Vec<f64> = handles.iter().map(|h| solution.value(*h)).collect();
        let proven_optimal = matches!(solution.status(), good_lp::SolutionStatus::Optimal);
        (
            values,
            proven_optimal,
            // microlp, like HiGHS, never sees the objective's constant.
            solution
                .into_inner()
                .stats()
                .best_bound
                .map(|b| b + mip.obj_constant),
        )
    };
    Ok(Outcome {
        objective: mip.objective_of(&values),
        values,
        proven_optimal,
        bound,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Models up to this many variables have their LP solved by the simplex
/// first (microlp's; HiGHS's with the `highs` feature, whatever `solve`
/// uses): exact, and on a small model done in milliseconds, where
/// Clarabel's set-up alone may take longer (a tiny test school's band had no
/// bound in CI's debug build with Clarabel first).
const SIMPLEX_FIRST_UP_TO: usize = 2_000;

/// A lower bound on `mip`'s least objective from its LP relaxation (every
/// variable continuous). Large models by Clarabel — an interior-point
/// method, pure Rust like microlp, that solves the LPs microlp's simplex
/// does not finish (the large demo over two weeks, 34,445 variables: 3 s,
/// where microlp had not finished in 42 s; docs/benchmarks.md): the lesser
/// of its primal and dual objectives, less a margin, as an interior point
/// is optimal to a tolerance and the bound must never be above the truth.
/// Small models (`SIMPLEX_FIRST_UP_TO`) by the simplex of `solve` first.
/// Each falls back on the other in the time left, if a twentieth of a
/// second is; None where neither solves it within `seconds`.
pub fn lp_bound(mip: &Mip, seconds: f64) -> Option<f64> {
    let started = Instant::now();
    let left = || Some(seconds - started.elapsed().as_secs_f64()).filter(|s| *s >= 0.05);
    let simplex = |limit: f64| match solve(&mip.relaxed(), limit.max(0.1), &[]) {
        Ok(out) if out.proven_optimal => Some(out.objective),
        _ => None,
    };
    if mip.vars.len() <= SIMPLEX_FIRST_UP_TO {
        simplex(seconds * 0.5).or_else(|| left().and_then(|s| clarabel_bound(mip, s)))
    } else {
        // Where Clarabel gives up (numerical trouble on a degenerate LP,
        // its time), the simplex in the time left.
        clarabel_bound(mip, seconds).or_else(|| left().and_then(simplex))
    }
}

/// A lower bound on `mip`'s least objective from the model with only the
/// variables of `integer` kept integer, every other relaxed: branch and
/// bound over those alone, from the values `hint` gives them. Where a few
/// structural choices are what the LP splits in fractions (the days a club
/// meets, docs/model.md §6 step 3), this closes most of the LP's gap at the
/// cost of a small search. Its proven optimum (less a hair for the
/// simplex's tolerance) or, where time runs out, its search's bound; None
/// where it has neither.
pub fn branch_bound(
    mip: &Mip,
    integer: &[crate::ir::Var],
    seconds: f64,
    hint: &[(crate::ir::Var, f64)],
) -> Option<f64> {
    let partial = mip.relaxed_except(integer);
    let hint: Vec<_> = hint
        .iter()
        .filter(|(v, _)| partial.vars[v.0].integer)
        .copied()
        .collect();
    let out = solve(&partial, seconds, &hint).ok()?;
    if out.proven_optimal {
        Some(out.objective - 1e-9 * (1.0 + out.objective.abs()))
    } else {
        out.bound
    }
}

/// Clarabel's part of `lp_bound`.
fn clarabel_bound(mip: &Mip, seconds: f64) -> Option<f64> {
    let (vars, handles, objective) = variables(mip, Integrality::Relax);
    let mut problem = vars
        .minimise(objective)
        .using(good_lp::solvers::clarabel::clarabel);
    problem.settings().time_limit(seconds.max(0.1));
    add_rows(&mut problem, mip, &handles);
    let solved = problem.solve().ok()?.into_inner();
    // Solved to 10⁻⁸, or "almost", to Clarabel's reduced tolerances (5·10⁻⁵
    // on the gap, 10⁻⁴ on feasibility): the margin follows.
    let margin = match solved.status {
        clarabel::solver::SolverStatus::Solved => 1e-6,
        clarabel::solver::SolverStatus::AlmostSolved => 1e-3,
        _ => return None,
    };
    let value = solved.obj_val.min(solved.obj_val_dual);
    value
        .is_finite()
        .then(|| value - margin * (1.0 + value.abs()) + mip.obj_constant)
}

/// Whether good_lp's variables keep the model's integer ones integer.
#[derive(Clone, Copy, PartialEq)]
enum Integrality {
    Keep,
    Relax,
}

/// good_lp's variables for `mip`'s and its objective without the constant.
fn variables(mip: &Mip, integrality: Integrality) -> (ProblemVariables, Vec<Variable>, Expression) {
    let mut vars = ProblemVariables::new();
    let handles: Vec<Variable> = mip
        .vars
        .iter()
        .map(|v| {
            let mut def = variable().min(v.lo);
            if v.hi.is_finite() {
                def = def.max(v.hi);
            }
            if integrality == Integrality::Keep && v.integer {
                def = def.integer();
            }
            vars.add(def)
        })
        .collect();
    let mut objective = Expression::default();
    for (v, h) in mip.vars.iter().zip(&handles) {
        if v.obj != 0.0 {
            objective.add_mul(v.obj, *h);
        }
    }
    (vars, handles, objective)
}

fn add_rows(problem: &mut impl SolverModel, mip: &Mip, handles: &[Variable]) {
    for row in &mip.rows {
        let mut e = Expression::default();
        for (v, c) in &row.terms {
            e.add_mul(*c, handles[v.0]);
        }
        let c = match row.sense {
            Sense::Le => e.leq(row.rhs),
            Sense::Ge => e.geq(row.rhs),
            Sense::Eq => e.eq(row.rhs),
        };
        problem.add_constraint(c);
    }
}

/// HiGHS run by hand: good_lp builds the model, but its `solve` drops the
/// solved model and with it the dual bound, so this reads the bound from
/// HiGHS itself.
#[cfg(feature = "highs")]
mod with_highs {
    use good_lp::solvers::highs::HighsProblem;
    use highs::{HighsModelStatus, HighsSolutionStatus};

    use super::BackendError;
    use crate::ir::{Mip, Var};

    /// Values, proven optimal, and the proven lower bound on the same scale
    /// as `Mip::objective_of`.
    pub(super) fn run(
        problem: HighsProblem,
        mip: &Mip,
        limit: f64,
        start: &[(Var, f64)],
    ) -> Result<(Vec<f64>, bool, Option<f64>), BackendError> {
        let failed = |what: &str| BackendError::Other(format!("HiGHS: {what}"));
        let mut model = problem
            .try_into_inner()
            .map_err(|e| BackendError::Other(e.to_string()))?;
        if model.num_cols() != mip.vars.len() {
            return Err(failed("the model lost columns"));
        }
        model
            .try_set_option("time_limit", limit)
            .map_err(|_| failed("time_limit refused"))?;
        if !start.is_empty() {
            // good_lp adds one column per variable in order, so column i is
            // `mip.vars[i]`; as good_lp does, what the hint omits starts at 0.
            let mut cols = vec![0.0; mip.vars.len()];
            for (v, x) in start {
                cols[v.0] = *x;
            }
            model
                .try_set_solution(Some(&cols), None, None, None)
                .map_err(|e| failed(&format!("the start was refused ({e:?})")))?;
        }
        let solved = model
            .try_solve()
            .map_err(|e| failed(&format!("the run failed ({e:?})")))?;
        let status = solved.status();
        // The same reading of HiGHS's statuses as good_lp's own `solve`.
        let proven_optimal = match status {
            HighsModelStatus::Infeasible | HighsModelStatus::UnboundedOrInfeasible => {
                return Err(BackendError::Infeasible);
            }
            HighsModelStatus::ReachedTimeLimit
            | HighsModelStatus::ReachedSolutionLimit
            | HighsModelStatus::ReachedInterrupt
            | HighsModelStatus::ReachedIterationLimit
            | HighsModelStatus::ReachedMemoryLimit => false,
            HighsModelStatus::Optimal
            | HighsModelStatus::ObjectiveBound
            | HighsModelStatus::ObjectiveTarget => {
                // HiGHS says Optimal once the gap is within its tolerance
                // (mip_rel_gap 1e-4 by default); only a closed gap is proof.
                let gap = solved.mip_gap();
                !(gap.is_finite() && gap > 0.0)
            }
            other => return Err(failed(&format!("{other:?}"))),
        };
        if solved.primal_solution_status() != HighsSolutionStatus::Feasible {
            return Err(if proven_optimal {
                failed("optimal without a solution")
            } else {
                BackendError::NoPlanInTime
            });
        }
        let bound = if mip.vars.iter().any(|v| v.integer) {
            // HighsInfo's `mip_dual_bound`: the branch-and-bound's proven
            // lower bound (for a minimisation), set when the MIP solver stops
            // for any reason, -inf before the root relaxation is solved.
            solved.double_info_value(c"mip_dual_bound").ok()
        } else if status == HighsModelStatus::Optimal {
            // An LP solved to optimality: its objective is its bound.
            Some(solved.objective_value())
        } else {
            None
        };
        let values = solved.get_solution().columns().to_vec();
        // The highs crate passes HiGHS no objective offset (good_lp drops the
        // expression's constant), so HiGHS's bound lacks `obj_constant`.
        Ok((
            values,
            proven_optimal,
            bound
                .filter(|b| b.is_finite())
                .map(|b| b + mip.obj_constant),
        ))
    }
}

/// An LP maximised, then solved again from where it stood after each row
/// added (the band's roster bound adds one row per roster it finds:
/// milp/rosters.rs). microlp's own in every build: its dual simplex picks
/// up from the last basis, which good_lp's interface does not offer.
pub struct GrowingLp {
    problem: Option<microlp::Problem>,
    solution: Option<microlp::Solution>,
    vars: Vec<microlp::Variable>,
}

impl Default for GrowingLp {
    fn default() -> Self {
        GrowingLp {
            problem: Some(microlp::Problem::new(
                microlp::OptimizationDirection::Maximize,
            )),
            solution: None,
            vars: Vec::new(),
        }
    }
}

impl GrowingLp {
    /// A variable with objective `obj` between `lo` and `hi` (before `solve`).
    pub fn var(&mut self, obj: f64, lo: f64, hi: f64) -> usize {
        let problem = self.problem.as_mut().expect("variables come before solve");
        self.vars.push(problem.add_var(obj, (lo, hi)));
        self.vars.len() - 1
    }

    fn expr(&self, terms: &[(usize, f64)]) -> microlp::LinearExpr {
        let mut e = microlp::LinearExpr::empty();
        for &(v, a) in terms {
            e.add(self.vars[v], a);
        }
        e
    }

    fn op(sense: Sense) -> microlp::ComparisonOp {
        match sense {
            Sense::Le => microlp::ComparisonOp::Le,
            Sense::Ge => microlp::ComparisonOp::Ge,
            Sense::Eq => microlp::ComparisonOp::Eq,
        }
    }

    /// Adds a row; after `solve`, solves again with it. False if that
    /// solve failed (infeasible, out of time, numerical trouble).
    pub fn row(&mut self, terms: &[(usize, f64)], sense: Sense, rhs: f64) -> bool {
        let e = self.expr(terms);
        if let Some(problem) = self.problem.as_mut() {
            problem.add_constraint(e, Self::op(sense), rhs);
            return true;
        }
        let Some(solution) = self.solution.take() else {
            return false;
        };
        self.solution = solution
            .add_constraint(e, Self::op(sense), rhs)
            .ok()
            .and_then(|o| o.into_solution().ok());
        self.solution.is_some()
    }

    /// Solves the rows so far, within `each` and stopping at `until`;
    /// each later row's solve gets `each` too (microlp keeps a call's limit,
    /// so a caller that must stop promptly gives a short one). False if no
    /// optimum was reached.
    pub fn solve(&mut self, until: Instant, each: std::time::Duration) -> bool {
        let Some(mut problem) = self.problem.take() else {
            return self.solution.is_some();
        };
        problem.set_time_limit(until.saturating_duration_since(Instant::now()).min(each));
        self.solution = problem.solve().ok().and_then(|o| o.into_solution().ok());
        self.solution.is_some()
    }

    /// The value of `v` in the last solution (0 before one).
    pub fn value(&self, v: usize) -> f64 {
        self.solution
            .as_ref()
            .map_or(0.0, |s| s.var_value(self.vars[v]))
    }

    /// The last solution's objective (−∞ before one).
    pub fn objective(&self) -> f64 {
        self.solution
            .as_ref()
            .map_or(f64::NEG_INFINITY, microlp::Solution::objective)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// max 5a + 4b + 3c s.t. 2a + 3b + c ≤ 5, binaries (as a minimum).
    fn knapsack() -> Mip {
        let mut m = Mip::default();
        let a = m.binary("a".into(), -5.0);
        let b = m.binary("b".into(), -4.0);
        let c = m.binary("c".into(), -3.0);
        m.row(
            "w".into(),
            vec![(a, 2.0), (b, 3.0), (c, 1.0)],
            Sense::Le,
            5.0,
        );
        m
    }

    #[test]
    fn a_tiny_knapsack_is_solved_to_its_known_optimum() {
        // max 5a + 4b + 3c s.t. 2a + 3b + c <= 5, binaries: the optimum is a = b = 1, value 9.
        let m = knapsack();
        let out = solve(&m, 10.0, &[]).unwrap();
        assert!(out.proven_optimal);
        assert!((out.objective + 9.0).abs() < 1e-6, "{}", out.objective);
    }

    #[test]
    fn a_growing_lp_solves_again_after_each_row() {
        // max x + y, x ≤ 3, y ≤ 2 → 5; then x + y ≤ 4 → 4; then x ≥ 3.5 → no
        // plan (x ≤ 3).
        let far = Instant::now() + std::time::Duration::from_secs(10);
        let mut lp = GrowingLp::default();
        let x = lp.var(1.0, 0.0, 3.0);
        let y = lp.var(1.0, 0.0, 2.0);
        assert!(lp.solve(far, std::time::Duration::from_secs(10)));
        assert!((lp.objective() - 5.0).abs() < 1e-9);
        assert!(lp.row(&[(x, 1.0), (y, 1.0)], Sense::Le, 4.0));
        assert!((lp.objective() - 4.0).abs() < 1e-9);
        assert!((lp.value(x) + lp.value(y) - 4.0).abs() < 1e-9);
        assert!(!lp.row(&[(x, 1.0)], Sense::Ge, 3.5));
        assert_eq!(lp.objective(), f64::NEG_INFINITY);
    }

    #[test]
    fn infeasible_models_say_so() {
        let mut m = Mip::default();
        let a = m.binary("a".into(), 1.0);
        m.row("impossible".into(), vec![(a, 1.0)], Sense::Ge, 2.0);
        assert!(matches!(solve(&m, 5.0, &[]), Err(BackendError::Infeasible)));
    }

    #[test]
    fn the_bound_is_on_the_objectives_scale() {
        // The knapsack above plus a constant of 100: the optimum is 91, and
        // a proven bound says 91 too, not the -9 the backend saw.
        let mut m = knapsack();
        m.obj_constant = 100.0;
        let out = solve(&m, 10.0, &[]).unwrap();
        assert!(out.proven_optimal);
        assert!((out.objective - 91.0).abs() < 1e-6, "{}", out.objective);
        if let Some(bound) = out.bound {
            assert!((bound - 91.0).abs() < 1e-6, "bound {bound}");
        }
        #[cfg(feature = "highs")]
        assert!(out.bound.is_some(), "HiGHS proved 91 and has a bound");
    }

    /// A random pure-binary program: `n` variables, rows Σ a·x ≤ b with
    /// a ≥ 0 (so all zeros is a plan), an objective and a constant.
    fn random_binary_program(
        objective: &[i32],
        rows: &[(Vec<u8>, u16)],
        constant: i32,
    ) -> (Mip, f64) {
        let mut m = Mip::default();
        let x: Vec<_> = objective
            .iter()
            .enumerate()
            .map(|(i, c)| m.binary(format!("x{i}"), f64::from(*c) / 4.0))
            .collect();
        for (r, (coefs, rhs)) in rows.iter().enumerate() {
            let terms = x
                .iter()
                .zip(coefs)
                .map(|(v, a)| (*v, f64::from(*a)))
                .collect();
            m.row(format!("r{r}"), terms, Sense::Le, f64::from(*rhs));
        }
        m.obj_constant = f64::from(constant);
        let n = objective.len();
        let optimum = (0..1u32 << n)
            .map(|mask| (0..n).map(|i| f64::from(mask >> i & 1)).collect::<Vec<_>>())
            .filter(|v| m.violations(v).is_empty())
            .map(|v| m.objective_of(&v))
            .fold(f64::INFINITY, f64::min);
        (m, optimum)
    }

    /// Random binary programs: an objective over 2–10 binaries and one to
    /// three ≤ rows with small non-negative coefficients.
    fn programs() -> impl Strategy<Value = (Vec<i32>, Vec<(Vec<u8>, u16)>)> {
        (2usize..=10).prop_flat_map(|n| {
            (
                proptest::collection::vec(-40i32..=40, n),
                proptest::collection::vec(
                    (proptest::collection::vec(0u8..=9, n), 0u16..=30),
                    1..=3,
                ),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// The reported bound is a true lower bound: never above the optimum
        /// found by trying every plan, and equal to it when the backend
        /// proves optimality.
        #[test]
        fn prop_the_bound_never_exceeds_the_optimum(
            (objective, rows) in programs(),
            constant in -50i32..=50,
        ) {
            let (m, optimum) = random_binary_program(&objective, &rows, constant);
            let out = solve(&m, 10.0, &[]).unwrap();
            let slack = 1e-6 * optimum.abs().max(1.0);
            prop_assert!(out.objective >= optimum - slack, "{} < {optimum}", out.objective);
            if let Some(bound) = out.bound {
                prop_assert!(bound <= optimum + slack, "bound {bound} > optimum {optimum}");
                if out.proven_optimal {
                    prop_assert!((bound - optimum).abs() <= slack, "bound {bound}, optimum {optimum}");
                }
            }
            if out.proven_optimal {
                prop_assert!((out.objective - optimum).abs() <= slack);
            }
            #[cfg(feature = "highs")]
            prop_assert!(out.bound.is_some(), "HiGHS finished a tiny MIP without a bound");
        }

        /// Clarabel's LP bound is the LP relaxation's optimum as the other
        /// backend finds it, a hair below, and so never above the optimum;
        /// so is `lp_bound`'s, which solves a model this small by simplex.
        #[test]
        fn prop_the_lp_bound_is_the_relaxation_and_below_the_optimum(
            (objective, rows) in programs(),
            constant in -50i32..=50,
        ) {
            let (m, optimum) = random_binary_program(&objective, &rows, constant);
            let lp = solve(&m.relaxed(), 10.0, &[]).unwrap();
            prop_assert!(lp.proven_optimal);
            let by_clarabel = clarabel_bound(&m, 10.0).expect("Clarabel solves a tiny LP");
            let bound = lp_bound(&m, 10.0).expect("a tiny LP is solved");
            prop_assert!((bound - lp.objective).abs() <= 1e-9, "{bound} is not the simplex's {}", lp.objective);
            let slack = 1e-6 * optimum.abs().max(1.0);
            prop_assert!(bound <= optimum + slack, "bound {bound} > optimum {optimum}");
            prop_assert!(by_clarabel <= optimum + slack, "bound {by_clarabel} > optimum {optimum}");
            prop_assert!(by_clarabel <= lp.objective + 1e-9, "bound {by_clarabel} > LP {}", lp.objective);
            prop_assert!(
                by_clarabel >= lp.objective - 1e-4 * (1.0 + lp.objective.abs()),
                "bound {by_clarabel} far below the LP's {}", lp.objective
            );
        }
        /// The bound from branching on some variables alone lies between
        /// the LP's and the optimum found by trying every plan; branching on
        /// every variable, it is the optimum itself.
        #[test]
        fn prop_the_branch_bound_lies_between_the_lp_and_the_optimum(
            (objective, rows) in programs(),
            constant in -50i32..=50,
            chosen in proptest::collection::vec(proptest::bool::ANY, 10),
        ) {
            let (m, optimum) = random_binary_program(&objective, &rows, constant);
            let lp = solve(&m.relaxed(), 10.0, &[]).unwrap().objective;
            let some: Vec<crate::ir::Var> = (0..m.vars.len())
                .filter(|&i| chosen[i])
                .map(crate::ir::Var)
                .collect();
            let all: Vec<crate::ir::Var> = (0..m.vars.len()).map(crate::ir::Var).collect();
            let slack = 1e-6 * optimum.abs().max(1.0);
            let partly = branch_bound(&m, &some, 10.0, &[]).expect("a tiny search ends");
            prop_assert!(partly <= optimum + slack, "bound {partly} > optimum {optimum}");
            prop_assert!(partly >= lp - slack, "bound {partly} < LP {lp}");
            let wholly = branch_bound(&m, &all, 10.0, &[]).expect("a tiny search ends");
            prop_assert!((wholly - optimum).abs() <= slack, "bound {wholly}, optimum {optimum}");
        }
    }

    /// A model above `SIMPLEX_FIRST_UP_TO` variables has its LP bound from
    /// Clarabel: a hair below the simplex's exact optimum (its margin),
    /// within 10⁻⁴ of it. 70 groups of 32 binaries, one chosen in each, and
    /// two capacity rows across the groups.
    #[test]
    fn a_large_lp_is_bounded_by_the_interior_point_a_hair_below_the_simplex() {
        let mut m = Mip::default();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |hi: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % hi
        };
        let (groups, size) = (70, 32);
        let mut caps = vec![Vec::new(), Vec::new()];
        for g in 0..groups {
            let members: Vec<(crate::ir::Var, f64)> = (0..size)
                .map(|i| (m.binary(format!("x{g}_{i}"), next(100) as f64), 1.0))
                .collect();
            for (i, (v, _)) in members.iter().enumerate() {
                caps[i % 2].push((*v, 1.0 + next(5) as f64));
            }
            m.row(format!("one[{g}]"), members, Sense::Eq, 1.0);
        }
        for (c, terms) in caps.into_iter().enumerate() {
            m.row(format!("cap[{c}]"), terms, Sense::Le, 140.0);
        }
        m.obj_constant = 7.0;
        assert!(m.vars.len() > SIMPLEX_FIRST_UP_TO);
        let lp = solve(&m.relaxed(), 60.0, &[]).unwrap();
        assert!(lp.proven_optimal);
        let bound = lp_bound(&m, 60.0).expect("Clarabel solves it");
        let scale = 1.0 + lp.objective.abs();
        assert!(
            bound < lp.objective - 1e-7 * scale,
            "{bound} vs {}: not Clarabel's",
            lp.objective
        );
        assert!(
            bound >= lp.objective - 1e-4 * scale,
            "{bound} far below {}",
            lp.objective
        );
    }

    #[cfg(feature = "highs")]
    mod highs {
        use super::super::*;

        /// A multi-dimensional knapsack too big to close in a tenth of a
        /// second: 300 binaries, 10 rows, profits tied to weights.
        fn hard_knapsack() -> Mip {
            let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
            let mut next = move |hi: u64| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                1 + seed % hi
            };
            let n = 300;
            let weights: Vec<Vec<f64>> = (0..10)
                .map(|_| (0..n).map(|_| next(1000) as f64).collect())
                .collect();
            let mut m = Mip::default();
            let x: Vec<_> = (0..n)
                .map(|i| {
                    let mean = weights.iter().map(|w| w[i]).sum::<f64>() / 10.0;
                    m.binary(format!("x{i}"), -(mean + next(500) as f64))
                })
                .collect();
            for (r, w) in weights.iter().enumerate() {
                let capacity = w.iter().sum::<f64>() / 2.0;
                m.row(
                    format!("r{r}"),
                    x.iter().zip(w).map(|(v, a)| (*v, *a)).collect(),
                    Sense::Le,
                    capacity,
                );
            }
            m
        }

        #[test]
        fn a_stopped_highs_still_reports_a_bound_below_its_plan() {
            let mut m = hard_knapsack();
            m.obj_constant = 1e5;
            let start: Vec<_> = (0..m.vars.len())
                .map(|i| (crate::ir::Var(i), 0.0))
                .collect();
            let out = solve(&m, 0.1, &start).unwrap();
            assert!(
                !out.proven_optimal,
                "closed in 0.1 s: the test needs a harder model"
            );
            let bound = out.bound.expect("HiGHS has a root bound after 0.1 s");
            assert!(
                bound <= out.objective + 1e-6,
                "bound {bound} > plan {}",
                out.objective
            );
            // The LP relaxation bounds the MIP from below, and so does the
            // MIP's dual bound: the relaxation cannot be above it.
            let relaxed = solve(&m.relaxed(), 10.0, &[]).unwrap();
            assert!(relaxed.proven_optimal);
            let lp_bound = relaxed
                .bound
                .expect("an LP solved to optimality is its own bound");
            assert!((lp_bound - relaxed.objective).abs() <= 1e-6 * lp_bound.abs());
            assert!(
                relaxed.objective <= bound + 1e-6 * bound.abs(),
                "LP {} above the MIP bound {bound}",
                relaxed.objective
            );
            assert!(bound < 1e5, "the constant is kept: {bound}");
        }

        #[test]
        fn an_early_bound_stays_below_a_later_plan() {
            let m = hard_knapsack();
            let stopped = solve(&m, 0.1, &[]).unwrap();
            let longer = solve(&m, 2.0, &[]).unwrap();
            for bound in [stopped.bound, longer.bound].into_iter().flatten() {
                for plan in [stopped.objective, longer.objective] {
                    assert!(bound <= plan + 1e-6, "bound {bound} > plan {plan}");
                }
            }
        }
    }
}
