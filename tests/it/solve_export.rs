//! `kehou solve`, `kehou export` and `kehou check SCHOOL PLAN`, run as a user
//! would: the real binary on the tiny school, in temporary directories.
//!
//! Solving takes seconds, so the tiny school is solved once (one-week cycle,
//! a short time limit) and the tests that need a plan share it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kehou::files;
use kehou_solver::model::{RoomId, StaffId};
use kehou_solver::plan::{Assignment, Role};
use kehou_solver::School;
use tempfile::TempDir;

/// The file's first bytes: the UTF-8 byte-order mark.
const BOM: &str = "\u{feff}";
const HEADER: &str =
    "cycle_week,weekday,session,start,end,post_kind,post_id,group,room,staff_id,staff_name,role";

use crate::run::{kehou, Run};

fn arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

fn tiny_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/valid/tiny.school.ron")
}

/// The tiny school solved once by `kehou solve`, with `--write-model`.
struct Solved {
    plan: PathBuf,
    model: PathBuf,
    run: Run,
}

fn solved() -> &'static Solved {
    static SOLVED: OnceLock<Solved> = OnceLock::new();
    SOLVED.get_or_init(|| {
        // Kept under target/tmp rather than dropped: a static is never dropped.
        let dir = tempfile::Builder::new()
            .prefix("solve_export")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("temporary directory")
            .keep();
        let plan = dir.join("tiny.plan.ron");
        let model = dir.join("tiny.lp");
        let run = kehou(&[
            "solve",
            arg(&tiny_path()),
            "-o",
            arg(&plan),
            "--time-limit",
            "5",
            "--cycle-weeks",
            "1",
            "--write-model",
            arg(&model),
        ]);
        Solved { plan, model, run }
    })
}

/// A copy of the shared plan in a directory of its own, and the tiny school there.
fn copy_of_solved() -> (TempDir, PathBuf, PathBuf) {
    let solved = solved();
    let dir = tempfile::tempdir().expect("temporary directory");
    let school = dir.path().join("tiny.school.ron");
    let plan = dir.path().join("tiny.plan.ron");
    std::fs::copy(tiny_path(), &school).expect("copy the school");
    std::fs::copy(&solved.plan, &plan).unwrap_or_else(|e| panic!("{e}\n{}", solved.run.all()));
    (dir, school, plan)
}

fn export_to_stdout(school: &Path, plan: &Path) -> Run {
    kehou(&[
        "export",
        arg(school),
        arg(plan),
        "--format",
        "csv",
        "-o",
        "-",
    ])
}

#[test]
fn solve_saves_a_plan_that_loads_and_passes_check() {
    let solved = solved();
    let run = &solved.run;
    // The tiny school has more posts than its staff's caps allow: exit 1,
    // and the summary says what is not covered.
    assert!(matches!(run.code, 0 | 1), "{}", run.all());
    for expected in [
        "status: ",
        "microlp",
        "variables",
        // Per full-time share for the band, as worked here: both say which.
        "fairness (weighted minutes, per full-time share): ",
        "teachers' weighted minutes per week (as worked, not per full-time share): min ",
        "late duties per teacher",
        "duty-leader days over the cycle: 张建国 ",
    ] {
        assert!(run.stdout.contains(expected), "{expected}\n{}", run.all());
    }
    if run.code == 1 {
        assert!(run.stdout.contains("not covered"), "{}", run.all());
    }
    let plan = files::load_plan(&solved.plan).unwrap_or_else(|e| panic!("{e}\n{}", run.all()));
    let school = files::load_school(&tiny_path()).unwrap();
    assert_eq!(plan.school_fingerprint, school.fingerprint());
    assert_eq!(plan.cycle_weeks, 1);
    let solved_at = plan.solve.solved_at.as_deref().expect("solved_at is set");
    assert!(
        chrono::DateTime::parse_from_rfc3339(solved_at).is_ok(),
        "{solved_at}"
    );

    let check = kehou(&["check", arg(&tiny_path()), arg(&solved.plan)]);
    assert_eq!(check.code, 0, "{}", check.all());
}

#[test]
fn solve_writes_the_model_as_lp_text() {
    let solved = solved();
    let lp = std::fs::read_to_string(&solved.model)
        .unwrap_or_else(|e| panic!("{e}\n{}", solved.run.all()));
    assert!(lp.starts_with('\\'), "{}", &lp[..lp.len().min(200)]);
    assert!(lp.contains("Minimize"));
    assert!(lp.contains("Subject To"));
}

#[test]
fn solve_again_follows_the_plan_and_keeps_the_old_one_as_backup() {
    let (_dir, school, plan) = copy_of_solved();
    let before = std::fs::read_to_string(&plan).unwrap();
    let run = kehou(&[
        "solve",
        arg(&school),
        "-o",
        arg(&plan),
        "--time-limit",
        "2",
        "--cycle-weeks",
        "1",
    ]);
    assert!(matches!(run.code, 0 | 1), "{}", run.all());
    // A plan of this very school is followed quietly.
    assert!(!run.stderr.contains("note:"), "{}", run.all());
    assert_eq!(
        std::fs::read_to_string(files::backup_path(&plan)).unwrap(),
        before
    );
    assert!(files::load_plan(&plan).is_ok());
}

#[test]
fn export_csv_has_a_bom_the_header_and_twelve_columns_a_row() {
    let (dir, school, plan) = copy_of_solved();
    let run = export_to_stdout(&school, &plan);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stderr.is_empty(), "{}", run.all());
    let text = run.stdout.strip_prefix(BOM).expect("starts with a BOM");
    assert_eq!(text.lines().next(), Some(HEADER));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        assert_eq!(record.len(), 12, "{record:?}");
        assert!(
            ["lead", "assist", "unmet"].contains(&&record[11]),
            "{record:?}"
        );
        if ["homework", "club", "late", "reception"].contains(&&record[5]) {
            assert!(
                !record[8].is_empty(),
                "a post with students names its room: {record:?}"
            );
        }
        rows += 1;
    }
    assert!(rows > 0);

    // The same bytes to a file, and a word about it on stdout.
    let file = dir.path().join("roster.csv");
    let run = kehou(&["export", arg(&school), arg(&plan), "-o", arg(&file)]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("roster.csv"), "{}", run.all());
    let written = std::fs::read(&file).unwrap();
    assert_eq!(written, export_to_stdout(&school, &plan).stdout.as_bytes());
}

#[test]
fn export_makes_a_formula_in_a_name_plain_text() {
    let (_dir, school_path, plan_path) = copy_of_solved();
    let mut school: School = files::load_school(&school_path).unwrap();
    let mut plan = files::load_plan(&plan_path).unwrap();
    // Someone who is on the roster.
    let on_roster = plan
        .posts
        .iter()
        .find_map(|p| p.staff.first())
        .expect("someone is on the roster")
        .staff
        .clone();
    let person = school.staff.iter_mut().find(|p| p.id == on_roster).unwrap();
    person.name = "=HYPERLINK(\"x\")".to_owned();
    files::save_school(&school_path, &school).unwrap();
    plan.school_fingerprint = school.fingerprint();
    files::save_plan(&plan_path, &plan).unwrap();

    let run = export_to_stdout(&school_path, &plan_path);
    assert_eq!(run.code, 0, "{}", run.all());
    let mut reader = csv::Reader::from_reader(run.stdout.trim_start_matches(BOM).as_bytes());
    let names: Vec<String> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[9] == on_roster.as_str())
        .map(|r| r[10].to_owned())
        .collect();
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| n == "'=HYPERLINK(\"x\")"), "{names:?}");
}

#[test]
fn export_of_a_stale_plan_warns_and_still_writes() {
    let (_dir, school_path, plan_path) = copy_of_solved();
    let mut school = files::load_school(&school_path).unwrap();
    school.classes[0].late = [1; 5];
    files::save_school(&school_path, &school).unwrap();
    let run = export_to_stdout(&school_path, &plan_path);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("warning"), "{}", run.all());
    assert!(run.stderr.contains("tiny.plan.ron"), "{}", run.all());
    assert!(run.stdout.starts_with(BOM), "{}", run.all());

    // check says the same, as an error.
    let run = kehou(&["check", arg(&school_path), arg(&plan_path)]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("stale"), "{}", run.all());
}

#[test]
fn a_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.school.ron");
    let plan = dir.path().join("x.plan.ron");
    let run = kehou(&["solve", arg(&missing), "-o", arg(&plan)]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("nowhere.school.ron"), "{}", run.all());
    assert!(!plan.exists());

    let run = kehou(&["export", arg(&tiny_path()), arg(&plan), "-o", "-"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("x.plan.ron"), "{}", run.all());
    assert!(run.stdout.is_empty(), "{}", run.all());
}

#[test]
fn solve_of_an_invalid_school_exits_1_and_solves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let school_path = dir.path().join("bad.school.ron");
    let mut school = files::load_school(&tiny_path()).unwrap();
    school.classes[0].homeroom = RoomId::new("r999");
    files::save_school(&school_path, &school).unwrap();
    let plan = dir.path().join("bad.plan.ron");
    let model = dir.path().join("bad.lp");
    let run = kehou(&[
        "solve",
        arg(&school_path),
        "-o",
        arg(&plan),
        "--write-model",
        arg(&model),
    ]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("error: "), "{}", run.all());
    assert!(run.stdout.contains("r999"), "{}", run.all());
    assert!(run.stdout.contains("nothing solved"), "{}", run.all());
    assert!(!plan.exists());
    assert!(!model.exists());
}

#[test]
fn a_wrong_solve_or_export_command_line_exits_2() {
    let school = tiny_path();
    for args in [
        &["solve", arg(&school)][..],
        &[
            "solve",
            arg(&school),
            "-o",
            "x.plan.ron",
            "--cycle-weeks",
            "5",
        ],
        &[
            "solve",
            arg(&school),
            "-o",
            "x.plan.ron",
            "--time-limit",
            "0",
        ],
        &[
            "export",
            arg(&school),
            "x.plan.ron",
            "--format",
            "pdf",
            "-o",
            "-",
        ],
        &["export", arg(&school), "x.plan.ron"],
    ] {
        let run = kehou(args);
        assert_eq!(run.code, 2, "kehou {args:?}\n{}", run.all());
        assert!(!run.stderr.is_empty(), "kehou {args:?}\n{}", run.all());
    }
}

#[test]
fn help_of_solve_and_export_has_examples() {
    for args in [
        &["solve", "--help"][..],
        &["export", "--help"],
        &["help", "export"],
    ] {
        let run = kehou(args);
        assert_eq!(run.code, 0, "{}", run.all());
        assert!(run.stdout.contains("Example"), "{}", run.all());
    }
    let run = kehou(&["export", "--help"]);
    assert!(run.stdout.contains(HEADER), "{}", run.all());
    assert!(run.stdout.contains("unmet"), "{}", run.all());
}

#[test]
fn check_names_every_broken_rule_of_a_plan_and_exits_1() {
    let (_dir, school_path, plan_path) = copy_of_solved();
    let mut plan = files::load_plan(&plan_path).unwrap();
    let post = plan.posts.first_mut().expect("the plan has posts");
    let post_id = post.id.clone();
    post.staff.push(Assignment {
        staff: StaffId::new("nobody"),
        role: Role::Assist,
    });
    files::save_plan(&plan_path, &plan).unwrap();
    let run = kehou(&["check", arg(&school_path), arg(&plan_path)]);
    assert_eq!(run.code, 1, "{}", run.all());
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("nobody"))
        .unwrap_or_else(|| panic!("{}", run.all()));
    assert!(line.starts_with("error: plan "), "{line}");
    let school = files::load_school(&school_path).unwrap();
    let names = kehou::words::Names::new(kehou::words::Lang::En, &school, Some(&plan));
    assert!(line.contains(&names.post_id(&post_id)), "{line}");
    assert!(line.contains("unknown id"), "{line}");
    assert!(!run.stdout.contains("stale"), "{}", run.all());

    // export writes it as it is, but says the plan breaks a rule.
    let run = export_to_stdout(&school_path, &plan_path);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr.contains("breaks 1 hard rule") && run.stderr.contains("kehou check"),
        "{}",
        run.all()
    );
    assert!(run.stdout.starts_with(BOM), "{}", run.all());
}

#[test]
fn export_of_a_sound_plan_says_nothing_on_stderr() {
    let (_dir, school_path, plan_path) = copy_of_solved();
    let run = export_to_stdout(&school_path, &plan_path);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!run.stderr.contains("warning"), "{}", run.all());
}
