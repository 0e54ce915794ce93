//! Clubs, in Chinese.

use kehou_solver::model::SessionKind;
use kehou_solver::validate::problems::{grade_ranges, ClubProblem};
use kehou_solver::validate::Words;

use super::{grades, seasons, who};
use crate::words::{Lang, Names};

fn session(s: SessionKind) -> &'static str {
    Lang::Zh.vocab().session(s)
}

pub fn zh(p: &ClubProblem, n: &Names) -> Words {
    let v = Lang::Zh.vocab();
    match p {
        ClubProblem::GradesBackwards { from, to } => Words::new(
            format!("年级从 {from} 到 {to}，写反了"),
            "把起止年级对调",
        ),
        ClubProblem::GradesOutOfRange { from, to } => Words::new(
            format!("面向{}，但年级应为 1 至 9", grades(*from, *to)),
            "更正年级",
        ),
        ClubProblem::NoClassInGrades { from, to } => Words::new(
            format!("面向{}，但这些年级没有班级", grades(*from, *to)),
            "检查年级",
        ),
        ClubProblem::NobodyEnrolled => Words::new(
            "没有人报名，不会安排人员",
            "填写报名人数，或删除这个社团",
        ),
        ClubProblem::NoSkill => Words::new(
            "没有写所需特长，kehou 无法判断谁能指导",
            "填写所需特长，如“足球”",
        ),
        ClubProblem::SkillNobodyHas { skill } => Words::new(
            format!(
                "教职工中没有人有“{}”特长，暂时没人能指导，它的活动将列为缺人",
                n.skill_of(skill)
            ),
            "给一位能担任负责人的人加上这项特长，或外聘教练",
        ),
        ClubProblem::SkillHoldersMayNotLead { holders, skill } => {
            let names: Vec<String> = holders.iter().map(|h| who(h, n)).collect();
            Words::new(
                format!(
                    "只有 {} 有“{}”特长，但其人员类别不能担任负责人，暂时没人能指导，它的活动将列为缺人",
                    v.join(&names),
                    n.skill_of(skill)
                ),
                "给一位能担任负责人的人加上这项特长，或允许该类别担任负责人",
            )
        }
        ClubProblem::LeaderUnknown { leader } => Words::new(
            format!("指导教师“{leader}”不在教职工名单里"),
            "更正指导教师，或清空它，由排班决定",
        ),
        ClubProblem::LeaderLacksSkill { leader, skill } => Words::new(
            format!(
                "指导教师 {} 没有“{}”特长",
                who(leader, n),
                n.skill_of(skill)
            ),
            "给指导教师加上这项特长，或换一位指导教师",
        ),
        ClubProblem::LeaderMayNotLead { leader, kind } => Words::new(
            format!(
                "指导教师 {} 的类别是{}，不能担任负责人",
                who(leader, n),
                v.staff_kind(*kind)
            ),
            "选一位可以担任负责人的指导教师；志愿者可以协助",
        ),
        ClubProblem::LeaderUnavailable {
            day,
            session: s,
            leader,
        } => Words::new(
            format!(
                "在{}{}活动，而指导教师 {} 那时不可用",
                v.weekday(*day),
                session(*s),
                who(leader, n)
            ),
            "调整活动时间、换一位指导教师，或更正指导教师的不可用时间",
        ),
        ClubProblem::TimesPerWeek { times } => Words::new(
            format!("每周活动 {times} 次，应为 1 至 5 次"),
            "把每周次数设为 1 至 5，或写固定时段",
        ),
        ClubProblem::FixedWithoutSlots => Words::new(
            "设为固定时段，却一个时段也没写，永远不会活动",
            "写上活动时段（如 周四:拓展），或改为每周 1 次",
        ),
        ClubProblem::SlotWithoutSession { day } => Words::new(
            format!("{}的活动没有写时段", v.weekday(*day)),
            format!("写上时段，如 {}:拓展", v.weekday(*day)),
        ),
        ClubProblem::SlotTwice { day, session: s } => Words::new(
            format!("{}{}的活动写了两次", v.weekday(*day), session(*s)),
            "只保留一条",
        ),
        ClubProblem::SlotMissing {
            day,
            session: s,
            seasons: ss,
            from,
            to,
        } => Words::new(
            format!(
                "安排在{}{}活动，但{}中没有作息时间表给{}那天的{}",
                v.weekday(*day),
                session(*s),
                seasons(ss),
                grades(*from, *to),
                session(*s)
            ),
            "把活动移到这些年级有的时段，或在作息时间表中加上这个时段",
        ),
        ClubProblem::SlotMissingFor {
            day,
            session: s,
            seasons: ss,
            grades: gs,
        } => {
            let which: Vec<String> = grade_ranges(gs)
                .into_iter()
                .map(|(a, b)| grades(a, b))
                .collect();
            Words::new(
                format!(
                    "安排在{}{}活动，但{}中没有作息时间表给{}那天的{}，这些学生来不了",
                    v.weekday(*day),
                    session(*s),
                    seasons(ss),
                    v.join(&which),
                    session(*s)
                ),
                "检查社团的年级或作息时间表",
            )
        }
        ClubProblem::TooFewDays {
            times,
            seasons: ss,
            from,
            to,
            days,
        } => Words::new(
            format!(
                "每周活动 {times} 次，但{}中作息时间表只给{}安排了 {days} 天拓展服务",
                seasons(ss),
                grades(*from, *to)
            ),
            "kehou 会在现有的日子里安排；减少每周次数，或在作息时间表中增加拓展服务",
        ),
        ClubProblem::NoRoomOfKind { kind } => Words::new(
            format!("需要{}，但学校没有", v.room_kind(*kind)),
            "添加这类场地，或更改社团的场地类型",
        ),
        ClubProblem::MoreThanRoomsHold {
            enrolled,
            kind,
            largest,
        } => Words::new(
            format!(
                "报名 {enrolled} 人，超过任何一间{}的容量（最大的容纳 {largest} 人）",
                v.room_kind(*kind)
            ),
            "检查报名人数、拆分社团，或添加更大的场地",
        ),
        ClubProblem::NoRainRoom { kind } => Words::new(
            format!(
                "在室外活动，但没有一间{}有室内备用场地，雨雪天无处可去；kehou 不会在没有备用场地时安排室外活动，将列为缺人",
                v.room_kind(*kind)
            ),
            format!(
                "给一间{}设置室内备用场地（体育馆或礼堂）",
                v.room_kind(*kind)
            ),
        ),
        ClubProblem::RoomsOutdoorNotMarked { kind } => Words::new(
            format!(
                "所有{}都在室外，但社团没有标为室外活动，室外的师生比不会生效",
                v.room_kind(*kind)
            ),
            "把社团的“室外”设为是",
        ),
    }
}
