//! `kehou solve`: make the rota of a school, check it, save it, and say how it went.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{Local, SecondsFormat};
use clap::Args;
use kehou_solver::check;
use kehou_solver::milp::{self, SolveOptions};
use kehou_solver::plan::SolveStatus;
use kehou_solver::validate::{self, Severity};
use kehou_solver::{Plan, School};

use super::{hold, text, Outcome};
use crate::export::summary::PlanSummary;
use crate::files;
use crate::files::guard::Output;
use crate::words::{self, errors, findings, Lang, Names};

#[derive(Debug, Args)]
pub struct SolveArgs {
    pub school: PathBuf,
    #[arg(short, long)]
    pub output: PathBuf,
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub time_limit: Option<u32>,
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub cycle_weeks: Option<u8>,
    #[arg(long)]
    pub fresh: bool,
    #[arg(long, conflicts_with = "fresh")]
    pub max_changes: Option<u32>,
    #[arg(long)]
    pub write_model: Option<PathBuf>,
}

pub fn run(
    args: &SolveArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    if !hold::output_ok(&args.output, Output::Plan, &[&args.school], lang, err)? {
        return Ok(Outcome::Trouble);
    }
    if let Some(model) = &args.write_model {
        if !hold::output_ok(
            model,
            Output::Other,
            &[&args.school, &args.output],
            lang,
            err,
        )? {
            return Ok(Outcome::Trouble);
        }
    }
    // The plan already at -o is read (to stay close to it and keep its
    // locks and sick calls) and replaced: nobody else may change it between.
    let Some(_locks) = hold::lock(&[&args.output], lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    let school = match files::load_school(&args.school) {
        Ok(school) => school,
        Err(e) => {
            writeln!(err, "{}", errors::file(&e, lang))?;
            return Ok(Outcome::Trouble);
        }
    };
    let names = Names::new(lang, &school, None);
    let found = validate::validate(&school);
    let errors: Vec<_> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        for finding in &errors {
            writeln!(out, "{}", findings::line(finding, &names))?;
        }
        writeln!(
            out,
            "{}",
            text::solve::refused(lang, errors.len(), &args.school)
        )?;
        return Ok(Outcome::Problems);
    }
    let warnings = found.len() - errors.len();
    if warnings > 0 {
        writeln!(
            err,
            "{}",
            text::solve::warnings(lang, warnings, &args.school)
        )?;
    }

    let options = SolveOptions {
        cycle_weeks: args.cycle_weeks,
        time_limit_seconds: args.time_limit.map(f64::from),
        previous: previous_plan(&school, &args.output, args.fresh, lang, err)?,
        write_model: args.write_model.is_some(),
        fresh: args.fresh,
        max_changes: args.max_changes,
        ..SolveOptions::default()
    };
    let limit = args.time_limit.unwrap_or(school.rules.time_limit_seconds);
    let mut solved = with_progress(limit, lang, err, || milp::solve(&school, &options));
    // The solver has no clock; the application says when.
    solved.plan.solve.solved_at = Some(Local::now().to_rfc3339_opts(SecondsFormat::Secs, false));

    let mut outcome = Outcome::Clean;
    // Written before the plan is checked, so that a faulty plan can be
    // reported together with the model that produced it.
    if let Some(path) = &args.write_model {
        let mut write = |f: &mut File, b: &[u8]| f.write_all(b);
        let lp = solved.model_lp.as_deref().unwrap_or_default();
        if let Err(e) = files::write_atomic(path, lp.as_bytes(), &mut write) {
            writeln!(err, "{}", errors::file(&e, lang))?;
            outcome = Outcome::Trouble;
        }
    }

    // A re-solve keeps the term's sick calls and substitutions, redoing those
    // the new cycle no longer fits (docs/model.md §10).
    if let Some(previous) = &options.previous {
        match kehou_solver::repair::carry_over(&school, previous, solved.plan.clone()) {
            Ok(kept) if kept.plan.absences.is_empty() && kept.plan.substitutions.is_empty() => {}
            Ok(kept) => {
                let (a, s, r) = (
                    kept.plan.absences.len(),
                    kept.plan.substitutions.len(),
                    kept.removed.len(),
                );
                match lang {
                    Lang::Zh => writeln!(
                        err,
                        "保留了本学期 {a} 次请假和 {s} 处代课；其中 {r} 处按新的值班表重新安排。"
                    )?,
                    Lang::En => writeln!(
                        err,
                        "Kept {a} absence(s) and {s} substitution(s) of the term; {r} redone for the new rota."
                    )?,
                }
                solved.plan = kept.plan;
            }
            Err(e) => writeln!(err, "{}", words::repair::error(&e, &names))?,
        }
    }

    let plan = &solved.plan;
    let names = names.with_plan(plan);
    if plan.solve.status == SolveStatus::NoPlan {
        write!(out, "{}", text::solve::no_plan(plan, &args.output, &names))?;
        return Ok(outcome.worst(Outcome::Problems));
    }
    let violations = check::check_all(&school, plan);
    if !violations.is_empty() {
        writeln!(err, "{}", text::solve::bug(lang))?;
        for v in &violations {
            writeln!(err, "  {}", words::check::line(v, &names))?;
        }
        writeln!(err, "{}", text::solve::bug_report(lang, &args.output))?;
        return Ok(Outcome::Bug);
    }
    if let Err(e) = files::save_plan(&args.output, plan) {
        writeln!(err, "{}", errors::file(&e, lang))?;
        return Ok(Outcome::Trouble);
    }

    let summary = PlanSummary::of(&school, plan);
    write!(
        out,
        "{}",
        text::solve::report(
            plan,
            &solved.stats,
            &summary,
            &args.output,
            options.previous.as_ref().and_then(text::solve::fairness_of),
            &names,
        )
    )?;
    writeln!(
        out,
        "{}",
        text::solve::next(lang, &args.school, &args.output)
    )?;
    Ok(if summary.unmet.is_empty() {
        outcome
    } else {
        outcome.worst(Outcome::Problems)
    })
}

/// The plan already at `path`, to stay close to and keep the locks of. A plan
/// made for an earlier version of the school is the usual case (someone's
/// availability changed): it is still followed as far as it fits, and the
/// solver notes every lock it cannot keep. An unreadable plan is said and
/// ignored; either way the file is replaced and kept as a backup.
fn previous_plan(
    school: &School,
    path: &Path,
    fresh: bool,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<Plan>> {
    if !path.exists() {
        return Ok(None);
    }
    match files::load_plan(path) {
        Ok(plan) if plan.school_fingerprint == school.fingerprint() => Ok(Some(plan)),
        Ok(plan) => {
            let backup = files::backup_path(path);
            writeln!(
                err,
                "{}",
                text::solve::previous_stale(lang, path, &backup, fresh)
            )?;
            Ok(Some(plan))
        }
        Err(e) => {
            let backup = files::backup_path(path);
            writeln!(
                err,
                "{}",
                text::solve::previous_unreadable(lang, &errors::file(&e, lang), &backup)
            )?;
            Ok(None)
        }
    }
}

/// Runs `work` (the blocking solve) on a thread of its own, and meanwhile shows
/// a spinner and the seconds so far on `err` — only if standard error is a
/// terminal, so logs and pipes get no control characters. The spinner is drawn
/// from this thread, the one that owns `err`.
fn with_progress<T: Send>(
    limit_seconds: u32,
    lang: Lang,
    err: &mut dyn Write,
    work: impl FnOnce() -> T + Send,
) -> T {
    const FRAMES: [char; 4] = ['|', '/', '-', '\\'];
    if !io::stderr().is_terminal() {
        return work();
    }
    thread::scope(|scope| {
        let this = thread::current();
        let worker = scope.spawn(move || {
            let result = work();
            this.unpark();
            result
        });
        let start = Instant::now();
        let mut width = 0;
        for frame in FRAMES.iter().cycle() {
            if worker.is_finished() {
                break;
            }
            let line = text::solve::solving(lang, *frame, start.elapsed().as_secs(), limit_seconds);
            width = width.max(line.chars().count());
            // Progress is a courtesy: a terminal that cannot take it must not stop the solve.
            let _ = write!(err, "\r{line}").and_then(|()| err.flush());
            thread::park_timeout(Duration::from_millis(125));
        }
        // Rub the line out, so what follows starts on a clean line.
        let _ = write!(err, "\r{:width$}\r", "").and_then(|()| err.flush());
        worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}
