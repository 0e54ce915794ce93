//! Every file under data/ loads; every invalid fixture gives its expected message.
//!
//! A fixture in data/invalid/ is the tiny school with one mistake. What it must
//! say is written here, not in the fixture, so a fixture cannot quietly stop
//! testing anything: every file in data/invalid/ needs a row in `INVALID`, and
//! every row needs its file. A fixture in data/shortage/ is the tiny school with
//! one demand it cannot meet: a warning, never an error, and a solve that
//! staffs everything else and lists that demand as unmet with its reason
//! (`SHORTAGE`, one row per file the same way).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use kehou::files::{load_plan, load_school, save_school};
use kehou_solver::validate::{validate, Severity};

/// How an invalid fixture must fail.
enum Expect {
    /// It loads, and validation reports an error containing this.
    Finding(&'static str),
    /// It does not parse: the message starts `path:line:col:` and contains this.
    Syntax {
        line: usize,
        col: usize,
        fragment: &'static str,
    },
    /// It does not load (a version problem); the message contains this.
    Load(&'static str),
}

use Expect::{Finding, Load, Syntax};

/// File name in data/invalid/, and what it must say.
const INVALID: &[(&str, Expect)] = &[
    ("ambiguous-timetables.school.ron", Finding("timetable 5 (summer, grades 1-6): it overlaps timetable 1 (summer, grades 1-2)")),
    ("bad-syntax.school.ron", Syntax { line: 5, col: 3, fragment: "Expected comma" }),
    ("class-teacher-disagrees.school.ron", Finding("class 2-1: its class_teacher is 陈静 (t005), but that person's class_teacher_of says 3-1")),
    ("club-meets-in-missing-session.school.ron", Finding("club choir (合唱团): it meets on Thursday in the evening session, but in summer and winter no timetable gives its grades 2-6 an evening session")),
    ("club-meets-six-times-a-week.school.ron", Finding("club calligraphy (书法社): it meets 6 times a week; it must be 1 to 5")),
    ("cycle-weeks-out-of-range.school.ron", Finding("rules: cycle_weeks is 6; the rotation cycle must be 1 to 4 weeks")),
    ("duplicate-room-id.school.ron", Finding("room art: the id `art` is used by 2 rooms (美术室, 音乐室)")),
    ("duplicate-staff-id.school.ron", Finding("staff t011: the id `t011` is used by 2 people (徐芳, 孙志强)")),
    ("fallback-is-the-room-itself.school.ron", Finding("room field (操场): its fallback is the room itself")),
    ("future-version.school.ron", Load("this school file is format version 99, newer than this kehou understands")),
    ("last-day-before-first-day.school.ron", Finding("term: the last day 2026-01-22 is before the first day 2026-09-01")),
    ("leave-ends-before-it-starts.school.ron", Finding("staff t006 (杨帆): has leave ending on 2026-11-06 before it starts on 2026-11-16")),
    ("makeup-day-on-a-weekday.school.ron", Finding("make-up day 2026-10-09: 2026-10-09 (Friday) is not a Saturday or Sunday")),
    ("misspelled-field.school.ron", Syntax { line: 586, col: 14, fragment: "Unexpected field named `capacty` in `Room`" }),
    ("missing-version.school.ron", Load("this school file has no `version` field; add `version: 1,` at the top")),
    ("missing-winter-timetable.school.ron", Finding("timetables: the term switches to winter time on 2026-11-02 (season_switch), but there is no winter timetable")),
    ("no-timetable-for-grade.school.ron", Finding("class 6-1: in summer and winter no timetable covers grade 6, so its students have no session times")),
    ("overlapping-holiday-and-makeup.school.ron", Finding("make-up day 2026-10-03: it falls inside holiday 国庆 (2026-10-01 to 2026-10-07)")),
    ("own-caps-contradict.school.ron", Finding("staff r001 (马秀英): may take 3 posts a day (their own max_per_day) but only 2 a week")),
    ("part-time-zero.school.ron", Finding("staff t012 (孙志强): part_time_percent is 0; it must be 1 to 100")),
    ("ratio-zero-students-per-adult.school.ron", Finding("rules: the late ratio has students_per_adult: 0")),
    ("room-capacity-zero.school.ron", Finding("room r401 (四年级1班): its capacity is 0")),
    ("season-switch-outside-term.school.ron", Finding("term: the season switch 2027-03-01 is outside the term (2026-09-01 to 2027-01-22)")),
    ("session-ends-before-start.school.ron", Finding("timetable 2 (summer, grades 3-6): its basic session ends at 15:00, before it starts at 15:05")),
    ("unknown-club-leader.school.ron", Finding("club football (足球社): its leader c999 is not on the staff list")),
    ("unknown-homeroom.school.ron", Finding("class 3-1: its homeroom r999 is not in the list of rooms")),
    ("unknown-reception-room.school.ron", Finding("duties: the reception room r000 is not in the list of rooms")),
];

/// File name in data/shortage/, the warning it gives, the post (id part)
/// a solve leaves unmet, and that post's reason.
const SHORTAGE: &[(&str, &str, &str, &str)] = &[
    (
        "club-skill-nobody-has.school.ron",
        "club calligraphy (书法社): nobody on the staff has the skill `robotics`, so no one can lead it yet",
        "club-calligraphy",
        "nobody on the staff has the skill robotics and may lead: add it to a person, or hire a coach",
    ),
    (
        "group-bigger-than-rooms.school.ron",
        "class 5-1: has 80 students in basic service on Wednesday, a group bigger than every room of its kind",
        "wed-basic-5-1",
        "no classroom room holds 80 students",
    ),
    (
        "no-duty-leader.school.ron",
        "duties: duty_leader is on but nobody on the staff is a Leader",
        "-duty",
        "nobody on the staff list is a school leader",
    ),
    (
        "outdoor-club-without-rain-room.school.ron",
        "club football (足球社): it meets outdoors, but no playground room has an indoor fallback",
        "club-football",
        "no playground room has an indoor fallback for rain",
    ),
    (
        "volunteer-leads-club.school.ron",
        "club choir (合唱团): its leader 胡晓燕 (p001) is of kind parent, which may not lead",
        "club-choir",
        "needs a lead adult with the skill choir",
    ),
];

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn invalid_dir() -> PathBuf {
    data_dir().join("invalid")
}

/// Every `*.ron` file under `dir`, at any depth, sorted.
fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|x| x == "ron") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_plan(path: &Path) -> bool {
    file_name(path).ends_with(".plan.ron")
}

/// Loads and checks a file that must be fine; `Err` says why it is not.
fn check_valid(path: &Path) -> Result<(), String> {
    let name = file_name(path);
    if is_plan(path) {
        return load_plan(path).map(drop).map_err(|e| e.to_string());
    }
    if !name.ends_with(".school.ron") {
        return Err(format!(
            "{}: neither a .school.ron nor a .plan.ron file; teach tests/it/data_files.rs how to load it",
            path.display()
        ));
    }
    let school = load_school(path).map_err(|e| e.to_string())?;
    let errors: Vec<String> = validate(&school)
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n  {}", path.display(), errors.join("\n  ")))
    }
}

/// Checks that an invalid fixture fails as `expect` says; `Err` says how it did not.
fn check_invalid(path: &Path, expect: &Expect) -> Result<(), String> {
    let shown = path.display().to_string();
    let loaded = if is_plan(path) {
        load_plan(path).map(|_| None)
    } else {
        load_school(path).map(Some)
    };
    match (expect, loaded) {
        (Finding(fragment), Ok(Some(school))) => {
            let findings = validate(&school);
            let errors: Vec<String> = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(ToString::to_string)
                .collect();
            if errors.iter().any(|e| e.contains(fragment)) {
                Ok(())
            } else {
                Err(format!(
                    "{shown}: no error contains {fragment:?}; validation said:\n  {}",
                    findings
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n  ")
                ))
            }
        }
        (
            Syntax {
                line,
                col,
                fragment,
            },
            Err(e),
        ) => {
            let msg = e.to_string();
            let prefix = format!("{shown}:{line}:{col}: ");
            if msg.starts_with(&prefix) && msg.contains(fragment) {
                Ok(())
            } else {
                Err(format!(
                    "{shown}: expected {prefix}…{fragment}…, got: {msg}"
                ))
            }
        }
        (Load(fragment), Err(e)) => {
            let msg = e.to_string();
            if msg.starts_with(&format!("{shown}: ")) && msg.contains(fragment) {
                Ok(())
            } else {
                Err(format!("{shown}: expected …{fragment}…, got: {msg}"))
            }
        }
        (_, Ok(_)) => Err(format!("{shown}: loads, but should fail to load")),
        (_, Err(e)) => Err(format!("{shown}: should load, but: {e}")),
    }
}

fn expectation(name: &str) -> Option<&'static Expect> {
    INVALID.iter().find(|(n, _)| *n == name).map(|(_, e)| e)
}

#[test]
fn every_file_under_data_loads_or_fails_as_expected() {
    let files = ron_files(&data_dir());
    assert!(
        files.iter().any(|f| f.ends_with("valid/tiny.school.ron")),
        "data/valid/tiny.school.ron is missing; found {files:#?}"
    );
    let invalid = invalid_dir();
    let mut failures = Vec::new();
    for path in &files {
        let result = if path.starts_with(&invalid) {
            match expectation(&file_name(path)) {
                Some(expect) => check_invalid(path, expect),
                None => Err(format!(
                    "{}: no expected message in INVALID (tests/it/data_files.rs)",
                    path.display()
                )),
            }
        } else {
            check_valid(path)
        };
        if let Err(e) = result {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn each_invalid_fixture_gives_its_expected_message() {
    let failures: Vec<String> = INVALID
        .iter()
        .filter_map(|(name, expect)| check_invalid(&invalid_dir().join(name), expect).err())
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn invalid_fixtures_and_expectations_match_one_to_one() {
    let on_disk: BTreeSet<String> = ron_files(&invalid_dir())
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(invalid_dir()).expect("under data/invalid");
            rel.to_string_lossy().into_owned()
        })
        .collect();
    let expected: BTreeSet<String> = INVALID.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(
        expected.len(),
        INVALID.len(),
        "a file is listed twice in INVALID"
    );
    let no_expectation: Vec<_> = on_disk.difference(&expected).collect();
    let no_file: Vec<_> = expected.difference(&on_disk).collect();
    assert!(
        no_expectation.is_empty() && no_file.is_empty(),
        "fixtures without an expected message: {no_expectation:?}; expected messages without a fixture: {no_file:?}"
    );
    assert!(INVALID.len() >= 14, "keep at least 14 invalid fixtures");
}

/// A shortage is a warning, and the solve works around it: everything it
/// can staff is staffed (the checker finds no place open while someone is
/// free), and the short post says why.
#[test]
fn each_shortage_fixture_warns_and_the_solve_lists_it_as_unmet() {
    use kehou_solver::milp::{solve, SolveOptions};
    let dir = data_dir().join("shortage");
    let on_disk: BTreeSet<String> = ron_files(&dir).iter().map(|p| file_name(p)).collect();
    let listed: BTreeSet<String> = SHORTAGE.iter().map(|r| r.0.to_owned()).collect();
    assert_eq!(on_disk, listed, "data/shortage/ and SHORTAGE must match");
    for (name, warning, post, reason) in SHORTAGE {
        let school = load_school(&dir.join(name)).expect(name);
        let findings = validate(&school);
        assert!(
            findings.iter().all(|f| f.severity == Severity::Warning),
            "{name}: {findings:#?}"
        );
        assert!(
            findings.iter().any(|f| f.to_string().contains(warning)),
            "{name}: no warning says {warning:?}: {findings:#?}"
        );
        let plan = solve(
            &school,
            &SolveOptions {
                time_limit_seconds: Some(2.0),
                ..SolveOptions::default()
            },
        )
        .plan;
        assert_eq!(kehou_solver::check::check(&school, &plan), vec![], "{name}");
        let short: Vec<&kehou_solver::plan::Post> = plan
            .posts
            .iter()
            .filter(|p| p.id.contains(post) && p.unmet_reason.is_some())
            .collect();
        assert!(!short.is_empty(), "{name}: no unmet post like {post}");
        for p in short {
            let why = p
                .unmet_reason
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(why.contains(reason), "{name}: {}: {why}", p.id);
        }
    }
}

#[test]
fn tiny_school_round_trips_byte_for_byte() {
    let original_path = data_dir().join("valid/tiny.school.ron");
    let original_text = fs::read_to_string(&original_path).expect("read the tiny school");
    let school = load_school(&original_path).expect("load the tiny school");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let saved_path = dir.path().join("tiny.school.ron");
    save_school(&saved_path, &school).expect("save the tiny school");
    let again = load_school(&saved_path).expect("load the saved school");
    assert_eq!(again, school);
    let saved_text = fs::read_to_string(&saved_path).expect("read the saved school");
    assert!(
        saved_text == original_text,
        "data/valid/tiny.school.ron is not in the form kehou writes; replace it with:\n{saved_text}"
    );
}

#[test]
fn tiny_school_has_no_findings_at_all() {
    let school = load_school(&data_dir().join("valid/tiny.school.ron")).expect("load");
    let findings: Vec<String> = validate(&school).iter().map(ToString::to_string).collect();
    assert!(findings.is_empty(), "{findings:#?}");
}
