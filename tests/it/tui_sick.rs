//! The sick-calls screen (`0`): the term's absences and substitutions after a
//! sick call made on the rota, taking an absence back, and choosing a cover
//! by hand (accepted, or refused with the reason). Snapshots on the demo
//! school in both languages at 80×24 and 160×48.

use crossterm::event::KeyCode;
use kehou::tui::screens::cover::Focus;
use kehou::tui::screens::ScreenId;
use kehou::tui::testing::Harness;
use kehou::tui::text::Lang;
use kehou_solver::check::check_all;
use kehou_solver::dated::substitution_counts;
use kehou_solver::model::{StaffId, Weekday};
use kehou_solver::plan::DecidedBy;

/// The demo with one sick call accepted through the rota's keys (the first
/// place of the rota, on the term's first Monday of cycle week 1), then the
/// sick-calls screen open.
fn after_sick_call(lang: Lang) -> Harness {
    let mut h = Harness::demo(lang);
    let school = &h.app.doc.school;
    let monday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == Weekday::Mon && d.cycle_week == 1)
        .expect("a Monday in cycle week 1")
        .date;
    h.app.today = monday;
    h.keys("2\nA\ny");
    assert_eq!(
        h.app.doc.plan.absences.len(),
        1,
        "the sick call is recorded: {:?}",
        h.app.message
    );
    assert!(!h.app.doc.plan.substitutions.is_empty());
    h.keys("0");
    assert_eq!(h.app.screen, ScreenId::Cover);
    h
}

fn code(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "zh"
    } else {
        "en"
    }
}

#[test]
fn snapshots_of_the_sick_calls_screen() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = after_sick_call(lang);
        for (w, hgt) in [(80, 24), (160, 48)] {
            insta::assert_snapshot!(format!("cover_{}_{w}x{hgt}", code(lang)), h.render(w, hgt));
        }
        // The candidates of the first substitution.
        h.keys("\n\n");
        assert!(h.app.screens.cover.pick.is_some(), "{:?}", h.app.message);
        insta::assert_snapshot!(format!("cover_pick_{}_80x24", code(lang)), h.render(80, 24));
        h.keys("\x1b\x1b");
        // Taking the absence back: the diff.
        h.keys("d");
        insta::assert_snapshot!(
            format!("cover_remove_{}_80x24", code(lang)),
            h.render(80, 24)
        );
        h.keys("\x1b?");
        insta::assert_snapshot!(format!("help_cover_{}_80x24", code(lang)), h.render(80, 24));
    }
}

#[test]
fn the_empty_screen_says_where_absences_come_from() {
    let mut h = Harness::demo(Lang::En);
    h.keys("0");
    assert_eq!(h.app.screen, ScreenId::Cover);
    let screen = h.render(80, 24);
    assert!(screen.contains("No absences this term"), "{screen}");
    // Nothing to take back, nothing to choose: no box opens.
    h.keys("d\n\n");
    assert!(h.app.screens.cover.call.is_none());
    assert!(h.app.screens.cover.pick.is_none());
}

#[test]
fn taking_an_absence_back_restores_the_plan_and_undo_brings_it_back() {
    let original = Harness::demo(Lang::En).app.doc.plan.clone();
    let mut h = after_sick_call(Lang::En);
    let absence = h.app.doc.plan.absences[0].clone();
    let with_absence = h.app.doc.plan.clone();
    h.keys("d");
    assert!(
        matches!(
            h.app.screens.cover.call,
            Some(kehou::tui::screens::sick::SickCall::Review(_))
        ),
        "{:?}",
        h.app.message
    );
    // Rejecting changes nothing.
    h.keys("n");
    assert_eq!(h.app.doc.plan, with_absence);
    assert!(h.app.screens.cover.call.is_none());
    // Accepting: the absence is gone, and with it every substitution.
    h.key(KeyCode::Delete).keys("y");
    assert!(h.app.doc.plan.absences.is_empty(), "{:?}", h.app.message);
    assert!(h.app.doc.plan.substitutions.is_empty());
    assert_eq!(h.app.doc.plan.posts, original.posts);
    assert!(check_all(&h.app.doc.school, &h.app.doc.plan).is_empty());
    let day = kehou_solver::dated::day_roster(&h.app.doc.school, &h.app.doc.plan, absence.from)
        .expect("service that day");
    assert!(
        day.posts_of(&absence.staff).count() > 0,
        "the person is back on their posts"
    );
    assert!(h
        .app
        .doc
        .undo_label()
        .is_some_and(|l| l.starts_with("take back absence")));
    // One undo brings the absence and its covers back.
    h.keys("u");
    assert_eq!(h.app.doc.plan, with_absence);
}

/// The index of the first candidate in the open list that `keep` accepts.
fn candidate_where(
    h: &Harness,
    keep: impl Fn(&kehou_solver::repair::Candidate) -> bool,
) -> Option<(usize, StaffId)> {
    let pick = h.app.screens.cover.pick.as_ref().expect("the list is open");
    pick.candidates
        .iter()
        .enumerate()
        .find(|(_, c)| keep(c))
        .map(|(i, c)| (i, c.staff.clone()))
}

#[test]
fn choosing_a_cover_by_hand_records_it_and_moves_the_counter() {
    let mut h = after_sick_call(Lang::En);
    h.keys("\n");
    assert_eq!(h.app.screens.cover.focus, Focus::Substitutions);
    h.keys("\n");
    let pick = h
        .app
        .screens
        .cover
        .pick
        .clone()
        .expect("the candidates open");
    let before = pick_sub(&h, &pick);
    let (i, chosen) = candidate_where(&h, |c| {
        c.possible() && Some(&c.staff) != before.cover.as_ref()
    })
    .expect("someone else could take the place");
    let counts = substitution_counts(&h.app.doc.plan);
    let covered_before = counts.get(&chosen).map_or(0, |c| c.covered);
    for _ in 0..i {
        h.key(KeyCode::Down);
    }
    h.keys("\n");
    assert!(h.app.screens.cover.pick.is_none(), "{:?}", h.app.message);
    let after = pick_sub(&h, &pick);
    assert_eq!(after.cover.as_ref(), Some(&chosen));
    assert_eq!(after.decided_by, DecidedBy::Hand);
    let counts = substitution_counts(&h.app.doc.plan);
    assert_eq!(counts[&chosen].covered, covered_before + 1);
    assert!(check_all(&h.app.doc.school, &h.app.doc.plan).is_empty());
    assert!(h
        .app
        .doc
        .undo_label()
        .is_some_and(|l| l.starts_with("cover ")));
    // The table says so, and so does the whole term's list (`a`).
    let screen = h.render(160, 48);
    assert!(screen.contains("by hand"), "{screen}");
    h.keys("a");
    let screen = h.render(160, 48);
    assert!(screen.contains("All substitutions this term"), "{screen}");
    assert!(screen.contains("by hand"), "{screen}");
    h.keys("a");
    h.keys("u");
    assert_eq!(pick_sub(&h, &pick).cover, before.cover);
}

#[test]
fn a_choice_that_breaks_a_hard_rule_is_refused_with_the_reason() {
    let mut h = after_sick_call(Lang::En);
    h.keys("\n\n");
    let plan = h.app.doc.plan.clone();
    let (i, _) =
        candidate_where(&h, |c| !c.possible()).expect("someone in the list is busy at that time");
    for _ in 0..i {
        h.key(KeyCode::Down);
    }
    h.keys("\n");
    assert_eq!(h.app.doc.plan, plan, "nothing changes");
    let pick = h
        .app
        .screens
        .cover
        .pick
        .as_ref()
        .expect("the list stays open");
    let why = pick.error.clone().expect("the reason is shown");
    assert!(why.contains("cannot take it"), "{why}");
    assert_eq!(h.app.message.as_deref(), Some(why.as_str()));
    let screen = h.render(80, 24);
    assert!(screen.contains("✗ Refused"), "{screen}");
}

/// The substitution of the place `pick` is about.
fn pick_sub(
    h: &Harness,
    pick: &kehou::tui::screens::cover::Pick,
) -> kehou_solver::plan::Substitution {
    h.app
        .doc
        .plan
        .substitutions
        .iter()
        .find(|s| s.date == pick.date && s.post == pick.post && s.out == pick.out)
        .cloned()
        .expect("the place has a substitution")
}

#[test]
fn a_place_nobody_covers_stands_out_and_can_be_given_by_hand() {
    let mut h = after_sick_call(Lang::En);
    // As a repair leaves it when nobody is free: the place open, the reason said.
    let edited = h.app.doc.edit("uncover", |_, p| {
        let s = &mut p.substitutions[0];
        s.cover = None;
        s.reason = kehou_solver::plan::CoverReason::Text("nobody free".to_owned());
        Ok::<_, ()>(())
    });
    assert!(edited.is_ok());
    let places = h.app.doc.plan.substitutions.len();
    let screen = h.render(80, 24);
    assert!(screen.contains("✗ nobody"), "{screen}");
    assert!(
        screen.contains(&format!("{}/{places}", places - 1)),
        "{screen}"
    );
    h.keys("\n\n");
    let pick = h
        .app
        .screens
        .cover
        .pick
        .clone()
        .expect("the candidates open");
    let (i, chosen) = candidate_where(&h, kehou_solver::repair::Candidate::possible)
        .expect("someone could take it");
    for _ in 0..i {
        h.key(KeyCode::Down);
    }
    h.keys("\n");
    let after = pick_sub(&h, &pick);
    assert_eq!(after.cover, Some(chosen));
    assert_eq!(after.decided_by, DecidedBy::Hand);
    assert!(h.render(80, 24).contains(&format!("{places}/{places}")));
}
