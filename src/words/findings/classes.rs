//! Classes, in Chinese.

use kehou_solver::model::SessionKind;
use kehou_solver::validate::problems::ClassProblem;
use kehou_solver::validate::Words;

use super::{days, room, seasons, who};
use crate::words::{Lang, Names};

/// How the numbers a class gives are named: `基本服务`, `拓展服务`, `弹性离校`.
fn counted(s: SessionKind) -> &'static str {
    Lang::Zh.vocab().session(s)
}

pub fn zh(p: &ClassProblem, n: &Names) -> Words {
    let v = Lang::Zh.vocab();
    match p {
        ClassProblem::GradeOutOfRange { grade } => Words::new(
            format!("年级是 {grade}，年级应为 1 至 9"),
            "更正年级",
        ),
        ClassProblem::HomeroomUnknown { room: r } => Words::new(
            format!("教室“{r}”不在场地名单里"),
            "更正教室，或添加这个场地",
        ),
        ClassProblem::HomeroomNotClassroom { room: r, kind } => Words::new(
            format!(
                "教室设在 {}，它的类型是{}，不是教室",
                room(r),
                v.room_kind(*kind)
            ),
            "检查教室；托管班通常留在本班教室",
        ),
        ClassProblem::GroupTooBig {
            students,
            session,
            day,
            kind,
            largest,
        } => Words::new(
            format!(
                "{}{}有 {students} 名学生，比每一间{}都大（最大的容纳 {largest} 人），没有场地，将列为缺人",
                v.weekday(*day),
                counted(*session),
                v.room_kind(*kind)
            ),
            "检查人数，或添加更大的场地；一组学生必须在同一个场地",
        ),
        ClassProblem::GroupBiggerThanHomeroom {
            students,
            session,
            day,
            room: r,
            capacity,
        } => Words::new(
            format!(
                "{}{}有 {students} 名学生，超过本班教室 {} 的容量（{capacity} 人）",
                v.weekday(*day),
                counted(*session),
                room(r)
            ),
            "检查人数或场地容量；这一组需要更大的场地",
        ),
        ClassProblem::ClassTeacherUnknown { teacher } => Words::new(
            format!("班主任“{teacher}”不在教职工名单里"),
            "更正班主任，或把此人加入教职工名单",
        ),
        ClassProblem::ClassTeacherNotOwn { teacher, kind } => Words::new(
            format!(
                "班主任 {} 的类别是{}，不是本校教师",
                who(teacher, n),
                v.staff_kind(*kind)
            ),
            "检查班主任",
        ),
        ClassProblem::ClassTeacherDisagrees { teacher, other } => Words::new(
            format!(
                "班主任是 {}，但此人登记的是 {other} 班的班主任；kehou 不会猜由谁交接这个班",
                who(teacher, n)
            ),
            "让班级的班主任和教职工登记的班级一致（或只填其中一处）",
        ),
        ClassProblem::ClassTeacherOfOthers { teacher, others } => {
            let others: Vec<&str> = others
                .iter()
                .map(kehou_solver::model::ClassId::as_str)
                .collect();
            Words::new(
                format!(
                    "班主任 {} 同时是 {} 班的班主任，一次只能交接一个班",
                    who(teacher, n),
                    v.join(&others)
                ),
                "检查班主任",
            )
        }
        ClassProblem::ClaimDisagrees {
            claimant,
            class,
            named,
        } => Words::new(
            format!(
                "{} 登记为 {class} 班的班主任，但班级填的班主任是 {}；kehou 不会猜由谁交接这个班",
                who(claimant, n),
                n.person_of(named)
            ),
            "让班级的班主任和教职工登记的班级一致（或只填其中一处）",
        ),
        ClassProblem::ClaimedByMany { claimants, class } => {
            let names: Vec<String> = claimants.iter().map(|c| who(c, n)).collect();
            Words::new(
                format!(
                    "{} 都登记为 {class} 班的班主任，但一个班只有一位班主任",
                    v.join(&names)
                ),
                "只在其中一人处保留，或在班级里填写班主任",
            )
        }
        ClassProblem::MoreLaterThanBasic { session, days: d } => Words::new(
            format!(
                "{}{}的人数多于基本服务；留到更晚的学生通常也参加基本服务",
                days(d),
                counted(*session)
            ),
            "检查这几天的人数",
        ),
        ClassProblem::GradeUncovered { seasons: s, grade } => Words::new(
            format!(
                "{}中没有一张作息时间表包含 {grade} 年级，这些学生没有时段时间",
                seasons(s)
            ),
            format!(
                "在{}中给 {grade} 年级一张作息时间表（扩大某张的年级范围或新增一张），或更正班级的年级",
                seasons(s)
            ),
        ),
        ClassProblem::SessionsMissing {
            seasons: s,
            grade,
            gaps,
        } => {
            let gaps: Vec<String> = gaps
                .iter()
                .map(|(session, d)| format!("{}的{}", days(d), counted(*session)))
                .collect();
            Words::new(
                format!(
                    "有学生参加，但{}中没有作息时间表给 {grade} 年级规定{}的时间",
                    seasons(s),
                    v.join(&gaps)
                ),
                format!(
                    "在{}的 {grade} 年级作息时间表中加上这些时段或日子，或把这些人数改为 0",
                    seasons(s)
                ),
            )
        }
    }
}
