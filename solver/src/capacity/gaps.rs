//! What the school's own staff leave open: the constructor's staffing
//! (docs/model.md §5.0) of the rota model, read as gaps — places a pool
//! lacks, clubs without a leader, assistants missing at club meetings —
//! each with what it asks of a person (lead or not, skill, kinds allowed).

use std::collections::BTreeMap;

use crate::eligibility::staffing;
use crate::milp::build::Model;
use crate::milp::construct::Board;
use crate::model::{School, Skill, StaffKind};

use super::Short;

/// The weeks the capacity model needs: one when every week of the cycle is
/// alike — the same posts (always) and everyone free on the same days of
/// every week (leave can differ by week) — for then one week's staffing is
/// every week's; else the whole cycle.
pub(super) fn cycle_for(school: &School) -> u8 {
    let k = school.rules.cycle_weeks.clamp(1, 4);
    let alike = school.staff.iter().all(|person| {
        let away = staffing(school, person, k).away;
        let week = |w: u8| {
            let mut days: Vec<_> = away
                .iter()
                .filter(|(x, _)| *x == w)
                .map(|(_, d)| *d)
                .collect();
            days.sort();
            days
        };
        (2..=k).all(|w| week(w) == week(1))
    });
    if alike {
        1
    } else {
        k
    }
}

/// The constructor's staffing of the school as it is (no locks, no previous
/// plan): every place someone is free for.
pub(super) fn construct(model: &Model, seconds: f64) -> Vec<f64> {
    let mut board = Board::new(model);
    board.place_clubs();
    board.clubs_together(seconds.min(2.0));
    board.fill();
    board.values()
}

/// Something the staff leave open that a person could fill.
#[derive(Debug, Clone)]
pub(super) struct Need {
    /// The posts it is about (a pool's first post; every candidate meeting
    /// of a club without a leader).
    pub posts: Vec<usize>,
    pub week: u8,
    /// Places: adults, or 1 for a club's leader.
    pub places: u32,
    /// A responsible adult (who may lead, with `skill`).
    pub lead: bool,
    pub skill: Option<Skill>,
    /// Only these kinds may take it (the duty leader: leaders).
    pub only: Option<Vec<StaffKind>>,
}

pub(super) struct Found {
    pub needs: Vec<Need>,
    pub short: Vec<Short>,
}

/// The gaps of `values` (a staffing of `model`).
pub(super) fn find(model: &Model, values: &[f64]) -> Found {
    let count = |v: crate::ir::Var| values[v.0].round().max(0.0) as u32;
    let mut needs = Vec::new();
    let mut short: BTreeMap<_, (u32, u32)> = BTreeMap::new();
    for pool in &model.pools {
        let (missing, leads) = (count(pool.missing), count(pool.missing_lead));
        if missing == 0 && leads == 0 {
            continue;
        }
        let spec = &model.demand.posts[pool.posts[0]];
        let post = &spec.post;
        let adults = missing.max(leads);
        let entry = short
            .entry((post.week, post.day, post.session, post.kind))
            .or_default();
        entry.0 += adults;
        entry.1 += leads;
        let mut need = Need {
            posts: vec![pool.posts[0]],
            week: post.week,
            places: leads,
            lead: true,
            skill: spec.lead_skill.clone(),
            only: spec.only_kinds.clone(),
        };
        if leads > 0 {
            needs.push(need.clone());
        }
        if adults > leads {
            need.places = adults - leads;
            need.lead = false;
            need.skill = None;
            needs.push(need);
        }
    }
    for (c, vars) in model.clubs.iter().enumerate() {
        let club = &model.school.clubs[c];
        // A club with no room it could ever use, or a fixed leader (who is
        // the only one who may lead it), is not a person's to fix.
        let fixable = !vars.rooms.is_empty() && club.leader.is_none();
        if values[vars.no_leader.0] > 0.5 && fixable {
            let meetings = &vars.meetings;
            for week in weeks_of(model, meetings) {
                let posts: Vec<usize> = meetings
                    .iter()
                    .copied()
                    .filter(|&i| model.demand.posts[i].post.week == week)
                    .collect();
                needs.push(Need {
                    posts,
                    week,
                    places: 1,
                    lead: true,
                    skill: Some(club.skill.clone()),
                    only: None,
                });
            }
        }
        for (&i, missing) in &vars.missing_assist {
            let n = count(*missing);
            if n == 0 || vars.rooms.is_empty() {
                continue;
            }
            let post = &model.demand.posts[i].post;
            needs.push(Need {
                posts: vec![i],
                week: post.week,
                places: n,
                lead: false,
                skill: None,
                only: None,
            });
        }
        if values[vars.no_leader.0] > 0.5 && fixable {
            for &i in &vars.meetings {
                let post = &model.demand.posts[i].post;
                let happens = vars.days.is_empty()
                    || vars
                        .days
                        .iter()
                        .any(|(d, y)| *d == post.day && values[y.0] > 0.5);
                if happens {
                    let entry = short
                        .entry((post.week, post.day, post.session, post.kind))
                        .or_default();
                    entry.0 += 1;
                    entry.1 += 1;
                }
            }
        }
        for (&i, missing) in &vars.missing_assist {
            let post = &model.demand.posts[i].post;
            if !vars.rooms.is_empty() {
                short
                    .entry((post.week, post.day, post.session, post.kind))
                    .or_default()
                    .0 += count(*missing);
            }
        }
    }
    // Each (weekday, session, kind) as in its busiest week of the cycle.
    let mut busiest: BTreeMap<_, (u32, u32)> = BTreeMap::new();
    for ((_, day, session, kind), (places, leads)) in short {
        let entry = busiest.entry((day, session, kind)).or_default();
        if places > entry.0 {
            *entry = (places, leads);
        }
    }
    let short = busiest
        .into_iter()
        .filter(|(_, (places, _))| *places > 0)
        .map(|((day, session, kind), (places, leads))| Short {
            day,
            session,
            kind,
            places,
            leads,
        })
        .collect();
    Found { needs, short }
}

fn weeks_of(model: &Model, posts: &[usize]) -> Vec<u8> {
    let mut weeks: Vec<u8> = posts
        .iter()
        .map(|&i| model.demand.posts[i].post.week)
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    weeks
}
