//! `kehou capacity`: the fewest extra adults, on the shortage fixtures.

use kehou_solver::capacity::{capacity, CapacityOptions};

fn school(name: &str) -> kehou_solver::School {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/shortage/{name}.school.ron"));
    kehou::files::load_school(&path).unwrap()
}

#[test]
#[ignore]
fn explore_fixtures() {
    for name in ["club-skill-nobody-has", "group-bigger-than-rooms", "no-duty-leader", "outdoor-club-without-rain-room", "volunteer-leads-club"] {
        let c = capacity(&school(name), None, &CapacityOptions::default());
        eprintln!("== {name} people {} cost {:?} {:.2}s", c.people(), c.search, c.seconds);
        eprintln!("short {:?}", c.short);
        for h in &c.hires { eprintln!("  {h:?}"); }
        eprintln!("unfixable {:?}", c.unfixable);
    }
}
