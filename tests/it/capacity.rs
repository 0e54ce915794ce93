//! `kehou capacity` and the overview's "what would it take?" panel: the
//! command's words in both languages (snapshots), the proposal file and a
//! solve of it, the refusals of `-o`, the shortage fixtures, and the panel.

use std::path::Path;

use kehou::files;
use kehou::tui::doc::Doc;
use kehou::tui::screens::ScreenId;
use kehou::tui::testing::{data_file, Harness};
use kehou::tui::text::Lang;
use kehou_solver::capacity::{capacity, CapacityOptions, Unfixable};
use kehou_solver::generate::{generate_with, shortage, Profile, Size};
use kehou_solver::milp::{solve, Cancel, SolveOptions};
use kehou_solver::model::{ClassId, ClubId, SessionKind, StaffId, StaffKind, Weekday};
use kehou_solver::plan::PostKind;
use kehou_solver::{Plan, School};

use crate::run::kehou;

/// The small demo school with two planted shortages: a robotics club
/// nobody can lead, and no leader free on Friday.
fn short_school() -> School {
    let mut school = generate_with(Size::Small, Profile::Demo, 2026);
    shortage::club_nobody_leads(&mut school);
    shortage::no_leader_on(&mut school, Weekday::Fri);
    school
}

fn saved(dir: &Path, name: &str, school: &School) -> String {
    let path = dir.join(name);
    files::save_school(&path, school).expect("save the school");
    path.to_str().expect("UTF-8 path").to_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn the_shopping_list_in_both_languages() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = saved(dir.path(), "short.school.ron", &short_school());
    for lang in ["zh", "en"] {
        let run = kehou(&["capacity", &school, "--lang", lang, "--time-limit", "10"]);
        assert_eq!(run.code, 1, "something is short: {}", run.all());
        insta::assert_snapshot!(format!("capacity_short_{lang}"), run.all());
    }
}

#[test]
fn a_school_with_enough_gets_no_list_and_the_helpers_days_not_needed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = saved(
        dir.path(),
        "enough.school.ron",
        &generate_with(Size::Small, Profile::Demo, 2026),
    );
    for lang in ["zh", "en"] {
        let run = kehou(&["capacity", &school, "--lang", lang, "--time-limit", "10"]);
        assert_eq!(run.code, 0, "{}", run.all());
        insta::assert_snapshot!(format!("capacity_enough_{lang}"), run.all());
    }
}

#[test]
fn the_proposal_is_a_school_whose_rota_covers_everything() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = saved(dir.path(), "short.school.ron", &short_school());
    let proposal = dir.path().join("proposal.school.ron");
    let run = kehou(&["capacity", &school, "-o", arg(&proposal), "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("saved"), "{}", run.all());
    let with = files::load_school(&proposal).expect("the proposal loads");
    let added: Vec<(&str, StaffKind)> = with
        .staff
        .iter()
        .filter(|p| p.id.as_str().starts_with("proposed-"))
        .map(|p| (p.name.as_str(), p.kind))
        .collect();
    assert_eq!(
        added,
        [
            ("拟招募 1", StaffKind::Leader),
            ("拟招募 2", StaffKind::Coach)
        ]
    );
    let plan = dir.path().join("proposal.plan.ron");
    let run = kehou(&[
        "solve",
        arg(&proposal),
        "-o",
        arg(&plan),
        "--time-limit",
        "2",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    let plan = files::load_plan(&plan).expect("the plan loads");
    assert_eq!(plan.unmet().count(), 0);
    assert!(plan.posts.iter().all(|p| p.unmet_reason.is_none()));
    // Nobody to find: no file, and nothing short.
    let again = dir.path().join("again.school.ron");
    let run = kehou(&[
        "capacity",
        arg(&proposal),
        "-o",
        arg(&again),
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!again.exists());
    assert!(run.stderr.contains("nobody to add"), "{}", run.all());
}

#[test]
fn the_proposal_never_replaces_an_input_or_an_existing_file_unasked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = saved(dir.path(), "short.school.ron", &short_school());
    let before = std::fs::read(&school).expect("read the school");
    let run = kehou(&["capacity", &school, "-o", &school]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("also an input"), "{}", run.all());
    let other = saved(dir.path(), "other.school.ron", &short_school());
    let run = kehou(&["capacity", &school, "-o", &other]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("--force"), "{}", run.all());
    let plan = dir.path().join("x.plan.ron");
    std::fs::write(&plan, "not a plan").expect("write");
    let run = kehou(&["capacity", &school, "-o", arg(&plan)]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert_eq!(std::fs::read(&school).expect("read the school"), before);
    let run = kehou(&["capacity", &school, "-o", &other, "--force", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(Path::new(&format!("{other}.bak")).exists());
    let run = kehou(&["capacity", &school, "--price", "wizard=3"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("--price wizard=3"), "{}", run.all());
}

fn fixture(name: &str) -> School {
    files::load_school(&data_file(&format!("shortage/{name}.school.ron"))).expect("fixture loads")
}

fn quick() -> CapacityOptions {
    CapacityOptions {
        time_limit_seconds: 3.0,
        ..CapacityOptions::default()
    }
}

/// The fixtures are the tiny school, short of people everywhere, with one
/// more shortage each: the list always names that one, and says what no
/// person fixes as such.
#[test]
fn every_shortage_fixture_gets_a_sensible_answer() {
    let c = capacity(&fixture("club-skill-nobody-has"), None, &quick());
    assert!(
        c.hires.iter().any(|h| h.kind == StaffKind::Coach
            && h.club == Some(ClubId::new("calligraphy"))
            && h.skill.as_ref().is_some_and(|s| s.as_str() == "robotics")),
        "{:?}",
        c.hires
    );

    let c = capacity(&fixture("no-duty-leader"), None, &quick());
    let mut duty: Vec<Weekday> = c
        .hires
        .iter()
        .filter(|h| h.kind == StaffKind::Leader && h.tasks.contains(&PostKind::DutyLeader))
        .flat_map(|h| h.when.iter().map(|(d, _, _)| *d))
        .collect();
    duty.sort();
    duty.dedup();
    assert_eq!(
        duty,
        Weekday::ALL,
        "a leader for every day's duty: {:?}",
        c.hires
    );

    let c = capacity(&fixture("group-bigger-than-rooms"), None, &quick());
    assert!(
        c.unfixable.contains(&Unfixable::GroupTooBig {
            classes: vec![ClassId::new("5-1")],
            day: Weekday::Wed,
            session: SessionKind::Basic,
            students: 80,
            largest: 50,
        }),
        "{:?}",
        c.unfixable
    );

    let c = capacity(&fixture("outdoor-club-without-rain-room"), None, &quick());
    assert!(
        c.unfixable.iter().any(|u| matches!(u,
        Unfixable::ClubNoRainRoom { club, .. } if club.as_str() == "football")),
        "{:?}",
        c.unfixable
    );
    assert!(c
        .hires
        .iter()
        .all(|h| h.club.as_ref().is_none_or(|x| x.as_str() != "football")));

    let c = capacity(&fixture("volunteer-leads-club"), None, &quick());
    assert!(
        c.unfixable.contains(&Unfixable::FixedLeader {
            club: ClubId::new("choir"),
            leader: StaffId::new("p001"),
        }),
        "{:?}",
        c.unfixable
    );
    assert!(c
        .hires
        .iter()
        .all(|h| h.club.as_ref().is_none_or(|x| x.as_str() != "choir")));
    assert!(c.search.bound <= c.search.cost);
    assert!(c.people() > 0, "the tiny school is short everywhere");
}

/// A plan of `school` as the constructor leaves it (a solve cancelled before
/// it starts: the same plan every time, for snapshots).
fn constructed_plan(school: &School) -> Plan {
    let cancel = Cancel::new();
    cancel.cancel();
    let options = SolveOptions {
        time_limit_seconds: Some(5.0),
        cancel: Some(cancel),
        ..SolveOptions::default()
    };
    solve(school, &options).plan
}

fn panel_harness(lang: Lang) -> Harness {
    let school = short_school();
    let plan = constructed_plan(&school);
    assert!(plan.unmet().count() > 0);
    let doc = Doc::new(
        school,
        Some(plan),
        "short.school.ron".into(),
        "short.plan.ron".into(),
    );
    let mut h = Harness::new(doc, lang);
    h.app.screen = ScreenId::Overview;
    h
}

#[test]
fn the_overview_panel_asks_then_shows_the_list_in_both_languages() {
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut h = panel_harness(lang);
        insta::assert_snapshot!(format!("capacity_panel_ask_{code}"), h.render(120, 36));
        h.keys("c");
        assert!(h.app.screens.overview.capacity.working.is_none());
        let answer = h
            .app
            .screens
            .overview
            .capacity
            .answer
            .as_ref()
            .expect("an answer");
        assert_eq!(answer.capacity.people(), 2);
        insta::assert_snapshot!(format!("capacity_panel_{code}"), h.render(120, 36));
        insta::assert_snapshot!(format!("capacity_panel_{code}_80x24"), h.render(80, 24));
    }
}

#[test]
fn the_panel_says_when_its_answer_is_older_than_the_school() {
    let mut h = panel_harness(Lang::En);
    h.keys("c");
    assert!(!h.render(120, 36).contains("before your last changes"));
    // Any edit makes a new revision of the document.
    h.app
        .doc
        .edit("rename", |school, _| {
            school.name.push('*');
            Ok::<(), ()>(())
        })
        .expect("an edit");
    assert!(
        h.render(120, 36).contains("before your last changes"),
        "{}",
        h.render(120, 36)
    );
}

#[test]
fn the_demo_overview_has_no_panel_when_nothing_is_short() {
    let h = Harness::demo(Lang::En);
    assert!(!h.render(120, 36).contains("What would it take"));
}
