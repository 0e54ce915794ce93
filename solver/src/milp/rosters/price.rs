//! A person's best roster at given reduced costs (docs/model.md §5.3): a
//! depth-first search over their variables, bounded so that what it
//! reports as the most gain is never below the truth.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Most search nodes for one person's best roster; past it (or past the
/// bound's time) the search's root bound stands in for the best.
const NODES: usize = 400_000;

/// One person's block: their 0/1 variables and the rows that cap only them.
pub(super) struct Block {
    /// The model variables that may be 0 or 1 (not the forced ones).
    pub vars: Vec<usize>,
    /// The model variables fixed at 1 (a lock).
    pub forced: Vec<usize>,
    /// Rows over `vars` (local indices), with what the forced ones leave.
    pub rows: Vec<(Vec<(usize, f64)>, f64)>,
}

impl Block {
    /// `roster` (model variables) as this block's local indices, if it is
    /// one of its rosters: every forced variable in it, and its rows kept.
    pub(super) fn fitting(&self, roster: &[usize]) -> Option<Vec<usize>> {
        if !self.forced.iter().all(|j| roster.contains(j)) {
            return None;
        }
        let mut chosen = Vec::new();
        for j in roster {
            if !self.forced.contains(j) {
                chosen.push(self.vars.iter().position(|v| v == j)?);
            }
        }
        let keeps = self.rows.iter().all(|(terms, rhs)| {
            let used: f64 = terms
                .iter()
                .filter(|(k, _)| chosen.contains(k))
                .map(|(_, a)| a)
                .sum();
            used <= rhs + 1e-9
        });
        keeps.then_some(chosen)
    }
}

/// A person's best roster at the reduced costs: `upper` is at least the
/// most gain (−reduced cost) any roster has — equal to `best`'s gain when
/// the search finished, else the search's bound at its root.
pub(super) struct Priced {
    pub upper: f64,
    /// (gain, local indices of the roster's variables).
    pub best: (f64, Vec<usize>),
}

/// The roster of `block` with the most gain, by a depth-first search.
pub(super) fn best_roster(block: &Block, rc: &[f64], until: Instant, stop: &AtomicBool) -> Priced {
    let mut cand: Vec<usize> = (0..block.vars.len()).filter(|&k| rc[k] < -1e-12).collect();
    cand.sort_by(|&a, &b| rc[a].total_cmp(&rc[b]));
    let gain: Vec<f64> = cand.iter().map(|&k| -rc[k]).collect();
    let mut rows_of: Vec<Vec<(usize, f64)>> = vec![Vec::new(); block.vars.len()];
    for (r, (terms, _)) in block.rows.iter().enumerate() {
        for &(k, a) in terms {
            rows_of[k].push((r, a));
        }
    }
    // For the search's bound: a family of disjoint rows read as counts (at
    // most ⌊rhs / least coefficient⌋ of their variables), and the row with
    // the most unequal coefficients read as a knapsack (the load cap).
    let mut counted: Vec<Option<usize>> = vec![None; block.vars.len()];
    let mut limit = Vec::new();
    let equal = |r: usize| {
        let terms = &block.rows[r].0;
        terms.iter().all(|(_, a)| (*a - terms[0].1).abs() <= 1e-9)
    };
    let mut order: Vec<usize> = (0..block.rows.len()).collect();
    order.sort_by_key(|&r| std::cmp::Reverse(block.rows[r].0.len()));
    for &r in order.iter().filter(|&&r| equal(r)) {
        let (terms, rhs) = &block.rows[r];
        if terms
            .iter()
            .any(|(k, a)| counted[*k].is_some() || *a <= 0.0)
        {
            continue;
        }
        let least = terms.iter().map(|(_, a)| *a).fold(f64::INFINITY, f64::min);
        let g = limit.len();
        limit.push((rhs / least + 1e-9).floor().max(0.0) as usize);
        for (k, _) in terms {
            counted[*k] = Some(g);
        }
    }
    let knapsack = order.iter().copied().find(|&r| !equal(r));
    let weight: Vec<f64> = cand
        .iter()
        .map(|&k| {
            knapsack
                .and_then(|r| rows_of[k].iter().find(|(q, _)| *q == r))
                .map_or(0.0, |(_, a)| *a)
        })
        .collect();
    let mut by_ratio: Vec<usize> = (0..cand.len()).collect();
    by_ratio.sort_by(|&a, &b| (gain[b] * weight[a]).total_cmp(&(gain[a] * weight[b])));
    let mut search = Search {
        block,
        cand: &cand,
        gain: &gain,
        rows_of: &rows_of,
        counted: &counted,
        limit: &limit,
        knapsack,
        weight: &weight,
        by_ratio: &by_ratio,
        used: block.rows.iter().map(|_| 0.0).collect(),
        taken: vec![0; limit.len()],
        chosen: Vec::new(),
        best: (0.0, Vec::new()),
        nodes: 0,
        until,
        stop,
    };
    let root = search.ceiling(0);
    search.go(0, 0.0);
    let upper = if search.nodes <= NODES {
        search.best.0
    } else {
        root.max(search.best.0)
    };
    Priced {
        upper,
        best: search.best,
    }
}

struct Search<'a> {
    block: &'a Block,
    cand: &'a [usize],
    gain: &'a [f64],
    rows_of: &'a [Vec<(usize, f64)>],
    counted: &'a [Option<usize>],
    limit: &'a [usize],
    knapsack: Option<usize>,
    /// Per candidate: its coefficient in the knapsack row.
    weight: &'a [f64],
    /// Candidates by gain per unit of weight, best first.
    by_ratio: &'a [usize],
    used: Vec<f64>,
    taken: Vec<usize>,
    chosen: Vec<usize>,
    best: (f64, Vec<usize>),
    nodes: usize,
    /// Past it, or once `stop` is set, the search stops as if out of nodes.
    until: Instant,
    stop: &'a AtomicBool,
}

impl Search<'_> {
    fn fits(&self, k: usize) -> bool {
        self.rows_of[k]
            .iter()
            .all(|&(r, a)| self.used[r] + a <= self.block.rows[r].1 + 1e-9)
    }

    /// At most what candidates from `from` on can add to the roster so far
    /// (those that no longer fit never will, deeper down): the lesser of
    /// two relaxations — each counting row its remaining count of the best
    /// of them, the others all of theirs; and the knapsack row filled by
    /// gain per weight, the last one in part.
    fn ceiling(&self, from: usize) -> f64 {
        let mut room: Vec<usize> = self
            .limit
            .iter()
            .zip(&self.taken)
            .map(|(l, t)| l.saturating_sub(*t))
            .collect();
        let mut counts = 0.0;
        for t in from..self.cand.len() {
            let k = self.cand[t];
            if !self.fits(k) {
                continue;
            }
            match self.counted[k] {
                Some(g) if room[g] == 0 => {}
                Some(g) => {
                    room[g] -= 1;
                    counts += self.gain[t];
                }
                None => counts += self.gain[t],
            }
        }
        let Some(r) = self.knapsack else {
            return counts;
        };
        let mut left = self.block.rows[r].1 - self.used[r];
        let mut filled = 0.0;
        for &t in self.by_ratio {
            if t < from || !self.fits(self.cand[t]) {
                continue;
            }
            let w = self.weight[t];
            if w <= left {
                filled += self.gain[t];
                left -= w;
            } else {
                filled += self.gain[t] * left / w;
                break;
            }
        }
        counts.min(filled)
    }

    fn go(&mut self, from: usize, value: f64) {
        self.nodes += 1;
        if self.nodes % 4096 == 1
            && (Instant::now() >= self.until || self.stop.load(Ordering::Relaxed))
        {
            self.nodes = NODES + 1;
        }
        if value > self.best.0 + 1e-12 {
            self.best = (value, self.chosen.clone());
        }
        if self.nodes > NODES || value + self.ceiling(from) <= self.best.0 + 1e-12 {
            return;
        }
        for t in from..self.cand.len() {
            let k = self.cand[t];
            if !self.fits(k) {
                continue;
            }
            for &(r, a) in &self.rows_of[k] {
                self.used[r] += a;
            }
            if let Some(g) = self.counted[k] {
                self.taken[g] += 1;
            }
            self.chosen.push(k);
            self.go(t + 1, value + self.gain[t]);
            self.chosen.pop();
            if let Some(g) = self.counted[k] {
                self.taken[g] -= 1;
            }
            for &(r, a) in &self.rows_of[k] {
                self.used[r] -= a;
            }
            if self.nodes > NODES || value + self.ceiling(t + 1) <= self.best.0 + 1e-12 {
                return;
            }
        }
    }
}
