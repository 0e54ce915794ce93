//! `kehou check`: validate a school file, and check a plan against it: that it
//! is not stale, and that it keeps every hard rule (`kehou_solver::check`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use kehou_solver::check::{self, Rule};
use kehou_solver::plan::SolveStatus;
use kehou_solver::validate::{self, Finding, Severity};
use kehou_solver::{Plan, School};

use super::{text, Outcome};
use crate::files;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(value_name = "SCHOOL", help = text::CHECK_SCHOOL_HELP)]
    pub school: PathBuf,
    #[arg(value_name = "PLAN", help = text::CHECK_PLAN_HELP)]
    pub plan: Option<PathBuf>,
}

pub fn run(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    // Both files are read before anything is reported, so that one run names
    // every unreadable file.
    let school = files::load_school(&args.school);
    let plan = args.plan.as_deref().map(files::load_plan).transpose();
    let (school, plan) = match (school, plan) {
        (Ok(school), Ok(plan)) => (school, plan),
        (school, plan) => {
            for e in school.err().into_iter().chain(plan.err()) {
                writeln!(err, "{e}")?;
            }
            return Ok(Outcome::Trouble);
        }
    };

    let mut findings = validate::validate(&school);
    if let (Some(plan), Some(path)) = (&plan, &args.plan) {
        findings.extend(plan_findings(&school, plan, path));
    }
    // Stable, so each source keeps its own order within a severity.
    findings.sort_by_key(|f| f.severity);

    for finding in &findings {
        writeln!(out, "{finding}")?;
    }
    let errors = count(&findings, Severity::Error);
    let warnings = count(&findings, Severity::Warning);
    writeln!(out, "{}", text::summary(errors, warnings))?;
    Ok(if errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// What is wrong with `plan` (read from `path`) as the rota of `school`.
/// A plan solved for another version of the school is stale, whatever it says.
pub fn plan_findings(school: &School, plan: &Plan, path: &Path) -> Vec<Finding> {
    let mut findings = Vec::new();
    if plan.school_fingerprint != school.fingerprint() {
        findings.push(Finding {
            severity: Severity::Error,
            item: text::plan_item(path),
            problem: text::PLAN_STALE.to_owned(),
            fix: text::PLAN_STALE_FIX.to_owned(),
        });
        // The rules hold for the school a plan was made for; against another
        // version every change would show up as a broken rule.
        return findings;
    }
    // A plan nothing was solved into yet makes no claims to check; the rules
    // would only list every group as missing.
    if plan.solve.status == SolveStatus::NotSolved && plan.posts.is_empty() {
        findings.push(Finding {
            severity: Severity::Warning,
            item: text::plan_item(path),
            problem: text::PLAN_NOT_SOLVED.to_owned(),
            fix: text::plan_not_solved_fix(path),
        });
        return findings;
    }
    findings.extend(
        // The cycle, and the real dates its sick calls and substitutions touch.
        check::check_all(school, plan)
            .into_iter()
            .filter(|v| v.rule != Rule::Stale)
            .map(|v| Finding {
                severity: Severity::Error,
                item: text::plan_place(path, &v.place),
                problem: text::plan_violation(&v),
                fix: text::PLAN_VIOLATION_FIX.to_owned(),
            }),
    );
    findings
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}
