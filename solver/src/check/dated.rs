//! The independent checker on real dates (docs/model.md §10): every date a
//! substitution or an absence touches is rebuilt from the cycle here — the
//! date's posts, timed for its season, with its substitutions applied — and
//! checked without the repair: nobody away is on a post, nobody on two posts
//! at once on the real times, every cover may take the place, no post short
//! without a reason, and the day and week caps of the real week for the
//! people a substitution by kehou added.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::rules::{self, Day};
use super::{v, Detail, Place, Rule, Unfit, Violation};
use crate::model::{School, Season, StaffId};
use crate::plan::{Assignment, DecidedBy, Plan, Post, Role, Substitution};

/// Every broken hard rule on the dates the plan's absences and substitutions touch.
pub fn check_dated(school: &School, plan: &Plan) -> Vec<Violation> {
    check_dated_on(school, plan, &BTreeSet::new())
}

/// The service dates the plan's absences and substitutions touch.
pub fn touched_dates(school: &School, plan: &Plan) -> BTreeSet<NaiveDate> {
    let service: BTreeSet<NaiveDate> = rules::term_days(school, plan.cycle_weeks)
        .iter()
        .map(|d| d.date)
        .collect();
    let mut touched: BTreeSet<NaiveDate> = plan.substitutions.iter().map(|s| s.date).collect();
    for a in plan.absences.iter().filter(|a| a.from <= a.to) {
        touched.extend(service.range(a.from..=a.to).copied());
    }
    touched
}

/// One date's posts as they run: timed for its season, substitutions applied.
struct Roster<'p> {
    day: Day,
    posts: Vec<(Post, Vec<&'p Substitution>)>,
}

impl Roster<'_> {
    fn posts_of<'a>(&'a self, staff: &'a StaffId) -> impl Iterator<Item = &'a Post> {
        self.posts
            .iter()
            .map(|(p, _)| p)
            .filter(move |p| p.staff.iter().any(|a| &a.staff == staff))
    }

    fn count(&self, staff: &StaffId) -> u32 {
        self.posts_of(staff).count() as u32
    }
}

fn roster(plan: &Plan, day: Day, main: Season, with_changes: bool) -> Roster<'_> {
    let posts = plan
        .posts
        .iter()
        .filter(|p| p.week == day.cycle_week && p.day == day.runs_as)
        .map(|p| {
            let mut post = p.clone();
            if day.season != main {
                if let Some((start, end)) = p.other_season {
                    post.other_season = Some((p.start, p.end));
                    post.start = start;
                    post.end = end;
                }
            }
            let changes: Vec<&Substitution> = plan
                .substitutions
                .iter()
                .filter(|s| with_changes && s.date == day.date && s.post == p.id)
                .collect();
            for s in &changes {
                if let Some(out) = &s.out {
                    post.staff.retain(|a| &a.staff != out);
                }
                match &s.cover {
                    Some(c) if !post.staff.iter().any(|a| &a.staff == c) => {
                        post.staff.push(Assignment {
                            staff: c.clone(),
                            role: s.role,
                        });
                    }
                    Some(_) => {}
                    None => {
                        post.unmet_reason =
                            Some(crate::plan::UnmetReason::NoCover(s.reason.clone()));
                    }
                }
            }
            let full = post.staff.len() >= post.adults_needed as usize
                && (post.adults_needed == 0 || post.has_lead());
            if !changes.is_empty() && full {
                post.unmet_reason = None;
            }
            (post, changes)
        })
        .collect();
    Roster { day, posts }
}

/// Is `staff` absent for `post` on `day` by the plan's absences?
fn absent(school: &School, plan: &Plan, staff: &StaffId, day: &Day, post: &Post) -> bool {
    let (date, sessions) = (day.date, rules::touched_sessions(school, post, day.season));
    plan.absences
        .iter()
        .any(|a| &a.staff == staff && a.covers(date, &sessions))
}

/// `check_dated` on the touched dates and on `also` (to compare a plan with
/// another that touches more dates: `check::new_violations`).
pub fn check_dated_on(school: &School, plan: &Plan, also: &BTreeSet<NaiveDate>) -> Vec<Violation> {
    let mut out = Vec::new();
    if plan.absences.is_empty() && plan.substitutions.is_empty() && also.is_empty() {
        return out;
    }
    let days = rules::term_days(school, plan.cycle_weeks);
    let service: BTreeSet<NaiveDate> = days.iter().map(|d| d.date).collect();
    let mut touched: BTreeSet<NaiveDate> = also.intersection(&service).copied().collect();
    for s in &plan.substitutions {
        if !service.contains(&s.date) {
            out.push(v(
                Place::Post(s.post.clone()),
                Rule::UnknownId,
                Detail::SubstitutionWithoutService { date: s.date },
            ));
        }
        touched.insert(s.date);
    }
    for a in &plan.absences {
        if school.person(&a.staff).is_none() {
            out.push(v(
                Place::Person(a.staff.clone()),
                Rule::UnknownId,
                Detail::AbsenceOfUnknown,
            ));
        }
        if a.to < a.from {
            out.push(v(
                Place::Person(a.staff.clone()),
                Rule::Leave,
                Detail::AbsenceBackwards {
                    from: a.from,
                    to: a.to,
                },
            ));
            continue;
        }
        touched.extend(service.range(a.from..=a.to).copied());
    }
    let weeks: BTreeSet<u32> = days
        .iter()
        .filter(|d| touched.contains(&d.date))
        .map(|d| d.teaching_week)
        .collect();
    let main = rules::main_season(school);
    let in_weeks: Vec<Day> = days
        .iter()
        .copied()
        .filter(|d| weeks.contains(&d.teaching_week))
        .collect();
    let rosters: Vec<Roster> = in_weeks
        .iter()
        .map(|d| roster(plan, *d, main, true))
        .collect();
    let cycle: Vec<Roster> = in_weeks
        .iter()
        .map(|d| roster(plan, *d, main, false))
        .collect();
    for r in rosters.iter().filter(|r| touched.contains(&r.day.date)) {
        check_day(school, plan, r, &mut out);
    }
    check_caps(school, plan, &rosters, &cycle, &touched, &mut out);
    out.sort_by(|a, b| (a.rule, &a.place).cmp(&(b.rule, &b.place)));
    out
}

fn check_day(school: &School, plan: &Plan, roster: &Roster, out: &mut Vec<Violation>) {
    let date = roster.day.date;
    for s in plan.substitutions.iter().filter(|s| s.date == date) {
        if !roster.posts.iter().any(|(p, _)| p.id == s.post) {
            out.push(v(
                Place::Post(s.post.clone()),
                Rule::UnknownId,
                Detail::NoSuchPostOn { date },
            ));
        }
    }
    for (post, changes) in &roster.posts {
        let place = Place::PostOn(post.id.clone(), date);
        for a in &post.staff {
            let Some(person) = school.person(&a.staff) else {
                out.push(v(
                    place.clone(),
                    Rule::UnknownId,
                    Detail::UnknownStaff {
                        staff: a.staff.clone(),
                    },
                ));
                continue;
            };
            if absent(school, plan, &a.staff, &roster.day, post) {
                out.push(v(
                    place.clone(),
                    Rule::Availability,
                    Detail::AbsentThatDay {
                        staff: person.id.clone(),
                    },
                ));
            }
            if changes.iter().any(|s| s.cover.as_ref() == Some(&a.staff)) {
                // A cover may take the place on that very date: the cycle's
                // rules with the date's own leave, and the role's lead rules.
                let why = match rules::not_for(school, person, post, roster.day.season, &[]) {
                    Some(not) => Some(not.described()),
                    None if person.leave.iter().any(|l| l.from <= date && date <= l.to) => {
                        Some((Rule::Leave, Unfit::OnLeave))
                    }
                    None if a.role == Role::Lead && !rules::may_lead(school, person, post) => {
                        Some((Rule::Lead, Unfit::MayNotLead))
                    }
                    None => None,
                };
                if let Some((rule, why)) = why {
                    out.push(v(
                        place.clone(),
                        rule,
                        Detail::Unfit {
                            staff: person.id.clone(),
                            why,
                            cover: true,
                        },
                    ));
                }
            }
            if let Some(other) = roster
                .posts_of(&a.staff)
                .find(|p| p.id < post.id && p.start < post.end && post.start < p.end)
            {
                out.push(v(
                    Place::PersonOn(a.staff.clone(), date),
                    Rule::DoubleBooked,
                    Detail::Overlap {
                        first: other.id.clone(),
                        second: post.id.clone(),
                    },
                ));
            }
        }
        let short = post.staff.len() < post.adults_needed as usize
            || (post.adults_needed > 0 && !post.has_lead());
        if short && post.unmet_reason.is_none() {
            out.push(v(
                place,
                Rule::Coverage,
                Detail::Short {
                    staffed: post.staff.len() as u32,
                    needed: post.adults_needed,
                },
            ));
        }
    }
}

/// Caps of the real day and week, for people a kehou substitution added.
/// A cycle that already exceeds a cap in a real week (a make-up day gives
/// that week a sixth day) is not the repair's doing: the bound is the larger
/// of the cap and the cycle's own count. Choices by hand may break caps.
fn check_caps(
    school: &School,
    plan: &Plan,
    rosters: &[Roster],
    cycle: &[Roster],
    touched: &BTreeSet<NaiveDate>,
    out: &mut Vec<Violation>,
) {
    let mut by_kehou: BTreeMap<&StaffId, BTreeSet<NaiveDate>> = BTreeMap::new();
    let mut by_hand: BTreeSet<(&StaffId, NaiveDate)> = BTreeSet::new();
    for s in &plan.substitutions {
        if let Some(c) = &s.cover {
            match s.decided_by {
                DecidedBy::Kehou => by_kehou.entry(c).or_default().insert(s.date),
                DecidedBy::Hand => by_hand.insert((c, s.date)),
            };
        }
    }
    let week_of: BTreeMap<NaiveDate, u32> = rosters
        .iter()
        .map(|r| (r.day.date, r.day.teaching_week))
        .collect();
    let on = |rs: &[Roster], date: NaiveDate, staff: &StaffId| {
        rs.iter()
            .filter(|r| r.day.date == date)
            .map(|r| r.count(staff))
            .sum::<u32>()
    };
    let in_week = |rs: &[Roster], week: u32, staff: &StaffId| {
        rs.iter()
            .filter(|r| r.day.teaching_week == week)
            .map(|r| r.count(staff))
            .sum::<u32>()
    };
    for (staff, dates) in by_kehou {
        let Some(person) = school.person(staff) else {
            continue;
        };
        let (per_day, per_week) = rules::caps(school, person);
        let mut weeks = BTreeSet::new();
        for date in dates.iter().filter(|d| touched.contains(d)) {
            let n = on(rosters, *date, staff);
            if n > per_day.max(on(cycle, *date, staff)) && !by_hand.contains(&(staff, *date)) {
                out.push(v(
                    Place::PersonOn(staff.clone(), *date),
                    Rule::CapPerDay,
                    Detail::PostsThatDay {
                        count: n,
                        cap: per_day,
                    },
                ));
            }
            weeks.extend(week_of.get(date).copied());
        }
        for week in weeks {
            let n = in_week(rosters, week, staff);
            let hand = by_hand
                .iter()
                .any(|(s, d)| *s == staff && week_of.get(d) == Some(&week));
            if n > per_week.max(in_week(cycle, week, staff)) && !hand {
                out.push(v(
                    Place::PersonInWeek(staff.clone(), week),
                    Rule::CapPerWeek,
                    Detail::PostsInTeachingWeek {
                        count: n,
                        week,
                        cap: per_week,
                    },
                ));
            }
        }
    }
}
