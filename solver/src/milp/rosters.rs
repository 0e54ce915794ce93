//! Personal rosters: a lower bound on a model's optimum from its
//! Dantzig–Wolfe reformulation (docs/model.md §5.3, rows (18) and (19)).
//!
//! Each person's 0/1 variables and the rows that name only them and cap
//! them (≤ rows with non-negative coefficients: one post at a time, per day,
//! per week, the band's load cap) form that person's block. A roster is one
//! whole choice for the block that keeps its rows. The reformulation picks a
//! mix of rosters per person (row (19): the weights sum to 1) and keeps every
//! other row as it is (row (18)). Its LP bound is at least the compact LP's,
//! and above it wherever a person's capped load cannot be filled with whole
//! posts — what the compact LP hides by splitting posts.
//!
//! The bound is Lagrangian: for any multipliers π of the rows outside the
//! blocks (≥ 0 on ≥ rows, ≤ 0 on ≤ rows), the least of the Lagrangian —
//! each person's best roster at the reduced costs, found by a search over
//! their variables (where the search is cut short, its bound from above
//! stands in) — is a true lower bound, whatever π is. The π come from a
//! master LP over the rosters found so far (solved as its dual with
//! microlp, one row added per new roster), so the bound climbs to the
//! reformulation's LP value; every π is priced, never trusted, so an
//! imprecise LP costs strength, not truth. (A reduced cost within 10⁻¹² of
//! zero counts as zero.)

use crate::backend::GrowingLp;
use crate::ir::{Mip, Sense};
use price::{best_roster, Block};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Most time one solve of the master may take (microlp cannot be told to
/// stop during a solve; the bound beside phase 2 must stop when it ends).
const MASTER_CALL: std::time::Duration = std::time::Duration::from_secs(1);

/// The result of `bound`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bound {
    /// The best true lower bound found (None: no round finished exactly).
    pub value: Option<f64>,
    /// The reformulation's LP value was reached (no roster can improve it).
    pub converged: bool,
}

/// Rosters found so far (each the model variables it sets to 1), to start
/// the next bound of a similar model from: those that keep its rows are
/// used, the others left.
pub(crate) type Found = Vec<Vec<usize>>;

/// A lower bound on the least objective of `mip` (with its constant).
/// Stops as soon as the bound exceeds `enough` (when given) or the master
/// shows it will not, at `until`, or once `stop` is set. Starts from the
/// rosters in `found` that fit, and adds those it finds.
pub(crate) fn bound(
    mip: &Mip,
    enough: Option<f64>,
    until: Instant,
    stop: &AtomicBool,
    found: &mut Found,
) -> Bound {
    match Split::of(mip) {
        Some(split) => split.run(mip, enough, until, stop, found),
        // The locked choices break a person's own caps: no plan, no bound.
        None => Bound {
            value: None,
            converged: false,
        },
    }
}

/// The model split into blocks and the rows that link them.
struct Split {
    blocks: Vec<Block>,
    /// Rows outside every block (indices into mip.rows).
    linking: Vec<usize>,
    /// Per variable: (position in `linking`, coefficient).
    column: Vec<Vec<(usize, f64)>>,
    /// Variables in no block (kept whole in the master).
    free: Vec<usize>,
}

impl Split {
    fn of(mip: &Mip) -> Option<Split> {
        let n = mip.vars.len();
        let in_block = |j: usize| {
            let v = &mip.vars[j];
            v.owner.is_some() && v.integer && v.lo >= 0.0 && v.hi <= 1.0
        };
        let mut block_rows: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut linking = Vec::new();
        for (i, row) in mip.rows.iter().enumerate() {
            let owner = row.terms.first().and_then(|(v, _)| mip.vars[v.0].owner);
            let capping = row.sense == Sense::Le
                && row
                    .terms
                    .iter()
                    .all(|(v, a)| *a >= 0.0 && in_block(v.0) && mip.vars[v.0].owner == owner);
            match owner {
                Some(p) if capping => block_rows.entry(p).or_default().push(i),
                _ => linking.push(i),
            }
        }
        let mut column = vec![Vec::new(); n];
        for (k, &i) in linking.iter().enumerate() {
            for (v, a) in &mip.rows[i].terms {
                column[v.0].push((k, *a));
            }
        }
        let mut by_owner: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut free = Vec::new();
        for j in 0..n {
            if in_block(j) && mip.vars[j].hi > 0.5 {
                by_owner
                    .entry(mip.vars[j].owner.unwrap_or_default())
                    .or_default()
                    .push(j);
            } else if !in_block(j) {
                free.push(j);
            }
        }
        let mut blocks = Vec::new();
        for (p, vars) in by_owner {
            let (forced, vars): (Vec<usize>, Vec<usize>) =
                vars.into_iter().partition(|&j| mip.vars[j].lo > 0.5);
            let local: BTreeMap<usize, usize> =
                vars.iter().enumerate().map(|(k, &j)| (j, k)).collect();
            let mut rows = Vec::new();
            for &i in block_rows.get(&p).map_or(&[][..], |r| &r[..]) {
                let row = &mip.rows[i];
                let mut left = row.rhs;
                let mut terms = Vec::new();
                for (v, a) in &row.terms {
                    if forced.contains(&v.0) {
                        left -= a;
                    } else if let Some(&k) = local.get(&v.0) {
                        terms.push((k, *a));
                    }
                }
                if left < -1e-9 {
                    return None; // the forced choices break a cap: no plan at all
                }
                rows.push((terms, left));
            }
            blocks.push(Block { vars, forced, rows });
        }
        Some(Split {
            blocks,
            linking,
            column,
            free,
        })
    }

    fn reduced(&self, mip: &Mip, pi: &[f64], j: usize) -> f64 {
        mip.vars[j].obj - self.column[j].iter().map(|(k, a)| pi[*k] * a).sum::<f64>()
    }

    /// The Lagrangian at `pi` (signs already right; None where a free
    /// variable makes it unbounded), each person's best roster found with
    /// its reduced cost, and whether every search finished.
    #[allow(clippy::type_complexity)]
    fn lagrangian(
        &self,
        mip: &Mip,
        pi: &[f64],
        until: Instant,
        stop: &AtomicBool,
    ) -> (Option<f64>, Vec<(f64, Vec<usize>)>, bool) {
        let mut total = mip.obj_constant;
        let mut bounded = true;
        let mut inexact = false;
        for (k, &i) in self.linking.iter().enumerate() {
            total += pi[k] * mip.rows[i].rhs;
        }
        for &j in &self.free {
            let rc = self.reduced(mip, pi, j);
            let v = &mip.vars[j];
            let at = if rc > 0.0 { v.lo } else { v.hi };
            if rc.abs() > 1e-12 {
                if at.is_finite() {
                    total += rc * at;
                } else {
                    bounded = false;
                }
            }
        }
        let best: Vec<(f64, Vec<usize>)> = self
            .blocks
            .iter()
            .map(|b| {
                let rc: Vec<f64> = b.vars.iter().map(|&j| self.reduced(mip, pi, j)).collect();
                let fixed: f64 = b.forced.iter().map(|&j| self.reduced(mip, pi, j)).sum();
                let priced = best_roster(b, &rc, until, stop);
                if priced.upper > priced.best.0 {
                    inexact = true;
                }
                total += fixed - priced.upper;
                (fixed - priced.best.0, priced.best.1)
            })
            .collect();
        (bounded.then_some(total), best, !inexact)
    }

    fn run(
        &self,
        mip: &Mip,
        enough: Option<f64>,
        until: Instant,
        stop: &AtomicBool,
        found: &mut Found,
    ) -> Bound {
        let scale = mip.vars.iter().map(|v| v.obj.abs()).fold(1.0, f64::max);
        found.sort_unstable();
        found.dedup();
        // The master: the reformulation's dual over the rosters found, its
        // multipliers boxed (a box only weakens the bound, never falsifies
        // it: every π is priced exactly below).
        let cap = 10.0 * scale;
        let mut master = GrowingLp::default();
        let pi: Vec<usize> = self
            .linking
            .iter()
            .map(|&i| {
                let row = &mip.rows[i];
                let (lo, hi) = match row.sense {
                    Sense::Ge => (0.0, cap),
                    Sense::Le => (-cap, 0.0),
                    Sense::Eq => (-cap, cap),
                };
                master.var(row.rhs, lo, hi)
            })
            .collect();
        let mu: Vec<usize> = self
            .blocks
            .iter()
            .map(|_| master.var(1.0, f64::NEG_INFINITY, f64::INFINITY))
            .collect();
        // The free variables: w_j ≤ reduced cost × each finite bound, and
        // the reduced cost's sign where a bound is infinite.
        for &j in &self.free {
            let v = &mip.vars[j];
            let w = master.var(1.0, f64::NEG_INFINITY, f64::INFINITY);
            for at in [v.lo, v.hi] {
                if at.is_finite() {
                    let mut terms = vec![(w, 1.0)];
                    terms.extend(self.column[j].iter().map(|&(k, a)| (pi[k], a * at)));
                    master.row(&terms, Sense::Le, at * v.obj);
                } else {
                    let terms: Vec<(usize, f64)> =
                        self.column[j].iter().map(|&(k, a)| (pi[k], a)).collect();
                    let sense = if at > 0.0 { Sense::Le } else { Sense::Ge };
                    master.row(&terms, sense, v.obj);
                }
            }
        }
        // Each person's forced roster (usually the empty one), and the
        // rosters found before that still fit.
        let block_of: BTreeMap<usize, usize> = self
            .blocks
            .iter()
            .enumerate()
            .flat_map(|(b, block)| block.vars.iter().chain(&block.forced).map(move |&j| (j, b)))
            .collect();
        for (b, block) in self.blocks.iter().enumerate() {
            let (terms, cost) = self.roster_row(mip, &pi, mu[b], block, &[]);
            master.row(&terms, Sense::Le, cost);
        }
        for roster in found.iter() {
            let Some(&b) = roster.first().and_then(|j| block_of.get(j)) else {
                continue;
            };
            if let Some(chosen) = self.blocks[b].fitting(roster) {
                let (terms, cost) = self.roster_row(mip, &pi, mu[b], &self.blocks[b], &chosen);
                master.row(&terms, Sense::Le, cost);
            }
        }
        let mut best: Option<f64> = None;
        let mut converged = false;
        let mut solved = master.solve(until, MASTER_CALL);
        while solved && Instant::now() < until && !stop.load(Ordering::Relaxed) {
            let signed: Vec<f64> = self
                .linking
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let x = master.value(pi[k]);
                    match mip.rows[i].sense {
                        Sense::Ge => x.max(0.0),
                        Sense::Le => x.min(0.0),
                        Sense::Eq => x,
                    }
                })
                .collect();
            let (value, rosters, exact) = self.lagrangian(mip, &signed, until, stop);
            if let Some(v) = value {
                best = Some(best.map_or(v, |b: f64| b.max(v)));
            }
            if enough.is_some_and(|e| best.is_some_and(|b| b > e)) {
                break;
            }
            // The master relaxes the reformulation's dual (fewer rosters):
            // at or below `enough`, no π in its box takes the bound past it.
            if enough.is_some_and(|e| master.objective() <= e + 1e-9) {
                break;
            }
            let now: Vec<f64> = mu.iter().map(|&m| master.value(m)).collect();
            let mut added = false;
            for (b, (value, chosen)) in rosters.iter().enumerate() {
                if *value < now[b] - 1e-7 * scale && solved {
                    let block = &self.blocks[b];
                    found.push(
                        block
                            .forced
                            .iter()
                            .copied()
                            .chain(chosen.iter().map(|&k| block.vars[k]))
                            .collect(),
                    );
                    let (terms, cost) = self.roster_row(mip, &pi, mu[b], block, chosen);
                    solved = master.row(&terms, Sense::Le, cost);
                    added = true;
                }
            }
            if !added {
                converged = value.is_some() && exact;
                break;
            }
        }
        Bound {
            value: best,
            converged,
        }
    }

    /// The master's row for a roster of `block`: μ + π·(its linking
    /// coefficients) ≤ its cost, as (terms, cost).
    fn roster_row(
        &self,
        mip: &Mip,
        pi: &[usize],
        mu: usize,
        block: &Block,
        chosen: &[usize],
    ) -> (Vec<(usize, f64)>, f64) {
        let mut coef: BTreeMap<usize, f64> = BTreeMap::new();
        let mut cost = 0.0;
        for &j in block
            .forced
            .iter()
            .chain(chosen.iter().map(|&k| &block.vars[k]))
        {
            cost += mip.vars[j].obj;
            for (k, a) in &self.column[j] {
                *coef.entry(*k).or_default() += a;
            }
        }
        let mut terms = vec![(mu, 1.0)];
        terms.extend(
            coef.into_iter()
                .filter(|(_, a)| *a != 0.0)
                .map(|(k, a)| (pi[k], a)),
        );
        (terms, cost)
    }
}

mod price;
#[cfg(test)]
mod tests;
