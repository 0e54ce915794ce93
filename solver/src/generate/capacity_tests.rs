//! Can a generated school staff itself? A rough count of demand and supply,
//! independent of the solver: if these margins hold, the solver has room to
//! be fair and to honour preferences, and a sick day can be repaired.
//!
//! Demand per weekday: one homework post per class in basic service; extended
//! study groups merged within a grade up to the merge limit; club meetings
//! (fixed ones on their day, the rest spread over the days with an extended
//! session); late groups packed across classes up to 2 × 20 students; the
//! duty leader; a gate escort per dismissal wave; the reception room. A post
//! needs one responsible (lead) adult; extra adults may be volunteers.
//! Supply: each person's weekly cap (scaled by part time, limited by the days
//! they are in school); anyone with leave in the term is left out entirely, as
//! in the worst week.

use std::collections::BTreeMap;

use crate::model::{Club, Meetings, Person, School, Season, SessionKind, Weekday};

use super::{generate, Size};

pub(super) const SEEDS: [u64; 9] = [0, 1, 2, 3, 7, 42, 2026, 987_654_321, u64::MAX];
const SIZES: [Size; 3] = [Size::Small, Size::Medium, Size::Large];
const MARGIN: f64 = 1.3;
/// All adults, volunteers included: extra adults for late groups and outdoor
/// clubs, and gate escorts, may be anyone.
const ADULTS_MARGIN: f64 = 1.2;

#[derive(Debug, Default, Clone, Copy)]
struct Load {
    /// Responsible adults: one per post.
    lead: u32,
    /// All adults the ratios ask for.
    adults: u32,
}

impl Load {
    fn add(&mut self, adults: u32) {
        if adults > 0 {
            self.lead += 1;
            self.adults += adults;
        }
    }
}

#[derive(Debug, Default)]
struct DayDemand {
    sessions: BTreeMap<SessionKind, Load>,
    /// Posts that need the `homework` skill, per session.
    homework: BTreeMap<SessionKind, u32>,
    duty_leader: u32,
    gate: u32,
    reception: u32,
}

impl DayDemand {
    fn lead(&self) -> u32 {
        self.sessions.values().map(|l| l.lead).sum::<u32>() + self.duty_leader + self.reception
    }

    fn adults(&self) -> u32 {
        self.sessions.values().map(|l| l.adults).sum::<u32>()
            + self.duty_leader
            + self.gate
            + self.reception
    }
}

fn has_session(s: &School, day: Weekday, grade: u8, kind: SessionKind) -> bool {
    [Season::Summer, Season::Winter]
        .into_iter()
        .all(|season| s.session_time(season, day, grade, kind).is_some())
}

/// Club meetings per weekday: fixed ones where fixed, the others placed one
/// by one on the least busy day that has an extended session for the club.
fn club_days(s: &School) -> [Vec<&Club>; 5] {
    let mut days: [Vec<&Club>; 5] = Default::default();
    for c in &s.clubs {
        if let Meetings::Fixed(slots) = &c.meetings {
            for slot in slots {
                days[slot.day.index()].push(c);
            }
        }
    }
    for c in &s.clubs {
        if let Meetings::PerWeek(n) = c.meetings {
            let mut open: Vec<Weekday> = Weekday::ALL
                .into_iter()
                .filter(|&d| has_session(s, d, c.grades.from, SessionKind::Extended))
                .collect();
            for _ in 0..n {
                open.sort_by_key(|d| (days[d.index()].len(), *d));
                let Some(&day) = open.first() else { break };
                days[day.index()].push(c);
                open.remove(0);
            }
        }
    }
    days
}

fn day_demand(s: &School, day: Weekday, clubs: &[&Club]) -> DayDemand {
    let rules = &s.rules;
    let mut demand = DayDemand::default();
    let i = day.index();
    for c in &s.classes {
        if has_session(s, day, c.grade, SessionKind::Basic) {
            let n = rules.ratios.homework.adults_for(c.basic[i]);
            demand
                .sessions
                .entry(SessionKind::Basic)
                .or_default()
                .add(n);
            *demand.homework.entry(SessionKind::Basic).or_default() += u32::from(n > 0);
        }
    }
    for grade in 1..=6 {
        if !has_session(s, day, grade, SessionKind::Extended) {
            continue;
        }
        let mut sizes: Vec<u32> = s
            .classes
            .iter()
            .filter(|c| c.grade == grade && c.extended[i] > 0)
            .map(|c| c.extended[i])
            .collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        let limit = if rules.merge_groups.enabled {
            rules.merge_groups.max_students
        } else {
            0
        };
        let mut groups: Vec<u32> = Vec::new();
        for n in sizes {
            match groups.iter_mut().find(|g| **g + n <= limit) {
                Some(g) => *g += n,
                None => groups.push(n),
            }
        }
        for g in groups {
            demand
                .sessions
                .entry(SessionKind::Extended)
                .or_default()
                .add(rules.ratios.homework.adults_for(g));
            *demand.homework.entry(SessionKind::Extended).or_default() += 1;
        }
    }
    for c in clubs {
        let n = rules.ratios.club_adults(c.enrolled, c.outdoor);
        demand
            .sessions
            .entry(SessionKind::Extended)
            .or_default()
            .add(n);
    }
    // Late groups, packed in class order as they come, up to the size at which
    // the minimum adults are fully used.
    let full = rules.ratios.late.students_per_adult * rules.ratios.late.min_adults.max(1);
    let mut windows: BTreeMap<_, Vec<u32>> = BTreeMap::new();
    for c in &s.classes {
        let key = [Season::Summer, Season::Winter]
            .map(|season| s.session_time(season, day, c.grade, SessionKind::Late));
        if key[0].is_some() && c.late[i] > 0 {
            windows
                .entry(key.map(|t| t.map(|t| (t.start, t.end))))
                .or_default()
                .push(c.late[i]);
        }
    }
    for sizes in windows.values() {
        let mut groups: Vec<u32> = Vec::new();
        for &n in sizes {
            match groups.last_mut() {
                Some(g) if *g + n <= full => *g += n,
                _ => groups.push(n),
            }
        }
        for g in groups {
            demand
                .sessions
                .entry(SessionKind::Late)
                .or_default()
                .add(rules.ratios.late.adults_for(g));
        }
    }
    demand.duty_leader = u32::from(s.duties.duty_leader);
    demand.reception = s
        .duties
        .reception
        .as_ref()
        .map_or(0, |rc| u32::from(rc.adults));
    // One gate escort per distinct end time, in the season with more of them.
    demand.gate = [Season::Summer, Season::Winter]
        .into_iter()
        .map(|season| {
            let mut ends: Vec<_> = s
                .timetables
                .iter()
                .filter(|t| t.season == season && t.days.contains(&day))
                .flat_map(|t| t.sessions.iter().map(|x| x.end))
                .collect();
            ends.sort();
            ends.dedup();
            ends.len() as u32
        })
        .max()
        .unwrap_or(0)
        * u32::from(s.duties.gate.adults);
    demand
}

fn away_all_day(p: &Person, day: Weekday) -> bool {
    p.unavailable
        .iter()
        .any(|s| s.day == day && s.session.is_none())
}

/// Posts a person can take in a week.
fn weekly_cap(s: &School, p: &Person) -> u32 {
    let caps = s.rules.caps_for(p.kind);
    let mut week = u32::from(p.max_per_week.unwrap_or(caps.per_week));
    if p.part_time_percent < 100 {
        week = (week * u32::from(p.part_time_percent) / 100).max(1);
    }
    let per_day = u32::from(p.max_per_day.unwrap_or(caps.per_day));
    let days = Weekday::ALL
        .into_iter()
        .filter(|&d| !away_all_day(p, d))
        .count() as u32;
    week.min(days * per_day)
}

/// People in the pool in the worst week: nobody with leave in the term.
fn present(s: &School) -> impl Iterator<Item = &Person> {
    s.staff.iter().filter(|p| p.leave.is_empty())
}

#[derive(Debug)]
struct Margins {
    lead_week: f64,
    adults_week: f64,
    /// The tightest weekday: daily caps of present leads over the day's lead posts.
    lead_day: f64,
    /// The tightest (day, session): leads free in it over its lead posts.
    lead_session: f64,
    homework_session: f64,
    leaders_per_day: u32,
}

fn margins(s: &School) -> Margins {
    let clubs = club_days(s);
    let days: Vec<(Weekday, DayDemand)> = Weekday::ALL
        .into_iter()
        .map(|d| (d, day_demand(s, d, &clubs[d.index()])))
        .collect();
    let leads: Vec<&Person> = present(s).filter(|p| s.rules.may_lead(p.kind)).collect();
    let assists: Vec<&Person> = present(s).filter(|p| !s.rules.may_lead(p.kind)).collect();
    let lead_supply: u32 = leads.iter().map(|p| weekly_cap(s, p)).sum();
    let assist_supply: u32 = assists.iter().map(|p| weekly_cap(s, p)).sum();
    let lead_demand: u32 = days.iter().map(|(_, d)| d.lead()).sum();
    let adult_demand: u32 = days.iter().map(|(_, d)| d.adults()).sum();
    let mut m = Margins {
        lead_week: f64::from(lead_supply) / f64::from(lead_demand),
        adults_week: f64::from(lead_supply + assist_supply) / f64::from(adult_demand),
        lead_day: f64::INFINITY,
        lead_session: f64::INFINITY,
        homework_session: f64::INFINITY,
        leaders_per_day: u32::MAX,
    };
    for (day, d) in &days {
        let day_cap: u32 = leads
            .iter()
            .filter(|p| !away_all_day(p, *day))
            .map(|p| u32::from(p.max_per_day.unwrap_or(s.rules.caps_for(p.kind).per_day)))
            .sum();
        m.lead_day = m.lead_day.min(f64::from(day_cap) / f64::from(d.lead()));
        for (&kind, load) in &d.sessions {
            let free = |p: &&&Person| {
                !(p.is_unavailable(*day, kind) || kind == SessionKind::Late && p.no_late)
            };
            let free_leads = leads.iter().filter(free).count() as u32;
            m.lead_session = m
                .lead_session
                .min(f64::from(free_leads) / f64::from(load.lead));
            if let Some(&hw) = d.homework.get(&kind) {
                let free_hw = leads
                    .iter()
                    .filter(free)
                    .filter(|p| p.has_skill(&crate::model::Skill::homework()))
                    .count() as u32;
                m.homework_session = m.homework_session.min(f64::from(free_hw) / f64::from(hw));
            }
        }
        let leaders = leads
            .iter()
            .filter(|p| p.kind == crate::model::StaffKind::Leader && !away_all_day(p, *day))
            .count() as u32;
        m.leaders_per_day = m.leaders_per_day.min(leaders);
    }
    m
}

#[test]
fn every_generated_school_can_staff_itself_with_a_margin() {
    let mut short = Vec::new();
    for size in SIZES {
        for seed in SEEDS {
            let m = margins(&generate(size, seed));
            eprintln!("{size:?} seed {seed}: {m:.2?}");
            if m.lead_week < MARGIN
                || m.adults_week < ADULTS_MARGIN
                || m.lead_day < 2.0 * MARGIN
                || m.lead_session < MARGIN
                || m.homework_session < MARGIN
                || m.leaders_per_day < 2
            {
                short.push(format!("{size:?} seed {seed}: {m:.2?}"));
            }
        }
    }
    assert!(
        short.is_empty(),
        "not enough staff for the demand:\n{}",
        short.join("\n")
    );
}
