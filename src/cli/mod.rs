//! The command line: `kehou demo`, `kehou check`, `kehou solve`, `kehou export`.
//! One file per command; every word shown to the user is in `text.rs`.
//!
//! Exit status, for every command: 0 done and nothing wrong (warnings allowed),
//! 1 done and something needs fixing, 2 the job could not be done (a file could
//! not be read or written, or the command line was wrong — clap uses 2 too),
//! 3 kehou found a bug in itself (a solved plan failed the independent checker).

mod absent;
mod bench;
mod bench_capacity;
mod bench_resolve;
mod capacity;
mod check;
mod cover;
mod demo;
mod export;
mod hold;
mod import;
mod overview;
mod roster;
mod solve;
pub mod text;
mod tui;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use absent::AbsentArgs;
pub use bench::BenchArgs;
pub use capacity::CapacityArgs;
pub use check::CheckArgs;
pub use cover::{CandidatesArgs, CoverArgs};
pub use demo::{DemoArgs, DemoSize};
pub use export::{ExportArgs, ExportFormat};
pub use import::ImportArgs;
pub use roster::{RosterArgs, RosterFormat};
pub use solve::SolveArgs;
pub use tui::{LangArg, TuiArgs};

#[derive(Debug, Parser)]
#[command(
    name = "kehou",
    version,
    about = text::ABOUT,
    long_about = text::LONG_ABOUT,
    after_help = text::EXAMPLES,
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The terminal UI's language when `kehou` runs with no command.
    #[arg(
        long,
        value_enum,
        help = "Language of the terminal UI (with no command)"
    )]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(
        about = text::DEMO_ABOUT,
        long_about = text::DEMO_LONG_ABOUT,
        after_help = text::DEMO_EXAMPLES,
    )]
    Demo(DemoArgs),
    #[command(
        about = text::CHECK_ABOUT,
        long_about = text::CHECK_LONG_ABOUT,
        after_help = text::CHECK_EXAMPLES,
    )]
    Check(CheckArgs),
    #[command(
        about = text::SOLVE_ABOUT,
        long_about = text::SOLVE_LONG_ABOUT,
        after_help = text::SOLVE_EXAMPLES,
    )]
    Solve(SolveArgs),
    #[command(
        about = text::EXPORT_ABOUT,
        long_about = text::EXPORT_LONG_ABOUT,
        after_help = text::EXPORT_EXAMPLES,
    )]
    Export(ExportArgs),
    #[command(
        about = import::IMPORT_ABOUT,
        long_about = import::IMPORT_LONG_ABOUT,
        after_help = import::IMPORT_EXAMPLES,
    )]
    Import(ImportArgs),
    #[command(about = bench::BENCH_ABOUT, long_about = bench::BENCH_LONG_ABOUT, after_help = bench::BENCH_EXAMPLES)]
    Bench(BenchArgs),
    #[command(about = roster::ROSTER_ABOUT, long_about = roster::ROSTER_LONG_ABOUT, after_help = roster::ROSTER_EXAMPLES)]
    Roster(RosterArgs),
    #[command(about = absent::ABSENT_ABOUT, long_about = absent::ABSENT_LONG_ABOUT, after_help = absent::ABSENT_EXAMPLES)]
    Absent(AbsentArgs),
    #[command(about = cover::CANDIDATES_ABOUT, long_about = cover::CANDIDATES_LONG_ABOUT, after_help = cover::CANDIDATES_EXAMPLES)]
    Candidates(CandidatesArgs),
    #[command(about = cover::COVER_ABOUT, long_about = cover::COVER_LONG_ABOUT, after_help = cover::COVER_EXAMPLES)]
    Cover(CoverArgs),
    #[command(about = capacity::CAPACITY_ABOUT, long_about = capacity::CAPACITY_LONG_ABOUT, after_help = capacity::CAPACITY_EXAMPLES)]
    Capacity(CapacityArgs),
    #[command(about = tui::TUI_ABOUT, long_about = tui::TUI_LONG_ABOUT, after_help = tui::TUI_EXAMPLES)]
    Tui(TuiArgs),
}

/// How a command ended; the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done, and nothing needs fixing (warnings allowed).
    Clean,
    /// Done, and something needs fixing: errors in a school, a stale plan.
    Problems,
    /// The job could not be done: a file could not be read or written.
    Trouble,
    /// kehou went wrong: a plan it made failed the independent checker.
    Bug,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Problems => 1,
            Outcome::Trouble => 2,
            Outcome::Bug => 3,
        }
    }

    /// The worse of two outcomes, for a command that does several things.
    pub fn worst(self, other: Outcome) -> Outcome {
        if other.code() > self.code() {
            other
        } else {
            self
        }
    }
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(outcome.code())
    }
}

/// Runs a parsed command line against the real standard output and error.
pub fn run(cli: &Cli) -> Outcome {
    // No command on a terminal opens the terminal UI; piped (`kehou | head`),
    // the overview text.
    if cli.command.is_none() && tui::interactive() {
        let mut err = io::stderr().lock();
        return tui::run_default(cli.lang, &mut err).unwrap_or(Outcome::Trouble);
    }
    let mut out = Stdout::default();
    let mut err = io::stderr().lock();
    let result = run_with(cli, &mut out, &mut err).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    result.unwrap_or_else(|e| {
        let _ = writeln!(err, "{}", text::cannot_write_output(&e));
        Outcome::Trouble
    })
}

/// Runs a parsed command line; what it says goes to `out`, file errors to `err`.
pub fn run_with(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    match &cli.command {
        Some(Command::Demo(args)) => demo::run(args, out, err),
        Some(Command::Check(args)) => check::run(args, out, err),
        Some(Command::Solve(args)) => solve::run(args, out, err),
        Some(Command::Export(args)) => export::run(args, out, err),
        Some(Command::Import(args)) => import::run(args, out, err),
        Some(Command::Bench(args)) => bench::run(args, out, err),
        Some(Command::Roster(args)) => roster::run(args, out, err),
        Some(Command::Absent(args)) => absent::run(args, out, err),
        Some(Command::Candidates(args)) => cover::candidates(args, out, err),
        Some(Command::Cover(args)) => cover::cover(args, out, err),
        Some(Command::Capacity(args)) => capacity::run(args, out, err),
        Some(Command::Tui(args)) => tui::run(args, err),
        None => overview::run(out),
    }
}

/// Standard output that takes a closed pipe (`kehou check … | head`) as the
/// reader having seen enough: the rest is dropped quietly and the exit status
/// still says how the check went.
struct Stdout {
    inner: io::StdoutLock<'static>,
    closed: bool,
}

impl Default for Stdout {
    fn default() -> Self {
        Stdout {
            inner: io::stdout().lock(),
            closed: false,
        }
    }
}

impl Stdout {
    fn absorb_closed_pipe<T>(&mut self, result: io::Result<T>, instead: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(instead)
            }
            other => other,
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.absorb_closed_pipe(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.absorb_closed_pipe(result, ())
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn exit_codes_are_the_documented_ones() {
        assert_eq!(Outcome::Clean.code(), 0);
        assert_eq!(Outcome::Problems.code(), 1);
        assert_eq!(Outcome::Trouble.code(), 2);
        assert_eq!(Outcome::Bug.code(), 3);
        assert_eq!(Outcome::Problems.worst(Outcome::Trouble), Outcome::Trouble);
        assert_eq!(Outcome::Trouble.worst(Outcome::Problems), Outcome::Trouble);
    }

    #[test]
    fn no_command_shows_the_demo_school() {
        let cli = Cli::try_parse_from(["kehou"]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_with(&cli, &mut out, &mut err).unwrap(), Outcome::Clean);
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("阳光实验小学"), "{out}");
        assert!(out.contains("check: no errors"), "{out}");
        assert!(out.contains("solve data/demo/demo.school.ron"), "{out}");
        assert!(err.is_empty());
    }
}
