//! The constructor (docs/model.md §5.0): a deterministic staffing of every
//! place that can be staffed, built in code before any MILP runs, in well
//! under a second. Its result is phase 1's first incumbent, so a solve never
//! ends with more unmet demand than the constructor left, whatever the time
//! limit or the machine's load; and the same `fill` runs on every plan the
//! MILP phases return, so no post is left short while someone eligible is
//! free for it.
//!
//! It works on the model itself (`Board`: which of the model's variables are
//! on), so what it builds keeps exactly the model's rows: eligibility is the
//! model's variables, conflicts and caps are rows (9)–(11), clubs are (3)–(8).
//!
//! 1. locks, then (for a re-solve) the previous plan's assignments, each kept
//!    if it still fits (`seed`);
//! 2. clubs, scarcest first: a leader who is free at every meeting, the days
//!    and a room (`clubs.rs`);
//! 3. every other place, scarcest first: the place with the least slack
//!    (free candidates − open places) gets the person it costs least
//!    (`greedy.rs`);
//! 4. places still open: ejection chains of up to three moves — someone
//!    eligible but busy gives up one post to take this one, and that post is
//!    filled the same way (`augment.rs`);
//! 5. leads nobody could take are filled by assistants where the ratio needs
//!    adults anyway, and a missing lead replaces an assistant who cannot lead
//!    when a free person could lead.

mod augment;
mod clubs;
mod greedy;
mod seed;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use crate::demand::PostSpec;
use crate::ir::Var;
use crate::milp::build::{Act, Model};
use crate::model::Weekday;

/// Which of the model's staffing variables are on, with everything needed to
/// ask quickly whether one more fits.
pub(crate) struct Board<'m, 'a> {
    pub m: &'m Model<'a>,
    /// Per person: the acts that are on.
    on: Vec<Vec<Act>>,
    /// Per person: acts on per (week − 1, weekday index).
    per_day: Vec<Vec<[u32; 5]>>,
    /// Per person: acts on per week − 1.
    per_week: Vec<Vec<u32>>,
    /// Per person: weighted minutes held over the cycle, and the most they
    /// may hold (infinite unless a band caps it: `milp::band`).
    load: Vec<f64>,
    pub load_cap: Vec<f64>,
    /// Choose the person with the least weighted minutes per share first
    /// (the band's search), rather than the least posts per cap.
    pub balance: bool,
    /// Per pool: the people in it, with whether they may lead it.
    pub pool_people: Vec<Vec<(usize, bool)>>,
    /// Per club: the leader (person), the chosen days, the room (index).
    pub leader: Vec<Option<usize>>,
    pub days: Vec<Vec<Weekday>>,
    pub room: Vec<Option<usize>>,
    /// Per club meeting post: its assistants.
    pub assistants: std::collections::BTreeMap<usize, Vec<usize>>,
    /// Variables that must stay on (locks).
    pub pinned: BTreeSet<Var>,
    /// The place each staffing variable fills.
    place_of: std::collections::HashMap<Var, Place>,
    /// Per pool, per person: their variable and whether they may lead it.
    pool_vars: Vec<Vec<Option<(Var, bool)>>>,
    /// Per pool: who could take one of its places.
    pool_candidates: Vec<Vec<usize>>,
    /// Per club meeting post: who could assist.
    assist_candidates: std::collections::BTreeMap<usize, Vec<usize>>,
}

/// Something one person can fill: a place in a pool, or an assistant's place
/// at a club meeting (club, meeting post).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    Pool(usize),
    Assist(usize, usize),
}

impl<'m, 'a> Board<'m, 'a> {
    /// Nothing on yet; chosen-day clubs meet on no day.
    pub fn new(m: &'m Model<'a>) -> Board<'m, 'a> {
        let people = m.school.staff.len();
        let weeks = usize::from(m.demand.cycle_weeks.max(1));
        let mut place_of = std::collections::HashMap::new();
        let mut pool_vars = vec![vec![None; people]; m.pools.len()];
        for (k, pool) in m.pools.iter().enumerate() {
            for &(p, x, leads) in &pool.people {
                place_of.insert(x, Place::Pool(k));
                pool_vars[k][p] = Some((x, leads));
            }
        }
        let mut assist_candidates: std::collections::BTreeMap<usize, Vec<usize>> =
            std::collections::BTreeMap::new();
        for (c, vars) in m.clubs.iter().enumerate() {
            for (&(p, i), a) in &vars.assists {
                place_of.insert(*a, Place::Assist(c, i));
                assist_candidates.entry(i).or_default().push(p);
            }
        }
        Board {
            m,
            on: vec![Vec::new(); people],
            per_day: vec![vec![[0; 5]; weeks]; people],
            per_week: vec![vec![0; weeks]; people],
            load: vec![0.0; people],
            load_cap: vec![f64::INFINITY; people],
            balance: false,
            pool_people: vec![Vec::new(); m.pools.len()],
            leader: vec![None; m.clubs.len()],
            days: m.clubs.iter().map(|_| Vec::new()).collect(),
            room: vec![None; m.clubs.len()],
            assistants: std::collections::BTreeMap::new(),
            pinned: BTreeSet::new(),
            place_of,
            pool_candidates: m
                .pools
                .iter()
                .map(|pool| pool.people.iter().map(|(p, _, _)| *p).collect())
                .collect(),
            pool_vars,
            assist_candidates,
        }
    }

    fn spec(&self, post: usize) -> &PostSpec {
        &self.m.demand.posts[post]
    }

    /// Does meeting post `i` of club `c` happen (fixed, or its day chosen)?
    pub fn happens(&self, c: usize, i: usize) -> bool {
        let vars = &self.m.clubs[c];
        vars.days.is_empty() || self.days[c].contains(&self.spec(i).post.day)
    }

    /// The meetings of club `c` that happen.
    pub fn meetings(&self, c: usize) -> Vec<usize> {
        self.m.clubs[c]
            .meetings
            .iter()
            .copied()
            .filter(|&i| self.happens(c, i))
            .collect()
    }

    /// Could person `p` take these posts too, all together: no overlap with
    /// what they hold or with each other (either season, (9)), and within
    /// their caps per day (10) and week (11)?
    pub fn fits_all(&self, p: usize, posts: &[usize]) -> bool {
        let st = &self.m.staffing[p];
        let more: f64 = posts.iter().map(|&i| self.spec(i).weighted_minutes()).sum();
        if self.load[p] + more > self.load_cap[p] + 1e-6 {
            return false;
        }
        // (week, day, acts added) of the posts so far: a handful at most.
        let mut added: Vec<(usize, usize, u32)> = Vec::new();
        for (k, &i) in posts.iter().enumerate() {
            let spec = self.spec(i);
            let (w, d) = (usize::from(spec.post.week) - 1, spec.post.day.index());
            let on_day = added
                .iter()
                .filter(|a| a.0 == w && a.1 == d)
                .map(|a| a.2)
                .sum::<u32>();
            let in_week = added.iter().filter(|a| a.0 == w).map(|a| a.2).sum::<u32>();
            if self.per_day[p][w][d] + on_day + 1 > st.per_day
                || self.per_week[p][w] + in_week + 1 > st.per_week
            {
                return false;
            }
            added.push((w, d, 1));
            let clash = self.on[p]
                .iter()
                .map(|a| a.post)
                .chain(posts[..k].iter().copied())
                .any(|j| j == i || self.spec(j).overlaps(spec));
            if clash {
                return false;
            }
        }
        true
    }

    pub fn fits(&self, p: usize, post: usize) -> bool {
        self.fits_all(p, &[post])
    }

    fn count(&mut self, p: usize, post: usize, delta: i32) {
        let spec = &self.m.demand.posts[post];
        self.load[p] += f64::from(delta) * spec.weighted_minutes();
        let (w, d) = (usize::from(spec.post.week) - 1, spec.post.day.index());
        self.per_day[p][w][d] = self.per_day[p][w][d].saturating_add_signed(delta);
        self.per_week[p][w] = self.per_week[p][w].saturating_add_signed(delta);
    }

    fn act_on(&mut self, p: usize, act: Act) {
        self.count(p, act.post, 1);
        self.on[p].push(act);
    }

    fn act_off(&mut self, p: usize, var: Var) {
        if let Some(k) = self.on[p].iter().position(|a| a.var == var) {
            let act = self.on[p].remove(k);
            self.count(p, act.post, -1);
        }
    }

    /// The acts person `p` holds.
    pub fn acts(&self, p: usize) -> &[Act] {
        &self.on[p]
    }

    /// Weighted minutes `p` holds over the cycle.
    pub fn load(&self, p: usize) -> f64 {
        self.load[p]
    }

    pub fn week_load(&self, p: usize, week: u8) -> u32 {
        self.per_week[p][usize::from(week) - 1]
    }

    // ---- pools (1), (2) ------------------------------------------------------

    /// (open places, open lead places) of pool `k`.
    pub fn pool_open(&self, k: usize) -> (u32, u32) {
        let pool = &self.m.pools[k];
        let people = &self.pool_people[k];
        let leads = people.iter().filter(|(_, l)| *l).count() as u32;
        (
            pool.needed.saturating_sub(people.len() as u32),
            (pool.posts.len() as u32).saturating_sub(leads),
        )
    }

    /// `p`'s variable in pool `k`, and whether they may lead it.
    pub fn in_pool(&self, k: usize, p: usize) -> Option<(Var, bool)> {
        self.pool_vars[k][p]
    }

    pub fn holds_pool(&self, k: usize, p: usize) -> bool {
        self.pool_people[k].iter().any(|(q, _)| *q == p)
    }

    /// Puts `p` in pool `k` (the caller checked `fits`).
    pub fn join_pool(&mut self, k: usize, p: usize) {
        let Some((var, leads)) = self.in_pool(k, p) else {
            return;
        };
        let post = self.m.pools[k].posts[0];
        self.pool_people[k].push((p, leads));
        self.act_on(p, Act { var, post });
    }

    pub fn leave_pool(&mut self, k: usize, p: usize) {
        if let Some((var, _)) = self.in_pool(k, p) {
            self.pool_people[k].retain(|(q, _)| *q != p);
            self.act_off(p, var);
        }
    }

    // ---- clubs (3)–(8) ---------------------------------------------------------

    /// The act that puts leader `p` at meeting `i` of club `c`.
    fn leader_act(&self, c: usize, p: usize, i: usize) -> Option<Act> {
        let vars = &self.m.clubs[c];
        let var = if vars.days.is_empty() {
            vars.leaders.iter().find(|(q, _)| *q == p).map(|(_, l)| *l)
        } else {
            vars.leader_at.get(&(p, i)).copied()
        }?;
        Some(Act { var, post: i })
    }

    /// Makes `p` the leader of club `c` at every meeting that happens.
    pub fn set_leader(&mut self, c: usize, p: usize) {
        self.clear_leader(c);
        for i in self.meetings(c) {
            if let Some(act) = self.leader_act(c, p, i) {
                self.act_on(p, act);
            }
        }
        self.leader[c] = Some(p);
    }

    pub fn clear_leader(&mut self, c: usize) {
        let Some(p) = self.leader[c].take() else {
            return;
        };
        let posts: BTreeSet<usize> = self.m.clubs[c].meetings.iter().copied().collect();
        let gone: Vec<Var> = self.on[p]
            .iter()
            .filter(|a| posts.contains(&a.post))
            .filter(|a| !self.m.clubs[c].assists.values().any(|v| *v == a.var))
            .map(|a| a.var)
            .collect();
        for v in gone {
            self.act_off(p, v);
        }
    }

    /// May `p` lead club `c` on the days chosen now: a candidate leader, not
    /// blocked on a chosen day (5), and free at every meeting.
    pub fn may_lead_club(&self, c: usize, p: usize) -> bool {
        let vars = &self.m.clubs[c];
        if !vars.leaders.iter().any(|(q, _)| *q == p) {
            return false;
        }
        let blocked = vars.leader_blocked.get(&p);
        if self.days[c]
            .iter()
            .any(|d| blocked.is_some_and(|b| b.contains(d)))
        {
            return false;
        }
        let meetings = self.meetings(c);
        meetings.iter().all(|&i| self.leader_act(c, p, i).is_some()) && self.fits_all(p, &meetings)
    }

    /// Assistants of meeting `i` still missing.
    pub fn assist_open(&self, c: usize, i: usize) -> u32 {
        if !self.happens(c, i) {
            return 0;
        }
        let extra = self.spec(i).post.adults_needed.saturating_sub(1);
        extra.saturating_sub(self.assistants.get(&i).map_or(0, Vec::len) as u32)
    }

    pub fn assist_var(&self, c: usize, p: usize, i: usize) -> Option<Var> {
        self.m.clubs[c].assists.get(&(p, i)).copied()
    }

    pub fn join_assist(&mut self, c: usize, i: usize, p: usize) {
        if let Some(var) = self.assist_var(c, p, i) {
            self.assistants.entry(i).or_default().push(p);
            self.act_on(p, Act { var, post: i });
        }
    }

    pub fn leave_assist(&mut self, c: usize, i: usize, p: usize) {
        if let Some(var) = self.assist_var(c, p, i) {
            if let Some(list) = self.assistants.get_mut(&i) {
                list.retain(|q| *q != p);
            }
            self.act_off(p, var);
        }
    }

    // ---- places -------------------------------------------------------------

    /// The place an act of a person fills (`None`: a club leader's act).
    pub fn place_of(&self, var: Var) -> Option<Place> {
        self.place_of.get(&var).copied()
    }

    /// The post that tells whether a place fits a person (a pool's posts
    /// share their times).
    pub fn post_of(&self, place: Place) -> usize {
        match place {
            Place::Pool(k) => self.m.pools[k].posts[0],
            Place::Assist(_, i) => i,
        }
    }

    /// (open places, how many of them need someone who may lead).
    pub fn open(&self, place: Place) -> (u32, u32) {
        match place {
            Place::Pool(k) => {
                let (open, lead) = self.pool_open(k);
                (open, lead.min(open))
            }
            Place::Assist(c, i) => (self.assist_open(c, i), 0),
        }
    }

    /// Could `p` fill one of the open places of `place` now? `strict`: a
    /// place that needs a lead is only for someone who may lead.
    pub fn can_fill(&self, place: Place, p: usize, strict: bool) -> bool {
        self.eligible_for(place, p, strict) && self.fits(p, self.post_of(place))
    }

    /// Could `p` ever fill an open place of `place` (its variable exists,
    /// not there yet, may lead where a lead is needed), whatever they hold now?
    pub fn eligible_for(&self, place: Place, p: usize, strict: bool) -> bool {
        let (open, lead) = self.open(place);
        if open == 0 {
            return false;
        }
        match place {
            Place::Pool(k) => match self.in_pool(k, p) {
                Some((_, leads)) => !self.holds_pool(k, p) && (leads || !strict || open > lead),
                None => false,
            },
            Place::Assist(c, i) => {
                self.assist_var(c, p, i).is_some()
                    && !self.assistants.get(&i).is_some_and(|a| a.contains(&p))
            }
        }
    }

    /// Everyone who could ever fill `place` (its variables), in person order.
    pub fn candidates(&self, place: Place) -> &[usize] {
        match place {
            Place::Pool(k) => &self.pool_candidates[k],
            Place::Assist(_, i) => self.assist_candidates.get(&i).map_or(&[], Vec::as_slice),
        }
    }

    pub fn join(&mut self, place: Place, p: usize) {
        match place {
            Place::Pool(k) => self.join_pool(k, p),
            Place::Assist(c, i) => self.join_assist(c, i, p),
        }
    }

    pub fn leave(&mut self, place: Place, p: usize) {
        match place {
            Place::Pool(k) => self.leave_pool(k, p),
            Place::Assist(c, i) => self.leave_assist(c, i, p),
        }
    }

    /// Every place of the model.
    pub fn places(&self) -> Vec<Place> {
        let mut out: Vec<Place> = (0..self.m.pools.len()).map(Place::Pool).collect();
        for (c, vars) in self.m.clubs.iter().enumerate() {
            out.extend(vars.missing_assist.keys().map(|&i| Place::Assist(c, i)));
        }
        out
    }

    // ---- to and from the model's values ------------------------------------

    /// The board as values of every variable of phase 1 (the staffing,
    /// clubs, rooms and what is missing); objective terms beyond it are left
    /// at 0 (`Terms::complete` sets them).
    pub fn values(&self) -> Vec<f64> {
        let m = self.m;
        let mut x = vec![0.0; m.mip.vars.len()];
        for acts in &self.on {
            for a in acts {
                x[a.var.0] = 1.0;
            }
        }
        for (k, pool) in m.pools.iter().enumerate() {
            let (open, open_lead) = self.pool_open(k);
            x[pool.missing.0] = f64::from(open);
            x[pool.missing_lead.0] = f64::from(open_lead);
        }
        for (c, vars) in m.clubs.iter().enumerate() {
            if let Some(p) = self.leader[c] {
                if let Some((_, l)) = vars.leaders.iter().find(|(q, _)| *q == p) {
                    x[l.0] = 1.0;
                }
            }
            x[vars.no_leader.0] = if self.leader[c].is_some() { 0.0 } else { 1.0 };
            for (d, y) in &vars.days {
                x[y.0] = if self.days[c].contains(d) { 1.0 } else { 0.0 };
            }
            match self.room[c].and_then(|r| vars.rooms.iter().find(|(q, _)| *q == r)) {
                Some((r, z)) => {
                    x[z.0] = 1.0;
                    x[vars.no_room.0] = 0.0;
                    for (&(room, i), o) in &vars.occupancy {
                        if room == *r && self.happens(c, i) {
                            x[o.0] = 1.0;
                        }
                    }
                }
                None => x[vars.no_room.0] = 1.0,
            }
            for (&i, missing) in &vars.missing_assist {
                x[missing.0] = f64::from(self.assist_open(c, i));
            }
        }
        x
    }

    /// The board a solution of the model describes (the staffing variables
    /// that are on; rounding, since a solver's binaries are near 0 or 1).
    pub fn from_values(m: &'m Model<'a>, values: &[f64]) -> Board<'m, 'a> {
        let on = |v: Var| values[v.0] > 0.5;
        let mut board = Board::new(m);
        for (c, vars) in m.clubs.iter().enumerate() {
            board.days[c] = vars
                .days
                .iter()
                .filter(|(_, y)| on(*y))
                .map(|(d, _)| *d)
                .collect();
            board.room[c] = vars.rooms.iter().find(|(_, z)| on(*z)).map(|(r, _)| *r);
            if let Some((p, _)) = vars.leaders.iter().find(|(_, l)| on(*l)) {
                board.set_leader(c, *p);
            }
            for (&(p, i), a) in &vars.assists {
                if on(*a) && board.happens(c, i) {
                    board.join_assist(c, i, p);
                }
            }
        }
        for (k, pool) in m.pools.iter().enumerate() {
            for (p, x, _) in &pool.people {
                if on(*x) {
                    board.join_pool(k, *p);
                }
            }
        }
        board
    }

    /// Fills every place someone is free for: clubs' leaders and rooms, the
    /// scarcest places first, ejection chains for the rest, a lead in place
    /// of an assistant who cannot lead where someone free may lead, and
    /// finally adults without a lead where no lead can be found (the ratio
    /// needs them anyway). Returns how many places it filled.
    pub(crate) fn fill(&mut self) -> u32 {
        let mut filled = self.fill_clubs();
        loop {
            let before = filled;
            filled += self.greedy(true);
            filled += self.augment(true);
            filled += self.lead_swaps();
            if filled == before {
                break;
            }
        }
        filled + self.greedy(false)
    }

    /// A pool whose places are all taken but that lacks a lead, and a person
    /// free who may lead it: they take the place of someone who cannot lead
    /// (who is then free for other places).
    fn lead_swaps(&mut self) -> u32 {
        let mut swaps = 0;
        for k in 0..self.m.pools.len() {
            while self.pool_open(k).1 > 0 {
                let leader = self.m.pools[k].people.iter().find(|(p, _, leads)| {
                    *leads && !self.holds_pool(k, *p) && self.fits(*p, self.m.pools[k].posts[0])
                });
                let helper = self.pool_people[k].iter().find(|(q, leads)| {
                    !*leads
                        && self
                            .in_pool(k, *q)
                            .is_some_and(|(v, _)| !self.pinned.contains(&v))
                });
                let (Some(&(p, _, _)), Some(&(q, _))) = (leader, helper) else {
                    break;
                };
                self.leave_pool(k, q);
                self.join_pool(k, p);
                swaps += 1;
            }
        }
        swaps
    }
}
