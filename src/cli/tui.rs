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

pub const TUI_ABOUT: &str = "Open the terminal UI on a school (the default with no command)";
pub const TUI_LONG_ABOUT: &str = "Opens the interactive rota editor on SCHOOL and its plan (PLAN, else \
NAME.plan.ron beside NAME.school.ron; an unsolved plan if there is none). Look at the rota, edit the \
school, solve in the background, lock and hand-edit posts, undo, save with Ctrl-S; ? shows the keys. \
`kehou` alone opens the school opened last, else the demo school. The language is --lang, else the \
locale (LC_ALL, LC_MESSAGES, LANG: zh… is Chinese, anything else English), else Chinese.";
pub const TUI_EXAMPLES: &str =
    "Examples:\n  kehou tui data/demo/demo.school.ron\n  kehou tui school.school.ron --lang en\n  kehou";
const NEEDS_TERMINAL: &str =
    "kehou tui needs a terminal; for scripts use `kehou check`, `kehou solve` and `kehou export`";

#[derive(Debug, Args)]
pub struct TuiArgs {
    #[arg(value_name = "SCHOOL", help = "The *.school.ron file")]
    pub school: PathBuf,
    #[arg(
        value_name = "PLAN",
        help = "The plan file (default: NAME.plan.ron beside the school)"
    )]
    pub plan: Option<PathBuf>,
    #[arg(
        long,
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u32).range(1..=86_400),
        help = "Time limit of solves started in the UI, 1 to 86400 seconds (default: the school's)"
    )]
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
        writeln!(err, "{NEEDS_TERMINAL}")?;
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
    finish(crate::tui::run(App::new(doc, lang)), err)
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
            writeln!(err, "{e}")?;
            return Ok(Outcome::Trouble);
        }
    };
    let plan_path = plan_path.map_or_else(|| plan_path_for(school_path), Path::to_owned);
    let (plan, plan_digest) = if plan_path.exists() {
        match files::read_plan(&plan_path) {
            Ok((p, d)) => (Some(p), d),
            Err(e) => {
                writeln!(err, "{e}")?;
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
    finish(crate::tui::run(app), err)
}

fn finish(result: io::Result<()>, err: &mut dyn Write) -> io::Result<Outcome> {
    match result {
        Ok(()) => Ok(Outcome::Clean),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            writeln!(err, "kehou: {e}")?;
            Ok(Outcome::Trouble)
        }
        Err(e) => {
            writeln!(err, "kehou: the terminal failed: {e}")?;
            Ok(Outcome::Trouble)
        }
    }
}
