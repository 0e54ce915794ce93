//! From the solver's values to a plan: chosen club days and rooms, and people
//! placed on the concrete posts of each pool — one lead per post first, then
//! the rest — preferring, on a minimal-change re-solve, the very post and role
//! they had in the previous plan, then the group a person already holds on
//! other days (continuity) and their own class.

use std::collections::BTreeMap;

use crate::eligibility::may_lead;
use crate::milp::build::Model;
use crate::plan::{Assignment, Plan, Post, PostKind, Role, PLAN_FORMAT_VERSION};

/// Posts (id) each person held in the previous plan, with the role.
type Before = BTreeMap<(usize, String), Role>;

pub fn plan(model: &Model, values: &[f64], previous: Option<&Plan>) -> Plan {
    let mut before: Before = BTreeMap::new();
    for post in previous.map(|p| p.posts.as_slice()).unwrap_or_default() {
        for a in &post.staff {
            if let Some(p) = model.school.staff.iter().position(|s| s.id == a.staff) {
                before.insert((p, post.id.clone()), a.role);
            }
        }
    }
    let on = |v: crate::ir::Var| values[v.0] > 0.5;
    let demand = model.demand;
    let mut staff: BTreeMap<usize, Vec<Assignment>> = BTreeMap::new();
    let mut happening: Vec<bool> = demand.posts.iter().map(|s| !s.optional).collect();
    let mut rooms: BTreeMap<usize, crate::model::RoomId> = BTreeMap::new();

    for vars in &model.clubs {
        for &i in &vars.meetings {
            let day = demand.posts[i].post.day;
            if let Some((_, y)) = vars.days.iter().find(|(d, _)| *d == day) {
                happening[i] = on(*y);
            }
            if !happening[i] {
                continue;
            }
            if let Some((p, _)) = vars.leaders.iter().find(|(_, l)| on(*l)) {
                staff.entry(i).or_default().push(Assignment {
                    staff: model.school.staff[*p].id.clone(),
                    role: Role::Lead,
                });
            }
            for ((p, post), a) in &vars.assists {
                if *post == i && on(*a) {
                    staff.entry(i).or_default().push(Assignment {
                        staff: model.school.staff[*p].id.clone(),
                        role: Role::Assist,
                    });
                }
            }
            if let Some((r, _)) = vars.rooms.iter().find(|(_, z)| on(*z)) {
                rooms.insert(i, model.school.rooms[*r].id.clone());
            }
        }
    }

    // Pools in time order, so continuity looks back at earlier days.
    let mut order: Vec<usize> = (0..model.pools.len()).collect();
    order.sort_by_key(|&k| {
        let p = &demand.posts[model.pools[k].posts[0]].post;
        (p.week, p.day, p.start, p.kind)
    });
    let mut held: BTreeMap<(usize, String), u32> = BTreeMap::new();
    for k in order {
        let pool = &model.pools[k];
        let people: Vec<usize> = (0..model.school.staff.len())
            .filter(|&p| model.x.get(&(p, k)).is_some_and(|v| on(*v)))
            .collect();
        for (i, assignment) in place(model, &pool.posts, &people, &held, &before) {
            let label = demand.posts[i].post.group_label();
            let p = model
                .school
                .staff
                .iter()
                .position(|s| s.id == assignment.staff)
                .unwrap_or(0);
            *held.entry((p, label)).or_default() += 1;
            staff.entry(i).or_default().push(assignment);
        }
    }

    let mut posts: Vec<Post> = Vec::new();
    for (i, spec) in demand.posts.iter().enumerate() {
        if !happening[i] {
            continue;
        }
        let mut post = spec.post.clone();
        if let Some(r) = rooms.get(&i) {
            post.room = Some(r.clone());
        }
        let mut s = staff.remove(&i).unwrap_or_default();
        s.sort_by(|a, b| (a.role, &a.staff).cmp(&(b.role, &b.staff)));
        post.staff = s;
        posts.push(post);
    }
    let mut plan = Plan::empty(String::new(), demand.cycle_weeks);
    plan.version = PLAN_FORMAT_VERSION;
    plan.posts = posts;
    crate::explain::mark_unmet(model.school, &mut plan);
    plan
}

/// Places `people` on `posts` (one pool): a lead on every post first, then
/// the remaining needs, each time taking the pair with most continuity.
fn place(
    model: &Model,
    posts: &[usize],
    people: &[usize],
    held: &BTreeMap<(usize, String), u32>,
    before: &Before,
) -> Vec<(usize, Assignment)> {
    let demand = model.demand;
    // The previous plan's post and role outweigh everything else, so a
    // re-solve that keeps a person in a pool keeps them where they were; and
    // someone who had another place of this pool is moved only if nobody
    // else can take this one (each move would be one more change).
    let affinity = |p: usize, i: usize, lead: bool| -> i64 {
        let post = &demand.posts[i].post;
        let kept = match before.get(&(p, post.id.clone())) {
            Some(Role::Lead) => 1000,
            Some(Role::Assist) if !lead => 1000,
            Some(Role::Assist) => -500,
            None => 0,
        };
        let elsewhere = posts
            .iter()
            .any(|&j| j != i && before.contains_key(&(p, demand.posts[j].post.id.clone())));
        let continuity = held.get(&(p, post.group_label())).copied().unwrap_or(0) * 2;
        let own_class = model.school.staff[p]
            .class_teacher_of
            .as_ref()
            .is_some_and(|c| post.classes.contains(c));
        kept - if elsewhere { 500 } else { 0 }
            + i64::from(continuity)
            + i64::from(own_class && post.kind == PostKind::Homework)
    };
    let mut free: Vec<usize> = people.to_vec();
    let mut need: BTreeMap<usize, u32> = posts
        .iter()
        .map(|&i| (i, demand.posts[i].post.adults_needed))
        .collect();
    let mut out = Vec::new();
    for lead_round in [true, false] {
        loop {
            let mut best: Option<(i64, usize, usize)> = None;
            for &i in posts {
                let has_lead = out
                    .iter()
                    .any(|(j, a): &(usize, Assignment)| *j == i && a.role == Role::Lead);
                if need[&i] == 0 || (lead_round && has_lead) {
                    continue;
                }
                for &p in &free {
                    if lead_round
                        && !may_lead(model.school, &model.school.staff[p], &demand.posts[i])
                    {
                        continue;
                    }
                    let score = affinity(p, i, lead_round);
                    if best.is_none_or(|(s, _, _)| score > s) {
                        best = Some((score, i, p));
                    }
                }
            }
            let Some((_, i, p)) = best else { break };
            free.retain(|&q| q != p);
            if let Some(n) = need.get_mut(&i) {
                *n -= 1;
            }
            let role = if lead_round { Role::Lead } else { Role::Assist };
            out.push((
                i,
                Assignment {
                    staff: model.school.staff[p].id.clone(),
                    role,
                },
            ));
        }
    }
    out
}
