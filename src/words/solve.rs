//! How a solve went, in words a deputy head understands: not "feasible, gap
//! 89.9%" but whether the rota is proven the fairest, and what a longer
//! search might do.

use kehou_solver::plan::{FairBand, Holder, SolveReport, SolveStatus};

use super::{Lang, Names};

/// The solve's status in words.
pub fn status(solve: &SolveReport, lang: Lang) -> String {
    let minimal = solve.changes.is_some_and(|c| !c.fresh);
    // Phase 2 optimises inside the fairest band found (docs/model.md §5.3):
    // its proof is "the fairest" only when the band itself is proven.
    let band_open = solve
        .band
        .as_ref()
        .is_some_and(|b| !(b.heaviest_proven() && b.lightest_proven()));
    match (lang, solve.status) {
        (Lang::Zh, SolveStatus::NotSolved) => "还没有排班".to_owned(),
        (Lang::En, SolveStatus::NotSolved) => "not solved yet".to_owned(),
        (Lang::Zh, SolveStatus::NoPlan) => "没有找到方案".to_owned(),
        (Lang::En, SolveStatus::NoPlan) => "no plan found".to_owned(),
        (Lang::Zh, SolveStatus::Optimal) if minimal => {
            "在改动不超过这么多的方案中，已证明是最公平的".to_owned()
        }
        (Lang::En, SolveStatus::Optimal) if minimal => {
            "proven the fairest of the plans that change no more than this".to_owned()
        }
        (Lang::Zh, SolveStatus::Optimal) if band_open => {
            "在找到的负担范围内已证明最好；这个范围是否还能更窄，尚未证明".to_owned()
        }
        (Lang::En, SolveStatus::Optimal) if band_open => {
            "proven the best within the band of loads found; not proven that no band is narrower"
                .to_owned()
        }
        (Lang::Zh, SolveStatus::Optimal) => "已证明是最公平的方案".to_owned(),
        (Lang::En, SolveStatus::Optimal) => "proven the fairest plan".to_owned(),
        (lang, SolveStatus::Feasible) => feasible(solve.gap, lang),
    }
}

/// A plan the time limit came before the proof of: how close to the
/// fairest it is known to be, in words.
fn feasible(gap: Option<f64>, lang: Lang) -> String {
    let close = gap.map(|g| {
        if g < 0.01 {
            0
        } else if g < 0.1 {
            1
        } else {
            2
        }
    });
    match (lang, close) {
        (Lang::Zh, Some(0)) => "可以使用；几乎可以肯定已是最公平的（没来得及完全证明）".to_owned(),
        (Lang::Zh, Some(1)) => "可以使用；已接近最公平，排班时间更长可能再公平一点".to_owned(),
        (Lang::Zh, _) => "可以使用；还没证明是最公平的，排班时间更长可能更公平".to_owned(),
        (Lang::En, Some(0)) => {
            "ready to use; almost surely the fairest (time ran out before the proof)".to_owned()
        }
        (Lang::En, Some(1)) => {
            "ready to use; close to the fairest, a longer solve may make it a little fairer"
                .to_owned()
        }
        (Lang::En, _) => {
            "ready to use; not proven the fairest, a longer solve may make it fairer".to_owned()
        }
    }
}

/// A term of the objective by its name in the plan (`fairness`).
pub fn term(name: &str, lang: Lang) -> String {
    let words = match name {
        "unmet" => ("缺人", "unmet"),
        "fairness" => ("公平性", "fairness"),
        "late_evenness" => ("弹性离校均衡", "late-duty evenness"),
        "duty_leader_evenness" => ("值班领导均衡", "duty-leader evenness"),
        "preferences" => ("个人意愿", "preferences"),
        "idle_gaps" => ("空档", "idle gaps"),
        "stability" => ("稳定性", "stability"),
        other => return other.to_owned(),
    };
    match lang {
        Lang::Zh => words.0.to_owned(),
        Lang::En => words.1.to_owned(),
    }
}

/// Minutes a week as a person reads a load: `2小时35分`, `2 h 35`, `45 min`.
pub fn duration(minutes: f64, lang: Lang) -> String {
    // A load is a few hours a week: the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let m = minutes.round().max(0.0) as u64;
    match (lang, m < 60) {
        (Lang::Zh, true) => format!("{m}分"),
        (Lang::En, true) => format!("{m} min"),
        (Lang::Zh, false) => format!("{}小时{:02}分", m / 60, m % 60),
        (Lang::En, false) => format!("{} h {:02}", m / 60, m % 60),
    }
}

/// The fairest band in words (docs/model.md §5.3): what the heaviest and
/// the lightest teacher carry a week, and what is proven about the heaviest.
pub fn band(band: &FairBand, lang: Lang) -> String {
    let (heaviest, lightest) = (duration(band.heaviest, lang), duration(band.lightest, lang));
    let proof = match (lang, band.heaviest_proven(), band.heaviest_bound) {
        (Lang::Zh, true, _) => "没有任何排法能让最重的更轻（已证明）".to_owned(),
        (Lang::En, true, _) => "no rota could make the heaviest lighter (proven)".to_owned(),
        (Lang::Zh, false, Some(b)) => {
            format!("任何排法的最重都不会低于 {}（已证明）", duration(b, lang))
        }
        (Lang::En, false, Some(b)) => {
            format!("no rota's heaviest is below {} (proven)", duration(b, lang))
        }
        (Lang::Zh, false, None) => "尚未证明最重能否更轻".to_owned(),
        (Lang::En, false, None) => "not proven whether the heaviest could be lighter".to_owned(),
    };
    match lang {
        Lang::Zh => format!("最重每周 {heaviest}，最轻 {lightest}；{proof}"),
        Lang::En => format!("heaviest {heaviest} a week, lightest {lightest}; {proof}"),
    }
}

/// Who is held below the band by their own limits (at most five named),
/// or `None` when nobody is.
pub fn held_below(band: &FairBand, names: &Names<'_>, lang: Lang) -> Option<String> {
    if band.held_below.is_empty() {
        return None;
    }
    let who: Vec<String> = band
        .held_below
        .iter()
        .take(5)
        .map(|h| {
            let name = names.person_of(&h.staff);
            let most = duration(h.reachable, lang);
            match (lang, h.because) {
                (Lang::Zh, Holder::CapPerWeek(n)) => {
                    format!("{name}（每周最多 {most}：每周上限 {n} 个岗位）")
                }
                (Lang::En, Holder::CapPerWeek(n)) => {
                    format!("{name} (at most {most} a week: a cap of {n} posts a week)")
                }
                (Lang::Zh, Holder::Availability) => {
                    format!("{name}（每周最多 {most}：受可值班时间所限）")
                }
                (Lang::En, Holder::Availability) => {
                    format!("{name} (at most {most} a week: their availability)")
                }
            }
        })
        .collect();
    let more = band.held_below.len().saturating_sub(5);
    Some(match lang {
        Lang::Zh => {
            let tail = if more > 0 {
                format!("，另有 {more} 人")
            } else {
                String::new()
            };
            format!(
                "受自身限制低于这个范围，不算最轻的：{}{tail}",
                who.join("、")
            )
        }
        Lang::En => {
            let tail = if more > 0 {
                format!(", and {more} more")
            } else {
                String::new()
            };
            format!(
                "held below by their own limits, so not the lightest: {}{tail}",
                who.join(", ")
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_said_in_words_never_as_a_percentage() {
        let mut solve = SolveReport {
            status: SolveStatus::Feasible,
            gap: Some(0.899),
            ..SolveReport::default()
        };
        let zh = status(&solve, Lang::Zh);
        assert!(zh.contains("还没证明是最公平的"), "{zh}");
        assert!(!zh.contains('%'));
        solve.gap = Some(0.004);
        assert!(status(&solve, Lang::En).contains("almost surely the fairest"));
        solve.status = SolveStatus::Optimal;
        assert_eq!(status(&solve, Lang::Zh), "已证明是最公平的方案");
        // Optimal inside a band not proven: not "the fairest".
        solve.band = Some(FairBand {
            heaviest: 150.0,
            heaviest_bound: Some(135.0),
            lightest: 130.0,
            resolution: 1.0,
            ..FairBand::default()
        });
        let zh = status(&solve, Lang::Zh);
        assert!(
            zh.contains("负担范围内已证明最好") && !zh.contains("最公平"),
            "{zh}"
        );
        assert!(status(&solve, Lang::En).contains("within the band"));
        // Both ends of the band proven: the fairest.
        solve.band = Some(FairBand {
            heaviest: 150.0,
            heaviest_bound: Some(150.0),
            lightest: 130.0,
            lightest_bound: Some(130.0),
            resolution: 1.0,
            ..FairBand::default()
        });
        assert_eq!(status(&solve, Lang::En), "proven the fairest plan");
        assert_eq!(term("late_evenness", Lang::Zh), "弹性离校均衡");
    }
}
