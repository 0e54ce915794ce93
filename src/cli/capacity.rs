//! `kehou capacity SCHOOL [PLAN]`: what would it take? The fewest extra
//! adults, of which kind, that would cover every post (a short shopping
//! list), what no person fixes, and — for a school with more than enough —
//! the helpers' days not needed. `-o` writes the school with the proposed
//! people added (拟招募 1, …), so a solve shows the rota with them.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use kehou_solver::capacity::{self, CapacityOptions, Prices};
use kehou_solver::model::StaffKind;
use kehou_solver::validate::{self, Severity};
use kehou_solver::{Plan, School};

use super::{hold, Outcome};
use crate::capacity::{report, Detail, Tone};
use crate::files;
use crate::files::guard::Output;
use crate::tui::text::{fill, Lang};

#[derive(Debug, Args)]
pub struct CapacityArgs {
    #[arg(value_name = "SCHOOL", help = "The *.school.ron file")]
    pub school: PathBuf,
    #[arg(
        value_name = "PLAN",
        help = "A plan of the school: what it leaves short, and the helpers' days it uses"
    )]
    pub plan: Option<PathBuf>,
    #[arg(
        short,
        long,
        value_name = "FILE",
        help = "Write the school with the proposed people added (a new *.school.ron)"
    )]
    pub output: Option<PathBuf>,
    #[arg(
        long,
        value_name = "KIND=N",
        value_delimiter = ',',
        help = "How hard a kind is to find, e.g. coach=8 (0: never propose it); kinds: teacher, leader, retired, parent, community, coach"
    )]
    pub price: Vec<String>,
    #[arg(
        long,
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u32).range(1..=3600),
        help = "Time for each search, 1 to 3600 seconds (default 20)"
    )]
    pub time_limit: Option<u32>,
    #[arg(
        long,
        requires = "output",
        help = "Replace FILE if it exists (the old one is kept as FILE.bak)"
    )]
    pub force: bool,
}

pub fn run(
    args: &CapacityArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let prices = match prices(&args.price) {
        Ok(p) => p,
        Err(bad) => {
            writeln!(err, "{}", fill(said(lang, BAD_PRICE), &[&bad]))?;
            return Ok(Outcome::Trouble);
        }
    };
    let mut inputs: Vec<&Path> = vec![&args.school];
    inputs.extend(args.plan.as_deref());
    if let Some(output) = &args.output {
        if !hold::output_ok(output, Output::School, &inputs, lang, err)? {
            return Ok(Outcome::Trouble);
        }
    }
    // Held from before the existence check to the save: a second kehou
    // writing the same file waits.
    let locks = match &args.output {
        Some(output) => match hold::lock(&[output], lang, err)? {
            Some(locks) => Some(locks),
            None => return Ok(Outcome::Trouble),
        },
        None => None,
    };
    if let Some(output) = args.output.as_ref().filter(|o| o.exists() && !args.force) {
        writeln!(err, "{}", fill(said(lang, EXISTS), &[&output.display()]))?;
        return Ok(Outcome::Trouble);
    }
    let Some((school, plan)) = load(args, lang, err)? else {
        return Ok(Outcome::Trouble);
    };
    let errors = validate::validate(&school)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        writeln!(
            err,
            "{}",
            fill(said(lang, HAS_ERRORS), &[&errors, &args.school.display()])
        )?;
        return Ok(Outcome::Problems);
    }
    let options = CapacityOptions {
        prices,
        time_limit_seconds: f64::from(args.time_limit.unwrap_or(20)),
    };
    let found = capacity::capacity(&school, plan.as_ref(), &options);
    let unmet = plan.as_ref().map(|p| p.unmet().count());
    for line in report(&found, &school, unmet, lang, Detail::Full) {
        let mark = match line.tone {
            Tone::Heading | Tone::Good | Tone::Note => "",
            Tone::Item => "  - ",
            Tone::Bad => "  ✗ ",
        };
        writeln!(out, "{mark}{}", line.text)?;
    }
    let short = !found.short.is_empty() || !found.unfixable.is_empty();
    let mut outcome = if short {
        Outcome::Problems
    } else {
        Outcome::Clean
    };
    if let Some(output) = &args.output {
        outcome = outcome.worst(save(output, &school, &found, lang, err)?);
    }
    drop(locks);
    Ok(outcome)
}

/// A message in both languages: (中文, English).
type Said = (&'static str, &'static str);

fn said(lang: Lang, (zh, en): Said) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

const BAD_PRICE: Said = (
    "--price {}：请写成 类别=数，类别为 教师、领导、退休教师、家长志愿者、社区志愿者、教练 之一，数为整数（0：不建议这一类）",
    "--price {}: write KIND=N with KIND one of teacher, leader, retired, parent, community, coach and N a whole number (0: never propose that kind)",
);
const EXISTS: Said = (
    "{} 已存在：kehou capacity -o 写的是新的学校文件；请换一个名字，或加 --force 替换（旧文件另存为 .bak）；什么都没有写",
    "{} exists: kehou capacity -o writes a new school file; give another name, or --force to replace it (the old one is kept as .bak); nothing was written",
);
const HAS_ERRORS: Said = (
    "有 {} 个错误（在 {} 中）：kehou check 会列出；请先改正",
    "{} error(s) in {}: kehou check lists them; fix them first",
);

/// `--price coach=8,teacher=0` over the defaults.
fn prices(given: &[String]) -> Result<Prices, String> {
    let mut prices = Prices::default();
    for item in given.iter().filter(|s| !s.trim().is_empty()) {
        let (kind, n) = item.split_once('=').ok_or_else(|| item.clone())?;
        let kind = StaffKind::from_code(kind).ok_or_else(|| item.clone())?;
        let n: u32 = n.trim().parse().map_err(|_| item.clone())?;
        prices.set(kind, Some(n));
    }
    Ok(prices)
}

fn load(
    args: &CapacityArgs,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<(School, Option<Plan>)>> {
    let school = match files::load_school(&args.school) {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "{}", crate::words::errors::file(&e, lang))?;
            return Ok(None);
        }
    };
    let plan = match &args.plan {
        None => None,
        Some(path) => match files::load_plan(path) {
            Ok(p) => Some(p),
            Err(e) => {
                writeln!(err, "{}", crate::words::errors::file(&e, lang))?;
                return Ok(None);
            }
        },
    };
    if plan
        .as_ref()
        .is_some_and(|p| p.school_fingerprint != school.fingerprint())
    {
        writeln!(err, "{}", said(lang, STALE))?;
    }
    Ok(Some((school, plan)))
}

const STALE: Said = (
    "注意：方案是按学校较早的版本做的；名单按学校现在的样子算出",
    "note: the plan was made for an earlier version of the school; the list is worked out from the school as it is now",
);

/// Writes the school with the proposed people (locked, atomic; never over
/// an input).
fn save(
    output: &Path,
    school: &School,
    found: &capacity::Capacity,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let (nothing, saved) = match lang {
        Lang::Zh => (
            "没有需要补充的人员：未写入 {}",
            "已保存 {}：学校加上 {} 名拟招募人员（拟招募 1 …）；排班看看：kehou solve {} -o PLAN",
        ),
        Lang::En => (
            "nobody to add: {} not written",
            "saved {}: the school with {} proposed people (拟招募 1 …); see the rota with them: kehou solve {} -o PLAN",
        ),
    };
    if found.hires.is_empty() {
        writeln!(err, "{}", fill(nothing, &[&output.display()]))?;
        return Ok(Outcome::Clean);
    }
    let proposal = capacity::proposal(school, found);
    if let Err(e) = files::save_school(output, &proposal) {
        writeln!(err, "{}", crate::words::errors::file(&e, lang))?;
        return Ok(Outcome::Trouble);
    }
    let shown = output.display();
    writeln!(err, "{}", fill(saved, &[&shown, &found.people(), &shown]))?;
    Ok(Outcome::Clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_are_read_as_kind_equals_number_in_either_language() {
        let p = prices(&["coach=8".into(), "教师=0".into()]).unwrap();
        assert_eq!(p.get(StaffKind::Coach), Some(8));
        assert_eq!(p.get(StaffKind::Teacher), None);
        assert_eq!(
            p.get(StaffKind::Parent),
            Prices::default().get(StaffKind::Parent)
        );
        assert_eq!(prices(&["coach".into()]), Err("coach".to_owned()));
        assert_eq!(prices(&["wizard=3".into()]), Err("wizard=3".to_owned()));
        assert_eq!(prices(&["coach=-1".into()]), Err("coach=-1".to_owned()));
    }
}
