//! What the board starts from: the locks (each kept if it fits with the
//! locks before it), then, for a minimal-change re-solve, every assignment of
//! the previous plan that still fits the school as it is now. What does not
//! fit is what the deputy head's edits force to change.

use std::collections::BTreeMap;

use crate::ir::Var;
use crate::model::Weekday;
use crate::plan::{Lock, Plan, Role};

use super::{Board, Place};

/// What seeding kept and what it could not.
#[derive(Debug, Clone, Default)]
pub(crate) struct Seeded {
    /// The locks kept (index into the plan's locks, pinned variable).
    pub pins: Vec<(usize, Var)>,
    /// Why a lock could not be kept.
    pub notes: Vec<String>,
    /// Assignments of the previous plan, and how many could not be kept as
    /// they were (their post is gone, or the person can no longer take it).
    pub previous: usize,
    pub forced: usize,
}

impl Board<'_, '_> {
    /// Locks first, in order; then the previous plan's club days, rooms and
    /// leaders, then its other assignments.
    pub(crate) fn seed(
        &mut self,
        pins: &[(usize, Var)],
        locks: &[Lock],
        previous: Option<&Plan>,
    ) -> Seeded {
        let mut seeded = Seeded::default();
        for &(k, var) in pins {
            if self.pin(var) {
                self.pinned.insert(var);
                seeded.pins.push((k, var));
            } else {
                let lock = &locks[k];
                seeded.notes.push(format!(
                    "lock of {} on {} ignored: it clashes with another lock or a cap",
                    lock.staff, lock.post
                ));
            }
        }
        if let Some(prev) = previous {
            self.seed_clubs(prev);
            for post in &prev.posts {
                for a in &post.staff {
                    seeded.previous += 1;
                    if !self.keep(&post.id, a) {
                        seeded.forced += 1;
                    }
                }
            }
        }
        seeded
    }

    /// Puts the locks' variables on again (locks already known to fit
    /// together), for a board started afresh from the same model.
    pub(crate) fn pin_all(&mut self, vars: &[Var]) {
        for &var in vars {
            if self.pin(var) {
                self.pinned.insert(var);
            }
        }
    }

    /// Puts a pinned variable on, if it fits with what is on already.
    fn pin(&mut self, var: Var) -> bool {
        if let Some(place) = self.place_of(var) {
            if let Some(p) = self.m.mip.vars[var.0].owner {
                if let Place::Assist(c, i) = place {
                    let day = self.m.demand.posts[i].post.day;
                    if !self.happens(c, i) && !self.add_day(c, day) {
                        return false;
                    }
                }
                if self.can_fill(place, p, false) {
                    self.join(place, p);
                    return true;
                }
            }
            return false;
        }
        // A club leader: L (fixed days) or m (one meeting, so its day too).
        for c in 0..self.m.clubs.len() {
            let vars = &self.m.clubs[c];
            let found = vars
                .leaders
                .iter()
                .find(|(_, l)| *l == var)
                .map(|(p, _)| (*p, None))
                .or_else(|| {
                    vars.leader_at
                        .iter()
                        .find(|(_, m)| **m == var)
                        .map(|(&(p, i), _)| (p, Some(i)))
                });
            let Some((p, meeting)) = found else { continue };
            if self.leader[c].is_some_and(|q| q != p) {
                return false;
            }
            if let Some(i) = meeting {
                let day = self.m.demand.posts[i].post.day;
                if !self.days[c].contains(&day) && !self.add_day(c, day) {
                    return false;
                }
            }
            self.clear_leader(c);
            if self.may_lead_club(c, p) {
                self.set_leader(c, p);
                return true;
            }
            return false;
        }
        false
    }

    /// Adds `day` to a chosen-day club's days if one is still to choose.
    fn add_day(&mut self, c: usize, day: Weekday) -> bool {
        if self.days_wanted(c) == 0 || !self.m.clubs[c].days.iter().any(|(d, _)| *d == day) {
            return false;
        }
        self.days[c].push(day);
        self.days[c].sort();
        if let Some(p) = self.leader[c] {
            self.clear_leader(c);
            if self.may_lead_club(c, p) {
                self.set_leader(c, p);
            }
        }
        self.settle_room(c);
        true
    }

    /// The previous plan's club days, rooms and leaders, where they still hold.
    fn seed_clubs(&mut self, prev: &Plan) {
        for c in 0..self.m.clubs.len() {
            let club = &self.m.school.clubs[c].id;
            let mut days: Vec<Weekday> = Vec::new();
            let mut rooms: BTreeMap<&str, u32> = BTreeMap::new();
            let mut leader = None;
            for post in prev.posts.iter().filter(|p| p.club.as_ref() == Some(club)) {
                if !days.contains(&post.day) {
                    days.push(post.day);
                }
                if let Some(r) = &post.room {
                    *rooms.entry(r.as_str()).or_default() += 1;
                }
                if let Some(a) = post.staff.iter().find(|a| a.role == Role::Lead) {
                    leader = leader.or(Some(a.staff.clone()));
                }
            }
            let p = leader.and_then(|id| self.m.school.staff.iter().position(|s| s.id == id));
            if !self.m.clubs[c].days.is_empty() {
                // Keep the leader where they can still lead: a day they are
                // now blocked on is given up (its meeting moves) rather than
                // every meeting's leader changing.
                let blocked = p
                    .filter(|p| self.m.clubs[c].leaders.iter().any(|(q, _)| q == p))
                    .and_then(|p| self.m.clubs[c].leader_blocked.get(&p))
                    .cloned()
                    .unwrap_or_default();
                for d in days {
                    if !self.days[c].contains(&d) && !blocked.contains(&d) {
                        self.add_day(c, d);
                    }
                }
            }
            let room = rooms.iter().max_by_key(|(_, n)| **n).and_then(|(id, _)| {
                self.m
                    .school
                    .rooms
                    .iter()
                    .position(|r| r.id.as_str() == *id)
            });
            if self.room[c].is_none() {
                if let Some(r) = room.filter(|r| self.m.clubs[c].rooms.iter().any(|(q, _)| q == r))
                {
                    let meetings = self.meetings(c);
                    if self.room_free(c, r, &meetings, None) {
                        self.room[c] = Some(r);
                    }
                }
            }
            if let (None, Some(p)) = (self.leader[c], p) {
                if self.may_lead_club(c, p) {
                    self.set_leader(c, p);
                }
            }
        }
    }

    /// Keeps one assignment of the previous plan if it still fits; a club
    /// lead is kept when the club's leader is that person.
    fn keep(&mut self, post_id: &str, a: &crate::plan::Assignment) -> bool {
        let Some(i) = self.m.demand.index_of(post_id) else {
            return false;
        };
        let Some(p) = self.m.school.staff.iter().position(|s| s.id == a.staff) else {
            return false;
        };
        if a.role == Role::Lead {
            if let Some(c) = self.m.club_of(i) {
                return self.leader[c] == Some(p) && self.happens(c, i);
            }
        }
        let Some(var) = self.m.var_for(p, i, a.role) else {
            return false;
        };
        let Some(place) = self.place_of(var) else {
            return false;
        };
        let held = match place {
            Place::Pool(k) => self.holds_pool(k, p),
            Place::Assist(_, j) => self.assistants.get(&j).is_some_and(|l| l.contains(&p)),
        };
        if held {
            return true;
        }
        if self.can_fill(place, p, false) {
            self.join(place, p);
            return true;
        }
        false
    }
}
