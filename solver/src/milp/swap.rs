//! Swap search (docs/model.md §6): hands a post of a pool from one person to
//! another who could take it, keeping a move only when every row of the
//! model that it touches still holds and the objective goes down. It works on
//! kehou's own model (ir.rs), so it keeps exactly the constraints the MILP
//! keeps; each person's load choice (15) and idle gaps (14) are recomputed as
//! `Terms::complete` does. Thousands of moves a second, where a
//! neighbourhood MILP takes a fraction of a second.

use crate::ir::{Mip, Sense, Var};
use crate::milp::deadline::Deadline;
use crate::milp::objective::{Choice, Gap, Terms};

const EPS: f64 = 1e-6;

pub struct Swapper<'a> {
    mip: &'a Mip,
    /// Rows that name each variable.
    rows_of: Vec<Vec<usize>>,
    /// Each pool's (person, x variable).
    pools: Vec<Vec<(usize, Var)>>,
    /// Each person's load choices and idle gaps.
    choices: Vec<Vec<&'a Choice>>,
    gaps: Vec<Vec<&'a Gap>>,
}

impl<'a> Swapper<'a> {
    pub fn new(
        mip: &'a Mip,
        pools: Vec<Vec<(usize, Var)>>,
        terms: &'a Terms,
        people: usize,
    ) -> Swapper<'a> {
        let mut rows_of = vec![Vec::new(); mip.vars.len()];
        for (r, row) in mip.rows.iter().enumerate() {
            for (v, _) in &row.terms {
                rows_of[v.0].push(r);
            }
        }
        let mut choices = vec![Vec::new(); people];
        for c in &terms.choices {
            if let Some(p) = mip.vars[c.over.0].owner {
                choices[p].push(c);
            }
        }
        let mut gaps = vec![Vec::new(); people];
        for g in &terms.gap_rows {
            if let Some(p) = mip.vars[g.var.0].owner {
                gaps[p].push(g);
            }
        }
        Swapper {
            mip,
            rows_of,
            pools,
            choices,
            gaps,
        }
    }

    /// Improves `values` (a feasible solution) by swaps until no swap helps
    /// or `deadline`; returns the number of moves made.
    pub fn improve(&self, values: &mut [f64], deadline: Deadline<'_>) -> u32 {
        let mut activity: Vec<f64> = self
            .mip
            .rows
            .iter()
            .map(|r| r.terms.iter().map(|(v, c)| c * values[v.0]).sum())
            .collect();
        let mut moves = 0;
        let mut improved = true;
        while improved && !deadline.passed() {
            improved = false;
            for pool in &self.pools {
                for &(a, xa) in pool {
                    if values[xa.0] < 0.5 {
                        continue;
                    }
                    for &(b, xb) in pool {
                        if values[xb.0] > 0.5 || a == b {
                            continue;
                        }
                        if self.try_move(values, &mut activity, &[(xa, 0.0), (xb, 1.0)], &[a, b]) {
                            moves += 1;
                            improved = true;
                            break;
                        }
                    }
                }
                if deadline.passed() {
                    break;
                }
            }
        }
        moves
    }

    /// Applies `changes` and the recomputed choices and gaps of `people`;
    /// keeps them if every touched row holds and the objective drops.
    fn try_move(
        &self,
        values: &mut [f64],
        activity: &mut [f64],
        changes: &[(Var, f64)],
        people: &[usize],
    ) -> bool {
        let mut undo: Vec<(Var, f64)> = Vec::new();
        let set = |v: Var,
                   x: f64,
                   values: &mut [f64],
                   activity: &mut [f64],
                   undo: &mut Vec<(Var, f64)>| {
            let old = values[v.0];
            if (old - x).abs() >= 1e-12 {
                undo.push((v, old));
                self.assign(v, x, values, activity);
            }
        };
        for &(v, x) in changes {
            set(v, x, values, activity, &mut undo);
        }
        for &p in people {
            for c in &self.choices[p] {
                let value: f64 = c
                    .expr
                    .iter()
                    .map(|(v, k)| values[v.0].round() * *k as f64)
                    .sum();
                let best = c
                    .offered
                    .iter()
                    .min_by(|x, y| {
                        (x.1 as f64 - value)
                            .abs()
                            .total_cmp(&(y.1 as f64 - value).abs())
                    })
                    .map_or(0, |b| b.1);
                for (w, v) in &c.offered {
                    set(
                        *w,
                        if *v == best { 1.0 } else { 0.0 },
                        values,
                        activity,
                        &mut undo,
                    );
                }
                let diff = value - best as f64;
                set(c.over, diff.max(0.0), values, activity, &mut undo);
                set(c.under, (-diff).max(0.0), values, activity, &mut undo);
            }
            for g in &self.gaps[p] {
                let sum = |vars: &[Var]| vars.iter().map(|v| values[v.0].round()).sum::<f64>();
                let gap = (sum(&g.basic) + sum(&g.late) - 1.0 - sum(&g.extended)).max(0.0);
                set(g.var, gap, values, activity, &mut undo);
            }
        }
        let delta: f64 = undo
            .iter()
            .map(|(v, old)| self.mip.vars[v.0].obj * (values[v.0] - old))
            .sum();
        let holds = undo.iter().all(|(v, _)| {
            self.rows_of[v.0].iter().all(|&r| {
                let row = &self.mip.rows[r];
                match row.sense {
                    Sense::Le => activity[r] <= row.rhs + EPS,
                    Sense::Ge => activity[r] >= row.rhs - EPS,
                    Sense::Eq => (activity[r] - row.rhs).abs() <= EPS,
                }
            })
        });
        if holds && delta < -EPS {
            return true;
        }
        for (v, old) in undo.into_iter().rev() {
            self.assign(v, old, values, activity);
        }
        false
    }

    /// Sets `v` to `x`, keeping the rows' activities up to date.
    fn assign(&self, v: Var, x: f64, values: &mut [f64], activity: &mut [f64]) {
        let old = values[v.0];
        values[v.0] = x;
        for &r in &self.rows_of[v.0] {
            let c = self.mip.rows[r]
                .terms
                .iter()
                .find(|(w, _)| *w == v)
                .map_or(0.0, |(_, c)| *c);
            activity[r] += c * (x - old);
        }
    }
}
