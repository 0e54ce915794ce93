//! Shortages no person can fix, said as such (docs/model.md §11.4): groups
//! without a room, clubs without one they could ever use (none of the kind,
//! none big enough, no indoor fallback for rain, all taken), a fixed leader
//! who cannot lead, and places no kind with a price may take.

use std::collections::BTreeMap;

use crate::demand::Demand;
use crate::ir::Var;
use crate::milp::build::Model;
use crate::model::{ClubId, Room, RoomKind, School};
use crate::plan::PostKind;

use super::Unfixable;

/// What a staffing leaves unmet.
#[derive(Debug, Clone, Default)]
pub(super) struct Left {
    /// Pool posts (first post of the pool) and their open places.
    pub pools: Vec<(usize, u32)>,
    /// Clubs without a leader, and without a room.
    pub no_leader: Vec<usize>,
    pub no_room: Vec<usize>,
}

pub(super) fn left(model: &Model, values: &[f64]) -> Left {
    let count = |v: Var| values[v.0].round().max(0.0) as u32;
    let mut out = Left::default();
    for pool in &model.pools {
        let n = count(pool.missing).max(count(pool.missing_lead));
        if n > 0 {
            out.pools.push((pool.posts[0], n));
        }
    }
    for (c, vars) in model.clubs.iter().enumerate() {
        if values[vars.no_leader.0] > 0.5 {
            out.no_leader.push(c);
        }
        if values[vars.no_room.0] > 0.5 {
            out.no_room.push(c);
        }
        for (&i, missing) in &vars.missing_assist {
            let n = count(*missing);
            if n > 0 && !vars.rooms.is_empty() {
                out.pools.push((i, n));
            }
        }
    }
    out
}

/// The shortages of `left` (what stays unmet with the people found) and of
/// the demand itself (groups without a room) that no person fixes.
pub(super) fn unfixable(
    school: &School,
    model: &Model,
    demand: &Demand,
    left: &Left,
) -> Vec<Unfixable> {
    let mut out = groups_without_room(school, demand);
    for (c, vars) in model.clubs.iter().enumerate() {
        let club = &school.clubs[c];
        if vars.rooms.is_empty() {
            out.push(club_room(school, c));
        } else if left.no_room.contains(&c) {
            out.push(Unfixable::ClubRoomsTaken {
                club: club.id.clone(),
                kind: club.room_kind,
            });
        }
        if let (Some(leader), true) = (&club.leader, left.no_leader.contains(&c)) {
            out.push(Unfixable::FixedLeader {
                club: club.id.clone(),
                leader: leader.clone(),
            });
        }
    }
    let mut priced: BTreeMap<_, u32> = BTreeMap::new();
    for &(i, n) in &left.pools {
        let post = &demand.posts[i].post;
        if post.week == 1 {
            *priced
                .entry((post.day, post.session, post.kind))
                .or_default() += n;
        }
    }
    for (c, vars) in model.clubs.iter().enumerate() {
        let club = &school.clubs[c];
        if left.no_leader.contains(&c) && club.leader.is_none() && !vars.rooms.is_empty() {
            for &i in &vars.meetings {
                let post = &demand.posts[i].post;
                if post.week == 1 {
                    *priced
                        .entry((post.day, post.session, post.kind))
                        .or_default() += 1;
                }
            }
        }
    }
    out.extend(
        priced
            .into_iter()
            .map(|((day, session, kind), places)| Unfixable::NoKindPriced {
                day,
                session,
                kind,
                places,
            }),
    );
    out
}

/// Care and late groups the demand could give no room (one week).
fn groups_without_room(school: &School, demand: &Demand) -> Vec<Unfixable> {
    let largest = largest(school, RoomKind::Classroom);
    demand
        .posts
        .iter()
        .map(|s| &s.post)
        .filter(|p| p.week == 1 && p.kind != PostKind::Club && p.kind.holds_students())
        .filter(|p| p.room.is_none() && p.students > 0)
        .map(|p| {
            if p.students > largest {
                Unfixable::GroupTooBig {
                    classes: p.classes.clone(),
                    day: p.day,
                    session: p.session,
                    students: p.students,
                    largest,
                }
            } else {
                Unfixable::GroupRoomsTaken {
                    classes: p.classes.clone(),
                    day: p.day,
                    session: p.session,
                    students: p.students,
                }
            }
        })
        .collect()
}

fn largest(school: &School, kind: RoomKind) -> u32 {
    school
        .rooms
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.capacity)
        .max()
        .unwrap_or(0)
}

/// Why club `c` has no room it could ever use.
fn club_room(school: &School, c: usize) -> Unfixable {
    let club = &school.clubs[c];
    let (id, kind): (ClubId, RoomKind) = (club.id.clone(), club.room_kind);
    let rooms: Vec<&Room> = school.rooms.iter().filter(|r| r.kind == kind).collect();
    let largest = largest(school, kind);
    if rooms.is_empty() {
        return Unfixable::ClubNoRoomOfKind { club: id, kind };
    }
    if club.enrolled > largest {
        return Unfixable::ClubTooBig {
            club: id,
            kind,
            students: club.enrolled,
            largest,
        };
    }
    let sheltered = |r: &&Room| {
        !r.outdoor
            || r.fallback
                .as_ref()
                .filter(|f| **f != r.id)
                .and_then(|f| school.room(f))
                .is_some_and(|f| !f.outdoor)
    };
    if (club.outdoor || rooms.iter().all(|r| r.outdoor)) && !rooms.iter().any(sheltered) {
        return Unfixable::ClubNoRainRoom { club: id, kind };
    }
    Unfixable::ClubRoomsTaken { club: id, kind }
}
