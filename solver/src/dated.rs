//! The cycle on real dates: which cycle post runs on which date, at which
//! times (the date's season), and who staffs it once the date's substitutions
//! are applied. The plan stores the cycle and the substitutions; everything
//! here is worked out from them, so a dated roster is never stale.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::calendar::{self, main_season, ServiceDay};
use crate::demand;
use crate::model::{ClockTime, School, StaffId};
use crate::plan::{Assignment, Plan, Post, Substitution, UnmetReason};

/// One service date and its posts as they run that date.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRoster {
    pub day: ServiceDay,
    pub posts: Vec<DatedPost>,
}

impl DayRoster {
    pub fn post(&self, id: &str) -> Option<&DatedPost> {
        self.posts.iter().find(|p| p.post.id == id)
    }

    /// Posts `staff` holds this date.
    pub fn posts_of<'a>(&'a self, staff: &'a StaffId) -> impl Iterator<Item = &'a DatedPost> {
        self.posts
            .iter()
            .filter(move |p| p.post.staff.iter().any(|a| &a.staff == staff))
    }
}

/// A cycle post on one date.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedPost {
    /// The cycle post as it runs that date: start/end for the date's season
    /// (the cycle plan is timed by `calendar::main_season`), and `staff` after
    /// that date's substitutions. `unmet_reason` says why, when a substitution
    /// left it short.
    pub post: Post,
    /// The substitutions applied to this post on this date (empty: as in the cycle).
    pub changes: Vec<Substitution>,
}

/// A person's substitutions over the term: covers add, released duties subtract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SubstitutionCount {
    /// Posts taken for someone else (or to fill a post that was unmet).
    pub covered: u32,
    /// Own posts given up (absent).
    pub released: u32,
}

impl SubstitutionCount {
    /// covered − released: who has done more than their share of covering.
    pub fn balance(self) -> i64 {
        i64::from(self.covered) - i64::from(self.released)
    }
}

/// The term-long counter of every person named in a substitution.
pub fn substitution_counts(plan: &Plan) -> BTreeMap<StaffId, SubstitutionCount> {
    let mut counts: BTreeMap<StaffId, SubstitutionCount> = BTreeMap::new();
    for s in &plan.substitutions {
        if let Some(c) = &s.cover {
            counts.entry(c.clone()).or_default().covered += 1;
        }
        if let Some(o) = &s.out {
            counts.entry(o.clone()).or_default().released += 1;
        }
    }
    counts
}

/// The service day of `date` for this plan's cycle, or `None` if there is no service.
pub fn service_day(school: &School, plan: &Plan, date: NaiveDate) -> Option<ServiceDay> {
    calendar::runs_as(&school.term, date)?;
    calendar::service_days(&school.term, plan.cycle_weeks)
        .into_iter()
        .find(|d| d.date == date)
}

/// The roster of one date, or `None` when there is no service that date.
pub fn day_roster(school: &School, plan: &Plan, date: NaiveDate) -> Option<DayRoster> {
    let day = service_day(school, plan, date)?;
    Some(Timing::new(school, plan).roster(plan, day))
}

/// The roster of every service date of the term, in date order.
pub fn term_roster(school: &School, plan: &Plan) -> Vec<DayRoster> {
    let timing = Timing::new(school, plan);
    calendar::service_days(&school.term, plan.cycle_weeks)
        .into_iter()
        .map(|day| timing.roster(plan, day))
        .collect()
}

/// Post times by season: the plan carries both seasons' times (version 3);
/// for older plans the other season's come from the school's demand.
#[derive(Debug, Clone)]
pub struct Timing {
    main: crate::model::Season,
    other: HashMap<String, (ClockTime, ClockTime)>,
}

impl Timing {
    pub fn new(school: &School, plan: &Plan) -> Timing {
        let main = main_season(&school.term);
        let needs_other = school.term.season_switch.is_some()
            && plan.posts.iter().any(|p| p.other_season.is_none());
        let other = if needs_other {
            demand::build(school, plan.cycle_weeks)
                .posts
                .into_iter()
                .map(|s| (s.post.id, s.other_season))
                .collect()
        } else {
            HashMap::new()
        };
        Timing { main, other }
    }

    /// `post` with the times of `day`'s season.
    pub fn timed(&self, post: &Post, day: &ServiceDay) -> Post {
        let mut post = post.clone();
        if day.season != self.main {
            let other = post
                .other_season
                .or_else(|| self.other.get(&post.id).copied());
            if let Some((start, end)) = other {
                post.other_season = Some((post.start, post.end));
                post.start = start;
                post.end = end;
            }
        }
        post
    }

    /// The roster of `day`: the cycle week's posts for the weekday it runs as,
    /// timed for its season, with the date's substitutions applied.
    pub fn roster(&self, plan: &Plan, day: ServiceDay) -> DayRoster {
        let posts = plan
            .posts
            .iter()
            .filter(|p| p.week == day.cycle_week && p.day == day.runs_as)
            .map(|p| {
                let changes: Vec<Substitution> = plan
                    .substitutions
                    .iter()
                    .filter(|s| s.date == day.date && s.post == p.id)
                    .cloned()
                    .collect();
                let mut post = self.timed(p, &day);
                apply(&mut post, &changes);
                DatedPost { post, changes }
            })
            .collect();
        DayRoster { day, posts }
    }
}

/// Applies substitutions in order: `out` leaves the post, `cover` joins it in
/// `role`. A substitution that leaves the post short gives its reason as the
/// post's unmet reason.
pub fn apply(post: &mut Post, changes: &[Substitution]) {
    for s in changes {
        if let Some(out) = &s.out {
            if let Some(i) = post.staff.iter().position(|a| &a.staff == out) {
                post.staff.remove(i);
            }
        }
        match &s.cover {
            Some(cover) if !post.staff.iter().any(|a| &a.staff == cover) => {
                post.staff.push(Assignment {
                    staff: cover.clone(),
                    role: s.role,
                });
            }
            Some(_) => {}
            None => post.unmet_reason = Some(UnmetReason::NoCover(s.reason.clone())),
        }
    }
    if !changes.is_empty() && post.missing() == 0 && (post.has_lead() || post.adults_needed == 0) {
        post.unmet_reason = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SessionKind, Weekday};
    use crate::plan::{DecidedBy, PostKind, Role};

    fn post() -> Post {
        Post {
            id: "w1-mon-basic-1-1".into(),
            week: 1,
            day: Weekday::Mon,
            session: SessionKind::Basic,
            start: ClockTime::new(15, 30).unwrap(),
            end: ClockTime::new(16, 30).unwrap(),
            other_season: None,
            kind: PostKind::Homework,
            classes: Vec::new(),
            club: None,
            club_name: None,
            room: None,
            students: 30,
            adults_needed: 1,
            staff: vec![Assignment {
                staff: StaffId::new("t1"),
                role: Role::Lead,
            }],
            unmet_reason: None,
        }
    }

    fn sub(out: Option<&str>, cover: Option<&str>) -> Substitution {
        Substitution {
            date: "2026-09-07".parse().unwrap(),
            post: "w1-mon-basic-1-1".into(),
            role: Role::Lead,
            out: out.map(StaffId::new),
            cover: cover.map(StaffId::new),
            reason: crate::plan::CoverReason::Text("nobody free".into()),
            decided_by: DecidedBy::Kehou,
        }
    }

    #[test]
    fn a_cover_takes_the_place_and_role_of_who_is_out() {
        let mut p = post();
        apply(&mut p, &[sub(Some("t1"), Some("t2"))]);
        assert_eq!(p.staff.len(), 1);
        assert_eq!(p.staff[0].staff, StaffId::new("t2"));
        assert_eq!(p.staff[0].role, Role::Lead);
        assert!(p.unmet_reason.is_none());
    }

    #[test]
    fn no_cover_leaves_the_post_short_with_the_reason() {
        let mut p = post();
        apply(&mut p, &[sub(Some("t1"), None)]);
        assert!(p.staff.is_empty());
        assert_eq!(
            p.unmet_reason,
            Some(UnmetReason::NoCover(crate::plan::CoverReason::Text(
                "nobody free".into()
            )))
        );
    }

    #[test]
    fn counts_add_covers_and_subtract_releases() {
        let mut plan = Plan::empty("x".into(), 1);
        plan.substitutions = vec![sub(Some("t1"), Some("t2")), sub(Some("t2"), Some("t3"))];
        let c = substitution_counts(&plan);
        assert_eq!(c[&StaffId::new("t1")].balance(), -1);
        assert_eq!(c[&StaffId::new("t2")].balance(), 0);
        assert_eq!(c[&StaffId::new("t3")].covered, 1);
    }
}
