use kehou_solver::generate::{generate, Size};
use kehou_solver::milp::build::Model;

fn main() {
    let size = match std::env::args().nth(1).as_deref() { Some("medium") => Size::Medium, Some("large") => Size::Large, _ => Size::Small };
    let k: u8 = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let school = generate(size, 2026);
    let demand = kehou_solver::demand::build(&school, k);
    let mut model = Model::new(&school, &demand);
    for (v, w) in model.unmet.clone() { model.mip.add_obj(v, w); }
    println!("vars {} ints {} rows {}", model.mip.vars.len(), model.mip.integers(), model.mip.rows.len());
    let mut lp = model.mip.clone();
    for v in &mut lp.vars { v.integer = false; }
    let out = kehou_solver::backend::solve(&lp, 60.0, &[]).unwrap();
    println!("LP: obj {} in {:.2}s", out.objective, out.seconds);
    let frac = out.values.iter().zip(&model.mip.vars).filter(|(x, v)| v.integer && (*x - x.round()).abs() > 1e-6).count();
    println!("fractional ints in LP: {frac}");
    let out = kehou_solver::backend::solve(&model.mip, 60.0, &[]).unwrap();
    println!("MIP pure unmet: obj {} in {:.2}s optimal {}", out.objective, out.seconds, out.proven_optimal);
}
