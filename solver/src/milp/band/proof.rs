//! The band's heaviest proven from whole rosters (docs/model.md §5.3, rows
//! (18) and (19)), on the machine's other core while phase 2 improves the
//! plan: the bound only reports, so it need not wait for, nor slow, the
//! plan. It owns what it needs (phase 2 goes on changing the model).

use super::{share, teachers, Found};
use crate::ir::{Mip, Sense, Var};
use crate::milp::build::Model;
use crate::milp::rosters;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// "Can every post be covered as well with every teacher at most H × their
/// share?", asked of whole rosters for H from the LP's bound upward.
pub(crate) struct RosterProof {
    /// Phase 1's model, its unmet demand as the objective.
    base: Mip,
    /// Per teacher: their load's terms and their share.
    loads: Vec<(Vec<(Var, f64)>, f64)>,
    /// The coverage reached: more unmet than this is "impossible".
    unmet_max: f64,
    /// Over the cycle: the LP's bound, the value that would prove the band,
    /// the step.
    from: f64,
    to: f64,
    res: f64,
    weeks: f64,
    /// Rosters to start from: the plan's own, then those found.
    found: rosters::Found,
}

impl RosterProof {
    /// For the band `found` of the plan `values` at unmet demand
    /// `unmet_max`; None where there is nothing left to prove or the
    /// rosters are out of reach: only one-week cycles, since over
    /// two weeks the medium demo's master needed more than 40 s for one H.
    pub(crate) fn for_band(
        model: &Model,
        found: &Found,
        values: &[f64],
        unmet_max: f64,
    ) -> Option<RosterProof> {
        let weeks = f64::from(model.demand.cycle_weeks.max(1));
        let res = super::RESOLUTION * weeks;
        let to = found.band.heaviest * weeks - res;
        // From the best bound the band has (the exact probe may have
        // proven more than the LP).
        let proven = found.band.heaviest_bound.map(|b| b * weeks);
        let from = found.lp_bound?.max(proven.unwrap_or(f64::NEG_INFINITY));
        (model.demand.cycle_weeks <= 1 && to > from)
            .then(|| RosterProof::new(model, values, unmet_max, from, to))
    }

    /// Asks about H in [`from`, `to`] (over the cycle), starting from the
    /// rosters of the plan `values`.
    pub(crate) fn new(
        model: &Model,
        values: &[f64],
        unmet_max: f64,
        from: f64,
        to: f64,
    ) -> RosterProof {
        let mut base = model.mip.clone();
        for v in &mut base.vars {
            v.obj = 0.0;
        }
        base.obj_constant = 0.0;
        for (v, w) in &model.unmet {
            base.add_obj(*v, *w);
        }
        let weeks = f64::from(model.demand.cycle_weeks.max(1));
        let mut by_person = std::collections::BTreeMap::<usize, Vec<usize>>::new();
        for (j, v) in model.mip.vars.iter().enumerate() {
            if let Some(p) = v.owner.filter(|_| values.get(j).is_some_and(|x| *x > 0.5)) {
                by_person.entry(p).or_default().push(j);
            }
        }
        let found = by_person.into_values().collect();
        RosterProof {
            base,
            loads: teachers(model)
                .into_iter()
                .map(|p| (model.load_terms(p), share(model, p)))
                .filter(|(terms, _)| !terms.is_empty())
                .collect(),
            unmet_max,
            from,
            to,
            res: super::RESOLUTION * weeks,
            weeks,
            found,
        }
    }

    /// Do whole rosters prove that no plan keeps every teacher ≤ h × share?
    fn impossible(&mut self, h: f64, until: Instant, stop: &AtomicBool) -> bool {
        let mut probe = self.base.clone();
        for (n, (terms, share)) in self.loads.iter().enumerate() {
            probe.row(
                format!("band_high[{n}]"),
                terms.clone(),
                Sense::Le,
                h * share,
            );
        }
        let enough = self.unmet_max + 1e-6;
        rosters::bound(&probe, Some(enough), until, stop, &mut self.found)
            .value
            .is_some_and(|b| b > enough)
    }

    /// The largest H (per week, to the resolution) proven, if any: up from
    /// the LP's bound in growing steps (the rosters' bound lies a few
    /// minutes above it, and a step past it costs a whole master), then
    /// halving between the last proven and the first unproven; `to` proven
    /// proves the band. Stops at `until` or when `stop` is set.
    pub(crate) fn run(mut self, until: Instant, stop: &AtomicBool) -> Option<f64> {
        let going = |stop: &AtomicBool| Instant::now() < until && !stop.load(Ordering::Relaxed);
        let mut low = self.from;
        let mut high = None;
        let mut proven = None;
        let mut step = self.res;
        while going(stop) {
            let h = (low + step).min(self.to);
            if self.impossible(h, until, stop) {
                proven = Some(h);
                low = h;
                if h >= self.to {
                    break;
                }
                step *= 2.0;
            } else {
                high = Some(h);
                break;
            }
        }
        if let Some(mut high) = high {
            while high - low > self.res && going(stop) {
                let mid = f64::midpoint(low, high);
                if self.impossible(mid, until, stop) {
                    low = mid;
                    proven = Some(mid);
                } else {
                    high = mid;
                }
            }
        }
        proven.map(|h| h / self.weeks)
    }
}
