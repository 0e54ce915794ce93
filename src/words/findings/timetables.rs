//! Day timetables, in Chinese.

use kehou_solver::validate::problems::{SeasonUse, TimetableProblem};
use kehou_solver::validate::Words;

use super::{days, grades, season, timetable};
use crate::words::Lang;

pub fn zh(p: &TimetableProblem) -> Words {
    let v = Lang::Zh.vocab();
    match p {
        TimetableProblem::NoDays => Words::new(
            "没有适用的星期，不起作用",
            "写明适用的星期（如周一至周五），或删除它",
        ),
        TimetableProblem::GradesBackwards { from, to } => {
            Words::new(format!("年级从 {from} 到 {to}，写反了"), "把起止年级对调")
        }
        TimetableProblem::NoSessions => Words::new("没有任何时段", "添加时段，或删除它"),
        TimetableProblem::SessionBackwards {
            session,
            start,
            end,
        } => {
            let when = if end == start { "正是" } else { "早于" };
            Words::new(
                format!(
                    "{}在 {end} 结束，{when}开始时间 {start}",
                    v.session(*session)
                ),
                "更正该时段的开始或结束时间（24 小时制，如 16:55）",
            )
        }
        TimetableProblem::SessionTwice { session } => Words::new(
            format!("有两个{}时段，kehou 分不清用哪个时间", v.session(*session)),
            "只保留一个；某几天时间不同的，为那几天另建一张作息时间表",
        ),
        TimetableProblem::SessionsOverlap { first, second } => Words::new(
            format!(
                "{}（{}–{}）和{}（{}–{}）时间重叠，一位成人不能同时在两处",
                v.session(first.0),
                first.1,
                first.2,
                v.session(second.0),
                second.1,
                second.2
            ),
            "调整时间，让前一个时段结束后下一个再开始",
        ),
        TimetableProblem::EveningTooLate { end } => Words::new(
            format!("晚自习到 {end} 才结束，晚于 20:30"),
            "晚自习在 20:30 前结束",
        ),
        TimetableProblem::EveningForPrimary => Words::new(
            "给小学年级安排了晚自习；晚自习只用于初中（7至9年级）",
            "删除晚自习时段，或检查年级",
        ),
        TimetableProblem::Ambiguous {
            other,
            sessions,
            from,
            to,
            days: d,
        } => {
            let names: Vec<&str> = sessions.iter().map(|s| v.session(*s)).collect();
            Words::new(
                format!(
                    "与{}重叠：两者都给{}在{}的{}规定了时间，kehou 分不清用哪个",
                    timetable(other),
                    grades(*from, *to),
                    days(d),
                    v.join(&names)
                ),
                "缩小其中一张的年级或星期，让每个年级每天只有一张作息时间表",
            )
        }
        TimetableProblem::NoTimetables => Words::new(
            "没有作息时间表，任何一组都没有时段时间",
            "按作息季节和年级段添加作息时间表",
        ),
        TimetableProblem::SeasonMissing { season: s, used } => {
            let name = season(*s);
            let when = match used {
                SeasonUse::StartsIn => format!("学期开学时用{name}"),
                SeasonUse::SwitchesTo(d) => format!("学期在 {d} 切换到{name}"),
                SeasonUse::Uses => format!("学期要用{name}"),
            };
            Words::new(
                format!("{when}，但没有{name}的作息时间表"),
                format!("添加{name}的作息时间表，或更正开学作息和作息切换日"),
            )
        }
    }
}
