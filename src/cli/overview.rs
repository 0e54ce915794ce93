//! `kehou` with no command: an overview of the demo school (the terminal UI
//! will take this place), so a newcomer's first `cargo run` shows kehou at work.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use kehou_solver::calendar::service_days;
use kehou_solver::model::{School, StaffKind};
use kehou_solver::validate::{validate, Severity};

use super::{text, Outcome};
use crate::files;
use crate::words::Lang;

/// The demo school: `data/demo/demo.school.ron` beside the current folder or
/// the source tree, else the same school generated in memory.
fn demo_school(lang: Lang) -> (School, String) {
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
        text::overview::in_memory(lang).to_owned(),
    )
}

pub fn run(lang: Lang, out: &mut dyn Write) -> io::Result<Outcome> {
    let (school, source) = demo_school(lang);
    let count = |k: StaffKind| school.staff.iter().filter(|p| p.kind == k).count();
    let days = service_days(&school.term, school.rules.cycle_weeks);
    let errors = validate(&school)
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let overview = text::overview::Overview {
        school: &school.name,
        source: &source,
        term: &school.term.name,
        first: school.term.first_day,
        last: school.term.last_day,
        days: days.len(),
        cycle: school.rules.cycle_weeks,
        staff: [
            count(StaffKind::Teacher),
            count(StaffKind::Leader),
            count(StaffKind::Retired),
            count(StaffKind::Parent),
            count(StaffKind::Community),
            count(StaffKind::Coach),
        ],
        classes: school.classes.len(),
        students: school.classes.iter().map(|c| c.basic[0]).sum(),
        rooms: school.rooms.len(),
        clubs: school.clubs.len(),
        errors,
    };
    write!(out, "{}", text::overview::text(lang, &overview))?;
    Ok(Outcome::Clean)
}
