//! The command line, run as a user would: the real binary, real files in a
//! temporary directory, and the exit status and words the user sees.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kehou::files;
use kehou_solver::model::{
    Class, ClassId, ClockTime, Duties, GradeBand, Person, Room, RoomId, RoomKind, Rules, School,
    Season, SessionKind, SessionTime, Skill, StaffId, StaffKind, Term, Timetable, Weekday,
    SCHOOL_FORMAT_VERSION,
};
use kehou_solver::validate;
use kehou_solver::Plan;
use tempfile::TempDir;

use crate::run::kehou;

fn arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn time(h: u16, m: u16) -> ClockTime {
    ClockTime::new(h, m).expect("a real time")
}

/// A one-class school with nothing odd about it: a class teacher, a second
/// teacher, a duty leader, a homeroom that holds the class, and a summer and a
/// winter timetable for every weekday.
fn tiny_school() -> School {
    let timetable = |season, end| Timetable {
        season,
        days: Weekday::ALL.to_vec(),
        grades: GradeBand { from: 1, to: 6 },
        sessions: vec![SessionTime {
            kind: SessionKind::Basic,
            start: time(15, 30),
            end,
        }],
    };
    let teacher = |id: &str, name: &str| {
        let mut p = Person::new(id, name, StaffKind::Teacher);
        p.skills = vec![Skill::homework()];
        p
    };
    let mut class_teacher = teacher("t001", "王丽");
    class_teacher.class_teacher_of = Some(ClassId::new("3-1"));
    let mut leader = Person::new("l001", "张伟", StaffKind::Leader);
    leader.skills = vec![Skill::homework()];
    School {
        version: SCHOOL_FORMAT_VERSION,
        name: "测试小学".to_owned(),
        term: Term {
            name: "2026—2027学年第一学期".to_owned(),
            first_day: date(2026, 9, 1),
            last_day: date(2027, 1, 22),
            holidays: Vec::new(),
            makeup_days: Vec::new(),
            no_service_days: Vec::new(),
            starts_in: Season::Summer,
            season_switch: Some(date(2026, 10, 8)),
        },
        rules: Rules::default(),
        timetables: vec![
            timetable(Season::Summer, time(17, 0)),
            timetable(Season::Winter, time(16, 45)),
        ],
        duties: Duties::default(),
        staff: vec![class_teacher, teacher("t002", "李娜"), leader],
        rooms: vec![Room::new("r301", "三年级一班教室", RoomKind::Classroom, 45)],
        classes: vec![Class {
            id: ClassId::new("3-1"),
            grade: 3,
            homeroom: RoomId::new("r301"),
            class_teacher: Some(StaffId::new("t001")),
            basic: [30, 28, 30, 25, 20],
            extended: [0; 5],
            late: [0; 5],
        }],
        clubs: Vec::new(),
        skills: Vec::new(),
    }
}

/// A temporary directory holding `school` as `tiny.school.ron`.
fn saved(school: &School) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("tiny.school.ron");
    files::save_school(&path, school).expect("save the school");
    (dir, path)
}

#[test]
fn help_of_every_command_exits_0_and_shows_an_example() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["demo", "--help"],
        &["demo", "-h"],
        &["check", "--help"],
        &["help", "check"],
    ] {
        let run = kehou(args);
        assert_eq!(run.code, 0, "kehou {args:?}\n{}", run.all());
        assert!(
            run.stdout.contains("Example"),
            "kehou {args:?}\n{}",
            run.all()
        );
    }
}

#[test]
fn no_command_shows_the_demo_school_and_exits_0() {
    let run = kehou(&[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("阳光实验小学"), "{}", run.all());
    assert!(run.stdout.contains("24 classes"), "{}", run.all());
    assert!(
        run.stdout.contains("solve data/demo/demo.school.ron"),
        "{}",
        run.all()
    );
}

#[test]
fn a_wrong_command_line_exits_2() {
    for args in [
        &["plan-everything"][..],
        &["check"],
        &["demo"],
        &["demo", "--size", "huge", "-o", "x.school.ron"],
        &["tui", "data/demo/demo.school.ron", "--time-limit", "inf"],
        &["tui", "data/demo/demo.school.ron", "--time-limit", "0"],
        &[
            "solve",
            "data/demo/demo.school.ron",
            "-o",
            "x.plan.ron",
            "--time-limit",
            "0",
        ],
    ] {
        let run = kehou(args);
        assert_eq!(run.code, 2, "kehou {args:?}\n{}", run.all());
        assert!(!run.stderr.is_empty(), "kehou {args:?}\n{}", run.all());
    }
}

#[test]
fn check_a_sound_school_exits_0() {
    let (_dir, path) = saved(&tiny_school());
    let run = kehou(&["check", arg(&path)]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!run.stdout.contains("error"), "{}", run.all());
}

#[test]
fn check_a_school_with_an_error_exits_1_and_names_it() {
    let mut school = tiny_school();
    school.classes[0].homeroom = RoomId::new("r999");
    let (_dir, path) = saved(&school);
    let run = kehou(&["check", arg(&path)]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("error: "), "{}", run.all());
    assert!(run.stdout.contains("r999"), "{}", run.all());
    let summary = run.stdout.lines().last().unwrap_or_default();
    assert!(summary.contains("error"), "{}", run.all());
}

#[test]
fn check_a_malformed_file_exits_2_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.school.ron");
    std::fs::write(&path, "(\n  version: 1,\n  name: \"x\"\n  term: ,\n)\n").unwrap();
    let run = kehou(&["check", arg(&path)]);
    assert_eq!(run.code, 2, "{}", run.all());
    let at = format!("{}:4:", path.display());
    assert!(run.stderr.starts_with(&at), "expected {at}…\n{}", run.all());
    assert!(run.stdout.is_empty(), "{}", run.all());
}

#[test]
fn check_a_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.school.ron");
    let run = kehou(&["check", arg(&path)]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("nowhere.school.ron"), "{}", run.all());
}

#[test]
fn check_with_the_plan_of_this_school_exits_0() {
    let school = tiny_school();
    let (dir, path) = saved(&school);
    let plan_path = dir.path().join("tiny.plan.ron");
    files::save_plan(&plan_path, &Plan::empty(school.fingerprint(), 2)).unwrap();
    let run = kehou(&["check", arg(&path), arg(&plan_path)]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!run.stdout.contains("stale"), "{}", run.all());
}

#[test]
fn check_with_a_plan_of_another_version_of_the_school_exits_1() {
    let school = tiny_school();
    let (dir, path) = saved(&school);
    let plan_path = dir.path().join("tiny.plan.ron");
    let mut before = school.clone();
    before.classes[0].late = [5; 5];
    files::save_plan(&plan_path, &Plan::empty(before.fingerprint(), 2)).unwrap();
    let run = kehou(&["check", arg(&path), arg(&plan_path)]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("plan is stale: the school changed since it was solved"),
        "{}",
        run.all()
    );
    assert!(run.stdout.contains("tiny.plan.ron"), "{}", run.all());
}

#[test]
fn check_with_an_unreadable_plan_exits_2_and_names_both_problems() {
    let dir = tempfile::tempdir().unwrap();
    let school_path = dir.path().join("missing.school.ron");
    let plan_path = dir.path().join("broken.plan.ron");
    std::fs::write(&plan_path, "(version: 1, school_fingerprint: 7)\n").unwrap();
    let run = kehou(&["check", arg(&school_path), arg(&plan_path)]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("missing.school.ron"), "{}", run.all());
    assert!(
        run.stderr.contains(&format!("{}:1:", plan_path.display())),
        "{}",
        run.all()
    );
}

#[test]
fn demo_writes_a_school_that_loads_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.school.ron");
    let run = kehou(&["demo", "--size", "small", "--seed", "7", "-o", arg(&path)]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("demo.school.ron"), "{}", run.all());
    let school = files::load_school(&path).unwrap();
    let errors: Vec<_> = validate::validate(&school)
        .into_iter()
        .filter(|f| f.severity == validate::Severity::Error)
        .map(|f| f.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = kehou(&["check", arg(&path)]);
    assert_eq!(run.code, 0, "{}", run.all());
}

#[test]
fn demo_is_the_same_for_the_same_seed_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.school.ron");
    let first = kehou(&["demo", "--size", "small", "-o", arg(&path)]);
    assert_eq!(first.code, 0, "{}", first.all());
    let first_text = std::fs::read_to_string(&path).unwrap();
    let second = kehou(&[
        "demo",
        "--size",
        "small",
        "--seed",
        "2026",
        "-o",
        arg(&path),
        "--force",
    ]);
    assert_eq!(second.code, 0, "{}", second.all());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first_text);
    assert_eq!(
        std::fs::read_to_string(files::backup_path(&path)).unwrap(),
        first_text
    );
}

#[test]
fn demo_into_a_missing_directory_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no").join("such").join("demo.school.ron");
    let run = kehou(&["demo", "--size", "small", "-o", arg(&path)]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("cannot save"), "{}", run.all());
}

#[test]
fn bench_runs_prints_a_row_a_run_and_their_spread() {
    let run = kehou(&[
        "bench",
        "--size",
        "small",
        "--cycle-weeks",
        "1",
        "--time-limit",
        "1",
        "--runs",
        "2",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("| Small"))
        .collect();
    assert_eq!(rows.len(), 2, "{}", run.all());
    assert!(rows.iter().all(|r| r.ends_with("| ok |")), "{}", run.all());
    let spread = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Spread over 2 runs"))
        .unwrap_or_else(|| panic!("{}", run.all()));
    // Each run's objective is the 14th cell; the spread's least and most
    // are the two of them.
    let objective = |row: &str| -> f64 { row.split('|').nth(14).unwrap().trim().parse().unwrap() };
    let (a, b) = (objective(rows[0]), objective(rows[1]));
    let said: Vec<f64> = spread
        .split("objective ")
        .nth(1)
        .and_then(|s| s.split(';').next())
        .unwrap()
        .split(" / ")
        .map(|x| x.trim().parse().unwrap())
        .collect();
    assert_eq!(said.len(), 3, "{spread}");
    assert!((said[0] - a.min(b)).abs() < 0.051, "{spread}");
    assert!((said[2] - a.max(b)).abs() < 0.051, "{spread}");
    assert!(said[0] <= said[1] && said[1] <= said[2], "{spread}");
    assert!(kehou(&["bench", "--runs", "0"]).code == 2);
}
