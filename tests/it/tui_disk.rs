//! The terminal UI with a second hand on its files: a sick call recorded by
//! `kehou absent` while the interface is open must not be lost to Ctrl-S,
//! and the interface refuses the sick calls the command line refuses.

use std::path::{Path, PathBuf};

use kehou::files;
use kehou::tui::testing::{data_file, open, Harness};
use kehou::tui::text::Lang;
use kehou_solver::model::Weekday;

use crate::run::kehou;

/// The demo school and plan copied into a folder of their own.
fn demo_copy() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = dir.path().join("demo.school.ron");
    let plan = dir.path().join("demo.plan.ron");
    std::fs::copy(data_file("demo/demo.school.ron"), &school).expect("copy the school");
    std::fs::copy(data_file("demo/demo.plan.ron"), &plan).expect("copy the plan");
    (dir, school, plan)
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The office records a sick call from the command line.
fn sick_call_from_the_office(school: &Path, plan: &Path) {
    let run = kehou(&[
        "absent",
        arg(school),
        arg(plan),
        "--staff",
        "t012",
        "--date",
        "2026-09-08",
        "--yes",
    ]);
    assert!(run.stdout.contains("Saved "), "{}", run.all());
}

fn rename_school(h: &mut Harness, name: &str) {
    h.app
        .doc
        .edit("rename", |s, _| {
            name.clone_into(&mut s.name);
            Ok::<_, ()>(())
        })
        .expect("an edit");
}

#[test]
fn a_save_over_a_plan_changed_on_disk_warns_and_reload_keeps_both_changes() {
    let (_dir, school, plan) = demo_copy();
    let mut h = Harness::new(open(&school).expect("the copy opens"), Lang::En);
    rename_school(&mut h, "新校名");
    sick_call_from_the_office(&school, &plan);
    let office = std::fs::read(&plan).expect("the office's plan");

    h.ctrl('s');
    assert!(h.app.disk_changed.is_some(), "{:?}", h.app.message);
    assert_eq!(
        std::fs::read(&plan).expect("plan"),
        office,
        "nothing overwritten"
    );
    let screen = h.render(100, 30);
    assert!(screen.contains("Changed on disk"), "{screen}");
    assert!(screen.contains("the plan file"), "{screen}");
    assert!(h.app.doc.dirty());

    // Reload: the office's sick call comes in, the school edit stays.
    h.keys("r");
    assert!(h.app.disk_changed.is_none());
    assert_eq!(h.app.doc.plan.absences.len(), 1, "{:?}", h.app.message);
    assert_eq!(h.app.doc.school.name, "新校名");
    assert!(
        h.app.message.as_deref().unwrap_or("").contains("Reloaded"),
        "{:?}",
        h.app.message
    );

    h.ctrl('s');
    assert!(h.app.disk_changed.is_none(), "{:?}", h.app.message);
    assert!(!h.app.doc.dirty(), "{:?}", h.app.message);
    let saved_school = files::load_school(&school).expect("school");
    let saved_plan = files::load_plan(&plan).expect("plan");
    assert_eq!(saved_school.name, "新校名");
    assert_eq!(
        saved_plan.absences.len(),
        1,
        "the office's sick call survived"
    );
}

#[test]
fn my_version_can_be_saved_under_new_names_instead() {
    let (dir, school, plan) = demo_copy();
    let mut h = Harness::new(open(&school).expect("the copy opens"), Lang::Zh);
    rename_school(&mut h, "我的版本");
    sick_call_from_the_office(&school, &plan);
    h.ctrl('s');
    assert!(h.app.disk_changed.is_some());
    assert!(h.render(100, 30).contains("文件已在磁盘上被改动"));
    h.keys("a");
    let mine = dir.path().join("demo-mine.school.ron");
    assert_eq!(h.app.doc.school_path, mine, "{:?}", h.app.message);
    assert_eq!(files::load_school(&mine).expect("mine").name, "我的版本");
    assert!(dir.path().join("demo-mine.plan.ron").is_file());
    // The office's files are as the office left them.
    assert_ne!(
        files::load_school(&school).expect("school").name,
        "我的版本"
    );
    assert_eq!(files::load_plan(&plan).expect("plan").absences.len(), 1);
    assert!(!h.app.doc.dirty());
}

#[test]
fn esc_leaves_the_dialog_with_nothing_saved() {
    let (_dir, school, plan) = demo_copy();
    let mut h = Harness::new(open(&school).expect("the copy opens"), Lang::En);
    rename_school(&mut h, "x");
    sick_call_from_the_office(&school, &plan);
    h.ctrl('s').keys("\x1b");
    assert!(h.app.disk_changed.is_none());
    assert!(h.app.doc.dirty());
    let message = h.app.message.clone().unwrap_or_default();
    assert!(message.contains("Not saved"), "{message}");
    assert_eq!(files::load_plan(&plan).expect("plan").absences.len(), 1);
}

#[test]
fn a_save_with_nothing_changed_on_disk_just_saves() {
    let (_dir, school, _plan) = demo_copy();
    let mut h = Harness::new(open(&school).expect("the copy opens"), Lang::En);
    rename_school(&mut h, "一");
    h.ctrl('s');
    assert!(h.app.disk_changed.is_none(), "{:?}", h.app.message);
    // A second save compares with the first save's bytes, not the loaded ones.
    rename_school(&mut h, "二");
    h.ctrl('s');
    assert!(h.app.disk_changed.is_none(), "{:?}", h.app.message);
    assert_eq!(files::load_school(&school).expect("school").name, "二");
}

/// The demo, "today" the term's first Monday of cycle week 1.
fn demo_on_a_monday(lang: Lang) -> Harness {
    let mut h = Harness::demo(lang);
    let school = &h.app.doc.school;
    h.app.today = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == Weekday::Mon && d.cycle_week == 1)
        .expect("a Monday")
        .date;
    h
}

#[test]
fn the_same_sick_call_twice_is_refused_in_the_ui() {
    let mut h = demo_on_a_monday(Lang::En);
    h.keys("2\nA\ny");
    assert_eq!(h.app.doc.plan.absences.len(), 1, "{:?}", h.app.message);
    h.keys("A\n");
    let screen = h.render(160, 48);
    assert!(screen.contains("already recorded away"), "{screen}");
    assert_eq!(h.app.doc.plan.absences.len(), 1);
}

#[test]
fn a_sick_call_on_a_stale_plan_is_refused_in_the_ui() {
    let mut h = demo_on_a_monday(Lang::En);
    rename_school(&mut h, "changed");
    assert!(h.app.doc.plan_is_stale());
    h.keys("2\nA\n");
    let screen = h.render(160, 48);
    assert!(screen.contains("The plan is stale"), "{screen}");
    assert!(h.app.doc.plan.absences.is_empty());
}
