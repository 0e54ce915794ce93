//! `kehou candidates` and `kehou cover`: who could take a place on a post on
//! one date, ranked, with what each would break; and the deputy head's own
//! choice among them, recorded as decided by hand.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use kehou_solver::repair;

use super::absent::{diff, load_both, save_if_accepted};
use super::roster::{staff_id, table, who};
use super::text::absent as text;
use super::{hold, Outcome};
use crate::words::{self, Lang, Names};

#[derive(Debug, Args)]
pub struct CandidatesArgs {
    pub school: PathBuf,
    pub plan: PathBuf,
    #[arg(long)]
    pub date: NaiveDate,
    #[arg(long)]
    pub post: String,
    #[arg(long)]
    pub out: Option<String>,
    #[arg(long, default_value_t = 15)]
    pub top: usize,
}

#[derive(Debug, Args)]
pub struct CoverArgs {
    pub school: PathBuf,
    pub plan: PathBuf,
    #[arg(long)]
    pub date: NaiveDate,
    #[arg(long)]
    pub post: String,
    #[arg(long)]
    pub out: Option<String>,
    #[arg(long)]
    pub staff: String,
    #[arg(short, long)]
    pub yes: bool,
}

pub fn candidates(
    args: &CandidatesArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let Some((school, plan)) = load_both(&args.school, &args.plan, lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    if plan.school_fingerprint != school.fingerprint() {
        writeln!(err, "{}", text::stale(lang, &args.plan))?;
        return Ok(Outcome::Problems);
    }
    let names = Names::new(lang, &school, Some(&plan));
    let away = args.out.as_deref().map(|o| staff_id(&school, o));
    let (role, ranked) =
        match repair::candidates(&school, &plan, args.date, &args.post, away.as_ref()) {
            Ok(r) => r,
            Err(e) => {
                writeln!(err, "{}", words::repair::error(&e, &names))?;
                return Ok(Outcome::Problems);
            }
        };
    writeln!(
        out,
        "{}\n",
        text::candidates_title(
            &names,
            &names.post_id(&args.post),
            args.date,
            role,
            ranked.len()
        )
    )?;
    let mut rows = vec![text::candidates_header(lang).map(String::from).to_vec()];
    for (i, c) in ranked.iter().take(args.top).enumerate() {
        let breaks = words::plan::breaks(&c.breaks, &names);
        rows.push(vec![
            (i + 1).to_string(),
            who(&names, &c.staff),
            text::on_site(lang, c.on_site).to_owned(),
            format!("{:+}", c.balance),
            if c.possible() {
                breaks
            } else {
                text::cannot(lang, &breaks)
            },
        ]);
    }
    write!(out, "{}", table(&rows))?;
    Ok(Outcome::Clean)
}

pub fn cover(
    args: &CoverArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    // Held from the read to the save, as for `kehou absent`.
    let Some(_locks) = hold::lock(&[&args.school, &args.plan], lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    let Some((school, plan)) = load_both(&args.school, &args.plan, lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    if plan.school_fingerprint != school.fingerprint() {
        writeln!(err, "{}", text::stale(lang, &args.plan))?;
        return Ok(Outcome::Problems);
    }
    let names = Names::new(lang, &school, Some(&plan));
    let away = args.out.as_deref().map(|o| staff_id(&school, o));
    let staff = staff_id(&school, &args.staff);
    let repair = match repair::choose(&school, &plan, args.date, &args.post, away.as_ref(), &staff)
    {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "{}", words::repair::error(&e, &names))?;
            return Ok(Outcome::Problems);
        }
    };
    write!(out, "{}", diff(&school, &repair, lang))?;
    save_if_accepted(
        &school, &plan, &repair, &args.plan, args.yes, lang, out, err,
    )
}
