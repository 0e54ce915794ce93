//! The checker catches what it must: each test breaks one rule in a sound
//! plan (a solve of the tiny school) and looks for that violation.

use super::{check, Rule};
use crate::milp::{solve, SolveOptions};
use crate::model::School;
use crate::plan::{Plan, PostKind, Role};
use crate::validate::testing::tiny_school;

/// The tiny school with caps generous enough to cover everything, solved.
fn solved() -> (School, Plan) {
    let mut school = tiny_school();
    for cap in &mut school.rules.caps {
        cap.per_week = 12;
        cap.per_day = 3;
    }
    let plan = solve(
        &school,
        &SolveOptions {
            cycle_weeks: Some(1),
            time_limit_seconds: Some(2.0),
            ..SolveOptions::default()
        },
    )
    .plan;
    assert_eq!(check(&school, &plan), vec![]);
    (school, plan)
}

fn rules(violations: &[super::Violation]) -> Vec<Rule> {
    violations.iter().map(|v| v.rule).collect()
}

#[test]
fn a_post_left_short_while_someone_is_free_is_caught() {
    let (school, mut plan) = solved();
    // Take one adult off a homework group: whoever it was is free again, so
    // the post is short while someone is free for it, reason or not.
    let post = plan
        .posts
        .iter_mut()
        .find(|p| p.kind == PostKind::Homework && p.staff.len() == 1)
        .expect("a homework group with one adult");
    post.staff.clear();
    post.unmet_reason = Some(crate::plan::UnmetReason::Text(
        "nobody, the solver said".to_owned(),
    ));
    let found = check(&school, &plan);
    assert!(rules(&found).contains(&Rule::FreeButUnused), "{found:#?}");
}

#[test]
fn a_club_without_its_leader_while_someone_could_lead_it_is_caught() {
    let (school, mut plan) = solved();
    for post in plan.posts.iter_mut().filter(|p| p.kind == PostKind::Club) {
        post.staff.retain(|a| a.role != Role::Lead);
        post.unmet_reason = Some(crate::plan::UnmetReason::Text("no leader".to_owned()));
    }
    let found = check(&school, &plan);
    assert!(
        found
            .iter()
            .any(|v| v.rule == Rule::FreeButUnused && matches!(v.place, super::Place::Club(_))),
        "{found:#?}"
    );
}

#[test]
fn nobody_free_means_nothing_to_say() {
    // Everyone unavailable on Monday: Monday's posts are short, rightly.
    let mut school = tiny_school();
    for p in &mut school.staff {
        p.unavailable.push(crate::model::Slot {
            day: crate::model::Weekday::Mon,
            session: None,
        });
    }
    let plan = solve(
        &school,
        &SolveOptions {
            cycle_weeks: Some(1),
            time_limit_seconds: Some(2.0),
            ..SolveOptions::default()
        },
    )
    .plan;
    assert!(plan.unmet().any(|p| p.day == crate::model::Weekday::Mon));
    assert_eq!(check(&school, &plan), vec![]);
}

#[test]
fn the_gate_escort_of_a_wave_cannot_be_dismissing_a_group_in_it() {
    let (school, mut plan) = solved();
    // Someone on a group that ends at a gate's wave, put on that gate too.
    let gate = plan
        .posts
        .iter()
        .find(|p| p.kind == PostKind::Gate)
        .expect("a gate post")
        .clone();
    let wave = gate.start.minutes() + school.duties.gate.in_place_minutes;
    let group = plan
        .posts
        .iter()
        .find(|p| {
            p.kind.holds_students()
                && p.day == gate.day
                && p.end.minutes() == wave
                && !p.staff.is_empty()
        })
        .expect("a group dismissed in that wave")
        .clone();
    let who = group.staff[0].staff.clone();
    let g = plan
        .posts
        .iter_mut()
        .find(|p| p.id == gate.id)
        .expect("gate");
    g.staff = vec![crate::plan::Assignment {
        staff: who,
        role: Role::Lead,
    }];
    let found = check(&school, &plan);
    assert!(rules(&found).contains(&Rule::DoubleBooked), "{found:#?}");
}

#[test]
fn a_gate_post_held_only_from_the_wave_is_caught() {
    let (school, mut plan) = solved();
    let g = plan
        .posts
        .iter_mut()
        .find(|p| p.kind == PostKind::Gate)
        .expect("a gate post");
    // As kehou had it before: from the wave, not before it.
    let wave = g.start.minutes() + school.duties.gate.in_place_minutes;
    g.start = crate::model::ClockTime::new(wave / 60, wave % 60).expect("a time");
    let found = check(&school, &plan);
    assert!(rules(&found).contains(&Rule::GateTiming), "{found:#?}");
}

#[test]
fn an_outdoor_club_in_a_room_without_shelter_is_caught() {
    let (mut school, plan) = solved();
    // The plan uses the field; the field loses its fallback.
    for r in &mut school.rooms {
        if r.outdoor {
            r.fallback = None;
        }
    }
    let mut plan = plan;
    plan.school_fingerprint = school.fingerprint();
    let found = check(&school, &plan);
    assert!(
        found
            .iter()
            .any(|v| v.rule == Rule::Room
                && matches!(v.detail, super::Detail::NoRainFallback { .. })),
        "{found:#?}"
    );
}

#[test]
fn someone_busy_in_the_other_season_is_double_booked() {
    let (school, mut plan) = solved();
    // Two posts of one day that do not overlap in the main season's times,
    // but do in the other season's: one person on both is on two at once.
    let day: Vec<usize> = (0..plan.posts.len())
        .filter(|&i| plan.posts[i].day == crate::model::Weekday::Tue && plan.posts[i].week == 1)
        .collect();
    let (a, b) = (day[0], day[1]);
    let (start, end) = (plan.posts[a].start, plan.posts[a].end);
    plan.posts[b].start = end;
    plan.posts[b].end = crate::model::ClockTime::new(23, 0).expect("a time");
    plan.posts[b].other_season = Some((start, end));
    plan.posts[a].other_season = Some((start, end));
    let who = plan.posts[a].staff[0].clone();
    plan.posts[b].staff.push(who);
    let found = check(&school, &plan);
    assert!(rules(&found).contains(&Rule::DoubleBooked), "{found:#?}");
}
