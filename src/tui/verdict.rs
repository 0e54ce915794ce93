//! After a solve: is the new plan better or worse than the one it replaces?
//! A short clause for the status line (`; fairness 2885 → 3400, worse`), so a
//! quick re-solve never silently swaps a good plan for a poorer one.

use kehou_solver::plan::SolveStatus;
use kehou_solver::Plan;

use super::text::{fill, Text};

/// The figure that tells the two plans apart, in order of weight: unmet
/// posts, then fairness, then the whole objective (lower is better for each).
/// `None` when the old plan was never solved (nothing to compare with).
pub fn compare(old: &Plan, new: &Plan, t: &Text) -> Option<String> {
    if matches!(
        old.solve.status,
        SolveStatus::NotSolved | SolveStatus::NoPlan
    ) {
        return None;
    }
    let term = |plan: &Plan, name: &str| {
        plan.solve
            .objective
            .iter()
            .find(|o| o.name == name)
            .map(|o| o.value)
    };
    let (what, before, after) = {
        let (u0, u1) = (old.unmet().count(), new.unmet().count());
        if u0 == u1 {
            // The new solve measured the old plan with its own targets
            // where it could (a re-solve): like with like.
            let before = new
                .solve
                .changes
                .and_then(|c| c.fairness_before)
                .or_else(|| term(old, "fairness"));
            match (before, term(new, "fairness")) {
                (Some(a), Some(b)) => (t.solve_term_fairness, a, b),
                _ => (
                    t.solve_term_total,
                    old.solve.objective_value?,
                    new.solve.objective_value?,
                ),
            }
        } else {
            (t.solve_term_unmet, u0 as f64, u1 as f64)
        }
    };
    let (a, b) = (format!("{before:.0}"), format!("{after:.0}"));
    let verdict = if a == b {
        t.solve_verdict[2]
    } else if after < before {
        t.solve_verdict[0]
    } else {
        t.solve_verdict[1]
    };
    Some(fill(t.solve_compare, &[&what, &a, &b, &verdict]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::text::Lang;
    use kehou_solver::plan::ObjectiveTerm;

    fn plan(fairness: f64, total: f64) -> Plan {
        let mut p = Plan::empty(String::new(), 1);
        p.solve.status = SolveStatus::Feasible;
        p.solve.objective = vec![ObjectiveTerm {
            name: "fairness".into(),
            value: fairness,
        }];
        p.solve.objective_value = Some(total);
        p
    }

    #[test]
    fn says_which_way_the_figure_went() {
        let en = Lang::En.text();
        let (old, new) = (plan(2885.1, 3470.0), plan(3400.4, 4000.0));
        assert_eq!(
            compare(&old, &new, en).as_deref(),
            Some("; fairness 2885 → 3400, worse")
        );
        assert_eq!(
            compare(&new, &old, en).as_deref(),
            Some("; fairness 3400 → 2885, better")
        );
        assert_eq!(
            compare(&old, &old, Lang::Zh.text()).as_deref(),
            Some("；公平性 2885 → 2885，持平")
        );
        // Nothing to compare with before the first solve.
        assert_eq!(compare(&Plan::empty(String::new(), 1), &new, en), None);
    }
}
