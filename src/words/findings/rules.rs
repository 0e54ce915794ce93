//! Rules and duties, in Chinese.

use kehou_solver::validate::problems::{RatioName, RuleProblem, WeightName};
use kehou_solver::validate::Words;

use super::room;
use crate::words::{Lang, Names};

fn ratio(r: RatioName) -> &'static str {
    match r {
        RatioName::Homework => "作业辅导",
        RatioName::Club => "社团",
        RatioName::Late => "弹性离校",
        RatioName::Care => "看护",
        RatioName::Evening => "晚自习",
    }
}

pub fn zh(p: &RuleProblem, _n: &Names) -> Words {
    let v = Lang::Zh.vocab();
    match p {
        RuleProblem::CycleWeeks { weeks } => Words::new(
            format!("轮换周期是 {weeks} 周，应为 1 至 4 周"),
            "把轮换周期设为 1（每周相同）、2（单双周）、3 或 4",
        ),
        RuleProblem::RatioZero { ratio: r } => Words::new(
            format!("{}的师生比是每位成人 0 名学生，多少成人都不够", ratio(*r)),
            format!(
                "把{}的师生比设为一位成人可看护的学生数（作业辅导通常为 45）",
                ratio(*r)
            ),
        ),
        RuleProblem::MayLeadEmpty => Words::new(
            "没有任何人员类别可以担任负责人，任何一组都没有负责的成人",
            "列出可以担任负责人的人员类别，如教师、行政、退休教师、外聘教练",
        ),
        RuleProblem::CapsContradict {
            kind,
            per_day,
            per_week,
        } => Words::new(
            format!(
                "{}的上限：每天 {per_day} 个岗位，每周却只有 {per_week} 个",
                v.staff_kind(*kind)
            ),
            format!("让{}的每日上限不超过每周上限", v.staff_kind(*kind)),
        ),
        RuleProblem::CapsTwice { kind } => Words::new(
            format!("{}的上限写了不止一次，只有第一条有效", v.staff_kind(*kind)),
            format!("{}的上限只保留一条", v.staff_kind(*kind)),
        ),
        RuleProblem::WeightZero { weight } => {
            let what = match weight {
                WeightName::Late => "弹性离校值班",
                WeightName::Friday => "周五值班",
                WeightName::DutyLeader => "值班领导值班",
            };
            Words::new(
                format!("{what}的权重是 0，公平分配工作时将完全不计入"),
                format!("把{what}的权重设为 100（与其他岗位相同），或更高以多计"),
            )
        }
        RuleProblem::MergeMaxZero => Words::new(
            "开启了合班，但合班人数上限为 0，任何班都合不了",
            "设置合班人数上限（通常为 45），或关闭合班",
        ),
        RuleProblem::TimeLimitZero => {
            Words::new("排班时限为 0 秒，来不及排出方案", "设置排班时限，如 60 秒")
        }
        RuleProblem::NobodyOptedIn => Words::new(
            "参与方式为自愿报名，但没有人报名，谁也排不上，所有岗位都将列为缺人",
            "给报名的人标上“已报名”，或改为全员参与",
        ),
        RuleProblem::NoLeaderForDuty => Words::new(
            "开启了值班领导，但教职工中没有行政人员，每天的值班领导都将列为缺人",
            "把学校领导的类别设为“行政”，或关闭值班领导",
        ),
        RuleProblem::GateInPlaceLong { minutes } => Words::new(
            format!("门岗护导要在每批放学前 {minutes} 分钟就到岗"),
            "把提前到岗时间设为所需的几分钟（通常为 5 分钟）",
        ),
        RuleProblem::GateNoMinutes => Words::new(
            "门岗护导需要人，但时长为 0 分钟",
            "设置门岗护导时长（通常为 15 分钟），或把门岗人数设为 0 表示不设门岗",
        ),
        RuleProblem::ReceptionNoAdults => Words::new(
            "接待室的成人人数为 0，但等候的学生绝不能无人看管",
            "把接待室人数设为 1 或更多",
        ),
        RuleProblem::ReceptionUnknownRoom { room: r } => Words::new(
            format!("接待室“{r}”不在场地名单里"),
            "更正接待室，或添加这个场地",
        ),
        RuleProblem::ReceptionWrongKind { room: r, kind } => Words::new(
            format!(
                "接待室设在 {}，它的类型是{}，不是接待室",
                room(r),
                v.room_kind(*kind)
            ),
            "检查接待室的设置，或把该场地的类型改为接待室",
        ),
    }
}
