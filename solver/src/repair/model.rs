//! The repair MILP (docs/model.md §10): one small model over every place the
//! absences vacate on the affected dates and the people free to take them,
//! solved in two lexicographic phases.
//!
//! Phase 1 minimises places left unmet, then people called in (someone
//! already at school that afternoon is cheaper). Phase 2 keeps phase 1's
//! value and spreads the covers by the term-long substitution balance (the
//! k-th cover of a person costs balance + k, a convex price, so covers go to
//! the lowest balances first across the whole date range), then preferences,
//! then, far below, the candidates' rank (so equal repairs are told apart the
//! same way every time).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::candidates::Candidate;
use super::day::Loads;
use crate::backend::{self, BackendError};
use crate::eligibility::staffing;
use crate::ir::{Mip, Sense, Var};
use crate::model::{School, StaffId};
use crate::plan::{Post, Role};

/// Fairness outweighs preferences: one step of balance is worth this many
/// avoided sessions.
const FAIRNESS_WEIGHT: f64 = 10.0;

/// A tie-break by rank, far below any other term: many people share a
/// balance, and without it the branch and bound wanders among equal repairs.
const RANK_TIE_BREAK: f64 = 0.001;

/// A place an absence leaves empty on one date.
#[derive(Debug, Clone)]
pub struct Slot {
    pub date: NaiveDate,
    pub teaching_week: u32,
    /// The post as it runs that date (real times), staffed as it stands.
    pub post: Post,
    pub role: Role,
    pub out: StaffId,
    /// Everyone who could take it apart from what they would break, best first.
    pub ranked: Vec<Candidate>,
}

/// What the model decided: per slot, the index into its `ranked` of the cover.
#[derive(Debug, Clone)]
pub struct Decision {
    pub covers: Vec<Option<usize>>,
    pub variables: usize,
    pub proven_optimal: bool,
}

struct Built {
    mip: Mip,
    /// (slot, index into ranked, variable)
    x: Vec<(usize, usize, Var)>,
    unmet: Vec<Var>,
    call_in: Vec<Var>,
    unmet_weight: f64,
}

/// Solves the repair of `slots`; `loads` are the posts people already hold on
/// the dates and weeks concerned, `balances` the term-long counter.
pub fn solve(
    school: &School,
    cycle_weeks: u8,
    slots: &[Slot],
    loads: &Loads,
    balances: &BTreeMap<StaffId, i64>,
    time_limit: f64,
) -> Result<Decision, BackendError> {
    if slots.is_empty() {
        return Ok(Decision {
            covers: Vec::new(),
            variables: 0,
            proven_optimal: true,
        });
    }
    let mut b = build(school, cycle_weeks, slots, loads);
    // Phase 1: unmet places, then call-ins.
    for &u in &b.unmet {
        b.mip.add_obj(u, b.unmet_weight);
    }
    for &y in &b.call_in {
        b.mip.add_obj(y, 1.0);
    }
    let phase1 = backend::solve(&b.mip, time_limit, &[])?;
    let mut terms: Vec<(Var, f64)> = b.unmet.iter().map(|&u| (u, b.unmet_weight)).collect();
    terms.extend(b.call_in.iter().map(|&y| (y, 1.0)));
    let value1: f64 = terms.iter().map(|(v, c)| c * phase1.values[v.0]).sum();

    // Phase 2: fairness, then preferences, at phase 1's value exactly: any
    // slack lets the LP relaxation leave fractions of places unmet to save
    // fairness, and microlp then branches until the time limit.
    for v in &mut b.mip.vars {
        v.obj = 0.0;
    }
    b.mip
        .row("phase1".into(), terms, Sense::Le, value1.round() + 1e-6);
    fairness(&mut b, slots, balances);
    for &(s, i, x) in &b.x {
        b.mip
            .add_obj(x, slots[s].ranked[i].preference + RANK_TIE_BREAK * i as f64);
    }
    let start: Vec<(Var, f64)> =
        b.x.iter()
            .map(|&(_, _, x)| (x, phase1.values[x.0].round()))
            .collect();
    let (values, proven) = match backend::solve(&b.mip, time_limit, &start) {
        Ok(out) => (out.values, out.proven_optimal && phase1.proven_optimal),
        // Phase 1's answer is a sound repair; only its fairness is unproven.
        Err(_) => (phase1.values, false),
    };
    let mut covers = vec![None; slots.len()];
    for &(s, i, x) in &b.x {
        if values[x.0] > 0.5 {
            covers[s] = Some(i);
        }
    }
    Ok(Decision {
        covers,
        variables: b.mip.vars.len(),
        proven_optimal: proven,
    })
}

fn build(school: &School, cycle_weeks: u8, slots: &[Slot], loads: &Loads) -> Built {
    let mut mip = Mip::default();
    let mut x = Vec::new();
    let mut unmet = Vec::new();
    // (person, date) → variables of that person that date; (person, week) likewise.
    let mut by_day: BTreeMap<(StaffId, NaiveDate), Vec<(usize, Var)>> = BTreeMap::new();
    let mut by_week: BTreeMap<(StaffId, u32), Vec<Var>> = BTreeMap::new();
    let mut off_site: BTreeSet<(StaffId, NaiveDate)> = BTreeSet::new();
    for (s, slot) in slots.iter().enumerate() {
        let mut cover = Vec::new();
        for (i, c) in slot.ranked.iter().enumerate().filter(|(_, c)| c.free()) {
            let v = mip.binary(
                format!("x[{},{},{}]", slot.date, slot.post.id, c.staff),
                0.0,
            );
            x.push((s, i, v));
            cover.push((v, 1.0));
            by_day
                .entry((c.staff.clone(), slot.date))
                .or_default()
                .push((s, v));
            by_week
                .entry((c.staff.clone(), slot.teaching_week))
                .or_default()
                .push(v);
            if !c.on_site {
                off_site.insert((c.staff.clone(), slot.date));
            }
        }
        let u = mip.continuous(
            format!("unmet[{},{}]", slot.date, slot.post.id),
            0.0,
            1.0,
            0.0,
        );
        cover.push((u, 1.0));
        unmet.push(u);
        mip.row(format!("fill[{s}]"), cover, Sense::Eq, 1.0);
    }
    let mut call_in = Vec::new();
    for ((staff, date), vars) in &by_day {
        let person = school.person(staff);
        let st = person.map(|p| staffing(school, p, cycle_weeks));
        // One post at a time, on real times.
        for (i, (s1, v1)) in vars.iter().enumerate() {
            for (s2, v2) in &vars[i + 1..] {
                let (a, b) = (&slots[*s1].post, &slots[*s2].post);
                if a.start < b.end && b.start < a.end {
                    mip.row(
                        format!("overlap[{staff},{date},{s1},{s2}]"),
                        vec![(*v1, 1.0), (*v2, 1.0)],
                        Sense::Le,
                        1.0,
                    );
                }
            }
        }
        if let Some(st) = &st {
            let room = f64::from(st.per_day.saturating_sub(loads.on(*date, staff)));
            if room < vars.len() as f64 {
                let terms = vars.iter().map(|(_, v)| (*v, 1.0)).collect();
                mip.row(format!("day_cap[{staff},{date}]"), terms, Sense::Le, room);
            }
        }
        if off_site.contains(&(staff.clone(), *date)) {
            let y = mip.binary(format!("call_in[{staff},{date}]"), 0.0);
            call_in.push(y);
            for (_, v) in vars {
                mip.row(
                    format!("called[{staff},{date}]"),
                    vec![(*v, 1.0), (y, -1.0)],
                    Sense::Le,
                    0.0,
                );
            }
        }
    }
    for ((staff, week), vars) in &by_week {
        if let Some(p) = school.person(staff) {
            let st = staffing(school, p, cycle_weeks);
            let room = f64::from(st.per_week.saturating_sub(loads.in_week(*week, staff)));
            if room < vars.len() as f64 {
                let terms = vars.iter().map(|v| (*v, 1.0)).collect();
                mip.row(format!("week_cap[{staff},{week}]"), terms, Sense::Le, room);
            }
        }
    }
    // One unmet place must cost more than calling in everyone.
    let unmet_weight = (call_in.len() + 1) as f64;
    Built {
        mip,
        x,
        unmet,
        call_in,
        unmet_weight,
    }
}

/// The convex fairness price of a person's n covers,
/// 10·Σ_{k=1..n} (b − b_min + k) = 10·(b − b_min + 1)·n + 10·Σ_{j≥1} max(0, n − j):
/// the first part on each x, the second through e[j] ≥ n − j, e ≥ 0, so the
/// covers go to the lowest balances first.
fn fairness(b: &mut Built, slots: &[Slot], balances: &BTreeMap<StaffId, i64>) {
    let mut vars_of: BTreeMap<&StaffId, Vec<Var>> = BTreeMap::new();
    for &(s, i, x) in &b.x {
        vars_of
            .entry(&slots[s].ranked[i].staff)
            .or_default()
            .push(x);
    }
    let balance = |id: &StaffId| balances.get(id).copied().unwrap_or(0);
    let lowest = vars_of.keys().map(|id| balance(id)).min().unwrap_or(0);
    for (staff, xs) in vars_of {
        let base = (balance(staff) - lowest) as f64;
        for &x in &xs {
            b.mip.add_obj(x, FAIRNESS_WEIGHT * (base + 1.0));
        }
        for j in 1..xs.len() {
            let e = b.mip.continuous(
                format!("more[{staff},{j}]"),
                0.0,
                f64::INFINITY,
                FAIRNESS_WEIGHT,
            );
            let mut terms: Vec<(Var, f64)> = xs.iter().map(|&x| (x, 1.0)).collect();
            terms.push((e, -1.0));
            b.mip
                .row(format!("more[{staff},{j}]"), terms, Sense::Le, j as f64);
        }
    }
}
