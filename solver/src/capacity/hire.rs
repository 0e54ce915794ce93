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
use crate::eligibility::may_lead;
use crate::ir::{Keep, Sense, Var};
use crate::milp::build::Model;
use crate::milp::construct::Board;
use crate::model::{ClubId, School, SessionKind, Skill, StaffKind, Weekday};
use crate::plan::PostKind;

use super::gaps::Found;
use super::people::{self, Candidate, Profile};
use super::rooms::{self, Left};
use super::{CapacityOptions, Hire, Search};

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
    let start = start_values(&model, real_start, &h, &candidates, &profiles);
    // Coverage first: never more unmet than the first staffing, which
    // covers whatever a person found could.
    order_copies(&mut model, &candidates, &h, &start);
    let unmet_start: f64 = model.unmet.iter().map(|(v, w)| w * start[v.0]).sum();
    model.mip.row(
        "unmet_held".into(),
        model.unmet.clone(),
        Sense::Le,
        unmet_start + 1e-6,
    );
    let seconds = options.time_limit_seconds;
    let hint: Vec<(Var, f64)> = (0..start.len())
        .filter(|&i| model.mip.vars[i].integer)
        .map(|i| (Var(i), start[i].round()))
        .collect();
    let (mut values, bound) = match backend::solve(&model.mip, seconds * 0.8, &hint) {
        Ok(out) if model.mip.objective_of(&out.values) <= model.mip.objective_of(&start) + 1e-6 => {
            (rounded(&model, out.values), out.bound)
        }
        Ok(out) => (start, out.bound),
        Err(_) => (start, None),
    };
    let unmet: f64 = model.unmet.iter().map(|(v, w)| w * values[v.0]).sum();
    let cost: u32 = candidates
        .iter()
        .zip(&h)
        .filter(|(_, v)| values[v.0] > 0.5)
        .map(|(c, _)| profiles[c.profile].price)
        .sum();
    let bound = bound.map_or(0, |b| {
        let x = (b - unmet * UNMET_SCALE) / PRICE_UNIT;
        (x + 1e-6).floor().max(0.0) as u32
    });
    let left_seconds = (seconds - started.elapsed().as_secs_f64()).clamp(0.2, 2.0);
    values = fewest_posts(&model, &candidates, &h, values, left_seconds);
    let left = rooms::left(&model, &values);
    let hires = extract(&model, &candidates, &h, &values);
    (
        hires,
        Search {
            cost,
            bound: bound.min(cost),
        },
        left,
    )
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

/// (H3) copies of a profile are found in order, where the first staffing
/// keeps that order (it does, unless the constructor's chains had to call
/// on a later copy).
fn order_copies(model: &mut Model, candidates: &[Candidate], h: &[Var], start: &[f64]) {
    for n in 1..candidates.len() {
        let (a, b) = (&candidates[n - 1], &candidates[n]);
        if a.profile != b.profile {
            continue;
        }
        let same: Vec<usize> = (0..candidates.len())
            .filter(|&k| candidates[k].profile == a.profile)
            .collect();
        let prefix = same
            .windows(2)
            .all(|w| start[h[w[0]].0] >= start[h[w[1]].0]);
        if prefix {
            model.mip.row(
                format!("order[{}]", model.school.staff[b.person].id),
                vec![(h[n - 1], 1.0), (h[n], -1.0)],
                Sense::Ge,
                0.0,
            );
        }
    }
}

/// A first staffing: the school's own (the constructor's), then the people
/// to find, first fit: clubs without a leader take the first copy of the
/// cheapest profile free at every meeting; then each copy, cheapest profile
/// first, takes every open place it can (places that need a lead first, for
/// those who may lead) before the next copy is used — so the copies used
/// are the first of each profile (H3), each as busy as its caps allow.
/// Whoever holds a place is found.
fn start_values(
    model: &Model,
    (real, real_values): (&Model, &[f64]),
    h: &[Var],
    candidates: &[Candidate],
    profiles: &[Profile],
) -> Vec<f64> {
    let names: HashMap<&str, usize> = model
        .mip
        .vars
        .iter()
        .enumerate()
        .map(|(i, v)| (v.name.as_str(), i))
        .collect();
    let mut values = vec![0.0; model.mip.vars.len()];
    for (v, x) in real.mip.vars.iter().zip(real_values) {
        if let Some(&i) = names.get(v.name.as_str()) {
            values[i] = *x;
        }
    }
    let mut board = Board::from_values(model, &values);
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by_key(|c| (profiles[c.profile].price, c.profile));
    for c in 0..model.clubs.len() {
        if board.leader[c].is_some() {
            continue;
        }
        if let Some(q) = order.iter().find(|q| board.may_lead_club(c, q.person)) {
            board.set_leader(c, q.person);
        }
    }
    let places = board.places();
    for leads_only in [true, false] {
        for q in &order {
            for &place in &places {
                while board.open(place).0 > 0 {
                    let wanted = !leads_only || board.open(place).1 > 0;
                    if !wanted || !board.can_fill(place, q.person, leads_only) {
                        break;
                    }
                    board.join(place, q.person);
                }
            }
        }
    }
    // What first fit leaves, the constructor's chains may still fill.
    if places.iter().any(|&p| board.open(p).0 > 0) {
        board.fill();
    }
    let mut values = board.values();
    for (c, hired) in candidates.iter().zip(h) {
        values[hired.0] = f64::from(u8::from(!board.acts(c.person).is_empty()));
    }
    values
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

/// The people found, grouped into lines of the list: by kind, skill, club
/// and whether they lead.
fn extract(model: &Model, candidates: &[Candidate], h: &[Var], values: &[f64]) -> Vec<Hire> {
    type Key = (StaffKind, Option<Skill>, Option<ClubId>, bool);
    #[derive(Default)]
    struct Line {
        tasks: BTreeSet<PostKind>,
        when: BTreeMap<(Weekday, SessionKind), u32>,
        people: Vec<Vec<(Weekday, SessionKind)>>,
    }
    let on = |v: Var| values[v.0] > 0.5;
    let mut lines: BTreeMap<Key, Line> = BTreeMap::new();
    for (c, hired) in candidates.iter().zip(h) {
        if !on(*hired) {
            continue;
        }
        let person = &model.school.staff[c.person];
        let mut tasks: BTreeSet<PostKind> = BTreeSet::new();
        let mut when: BTreeSet<(Weekday, SessionKind)> = BTreeSet::new();
        let mut available: BTreeSet<(Weekday, SessionKind)> = BTreeSet::new();
        let mut skill: Option<Skill> = None;
        let mut club = None;
        let mut leads = false;
        for a in model.acts[c.person].iter().filter(|a| on(a.var)) {
            let spec = &model.demand.posts[a.post];
            let post = &spec.post;
            tasks.insert(post.kind);
            when.insert((post.day, post.session));
            available.extend(spec.touched.iter().map(|s| (post.day, *s)));
            let lead = if post.kind == PostKind::Club {
                model
                    .club_of(a.post)
                    .is_some_and(|k| !model.clubs[k].assists.values().any(|v| *v == a.var))
            } else {
                may_lead(model.school, person, spec)
            };
            if lead {
                leads = true;
                if spec.lead_skill.is_some() {
                    skill.clone_from(&spec.lead_skill);
                }
                if post.kind == PostKind::Club {
                    club.clone_from(&post.club);
                }
            }
        }
        if tasks.is_empty() {
            continue;
        }
        let line = lines.entry((person.kind, skill, club, leads)).or_default();
        line.tasks.extend(tasks);
        for w in when {
            *line.when.entry(w).or_default() += 1;
        }
        line.people.push(available.into_iter().collect());
    }
    lines
        .into_iter()
        .map(|((kind, skill, club, leads), line)| Hire {
            count: line.people.len() as u32,
            kind,
            skill,
            club,
            leads,
            tasks: line.tasks.into_iter().collect(),
            when: line.when.into_iter().map(|((d, s), n)| (d, s, n)).collect(),
            people: line.people,
        })
        .collect()
}
