//! The hire model (docs/model.md §11.3): the rota model of the school with
//! the hypothetical people added, a binary h[q] per person that says they
//! are found, and
//!
//! - (H1) every variable of q ≤ h[q]: nobody works who is not found;
//! - (H2) Σ acts of q in a week ≤ per_week(q)·h[q] (tightens the relaxation:
//!   half a person covers half a cap);
//! - (H3) h[q] ≥ h[q'] for consecutive copies of one profile (no symmetric
//!   branches);
//!
//! minimising 100·(phase 1's unmet weights) + 1000·Σ price(q)·h[q]: anything a
//! person can cover is covered, as cheaply as possible. A second, small
//! model with h fixed then gives the people found the fewest posts (so the
//! list says only what they are needed for).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

use crate::backend;
use crate::demand::Demand;
use crate::ir::{Keep, Sense, Var};
use crate::milp::build::Model;
use crate::model::{School, Weekday};

use super::gaps::Found;
use super::people::{self, Candidate, Profile};
use super::rooms::{self, Left};
use super::{lines, start, CapacityOptions, Hire, Search};

/// Phase 1's unmet weights are multiplied by this: one place left open
/// costs more than any person found to fill it.
const UNMET_SCALE: f64 = 100.0;
/// One unit of price.
const PRICE_UNIT: f64 = 1000.0;

/// The cheapest hires for the gaps of `found`, how sure that is, and what
/// stays unmet even with them.
pub(super) fn hires(
    school: &School,
    demand: &Demand,
    found: &Found,
    real_start: (&Model, &[f64]),
    options: &CapacityOptions,
) -> (Vec<Hire>, Search, Left) {
    let started = Instant::now();
    let profiles = people::profiles(school, demand, &options.prices, &found.needs);
    let mut augmented = school.clone();
    let mut candidates = Vec::new();
    for (k, profile) in profiles.iter().enumerate() {
        for n in 0..profile.copies {
            augmented.staff.push(people::person(
                format!("?{k}-{n}"),
                format!("?{k}-{n}"),
                profile,
            ));
            candidates.push(Candidate {
                profile: k,
                person: augmented.staff.len() - 1,
            });
        }
    }
    let mut model = Model::new(&augmented, demand);
    let h = add_hires(&mut model, &candidates, &profiles);
    let start = start::start_values(&model, real_start, &h, &candidates, &profiles);
    // Coverage first: never more unmet than the first staffing, which
    // covers whatever a person found could.
    start::order_copies(&mut model, &candidates, &h, &start);
    let unmet_start: f64 = model.unmet.iter().map(|(v, w)| w * start[v.0]).sum();
    model.mip.row(
        "unmet_held".into(),
        model.unmet.clone(),
        Sense::Le,
        unmet_start + 1e-6,
    );
    let seconds = options.time_limit_seconds;
    // Over a cycle of several weeks, the weeks one at a time give a bound
    // in a fraction of the whole model's time; when it meets the list
    // found, that list is proven and no more search is needed. Else the
    // days with gaps alone (every other day held as the first staffing has
    // it): a smaller model, and a feasible list of the whole; then the
    // whole model from there, for the proof.
    let weeks = week_bound(&model.mip, model.demand.cycle_weeks, seconds * 0.3, &start);
    let met = |values: &[f64]| weeks.is_some_and(|b| b >= model.mip.objective_of(values) - 0.5);
    let start = if met(&start) {
        start
    } else {
        restricted(&model, start, &gap_days(&model, found), seconds * 0.4)
    };
    let done = met(&start);
    let left = (seconds - started.elapsed().as_secs_f64()) * 0.8;
    let (mut values, bound) = if done {
        (start, weeks)
    } else {
        match backend::solve(&model.mip, left.max(0.5), &model.mip.hint(&start)) {
            Ok(out)
                if model.mip.objective_of(&out.values) <= model.mip.objective_of(&start) + 1e-6 =>
            {
                let b = bound_of(&out);
                (rounded(&model, out.values), b)
            }
            Ok(out) => (start, bound_of(&out)),
            Err(_) => (start, None),
        }
    };
    let bound = match (bound, weeks) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let unmet: f64 = model
        .unmet
        .iter()
        .map(|(v, _)| model.mip.vars[v.0].obj * values[v.0])
        .sum();
    let cost: u32 = candidates
        .iter()
        .zip(&h)
        .filter(|(_, v)| values[v.0] > 0.5)
        .map(|(c, _)| profiles[c.profile].price)
        .sum();
    let bound = bound.map_or(0, |b| {
        let x = (b - unmet) / PRICE_UNIT;
        (x + 1e-6).floor().max(0.0) as u32
    });
    let left_seconds = (seconds - started.elapsed().as_secs_f64())
        .min(seconds * 0.1)
        .max(0.1);
    values = fewest_posts(&model, &candidates, &h, values, left_seconds);
    let left = rooms::left(&model, &values);
    let hires = lines::extract(&model, &candidates, &h, &values);
    (
        hires,
        Search {
            cost,
            bound: bound.min(cost),
        },
        left,
    )
}

/// The backend's proven lower bound (its objective, when it proved it optimal).
fn bound_of(out: &backend::Outcome) -> Option<f64> {
    out.bound
        .or_else(|| out.proven_optimal.then_some(out.objective))
}

/// A lower bound on the hire model's objective from its weeks one at a
/// time (docs/model.md §11.3): a list for the cycle is, on one week's rows,
/// a list for that week (rows naming other weeks are dropped, and the
/// hires and club choices hold for every week), so each week's bound is
/// the cycle's; the largest is kept. `None` for a one-week cycle, or when
/// no week ends with a bound in `seconds`.
fn week_bound(mip: &crate::ir::Mip, k: u8, seconds: f64, start: &[f64]) -> Option<f64> {
    if k <= 1 {
        return None;
    }
    let started = Instant::now();
    let mut best: Option<f64> = None;
    for week in 1..=k {
        let left = seconds - started.elapsed().as_secs_f64();
        if left < 0.2 {
            break;
        }
        let keep: Vec<Keep> = mip
            .vars
            .iter()
            .map(|v| match v.week {
                Some(w) if w != week => Keep::Absent,
                _ => Keep::Free,
            })
            .collect();
        let (sub, old) = mip.restrict(&keep);
        let first: Vec<f64> = old.iter().map(|o| start[o.0]).collect();
        let share = left / f64::from(k - week + 1);
        if let Some(b) = backend::solve(&sub, share, &sub.hint(&first))
            .ok()
            .as_ref()
            .and_then(bound_of)
        {
            best = Some(best.map_or(b, |x: f64| x.max(b)));
        }
    }
    best
}

/// The (week, weekday)s of the gaps.
fn gap_days(model: &Model, found: &Found) -> BTreeSet<(u8, Weekday)> {
    found
        .needs
        .iter()
        .flat_map(|n| n.posts.iter())
        .map(|&i| {
            let post = &model.demand.posts[i].post;
            (post.week, post.day)
        })
        .collect()
}

/// The model with everything about other days than `days` held at
/// `start`: its best answer within `seconds`, or `start`.
fn restricted(
    model: &Model,
    start: Vec<f64>,
    days: &BTreeSet<(u8, Weekday)>,
    seconds: f64,
) -> Vec<f64> {
    let day_of = |i: usize| {
        let post = &model.demand.posts[i].post;
        (post.week, post.day)
    };
    let mut keep = vec![Keep::Free; start.len()];
    let mut hold = |v: Var, post: usize| {
        if !days.contains(&day_of(post)) {
            keep[v.0] = Keep::Fixed(start[v.0]);
        }
    };
    for acts in &model.acts {
        for a in acts {
            hold(a.var, a.post);
        }
    }
    for pool in &model.pools {
        hold(pool.missing, pool.posts[0]);
        hold(pool.missing_lead, pool.posts[0]);
    }
    for vars in &model.clubs {
        for (&i, v) in &vars.missing_assist {
            hold(*v, i);
        }
        for (&(_, i), v) in &vars.occupancy {
            hold(*v, i);
        }
    }
    let (sub, old) = model.mip.restrict(&keep);
    let first: Vec<f64> = old.iter().map(|o| start[o.0]).collect();
    match backend::solve(&sub, seconds.max(0.2), &sub.hint(&first)) {
        Ok(out) if sub.objective_of(&out.values) < sub.objective_of(&first) - 1e-6 => {
            let mut better = start;
            for (new, o) in old.iter().enumerate() {
                better[o.0] = out.values[new];
            }
            rounded(model, better)
        }
        _ => start,
    }
}

/// The hire variables and rows (H1)–(H3), and the objective.
fn add_hires(model: &mut Model, candidates: &[Candidate], profiles: &[Profile]) -> Vec<Var> {
    // A club that can never meet (no room it could use) is not worth a
    // person: its leader and assistants cost nothing here.
    let mut free: BTreeSet<Var> = BTreeSet::new();
    for vars in &model.clubs {
        if vars.rooms.is_empty() {
            free.insert(vars.no_leader);
            free.extend(vars.missing_assist.values().copied());
        }
    }
    for (v, w) in model.unmet.clone() {
        if !free.contains(&v) {
            model.mip.add_obj(v, w * UNMET_SCALE);
        }
    }
    let mut owned: HashMap<usize, Vec<Var>> = HashMap::new();
    for (i, def) in model.mip.vars.iter().enumerate() {
        if let Some(p) = def.owner {
            owned.entry(p).or_default().push(Var(i));
        }
    }
    let mut h = Vec::new();
    for c in candidates {
        let price = f64::from(profiles[c.profile].price);
        let id = model.school.staff[c.person].id.to_string();
        let hired = model.mip.binary(format!("hire[{id}]"), price * PRICE_UNIT);
        h.push(hired);
        for &v in owned.get(&c.person).map_or(&[][..], Vec::as_slice) {
            model.mip.row(
                format!("found[{id},{}]", v.0),
                vec![(v, 1.0), (hired, -1.0)],
                Sense::Le,
                0.0,
            );
        }
        let per_week = f64::from(model.staffing[c.person].per_week);
        let mut weeks: BTreeMap<u8, Vec<(Var, f64)>> = BTreeMap::new();
        for a in &model.acts[c.person] {
            let week = model.demand.posts[a.post].post.week;
            weeks.entry(week).or_default().push((a.var, 1.0));
        }
        for (week, mut terms) in weeks {
            terms.push((hired, -per_week));
            model
                .mip
                .row(format!("foundweek[{id},w{week}]"), terms, Sense::Le, 0.0);
        }
    }
    h
}

/// Binaries to 0 or 1 (a backend returns them near).
fn rounded(model: &Model, mut values: Vec<f64>) -> Vec<f64> {
    for (x, def) in values.iter_mut().zip(&model.mip.vars) {
        if def.integer {
            *x = x.round();
        }
    }
    values
}

/// With the people found held, their fewest posts: the same unmet, and
/// nobody found takes a post a person of the school's own could have.
fn fewest_posts(
    model: &Model,
    candidates: &[Candidate],
    h: &[Var],
    values: Vec<f64>,
    seconds: f64,
) -> Vec<f64> {
    let hired: BTreeSet<Var> = h.iter().copied().collect();
    let mut mip = model.mip.clone();
    let unmet: f64 = model.unmet.iter().map(|(v, w)| w * values[v.0]).sum();
    for v in &mut mip.vars {
        v.obj = 0.0;
    }
    mip.row(
        "unmet_held".into(),
        model.unmet.clone(),
        Sense::Le,
        unmet + 1e-6,
    );
    let mut posts = 0.0;
    for c in candidates {
        for a in &model.acts[c.person] {
            mip.add_obj(a.var, 1.0);
            posts += values[a.var.0];
        }
    }
    if posts < 0.5 {
        return values;
    }
    let keep: Vec<Keep> = (0..mip.vars.len())
        .map(|i| {
            if hired.contains(&Var(i)) {
                Keep::Fixed(values[i])
            } else {
                Keep::Free
            }
        })
        .collect();
    let (sub, old) = mip.restrict(&keep);
    let hint: Vec<(Var, f64)> = old
        .iter()
        .enumerate()
        .filter(|(new, _)| sub.vars[*new].integer)
        .map(|(new, o)| (Var(new), values[o.0]))
        .collect();
    match backend::solve(&sub, seconds, &hint) {
        Ok(out)
            if sub.objective_of(&out.values) < sub.objective_of(&from_old(&old, &values)) - 0.5 =>
        {
            let mut better = values.clone();
            for (new, o) in old.iter().enumerate() {
                better[o.0] = out.values[new];
            }
            rounded(model, better)
        }
        _ => values,
    }
}

fn from_old(old: &[Var], values: &[f64]) -> Vec<f64> {
    old.iter().map(|o| values[o.0]).collect()
}
