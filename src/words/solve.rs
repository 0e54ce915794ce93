//! How a solve went, in words a deputy head understands: not "feasible, gap
//! 89.9%" but whether the rota is proven the fairest, and what a longer
//! search might do.

use kehou_solver::plan::{SolveReport, SolveStatus};

use super::Lang;

/// The solve's status in words.
pub fn status(solve: &SolveReport, lang: Lang) -> String {
    let minimal = solve.changes.is_some_and(|c| !c.fresh);
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
        assert_eq!(term("late_evenness", Lang::Zh), "弹性离校均衡");
    }
}
