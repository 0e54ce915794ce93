//! Two people, one plan: several `kehou absent --yes` on one plan at the same
//! moment, round after round. Every sick call a command says it saved is on
//! disk afterwards; a command that did not save says so (and does not exit
//! 0); the plan is never empty or unreadable, not even when one of them is
//! killed mid-way. `KEHOU_CONCURRENCY_ROUNDS` multiplies the rounds for a
//! long run (docs/benchmarks.md).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use chrono::NaiveDate;
use kehou::files;
use kehou::tui::testing::data_file;

use crate::run::kehou;

/// The tiny school and a solved plan, in a folder of their own.
struct Pair {
    _dir: tempfile::TempDir,
    school: PathBuf,
    plan: PathBuf,
    solved: Vec<u8>,
}

fn solved_tiny() -> Pair {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = dir.path().join("t.school.ron");
    let plan = dir.path().join("t.plan.ron");
    std::fs::copy(data_file("valid/tiny.school.ron"), &school).expect("copy");
    let run = kehou(&["solve", arg(&school), "-o", arg(&plan), "--time-limit", "5"]);
    assert!(run.code <= 1, "{}", run.all());
    let solved = std::fs::read(&plan).expect("the plan was saved");
    Pair {
        _dir: dir,
        school,
        plan,
        solved,
    }
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn rounds(base: usize) -> usize {
    let times = std::env::var("KEHOU_CONCURRENCY_ROUNDS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1);
    base * times.max(1)
}

/// A distinct sick call for process `i` of round `r`: one person each, on
/// one of the first two weeks' service days.
fn sick_call(r: usize, i: usize) -> (String, NaiveDate) {
    let days: Vec<NaiveDate> = [7, 8, 9, 10, 11, 14, 15, 16, 17, 18]
        .iter()
        .map(|d| NaiveDate::from_ymd_opt(2026, 9, *d).expect("a date"))
        .collect();
    (format!("t{:03}", i % 12 + 1), days[(r + i) % days.len()])
}

fn spawn_absent(pair: &Pair, staff: &str, date: NaiveDate) -> Child {
    Command::new(env!("CARGO_BIN_EXE_kehou"))
        .args([
            "absent",
            arg(&pair.school),
            arg(&pair.plan),
            "--staff",
            staff,
            "--date",
            &date.to_string(),
            "--reason",
            "病假",
            "--yes",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kehou absent")
}

/// Runs `n` sick calls at once on a fresh copy of the plan, `kill` of them
/// killed after `delay_ms`; checks what the survivors said against the disk.
fn round(pair: &Pair, r: usize, n: usize, kill: usize, delay_ms: u64) -> usize {
    std::fs::write(&pair.plan, &pair.solved).expect("reset the plan");
    let calls: Vec<(String, NaiveDate)> = (0..n).map(|i| sick_call(r, i)).collect();
    let mut children: Vec<Child> = calls
        .iter()
        .map(|(staff, date)| spawn_absent(pair, staff, *date))
        .collect();
    if kill > 0 {
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        for child in children.iter_mut().take(kill) {
            let _ = child.kill();
        }
    }
    let mut saved = 0;
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait for kehou"))
        .collect();
    let bytes = std::fs::read(&pair.plan).expect("the plan is there");
    assert!(!bytes.is_empty(), "round {r}: the plan is 0 bytes");
    let plan = files::load_plan(&pair.plan)
        .unwrap_or_else(|e| panic!("round {r}: the plan does not read: {e}"));
    for (i, (out, (staff, date))) in outputs.iter().zip(&calls).enumerate() {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let on_disk = plan
            .absences
            .iter()
            .any(|a| a.staff.as_str() == staff && a.from == *date);
        let Some(code) = out.status.code() else {
            assert!(i < kill, "round {r}: process {i} died unasked");
            continue;
        };
        if stdout.contains("Saved ") {
            assert!(
                on_disk,
                "round {r}: {staff} {date} said Saved (exit {code}) but is not on disk\n{stdout}\n{stderr}"
            );
            saved += 1;
        } else {
            assert_ne!(
                code, 0,
                "round {r}: {staff} {date} exited 0 without saving\n{stdout}\n{stderr}"
            );
            assert!(
                !stderr.trim().is_empty(),
                "round {r}: {staff} {date} did not save and did not say why\n{stdout}"
            );
        }
    }
    saved
}

#[test]
fn two_sick_calls_at_once_both_land() {
    let pair = solved_tiny();
    let n = rounds(25);
    let saved: usize = (0..n).map(|r| round(&pair, r, 2, 0, 0)).sum();
    // Nothing here makes a sick call fail: the second waits for the first.
    assert_eq!(saved, 2 * n, "every sick call is saved");
}

#[test]
fn ten_sick_calls_at_once_all_land() {
    let pair = solved_tiny();
    let n = rounds(5);
    let saved: usize = (0..n).map(|r| round(&pair, r, 10, 0, 0)).sum();
    assert_eq!(saved, 10 * n, "every sick call is saved");
}

#[test]
fn a_sick_call_killed_mid_way_never_damages_the_plan() {
    let pair = solved_tiny();
    for r in 0..rounds(20) {
        // Kill the first of two after 0 to 57 ms: before, during and after
        // its save, as the round's timing falls.
        round(&pair, r, 2, 1, (r as u64 * 3) % 60);
    }
}
