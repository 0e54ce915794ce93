//! The words of `kehou check`, in both languages.

/// `kehou check`'s words in one language.
#[derive(Debug)]
pub struct CheckText {
    /// The item a plan problem is about: `{path}`.
    pub plan_item: &'static str,
    /// A broken rule's item: `{path}`, `{place}`.
    pub plan_place: &'static str,
    pub plan_stale: &'static str,
    pub plan_stale_fix: &'static str,
    pub plan_not_solved: &'static str,
    /// `{plan path}`.
    pub plan_not_solved_fix: &'static str,
    /// `{rule}`: `{detail}`.
    pub plan_violation: &'static str,
    pub plan_violation_fix: &'static str,
    pub no_problems: &'static str,
    /// `{n}` errors; `{n}` warnings; the two joined.
    pub errors: &'static str,
    pub warnings: &'static str,
    pub only_warnings: &'static str,
    pub both: &'static str,
}

pub static ZH: CheckText = CheckText {
    plan_item: "方案 {}",
    plan_place: "方案 {}，{}",
    plan_stale: "方案已过期：求解之后学校数据有改动",
    plan_stale_fix: "重新排班，得到与现在的学校数据相符的方案",
    plan_not_solved: "这个方案还没有排过班",
    plan_not_solved_fix: "用 kehou solve 学校文件 -o {} 排班",
    plan_violation: "违反规则“{}”：{}",
    plan_violation_fix: "重新排班；如果方案是 kehou 排的且没有人改过，请把它作为 kehou 的缺陷报告",
    no_problems: "没有发现问题",
    errors: "{} 个错误",
    warnings: "{} 个警告",
    only_warnings: "{}（不影响排班）",
    both: "{}，{}",
};

pub static EN: CheckText = CheckText {
    plan_item: "plan {}",
    plan_place: "plan {}, {}",
    plan_stale: "plan is stale: the school changed since it was solved",
    plan_stale_fix: "solve again to get a plan for the school as it is now",
    plan_not_solved: "nothing has been solved into this plan yet",
    plan_not_solved_fix: "make the rota with kehou solve SCHOOL -o {}",
    plan_violation: "breaks the rule {}: {}",
    plan_violation_fix: "solve again; if kehou made this plan and nobody edited it, please report it as a bug in kehou",
    no_problems: "no problems found",
    errors: "{} errors",
    warnings: "{} warnings",
    only_warnings: "{} (nothing stops a rota)",
    both: "{}, {}",
};

pub fn text(lang: crate::words::Lang) -> &'static CheckText {
    match lang {
        crate::words::Lang::Zh => &ZH,
        crate::words::Lang::En => &EN,
    }
}
