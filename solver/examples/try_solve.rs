use kehou_solver::generate::{generate, Size};
use kehou_solver::milp::{solve, SolveOptions};

fn main() {
    let size = match std::env::args().nth(1).as_deref() {
        Some("medium") => Size::Medium,
        Some("large") => Size::Large,
        _ => Size::Small,
    };
    let k: u8 = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let school = generate(size, 2026);
    let t = std::time::Instant::now();
    let solved = solve(&school, &SolveOptions { cycle_weeks: Some(k), time_limit_seconds: Some(60.0), previous: None });
    println!("{:?}", solved.stats);
    println!("{:?} {:?} gap {:?} bound {:?} in {:.2}s", solved.plan.solve.status, solved.plan.solve.objective, solved.plan.solve.gap, solved.plan.solve.bound, t.elapsed().as_secs_f64());
    for n in &solved.plan.solve.notes { println!("note: {n}"); }
    for l in kehou_solver::explain::summary(&solved.plan) { println!("unmet: {l}"); }
    for v in kehou_solver::check::check(&school, &solved.plan) { println!("VIOLATION {v}"); }
}
