//! The independent checker on real dates (docs/model.md §10): every date a
//! substitution or an absence touches is rebuilt from the cycle and checked
//! without the repair model — nobody away is on a post, nobody on two posts
//! at once on the real times, every cover may take the place, no post short
//! without a reason, and the day and week caps of the real week.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::day::{blocked, is_absent, Blocked, Loads};
use crate::calendar;
use crate::check::{Rule, Violation};
use crate::dated::{DayRoster, Timing};
use crate::eligibility::staffing;
use crate::model::{School, StaffId};
use crate::plan::{DecidedBy, Plan};

/// Every broken hard rule on the dates the plan's absences and substitutions touch.
pub fn check_dated(school: &School, plan: &Plan) -> Vec<Violation> {
    check_dated_on(school, plan, &BTreeSet::new())
}

/// The service dates the plan's absences and substitutions touch.
pub fn touched_dates(school: &School, plan: &Plan) -> BTreeSet<NaiveDate> {
    let service: BTreeSet<NaiveDate> = calendar::service_days(&school.term, plan.cycle_weeks)
        .iter()
        .map(|d| d.date)
        .collect();
    let mut touched: BTreeSet<NaiveDate> = plan.substitutions.iter().map(|s| s.date).collect();
    for a in plan.absences.iter().filter(|a| a.from <= a.to) {
        touched.extend(service.range(a.from..=a.to).copied());
    }
    touched
}

/// `check_dated` on the touched dates and on `also` (to compare a plan with
/// another that touches more dates: `check::new_violations`).
pub fn check_dated_on(school: &School, plan: &Plan, also: &BTreeSet<NaiveDate>) -> Vec<Violation> {
    let mut out = Vec::new();
    if plan.absences.is_empty() && plan.substitutions.is_empty() && also.is_empty() {
        return out;
    }
    let days = calendar::service_days(&school.term, plan.cycle_weeks);
    let service: BTreeSet<NaiveDate> = days.iter().map(|d| d.date).collect();
    let mut touched: BTreeSet<NaiveDate> = also.intersection(&service).copied().collect();
    for s in &plan.substitutions {
        if !service.contains(&s.date) {
            out.push(v(
                &s.post,
                Rule::UnknownId,
                format!("a substitution on {}, which has no service", s.date),
            ));
        }
        touched.insert(s.date);
    }
    for a in &plan.absences {
        if school.person(&a.staff).is_none() {
            out.push(v(
                format!("staff {}", a.staff),
                Rule::UnknownId,
                "an absence of an unknown person",
            ));
        }
        if a.to < a.from {
            out.push(v(
                format!("staff {}", a.staff),
                Rule::Leave,
                format!(
                    "an absence that ends ({}) before it starts ({}): correct its dates in the plan file",
                    a.to, a.from
                ),
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
    let timing = Timing::new(school, plan);
    let rosters: Vec<DayRoster> = days
        .iter()
        .filter(|d| weeks.contains(&d.teaching_week))
        .map(|d| timing.roster(plan, *d))
        .collect();
    let mut cycle_only = plan.clone();
    cycle_only.substitutions.clear();
    let cycle_rosters: Vec<DayRoster> = days
        .iter()
        .filter(|d| weeks.contains(&d.teaching_week))
        .map(|d| timing.roster(&cycle_only, *d))
        .collect();
    for roster in rosters.iter().filter(|r| touched.contains(&r.day.date)) {
        check_day(school, plan, roster, &mut out);
    }
    check_caps(school, plan, &rosters, &cycle_rosters, &touched, &mut out);
    out.sort_by(|a, b| (a.rule, &a.place).cmp(&(b.rule, &b.place)));
    out
}

fn v(place: impl Into<String>, rule: Rule, detail: impl Into<String>) -> Violation {
    Violation {
        place: place.into(),
        rule,
        detail: detail.into(),
    }
}

fn check_day(school: &School, plan: &Plan, roster: &DayRoster, out: &mut Vec<Violation>) {
    let date = roster.day.date;
    for s in plan.substitutions.iter().filter(|s| s.date == date) {
        if roster.post(&s.post).is_none() {
            out.push(v(
                &s.post,
                Rule::UnknownId,
                format!("no such post on {date}"),
            ));
        }
    }
    for dp in &roster.posts {
        let post = &dp.post;
        let place = format!("{} {date}", post.id);
        for a in &post.staff {
            let Some(person) = school.person(&a.staff) else {
                out.push(v(&place, Rule::UnknownId, format!("no staff {}", a.staff)));
                continue;
            };
            if is_absent(school, plan, &a.staff, date, post) {
                out.push(v(
                    &place,
                    Rule::Availability,
                    format!("{} ({}) is absent that day", person.id, person.name),
                ));
            }
            let covers = dp
                .changes
                .iter()
                .any(|s| s.cover.as_ref() == Some(&a.staff));
            if covers {
                if let Some(why) = blocked(school, plan, person, date, post, a.role) {
                    let rule = match why {
                        Blocked::OnLeave => Rule::Leave,
                        Blocked::NoLead(_) => Rule::Lead,
                        _ => Rule::Availability,
                    };
                    out.push(v(
                        &place,
                        rule,
                        format!("cover {} ({}) is {why}", person.id, person.name),
                    ));
                }
            }
            if let Some(other) = roster
                .posts_of(&a.staff)
                .map(|p| &p.post)
                .find(|p| p.id < post.id && p.start < post.end && post.start < p.end)
            {
                out.push(v(
                    format!("staff {} {date}", a.staff),
                    Rule::DoubleBooked,
                    format!("{} and {} overlap", other.id, post.id),
                ));
            }
        }
        let short = post.missing() > 0 || (post.adults_needed > 0 && !post.has_lead());
        if short && post.unmet_reason.is_none() {
            out.push(v(
                &place,
                Rule::Coverage,
                format!(
                    "{} of {} adults and no reason given",
                    post.staff.len(),
                    post.adults_needed
                ),
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
    rosters: &[DayRoster],
    cycle: &[DayRoster],
    touched: &BTreeSet<NaiveDate>,
    out: &mut Vec<Violation>,
) {
    let loads = Loads::of(rosters);
    let base = Loads::of(cycle);
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
    for (staff, dates) in by_kehou {
        let Some(person) = school.person(staff) else {
            continue;
        };
        let st = staffing(school, person, plan.cycle_weeks);
        let mut weeks = BTreeSet::new();
        for date in dates.iter().filter(|d| touched.contains(d)) {
            let n = loads.on(*date, staff);
            if n > st.per_day.max(base.on(*date, staff)) && !by_hand.contains(&(staff, *date)) {
                out.push(v(
                    format!("staff {staff} {date}"),
                    Rule::CapPerDay,
                    format!("{n} posts that day, cap {}", st.per_day),
                ));
            }
            weeks.extend(week_of.get(date).copied());
        }
        for week in weeks {
            let n = loads.in_week(week, staff);
            let hand = by_hand
                .iter()
                .any(|(s, d)| *s == staff && week_of.get(d) == Some(&week));
            if n > st.per_week.max(base.in_week(week, staff)) && !hand {
                out.push(v(
                    format!("staff {staff} week {week}"),
                    Rule::CapPerWeek,
                    format!("{n} posts in teaching week {week}, cap {}", st.per_week),
                ));
            }
        }
    }
}
