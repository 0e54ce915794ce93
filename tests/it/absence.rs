//! Sick calls on real dates, run as a deputy head would: `kehou absent`,
//! `kehou roster --date`, `kehou candidates` and `kehou cover` on copies of
//! the demo school's committed plan (and on the understaffed tiny school).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use kehou::files;
use kehou_solver::check::check_all;
use kehou_solver::dated::{day_roster, substitution_counts, term_roster};
use kehou_solver::model::StaffId;
use kehou_solver::plan::DecidedBy;
use kehou_solver::{Plan, School};
use tempfile::TempDir;

use crate::run::kehou;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("paths are UTF-8")
}

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn demo() -> &'static (School, Plan) {
    static DEMO: OnceLock<(School, Plan)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let school = files::load_school(&data("data/demo/demo.school.ron")).expect("demo school");
        let plan = files::load_plan(&data("data/demo/demo.plan.ron")).expect("demo plan");
        (school, plan)
    })
}

/// A copy of the demo plan in a fresh directory.
fn demo_copy() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let plan = dir.path().join("demo.plan.ron");
    std::fs::copy(data("data/demo/demo.plan.ron"), &plan).expect("copy the demo plan");
    (dir, plan)
}

/// The person holding the most posts on `date`.
/// The teacher with the most posts on `date` (a teacher: a school leader's
/// duty-leader days need another leader, who may all be busy or capped).
fn busiest(school: &School, plan: &Plan, date: NaiveDate) -> StaffId {
    let roster = day_roster(school, plan, date).expect("a service day");
    let teacher = |id: &StaffId| {
        school
            .person(id)
            .is_some_and(|p| p.kind == kehou_solver::model::StaffKind::Teacher)
    };
    let mut people: Vec<StaffId> = roster
        .posts
        .iter()
        .flat_map(|p| p.post.staff.iter().map(|a| a.staff.clone()))
        .filter(teacher)
        .collect();
    people.sort();
    people
        .iter()
        .max_by_key(|id| {
            (
                roster.posts_of(id).count(),
                std::cmp::Reverse((*id).clone()),
            )
        })
        .expect("someone works that day")
        .clone()
}

#[test]
fn a_sick_day_on_the_demo_school_changes_only_that_date_and_is_saved_with_yes() {
    let (school, original) = demo();
    let (_dir, plan_path) = demo_copy();
    let date = d("2026-09-08");
    let who = busiest(school, original, date);
    let school_path = data("data/demo/demo.school.ron");
    let run = kehou(&[
        "absent",
        arg(&school_path),
        arg(&plan_path),
        "--staff",
        who.as_str(),
        "--date",
        "2026-09-08",
        "--reason",
        "病假",
        "--yes",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("Changes ("), "{}", run.all());
    assert!(run.stdout.contains("Saved"), "{}", run.all());
    let saved = files::load_plan(&plan_path).expect("the saved plan loads");
    let backup = files::load_plan(&files::backup_path(&plan_path)).expect("the backup loads");
    assert_eq!(&backup, original, "the previous plan is the backup");
    assert_eq!(check_all(school, &saved), vec![]);
    assert_eq!(saved.posts, original.posts, "the cycle is untouched");
    assert_eq!(saved.absences.len(), 1);
    let held = day_roster(school, original, date)
        .expect("service")
        .posts_of(&who)
        .count();
    assert_eq!(
        saved.substitutions.len(),
        held,
        "one change per post the absent person held"
    );
    for s in &saved.substitutions {
        assert_eq!((s.date, s.out.as_ref()), (date, Some(&who)));
        assert_eq!(s.decided_by, DecidedBy::Kehou);
        let cover = s.cover.as_ref().expect("the demo school has people free");
        let name = &school.person(cover).expect("a person").name;
        assert!(
            run.stdout.contains(name.as_str()),
            "the diff names the cover: {}",
            run.stdout
        );
    }
    let counts = substitution_counts(&saved);
    assert_eq!(counts[&who].released as usize, held);
    assert_eq!(
        counts.values().map(|c| c.covered as usize).sum::<usize>(),
        held
    );
    for (before, after) in term_roster(school, original)
        .iter()
        .zip(term_roster(school, &saved))
    {
        if before.day.date != date {
            assert_eq!(before, &after, "{} changed", before.day.date);
        }
    }
    let roster = kehou(&[
        "roster",
        arg(&school_path),
        arg(&plan_path),
        "--date",
        "2026-09-08",
    ]);
    assert_eq!(roster.code, 0, "{}", roster.all());
    assert!(
        roster.stdout.contains("Changes for this date"),
        "{}",
        roster.stdout
    );
    assert!(!roster
        .stdout
        .lines()
        .any(|l| l.contains(&format!("({who}) lead")) || l.contains(&format!("({who}) assist"))));
}

#[test]
fn without_yes_and_without_a_terminal_nothing_is_saved() {
    let (school, original) = demo();
    let (_dir, plan_path) = demo_copy();
    let who = busiest(school, original, d("2026-09-09"));
    let run = kehou(&[
        "absent",
        arg(&data("data/demo/demo.school.ron")),
        arg(&plan_path),
        "--staff",
        who.as_str(),
        "--date",
        "2026-09-09",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("Not saved") && run.stdout.contains("--yes"),
        "{}",
        run.all()
    );
    assert_eq!(&files::load_plan(&plan_path).expect("loads"), original);
    assert!(!files::backup_path(&plan_path).exists());
}

#[test]
fn a_two_week_absence_is_repaired_in_one_go_and_removing_it_restores() {
    let (school, original) = demo();
    let (_dir, plan_path) = demo_copy();
    let school_path = data("data/demo/demo.school.ron");
    let who = busiest(school, original, d("2026-10-12"));
    let run = kehou(&[
        "absent",
        arg(&school_path),
        arg(&plan_path),
        "--staff",
        who.as_str(),
        "--date",
        "2026-10-12",
        "--to",
        "2026-10-23",
        "--reason",
        "骨折",
        "--yes",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    let saved = files::load_plan(&plan_path).expect("loads");
    assert_eq!(check_all(school, &saved), vec![]);
    // Every post they hold in the two weeks, and nothing else, was repaired at once.
    let (from, to) = (d("2026-10-12"), d("2026-10-23"));
    let mut held: Vec<(NaiveDate, String)> = term_roster(school, original)
        .iter()
        .filter(|r| from <= r.day.date && r.day.date <= to)
        .flat_map(|r| {
            r.posts_of(&who)
                .map(|p| (r.day.date, p.post.id.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut changed: Vec<(NaiveDate, String)> = saved
        .substitutions
        .iter()
        .map(|s| (s.date, s.post.clone()))
        .collect();
    changed.sort();
    held.sort();
    assert_eq!(changed, held);
    let dates: BTreeSet<NaiveDate> = changed.iter().map(|(d, _)| *d).collect();
    assert!(dates.len() >= 3, "{dates:?}");
    // Covers are spread: nobody takes more than two of the absent person's posts.
    let counts = substitution_counts(&saved);
    assert!(counts.values().all(|c| c.covered <= 2), "{counts:?}");

    let run = kehou(&[
        "absent",
        arg(&school_path),
        arg(&plan_path),
        "--staff",
        who.as_str(),
        "--date",
        "2026-10-15",
        "--remove",
        "--yes",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("Undone ("), "{}", run.all());
    let restored = files::load_plan(&plan_path).expect("loads");
    assert_eq!(restored.absences, vec![]);
    assert_eq!(restored.substitutions, vec![]);
    assert_eq!(
        term_roster(school, &restored),
        term_roster(school, original)
    );
}

#[test]
fn an_absence_nobody_can_cover_is_reported_with_the_best_candidates() {
    let school_path = data("data/valid/tiny.school.ron");
    let dir = TempDir::new().expect("temp dir");
    let plan_path = dir.path().join("tiny.plan.ron");
    let solve = kehou(&[
        "solve",
        arg(&school_path),
        "-o",
        arg(&plan_path),
        "--time-limit",
        "5",
    ]);
    assert!(solve.code == 0 || solve.code == 1, "{}", solve.all());
    let school = files::load_school(&school_path).expect("tiny school");
    let plan = files::load_plan(&plan_path).expect("tiny plan");
    let date = d("2026-09-09");
    let who = busiest(&school, &plan, date);
    let run = kehou(&[
        "absent",
        arg(&school_path),
        arg(&plan_path),
        "--staff",
        who.as_str(),
        "--date",
        "2026-09-07",
        "--to",
        "2026-09-11",
        "--yes",
    ]);
    assert_eq!(
        run.code,
        1,
        "unmet posts need the deputy head: {}",
        run.all()
    );
    assert!(run.stdout.contains("NOBODY"), "{}", run.all());
    assert!(run.stdout.contains("no cover for"), "{}", run.all());
    assert!(run.stdout.contains("stay unmet"), "{}", run.all());
    let saved = files::load_plan(&plan_path).expect("saved");
    assert_eq!(check_all(&school, &saved), vec![]);
    let unmet = saved
        .substitutions
        .iter()
        .find(|s| s.cover.is_none())
        .expect("an unmet place");
    let roster = day_roster(&school, &saved, unmet.date).expect("service");
    let post = roster.post(&unmet.post).expect("the post");
    assert_eq!(
        post.post.unmet_reason,
        Some(kehou_solver::plan::UnmetReason::NoCover(
            unmet.reason.clone()
        ))
    );

    // A re-solve keeps the term's absences, and what it keeps passes the checker.
    let again = kehou(&[
        "solve",
        arg(&school_path),
        "-o",
        arg(&plan_path),
        "--time-limit",
        "3",
    ]);
    assert!(again.code == 0 || again.code == 1, "{}", again.all());
    assert!(
        again.stderr.contains("Kept 1 absence(s)"),
        "{}",
        again.all()
    );
    let resolved = files::load_plan(&plan_path).expect("re-solved");
    assert_eq!(resolved.absences, saved.absences);
    assert!(!resolved.substitutions.is_empty());
    assert_eq!(check_all(&school, &resolved), vec![]);
}

#[test]
fn candidates_are_ranked_and_a_choice_by_hand_is_recorded() {
    let (school, original) = demo();
    let (_dir, plan_path) = demo_copy();
    let school_path = data("data/demo/demo.school.ron");
    let who = busiest(school, original, d("2026-09-10"));
    let run = kehou(&[
        "absent",
        arg(&school_path),
        arg(&plan_path),
        "--staff",
        who.as_str(),
        "--date",
        "2026-09-10",
        "--yes",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    let plan = files::load_plan(&plan_path).expect("loads");
    let sub = plan.substitutions[0].clone();
    let run = kehou(&[
        "candidates",
        arg(&school_path),
        arg(&plan_path),
        "--date",
        "2026-09-10",
        "--post",
        &sub.post,
        "--out",
        who.as_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("best first"), "{}", run.all());
    // The second-best, free person: row "2  name  …".
    let second = run
        .stdout
        .lines()
        .find(|l| l.starts_with("2 "))
        .and_then(|l| l.split_whitespace().nth(1))
        .expect("a second candidate")
        .to_owned();
    let run = kehou(&[
        "cover",
        arg(&school_path),
        arg(&plan_path),
        "--date",
        "2026-09-10",
        "--post",
        &sub.post,
        "--out",
        who.as_str(),
        "--staff",
        &second,
        "--yes",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    let plan = files::load_plan(&plan_path).expect("loads");
    let mine = plan
        .substitutions
        .iter()
        .find(|s| s.post == sub.post && s.date == sub.date)
        .expect("the place");
    assert_eq!(mine.decided_by, DecidedBy::Hand);
    assert_eq!(
        mine.cover
            .as_ref()
            .and_then(|c| school.person(c))
            .map(|p| p.name.as_str()),
        Some(second.as_str())
    );
    assert_eq!(check_all(school, &plan), vec![]);
    // Someone away cannot be chosen.
    let run = kehou(&[
        "cover",
        arg(&school_path),
        arg(&plan_path),
        "--date",
        "2026-09-10",
        "--post",
        &sub.post,
        "--out",
        who.as_str(),
        "--staff",
        who.as_str(),
        "--yes",
    ]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("absent"), "{}", run.all());
}

#[test]
fn roster_by_date_knows_holidays_make_up_days_and_seasons() {
    let school_path = data("data/demo/demo.school.ron");
    let plan_path = data("data/demo/demo.plan.ron");
    let (school, plan) = demo();
    let run = kehou(&[
        "roster",
        arg(&school_path),
        arg(&plan_path),
        "--date",
        "2026-09-25",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("No service on 2026-09-25") && run.stdout.contains("中秋节"),
        "{}",
        run.all()
    );
    // 2026-09-20 is a Sunday worked as a Friday.
    let makeup = day_roster(school, plan, d("2026-09-20")).expect("a make-up day");
    assert!(makeup
        .posts
        .iter()
        .all(|p| p.post.day == kehou_solver::model::Weekday::Fri));
    let run = kehou(&[
        "roster",
        arg(&school_path),
        arg(&plan_path),
        "--date",
        "2026-09-20",
    ]);
    assert!(run.stdout.contains("runs as Fri"), "{}", run.all());
    // The season switch (2026-11-02) moves the end of the day.
    let end = |date: &str| {
        let r = day_roster(school, plan, d(date)).expect("service");
        r.posts.iter().map(|p| p.post.end).max().expect("posts")
    };
    assert_ne!(end("2026-10-26"), end("2026-11-02"));
    let run = kehou(&[
        "roster",
        arg(&school_path),
        arg(&plan_path),
        "--date",
        "2026-11-02",
    ]);
    assert!(run.stdout.contains("winter"), "{}", run.all());
    let csv = kehou(&[
        "roster",
        arg(&school_path),
        arg(&plan_path),
        "--date",
        "2026-11-02",
        "--format",
        "csv",
    ]);
    assert_eq!(csv.code, 0, "{}", csv.all());
    let mut lines = csv.stdout.trim_start_matches('\u{feff}').lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("date,cycle_week,weekday")),
        "{}",
        csv.stdout
    );
    assert!(
        lines.all(|l| l.starts_with("2026-11-02,")),
        "{}",
        csv.stdout
    );
}

#[test]
fn help_of_the_sick_call_commands_shows_examples() {
    for cmd in ["roster", "absent", "candidates", "cover"] {
        let run = kehou(&[cmd, "--help"]);
        assert_eq!(run.code, 0, "{cmd}: {}", run.all());
        assert!(run.stdout.contains("Examples:"), "{cmd}: {}", run.all());
    }
}

#[test]
fn wrong_input_is_told_plainly_and_nothing_is_saved() {
    let (_dir, plan_path) = demo_copy();
    let school_path = data("data/demo/demo.school.ron");
    let (school, plan) = (arg(&school_path), arg(&plan_path));
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &[
                "absent",
                school,
                plan,
                "--staff",
                "nobody",
                "--date",
                "2026-09-08",
                "--yes",
            ],
            1,
            "no staff member with id or name nobody",
        ),
        (
            &[
                "absent",
                school,
                plan,
                "--staff",
                "t001",
                "--date",
                "2027-03-01",
                "--yes",
            ],
            1,
            "outside the term",
        ),
        (
            &[
                "absent",
                school,
                plan,
                "--staff",
                "t001",
                "--date",
                "2026-09-10",
                "--to",
                "2026-09-08",
            ],
            1,
            "must end on or after",
        ),
        (
            &[
                "absent",
                school,
                plan,
                "--staff",
                "t001",
                "--date",
                "2026-09-08",
                "--remove",
            ],
            1,
            "no absence of",
        ),
        (
            &[
                "absent",
                school,
                plan,
                "--staff",
                "t001",
                "--date",
                "2026-09-08",
                "--sessions",
                "lunch",
            ],
            2,
            "not a session",
        ),
    ];
    for (args, code, says) in cases {
        let run = kehou(args);
        assert_eq!(run.code, code, "{args:?}: {}", run.all());
        assert!(run.stderr.contains(says), "{args:?}: {}", run.all());
    }
    let run = kehou(&["roster", school, plan, "--date", "2026-02-30"]);
    assert_eq!(run.code, 2, "{}", run.all());
    let run = kehou(&[
        "candidates",
        school,
        plan,
        "--date",
        "2026-09-08",
        "--post",
        "w9-nope",
    ]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("no post w9-nope"), "{}", run.all());
    assert!(
        !files::backup_path(&plan_path).exists(),
        "nothing was saved"
    );
}

#[test]
fn kehou_check_finds_a_broken_substitution_on_a_real_date() {
    let (school, original) = demo();
    let (_dir, plan_path) = demo_copy();
    let school_path = data("data/demo/demo.school.ron");
    let date = d("2026-09-08");
    let who = busiest(school, original, date);
    let run = kehou(&[
        "absent",
        arg(&school_path),
        arg(&plan_path),
        "--staff",
        who.as_str(),
        "--date",
        "2026-09-08",
        "--yes",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    let mut plan = files::load_plan(&plan_path).expect("loads");
    // By hand, the absent person "covers" their own place.
    plan.substitutions[0].cover = Some(who.clone());
    files::save_plan(&plan_path, &plan).expect("save");
    let run = kehou(&["check", arg(&school_path), arg(&plan_path)]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("is absent that day"), "{}", run.all());
    // The post by when and what it is, not by its id.
    let school = files::load_school(&school_path).expect("loads");
    let names = kehou::words::Names::new(kehou::words::Lang::En, &school, Some(&plan));
    assert!(
        run.stdout
            .contains(&names.post_id(&plan.substitutions[0].post)),
        "{}",
        run.all()
    );
}
