//! Solving from the terminal UI: Esc really stops the solver, and a re-solve
//! keeps the term's sick calls (as `kehou solve` does).

use crossterm::event::KeyCode;
use kehou::tui::event::{Effect, Event};
use kehou::tui::testing::Harness;
use kehou::tui::text::Lang;

#[test]
fn esc_sets_the_running_solves_cancel_flag() {
    let mut h = Harness::demo(Lang::En);
    h.app.solve_seconds = 600.0;
    let Some(Effect::Solve(job)) = h.update(Event::key(KeyCode::Char('S'))).pop() else {
        panic!("S starts a solve");
    };
    assert!(!job.cancel.is_cancelled());
    h.update(Event::key(KeyCode::Esc));
    assert!(job.cancel.is_cancelled(), "Esc must stop the solver itself");
    // The solver sees the flag: a ten-minute solve comes back long before its
    // limit (a generous bound: not a speed test), and the interface drops its result.
    let started = std::time::Instant::now();
    let before = h.app.doc.plan.clone();
    let result = kehou::tui::testing::solve_now(job);
    assert!(started.elapsed().as_secs() < 120, "{:?}", started.elapsed());
    h.update(Event::Solved(result));
    assert_eq!(h.app.doc.plan, before);
    // A new solve gets a fresh flag.
    let Some(Effect::Solve(next)) = h.update(Event::key(KeyCode::Char('S'))).pop() else {
        panic!("S starts another solve");
    };
    assert!(!next.cancel.is_cancelled());
}

#[test]
fn a_re_solve_keeps_the_terms_sick_calls() {
    let mut h = Harness::demo(Lang::En);
    let school = &h.app.doc.school;
    let monday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == kehou_solver::model::Weekday::Mon && d.cycle_week == 1)
        .expect("a Monday in cycle week 1")
        .date;
    h.app.today = monday;
    // A sick call on the rota's first place, accepted.
    h.keys("2\nA\ny");
    assert_eq!(h.app.doc.plan.absences.len(), 1, "{:?}", h.app.message);
    let absence = h.app.doc.plan.absences[0].clone();
    assert!(!h.app.doc.plan.substitutions.is_empty());
    // Re-solve (synchronously in the harness), briefly.
    h.app.solve_seconds = 2.0;
    h.keys("S");
    assert!(h.app.solving.is_none());
    assert_eq!(h.app.doc.undo_label(), Some("solve"), "{:?}", h.app.message);
    assert_eq!(h.app.doc.plan.absences, vec![absence.clone()]);
    // Whoever the new cycle puts on that Monday, the absent person holds no
    // place on the day's effective roster.
    let day = kehou_solver::dated::day_roster(&h.app.doc.school, &h.app.doc.plan, absence.from)
        .expect("the Monday has service");
    assert_eq!(
        day.posts_of(&absence.staff).count(),
        0,
        "{:?}",
        h.app.doc.plan.substitutions
    );
    assert!(
        h.app.doc.violations.is_empty(),
        "{:?}",
        h.app.doc.violations
    );
}

/// The tiny school copied into a temporary folder, opened with no plan yet.
fn tiny(lang: Lang) -> (tempfile::TempDir, Harness) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = dir.path().join("tiny.school.ron");
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/valid/tiny.school.ron");
    std::fs::copy(from, &school).expect("copy the tiny school");
    let mut h = Harness::new(kehou::tui::testing::open(&school).expect("it opens"), lang);
    h.app.solve_seconds = 2.0;
    (dir, h)
}

#[test]
fn a_fresh_re_solve_is_shown_before_it_replaces_the_plan() {
    let (_dir, mut h) = tiny(Lang::En);
    h.keys("S");
    let solved = h.app.doc.plan.clone();
    // R: a full re-optimisation, reviewed first.
    h.keys("R");
    assert!(h.app.review.is_some(), "{:?}", h.app.message);
    let screen = h.render(120, 40);
    assert!(
        screen.contains("Re-optimised: the changes first"),
        "{screen}"
    );
    assert!(
        screen.contains("assignments (") || screen.contains("no assignment changed"),
        "{screen}"
    );
    assert_eq!(
        h.app.doc.plan, solved,
        "nothing replaced while it is reviewed"
    );
    // Rejected: the plan stays.
    h.keys("\x1b");
    assert!(h.app.review.is_none());
    assert_eq!(h.app.doc.plan, solved);
    assert_eq!(
        h.app.message.as_deref(),
        Some("The new plan was not used; the plan is unchanged")
    );
    // Accepted: replaced, as one undoable step.
    h.keys("R\n");
    assert!(h.app.review.is_none());
    assert!(h.app.doc.plan.solve.changes.is_some_and(|c| c.fresh));
    assert_eq!(h.app.doc.undo_label(), Some("solve"));
    h.keys("u");
    assert_eq!(h.app.doc.plan, solved);
}

#[test]
fn a_re_solve_lists_a_choice_by_hand_it_cannot_keep_before_replacing_the_plan() {
    let mut h = Harness::demo(Lang::En);
    let school = h.app.doc.school.clone();
    let monday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == kehou_solver::model::Weekday::Mon && d.cycle_week == 1)
        .expect("a Monday in cycle week 1")
        .date;
    h.app.today = monday;
    h.keys("2\nA\ny");
    assert!(
        !h.app.doc.plan.substitutions.is_empty(),
        "{:?}",
        h.app.message
    );
    let out = h.app.doc.plan.absences[0].staff.clone();
    // The deputy head made that cover their own choice; then the person
    // out becomes unavailable on Mondays for good, so the new rota takes
    // them off their Monday posts and the choice no longer applies.
    let _ = h.app.doc.edit("test".to_owned(), |school, plan| {
        for s in &mut plan.substitutions {
            s.decided_by = kehou_solver::plan::DecidedBy::Hand;
        }
        let person = school.staff.iter_mut().find(|p| p.id == out).expect("them");
        person.unavailable.push(kehou_solver::model::Slot {
            day: kehou_solver::model::Weekday::Mon,
            session: None,
        });
        Ok::<_, ()>(())
    });
    h.app.solve_seconds = 2.0;
    let before = h.app.doc.plan.clone();
    h.keys("S");
    assert!(h.app.review.is_some(), "{:?}", h.app.message);
    let screen = h.render(160, 48);
    assert!(
        screen.contains("Re-solved: what could not be kept"),
        "{screen}"
    );
    assert!(screen.contains("choice by hand not kept"), "{screen}");
    assert_eq!(h.app.doc.plan, before);
    h.keys("y");
    assert_ne!(h.app.doc.plan, before);
    assert!(
        h.app.doc.violations.is_empty(),
        "{:?}",
        h.app.doc.violations
    );
}
