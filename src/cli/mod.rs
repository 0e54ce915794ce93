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
pub mod help;
mod hold;
mod import;
mod overview;
pub mod parse;
mod roster;
mod solve;
pub mod text;
mod tui;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::words::Lang;

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

/// The command line. Its words (what each command and option is for) are
/// in `help`, in both languages; `parse` reads it in the language asked for.
#[derive(Debug, Parser)]
#[command(name = "kehou", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language of everything kehou says, for every command.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

impl Cli {
    /// The language asked for: `--lang`, else the locale, else Chinese.
    pub fn language(&self) -> Lang {
        LangArg::resolve(self.lang)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Demo(DemoArgs),
    Check(CheckArgs),
    Solve(SolveArgs),
    Export(ExportArgs),
    Import(ImportArgs),
    Bench(BenchArgs),
    Roster(RosterArgs),
    Absent(AbsentArgs),
    Candidates(CandidatesArgs),
    Cover(CoverArgs),
    Capacity(CapacityArgs),
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

/// Reads the program's command line in the language it asks for, and runs it.
pub fn main() -> Outcome {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let lang = Lang::from_args(&args);
    match parse::parse(&args, lang) {
        parse::Parsed::Run(cli) => run(&cli),
        parse::Parsed::Say { text, stdout, code } => {
            let said = if stdout {
                io::stdout().lock().write_all(text.as_bytes())
            } else {
                io::stderr().lock().write_all(text.as_bytes())
            };
            match (said, code) {
                (Err(_), _) | (_, 2) => Outcome::Trouble,
                _ => Outcome::Clean,
            }
        }
    }
}

/// Runs a parsed command line against the real standard output and error.
pub fn run(cli: &Cli) -> Outcome {
    // No command on a terminal opens the terminal UI; piped (`kehou | head`),
    // the overview text.
    let (mut out, mut err) = streams();
    if cli.command.is_none() && tui::interactive() {
        return tui::run_default(cli.language(), &mut err).unwrap_or(Outcome::Trouble);
    }
    let result = run_with(cli, &mut out, &mut err).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    result.unwrap_or_else(|e| {
        let _ = writeln!(err, "{}", text::cannot_write_output(cli.language(), &e));
        Outcome::Trouble
    })
}

/// A command's standard output and error, each taken for one write at a
/// time, never held: a solver thread that writes to them (a diagnostic, a
/// panic message) must not wait for the command to end while the command
/// waits for the thread.
fn streams() -> (Stdout, io::Stderr) {
    (Stdout::default(), io::stderr())
}

/// Runs a parsed command line; what it says goes to `out`, file errors to `err`.
pub fn run_with(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    let lang = cli.language();
    match &cli.command {
        Some(Command::Demo(args)) => demo::run(args, lang, out, err),
        Some(Command::Check(args)) => check::run(args, lang, out, err),
        Some(Command::Solve(args)) => solve::run(args, lang, out, err),
        Some(Command::Export(args)) => export::run(args, lang, out, err),
        Some(Command::Import(args)) => import::run(args, lang, out, err),
        Some(Command::Bench(args)) => bench::run(args, out, err),
        Some(Command::Roster(args)) => roster::run(args, lang, out, err),
        Some(Command::Absent(args)) => absent::run(args, lang, out, err),
        Some(Command::Candidates(args)) => cover::candidates(args, lang, out, err),
        Some(Command::Cover(args)) => cover::cover(args, lang, out, err),
        Some(Command::Capacity(args)) => capacity::run(args, lang, out, err),
        Some(Command::Tui(args)) => tui::run(args, lang, err),
        None => overview::run(lang, out),
    }
}

/// Standard output, taken for each write (as standard error is,
/// `streams`), so other threads can write too. It takes a closed pipe
/// (`kehou check … | head`) as the reader having seen enough: the rest is
/// dropped quietly and the exit status still says how the check went.
struct Stdout {
    inner: io::Stdout,
    closed: bool,
}

impl Default for Stdout {
    fn default() -> Self {
        Stdout {
            inner: io::stdout(),
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

    /// While a command runs with its standard output and error, a solver
    /// thread can still write to both (until December 2026 the command held
    /// their locks, and a thread's `eprintln!` waited forever).
    #[test]
    fn other_threads_can_write_while_a_command_runs() {
        let (mut out, mut err) = streams();
        out.write_all(b"")
            .and_then(|()| err.write_all(b""))
            .unwrap();
        let (done, wait) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // Straight to the streams, past the test harness's capture.
            let wrote = io::stdout()
                .write_all(b"")
                .and_then(|()| io::stderr().write_all(b""));
            let _ = done.send(wrote.is_ok());
        });
        let wrote = wait.recv_timeout(std::time::Duration::from_secs(10));
        assert_eq!(wrote, Ok(true), "the other thread could not write");
        out.write_all(b"")
            .and_then(|()| err.write_all(b""))
            .unwrap();
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
        let cli = Cli::try_parse_from(["kehou", "--lang", "en"]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_with(&cli, &mut out, &mut err).unwrap(), Outcome::Clean);
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("阳光实验小学"), "{out}");
        assert!(out.contains("check: no errors"), "{out}");
        assert!(out.contains("solve data/demo/demo.school.ron"), "{out}");
        assert!(err.is_empty());
    }
}
