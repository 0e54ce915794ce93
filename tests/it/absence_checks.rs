//! A sick call on a plan that already broke a rule before the call: the
//! repair is judged only on the rules it breaks itself, the old ones are
//! shown as a warning, and the repaired plan is saved.

use std::path::{Path, PathBuf};

use kehou::files;
use kehou::tui::testing::Harness;
use kehou::tui::text::Lang;
use kehou_solver::check::{check_all, new_violations, Rule};
use kehou_solver::model::{StaffId, Weekday};
use kehou_solver::Plan;
use tempfile::TempDir;

use crate::run::kehou;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("paths are UTF-8")
}

/// `plan` with t002 also put on a second post at the same time as one of
/// theirs (a post without t002 or t012): a double booking.
fn double_book(plan: &mut Plan) {
    let t002 = StaffId::new("t002");
    let t012 = StaffId::new("t012");
    let holds = |p: &kehou_solver::plan::Post, id: &StaffId| p.staff.iter().any(|a| &a.staff == id);
    let mine = plan
        .posts
        .iter()
        .find(|p| holds(p, &t002))
        .expect("t002 has a post")
        .clone();
    let other = plan
        .posts
        .iter_mut()
        .find(|p| {
            p.id != mine.id
                && p.week == mine.week
                && p.day == mine.day
                && p.start < mine.end
                && mine.start < p.end
                && !holds(p, &t002)
                && !holds(p, &t012)
        })
        .expect("another post at the same time");
    let mut extra = mine
        .staff
        .iter()
        .find(|a| a.staff == t002)
        .expect("t002's assignment")
        .clone();
    extra.role = kehou_solver::plan::Role::Assist;
    other.staff.push(extra);
}

/// The demo plan, double-booked, saved in a fresh directory.
fn double_booked_copy() -> (TempDir, PathBuf) {
    let mut plan = files::load_plan(&data("data/demo/demo.plan.ron")).expect("demo plan");
    double_book(&mut plan);
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("demo.plan.ron");
    files::save_plan(&path, &plan).expect("save the broken copy");
    (dir, path)
}

fn load(path: &Path) -> Plan {
    files::load_plan(path).expect("a plan")
}

#[test]
fn old_double_booking_does_not_block_a_sick_call() {
    let school_path = data("data/demo/demo.school.ron");
    let school = files::load_school(&school_path).expect("demo school");
    let (_dir, path) = double_booked_copy();
    let before = load(&path);
    let old = check_all(&school, &before);
    assert!(
        old.iter().any(|v| v.rule == Rule::DoubleBooked),
        "the copy is double-booked: {old:?}"
    );
    let run = kehou(&[
        "absent",
        arg(&school_path),
        arg(&path),
        "--staff",
        "t012",
        "--date",
        "2026-09-08",
        "--yes",
    ]);
    assert!(matches!(run.code, 0 | 1), "{}", run.all());
    assert!(run.stderr.contains("already broke"), "{}", run.all());
    let t002 = &school.person(&"t002".into()).expect("t002").name;
    assert!(run.stderr.contains(t002.as_str()), "{}", run.all());
    assert!(run.stdout.contains("Saved"), "{}", run.all());
    let after = load(&path);
    assert_ne!(after, before, "the repair was saved");
    assert!(
        after.absences.iter().any(|a| a.staff.as_str() == "t012"),
        "the absence is in the saved plan"
    );
    assert!(new_violations(&school, &before, &after).is_empty());
    assert!(
        check_all(&school, &after)
            .iter()
            .any(|v| v.rule == Rule::DoubleBooked),
        "the old break is still there, not hidden"
    );
}

#[test]
fn old_double_booking_does_not_block_a_sick_call_in_the_interface() {
    let mut h = Harness::demo(Lang::En);
    h.app
        .doc
        .edit("double-book t002", |_, p| {
            double_book(p);
            Ok::<_, String>(())
        })
        .expect("the edit is made");
    let before = h.app.doc.plan.clone();
    assert!(check_all(&h.app.doc.school, &before)
        .iter()
        .any(|v| v.rule == Rule::DoubleBooked));
    let school = &h.app.doc.school;
    let monday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == Weekday::Mon && d.cycle_week == 1)
        .expect("a Monday in cycle week 1")
        .date;
    h.app.today = monday;
    h.keys("2\nA\n");
    let review = h.render(120, 40);
    assert!(
        !review.contains("overlap"),
        "the old break is not blamed on the call: {review}"
    );
    assert!(
        review.contains("already broke"),
        "the old break is shown: {review}"
    );
    h.keys("y");
    assert_eq!(
        h.app.doc.plan.absences.len(),
        1,
        "the sick call is accepted: {:?}",
        h.app.message
    );
    assert!(new_violations(&h.app.doc.school, &before, &h.app.doc.plan).is_empty());
}
