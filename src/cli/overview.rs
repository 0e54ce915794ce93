//! `kehou` with no command: an overview of the demo school (the terminal UI
//! will take this place), so a newcomer's first `cargo run` shows kehou at work.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use kehou_solver::calendar::service_days;
use kehou_solver::model::{School, StaffKind};
use kehou_solver::validate::{validate, Severity};

use super::Outcome;
use crate::files;

/// The demo school: `data/demo/demo.school.ron` beside the current folder or
/// the source tree, else the same school generated in memory.
fn demo_school() -> (School, String) {
    let candidates = [
        PathBuf::from("data/demo/demo.school.ron"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/demo.school.ron"),
    ];
    for path in candidates {
        if let Ok(school) = files::load_school(&path) {
            return (school, path.display().to_string());
        }
    }
    (
        kehou_solver::generate::generate(kehou_solver::generate::Size::Medium, 2026),
        "kehou demo (in memory)".to_owned(),
    )
}

pub fn run(out: &mut dyn Write) -> io::Result<Outcome> {
    let (school, source) = demo_school();
    let count = |k: StaffKind| school.staff.iter().filter(|p| p.kind == k).count();
    let days = service_days(&school.term, school.rules.cycle_weeks);
    let students: u32 = school.classes.iter().map(|c| c.basic[0]).sum();
    let findings = validate(&school);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    writeln!(out, "kehou 课后 — after-school service rota\n")?;
    writeln!(out, "{} ({source})", school.name)?;
    writeln!(
        out,
        "  term: {}, {} to {}, {} service days, {}-week rotation cycle",
        school.term.name,
        school.term.first_day,
        school.term.last_day,
        days.len(),
        school.rules.cycle_weeks
    )?;
    writeln!(
        out,
        "  staff: {} teachers, {} leaders, {} retired teachers, {} parent and {} community volunteers, {} coaches",
        count(StaffKind::Teacher),
        count(StaffKind::Leader),
        count(StaffKind::Retired),
        count(StaffKind::Parent),
        count(StaffKind::Community),
        count(StaffKind::Coach)
    )?;
    writeln!(
        out,
        "  {} classes ({students} students in basic service on Mondays), {} rooms, {} clubs",
        school.classes.len(),
        school.rooms.len(),
        school.clubs.len()
    )?;
    writeln!(
        out,
        "  check: {}\n",
        if errors == 0 {
            "no errors".to_owned()
        } else {
            format!("{errors} errors")
        }
    )?;
    writeln!(out, "Next:")?;
    writeln!(out, "  cargo run --release -- solve data/demo/demo.school.ron -o demo.plan.ron    # make the rota (about a minute)")?;
    writeln!(
        out,
        "  cargo run --release -- export data/demo/demo.school.ron demo.plan.ron -o roster.csv"
    )?;
    writeln!(out, "  cargo run --release -- help                                                 # every command")?;
    Ok(Outcome::Clean)
}
