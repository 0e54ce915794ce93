//! The one file that names solver backends (good_lp's own `solvers/` pattern):
//! microlp, embedded and pure Rust, by default; HiGHS with the `highs` feature.

use std::time::Instant;

use good_lp::{
    variable, Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable,
    WithTimeLimit,
};

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
    let mut vars = ProblemVariables::new();
    let handles: Vec<Variable> = mip
        .vars
        .iter()
        .map(|v| {
            let mut def = variable().min(v.lo);
            if v.hi.is_finite() {
                def = def.max(v.hi);
            }
            if v.integer {
                def = def.integer();
            }
            vars.add(def)
        })
        .collect();
    let mut objective = Expression::from(mip.obj_constant);
    for (v, h) in mip.vars.iter().zip(&handles) {
        if v.obj != 0.0 {
            objective.add_mul(v.obj, *h);
        }
    }
    let limit = time_limit_seconds.max(0.1);
    #[cfg(feature = "highs")]
    let mut problem = vars
        .minimise(objective)
        .using(good_lp::solvers::highs::highs)
        .with_time_limit(limit);
    #[cfg(not(feature = "highs"))]
    let mut problem = vars
        .minimise(objective)
        .using(good_lp::solvers::microlp::microlp)
        .with_time_limit(limit);
    if !start.is_empty() {
        use good_lp::WithInitialSolution;
        problem = problem.with_initial_solution(start.iter().map(|(v, x)| (handles[v.0], *x)));
    }
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
    let solution = problem.solve().map_err(|e| match e {
        ResolutionError::Infeasible => BackendError::Infeasible,
        ResolutionError::Other(msg) if msg.contains("Time limit") => BackendError::NoPlanInTime,
        other => BackendError::Other(other.to_string()),
    })?;
    let values: Vec<f64> = handles.iter().map(|h| solution.value(*h)).collect();
    let proven_optimal = matches!(solution.status(), good_lp::SolutionStatus::Optimal);
    let bound = bound_of(solution);
    Ok(Outcome {
        objective: mip.objective_of(&values),
        values,
        proven_optimal,
        bound,
        seconds: started.elapsed().as_secs_f64(),
    })
}

#[cfg(not(feature = "highs"))]
fn bound_of(solution: good_lp::solvers::microlp::MicroLpSolution) -> Option<f64> {
    solution.into_inner().stats().best_bound
}

#[cfg(feature = "highs")]
fn bound_of(_solution: good_lp::solvers::highs::HighsSolution) -> Option<f64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tiny_knapsack_is_solved_to_its_known_optimum() {
        // max 5a + 4b + 3c s.t. 2a + 3b + c <= 5, binaries: the optimum is a = b = 1, value 9.
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
        let out = solve(&m, 10.0, &[]).unwrap();
        assert!(out.proven_optimal);
        assert!((out.objective + 9.0).abs() < 1e-6, "{}", out.objective);
    }

    #[test]
    fn infeasible_models_say_so() {
        let mut m = Mip::default();
        let a = m.binary("a".into(), 1.0);
        m.row("impossible".into(), vec![(a, 1.0)], Sense::Ge, 2.0);
        assert!(matches!(solve(&m, 5.0, &[]), Err(BackendError::Infeasible)));
    }
}
