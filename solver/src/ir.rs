//! A small MILP representation owned by kehou: the formulation is built here
//! once, then handed to a backend (backend.rs) or written as CPLEX LP text so
//! any other solver can solve the very same model.

use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Var(pub usize);

#[derive(Debug, Clone)]
pub struct VarDef {
    pub name: String,
    pub lo: f64,
    pub hi: f64,
    pub integer: bool,
    pub obj: f64,
    /// The person this variable is about, if any (for neighbourhood search).
    pub owner: Option<usize>,
    /// The cycle week of the posts this variable is about; `None` for what
    /// holds for the whole cycle (a club's leader, days and room).
    pub week: Option<u8>,
}

/// What becomes of a variable in a smaller model made by `Mip::restrict`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Keep {
    Free,
    /// Substituted by this value.
    Fixed(f64),
    /// Left out, with every row that names it.
    Absent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    Le,
    Ge,
    Eq,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub name: String,
    pub terms: Vec<(Var, f64)>,
    pub sense: Sense,
    pub rhs: f64,
}

/// Minimise Σ obj·x subject to rows and bounds.
#[derive(Debug, Clone, Default)]
pub struct Mip {
    pub vars: Vec<VarDef>,
    pub rows: Vec<Row>,
    /// A constant added to the objective (it does not change the optimum).
    pub obj_constant: f64,
}

impl Mip {
    /// The LP relaxation: the same model with every variable continuous.
    #[must_use]
    pub fn relaxed(&self) -> Mip {
        self.relaxed_except(&[])
    }

    /// The same model with every variable continuous but those of `keep`,
    /// which stay as they are: a relaxation, so its optimum is a lower bound
    /// on this model's.
    #[must_use]
    pub fn relaxed_except(&self, keep: &[Var]) -> Mip {
        let mut lp = self.clone();
        let mut kept = vec![false; lp.vars.len()];
        for v in keep {
            kept[v.0] = true;
        }
        for (v, kept) in lp.vars.iter_mut().zip(kept) {
            v.integer &= kept;
        }
        lp
    }

    pub fn binary(&mut self, name: String, obj: f64) -> Var {
        self.var(name, 0.0, 1.0, true, obj)
    }

    pub fn continuous(&mut self, name: String, lo: f64, hi: f64, obj: f64) -> Var {
        self.var(name, lo, hi, false, obj)
    }

    pub fn var(&mut self, name: String, lo: f64, hi: f64, integer: bool, obj: f64) -> Var {
        self.vars.push(VarDef {
            name,
            lo,
            hi,
            integer,
            obj,
            owner: None,
            week: None,
        });
        Var(self.vars.len() - 1)
    }

    pub fn in_week(&mut self, v: Var, week: u8) {
        self.vars[v.0].week = Some(week);
    }

    pub fn own(&mut self, v: Var, person: usize) {
        self.vars[v.0].owner = Some(person);
    }

    pub fn add_obj(&mut self, v: Var, coef: f64) {
        self.vars[v.0].obj += coef;
    }

    pub fn row(&mut self, name: String, terms: Vec<(Var, f64)>, sense: Sense, rhs: f64) {
        if terms.is_empty() {
            return;
        }
        self.rows.push(Row {
            name,
            terms,
            sense,
            rhs,
        });
    }

    pub fn integers(&self) -> usize {
        self.vars.iter().filter(|v| v.integer).count()
    }

    /// Names of the rows and variable bounds that `values` breaks (for tests
    /// and assertions: a solution must leave this empty).
    pub fn violations(&self, values: &[f64]) -> Vec<String> {
        let eps = 1e-6;
        let mut out = Vec::new();
        for (v, x) in self.vars.iter().zip(values) {
            if *x < v.lo - eps || *x > v.hi + eps || (v.integer && (x - x.round()).abs() > eps) {
                out.push(format!("{} = {x}", v.name));
            }
        }
        for row in &self.rows {
            let a: f64 = row.terms.iter().map(|(v, c)| c * values[v.0]).sum();
            let ok = match row.sense {
                Sense::Le => a <= row.rhs + eps,
                Sense::Ge => a >= row.rhs - eps,
                Sense::Eq => (a - row.rhs).abs() <= eps,
            };
            if !ok {
                out.push(format!("{}: {a} vs {}", row.name, row.rhs));
            }
        }
        out
    }

    /// The integer variables' values (rounded) as a backend's starting point.
    pub fn hint(&self, values: &[f64]) -> Vec<(Var, f64)> {
        (0..values.len())
            .filter(|&i| self.vars[i].integer)
            .map(|i| (Var(i), values[i].round()))
            .collect()
    }

    pub fn objective_of(&self, values: &[f64]) -> f64 {
        self.obj_constant
            + self
                .vars
                .iter()
                .zip(values)
                .map(|(v, x)| v.obj * x)
                .sum::<f64>()
    }

    /// A smaller model: `Fixed` variables substituted out, `Absent` ones left
    /// out with their rows, rows left without variables dropped (the caller
    /// guarantees they hold). Returns it and, per new variable, the old one.
    pub fn restrict(&self, keep: &[Keep]) -> (Mip, Vec<Var>) {
        let mut map = vec![None; self.vars.len()];
        let mut sub = Mip {
            obj_constant: self.obj_constant,
            ..Mip::default()
        };
        let mut old = Vec::new();
        for (i, v) in self.vars.iter().enumerate() {
            match keep[i] {
                Keep::Fixed(x) => sub.obj_constant += v.obj * x,
                Keep::Absent => {}
                Keep::Free => {
                    map[i] = Some(Var(sub.vars.len()));
                    sub.vars.push(v.clone());
                    old.push(Var(i));
                }
            }
        }
        'rows: for row in &self.rows {
            let mut rhs = row.rhs;
            let mut terms = Vec::new();
            for (v, c) in &row.terms {
                match keep[v.0] {
                    Keep::Free => terms.extend(map[v.0].map(|nv| (nv, *c))),
                    Keep::Fixed(x) => rhs -= c * x,
                    Keep::Absent => continue 'rows,
                }
            }
            if !terms.is_empty() {
                sub.rows.push(Row {
                    name: row.name.clone(),
                    terms,
                    sense: row.sense,
                    rhs,
                });
            }
        }
        (sub, old)
    }

    /// The model in CPLEX LP format. Names are made LP-safe and unique by index.
    pub fn to_lp(&self) -> String {
        let mut out = String::new();
        let name = |i: usize| format!("x{i}_{}", lp_safe(&self.vars[i].name));
        out.push_str("\\ kehou rota model; objective constant ");
        let _ = writeln!(out, "{}", self.obj_constant);
        out.push_str("Minimize\n obj:");
        let mut any = false;
        for (i, v) in self.vars.iter().enumerate() {
            if v.obj != 0.0 {
                let _ = write!(out, " {} {}", signed(v.obj), name(i));
                any = true;
            }
        }
        if !any {
            out.push_str(" 0 x0_dummy");
        }
        out.push_str("\nSubject To\n");
        for (r, row) in self.rows.iter().enumerate() {
            let _ = write!(out, " c{r}_{}:", lp_safe(&row.name));
            for (v, c) in &row.terms {
                let _ = write!(out, " {} {}", signed(*c), name(v.0));
            }
            let op = match row.sense {
                Sense::Le => "<=",
                Sense::Ge => ">=",
                Sense::Eq => "=",
            };
            let _ = writeln!(out, " {op} {}", row.rhs);
        }
        out.push_str("Bounds\n");
        for (i, v) in self.vars.iter().enumerate() {
            let hi = if v.hi.is_finite() {
                v.hi.to_string()
            } else {
                "+inf".to_owned()
            };
            let _ = writeln!(out, " {} <= {} <= {hi}", v.lo, name(i));
        }
        if !any {
            out.push_str(" x0_dummy = 0\n");
        }
        let ints: Vec<usize> = (0..self.vars.len())
            .filter(|&i| self.vars[i].integer)
            .collect();
        if !ints.is_empty() {
            out.push_str("General\n");
            for i in ints {
                let _ = writeln!(out, " {}", name(i));
            }
        }
        out.push_str("End\n");
        out
    }
}

fn signed(c: f64) -> String {
    if c < 0.0 {
        format!("- {}", -c)
    } else {
        format!("+ {c}")
    }
}

fn lp_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lp_text_has_every_section_and_safe_names() {
        let mut m = Mip::default();
        let a = m.binary("x[王丽,w1-mon]".into(), 2.0);
        let b = m.continuous("dev".into(), 0.0, f64::INFINITY, -1.0);
        m.row("cap".into(), vec![(a, 1.0), (b, -3.5)], Sense::Le, 4.0);
        let lp = m.to_lp();
        assert!(
            lp.contains("Minimize\n obj: + 2 x0_x____w1_mon_ - 1 x1_dev"),
            "{lp}"
        );
        assert!(
            lp.contains("c0_cap: + 1 x0_x____w1_mon_ - 3.5 x1_dev <= 4"),
            "{lp}"
        );
        assert!(lp.contains(" 0 <= x1_dev <= +inf"), "{lp}");
        assert!(lp.contains("General\n x0_"), "{lp}");
        assert!(lp.is_ascii());
    }
}
