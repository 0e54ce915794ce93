//! The other direction (docs/model.md §11.5): for a school with nothing
//! short, the fewest days helpers (retired teachers, volunteers, coaches)
//! must come in for everything to stay covered, and so which of the days
//! they come in now are not needed. A binary d[p,w,day] per helper and day
//! with every act of p that day ≤ d; unmet held at what the staffing
//! leaves; minimise 1000·Σ d + (days not in the staffing), so the days kept
//! are the ones people already come in on.

use std::collections::{BTreeMap, BTreeSet};

use crate::backend;
use crate::ir::{Sense, Var};
use crate::milp::build::Model;
use crate::milp::construct::{Board, Place};
use crate::model::{SessionKind, StaffId, Weekday};
use crate::plan::Plan;

use super::{CapacityOptions, Spare, Surplus};

const DAY: f64 = 1000.0;

type Day = (usize, u8, Weekday);

pub(super) fn surplus(
    model: &Model,
    start: &[f64],
    plan: Option<&Plan>,
    options: &CapacityOptions,
) -> Surplus {
    let helper = |p: usize| !model.school.staff[p].kind.is_own_staff();
    let baseline = match plan {
        Some(plan) => from_plan(model, plan),
        None => from_values(model, start),
    };
    let mut mip = model.mip.clone();
    let unmet: f64 = model.unmet.iter().map(|(v, w)| w * start[v.0]).sum();
    mip.row(
        "unmet_held".into(),
        model.unmet.clone(),
        Sense::Le,
        unmet + 1e-6,
    );
    let mut days: BTreeMap<Day, Var> = BTreeMap::new();
    for p in (0..model.school.staff.len()).filter(|&p| helper(p)) {
        for a in &model.acts[p] {
            let post = &model.demand.posts[a.post].post;
            let key = (p, post.week, post.day);
            let d = *days.entry(key).or_insert_with(|| {
                let known = baseline
                    .keys()
                    .any(|(q, _, day)| *q == p && *day == post.day);
                let cost = DAY + if known { 0.0 } else { 1.0 };
                mip.binary(
                    format!(
                        "comes[{},w{},{}]",
                        model.school.staff[p].id,
                        post.week,
                        post.day.code()
                    ),
                    cost,
                )
            });
            mip.row(
                format!("comesfor[{},{}]", a.var.0, d.0),
                vec![(a.var, 1.0), (d, -1.0)],
                Sense::Le,
                0.0,
            );
        }
    }
    let start = drop_days(model, start);
    let mut first = start.clone();
    first.resize(mip.vars.len(), 0.0);
    for ((p, week, day), d) in &days {
        let on = model.acts[*p].iter().any(|a| {
            let post = &model.demand.posts[a.post].post;
            post.week == *week && post.day == *day && start[a.var.0] > 0.5
        });
        first[d.0] = f64::from(u8::from(on));
    }
    let hint = mip.hint(&first);
    let (values, bound) = match backend::solve(&mip, options.time_limit_seconds, &hint) {
        Ok(out) if mip.objective_of(&out.values) <= mip.objective_of(&first) + 1e-6 => {
            (out.values, out.bound)
        }
        Ok(out) => (first, out.bound),
        Err(_) => (first, None),
    };
    let kept: BTreeSet<(usize, u8, Weekday)> = days
        .iter()
        .filter(|(_, d)| values[d.0] > 0.5)
        .map(|(k, _)| *k)
        .collect();
    let found = kept.len() as u32;
    let proven = bound.is_some_and(|b| (b / DAY + 1e-6).floor() as u32 >= found);
    // One week's model stands for every week of the cycle when they are alike.
    let weeks = if model.demand.cycle_weeks == 1 {
        plan.map_or(1, |p| p.cycle_weeks.max(1))
    } else {
        1
    };
    let in_model = |&(p, week, day): &Day| {
        let week = if model.demand.cycle_weeks == 1 {
            1
        } else {
            week
        };
        kept.contains(&(p, week, day))
    };
    let spare: Vec<Spare> = baseline
        .iter()
        .filter(|(k, _)| !in_model(k))
        .map(|(&(p, week, day), sessions)| Spare {
            staff: model.school.staff[p].id.clone(),
            kind: model.school.staff[p].kind,
            week,
            day,
            sessions: sessions.iter().copied().collect(),
        })
        .collect();
    Surplus {
        used: baseline.len() as u32,
        needed: found * u32::from(weeks),
        spare,
        proven,
    }
}

/// A first answer in code: each helper day of `start`, the lightest first,
/// is dropped if the school's own staff (or helpers who come that day
/// anyway) can take over all of its places; else it stays as it was.
fn drop_days(model: &Model, start: &[f64]) -> Vec<f64> {
    let own = |p: usize| model.school.staff[p].kind.is_own_staff();
    let mut board = Board::from_values(model, start);
    let on_day = |board: &Board<'_, '_>, p: usize, week: u8, day: Weekday| -> Vec<Var> {
        board
            .acts(p)
            .iter()
            .filter(|a| {
                let post = &model.demand.posts[a.post].post;
                post.week == week && post.day == day
            })
            .map(|a| a.var)
            .collect()
    };
    let mut days: Vec<(usize, usize, u8, Weekday)> = Vec::new();
    for p in (0..model.school.staff.len()).filter(|&p| !own(p)) {
        let mut seen: BTreeSet<(u8, Weekday)> = BTreeSet::new();
        for a in board.acts(p) {
            let post = &model.demand.posts[a.post].post;
            seen.insert((post.week, post.day));
        }
        for (week, day) in seen {
            days.push((on_day(&board, p, week, day).len(), p, week, day));
        }
    }
    days.sort_unstable();
    for (_, p, week, day) in days {
        let places: Option<Vec<Place>> = on_day(&board, p, week, day)
            .into_iter()
            .map(|v| board.place_of(v))
            .collect();
        // A club's leader has no place to hand over.
        let Some(places) = places else { continue };
        for &place in &places {
            board.leave(place, p);
        }
        let mut moved: Vec<(Place, usize)> = Vec::new();
        for &place in &places {
            let strict = board.open(place).1 > 0;
            let taker = board
                .candidates(place)
                .iter()
                .copied()
                .filter(|&r| r != p && (own(r) || !on_day(&board, r, week, day).is_empty()))
                .filter(|&r| board.can_fill(place, r, strict))
                .min_by_key(|&r| (board.week_load(r, week), r));
            match taker {
                Some(r) => {
                    board.join(place, r);
                    moved.push((place, r));
                }
                None => break,
            }
        }
        if moved.len() < places.len() {
            for (place, r) in moved {
                board.leave(place, r);
            }
            for &place in &places {
                board.join(place, p);
            }
        }
    }
    board.values()
}

/// Helper days of a plan, with the sessions of their posts.
fn from_plan(model: &Model, plan: &Plan) -> BTreeMap<Day, BTreeSet<SessionKind>> {
    let index: BTreeMap<&StaffId, usize> = model
        .school
        .staff
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect();
    let mut out: BTreeMap<Day, BTreeSet<SessionKind>> = BTreeMap::new();
    for post in &plan.posts {
        for a in &post.staff {
            let Some(&p) = index.get(&a.staff) else {
                continue;
            };
            if model.school.staff[p].kind.is_own_staff() {
                continue;
            }
            out.entry((p, post.week, post.day))
                .or_default()
                .insert(post.session);
        }
    }
    out
}

/// Helper days of the model's staffing `values`.
fn from_values(model: &Model, values: &[f64]) -> BTreeMap<Day, BTreeSet<SessionKind>> {
    let mut out: BTreeMap<Day, BTreeSet<SessionKind>> = BTreeMap::new();
    for (p, acts) in model.acts.iter().enumerate() {
        if model.school.staff[p].kind.is_own_staff() {
            continue;
        }
        for a in acts.iter().filter(|a| values[a.var.0] > 0.5) {
            let post = &model.demand.posts[a.post].post;
            out.entry((p, post.week, post.day))
                .or_default()
                .insert(post.session);
        }
    }
    out
}
