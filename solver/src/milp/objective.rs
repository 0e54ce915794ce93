//! Phase 2's objective (docs/model.md §5): fairness as convex piecewise-linear
//! penalties around fixed targets, then preferences, idle gaps and stability.

use crate::ir::{Sense, Var};
use crate::milp::build::Model;
use crate::model::{SessionKind, Weekday};

/// Loads are judged in units of this many weighted minutes (a post's
/// weighted minutes are rounded to the nearest unit).
pub const LOAD_UNIT_MINUTES: f64 = 5.0;
/// Penalty of a load `d` weighted minutes from target: convex, piecewise
/// linear, slopes 1, 4, 16, 64 per minute beyond 0, 15, 45 and 120 minutes.
pub(crate) fn load_penalty(d: f64) -> f64 {
    piecewise(
        d.abs(),
        &[
            (15.0, 1.0),
            (30.0, 4.0),
            (75.0, 16.0),
            (f64::INFINITY, 64.0),
        ],
    )
}
/// Per late duty away from the fair count: 20 for the first, then 80.
fn late_penalty(d: f64) -> f64 {
    piecewise(d.abs(), &[(1.0, 20.0), (f64::INFINITY, 80.0)])
}
/// Per duty-leader day away from the fair count: 50 for the first, then 200.
fn duty_penalty(d: f64) -> f64 {
    piecewise(d.abs(), &[(1.0, 50.0), (f64::INFINITY, 200.0)])
}
fn piecewise(mut d: f64, segments: &[(f64, f64)]) -> f64 {
    let mut cost = 0.0;
    for (width, slope) in segments {
        let step = d.min(*width);
        cost += step * slope;
        d -= step;
        if d <= 0.0 {
            break;
        }
    }
    cost
}
/// Values more than this many units from the target are not offered as
/// choices; reaching them costs the steepest slope through a slack.
const WINDOW_UNITS: i64 = 36;
/// Largest total (in units) for which reachable values are computed exactly.
const MAX_KNAPSACK: i64 = 20_000;
pub const PREFERENCE_WEIGHT: f64 = 5.0;
pub const GAP_WEIGHT: f64 = 3.0;
pub const STABILITY_WEIGHT: f64 = 1.0;

/// The variables of each objective term, so their values can be reported.
#[derive(Debug, Default)]
pub struct Terms {
    pub fairness: Vec<(Var, f64)>,
    pub late: Vec<(Var, f64)>,
    pub duty: Vec<(Var, f64)>,
    pub preferences: Vec<(Var, f64)>,
    pub gaps: Vec<(Var, f64)>,
    pub stability: Vec<(Var, f64)>,
    /// Each person's value choices: the expression and its (w, value) pairs,
    /// so a start plan can be completed with the right choice.
    pub choices: Vec<Choice>,
    pub gap_rows: Vec<Gap>,
}

impl Terms {
    /// Completes a plan of phase 1 (values of the variables phase 1 had) into
    /// a full phase-2 solution: each choice takes the offered value nearest
    /// the person's real value with over/under making up the rest, and each
    /// idle gap is set from the acts it watches. Every row of phase 2 holds.
    pub fn complete(&self, phase1: &[f64], variables: usize) -> Vec<f64> {
        let mut values = phase1.to_vec();
        values.resize(variables, 0.0);
        for c in &self.choices {
            let value: f64 = c
                .expr
                .iter()
                .map(|(v, k)| values[v.0].round() * *k as f64)
                .sum();
            let best = c.offered.iter().min_by(|a, b| {
                (a.1 as f64 - value)
                    .abs()
                    .total_cmp(&(b.1 as f64 - value).abs())
            });
            for (w, v) in &c.offered {
                values[w.0] = if best.is_some_and(|b| b.1 == *v) {
                    1.0
                } else {
                    0.0
                };
            }
            let diff = value - best.map_or(0, |b| b.1) as f64;
            values[c.over.0] = diff.max(0.0);
            values[c.under.0] = (-diff).max(0.0);
        }
        let sum =
            |vars: &[Var], values: &[f64]| vars.iter().map(|v| values[v.0].round()).sum::<f64>();
        for g in &self.gap_rows {
            let gap =
                sum(&g.basic, &values) + sum(&g.late, &values) - 1.0 - sum(&g.extended, &values);
            values[g.var.0] = gap.max(0.0);
        }
        values
    }
}

/// A person's integer-valued expression (a load in units, a count), the
/// (w, value) pairs offered for it, and its over and under slacks (15).
#[derive(Debug, Clone)]
pub struct Choice {
    pub expr: Vec<(Var, i64)>,
    pub offered: Vec<(Var, i64)>,
    pub over: Var,
    pub under: Var,
}

/// An idle-gap variable and the basic, late and extended acts it watches (14).
#[derive(Debug, Clone)]
pub struct Gap {
    pub var: Var,
    pub basic: Vec<Var>,
    pub late: Vec<Var>,
    pub extended: Vec<Var>,
}

/// Fair targets, from phase 1's totals shared by capacity.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    /// Per person: weighted minutes over the cycle (teachers only).
    pub minutes: Vec<Option<f64>>,
    pub late: Vec<Option<f64>>,
    pub duty: Vec<Option<f64>>,
}

impl Targets {
    /// Shares phase 1's teacher totals (minutes, late duties) among teachers
    /// in proportion to their shares, and duty-leader days among leaders.
    pub fn from_totals(
        model: &Model,
        values: &[f64],
        teacher_total: Option<(f64, f64)>,
    ) -> Targets {
        // Totals of phase 1's plan; the targets share them out.
        let n = model.school.staff.len();
        let sum = |terms: Vec<(Var, f64)>| terms.iter().map(|(v, c)| c * values[v.0]).sum::<f64>();
        let teachers: Vec<usize> = (0..n)
            .filter(|&p| model.is_teacher(p) && !model.acts[p].is_empty())
            .collect();
        let (total_minutes, total_late) = teacher_total.unwrap_or_else(|| {
            (
                teachers.iter().map(|&p| sum(model.load_terms(p))).sum(),
                teachers.iter().map(|&p| sum(model.late_terms(p))).sum(),
            )
        });
        let late_able: Vec<usize> = teachers
            .iter()
            .copied()
            .filter(|&p| !model.late_terms(p).is_empty())
            .collect();
        let share = |p: usize| model.staffing[p].share;
        let share_late: f64 = late_able.iter().map(|&p| share(p)).sum::<f64>().max(1e-9);
        let leaders: Vec<usize> = (0..n)
            .filter(|&p| model.is_leader(p) && !model.duty_terms(p).is_empty())
            .collect();
        let duty_days: f64 = model
            .demand
            .posts
            .iter()
            .filter(|s| s.post.kind == crate::plan::PostKind::DutyLeader)
            .count() as f64;
        let mut t = Targets {
            minutes: vec![None; n],
            late: vec![None; n],
            duty: vec![None; n],
        };
        // Shared by water-filling (§5.4): a teacher who could not carry their
        // share of the level alone (availability, caps: the band's "held
        // below") is given what they can reach, and the others share the
        // rest, so no target is out of its teacher's reach.
        let most: Vec<f64> = teachers
            .iter()
            .map(|&p| crate::milp::band::most_minutes(model, p).0)
            .collect();
        let shares: Vec<f64> = teachers.iter().map(|&p| share(p)).collect();
        let level = water_level(total_minutes, &shares, &most);
        for (i, &p) in teachers.iter().enumerate() {
            let fair = if shares[i] > 0.0 {
                shares[i] * level
            } else {
                0.0
            };
            t.minutes[p] = Some(fair.min(most[i]));
        }
        for &p in &late_able {
            t.late[p] = Some(total_late * share(p) / share_late);
        }
        for &p in &leaders {
            t.duty[p] = Some(duty_days / leaders.len() as f64);
        }
        t
    }
}

/// The level L at which Σ min(share × L, most) = `total` (every share of it
/// that its teacher could not carry goes to the others); infinite when even
/// everyone's most is not the total.
pub fn water_level(total: f64, shares: &[f64], most: &[f64]) -> f64 {
    let mut order: Vec<usize> = (0..shares.len()).filter(|&i| shares[i] > 0.0).collect();
    order.sort_by(|&a, &b| (most[a] / shares[a]).total_cmp(&(most[b] / shares[b])));
    let mut left = total;
    let mut share_left: f64 = order.iter().map(|&i| shares[i]).sum();
    for &i in &order {
        if share_left <= 1e-12 {
            break;
        }
        if most[i] / shares[i] >= left / share_left {
            break;
        }
        left -= most[i];
        share_left -= shares[i];
    }
    if share_left <= 1e-12 {
        f64::INFINITY
    } else {
        left / share_left
    }
}

/// Adds the deviation variables and rows, and returns the terms.
pub fn add(model: &mut Model, targets: &Targets, previous: Option<&crate::plan::Plan>) -> Terms {
    let mut terms = Terms::default();
    for p in 0..model.school.staff.len() {
        let id = model.school.staff[p].id.clone();
        let max_posts = model.staffing[p].per_week * u32::from(model.demand.cycle_weeks);
        if let Some(t) = targets.minutes[p] {
            let units: Vec<(Var, i64)> = model
                .load_terms(p)
                .into_iter()
                .map(|(v, m)| (v, (m / LOAD_UNIT_MINUTES).round() as i64))
                .collect();
            let unit = LOAD_UNIT_MINUTES;
            let pen = |v: i64| load_penalty(v as f64 * unit - t);
            terms.fairness.extend(discrete_deviation(
                model,
                p,
                &mut terms.choices,
                &format!("load[{id}]"),
                &units,
                t / unit,
                max_posts,
                &pen,
                64.0 * unit,
            ));
        }
        if let Some(t) = targets.late[p] {
            let late: Vec<(Var, i64)> = model
                .late_terms(p)
                .into_iter()
                .map(|(v, _)| (v, 1))
                .collect();
            let pen = |v: i64| late_penalty(v as f64 - t);
            terms.late.extend(discrete_deviation(
                model,
                p,
                &mut terms.choices,
                &format!("late[{id}]"),
                &late,
                t,
                max_posts,
                &pen,
                80.0,
            ));
        }
        if let Some(t) = targets.duty[p] {
            let duty: Vec<(Var, i64)> = model
                .duty_terms(p)
                .into_iter()
                .map(|(v, _)| (v, 1))
                .collect();
            let pen = |v: i64| duty_penalty(v as f64 - t);
            terms.duty.extend(discrete_deviation(
                model,
                p,
                &mut terms.choices,
                &format!("duty[{id}]"),
                &duty,
                t,
                max_posts,
                &pen,
                200.0,
            ));
        }
        let (costs, rows) = gaps(model, p);
        terms.gaps.extend(costs);
        terms.gap_rows.extend(rows);
    }
    terms.preferences = model
        .preference
        .iter()
        .map(|(v, c)| (*v, c * PREFERENCE_WEIGHT))
        .collect();
    if let Some(prev) = previous {
        terms.stability = model
            .stability_terms(prev)
            .into_iter()
            .map(|(v, c)| (v, c * STABILITY_WEIGHT))
            .collect();
    }
    terms
}

/// (15) the person takes exactly one of the values their integer-valued
/// expression can reach: Σ_v w[v] = 1 and expr = Σ_v v·w[v] + over − under,
/// with each w[v] costing the penalty of v. Only values reachable with the
/// person's own posts under their cap are offered (a small knapsack), so the
/// LP relaxation pays at least the smallest penalty the person can really
/// have — this is what makes the bound tight (docs/model.md §5.5).
#[allow(clippy::too_many_arguments)]
fn discrete_deviation(
    model: &mut Model,
    person: usize,
    choices: &mut Vec<Choice>,
    name: &str,
    expr: &[(Var, i64)],
    target: f64,
    max_posts: u32,
    penalty: &dyn Fn(i64) -> f64,
    steep: f64,
) -> Vec<(Var, f64)> {
    if expr.is_empty() {
        return Vec::new();
    }
    let centre = target.round() as i64;
    let total: i64 = expr.iter().map(|(_, c)| (*c).max(0)).sum();
    // The knapsack's table grows with the total; beyond a term's worth of
    // posts (only nonsense weights get there) offer every value near the target.
    let reachable: Vec<i64> = if total <= MAX_KNAPSACK {
        reachable_sums(expr, max_posts as usize)
    } else {
        (centre - WINDOW_UNITS..=centre + WINDOW_UNITS)
            .filter(|v| (0..=total).contains(v))
            .collect()
    };
    let mut values: Vec<i64> = reachable
        .iter()
        .copied()
        .filter(|v| (v - centre).abs() <= WINDOW_UNITS)
        .collect();
    if values.is_empty() {
        // Nothing near the target: offer the nearest reachable values.
        let nearest = reachable
            .iter()
            .copied()
            .min_by_key(|v| (v - centre).abs())
            .unwrap_or(0);
        values.push(nearest);
    }
    let mut one = Vec::new();
    let mut row: Vec<(Var, f64)> = expr.iter().map(|(v, c)| (*v, *c as f64)).collect();
    let mut cost = Vec::new();
    let mut offered = Vec::new();
    for v in values {
        let w = model.mip.binary(format!("{name}={v}"), 0.0);
        model.mip.own(w, person);
        offered.push((w, v));
        one.push((w, 1.0));
        row.push((w, -(v as f64)));
        cost.push((w, penalty(v)));
    }
    let over = model
        .mip
        .continuous(format!("{name}+"), 0.0, f64::INFINITY, 0.0);
    let under = model
        .mip
        .continuous(format!("{name}-"), 0.0, f64::INFINITY, 0.0);
    model.mip.own(over, person);
    model.mip.own(under, person);
    row.push((over, -1.0));
    row.push((under, 1.0));
    cost.push((over, steep));
    cost.push((under, steep));
    model.mip.row(format!("choose{name}"), one, Sense::Eq, 1.0);
    model.mip.row(format!("value{name}"), row, Sense::Eq, 0.0);
    choices.push(Choice {
        expr: expr.to_vec(),
        offered,
        over,
        under,
    });
    cost
}

/// Sums of at most `max_items` of the weights in `expr` (each used at most
/// once). A weight that appears more than `max_items` times can only ever
/// be used that often, so the copies beyond are dropped; sums are bitsets,
/// so a person's hundreds of acts over a four-week cycle take a blink.
fn reachable_sums(expr: &[(Var, i64)], max_items: usize) -> Vec<i64> {
    let k = max_items.min(expr.len());
    let mut copies: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut items = Vec::new();
    for (_, c) in expr {
        let c = (*c).max(0) as usize;
        let n = copies.entry(c).or_default();
        if *n < k {
            *n += 1;
            items.push(c);
        }
    }
    let total: usize = items.iter().sum();
    let words = total / 64 + 1;
    // can[n]: the sums n items can make, as bits.
    let mut can = vec![vec![0u64; words]; k + 1];
    can[0][0] = 1;
    for c in items {
        for n in (0..k).rev() {
            let (lower, upper) = can.split_at_mut(n + 1);
            shift_or(&mut upper[0], &lower[n], c);
        }
    }
    (0..=total)
        .filter(|&s| can.iter().any(|bits| bits[s / 64] >> (s % 64) & 1 == 1))
        .map(|s| s as i64)
        .collect()
}

/// `to |= from << by` on bitsets of the same length (bits shifted past the
/// end are dropped).
fn shift_or(to: &mut [u64], from: &[u64], by: usize) {
    let (words, bits) = (by / 64, by % 64);
    for i in (words..to.len()).rev() {
        let src = i - words;
        let mut v = from[src] << bits;
        if bits > 0 && src > 0 {
            v |= from[src - 1] >> (64 - bits);
        }
        to[i] |= v;
    }
}

/// (14) idle gap: a person with a basic-session post and a late post on one
/// day but nothing in the extended session between waits idle:
/// gap ≥ Σbasic + Σlate − 1 − Σextended.
fn gaps(model: &mut Model, p: usize) -> (Vec<(Var, f64)>, Vec<Gap>) {
    let mut out = Vec::new();
    let mut rows = Vec::new();
    for week in 1..=model.demand.cycle_weeks {
        for day in Weekday::ALL {
            let basic = model.session_acts(p, week, day, SessionKind::Basic);
            let late = model.session_acts(p, week, day, SessionKind::Late);
            if basic.is_empty() || late.is_empty() {
                continue;
            }
            let ext = model.session_acts(p, week, day, SessionKind::Extended);
            let g = model.mip.continuous(
                format!("gap[{p},w{week},{}]", day.code()),
                0.0,
                f64::INFINITY,
                0.0,
            );
            model.mip.own(g, p);
            let mut row = vec![(g, 1.0)];
            row.extend(basic.iter().map(|v| (*v, -1.0)));
            row.extend(late.iter().map(|v| (*v, -1.0)));
            row.extend(ext.iter().map(|v| (*v, 1.0)));
            model.mip.row(
                format!("gap[{p},w{week},{}]", day.code()),
                row,
                Sense::Ge,
                -1.0,
            );
            out.push((g, GAP_WEIGHT));
            rows.push(Gap {
                var: g,
                basic,
                late,
                extended: ext,
            });
        }
    }
    (out, rows)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::reachable_sums;
    use crate::ir::Var;

    /// Every subset of at most `k` items, the slow way.
    fn naive(weights: &[i64], k: usize) -> Vec<i64> {
        let mut sums = std::collections::BTreeSet::new();
        for mask in 0u32..(1 << weights.len()) {
            if mask.count_ones() as usize <= k {
                sums.insert(
                    (0..weights.len())
                        .filter(|i| mask >> i & 1 == 1)
                        .map(|i| weights[i])
                        .sum::<i64>(),
                );
            }
        }
        sums.into_iter().collect()
    }

    #[test]
    fn water_filling_gives_a_teacher_held_below_what_they_can_reach() {
        // 120 minutes among shares 1, 1, 0.5; the first can carry 10 alone:
        // the others share 110 as 1 : 0.5.
        let level = super::water_level(120.0, &[1.0, 1.0, 0.5], &[10.0, 100.0, 100.0]);
        assert!((level - 110.0 / 1.5).abs() < 1e-9, "{level}");
        // Nobody held below: the plain shares.
        let level = super::water_level(120.0, &[1.0, 1.0, 0.5], &[100.0, 100.0, 100.0]);
        assert!((level - 48.0).abs() < 1e-9, "{level}");
        // Everyone's most is not the total: the level is unbounded (each
        // target is then their most).
        assert!(super::water_level(120.0, &[1.0, 1.0], &[10.0, 20.0]).is_infinite());
    }

    proptest! {
        /// The targets water-filling gives sum to the total (when it can be
        /// carried), none above its teacher's most, and those below their
        /// most all at the same level per share.
        #[test]
        fn prop_water_filled_targets_sum_to_the_total_within_reach(
            people in proptest::collection::vec((1u32..=100, 0u32..300), 1..8),
            part in 0u32..=100,
        ) {
            let shares: Vec<f64> = people.iter().map(|(s, _)| f64::from(*s) / 100.0).collect();
            let most: Vec<f64> = people.iter().map(|(_, m)| f64::from(*m)).collect();
            let total = most.iter().sum::<f64>() * f64::from(part) / 100.0;
            let level = super::water_level(total, &shares, &most);
            let targets: Vec<f64> = shares.iter().zip(&most).map(|(s, m)| (s * level).min(*m)).collect();
            prop_assert!((targets.iter().sum::<f64>() - total).abs() < 1e-6 * total.max(1.0));
            for (i, t) in targets.iter().enumerate() {
                prop_assert!(*t <= most[i] + 1e-9);
                if *t < most[i] - 1e-9 {
                    prop_assert!((t / shares[i] - level).abs() < 1e-6 * level.max(1.0));
                }
            }
        }

        #[test]
        fn prop_reachable_sums_are_exactly_the_subset_sums(
            weights in proptest::collection::vec(0i64..90, 0..11),
            k in 0usize..6,
        ) {
            let expr: Vec<(Var, i64)> = weights.iter().map(|w| (Var(0), *w)).collect();
            prop_assert_eq!(reachable_sums(&expr, k), naive(&weights, k));
        }
    }
}
