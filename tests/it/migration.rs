//! Plans written before format version 4 kept reasons and notes as English
//! sentences. `data/v3/small.plan.ron` is such a plan, written by kehou's
//! version 3 with every kind (an unmet post, a substitution by kehou, a
//! place nobody covered, a choice by hand, a lock, a solve note): it still
//! loads, keeps every sentence as text, still belongs to its school, and is
//! saved as version 4.

use std::path::Path;

use kehou::files::{load_plan, load_school, save_plan};
use kehou::words::{plan as words, Lang, Names};
use kehou_solver::check::check_all;
use kehou_solver::plan::{CoverReason, DecidedBy, SolveNote, UnmetReason, PLAN_FORMAT_VERSION};

const SCHOOL: &str = "data/v3/small.school.ron";
const PLAN: &str = "data/v3/small.plan.ron";

#[test]
fn a_version_3_plan_loads_with_its_sentences_kept_as_text() {
    let text = std::fs::read_to_string(PLAN).expect("the old plan");
    assert!(
        text.contains("\n  version: 3,"),
        "the fixture is a version 3 plan"
    );
    let school = load_school(Path::new(SCHOOL)).expect("its school");
    let plan = load_plan(Path::new(PLAN)).expect("a version 3 plan loads");
    assert_eq!(
        plan.version, PLAN_FORMAT_VERSION,
        "read as the current version"
    );
    assert_eq!(plan.school_fingerprint, school.fingerprint(), "not stale");
    assert_eq!(check_all(&school, &plan), vec![], "it keeps every rule");

    assert_eq!(
        plan.solve.notes,
        vec![SolveNote::Text(
            "improved by 52 swaps and 32 rounds of neighbourhood search".to_owned()
        )]
    );
    let unmet: Vec<&UnmetReason> = plan
        .posts
        .iter()
        .filter_map(|p| p.unmet_reason.as_ref())
        .collect();
    assert!(!unmet.is_empty());
    assert!(unmet.iter().all(|r| matches!(r, UnmetReason::Text(t)
        if t.starts_with("needs a lead adult with the skill lion_dance"))));
    let reasons: Vec<(&CoverReason, DecidedBy)> = plan
        .substitutions
        .iter()
        .map(|s| (&s.reason, s.decided_by))
        .collect();
    let text_of = |r: &CoverReason| match r {
        CoverReason::Text(t) => t.clone(),
        other => panic!("not kept as text: {other:?}"),
    };
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert_eq!(text_of(reasons[0].0), "chosen by hand");
    assert_eq!(reasons[0].1, DecidedBy::Hand);
    assert!(text_of(reasons[1].0).starts_with("already at school that afternoon"));
    assert!(text_of(reasons[2].0).starts_with("no cover for 崔俊杰 (l02)"));
    assert_eq!(plan.locks.len(), 1);

    // Shown as written, in either language: words cannot be made data again.
    let names = Names::new(Lang::Zh, &school, Some(&plan));
    assert_eq!(words::cover(reasons[0].0, &names), "chosen by hand");
    assert_eq!(
        words::note(&plan.solve.notes[0], &names),
        "improved by 52 swaps and 32 rounds of neighbourhood search"
    );
}

#[test]
fn a_version_3_plan_is_saved_as_version_4_and_reads_back_the_same() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("small.plan.ron");
    let plan = load_plan(Path::new(PLAN)).expect("the old plan");
    save_plan(&path, &plan).expect("saved");
    let text = std::fs::read_to_string(&path).expect("the saved plan");
    assert!(text.contains("\n  version: 4,"), "{}", &text[..200]);
    assert!(text.contains("reason: Text(\"chosen by hand\")"));
    assert_eq!(load_plan(&path).expect("reads back"), plan);
}

#[test]
fn reasons_as_data_survive_a_save_and_speak_both_languages() {
    use kehou_solver::repair::add_absence;
    let school = load_school(Path::new(SCHOOL)).expect("its school");
    let mut plan = load_plan(Path::new(PLAN)).expect("the old plan");
    plan.absences.clear();
    plan.substitutions.clear();
    kehou_solver::explain::mark_unmet(&school, &mut plan);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 9, 8).expect("a date");
    let repaired = add_absence(
        &school,
        &plan,
        kehou_solver::plan::Absence {
            staff: "t003".into(),
            from: date,
            to: date,
            sessions: Vec::new(),
            reason: "病假".into(),
        },
    )
    .expect("a repair");
    let plan = repaired.plan;
    let chosen = plan
        .substitutions
        .iter()
        .find(|s| matches!(s.reason, CoverReason::Chosen { .. }))
        .expect("kehou chose a cover");
    let unmet = plan
        .posts
        .iter()
        .find_map(|p| p.unmet_reason.clone())
        .expect("the club nobody can lead");
    assert!(matches!(
        unmet,
        UnmetReason::Why {
            people: Some(_),
            ..
        }
    ));

    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("small.plan.ron");
    save_plan(&path, &plan).expect("saved");
    assert_eq!(load_plan(&path).expect("reads back"), plan);

    let zh = Names::new(Lang::Zh, &school, Some(&plan));
    let en = Names::new(Lang::En, &school, Some(&plan));
    let said = words::cover(&chosen.reason, &zh);
    assert!(said.contains("代课差"), "{said}");
    assert!(!said.contains("w1-"), "posts by name, not id: {said}");
    assert!(words::cover(&chosen.reason, &en).contains("substitution balance"));
    let why = words::unmet(&unmet, &zh);
    assert!(why.contains("舞狮"), "the skill by its name: {why}");
    assert!(words::unmet(&unmet, &en).contains("lion dance"));
}
