//! `kehou check`: validate a school file, and check a plan against it: that it
//! is not stale, and that it keeps every hard rule (`kehou_solver::check`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use kehou_solver::check::{self, Rule, Violation};
use kehou_solver::plan::SolveStatus;
use kehou_solver::validate::{self, Severity};
use kehou_solver::{Plan, School};

use super::{text, Outcome};
use crate::files;
use crate::words::{fill, findings, Lang, Names};

#[derive(Debug, Args)]
pub struct CheckArgs {
    pub school: PathBuf,
    pub plan: Option<PathBuf>,
}

/// What can be wrong with a plan as the rota of a school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    /// Solved for another version of the school.
    Stale,
    /// Nothing solved into it yet.
    NotSolved,
    /// A hard rule it breaks.
    Breaks(Violation),
}

impl PlanProblem {
    pub fn severity(&self) -> Severity {
        match self {
            PlanProblem::NotSolved => Severity::Warning,
            PlanProblem::Stale | PlanProblem::Breaks(_) => Severity::Error,
        }
    }

    /// The problem as one line, like a school's findings.
    pub fn line(&self, path: &Path, n: &Names) -> String {
        let t = text::check::text(n.lang);
        let file = path.display();
        let (item, problem, fix) = match self {
            PlanProblem::Stale => (
                fill(t.plan_item, &[&file]),
                t.plan_stale.to_owned(),
                t.plan_stale_fix.to_owned(),
            ),
            PlanProblem::NotSolved => (
                fill(t.plan_item, &[&file]),
                t.plan_not_solved.to_owned(),
                fill(t.plan_not_solved_fix, &[&file]),
            ),
            PlanProblem::Breaks(v) => (
                fill(
                    t.plan_place,
                    &[&file, &crate::words::check::place(&v.place, n)],
                ),
                fill(
                    t.plan_violation,
                    &[
                        &crate::words::check::rule(v.rule, n.lang),
                        &crate::words::check::detail(&v.detail, n),
                    ],
                ),
                t.plan_violation_fix.to_owned(),
            ),
        };
        let tag = findings::severity(self.severity(), n.lang);
        match n.lang {
            Lang::Zh => format!("{tag}：{item}：{problem}；{fix}"),
            Lang::En => format!("{tag}: {item}: {problem}; {fix}"),
        }
    }
}

pub fn run(
    args: &CheckArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    // Both files are read before anything is reported, so that one run names
    // every unreadable file.
    let school = files::load_school(&args.school);
    let plan = args.plan.as_deref().map(files::load_plan).transpose();
    let (school, plan) = match (school, plan) {
        (Ok(school), Ok(plan)) => (school, plan),
        (school, plan) => {
            for e in school.err().into_iter().chain(plan.err()) {
                writeln!(err, "{}", crate::words::errors::file(&e, lang))?;
            }
            return Ok(Outcome::Trouble);
        }
    };

    let names = Names::new(lang, &school, plan.as_ref());
    let found = validate::validate(&school);
    let problems = match (&plan, &args.plan) {
        (Some(plan), Some(_)) => plan_problems(&school, plan),
        _ => Vec::new(),
    };
    // Errors before warnings; each source keeps its own order within a severity.
    let mut lines: Vec<(Severity, String)> = found
        .iter()
        .map(|f| (f.severity, findings::line(f, &names)))
        .collect();
    if let Some(path) = &args.plan {
        lines.extend(
            problems
                .iter()
                .map(|p| (p.severity(), p.line(path, &names))),
        );
    }
    lines.sort_by_key(|(s, _)| *s);
    for (_, line) in &lines {
        writeln!(out, "{line}")?;
    }
    let count = |s: Severity| lines.iter().filter(|(x, _)| *x == s).count();
    let errors = count(Severity::Error);
    writeln!(
        out,
        "{}",
        text::summary(lang, errors, count(Severity::Warning))
    )?;
    Ok(if errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// What is wrong with `plan` as the rota of `school`. A plan solved for
/// another version of the school is stale, whatever it says.
pub fn plan_problems(school: &School, plan: &Plan) -> Vec<PlanProblem> {
    if plan.school_fingerprint != school.fingerprint() {
        // The rules hold for the school a plan was made for; against another
        // version every change would show up as a broken rule.
        return vec![PlanProblem::Stale];
    }
    // A plan nothing was solved into yet makes no claims to check; the rules
    // would only list every group as missing.
    if plan.solve.status == SolveStatus::NotSolved && plan.posts.is_empty() {
        return vec![PlanProblem::NotSolved];
    }
    // The cycle, and the real dates its sick calls and substitutions touch.
    check::check_all(school, plan)
        .into_iter()
        .filter(|v| v.rule != Rule::Stale)
        .map(PlanProblem::Breaks)
        .collect()
}
