//! `kehou demo`: make a demo school and save it.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use kehou_solver::generate::{self, Profile, Size};

use super::{hold, text, Outcome};
use crate::files;
use crate::files::guard::Output;
use crate::words::{errors, Lang};

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, value_enum, default_value_t = DemoSize::Medium)]
    pub size: DemoSize,
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    #[arg(long, value_enum, default_value_t = DemoProfile::Demo)]
    pub profile: DemoProfile,
    #[arg(short, long)]
    pub output: PathBuf,
    #[arg(long)]
    pub force: bool,
}

/// The generator's sizes, as the command line spells them (小 中 大 too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoSize {
    #[value(alias = "小", help = "about 12 classes")]
    Small,
    #[value(
        alias = "中",
        help = "about 24 classes, 1,000 students and 60 teachers"
    )]
    Medium,
    #[value(alias = "大", help = "about 60 classes and 180 staff")]
    Large,
}

/// The generator's profiles, as the command line spells them (演示 真实 too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoProfile {
    #[value(alias = "演示", help = "staff with room to spare (the demo)")]
    Demo,
    #[value(
        alias = "真实",
        help = "as real schools are: teaching-research afternoons per grade band, caps of 2-5 posts a week, part-timers, a thin Thursday"
    )]
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

pub fn run(
    args: &DemoArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    if !hold::output_ok(&args.output, Output::School, &[], lang, err)? {
        return Ok(Outcome::Trouble);
    }
    let Some(_locks) = hold::lock(&[&args.output], lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    // A demo is made to be thrown away; the file it would replace may be a
    // real school, so replacing one is asked for, never assumed.
    if args.output.exists() && !args.force {
        let asked = io::stdin().is_terminal() && io::stderr().is_terminal();
        if !asked || !confirm(&args.output, lang, err)? {
            writeln!(err, "{}", text::demo::exists(lang, &args.output))?;
            return Ok(Outcome::Trouble);
        }
    }
    let school = generate::generate_with(args.size.into(), args.profile.into(), args.seed);
    if let Err(e) = files::save_school(&args.output, &school) {
        writeln!(err, "{}", errors::file(&e, lang))?;
        return Ok(Outcome::Trouble);
    }
    writeln!(out, "{}", text::demo::saved(lang, &args.output, &school))?;
    Ok(Outcome::Clean)
}

fn confirm(path: &Path, lang: Lang, err: &mut dyn Write) -> io::Result<bool> {
    write!(err, "{}", text::demo::replace_question(lang, path))?;
    err.flush()?;
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    Ok(text::is_yes(&line))
}
