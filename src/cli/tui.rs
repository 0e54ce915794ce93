//! `kehou tui SCHOOL [PLAN]`, and `kehou` with no command on a terminal: open
//! the terminal UI. Which school: the one named, else the one opened last
//! (remembered in kehou's config folder, see `tui::state`), else the demo.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::Outcome;
use crate::files::{self, pair::OnDisk, Digest};
use crate::tui::app::App;
use crate::tui::doc::{plan_path_for, Doc};
use crate::tui::text::Lang;

fn needs_terminal(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "kehou tui 需要在终端里运行；脚本中请用 kehou check、kehou solve 和 kehou export",
        Lang::En => "kehou tui needs a terminal; for scripts use `kehou check`, `kehou solve` and `kehou export`",
    }
}

#[derive(Debug, Args)]
pub struct TuiArgs {
    pub school: PathBuf,
    pub plan: Option<PathBuf>,
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=86_400))]
    pub time_limit: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl LangArg {
    pub fn resolve(arg: Option<LangArg>) -> Lang {
        match arg {
            Some(LangArg::Zh) => Lang::Zh,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        }
    }
}

/// Both ends of the terminal are a terminal (not a pipe, not a file).
pub fn interactive() -> bool {
    io::stdout().is_terminal() && io::stdin().is_terminal()
}

pub fn run(args: &TuiArgs, lang: Lang, err: &mut dyn Write) -> io::Result<Outcome> {
    if !interactive() {
        writeln!(err, "{}", needs_terminal(lang))?;
        return Ok(Outcome::Trouble);
    }
    open_and_run(
        &args.school,
        args.plan.as_deref(),
        lang,
        args.time_limit.map(f64::from),
        err,
    )
}

/// `kehou` with no command, on a terminal: the school opened last, else the demo.
pub fn run_default(lang: Lang, err: &mut dyn Write) -> io::Result<Outcome> {
    let last = crate::tui::state::load().last_school.filter(|p| p.exists());
    let school = last.or_else(demo_school_path);
    if let Some(path) = school {
        return open_and_run(&path, None, lang, None, err);
    }
    // No demo on disk (an installed binary): the same school, in memory,
    // saved beside wherever kehou was started.
    let school = kehou_solver::generate::generate(kehou_solver::generate::Size::Medium, 2026);
    let path = PathBuf::from("demo.school.ron");
    let mut doc = Doc::new(school, None, path.clone(), plan_path_for(&path));
    // Not read from disk: whatever is there under these names is someone
    // else's, and a save asks before replacing it.
    doc.on_disk = Some(OnDisk {
        school: Digest::ABSENT,
        plan: Digest::ABSENT,
    });
    finish(crate::tui::run(App::new(doc, lang)), lang, err)
}

/// The demo school beside the current folder or the source tree.
pub fn demo_school_path() -> Option<PathBuf> {
    [
        PathBuf::from("data/demo/demo.school.ron"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/demo.school.ron"),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

fn open_and_run(
    school_path: &Path,
    plan_path: Option<&Path>,
    lang: Lang,
    time_limit: Option<f64>,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let (school, school_digest) = match files::read_school(school_path) {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "{}", crate::words::errors::file(&e, lang))?;
            return Ok(Outcome::Trouble);
        }
    };
    let plan_path = plan_path.map_or_else(|| plan_path_for(school_path), Path::to_owned);
    let (plan, plan_digest) = if plan_path.exists() {
        match files::read_plan(&plan_path) {
            Ok((p, d)) => (Some(p), d),
            Err(e) => {
                writeln!(err, "{}", crate::words::errors::file(&e, lang))?;
                return Ok(Outcome::Trouble);
            }
        }
    } else {
        (None, Digest::ABSENT)
    };
    // Not being able to remember the school is no reason not to open it.
    let _ = crate::tui::state::remember_school(school_path);
    let mut doc = Doc::new(school, plan, school_path.to_owned(), plan_path);
    doc.on_disk = Some(OnDisk {
        school: school_digest,
        plan: plan_digest,
    });
    let mut app = App::new(doc, lang);
    if let Some(s) = time_limit {
        app.solve_seconds = s.max(1.0);
    }
    finish(crate::tui::run(app), lang, err)
}

fn finish(result: io::Result<()>, lang: Lang, err: &mut dyn Write) -> io::Result<Outcome> {
    match result {
        Ok(()) => Ok(Outcome::Clean),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            match lang {
                Lang::Zh => writeln!(err, "kehou：已中断")?,
                Lang::En => writeln!(err, "kehou: {e}")?,
            }
            Ok(Outcome::Trouble)
        }
        Err(e) => {
            match lang {
                Lang::Zh => writeln!(
                    err,
                    "kehou：终端出错：{}",
                    crate::words::errors::io(&e, lang)
                )?,
                Lang::En => writeln!(err, "kehou: the terminal failed: {e}")?,
            }
            Ok(Outcome::Trouble)
        }
    }
}
