//! `kehou demo`: make a demo school and save it.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use kehou_solver::generate::{self, Profile, Size};

use super::{hold, text, Outcome};
use crate::files;
use crate::files::guard::Output;

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, value_enum, default_value_t = DemoSize::Medium, help = text::DEMO_SIZE_HELP)]
    pub size: DemoSize,
    #[arg(long, value_name = "N", default_value_t = 2026, help = text::DEMO_SEED_HELP)]
    pub seed: u64,
    #[arg(long, value_enum, default_value_t = DemoProfile::Demo, help = text::DEMO_PROFILE_HELP)]
    pub profile: DemoProfile,
    #[arg(short, long, value_name = "FILE", help = text::DEMO_OUTPUT_HELP)]
    pub output: PathBuf,
    #[arg(long, help = text::DEMO_FORCE_HELP)]
    pub force: bool,
}

/// The generator's sizes, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoSize {
    #[value(help = text::DEMO_SIZE_SMALL)]
    Small,
    #[value(help = text::DEMO_SIZE_MEDIUM)]
    Medium,
    #[value(help = text::DEMO_SIZE_LARGE)]
    Large,
}

/// The generator's profiles, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoProfile {
    #[value(help = text::DEMO_PROFILE_DEMO)]
    Demo,
    #[value(help = text::DEMO_PROFILE_REALISTIC)]
    Realistic,
}

impl From<DemoProfile> for Profile {
    fn from(profile: DemoProfile) -> Profile {
        match profile {
            DemoProfile::Demo => Profile::Demo,
            DemoProfile::Realistic => Profile::Realistic,
        }
    }
}

impl From<DemoSize> for Size {
    fn from(size: DemoSize) -> Size {
        match size {
            DemoSize::Small => Size::Small,
            DemoSize::Medium => Size::Medium,
            DemoSize::Large => Size::Large,
        }
    }
}

pub fn run(args: &DemoArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    if !hold::output_ok(&args.output, Output::School, &[], err)? {
        return Ok(Outcome::Trouble);
    }
    let Some(_locks) = hold::lock(&[&args.output], err)? else {
        return Ok(Outcome::Trouble);
    };
    // A demo is made to be thrown away; the file it would replace may be a
    // real school, so replacing one is asked for, never assumed.
    if args.output.exists() && !args.force {
        let asked = io::stdin().is_terminal() && io::stderr().is_terminal();
        if !asked || !confirm(&args.output, err)? {
            writeln!(err, "{}", text::demo_exists(&args.output))?;
            return Ok(Outcome::Trouble);
        }
    }
    let school = generate::generate_with(args.size.into(), args.profile.into(), args.seed);
    if let Err(e) = files::save_school(&args.output, &school) {
        writeln!(err, "{e}")?;
        return Ok(Outcome::Trouble);
    }
    writeln!(out, "{}", text::demo_saved(&args.output, &school))?;
    Ok(Outcome::Clean)
}

fn confirm(path: &Path, err: &mut dyn Write) -> io::Result<bool> {
    write!(err, "{}", text::demo_replace_question(path))?;
    err.flush()?;
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    Ok(matches!(line.trim(), "y" | "Y" | "yes" | "是"))
}
