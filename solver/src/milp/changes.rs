//! Minimal-change re-solves (docs/model.md §5.2): the previous plan's
//! assignments as the model's variables, and phase C, which keeps as many of
//! them as it can at the coverage phase 1 reached. Phase 2 then may change
//! at most that many more (or the caller's `max_changes`).

use std::collections::BTreeMap;

use crate::backend;
use crate::ir::{Sense, Var};
use crate::milp::build::Model;
use crate::milp::deadline::Deadline;
use crate::plan::Plan;

/// Each variable that keeps assignments of `previous`, with how many: a
/// club leader's variable keeps every meeting they led.
pub(crate) fn keep_vars(model: &Model, previous: &Plan) -> Vec<(Var, f64)> {
    let mut keep: BTreeMap<Var, f64> = BTreeMap::new();
    for post in &previous.posts {
        let Some(i) = model.demand.index_of(&post.id) else {
            continue;
        };
        for a in &post.staff {
            let Some(p) = model.school.staff.iter().position(|s| s.id == a.staff) else {
                continue;
            };
            if let Some(v) = model.meeting_var(p, i, a.role) {
                *keep.entry(v).or_default() += 1.0;
            }
        }
    }
    keep.into_iter().collect()
}

/// Assignments of `keep` that `values` keeps.
pub(crate) fn kept(keep: &[(Var, f64)], values: &[f64]) -> f64 {
    keep.iter()
        .map(|(v, w)| if values[v.0] > 0.5 { *w } else { 0.0 })
        .sum()
}

/// Phase C: as many of the previous assignments as possible at unmet
/// demand at most `unmet`, from `values`; returns the better of the two.
pub(crate) fn fewest_changes(
    model: &Model,
    keep: &[(Var, f64)],
    values: Vec<f64>,
    unmet: f64,
    deadline: Deadline<'_>,
) -> Vec<f64> {
    let mut mip = model.mip.clone();
    mip.row(
        "unmet_at_most_phase1".into(),
        model.unmet.clone(),
        Sense::Le,
        unmet + 1e-6,
    );
    for (v, w) in keep {
        mip.add_obj(*v, -w);
    }
    match backend::solve(&mip, deadline.seconds_left().max(0.1), &mip.hint(&values)) {
        Ok(out) if kept(keep, &out.values) > kept(keep, &values) + 0.5 => out.values,
        _ => values,
    }
}
