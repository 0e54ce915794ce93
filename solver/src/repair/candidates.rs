//! Ranked candidates for one place on one date, each with what taking it
//! would break: for the deputy head's own choice, and for the explanation of
//! a post nobody could cover.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::day::{blocked, busy_with, Loads};
use crate::dated::{DayRoster, SubstitutionCount};
use crate::eligibility::staffing;
use crate::model::{Person, School, StaffId, Stance};
pub use crate::plan::{Break, BreakRule};
use crate::plan::{Held, Plan, Post, Role};

/// Someone who could take a place, and at what price.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub staff: StaffId,
    pub name: String,
    /// Already has a post that afternoon (no need to call them in).
    pub on_site: bool,
    /// That post, as it runs that date.
    pub on_site_with: Option<Held>,
    /// Substitution balance so far this term: covers − releases.
    pub balance: i64,
    /// Preference cost of the post: +1 per avoided day or session, −1 per wanted.
    pub preference: f64,
    /// What taking the place would break; empty: nothing.
    pub breaks: Vec<Break>,
}

impl Candidate {
    /// Nothing hard in the way (caps and preferences may still be broken).
    pub fn possible(&self) -> bool {
        self.breaks.iter().all(|b| !b.rule().hard())
    }

    /// Breaks no rule at all, so the repair itself may choose them.
    pub fn free(&self) -> bool {
        self.breaks
            .iter()
            .all(|b| b.rule() == BreakRule::Preference)
    }
}

/// What the ranking needs to know about the date.
pub struct Situation<'a> {
    pub school: &'a School,
    pub plan: &'a Plan,
    pub date: NaiveDate,
    pub teaching_week: u32,
    /// The date's roster as it stands.
    pub roster: &'a DayRoster,
    /// Loads over the rosters of the date's teaching week.
    pub loads: &'a Loads,
    pub counts: &'a BTreeMap<StaffId, SubstitutionCount>,
}

impl Situation<'_> {
    /// Everyone who could take `role` on `post` (timed for the date) apart
    /// from what is in `breaks`, best first: fewest breaks, hard ones last;
    /// then on site; then lowest substitution balance; then preference.
    pub fn rank(&self, post: &Post, role: Role) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = self
            .school
            .staff
            .iter()
            .filter(|p| !post.staff.iter().any(|a| a.staff == p.id))
            .filter(|p| blocked(self.school, self.plan, p, self.date, post, role).is_none())
            .map(|p| self.candidate(p, post))
            .collect();
        out.sort_by(|a, b| {
            let key = |c: &Candidate| {
                (
                    !c.possible(),
                    c.breaks
                        .iter()
                        .filter(|b| b.rule() != BreakRule::Preference)
                        .count(),
                    !c.on_site,
                    c.balance,
                )
            };
            key(a)
                .cmp(&key(b))
                .then(a.preference.total_cmp(&b.preference))
                .then(a.staff.cmp(&b.staff))
        });
        out
    }

    fn candidate(&self, person: &Person, post: &Post) -> Candidate {
        let st = staffing(self.school, person, self.plan.cycle_weeks);
        let mut breaks = Vec::new();
        if let Some(other) = busy_with(self.roster, &person.id, post) {
            breaks.push(Break::Busy(Held {
                post: other.id.clone(),
                start: other.start,
                end: other.end,
            }));
        }
        let today = self.loads.on(self.date, &person.id);
        if today >= st.per_day {
            breaks.push(Break::DailyCap {
                posts: today,
                cap: st.per_day,
            });
        }
        let week = self.loads.in_week(self.teaching_week, &person.id);
        if week >= st.per_week {
            breaks.push(Break::WeeklyCap {
                posts: week,
                cap: st.per_week,
            });
        }
        let mut preference = 0.0;
        for p in person
            .preferences
            .iter()
            .filter(|p| p.matches(post.day, post.session))
        {
            match p.stance {
                Stance::Avoid => {
                    preference += 1.0;
                    breaks.push(Break::Avoids {
                        day: p.day,
                        session: p.session,
                    });
                }
                Stance::Want => preference -= 1.0,
            }
        }
        let on_site_with = self.roster.posts_of(&person.id).next().map(|p| Held {
            post: p.post.id.clone(),
            start: p.post.start,
            end: p.post.end,
        });
        Candidate {
            staff: person.id.clone(),
            name: person.name.clone(),
            on_site: on_site_with.is_some(),
            on_site_with,
            balance: self.counts.get(&person.id).map_or(0, |c| c.balance()),
            preference,
            breaks,
        }
    }
}
