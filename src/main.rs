//! The `kehou` program: the command line in `kehou::cli`, and nothing else here.

use std::process::ExitCode;

use clap::Parser;
use kehou::cli::{self, Cli};

fn main() -> color_eyre::Result<ExitCode> {
    // First, so that a panic anywhere is reported readably.
    color_eyre::install()?;
    let cli = Cli::parse();
    Ok(cli::run(&cli).into())
}
