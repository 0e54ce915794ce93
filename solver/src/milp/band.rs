//! The fairest band (docs/model.md §5.3): with the coverage phase 1
//! reached, the smallest possible heaviest teacher's load H*, then — with
//! H* held — the largest possible lightest load L* among the teachers who
//! can reach it, each in weighted minutes per full share, and each proven
//! or not:
//!
//! - an upper plan comes from the constructor run with every teacher capped
//!   at H × their share (a search over H), then from handing posts from the
//!   heaviest to lighter teachers (`improve`, `Direction::LowerMax`), then
//!   from a neighbourhood search that lets several teachers trade at once
//!   (`squeeze.rs`); for L*, from handing posts to the lightest
//!   (`Direction::RaiseMin`);
//! - a proof comes from the LP relaxation of phase 1 with the caps as rows
//!   (min H, then max L: a true bound, as every plan is a point of the LP),
//!   and where the LP leaves a gap from a MILP asked whether the next value
//!   is possible at all ("can every post be covered with every teacher at
//!   most H − 1 minute a week?").
//!
//! The band found becomes rows of phase 2, which optimises the weighted
//! objective inside it.

use crate::backend;
use crate::ir::{Mip, Sense, Var};
use crate::milp::build::Model;
use crate::milp::construct::{Board, Place};
use crate::milp::deadline::Deadline;
use crate::model::StaffKind;
use crate::plan::{FairBand, HeldBelow, Holder};

mod proof;
pub(crate) mod squeeze;
pub(crate) use proof::RosterProof;

/// Minutes a week to which the band is proven.
pub const RESOLUTION: f64 = 1.0;

/// The band found, the plan that has it, and the rows that keep it.
pub(crate) struct Found {
    pub values: Vec<f64>,
    /// The bounds proven and who is held below (loads: see `report`).
    pub band: FairBand,
    /// The teachers the lightest is about.
    pub can_reach: Vec<usize>,
    /// (person, most weighted minutes over the cycle).
    pub caps: Vec<(usize, f64)>,
    /// (person, least weighted minutes over the cycle).
    pub floors: Vec<(usize, f64)>,
    /// The LP's least heaviest, over the cycle (where its LP finished).
    pub lp_bound: Option<f64>,
}

/// The teachers whose load the band is about: those with something to do.
pub(crate) fn teachers(model: &Model) -> Vec<usize> {
    (0..model.school.staff.len())
        .filter(|&p| model.school.staff[p].kind == StaffKind::Teacher && !model.acts[p].is_empty())
        .collect()
}

fn share(model: &Model, p: usize) -> f64 {
    model.staffing[p].share.max(0.01)
}

/// Each person's weighted minutes over the cycle in `values`.
fn loads(model: &Model, values: &[f64]) -> Vec<f64> {
    (0..model.school.staff.len())
        .map(|p| {
            model
                .load_terms(p)
                .iter()
                .map(|(v, wm)| if values[v.0] > 0.5 { *wm } else { 0.0 })
                .sum()
        })
        .collect()
}

/// Relative loads (per full share) of `people` in `values`, per cycle.
fn relative(model: &Model, values: &[f64], people: &[usize]) -> Vec<(usize, f64)> {
    let all = loads(model, values);
    people
        .iter()
        .map(|&p| (p, all[p] / share(model, p)))
        .collect()
}

fn unmet(model: &Model, values: &[f64]) -> f64 {
    model.unmet.iter().map(|(v, w)| w * values[v.0]).sum()
}

/// Finds the band from `start` (a plan with unmet demand `unmet_max`);
/// `constructed` is what the solve's own constructor run took, the measure
/// of a capped run here.
pub(crate) fn find(
    model: &Model,
    start: &[f64],
    unmet_max: f64,
    pinned: &[Var],
    constructed: std::time::Duration,
    deadline: Deadline<'_>,
) -> Option<Found> {
    let ts = teachers(model);
    // No time left (a 1 s limit on a big school): the plan's band is still
    // reported, without a search or a proof.
    if ts.is_empty() || !deadline.has(std::time::Duration::from_millis(100)) {
        return None;
    }
    let k = f64::from(model.demand.cycle_weeks.max(1));
    let res = RESOLUTION * k;
    let reach: Vec<(usize, f64, Holder)> = ts.iter().map(|&p| reachable(model, p)).collect();
    // The lower bound: the LP's least possible heaviest.
    let h_lp = if deadline.has(std::time::Duration::from_millis(500)) {
        lp_extreme(
            model,
            unmet_max,
            &ts,
            &[],
            None,
            deadline.seconds_left() * 0.2,
        )
    } else {
        None
    };
    // The upper plan: the constructor capped, searched over H, then moves.
    let mut best = start.to_vec();
    let max_of = |values: &[f64]| {
        relative(model, values, &ts)
            .iter()
            .map(|(_, r)| *r)
            .fold(0.0, f64::max)
    };
    let mut high = max_of(&best);
    // Without the LP's bound the search starts from the plan's average
    // teacher (a place to start, not a bound: at half the heaviest, as
    // before, the one capped run it had time for could only fail).
    let mut low = h_lp.unwrap_or_else(|| {
        let all = relative(model, &best, &ts);
        all.iter().map(|(_, r)| r).sum::<f64>() / all.len() as f64
    });
    // Each step is a constructor run (a second on a large school, more on
    // a busy machine): one is started only while as much time is left as
    // twice the solve's own constructor run, and as the longest step so far
    // took. (From
    // a guess of 0.2 s, one run on the large realistic school at 5 s on a
    // busy machine took 1.7 s past the band's share, and phase 2 had 0.6 s.)
    let mut step = (constructed * 2).max(std::time::Duration::from_millis(50));
    while high - low > res / 2.0 && deadline.has(step) {
        let mid = f64::midpoint(low, high);
        let started = std::time::Instant::now();
        let found = capped(model, pinned, &ts, mid, None, unmet_max);
        step = step.max(started.elapsed());
        match found {
            Some(values) => {
                high = max_of(&values).min(mid);
                best = values;
            }
            None => low = mid,
        }
    }
    best = improve(
        model,
        &best,
        pinned,
        &ts,
        Direction::LowerMax,
        unmet_max,
        &deadline,
    );
    // Then several teachers trading at once, in a neighbourhood search
    // (`squeeze.rs`), for most of what is left.
    let until = std::time::Instant::now()
        + std::time::Duration::from_secs_f64(deadline.seconds_left() * 0.6);
    best = squeeze::lower_heaviest(model, &best, &ts, unmet_max, res, h_lp, deadline.at(until));
    let mut heaviest = max_of(&best);
    let mut heaviest_bound = h_lp;
    // Where the LP leaves a gap, ask the MILP about the next value down
    // (whole rosters try too, beside phase 2: `proof.rs`).
    if heaviest_bound.is_none_or(|b| heaviest - b > res)
        && deadline.has(std::time::Duration::from_secs(1))
    {
        let caps: Vec<(usize, f64)> = ts
            .iter()
            .map(|&p| (p, (heaviest - res) * share(model, p)))
            .collect();
        match exact(model, unmet_max, &caps, &[], deadline.seconds_left() * 0.3) {
            Exact::Impossible => heaviest_bound = Some(heaviest - res),
            Exact::Possible(values) => {
                let better = improve(
                    model,
                    &values,
                    pinned,
                    &ts,
                    Direction::LowerMax,
                    unmet_max,
                    &deadline,
                );
                if max_of(&better) < heaviest {
                    best = better;
                    heaviest = max_of(&best);
                }
            }
            Exact::Unknown => {}
        }
    }
    // With the heaviest held: the lightest among those who can reach it.
    let caps: Vec<(usize, f64)> = ts
        .iter()
        .map(|&p| (p, heaviest * share(model, p) + 1e-6))
        .collect();
    let fair = heaviest_bound.unwrap_or(heaviest);
    let can_reach: Vec<usize> = reach
        .iter()
        .filter(|(_, r, _)| *r + 1e-6 >= fair.min(heaviest) - res)
        .map(|(p, _, _)| *p)
        .collect();
    let held_below: Vec<HeldBelow> = reach
        .iter()
        .filter(|(p, _, _)| !can_reach.contains(p))
        .map(|(p, r, why)| HeldBelow {
            staff: model.school.staff[*p].id.clone(),
            reachable: r / k,
            because: *why,
        })
        .collect();
    best = improve(
        model,
        &best,
        pinned,
        &can_reach,
        Direction::RaiseMin { caps: &caps },
        unmet_max,
        &deadline,
    );
    let min_of = |values: &[f64]| {
        relative(model, values, &can_reach)
            .iter()
            .map(|(_, r)| *r)
            .fold(f64::INFINITY, f64::min)
    };
    let lightest = if can_reach.is_empty() {
        heaviest
    } else {
        min_of(&best)
    };
    let lightest_bound = if can_reach.is_empty() {
        Some(lightest)
    } else if !deadline.has(std::time::Duration::from_millis(500)) {
        None
    } else {
        lp_extreme(
            model,
            unmet_max,
            &ts,
            &caps,
            Some(&can_reach),
            deadline.seconds_left() * 0.2,
        )
    };
    let floors: Vec<(usize, f64)> = can_reach
        .iter()
        .map(|&p| (p, lightest * share(model, p) - 1e-6))
        .collect();
    Some(Found {
        can_reach,
        values: best,
        band: FairBand {
            heaviest: heaviest / k,
            heaviest_bound: heaviest_bound.map(|b| b / k),
            lightest: lightest / k,
            lightest_bound: lightest_bound.map(|b| b / k),
            resolution: RESOLUTION,
            held_below,
        },
        caps,
        floors,
        lp_bound: h_lp,
    })
}

/// The band of the plan in `values`: its heaviest and lightest teacher,
/// with what `found` proved, per week. "Held below" must be true of this
/// plan: a teacher is listed only if the most they could carry is below the
/// lightest reported, and the lightest is the least load of everyone else.
/// Starting from those `found` says can reach the band, whoever could reach
/// the lightest joins them (which may lower it), until nobody more can:
/// someone who could carry 2 h 31 is not "held below" a band of 2 h 13 to
/// 2 h 38. The lightest's proof is about `found`'s teachers, so it is kept
/// only when they are still the ones the lightest is about.
pub(crate) fn report(model: &Model, values: &[f64], found: Option<&Found>) -> Option<FairBand> {
    let ts = teachers(model);
    if ts.is_empty() {
        return None;
    }
    let k = f64::from(model.demand.cycle_weeks.max(1));
    let load: std::collections::BTreeMap<usize, f64> =
        relative(model, values, &ts).into_iter().collect();
    let heaviest = load.values().copied().fold(0.0, f64::max) / k;
    let mut band = found.map_or_else(
        || FairBand {
            resolution: RESOLUTION,
            ..FairBand::default()
        },
        |f| f.band.clone(),
    );
    band.heaviest = heaviest;
    let Some(f) = found else {
        let lightest = load.values().copied().fold(f64::INFINITY, f64::min) / k;
        band.lightest = if lightest.is_finite() {
            lightest
        } else {
            heaviest
        };
        return Some(band);
    };
    let mut among: Vec<usize> = f.can_reach.clone();
    let lightest_of = |people: &[usize]| {
        people
            .iter()
            .map(|p| load[p] / k)
            .fold(f64::INFINITY, f64::min)
    };
    let mut lightest = lightest_of(&among);
    loop {
        let joining: Vec<usize> = f
            .band
            .held_below
            .iter()
            .filter(|h| h.reachable + 1e-6 >= lightest.min(heaviest))
            .filter_map(|h| model.school.staff.iter().position(|s| s.id == h.staff))
            .filter(|p| !among.contains(p))
            .collect();
        if joining.is_empty() {
            break;
        }
        among.extend(joining);
        lightest = lightest_of(&among);
    }
    band.held_below
        .retain(|h| h.reachable + 1e-6 < lightest.min(heaviest));
    if among.len() != f.can_reach.len() {
        band.lightest_bound = None;
    }
    band.lightest = if lightest.is_finite() {
        lightest
    } else {
        heaviest
    };
    Some(band)
}

/// A bound from phase 1's model at unmet demand `unmet_max`, with `caps`
/// (person, most minutes), within `seconds`: with `floor_of` None, on the
/// least possible H with every teacher of `ts` at most H × share (rows (16)
/// with H a variable); else on the most possible L with everyone of
/// `floor_of` at least L × share (rows (17)). Its LP relaxation, then the
/// same with the club days whole: true bounds, as every plan is a point of
/// both.
pub(super) fn lp_extreme(
    model: &Model,
    unmet_max: f64,
    ts: &[usize],
    caps: &[(usize, f64)],
    floor_of: Option<&[usize]>,
    seconds: f64,
) -> Option<f64> {
    let started = std::time::Instant::now();
    let mut lp = feasibility_model(model, unmet_max, caps, &[]);
    let level = lp.continuous("band_level".into(), 0.0, f64::INFINITY, 0.0);
    match floor_of {
        None => {
            lp.add_obj(level, 1.0);
            for &p in ts {
                let mut row = model.load_terms(p);
                row.push((level, -share(model, p)));
                lp.row(format!("high[{p}]"), row, Sense::Le, 0.0);
            }
        }
        Some(people) => {
            lp.add_obj(level, -1.0);
            for &p in people {
                let mut row = model.load_terms(p);
                row.push((level, -share(model, p)));
                lp.row(format!("low[{p}]"), row, Sense::Ge, 0.0);
            }
        }
    }
    // The objective is the level (min H), or −L (max L): a lower bound on
    // it bounds H* from below and L* from above. The LP's (the simplex's
    // optimum, or Clarabel's less its margin), then — where clubs choose
    // their days, which the LP splits in fractions — the branch and bound
    // over the club days alone, in the time left (§5.3).
    let mut bound = backend::lp_bound(&lp, seconds.max(0.2))?;
    let days = model.club_days();
    let left = seconds - started.elapsed().as_secs_f64();
    if !days.is_empty() && left >= 0.2 {
        if let Some(b) = backend::branch_bound(&lp, &days, left, &[]) {
            bound = bound.max(b);
        }
    }
    Some(if floor_of.is_some() { -bound } else { bound })
}

/// Phase 1's model at unmet demand at most `unmet_max`, with load caps and
/// floors as rows, and no objective.
fn feasibility_model(
    model: &Model,
    unmet_max: f64,
    caps: &[(usize, f64)],
    floors: &[(usize, f64)],
) -> Mip {
    let mut mip = with_band(model, unmet_max, caps, floors);
    for v in &mut mip.vars {
        v.obj = 0.0;
    }
    mip.obj_constant = 0.0;
    mip
}

/// Phase 1's model with unmet demand at most `unmet_max` and the band's rows.
fn with_band(model: &Model, unmet_max: f64, caps: &[(usize, f64)], floors: &[(usize, f64)]) -> Mip {
    let mut mip = model.mip.clone();
    mip.row(
        "unmet_at_most".into(),
        model.unmet.clone(),
        Sense::Le,
        unmet_max + 1e-6,
    );
    add_rows(&mut mip, band_rows(model, caps, floors));
    mip
}

/// Rows that hold every load between its floor and its cap: rows (16)
/// and (17) of docs/model.md §4.
pub(crate) fn band_rows(
    model: &Model,
    caps: &[(usize, f64)],
    floors: &[(usize, f64)],
) -> Vec<crate::ir::Row> {
    let row = |name: String, p: usize, sense, rhs| crate::ir::Row {
        name,
        terms: model.load_terms(p),
        sense,
        rhs,
    };
    caps.iter()
        .map(|&(p, cap)| row(format!("band_high[{p}]"), p, Sense::Le, cap))
        .chain(
            floors
                .iter()
                .map(|&(p, floor)| row(format!("band_low[{p}]"), p, Sense::Ge, floor)),
        )
        .filter(|r| !r.terms.is_empty())
        .collect()
}

/// Adds `rows` to `mip`.
pub(crate) fn add_rows(mip: &mut Mip, rows: Vec<crate::ir::Row>) {
    for r in rows {
        mip.row(r.name, r.terms, r.sense, r.rhs);
    }
}

enum Exact {
    /// Proven: no plan covers as much within these caps and floors.
    Impossible,
    /// A plan that does.
    Possible(Vec<f64>),
    /// Neither, in the time given.
    Unknown,
}

/// Is there a plan at unmet demand `unmet_max` within `caps` and `floors`?
fn exact(
    model: &Model,
    unmet_max: f64,
    caps: &[(usize, f64)],
    floors: &[(usize, f64)],
    seconds: f64,
) -> Exact {
    let mut mip = model.mip.clone();
    add_rows(&mut mip, band_rows(model, caps, floors));
    for (v, w) in &model.unmet {
        mip.add_obj(*v, *w);
    }
    match backend::solve(&mip, seconds.max(0.2), &[]) {
        Err(backend::BackendError::Infeasible) => Exact::Impossible,
        Ok(out) if unmet(model, &out.values) <= unmet_max + 1e-6 => Exact::Possible(out.values),
        Ok(out) if out.proven_optimal => Exact::Impossible,
        Ok(out) if out.bound.is_some_and(|b| b > unmet_max + 1e-6) => Exact::Impossible,
        _ => Exact::Unknown,
    }
}

/// The constructor with every teacher of `ts` capped at `h` × share (and
/// `caps` if given): a plan at unmet demand `unmet_max`, if it finds one.
pub(crate) fn capped(
    model: &Model,
    pinned: &[Var],
    ts: &[usize],
    h: f64,
    caps: Option<&[(usize, f64)]>,
    unmet_max: f64,
) -> Option<Vec<f64>> {
    let mut board = Board::new(model);
    board.balance = true;
    for &p in ts {
        board.load_cap[p] = h * share(model, p);
    }
    for &(p, cap) in caps.unwrap_or_default() {
        board.load_cap[p] = board.load_cap[p].min(cap);
    }
    board.pin_all(pinned);
    board.place_clubs();
    board.fill();
    let values = board.values();
    (unmet(model, &values) <= unmet_max + 1e-6).then_some(values)
}

#[derive(Clone, Copy)]
enum Direction<'c> {
    /// Hand posts from the heaviest to lighter teachers.
    LowerMax,
    /// Hand posts to the lightest from heavier people, within the caps.
    RaiseMin { caps: &'c [(usize, f64)] },
}

/// Local moves on the plan in `values`: one place handed from one person to
/// another, kept only if coverage stays and the heaviest (or lightest) of
/// `ts` improves. Returns the plan's values.
fn improve(
    model: &Model,
    values: &[f64],
    pinned: &[Var],
    ts: &[usize],
    direction: Direction<'_>,
    unmet_max: f64,
    deadline: &Deadline<'_>,
) -> Vec<f64> {
    let mut board = Board::from_values(model, values);
    board.pinned.extend(pinned.iter().copied());
    if let Direction::RaiseMin { caps } = direction {
        for &(p, cap) in caps {
            board.load_cap[p] = cap;
        }
    }
    let rel = |b: &Board, p: usize| b.load(p) / share(model, p);
    for _ in 0..10_000 {
        // A move can take a while on a big school (its chains); the band
        // never keeps a solve past its share of the time limit.
        if deadline.passed() {
            break;
        }
        let moved = match direction {
            Direction::LowerMax => {
                let Some(&o) = ts
                    .iter()
                    .max_by(|a, b| rel(&board, **a).total_cmp(&rel(&board, **b)))
                else {
                    break;
                };
                give_away(&mut board, o, &rel, model) || pass_on(&mut board, o, ts, &rel, model)
            }
            Direction::RaiseMin { .. } => {
                let Some(&q) = ts
                    .iter()
                    .min_by(|a, b| rel(&board, **a).total_cmp(&rel(&board, **b)))
                else {
                    break;
                };
                take_over(&mut board, q, ts, &rel)
            }
        };
        if !moved {
            break;
        }
    }
    let out = board.values();
    if unmet(model, &out) <= unmet_max + 1e-6 {
        out
    } else {
        values.to_vec()
    }
}

/// Hands one of `o`'s places to someone who stays lighter than `o` was (a
/// helper, or a teacher), the teacher left lightest after it; true if it did.
fn give_away(
    board: &mut Board,
    o: usize,
    rel: &dyn Fn(&Board, usize) -> f64,
    model: &Model,
) -> bool {
    let before = rel(board, o);
    let places: Vec<Place> = board
        .acts(o)
        .iter()
        .filter(|a| !board.pinned.contains(&a.var))
        .filter_map(|a| board.place_of(a.var))
        .collect();
    let mut best: Option<(f64, Place, usize)> = None;
    for place in places {
        let wm = model.demand.posts[board.post_of(place)].weighted_minutes();
        board.leave(place, o);
        for &q in &board.candidates(place).to_vec() {
            if q == o || !board.can_fill(place, q, true) {
                continue;
            }
            let after = (board.load(q) + wm) / model.staffing[q].share.max(0.01);
            // Only teachers count towards the heaviest: a helper may take
            // anything; a teacher only staying below where `o` was.
            let teacher = model.school.staff[q].kind == StaffKind::Teacher;
            if teacher && after >= before - 1e-9 {
                continue;
            }
            let key = if teacher { after } else { -1.0 };
            if best.is_none_or(|(k, _, _)| key < k) {
                best = Some((key, place, q));
            }
        }
        board.join(place, o);
    }
    let Some((_, place, q)) = best else {
        return false;
    };
    board.leave(place, o);
    board.join(place, q);
    true
}

/// `o`, the heaviest, gives up one of their places and it is filled again
/// by the constructor's chains, with every teacher capped just below where
/// `o` was — so someone busy may hand on a post of theirs to make room, and
/// nobody ends as heavy as `o` was; true if it worked.
fn pass_on(
    board: &mut Board,
    o: usize,
    ts: &[usize],
    rel: &dyn Fn(&Board, usize) -> f64,
    model: &Model,
) -> bool {
    let top = rel(board, o);
    let caps: Vec<f64> = board.load_cap.clone();
    for &p in ts {
        board.load_cap[p] = (top - 1e-6) * model.staffing[p].share.max(0.01);
    }
    let places: Vec<Place> = board
        .acts(o)
        .iter()
        .filter(|a| !board.pinned.contains(&a.var))
        .filter_map(|a| board.place_of(a.var))
        .collect();
    let mut done = false;
    for place in places {
        board.leave(place, o);
        // o may not take it back: o's cap is below o's old load less nothing.
        let cap_o = board.load_cap[o];
        board.load_cap[o] = board.load(o);
        if board.refill(place) {
            board.load_cap[o] = cap_o;
            done = true;
            break;
        }
        board.load_cap[o] = f64::INFINITY;
        board.join(place, o);
        board.load_cap[o] = cap_o;
    }
    board.load_cap = caps;
    done
}

/// The lightest, `q`, takes over a place from someone who stays heavier than
/// `q` becomes; true if it did.
fn take_over(
    board: &mut Board,
    q: usize,
    ts: &[usize],
    rel: &dyn Fn(&Board, usize) -> f64,
) -> bool {
    let mine = rel(board, q);
    let places = board.places();
    for place in places {
        let holders: Vec<usize> = match place {
            Place::Pool(k) => board.pool_people[k].iter().map(|(p, _)| *p).collect(),
            Place::Assist(_, i) => board.assistants.get(&i).cloned().unwrap_or_default(),
        };
        for o in holders {
            if o == q {
                continue;
            }
            let var_pinned = board
                .acts(o)
                .iter()
                .any(|a| board.place_of(a.var) == Some(place) && board.pinned.contains(&a.var));
            if var_pinned {
                continue;
            }
            board.leave(place, o);
            if board.can_fill(place, q, true) {
                board.join(place, q);
                let gains = rel(board, q) > mine + 1e-9;
                let fair = !ts.contains(&o) || rel(board, o) > mine + 1e-9;
                if gains && fair {
                    return true;
                }
                board.leave(place, q);
            }
            board.join(place, o);
        }
    }
    false
}

/// The most `p` could carry over the cycle on their own (their caps a day
/// and a week, no two posts at once), per full share; and what holds them
/// if that is below others: their weekly cap, or their availability.
fn reachable(model: &Model, p: usize) -> (usize, f64, Holder) {
    let (most, why) = most_minutes(model, p);
    (p, most / share(model, p), why)
}

/// The most weighted minutes `p` could carry over the cycle alone (every
/// post they may take, one at a time, within their caps a day and a week),
/// and what holds them there.
pub(crate) fn most_minutes(model: &Model, p: usize) -> (f64, Holder) {
    let st = &model.staffing[p];
    let mut total = 0.0;
    let mut cap_binds = false;
    for week in 1..=model.demand.cycle_weeks {
        // Per day: the most minutes with 0..=per_day posts, none overlapping.
        let mut days: Vec<Vec<f64>> = Vec::new();
        for day in crate::model::Weekday::ALL {
            let acts: Vec<usize> = model.acts[p]
                .iter()
                .map(|a| a.post)
                .filter(|&i| {
                    let post = &model.demand.posts[i].post;
                    post.week == week && post.day == day
                })
                .collect();
            let mut best = vec![0.0; st.per_day as usize + 1];
            choose(model, &acts, 0, &mut Vec::new(), &mut best);
            days.push(best);
        }
        // Across the days: at most per_week posts.
        let cap = st.per_week as usize;
        let mut reach = vec![f64::NEG_INFINITY; cap + 1];
        reach[0] = 0.0;
        for day in &days {
            let mut next = reach.clone();
            for (n, &have) in reach.iter().enumerate() {
                if have == f64::NEG_INFINITY {
                    continue;
                }
                for (m, &add) in day.iter().enumerate().skip(1) {
                    if add > 0.0 && n + m <= cap {
                        next[n + m] = next[n + m].max(have + add);
                    }
                }
            }
            reach = next;
        }
        let most = reach.iter().copied().fold(0.0, f64::max);
        cap_binds |= reach[cap] >= most - 1e-9 && most > 0.0;
        total += most;
    }
    let why = if cap_binds {
        Holder::CapPerWeek(st.per_week)
    } else {
        Holder::Availability
    };
    (total, why)
}

/// Fills `best[n]` with the most minutes of `n` non-overlapping posts among `acts[from..]`.
fn choose(model: &Model, acts: &[usize], from: usize, chosen: &mut Vec<usize>, best: &mut [f64]) {
    let sum: f64 = chosen
        .iter()
        .map(|&i| model.demand.posts[i].weighted_minutes())
        .sum();
    if best[chosen.len()] < sum {
        best[chosen.len()] = sum;
    }
    if chosen.len() + 1 >= best.len() {
        return;
    }
    for k in from..acts.len() {
        let i = acts[k];
        if chosen
            .iter()
            .any(|&j| j == i || model.demand.posts[j].overlaps(&model.demand.posts[i]))
        {
            continue;
        }
        chosen.push(i);
        choose(model, acts, k + 1, chosen, best);
        chosen.pop();
    }
}
