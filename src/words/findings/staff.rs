//! Staff, in Chinese.

use kehou_solver::model::Skill;
use kehou_solver::validate::problems::StaffProblem;
use kehou_solver::validate::Words;

use crate::words::{Lang, Names};

pub fn zh(p: &StaffProblem, n: &Names) -> Words {
    let vocab = Lang::Zh.vocab();
    match p {
        StaffProblem::ListEmpty => Words::new(
            "教职工名单是空的，没有人能看护任何一组",
            "添加参加课后服务的教职工",
        ),
        StaffProblem::TooMany { staff, most } => Words::new(
            format!("教职工名单有 {staff} 人；kehou 最多为 {most} 人的学校排班"),
            "只列参加课后服务的人员，或按校区分成几个学校文件",
        ),
        StaffProblem::PartTimePercent { percent } => Words::new(
            format!("“工作量%”是 {percent}，应在 1 到 100 之间"),
            "全职填 100，半职填 50",
        ),
        StaffProblem::UnknownClassTeacherOf { class } => Words::new(
            format!("登记为 {class} 班的班主任，但班级名单里没有这个班"),
            "更正“班主任”所带的班级，或添加这个班",
        ),
        StaffProblem::LeaveBackwards { from, to } => Words::new(
            format!("请假结束日 {to} 早于开始日 {from}"),
            "更正请假的开始或结束日期（结束日是请假的最后一天，含当天）",
        ),
        StaffProblem::LeaveOutsideTerm { from, to } => Words::new(
            format!("请假 {from} 至 {to} 不在本学期内，不起作用"),
            "检查请假的年份，或删除这条请假",
        ),
        StaffProblem::CapsContradict {
            per_day,
            per_week,
            own_day,
            own_week,
        } => {
            let whose = |own: bool| if own { "本人" } else { "所属人员类别" };
            Words::new(
                format!(
                    "每天最多 {per_day} 个岗位（{}的“每日上限”），每周却只有 {per_week} 个（{}的“每周上限”）",
                    whose(*own_day),
                    whose(*own_week)
                ),
                "让每日上限不超过每周上限",
            )
        }
        StaffProblem::PreferenceNamesNothing => Words::new(
            "有一条意愿既没写哪天也没写哪个时段，会套用到所有岗位",
            "给这条意愿写上哪天、哪个时段或两者，或删除它",
        ),
        StaffProblem::PreferenceContradicts { day, session } => {
            let what = match (day, session) {
                (Some(d), Some(s)) => format!("{}{}", vocab.weekday(*d), vocab.session(*s)),
                (Some(d), None) => vocab.weekday(*d).to_owned(),
                (None, Some(s)) => vocab.session(*s).to_owned(),
                (None, None) => String::new(),
            };
            Words::new(format!("对{what}既想要又想避开"), "两条意愿只保留一条")
        }
        StaffProblem::TooManyPeriods { periods, day } => Words::new(
            format!("{}上 {periods} 节课，比一天的课时还多", vocab.weekday(*day)),
            "检查每天的课时数（周一至周五各一个数）",
        ),
        StaffProblem::NeverAvailable => Words::new(
            "每天都不可用，永远排不上",
            "检查不可用时间，或把此人从教职工名单中删除",
        ),
        StaffProblem::NobodyForHomework => {
            let skill = n.skill_of(&Skill::homework());
            Words::new(
                format!("能担任负责人的人里没有一个有“{skill}”特长，所有作业辅导组都没有负责人，将列为缺人"),
                format!("给负责看作业的老师加上“{skill}”特长"),
            )
        }
    }
}
