//! The repair held against the independent checkers (cycle and dated), on
//! the tiny school solved once.

use std::sync::OnceLock;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{add_absence, choose, remove_absence};
use crate::calendar::service_days;
use crate::check::check;
use crate::check::check_dated;
use crate::dated::{day_roster, substitution_counts, term_roster};
use crate::milp::{solve, SolveOptions};
use crate::model::{SessionKind, StaffId, Weekday};
use crate::plan::{Absence, DecidedBy, Plan};
use crate::validate::testing::{date, tiny_school};
use crate::School;

/// The tiny school with caps loose enough to staff it, and its plan.
fn solved() -> &'static (School, Plan) {
    static SOLVED: OnceLock<(School, Plan)> = OnceLock::new();
    SOLVED.get_or_init(|| {
        let mut school = tiny_school();
        for cap in &mut school.rules.caps {
            cap.per_week = 12;
            cap.per_day = 3;
        }
        let options = SolveOptions {
            cycle_weeks: Some(1),
            time_limit_seconds: Some(5.0),
            previous: None,
            cancel: None,
            ..SolveOptions::default()
        };
        let plan = solve(&school, &options).plan;
        assert_eq!(check(&school, &plan), vec![]);
        (school, plan)
    })
}

fn absence(staff: &str, from: NaiveDate, to: NaiveDate) -> Absence {
    Absence {
        staff: StaffId::new(staff),
        from,
        to,
        sessions: Vec::new(),
        reason: "病假".into(),
    }
}

/// Someone with a post on `d` whom others can cover, every post of theirs
/// (which plan a timed solve finds varies with the machine's load: the
/// first person on the day may lead a club nobody else can).
fn busy_person(school: &School, plan: &Plan, d: NaiveDate) -> StaffId {
    let roster = day_roster(school, plan, d).unwrap();
    let mut people = roster
        .posts
        .iter()
        .flat_map(|p| p.post.staff.iter().map(|s| s.staff.clone()));
    let first = people.next().unwrap();
    std::iter::once(first.clone())
        .chain(people)
        .find(|who| {
            add_absence(school, plan, absence(who.as_str(), d, d)).is_ok_and(|r| {
                !r.added.is_empty()
                    && r.added
                        .iter()
                        .all(|s| matches!(s.reason, crate::plan::CoverReason::Chosen { .. }))
            })
        })
        .unwrap_or(first)
}

#[test]
fn a_sick_day_changes_only_that_date_and_the_absent_persons_posts() {
    let (school, plan) = solved();
    let d = date(2026, 9, 8);
    let who = busy_person(school, plan, d);
    let repair = add_absence(school, plan, absence(who.as_str(), d, d)).unwrap();
    assert!(!repair.added.is_empty());
    assert!(repair.removed.is_empty());
    for s in &repair.added {
        assert_eq!(s.date, d);
        assert_eq!(s.out.as_ref(), Some(&who));
        assert_eq!(s.decided_by, DecidedBy::Kehou);
        assert!(
            matches!(s.reason, crate::plan::CoverReason::Chosen { .. }),
            "{:?}",
            s.reason
        );
    }
    assert_eq!(check(school, &repair.plan), vec![]);
    assert_eq!(check_dated(school, &repair.plan), vec![]);
    assert_eq!(repair.plan.posts, plan.posts, "the cycle is untouched");
    let before = term_roster(school, plan);
    let after = term_roster(school, &repair.plan);
    for (b, a) in before.iter().zip(&after) {
        if b.day.date != d {
            assert_eq!(b, a, "{} changed", b.day.date);
        }
    }
    let today = day_roster(school, &repair.plan, d).unwrap();
    assert_eq!(today.posts_of(&who).count(), 0);
    let counts = substitution_counts(&repair.plan);
    assert_eq!(counts[&who].released as usize, repair.added.len());
}

#[test]
fn removing_the_absence_restores_the_roster() {
    let (school, plan) = solved();
    let d = date(2026, 9, 9);
    let who = busy_person(school, plan, d);
    let repaired = add_absence(school, plan, absence(who.as_str(), d, d))
        .unwrap()
        .plan;
    let restored = remove_absence(school, &repaired, &who, d).unwrap();
    assert_eq!(restored.plan.absences, vec![]);
    assert_eq!(restored.plan.substitutions, vec![]);
    assert_eq!(restored.removed.len(), repaired.substitutions.len());
    assert_eq!(
        day_roster(school, &restored.plan, d),
        day_roster(school, plan, d)
    );
}

#[test]
fn a_two_week_absence_is_repaired_in_one_go_and_checks() {
    let (school, plan) = solved();
    let (from, to) = (date(2026, 9, 14), date(2026, 9, 25));
    let repair = add_absence(school, plan, absence("t1", from, to)).unwrap();
    assert!(repair.added.iter().all(|s| from <= s.date && s.date <= to));
    assert_eq!(check_dated(school, &repair.plan), vec![]);
    let dates: std::collections::BTreeSet<_> = repair.added.iter().map(|s| s.date).collect();
    assert!(dates.len() >= 8, "{dates:?}");
}

#[test]
fn a_term_long_absence_is_repaired_in_pieces_and_checks() {
    let (school, plan) = solved();
    let (from, to) = (school.term.first_day, school.term.last_day);
    let repair = add_absence(school, plan, absence("t1", from, to)).unwrap();
    let dates: std::collections::BTreeSet<_> = repair.added.iter().map(|s| s.date).collect();
    let two_weeks = add_absence(
        school,
        plan,
        absence("t1", date(2026, 9, 14), date(2026, 9, 25)),
    )
    .unwrap();
    // Every service day of t1's in the term, not only the first piece's.
    assert!(dates.len() > 4 * two_weeks.added.len().min(8), "{dates:?}");
    assert!(repair.added.iter().all(|s| from <= s.date && s.date <= to));
    assert_eq!(check_dated(school, &repair.plan), vec![]);
    // Pieces of two teaching weeks: no model holds the whole term.
    assert!(
        repair.variables <= 2 * two_weeks.variables.max(1) + 50,
        "{} variables for the term, {} for two weeks",
        repair.variables,
        two_weeks.variables
    );
}

#[test]
fn a_cover_who_falls_sick_is_replaced_and_the_original_stays_out() {
    let (school, plan) = solved();
    let d = date(2026, 9, 8);
    let who = busy_person(school, plan, d);
    let first = add_absence(school, plan, absence(who.as_str(), d, d)).unwrap();
    let cover = first
        .added
        .iter()
        .find_map(|s| s.cover.clone())
        .expect("the tiny school with loose caps has someone free");
    let second = add_absence(school, &first.plan, absence(cover.as_str(), d, d)).unwrap();
    assert_eq!(check_dated(school, &second.plan), vec![]);
    let today = day_roster(school, &second.plan, d).unwrap();
    assert_eq!(today.posts_of(&who).count(), 0);
    assert_eq!(today.posts_of(&cover).count(), 0);
}

#[test]
fn a_choice_by_hand_is_recorded_and_checked() {
    let (school, plan) = solved();
    let d = date(2026, 9, 10);
    let who = busy_person(school, plan, d);
    let repaired = add_absence(school, plan, absence(who.as_str(), d, d))
        .unwrap()
        .plan;
    // A place someone else could take too (kehou may have given the only
    // free person the first one).
    let (s, pick) = repaired
        .substitutions
        .iter()
        .find_map(|s| {
            let (_, ranked) = super::candidates(school, &repaired, d, &s.post, Some(&who)).unwrap();
            let pick = ranked
                .into_iter()
                .find(super::candidates::Candidate::possible)?;
            Some((s.clone(), pick))
        })
        .expect("someone could take one of the places");
    let hand = choose(school, &repaired, d, &s.post, Some(&who), &pick.staff).unwrap();
    let mine = hand
        .plan
        .substitutions
        .iter()
        .find(|x| x.post == s.post && x.date == d)
        .unwrap();
    assert_eq!(mine.decided_by, DecidedBy::Hand);
    assert_eq!(mine.cover.as_ref(), Some(&pick.staff));
    assert_eq!(check_dated(school, &hand.plan), vec![]);
}

#[test]
fn make_up_days_run_as_their_weekday_and_the_season_switch_changes_times() {
    let (school, plan) = solved();
    let makeup = day_roster(school, plan, date(2026, 10, 10)).unwrap();
    assert_eq!(makeup.day.runs_as, Weekday::Fri);
    assert!(makeup.posts.iter().all(|p| p.post.day == Weekday::Fri));
    assert!(
        day_roster(school, plan, date(2026, 10, 2)).is_none(),
        "国庆"
    );
    assert!(
        day_roster(school, plan, date(2026, 11, 5)).is_none(),
        "运动会"
    );
    // Grade 3's basic session ends 16:55 in summer and 16:40 in winter.
    let ext_end = |d| {
        day_roster(school, plan, d)
            .unwrap()
            .posts
            .iter()
            .find(|p| {
                p.post.session == SessionKind::Extended
                    && p.post.classes.iter().any(|c| c.as_str() == "3-1")
            })
            .map(|p| p.post.end.to_string())
    };
    assert_eq!(ext_end(date(2026, 10, 26)).as_deref(), Some("16:55"));
    assert_eq!(ext_end(date(2026, 11, 2)).as_deref(), Some("16:40"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn prop_random_absences_never_break_the_checker(
        who in 0usize..8,
        start in 0usize..60,
        len in 0u64..6,
        sessions in proptest::sample::subsequence(vec![SessionKind::Basic, SessionKind::Extended, SessionKind::Late], 0..=3),
        again in 0usize..8,
    ) {
        let (school, plan) = solved();
        let days = service_days(&school.term, plan.cycle_weeks);
        let from = days[start % days.len()].date;
        let to = from + chrono::Days::new(len);
        let to = to.min(school.term.last_day);
        let mut a = absence(school.staff[who].id.as_str(), from, to);
        a.sessions = sessions;
        let first = add_absence(school, plan, a).unwrap();
        prop_assert_eq!(check_dated(school, &first.plan), vec![]);
        let b = absence(school.staff[again].id.as_str(), from, from);
        let second = add_absence(school, &first.plan, b).unwrap();
        prop_assert_eq!(check_dated(school, &second.plan), vec![]);
        prop_assert_eq!(check(school, &second.plan), vec![]);
    }
}

mod model_alone {
    //! The repair model on hand-made places: fairness by the balance, and
    //! spreading over a range.

    use std::collections::BTreeMap;

    use super::super::candidates::Candidate;
    use super::super::day::Loads;
    use super::super::model::{solve, Slot};
    use super::*;
    use crate::plan::Role;

    fn slot(date: NaiveDate, who: &[&str], on_site: bool) -> Slot {
        let (school, plan) = solved();
        let post = day_roster(school, plan, date).unwrap().posts[0]
            .post
            .clone();
        Slot {
            date,
            teaching_week: 2,
            post,
            role: Role::Assist,
            out: StaffId::new("away"),
            ranked: who
                .iter()
                .map(|id| Candidate {
                    staff: StaffId::new(*id),
                    name: (*id).to_owned(),
                    on_site,
                    on_site_with: None,
                    balance: 0,
                    preference: 0.0,
                    breaks: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_lowest_balance_covers_and_covers_are_spread() {
        let (school, _) = solved();
        let balances: BTreeMap<StaffId, i64> =
            [(StaffId::new("t1"), 2), (StaffId::new("t2"), 0)].into();
        let one = [slot(date(2026, 9, 8), &["t1", "t2"], true)];
        let d = solve(school, 1, &one, &Loads::default(), &balances, 5.0).unwrap();
        assert_eq!(d.covers, vec![Some(1)], "t2 has the lower balance");

        // Two dates, two people of equal balance: one cover each, not both to one.
        let two = [
            slot(date(2026, 9, 8), &["t3", "t4"], true),
            slot(date(2026, 9, 9), &["t3", "t4"], true),
        ];
        let d = solve(school, 1, &two, &Loads::default(), &BTreeMap::new(), 5.0).unwrap();
        assert!(d.proven_optimal);
        assert_ne!(d.covers[0], d.covers[1], "{:?}", d.covers);
        assert!(d.covers.iter().all(Option::is_some));
    }

    #[test]
    fn someone_already_at_school_is_preferred_to_calling_someone_in() {
        let (school, _) = solved();
        let mut s = slot(date(2026, 9, 8), &["t5", "t6"], false);
        s.ranked[1].on_site = true;
        // t5 has the better balance, but t6 is already at school.
        let balances: BTreeMap<StaffId, i64> = [(StaffId::new("t6"), 3)].into();
        let d = solve(school, 1, &[s], &Loads::default(), &balances, 5.0).unwrap();
        assert_eq!(d.covers, vec![Some(1)]);
    }
}

#[test]
fn the_dated_checker_catches_a_cover_on_two_posts_at_once() {
    let (school, plan) = solved();
    let d = date(2026, 9, 8);
    let who = busy_person(school, plan, d);
    let mut repaired = add_absence(school, plan, absence(who.as_str(), d, d))
        .unwrap()
        .plan;
    assert_eq!(check_dated(school, &repaired), vec![]);
    // Give the place to someone holding an overlapping post that day.
    let s = repaired.substitutions[0].clone();
    let roster = day_roster(school, plan, d).unwrap();
    let post = roster.post(&s.post).unwrap().post.clone();
    let busy = roster
        .posts
        .iter()
        .filter(|p| p.post.id != post.id && p.post.start < post.end && post.start < p.post.end)
        .flat_map(|p| p.post.staff.iter().map(|a| a.staff.clone()))
        .find(|id| id != &who)
        .expect("someone else works at the same time");
    repaired.substitutions[0].cover = Some(busy);
    let found = check_dated(school, &repaired);
    assert!(
        found
            .iter()
            .any(|v| v.rule == crate::check::Rule::DoubleBooked),
        "{found:?}"
    );
}

#[test]
fn an_absence_for_some_sessions_frees_only_the_posts_touching_them() {
    let (school, plan) = solved();
    let d = date(2026, 9, 8);
    let roster = day_roster(school, plan, d).unwrap();
    for session in [SessionKind::Basic, SessionKind::Late] {
        let who = busy_person(school, plan, d);
        let mut a = absence(who.as_str(), d, d);
        a.sessions = vec![session];
        let repair = add_absence(school, plan, a).unwrap();
        let mut touching: Vec<&str> = roster
            .posts_of(&who)
            .filter(|p| super::day::post_sessions(school, &p.post, d).contains(&session))
            .map(|p| p.post.id.as_str())
            .collect();
        let mut changed: Vec<&str> = repair.added.iter().map(|s| s.post.as_str()).collect();
        touching.sort_unstable();
        changed.sort_unstable();
        assert_eq!(changed, touching, "{session:?}");
        assert_eq!(check_dated(school, &repair.plan), vec![]);
    }
}

#[test]
fn a_re_solve_keeps_the_terms_absences_and_substitutions_that_still_hold() {
    let (school, plan) = solved();
    let d = date(2026, 9, 8);
    let who = busy_person(school, plan, d);
    let repaired = add_absence(school, plan, absence(who.as_str(), d, d))
        .unwrap()
        .plan;
    // The same cycle again: everything holds and nothing changes.
    let mut fresh = plan.clone();
    fresh.absences.clear();
    fresh.substitutions.clear();
    let kept = super::carry_over(school, &repaired, fresh).unwrap();
    assert!(kept.is_empty(), "{:?} {:?}", kept.added, kept.removed);
    assert_eq!(kept.plan.substitutions, repaired.substitutions);
    assert_eq!(kept.plan.absences, repaired.absences);
    // A different cycle (the absent person's post given to someone else):
    // the stale substitution is redone, and the dated checker still passes.
    let mut changed = plan.clone();
    let s = &repaired.substitutions[0];
    let post = changed.posts.iter_mut().find(|p| p.id == s.post).unwrap();
    post.staff.retain(|a| a.staff != who);
    post.staff.push(crate::plan::Assignment {
        staff: s.cover.clone().unwrap(),
        role: s.role,
    });
    let redone = super::carry_over(school, &repaired, changed).unwrap();
    assert!(redone.removed.contains(s), "{:?}", redone.removed);
    assert_eq!(check_dated(school, &redone.plan), vec![]);
}

#[test]
fn a_re_solve_drops_the_record_of_someone_who_left_and_of_backwards_absences() {
    let (school, plan) = solved();
    let d = date(2026, 9, 8);
    let who = busy_person(school, plan, d);
    let mut repaired = add_absence(school, plan, absence(who.as_str(), d, d))
        .unwrap()
        .plan;
    let cover = repaired.substitutions[0].cover.clone().unwrap();
    // A backwards absence (a hand-edited file): the checker says so, no panic.
    repaired
        .absences
        .push(absence(cover.as_str(), date(2026, 9, 30), d));
    let found = check_dated(school, &repaired);
    assert!(
        found.iter().any(|v| v.rule == crate::check::Rule::Leave
            && matches!(v.detail, crate::check::Detail::AbsenceBackwards { .. })),
        "{found:?}"
    );
    // The absent person leaves the school: their absence and the substitution
    // naming them are dropped with notes, the backwards absence too.
    let mut left = school.clone();
    left.staff.retain(|p| p.id != who);
    let mut fresh = plan.clone();
    for p in &mut fresh.posts {
        p.staff.retain(|a| a.staff != who);
    }
    let kept = super::carry_over(&left, &repaired, fresh).unwrap();
    assert!(kept.plan.absences.is_empty(), "{:?}", kept.plan.absences);
    assert!(kept
        .plan
        .substitutions
        .iter()
        .all(|s| s.out.as_ref() != Some(&who) && s.cover.as_ref() != Some(&who)));
    let notes: Vec<String> = kept
        .plan
        .solve
        .notes
        .iter()
        .map(ToString::to_string)
        .collect();
    let notes = notes.join("\n");
    assert!(notes.contains("no longer on the staff list"), "{notes}");
    assert!(notes.contains("ends before it starts"), "{notes}");
}
