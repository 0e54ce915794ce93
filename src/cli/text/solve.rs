//! The words of `kehou solve`.

use std::path::Path;

use kehou_solver::milp::Stats;
use kehou_solver::plan::Changes;
use kehou_solver::Plan;

use super::number;
use crate::export::summary::PlanSummary;
use crate::words::{self, Lang, Names};

/// Why `kehou solve` did not start.
pub fn refused(lang: Lang, errors: usize, school: &Path) -> String {
    let s = school.display();
    match lang {
        Lang::Zh => {
            format!("{errors} 个错误：没有排班；改正后再排班（kehou check {s} 列出所有问题）")
        }
        Lang::En => format!(
            "{}: nothing solved; fix {} and solve again (kehou check {s} lists every problem)",
            super::plural(errors, "error", "errors"),
            if errors == 1 { "it" } else { "them" },
        ),
    }
}

pub fn warnings(lang: Lang, warnings: usize, school: &Path) -> String {
    let s = school.display();
    match lang {
        Lang::Zh => format!("注意：学校有 {warnings} 个警告；照常排班（kehou check {s} 列出它们）"),
        Lang::En => format!(
            "note: the school has {}; solving anyway (kehou check {s} lists them)",
            super::plural(warnings, "warning", "warnings"),
        ),
    }
}

pub fn previous_stale(lang: Lang, plan: &Path, backup: &Path, fresh: bool) -> String {
    let (p, b) = (plan.display(), backup.display());
    match (lang, fresh) {
        (Lang::Zh, true) => format!(
            "注意：{p} 是按较早的学校数据排的；新方案完全重新优化，只保留锁定；旧方案另存为 {b}"
        ),
        (Lang::Zh, false) => format!(
            "注意：{p} 是按较早的学校数据排的；新方案在保证覆盖的前提下尽量少改（保留不了的在备注中列出）；旧方案另存为 {b}"
        ),
        (Lang::En, true) => format!(
            "note: {p} was made for an earlier version of the school; the new plan is made afresh, keeping only its locks; the old plan will be kept as {b}"
        ),
        (Lang::En, false) => format!(
            "note: {p} was made for an earlier version of the school; the new plan changes as little of it as coverage allows (what cannot be kept is listed in the notes); the old plan will be kept as {b}"
        ),
    }
}

pub fn previous_unreadable(lang: Lang, why: &str, backup: &Path) -> String {
    let b = backup.display();
    match lang {
        Lang::Zh => format!("注意：已有的方案无法参照（{why}）；新方案从头排，旧文件另存为 {b}"),
        Lang::En => format!(
            "note: the existing plan cannot be followed ({why}); the new plan starts afresh, and the old file will be kept as {b}"
        ),
    }
}

/// The progress line while solving: `| 正在排班… 12 秒（时限 60 秒）`.
pub fn solving(lang: Lang, frame: char, seconds: u64, limit: u32) -> String {
    match lang {
        Lang::Zh => format!("{frame} 正在排班… {seconds} 秒（时限 {limit} 秒）"),
        Lang::En => format!("{frame} solving… {seconds} s (the time limit is {limit} s)"),
    }
}

pub fn bug(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "kehou 的缺陷：刚排出的方案违反了以下规则，因此没有保存：",
        Lang::En => "kehou: BUG: the plan kehou just made breaks these rules, so it was NOT saved:",
    }
}

pub fn bug_report(lang: Lang, plan: &Path) -> String {
    let p = plan.display();
    match lang {
        Lang::Zh => format!(
            "这是 kehou 的缺陷，不是您学校数据的问题。{p} 没有改动。请连同学校文件（以及用 --write-model 写出的模型）一起报告。"
        ),
        Lang::En => format!(
            "This is a bug in kehou, not in your school. {p} is unchanged. Please report it with the school file (and the model from --write-model)."
        ),
    }
}

/// What `kehou solve` says when the solver found no plan at all.
pub fn no_plan(plan: &Plan, path: &Path, names: &Names) -> String {
    let p = path.display();
    let s = plan.solve.seconds;
    let mut lines = vec![match names.lang {
        Lang::Zh => format!("没有方案：{s:.1} 秒内没有找到方案；没有保存，{p} 没有改动"),
        Lang::En => format!(
            "no plan: the solver ({}) found none in {s:.1} s; nothing saved, {p} is unchanged",
            plan.solve.backend
        ),
    }];
    lines.extend(
        plan.solve
            .notes
            .iter()
            .map(|note| format!("  {}", words::plan::note(note, names))),
    );
    lines.push(
        match names.lang {
            Lang::Zh => "试试更长的 --time-limit，或更短的 --cycle-weeks",
            Lang::En => "try a longer --time-limit, or a shorter --cycle-weeks",
        }
        .to_owned(),
    );
    lines.join("\n") + "\n"
}

/// The summary `kehou solve` prints once the plan is saved.
pub fn report(
    plan: &Plan,
    stats: &Stats,
    summary: &PlanSummary,
    path: &Path,
    previous_fairness: Option<f64>,
    names: &Names,
) -> String {
    let lang = names.lang;
    let solve = &plan.solve;
    let zh = lang == Lang::Zh;
    let status = words::solve::status(solve, lang);
    let mut lines = if zh {
        vec![
            format!("已保存 {}", path.display()),
            format!("结果：{status}"),
            format!(
                "用时：{:.1} 秒（第一阶段排满岗位 {:.1} 秒，第二阶段求公平 {:.1} 秒）",
                solve.seconds, stats.phase1_seconds, stats.phase2_seconds
            ),
        ]
    } else {
        vec![
            format!("saved {}", path.display()),
            format!("status: {status}"),
            format!(
                "time: {:.1} s with {} (phase 1, coverage: {:.1} s; phase 2, fairness: {:.1} s)",
                solve.seconds, solve.backend, stats.phase1_seconds, stats.phase2_seconds
            ),
            format!(
                "model: {} posts, {} variables ({} integer), {} constraints",
                stats.posts, stats.variables, stats.integer_variables, stats.rows
            ),
        ]
    };
    if let Some(c) = solve.changes {
        lines.push(changes_line(
            lang,
            &c,
            c.fairness_before.or(previous_fairness),
            fairness_of(plan),
        ));
    }
    if let Some(band) = &solve.band {
        let words = words::solve::band(band, lang);
        lines.push(if zh {
            format!("公平（按满工作量折算的加权分钟）：{words}")
        } else {
            format!("fairness (weighted minutes, per full-time share): {words}")
        });
        if let Some(held) = words::solve::held_below(band, names, lang) {
            lines.push(format!("  {held}"));
        }
    }
    if !solve.objective.is_empty() {
        let terms: Vec<String> = solve
            .objective
            .iter()
            .map(|t| format!("{} {}", words::solve::term(&t.name, lang), number(t.value)))
            .collect();
        lines.push(if zh {
            format!("目标值各项（越小越好）：{}", terms.join("，"))
        } else {
            format!("objective: {}", terms.join(", "))
        });
    }
    let weeks = summary.cycle_weeks;
    lines.push(if zh {
        format!(
            "岗位：轮换周期 {weeks} 周共 {} 个，{} 个人员齐全",
            summary.posts, summary.fully_staffed
        )
    } else {
        format!(
            "posts: {} over a cycle of {}, {} fully staffed",
            summary.posts,
            super::plural(usize::from(weeks), "week", "weeks"),
            summary.fully_staffed
        )
    });
    if let Some(m) = summary.teacher_minutes {
        lines.push(if zh {
            format!(
                "教师每周加权分钟数（实际分钟，未按工作量折算）：最少 {:.0}，中位数 {:.0}，最多 {:.0}",
                m.min, m.median, m.max
            )
        } else {
            format!(
                "teachers' weighted minutes per week (as worked, not per full-time share): min {:.0}, median {:.0}, max {:.0}",
                m.min, m.median, m.max
            )
        });
    }
    if let Some((min, max)) = summary.late_duties {
        lines.push(if zh {
            format!("每位教师每个周期的弹性离校值班：最少 {min} 次，最多 {max} 次（免弹性离校值班的教师不计）")
        } else {
            format!("late duties per teacher over the cycle: min {min}, max {max} (teachers exempt from late duty not counted)")
        });
    }
    if !summary.duty_leader_days.is_empty() {
        let days: Vec<String> = summary
            .duty_leader_days
            .iter()
            .map(|d| format!("{} {}", names.person_named(&d.staff, &d.name), d.days))
            .collect();
        lines.push(if zh {
            format!("每个周期的值班领导天数：{}", days.join("，"))
        } else {
            format!("duty-leader days over the cycle: {}", days.join(", "))
        });
    }
    if summary.unmet.is_empty() {
        lines.push(
            if zh {
                "每个岗位都排上了"
            } else {
                "every post is covered"
            }
            .to_owned(),
        );
    } else {
        lines.push(if zh {
            format!("排不上的岗位（{} 组）：", summary.unmet.len())
        } else {
            format!(
                "not covered ({}):",
                super::plural(summary.unmet.len(), "group of posts", "groups of posts")
            )
        });
        lines.extend(
            summary
                .unmet
                .iter()
                .map(|g| format!("  {}", words::plan::unmet_group(g, names))),
        );
    }
    lines.extend(solve.notes.iter().map(|note| {
        let n = words::plan::note(note, names);
        if zh {
            format!("备注：{n}")
        } else {
            format!("note: {n}")
        }
    }));
    lines.join("\n") + "\n"
}

/// "changed 7 of 452 assignments (5 forced by your edits), 3 added; fairness 2,231 → 2,190".
fn changes_line(lang: Lang, c: &Changes, before: Option<f64>, after: Option<f64>) -> String {
    let fairness = match (before, after, lang) {
        (Some(b), Some(a), Lang::Zh) => format!("；公平性 {} → {}", number(b), number(a)),
        (Some(b), Some(a), Lang::En) => format!("; fairness {} → {}", number(b), number(a)),
        _ => String::new(),
    };
    match lang {
        Lang::Zh => {
            let how = if c.fresh {
                "完全重新优化，改动了"
            } else {
                "改动了"
            };
            let added = if c.added > 0 {
                format!("，新增 {} 项", c.added)
            } else {
                String::new()
            };
            format!(
                "改动：{how}原方案 {} 项分配中的 {} 项（其中 {} 项因您的修改而必须改）{added}{fairness}",
                c.previous, c.changed, c.forced
            )
        }
        Lang::En => {
            let how = if c.fresh {
                "a full re-optimisation changed"
            } else {
                "changed"
            };
            let added = if c.added > 0 {
                format!(", {} added", c.added)
            } else {
                String::new()
            };
            format!(
                "changes: {how} {} of {} assignments of the previous plan ({} forced by your edits){added}{fairness}",
                c.changed, c.previous, c.forced
            )
        }
    }
}

/// The fairness term of a plan's objective, where it has one.
pub fn fairness_of(plan: &Plan) -> Option<f64> {
    plan.solve
        .objective
        .iter()
        .find(|t| t.name == "fairness")
        .map(|t| t.value)
}

pub fn next(lang: Lang, school: &Path, plan: &Path) -> String {
    let (s, p) = (school.display(), plan.display());
    match lang {
        Lang::Zh => format!("下一步：kehou export {s} {p} --format xlsx -o 值班表.xlsx"),
        Lang::En => format!("next: kehou export {s} {p} --format csv -o roster.csv"),
    }
}
