//! The term, in Chinese.

use kehou_solver::validate::problems::TermProblem;
use kehou_solver::validate::Words;

use super::{date_weekday, holiday, season};

pub fn zh(p: &TermProblem) -> Words {
    match p {
        TermProblem::NoName => Words::new(
            "学期没有名称，排班表上不会写明是哪个学期",
            "填写学期名称，如“2026—2027学年第一学期”",
        ),
        TermProblem::Backwards { first, last } => Words::new(
            format!("结束日 {last} 早于开学日 {first}"),
            "更正开学日或结束日",
        ),
        TermProblem::TooLong { days, first, last } => Words::new(
            format!("学期从 {first} 到 {last}，共 {days} 天，比一学年还长"),
            "检查开学日和结束日的年份",
        ),
        TermProblem::HolidayNoName => {
            Words::new("假期没有名称", "填写名称（如“国庆”），校历上才能显示")
        }
        TermProblem::HolidayBackwards { from, to } => Words::new(
            format!("结束日 {to} 早于开始日 {from}"),
            "更正开始或结束日期（结束日是放假的最后一天，含当天）",
        ),
        TermProblem::OutsideTerm { first, last } => Words::new(
            format!("不在本学期（{first}至{last}）内，不起作用"),
            "检查年份，或删除它",
        ),
        TermProblem::HolidayOverlaps { other } => Words::new(
            format!("与{}重叠", holiday(other)),
            "合并两者，或更正日期；两者的日子都放假",
        ),
        TermProblem::MakeupNotWeekend { date } => Words::new(
            format!(
                "{}不是周六或周日；调休日是按某个工作日上课的周末",
                date_weekday(*date)
            ),
            "更正日期；如果这天本来就上课，删除它",
        ),
        TermProblem::MakeupInHoliday { holiday: h } => Words::new(
            format!("落在{}里，既放假又上课", holiday(h)),
            "更正调休日或假期的日期",
        ),
        TermProblem::MakeupTwice => Words::new("重复登记了", "只保留一条，并写明按星期几上课"),
        TermProblem::NoServiceOnWeekend { date } => Words::new(
            format!("{}是周末，本来就没有课后服务", date_weekday(*date)),
            "检查日期",
        ),
        TermProblem::NoServiceInHoliday { holiday: h } => Words::new(
            format!("落在{}里，本来就没有课后服务", holiday(h)),
            "检查日期",
        ),
        TermProblem::NoServiceTwice => Words::new("重复登记了", "只保留一条"),
        TermProblem::SwitchOutsideTerm {
            switch,
            first,
            last,
            other,
        } => Words::new(
            format!("作息切换日 {switch} 不在本学期（{first}至{last}）内"),
            format!(
                "把“作息切换日”设为本学期内开始{}的第一天；如果本学期不换作息，清空它",
                season(*other)
            ),
        ),
        TermProblem::SwitchOnFirstDay { starts_in } => Words::new(
            format!("作息切换日就是开学日，{}一天也用不上", season(*starts_in)),
            format!(
                "把“开学作息”设为{}，并清空“作息切换日”",
                season(starts_in.other())
            ),
        ),
    }
}
