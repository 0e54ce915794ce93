//! `kehou solve --write-model` writes the exact MILP: solved by another solver
//! (HiGHS, through Python's highspy, which .ci/run installs), it reaches the
//! same optimum that kehou proved.

use std::path::Path;
use std::process::Command;

use kehou_solver::model::{Preference, StaffKind, Stance, Weekday};

const HIGHS: &str = "import highspy, sys
h = highspy.Highs()
h.setOptionValue('output_flag', False)
h.readModel(sys.argv[1])
h.run()
print(h.modelStatusToString(h.getModelStatus()))
print(repr(h.getInfo().objective_function_value))
";

fn micro_school(dir: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut s = kehou::files::load_school(&root.join("data/valid/tiny.school.ron"))
        .expect("the tiny school loads");
    s.clubs.clear();
    s.classes.truncate(1);
    s.classes[0].basic = [30, 30, 30, 0, 0];
    s.classes[0].extended = [0; 5];
    s.classes[0].late = [0; 5];
    s.duties.duty_leader = false;
    s.duties.gate.adults = 0;
    s.duties.reception = None;
    s.staff.retain(|p| p.kind == StaffKind::Teacher);
    s.staff.truncate(3);
    for p in &mut s.staff {
        p.class_teacher_of = None;
        p.leave.clear();
        p.unavailable.clear();
    }
    s.classes[0].class_teacher = None;
    s.staff[1].part_time_percent = 50;
    s.staff[2].preferences = vec![Preference {
        stance: Stance::Avoid,
        day: Some(Weekday::Mon),
        session: None,
    }];
    let path = dir.join("micro.school.ron");
    kehou::files::save_school(&path, &s).expect("saved into the temporary directory");
    path
}

#[test]
fn the_written_model_has_the_same_optimum_in_highs() {
    let python_has_highs = Command::new("python3")
        .args(["-c", "import highspy"])
        .status()
        .is_ok_and(|s| s.success());
    if !python_has_highs {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have highspy (.ci/run installs it)"
        );
        eprintln!("skipped: python3 with highspy is not installed (pip install highspy)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let school = micro_school(dir.path());
    let plan = dir.path().join("micro.plan.ron");
    let lp = dir.path().join("micro.lp");
    let status = Command::new(env!("CARGO_BIN_EXE_kehou"))
        .arg("solve")
        .arg(&school)
        .arg("-o")
        .arg(&plan)
        .args(["--cycle-weeks", "1", "--time-limit", "20", "--write-model"])
        .arg(&lp)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let plan = kehou::files::load_plan(&plan).unwrap();
    assert_eq!(plan.solve.status, kehou_solver::plan::SolveStatus::Optimal);
    let ours = plan.solve.objective_value.unwrap();
    let out = Command::new("python3")
        .args(["-c", HIGHS])
        .arg(&lp)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // HiGHS prints its banner first: the status and the value are the last two lines.
    let lines: Vec<&str> = text.lines().collect();
    let [.., status, value] = lines.as_slice() else {
        panic!("{text}")
    };
    assert_eq!(
        *status,
        "Optimal",
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: f64 = value.parse().unwrap();
    assert!((ours - theirs).abs() < 1e-4, "kehou {ours}, HiGHS {theirs}");
}
