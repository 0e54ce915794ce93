//! The `kehou` program: the command line in `kehou::cli`, and nothing else here.

use std::process::ExitCode;

use kehou::cli;

fn main() -> color_eyre::Result<ExitCode> {
    // First, so that a panic anywhere is reported readably. The terminal UI
    // then calls `ratatui::try_init`, which wraps this panic hook with one
    // that restores the terminal first: a panic in the UI leaves a usable
    // shell and color-eyre's report on it (the other order would print the
    // report into the alternate screen, then wipe it).
    color_eyre::install()?;
    Ok(cli::main().into())
}
