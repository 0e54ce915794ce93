//! Clubs, scarcest first: the days a chosen-day club meets, a leader free at
//! every meeting, and a room of its kind that no care group or other club
//! uses then (model rows (3)–(8)).

use crate::model::{Meetings, Weekday};

use super::Board;

impl Board<'_, '_> {
    /// Days, leader and room for every club that lacks them; clubs with the
    /// fewest possible leaders first.
    pub(crate) fn place_clubs(&mut self) {
        let mut order: Vec<usize> = (0..self.m.clubs.len()).collect();
        order.sort_by_key(|&c| (self.m.clubs[c].leaders.len(), c));
        for c in order {
            if self.days_wanted(c) > 0 {
                self.choose_days(c);
            }
            if self.leader[c].is_none() {
                self.choose_leader(c);
            }
            if self.room[c].is_none() {
                self.choose_room(c);
            }
        }
    }

    /// Days still to choose for a chosen-day club (4).
    pub(crate) fn days_wanted(&self, c: usize) -> usize {
        let vars = &self.m.clubs[c];
        if vars.days.is_empty() {
            return 0;
        }
        let n = match self.m.school.clubs[c].meetings {
            Meetings::PerWeek(n) => usize::from(n),
            Meetings::Fixed(_) => 0,
        };
        n.min(vars.days.len()).saturating_sub(self.days[c].len())
    }

    /// The days of a chosen-day club: with a leader who is free on all of
    /// them and a room usable on all of them if there is such a pair, else a
    /// room, else any days. Days with fewer clubs come first.
    fn choose_days(&mut self, c: usize) {
        let wanted = self.days_wanted(c);
        let mut open: Vec<Weekday> = self.m.clubs[c]
            .days
            .iter()
            .map(|(d, _)| *d)
            .filter(|d| !self.days[c].contains(d))
            .collect();
        open.sort_by_key(|d| (self.clubs_on(*d), *d));
        let leaders: Vec<usize> = if let Some(p) = self.leader[c] {
            vec![p]
        } else {
            self.leader_order(c)
        };
        let rooms: Vec<Option<usize>> = match self.room[c] {
            Some(r) => vec![Some(r)],
            None => self.m.clubs[c]
                .rooms
                .iter()
                .map(|(r, _)| Some(*r))
                .collect(),
        };
        // Leader and room, else one of them, else neither.
        let mut options: Vec<(Option<usize>, Option<usize>)> = Vec::new();
        for (want_leader, want_room) in [(true, true), (true, false), (false, true)] {
            for p in leaders.iter().filter(|_| want_leader) {
                for r in rooms.iter().flatten().filter(|_| want_room) {
                    options.push((Some(*p), Some(*r)));
                }
                if !want_room {
                    options.push((Some(*p), None));
                }
            }
            if !want_leader {
                options.extend(rooms.iter().flatten().map(|r| (None, Some(*r))));
            }
        }
        for (p, room) in options {
            let chosen = self.days_for(c, &open, wanted, p, room);
            if chosen.len() == wanted {
                self.days[c].extend(chosen);
                self.days[c].sort();
                self.settle_leader(c, p);
                if room.is_some() {
                    self.room[c] = room;
                }
                self.settle_room(c);
                return;
            }
        }
        // Nothing fits: any days, so the club's members still have a place
        // on the plan (the model asks for exactly n days).
        self.days[c].extend(open.into_iter().take(wanted));
        self.days[c].sort();
        self.settle_leader(c, None);
        self.settle_room(c);
    }

    /// After the days changed: the room stays only if it is still free at
    /// every meeting that happens now (7), (8); else the club has none yet.
    pub(crate) fn settle_room(&mut self, c: usize) {
        if self.room[c].is_some_and(|r| !self.room_free(c, r, &self.meetings(c), None)) {
            self.room[c] = None;
        }
    }

    /// After the days changed: `p` leads every meeting that happens now, or,
    /// with `None`, the leader so far if they still can, else nobody.
    fn settle_leader(&mut self, c: usize, p: Option<usize>) {
        let Some(p) = p.or(self.leader[c]) else {
            return;
        };
        self.clear_leader(c);
        if self.may_lead_club(c, p) {
            self.set_leader(c, p);
        }
    }

    /// Up to `wanted` days of `open` on which `leader` could lead and `room`
    /// could hold the club, together with the days already chosen.
    fn days_for(
        &self,
        c: usize,
        open: &[Weekday],
        wanted: usize,
        leader: Option<usize>,
        room: Option<usize>,
    ) -> Vec<Weekday> {
        let mut chosen: Vec<Weekday> = Vec::new();
        for &d in open {
            if chosen.len() == wanted {
                break;
            }
            let on = |day: Weekday, held: bool| {
                day == d || chosen.contains(&day) || (held && self.days[c].contains(&day))
            };
            let meetings: Vec<usize> = self.m.clubs[c]
                .meetings
                .iter()
                .copied()
                .filter(|&i| on(self.m.demand.posts[i].post.day, true))
                .collect();
            if let Some(p) = leader {
                let vars = &self.m.clubs[c];
                // A leader already in place holds the days chosen before.
                let holds = self.leader[c] == Some(p);
                let new: Vec<usize> = meetings
                    .iter()
                    .copied()
                    .filter(|&i| on(self.m.demand.posts[i].post.day, !holds))
                    .collect();
                let blocked = vars.leader_blocked.get(&p).is_some_and(|b| b.contains(&d));
                let has_act = new.iter().all(|&i| vars.leader_at.contains_key(&(p, i)));
                if blocked || !has_act || !self.fits_all(p, &new) {
                    continue;
                }
            }
            if let Some(r) = room {
                if !self.room_free(c, r, &meetings, Some(d)) {
                    continue;
                }
            }
            chosen.push(d);
        }
        chosen
    }

    /// Candidate leaders of club `c`, the least loaded first.
    fn leader_order(&self, c: usize) -> Vec<usize> {
        let mut leaders: Vec<usize> = self.m.clubs[c].leaders.iter().map(|(p, _)| *p).collect();
        leaders.sort_by_key(|&p| {
            let load: u32 = (1..=self.m.demand.cycle_weeks)
                .map(|w| self.week_load(p, w))
                .sum();
            (load, self.m.acts[p].len(), p)
        });
        leaders
    }

    fn choose_leader(&mut self, c: usize) {
        if let Some(p) = self
            .leader_order(c)
            .into_iter()
            .find(|&p| self.may_lead_club(c, p))
        {
            self.set_leader(c, p);
        }
    }

    /// The smallest room of the club's kind that holds it and is free at
    /// every meeting that happens.
    pub(crate) fn choose_room(&mut self, c: usize) {
        let meetings = self.meetings(c);
        let mut rooms: Vec<usize> = self.m.clubs[c].rooms.iter().map(|(r, _)| *r).collect();
        rooms.sort_by_key(|&r| (self.m.school.rooms[r].capacity, r));
        self.room[c] = rooms
            .into_iter()
            .find(|&r| self.room_free(c, r, &meetings, None));
    }

    /// Could club `c` use room `r` at `meetings` (its day `extra` counted as
    /// chosen): not blocked by a care group on a chosen day (7), and no other
    /// club in it or its fallback at an overlapping time (8)?
    pub(crate) fn room_free(
        &self,
        c: usize,
        r: usize,
        meetings: &[usize],
        extra: Option<Weekday>,
    ) -> bool {
        let vars = &self.m.clubs[c];
        if let Some(blocked) = vars.room_blocked.get(&r) {
            let days = self.days[c].iter().chain(extra.as_ref());
            if days.into_iter().any(|d| blocked.contains(d)) {
                return false;
            }
        }
        let used = self.m.rooms_used(r);
        for (c2, room2) in self.room.iter().enumerate() {
            let Some(r2) = room2 else { continue };
            if c2 == c || !self.m.rooms_used(*r2).iter().any(|u| used.contains(u)) {
                continue;
            }
            for j in self.meetings(c2) {
                if meetings
                    .iter()
                    .any(|&i| self.m.demand.posts[i].overlaps(&self.m.demand.posts[j]))
                {
                    return false;
                }
            }
        }
        true
    }

    /// Clubs meeting on `day` so far (to spread chosen days).
    fn clubs_on(&self, day: Weekday) -> usize {
        (0..self.m.clubs.len())
            .filter(|&c| {
                self.m.clubs[c].days.is_empty() && self.happens_on(c, day)
                    || self.days[c].contains(&day)
            })
            .count()
    }

    fn happens_on(&self, c: usize, day: Weekday) -> bool {
        self.m.clubs[c]
            .meetings
            .iter()
            .any(|&i| self.m.demand.posts[i].post.day == day)
    }

    /// Clubs without a leader or a room get one where someone (something)
    /// is free now; a chosen-day club that still lacks one is tried on other
    /// days (unless a lock holds it). Returns how many were found.
    pub(crate) fn fill_clubs(&mut self) -> u32 {
        let mut filled = 0;
        for c in 0..self.m.clubs.len() {
            let lacks =
                |b: &Self| u32::from(b.leader[c].is_none()) + u32::from(b.room[c].is_none());
            let before = lacks(self);
            if self.leader[c].is_none() {
                self.choose_leader(c);
            }
            if self.room[c].is_none() {
                self.choose_room(c);
            }
            if lacks(self) > 0 && !self.m.clubs[c].days.is_empty() && !self.club_pinned(c) {
                let kept = (self.leader[c], self.days[c].clone(), self.room[c]);
                let helpers = self.unstaff_meetings(c);
                self.clear_leader(c);
                self.days[c].clear();
                self.room[c] = None;
                self.choose_days(c);
                if self.leader[c].is_none() {
                    self.choose_leader(c);
                }
                if self.room[c].is_none() {
                    self.choose_room(c);
                }
                if lacks(self) >= before {
                    self.unstaff_meetings(c);
                    self.clear_leader(c);
                    (self.days[c], self.room[c]) = (kept.1, kept.2);
                    if let Some(p) = kept.0 {
                        self.set_leader(c, p);
                    }
                    for (i, p) in helpers {
                        self.join_assist(c, i, p);
                    }
                }
            }
            filled += before.saturating_sub(lacks(self));
        }
        filled
    }

    /// Takes the assistants off every meeting of club `c`; returns who was where.
    fn unstaff_meetings(&mut self, c: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for &i in &self.m.clubs[c].meetings.clone() {
            for p in self.assistants.get(&i).cloned().unwrap_or_default() {
                self.leave_assist(c, i, p);
                out.push((i, p));
            }
        }
        out
    }

    /// Does a lock hold one of club `c`'s variables?
    fn club_pinned(&self, c: usize) -> bool {
        let vars = &self.m.clubs[c];
        vars.leaders
            .iter()
            .map(|(_, v)| v)
            .chain(vars.leader_at.values())
            .chain(vars.assists.values())
            .any(|v| self.pinned.contains(v))
    }
}

impl Board<'_, '_> {
    /// Days, rooms and leaders of every club at once, as a small MILP over
    /// the clubs' variables only (everything else held as it is): for when
    /// one club at a time leaves some club without a room or a leader (two
    /// playgrounds, five outdoor clubs, fallbacks shared with the gym…).
    /// Keeps the answer only if it leaves less missing.
    pub(crate) fn clubs_together(&mut self, seconds: f64) -> bool {
        let lacking = |b: &Self| {
            (0..b.m.clubs.len())
                .map(|c| u32::from(b.leader[c].is_none()) + u32::from(b.room[c].is_none()))
                .sum::<u32>()
        };
        let before = lacking(self);
        if before == 0 || seconds <= 0.0 {
            return false;
        }
        let values = self.values();
        let mut free = vec![false; values.len()];
        let mut weight = vec![0.0; values.len()];
        for vars in &self.m.clubs {
            let all = vars
                .leaders
                .iter()
                .map(|(_, v)| *v)
                .chain(vars.days.iter().map(|(_, v)| *v))
                .chain(vars.rooms.iter().map(|(_, v)| *v))
                .chain(vars.leader_at.values().copied())
                .chain(vars.occupancy.values().copied())
                .chain([vars.no_leader, vars.no_room]);
            for v in all {
                free[v.0] = !self.pinned.contains(&v);
            }
        }
        for (v, w) in &self.m.unmet {
            weight[v.0] = *w;
        }
        let keep: Vec<crate::ir::Keep> = (0..values.len())
            .map(|i| {
                if free[i] {
                    crate::ir::Keep::Free
                } else {
                    crate::ir::Keep::Fixed(values[i])
                }
            })
            .collect();
        let (mut sub, old) = self.m.mip.restrict(&keep);
        for (new, o) in old.iter().enumerate() {
            // What is missing costs; what is on now is kept where it can be.
            sub.vars[new].obj = weight[o.0] - if values[o.0] > 0.5 { 0.01 } else { 0.0 };
        }
        let hint: Vec<(crate::ir::Var, f64)> = old
            .iter()
            .enumerate()
            .filter(|(new, _)| sub.vars[*new].integer)
            .map(|(new, o)| (crate::ir::Var(new), values[o.0]))
            .collect();
        let Ok(out) = crate::backend::solve(&sub, seconds, &hint) else {
            return false;
        };
        let mut x = values.clone();
        for (new, o) in old.iter().enumerate() {
            x[o.0] = out.values[new];
        }
        let on = |v: crate::ir::Var| x[v.0] > 0.5;
        let saved: Vec<_> = (0..self.m.clubs.len())
            .map(|c| {
                (
                    self.leader[c],
                    self.days[c].clone(),
                    self.room[c],
                    self.unstaff_meetings(c),
                )
            })
            .collect();
        for c in 0..self.m.clubs.len() {
            self.clear_leader(c);
        }
        for (c, vars) in self.m.clubs.iter().enumerate() {
            self.days[c] = vars
                .days
                .iter()
                .filter(|(_, y)| on(*y))
                .map(|(d, _)| *d)
                .collect();
            self.room[c] = vars.rooms.iter().find(|(_, z)| on(*z)).map(|(r, _)| *r);
        }
        for c in 0..self.m.clubs.len() {
            let chosen = self.m.clubs[c]
                .leaders
                .iter()
                .find(|(_, l)| on(*l))
                .map(|(p, _)| *p);
            if let Some(p) = chosen.filter(|&p| self.may_lead_club(c, p)) {
                self.set_leader(c, p);
            }
        }
        if lacking(self) < before {
            for (c, (_, _, _, helpers)) in saved.into_iter().enumerate() {
                for (i, p) in helpers {
                    if self.happens(c, i) && self.can_fill(super::Place::Assist(c, i), p, false) {
                        self.join_assist(c, i, p);
                    }
                }
            }
            return true;
        }
        for c in 0..self.m.clubs.len() {
            self.clear_leader(c);
        }
        for (c, (leader, days, room, helpers)) in saved.into_iter().enumerate() {
            self.days[c] = days;
            self.room[c] = room;
            if let Some(p) = leader {
                self.set_leader(c, p);
            }
            for (i, p) in helpers {
                self.join_assist(c, i, p);
            }
        }
        false
    }
}
