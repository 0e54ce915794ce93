//! Building the model: one function per constraint family, each citing its
//! number in docs/model.md.

use std::collections::BTreeMap;

use crate::demand::{Demand, PostSpec};
use crate::eligibility::{may_lead, preference_cost, staffing, unavailable_reason, Staffing};
use crate::ir::{Mip, Sense, Var};
use crate::model::{Meetings, School, SessionKind, StaffKind, Weekday};
use crate::plan::{Plan, PostKind, Role};

/// Weights of the unmet terms (docs/model.md §5, phase 1).
pub const MISSING_LEAD: f64 = 1000.0;
pub const MISSING_ADULT: f64 = 300.0;
pub const NO_ROOM: f64 = 1000.0;

/// Interchangeable posts: same slot, times, kind and requirements (§2.2).
#[derive(Debug)]
pub struct Pool {
    pub posts: Vec<usize>,
    pub needed: u32,
    pub missing: Var,
    pub missing_lead: Var,
    /// Everyone who could take one of its posts: (person, x[p,pool], may lead).
    pub people: Vec<(usize, Var, bool)>,
}

/// Something a person might do: the variable that says so, and the post it is about.
#[derive(Debug, Clone, Copy)]
pub struct Act {
    pub var: Var,
    pub post: usize,
}

#[derive(Debug, Default)]
pub struct ClubVars {
    /// Candidate leaders and their variables L[c,p].
    pub leaders: Vec<(usize, Var)>,
    pub no_leader: Var,
    /// For a club whose days the solver chooses: y[c,d]; empty for fixed clubs.
    pub days: Vec<(Weekday, Var)>,
    pub rooms: Vec<(usize, Var)>,
    pub no_room: Var,
    /// Meeting posts of this club (every week; candidates too).
    pub meetings: Vec<usize>,
    /// m[c,p,post]: the leader p is at this meeting (chosen-day clubs); fixed clubs use L.
    pub leader_at: BTreeMap<(usize, usize), Var>,
    /// a[p,post]: an assistant at a meeting, and the missing assistants per meeting.
    pub assists: BTreeMap<(usize, usize), Var>,
    pub missing_assist: BTreeMap<usize, Var>,
    /// Days a candidate leader cannot lead on (chosen-day clubs): L + y ≤ 1.
    pub leader_blocked: BTreeMap<usize, Vec<Weekday>>,
    /// Days a candidate room cannot be used on (chosen-day clubs): z + y ≤ 1.
    pub room_blocked: BTreeMap<usize, Vec<Weekday>>,
    /// o[c,r,post]: the club is in room r at that meeting (chosen-day clubs).
    pub occupancy: BTreeMap<(usize, usize), Var>,
}

pub struct Model<'a> {
    pub school: &'a School,
    pub demand: &'a Demand,
    pub staffing: Vec<Staffing>,
    pub mip: Mip,
    pub pools: Vec<Pool>,
    /// x[p,pool].
    pub x: BTreeMap<(usize, usize), Var>,
    pub clubs: Vec<ClubVars>,
    /// What each person might do, for caps, conflicts and loads.
    pub acts: Vec<Vec<Act>>,
    /// (variable, weight) of everything unmet: phase 1's objective.
    pub unmet: Vec<(Var, f64)>,
    /// Per person, what each act costs in preference terms.
    pub preference: Vec<(Var, f64)>,
}

impl<'a> Model<'a> {
    pub fn new(school: &'a School, demand: &'a Demand) -> Model<'a> {
        let staffing = school
            .staff
            .iter()
            .map(|p| staffing(school, p, demand.cycle_weeks))
            .collect();
        let mut m = Model {
            school,
            demand,
            staffing,
            mip: Mip::default(),
            pools: Vec::new(),
            x: BTreeMap::new(),
            clubs: Vec::new(),
            acts: vec![Vec::new(); school.staff.len()],
            unmet: Vec::new(),
            preference: Vec::new(),
        };
        m.pools_and_coverage();
        m.clubs();
        m.person_rows();
        m
    }

    pub fn eligible(&self, p: usize, post: usize) -> bool {
        unavailable_reason(
            self.school,
            &self.school.staff[p],
            &self.staffing[p],
            &self.demand.posts[post],
        )
        .is_none()
    }

    /// (1) coverage Σ_p x[p,pool] + missing = adults needed, and (2) lead
    /// coverage Σ_{p may lead} x[p,pool] + missing_lead ≥ posts in the pool.
    fn pools_and_coverage(&mut self) {
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, spec) in self.demand.posts.iter().enumerate() {
            if spec.post.kind == PostKind::Club || spec.post.adults_needed == 0 {
                continue;
            }
            by_key.entry(pool_key(spec)).or_default().push(i);
        }
        for (key, posts) in by_key {
            let needed: u32 = posts
                .iter()
                .map(|&i| self.demand.posts[i].post.adults_needed)
                .sum();
            let rep = posts[0];
            let week = self.demand.posts[rep].post.week;
            let missing = self
                .mip
                .continuous(format!("miss[{key}]"), 0.0, f64::from(needed), 0.0);
            let missing_lead =
                self.mip
                    .continuous(format!("misslead[{key}]"), 0.0, posts.len() as f64, 0.0);
            self.mip.in_week(missing, week);
            self.mip.in_week(missing_lead, week);
            self.unmet.push((missing, MISSING_ADULT));
            self.unmet.push((missing_lead, MISSING_LEAD));
            let pool = self.pools.len();
            let mut cover = vec![(missing, 1.0)];
            let mut leads = vec![(missing_lead, 1.0)];
            let mut people = Vec::new();
            for p in 0..self.school.staff.len() {
                if !self.eligible(p, rep) {
                    continue;
                }
                let v = self
                    .mip
                    .binary(format!("x[{},{key}]", self.school.staff[p].id), 0.0);
                self.mip.own(v, p);
                self.mip.in_week(v, week);
                self.x.insert((p, pool), v);
                cover.push((v, 1.0));
                let leads_it =
                    may_lead(self.school, &self.school.staff[p], &self.demand.posts[rep]);
                if leads_it {
                    leads.push((v, 1.0));
                }
                people.push((p, v, leads_it));
                self.acts[p].push(Act { var: v, post: rep });
                let cost = preference_cost(&self.school.staff[p], &self.demand.posts[rep]);
                if cost != 0.0 {
                    self.preference.push((v, cost));
                }
            }
            self.mip
                .row(format!("cover[{key}]"), cover, Sense::Eq, f64::from(needed));
            self.mip
                .row(format!("lead[{key}]"), leads, Sense::Ge, posts.len() as f64);
            self.pools.push(Pool {
                posts,
                needed,
                missing,
                missing_lead,
                people,
            });
        }
    }

    /// (3)–(8): club leader, meeting days, assistants and rooms.
    fn clubs(&mut self) {
        for (c, club) in self.school.clubs.iter().enumerate() {
            let meetings: Vec<usize> = (0..self.demand.posts.len())
                .filter(|&i| self.demand.posts[i].post.club.as_ref() == Some(&club.id))
                .collect();
            let mut vars = ClubVars {
                no_leader: self
                    .mip
                    .continuous(format!("noleader[{}]", club.id), 0.0, 1.0, 0.0),
                no_room: self
                    .mip
                    .continuous(format!("noroom[{}]", club.id), 0.0, 1.0, 0.0),
                meetings: meetings.clone(),
                ..ClubVars::default()
            };
            let per_week_meetings = meetings
                .iter()
                .filter(|&&i| self.demand.posts[i].post.week == 1)
                .count()
                .max(1);
            let meetings_weeks = meetings.len() as f64 / per_week_meetings as f64;
            // (4) chosen days: Σ_d y[c,d] = n, the same days every cycle week.
            if let Meetings::PerWeek(n) = club.meetings {
                let mut days: Vec<Weekday> = meetings
                    .iter()
                    .map(|&i| self.demand.posts[i].post.day)
                    .collect();
                days.sort();
                days.dedup();
                for d in &days {
                    let y = self
                        .mip
                        .binary(format!("meets[{},{}]", club.id, d.code()), 0.0);
                    vars.days.push((*d, y));
                }
                let n = f64::from(n).min(days.len() as f64);
                self.mip.row(
                    format!("days[{}]", club.id),
                    vars.days.iter().map(|(_, y)| (*y, 1.0)).collect(),
                    Sense::Eq,
                    n,
                );
            }
            let n_meet = if vars.days.is_empty() {
                meetings.len() as f64
            } else {
                f64::from(match club.meetings {
                    Meetings::PerWeek(n) => n,
                    Meetings::Fixed(_) => 0,
                })
                .min(vars.days.len() as f64)
                    * meetings_weeks
            };
            self.unmet.push((vars.no_leader, MISSING_LEAD * n_meet));
            self.unmet.push((vars.no_room, NO_ROOM * n_meet));
            self.club_leaders(c, &mut vars);
            self.club_assistants(c, &mut vars);
            self.club_rooms(c, &mut vars);
            self.clubs.push(vars);
        }
        self.club_room_conflicts();
    }

    fn day_var(vars: &ClubVars, day: Weekday) -> Option<Var> {
        vars.days.iter().find(|(d, _)| *d == day).map(|(_, y)| *y)
    }

    /// (3) one leader for all meetings: Σ_p L[c,p] + no_leader = 1; a fixed
    /// leader is the only candidate. For chosen days, (5) m ≥ L + y − 1,
    /// m ≤ L, m ≤ y ties the leader to the meetings that happen, and a
    /// leader unavailable on a day forbids that day: L + y ≤ 1.
    fn club_leaders(&mut self, c: usize, vars: &mut ClubVars) {
        let club = &self.school.clubs[c];
        let mut one = vec![(vars.no_leader, 1.0)];
        for p in 0..self.school.staff.len() {
            let person = &self.school.staff[p];
            if club.leader.as_ref().is_some_and(|l| l != &person.id) {
                continue;
            }
            let Some(&first) = vars.meetings.first() else {
                continue;
            };
            if !may_lead(self.school, person, &self.demand.posts[first]) {
                continue;
            }
            let blocked: Vec<usize> = vars
                .meetings
                .iter()
                .copied()
                .filter(|&i| !self.eligible(p, i))
                .collect();
            if vars.days.is_empty() && !blocked.is_empty() {
                continue;
            }
            let blocked_days: Vec<Weekday> = blocked
                .iter()
                .map(|&i| self.demand.posts[i].post.day)
                .collect();
            if !vars.days.is_empty() && vars.days.iter().all(|(d, _)| blocked_days.contains(d)) {
                continue;
            }
            let l = self
                .mip
                .binary(format!("leads[{},{}]", club.id, person.id), 0.0);
            self.mip.own(l, p);
            one.push((l, 1.0));
            vars.leaders.push((p, l));
            if !vars.days.is_empty() && !blocked_days.is_empty() {
                vars.leader_blocked.insert(p, blocked_days.clone());
            }
            for &i in &vars.meetings {
                let spec = &self.demand.posts[i];
                let act = match Self::day_var(vars, spec.post.day) {
                    None => l,
                    Some(y) => {
                        if blocked_days.contains(&spec.post.day) {
                            self.mip.row(
                                format!("leaderday[{},{},{}]", club.id, person.id, i),
                                vec![(l, 1.0), (y, 1.0)],
                                Sense::Le,
                                1.0,
                            );
                            continue;
                        }
                        let m = self.mip.continuous(
                            format!("at[{},{},{i}]", club.id, person.id),
                            0.0,
                            1.0,
                            0.0,
                        );
                        self.mip.own(m, p);
                        self.mip.in_week(m, spec.post.week);
                        self.mip.row(
                            format!("at1[{i},{p}]"),
                            vec![(m, 1.0), (l, -1.0), (y, -1.0)],
                            Sense::Ge,
                            -1.0,
                        );
                        self.mip.row(
                            format!("at2[{i},{p}]"),
                            vec![(m, 1.0), (l, -1.0)],
                            Sense::Le,
                            0.0,
                        );
                        self.mip.row(
                            format!("at3[{i},{p}]"),
                            vec![(m, 1.0), (y, -1.0)],
                            Sense::Le,
                            0.0,
                        );
                        vars.leader_at.insert((p, i), m);
                        m
                    }
                };
                self.acts[p].push(Act { var: act, post: i });
                let cost = preference_cost(person, spec);
                if cost != 0.0 {
                    self.preference.push((act, cost));
                }
            }
        }
        self.mip
            .row(format!("leader[{}]", club.id), one, Sense::Eq, 1.0);
    }

    /// (6) assistants where a meeting needs more than its leader:
    /// Σ_p a[p,m] + missing = (adults − 1)·y (y = 1 for fixed meetings).
    fn club_assistants(&mut self, c: usize, vars: &mut ClubVars) {
        let club_id = self.school.clubs[c].id.clone();
        for &i in &vars.meetings.clone() {
            let spec = &self.demand.posts[i];
            let extra = spec.post.adults_needed.saturating_sub(1);
            if extra == 0 {
                continue;
            }
            let y = Self::day_var(vars, spec.post.day);
            let missing =
                self.mip
                    .continuous(format!("missassist[{i}]"), 0.0, f64::from(extra), 0.0);
            self.unmet.push((missing, MISSING_ADULT));
            self.mip.in_week(missing, spec.post.week);
            vars.missing_assist.insert(i, missing);
            let mut row = vec![(missing, 1.0)];
            for p in 0..self.school.staff.len() {
                if !self.eligible(p, i) {
                    continue;
                }
                let a = self.mip.binary(
                    format!("assist[{club_id},{},{i}]", self.school.staff[p].id),
                    0.0,
                );
                self.mip.own(a, p);
                self.mip.in_week(a, self.demand.posts[i].post.week);
                row.push((a, 1.0));
                vars.assists.insert((p, i), a);
                self.acts[p].push(Act { var: a, post: i });
            }
            match y {
                Some(y) => {
                    row.push((y, -f64::from(extra)));
                    self.mip.row(format!("assists[{i}]"), row, Sense::Eq, 0.0);
                }
                None => self
                    .mip
                    .row(format!("assists[{i}]"), row, Sense::Eq, f64::from(extra)),
            }
        }
    }

    /// (7) one room of the club's kind that holds it: Σ_r z[c,r] + no_room = 1;
    /// a room that a care group uses at a meeting's time is excluded (fixed
    /// days) or excludes that day (z + y ≤ 1).
    fn club_rooms(&mut self, c: usize, vars: &mut ClubVars) {
        let club = &self.school.clubs[c];
        let mut one = vec![(vars.no_room, 1.0)];
        for (r, room) in self.school.rooms.iter().enumerate() {
            if room.kind != club.room_kind || room.capacity < club.enrolled {
                continue;
            }
            // The bad-weather plan is a safety rule: outdoors only with an
            // indoor fallback for rain (7).
            if (club.outdoor || room.outdoor) && !self.usable_in_rain(r) {
                continue;
            }
            let occupied: Vec<&Weekday> = vars
                .meetings
                .iter()
                .map(|&i| &self.demand.posts[i])
                .filter(|m| self.room_blocked_for(r, m))
                .map(|m| &m.post.day)
                .collect();
            if vars.days.is_empty() && !occupied.is_empty() {
                continue;
            }
            let z = self
                .mip
                .binary(format!("room[{},{}]", club.id, room.id), 0.0);
            one.push((z, 1.0));
            if !vars.days.is_empty() && !occupied.is_empty() {
                vars.room_blocked
                    .insert(r, occupied.iter().map(|d| **d).collect());
            }
            for (d, y) in &vars.days {
                if occupied.contains(&d) {
                    self.mip.row(
                        format!("roomday[{},{},{}]", club.id, room.id, d.code()),
                        vec![(z, 1.0), (*y, 1.0)],
                        Sense::Le,
                        1.0,
                    );
                }
            }
            vars.rooms.push((r, z));
        }
        self.mip
            .row(format!("room[{}]", club.id), one, Sense::Eq, 1.0);
    }

    /// Indoors, or outdoors with an indoor fallback (not itself).
    fn usable_in_rain(&self, r: usize) -> bool {
        let room = &self.school.rooms[r];
        !room.outdoor
            || room
                .fallback
                .as_ref()
                .filter(|f| **f != room.id)
                .and_then(|f| self.school.room(f))
                .is_some_and(|f| !f.outdoor)
    }

    /// The rooms a club in room `r` occupies: `r`, and an outdoor room's
    /// indoor fallback, kept free for rain (8).
    pub fn rooms_used(&self, r: usize) -> Vec<usize> {
        let room = &self.school.rooms[r];
        let mut used = vec![r];
        if room.outdoor {
            used.extend(
                room.fallback
                    .as_ref()
                    .and_then(|f| self.school.rooms.iter().position(|x| &x.id == f)),
            );
        }
        used
    }

    /// Is room `r` (or, for an outdoor room, its fallback) unusable for meeting `m`?
    fn room_blocked_for(&self, r: usize, m: &PostSpec) -> bool {
        let room = &self.school.rooms[r];
        let mut ids = vec![room.id.clone()];
        if room.outdoor {
            ids.extend(room.fallback.clone());
        }
        let unavailable = ids
            .iter()
            .filter_map(|id| self.school.room(id))
            .any(|rm| rm.is_unavailable(m.post.day, m.post.session));
        unavailable
            || self.demand.posts.iter().any(|g| {
                g.post.kind != PostKind::Club
                    && g.post.room.as_ref().is_some_and(|gr| ids.contains(gr))
                    && g.overlaps(m)
            })
    }

    /// (8) no two clubs in one room at once; an outdoor room's fallback is
    /// kept free for its club: o[c,r,d] ≥ z[c,r] + y[c,d] − 1 and
    /// Σ o ≤ 1 over the clubs that could be in the room (or its fallback) then.
    fn club_room_conflicts(&mut self) {
        // (room index, meeting post index, occupancy variable or constant z)
        let mut uses: Vec<(usize, usize, Var)> = Vec::new();
        for c in 0..self.clubs.len() {
            for &(r, z) in &self.clubs[c].rooms.clone() {
                for &i in &self.clubs[c].meetings.clone() {
                    let day = self.demand.posts[i].post.day;
                    let occ = match Self::day_var(&self.clubs[c], day) {
                        None => z,
                        Some(y) => {
                            let o = self
                                .mip
                                .continuous(format!("occ[{c},{r},{i}]"), 0.0, 1.0, 0.0);
                            self.mip.in_week(o, self.demand.posts[i].post.week);
                            self.mip.row(
                                format!("occ[{c},{r},{i}]"),
                                vec![(o, 1.0), (z, -1.0), (y, -1.0)],
                                Sense::Ge,
                                -1.0,
                            );
                            self.clubs[c].occupancy.insert((r, i), o);
                            o
                        }
                    };
                    for used in self.rooms_used(r) {
                        uses.push((used, i, occ));
                    }
                }
            }
        }
        for (k, &(r, i, v)) in uses.iter().enumerate() {
            let clash: Vec<(Var, f64)> = uses
                .iter()
                .enumerate()
                .filter(|(j, (r2, i2, _))| {
                    *j != k
                        && *r2 == r
                        && *i2 != i
                        && self.demand.posts[*i2].overlaps(&self.demand.posts[i])
                })
                .map(|(_, (_, _, v2))| (*v2, 1.0))
                .collect();
            if clash.is_empty() {
                continue;
            }
            // Emit each clique once: only from the lowest-numbered use in it.
            if uses.iter().enumerate().any(|(j, (r2, i2, _))| {
                j < k
                    && *r2 == r
                    && (*i2 == i || self.demand.posts[*i2].overlaps(&self.demand.posts[i]))
            }) {
                continue;
            }
            let mut row = vec![(v, 1.0)];
            row.extend(clash);
            self.mip
                .row(format!("roomclash[{r},{i}]"), row, Sense::Le, 1.0);
        }
    }

    /// (9) no two posts at overlapping times, in either season's timetable:
    /// for each person, day and distinct start time t, Σ acts covering t ≤ 1
    /// (exact for intervals); (10) per-day and (11) per-week caps.
    fn person_rows(&mut self) {
        for p in 0..self.school.staff.len() {
            let acts = self.acts[p].clone();
            let s = &self.staffing[p];
            let (per_day, per_week) = (f64::from(s.per_day), f64::from(s.per_week));
            let id = self.school.staff[p].id.clone();
            let mut by_day: BTreeMap<(u8, Weekday), Vec<Act>> = BTreeMap::new();
            for a in &acts {
                let post = &self.demand.posts[a.post].post;
                by_day.entry((post.week, post.day)).or_default().push(*a);
            }
            let mut by_week: BTreeMap<u8, Vec<(Var, f64)>> = BTreeMap::new();
            for ((week, day), day_acts) in &by_day {
                let mut seen: Vec<Vec<Var>> = Vec::new();
                for season in 0..2 {
                    for a in day_acts {
                        let t = self.demand.posts[a.post].intervals()[season].0;
                        let mut covering: Vec<Var> = day_acts
                            .iter()
                            .filter(|b| {
                                let (s, e) = self.demand.posts[b.post].intervals()[season];
                                s <= t && t < e
                            })
                            .map(|b| b.var)
                            .collect();
                        covering.sort();
                        covering.dedup();
                        if covering.len() > 1 && !seen.contains(&covering) {
                            self.mip.row(
                                format!("once[{id},w{week},{}]", day.code()),
                                covering.iter().map(|v| (*v, 1.0)).collect(),
                                Sense::Le,
                                1.0,
                            );
                            seen.push(covering);
                        }
                    }
                }
                let mut vars: Vec<Var> = day_acts.iter().map(|a| a.var).collect();
                vars.sort();
                vars.dedup();
                if vars.len() as f64 > per_day {
                    self.mip.row(
                        format!("perday[{id},w{week},{}]", day.code()),
                        vars.iter().map(|v| (*v, 1.0)).collect(),
                        Sense::Le,
                        per_day,
                    );
                }
                by_week
                    .entry(*week)
                    .or_default()
                    .extend(day_acts.iter().map(|a| (a.var, 1.0)));
            }
            for (week, terms) in by_week {
                if terms.len() as f64 > per_week {
                    self.mip
                        .row(format!("perweek[{id},w{week}]"), terms, Sense::Le, per_week);
                }
            }
        }
    }

    /// For the neighbourhood search: each person's acts (variable, post) and,
    /// per post, everyone who could take it.
    pub fn neighbourhoods(&self) -> crate::milp::lns::Neighbours {
        let mut eligible: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (p, acts) in self.acts.iter().enumerate() {
            for a in acts {
                eligible.entry(a.post).or_default().push(p);
            }
        }
        crate::milp::lns::Neighbours {
            acts: self
                .acts
                .iter()
                .map(|acts| acts.iter().map(|a| (a.var, a.post)).collect())
                .collect(),
            eligible,
        }
    }

    /// The days each club whose days are chosen meets on: y[c,d] of (4).
    pub fn club_days(&self) -> Vec<Var> {
        self.clubs
            .iter()
            .flat_map(|c| c.days.iter().map(|(_, y)| *y))
            .collect()
    }

    /// Weighted minutes of person `p`, as terms.
    pub fn load_terms(&self, p: usize) -> Vec<(Var, f64)> {
        self.acts[p]
            .iter()
            .map(|a| (a.var, self.demand.posts[a.post].weighted_minutes()))
            .collect()
    }

    pub fn late_terms(&self, p: usize) -> Vec<(Var, f64)> {
        self.acts_of_kind(p, PostKind::Late)
    }

    pub fn duty_terms(&self, p: usize) -> Vec<(Var, f64)> {
        self.acts_of_kind(p, PostKind::DutyLeader)
    }

    fn acts_of_kind(&self, p: usize, kind: PostKind) -> Vec<(Var, f64)> {
        self.acts[p]
            .iter()
            .filter(|a| self.demand.posts[a.post].post.kind == kind)
            .map(|a| (a.var, 1.0))
            .collect()
    }

    /// Acts of a person on one day in one session, for the idle-gap term.
    pub fn session_acts(&self, p: usize, week: u8, day: Weekday, session: SessionKind) -> Vec<Var> {
        self.acts[p]
            .iter()
            .filter(|a| {
                let post = &self.demand.posts[a.post].post;
                post.week == week
                    && post.day == day
                    && post.session == session
                    && post.kind.holds_students()
            })
            .map(|a| a.var)
            .collect()
    }

    pub fn is_teacher(&self, p: usize) -> bool {
        self.school.staff[p].kind == StaffKind::Teacher
    }

    pub fn is_leader(&self, p: usize) -> bool {
        self.school.staff[p].kind == StaffKind::Leader
    }

    /// The variable each lock pins, and a note for each lock that names a
    /// post or person no longer there or a person who cannot take the post.
    /// A lock on a meeting of a chosen-day club pins that meeting's day too.
    pub fn lock_vars(
        &self,
        plan_locks: &[crate::plan::Lock],
    ) -> (Vec<(usize, Var)>, Vec<crate::plan::SolveNote>) {
        use crate::plan::SolveNote;
        let mut pins = Vec::new();
        let mut problems = Vec::new();
        for (k, lock) in plan_locks.iter().enumerate() {
            let Some(post) = self.demand.index_of(&lock.post) else {
                problems.push(SolveNote::LockPostGone {
                    post: lock.post.clone(),
                });
                continue;
            };
            let Some(p) = self.school.staff.iter().position(|s| s.id == lock.staff) else {
                problems.push(SolveNote::LockStaffGone {
                    post: lock.post.clone(),
                    staff: lock.staff.clone(),
                });
                continue;
            };
            let var = self.meeting_var(p, post, lock.role);
            match var {
                Some(v) => pins.push((k, v)),
                None => problems.push(SolveNote::LockCannotTake {
                    post: lock.post.clone(),
                    staff: lock.staff.clone(),
                }),
            }
        }
        (pins, problems)
    }

    /// (12) a lock: the variable that puts the locked person on the post = 1.
    pub fn pin(&mut self, name: &str, var: Var) {
        self.mip
            .row(format!("lock[{name}]"), vec![(var, 1.0)], Sense::Eq, 1.0);
    }

    /// Like `var_for`, but the leader of a chosen-day club's meeting is the
    /// variable that says they lead that very meeting (so its day is on).
    pub fn meeting_var(&self, p: usize, i: usize, role: Role) -> Option<Var> {
        if role == Role::Lead && self.demand.posts[i].post.kind == PostKind::Club {
            let c = self.club_of(i)?;
            if let Some(m) = self.clubs[c].leader_at.get(&(p, i)) {
                return Some(*m);
            }
            if !self.clubs[c].days.is_empty() {
                return None;
            }
        }
        self.var_for(p, i, role)
    }

    /// The club whose meeting post `i` is.
    pub fn club_of(&self, i: usize) -> Option<usize> {
        let club = self.demand.posts[i].post.club.as_ref()?;
        self.school.clubs.iter().position(|c| &c.id == club)
    }

    /// The variable that puts person `p` on post `i` in `role`, if any.
    pub fn var_for(&self, p: usize, i: usize, role: Role) -> Option<Var> {
        let spec = &self.demand.posts[i];
        if spec.post.kind == PostKind::Club {
            let c = self
                .school
                .clubs
                .iter()
                .position(|c| Some(&c.id) == spec.post.club.as_ref())?;
            let vars = &self.clubs[c];
            return match role {
                Role::Lead => vars.leaders.iter().find(|(q, _)| *q == p).map(|(_, l)| *l),
                Role::Assist => vars.assists.get(&(p, i)).copied(),
            };
        }
        let pool = self.pools.iter().position(|pl| pl.posts.contains(&i))?;
        self.x.get(&(p, pool)).copied()
    }

    /// (13) stability: a bonus for keeping each assignment of the previous plan.
    pub fn stability_terms(&self, previous: &Plan) -> Vec<(Var, f64)> {
        let mut terms = Vec::new();
        for post in &previous.posts {
            let Some(i) = self.demand.index_of(&post.id) else {
                continue;
            };
            for a in &post.staff {
                let Some(p) = self.school.staff.iter().position(|s| s.id == a.staff) else {
                    continue;
                };
                if let Some(v) = self.var_for(p, i, a.role) {
                    terms.push((v, -1.0));
                }
            }
        }
        terms
    }
}

/// Posts that differ only in which group they hold are interchangeable for
/// staffing: same week, day, kind, session, times and requirements.
fn pool_key(spec: &PostSpec) -> String {
    let p = &spec.post;
    format!(
        "w{}-{}-{}-{}-{}{}-{}{}-{}",
        p.week,
        p.day.code(),
        p.kind.code(),
        p.session.code(),
        p.start,
        p.end,
        spec.other_season.0,
        spec.other_season.1,
        spec.lead_skill.as_ref().map_or("", |s| s.as_str())
    )
}
