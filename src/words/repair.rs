//! Why a sick call, a cover by hand or a list of candidates could not be
//! made (`kehou_solver::repair::RepairError`), in words.

use kehou_solver::eligibility::{NoLead, Unavailable};
use kehou_solver::repair::day::Blocked;
use kehou_solver::repair::{Refusal, RepairError};

use super::{plan, Lang, Names};

fn unavailable(u: Unavailable, lang: Lang) -> String {
    let v = lang.vocab();
    match (lang, u) {
        (Lang::En, u) => u.to_string(),
        (Lang::Zh, Unavailable::NotTakingPart) => "没有报名参加".to_owned(),
        (Lang::Zh, Unavailable::WrongKind) => "不是行政人员".to_owned(),
        (Lang::Zh, Unavailable::CapZero) => "岗位上限为 0".to_owned(),
        (Lang::Zh, Unavailable::ExemptFromLate) => "免弹性离校值班".to_owned(),
        (Lang::Zh, Unavailable::OnLeave) => "在请假".to_owned(),
        (Lang::Zh, Unavailable::UnavailableSession(s)) => {
            format!("每周{}不可用", v.session(s))
        }
    }
}

/// Why someone can never take a place that date.
pub fn blocked(b: &Blocked, n: &Names) -> String {
    match (n.lang, b) {
        (_, Blocked::Unavailable(u)) => unavailable(*u, n.lang),
        (Lang::En, b) => b.to_string(),
        (Lang::Zh, Blocked::OnLeave) => "那天在请假".to_owned(),
        (Lang::Zh, Blocked::Absent) => "那天请假缺勤".to_owned(),
        (Lang::Zh, Blocked::NoLead(NoLead::AssistsOnly)) => "只能协助，不能担任负责人".to_owned(),
        (Lang::Zh, Blocked::NoLead(NoLead::LacksSkill(s))) => {
            format!("没有“{}”特长，不能担任负责人", n.skill_of(s))
        }
    }
}

fn refusal(r: &Refusal, n: &Names) -> String {
    match (n.lang, r) {
        (_, Refusal::Blocked(b)) => blocked(b, n),
        (_, Refusal::Breaks(b)) => plan::breaks(b, n),
        (Lang::Zh, Refusal::AlreadyOnPost) => "已在这个岗位上".to_owned(),
        (Lang::En, Refusal::AlreadyOnPost) => "already on this post".to_owned(),
    }
}

/// The error in words, with people and posts by name.
pub fn error(e: &RepairError, n: &Names) -> String {
    let en = n.lang == Lang::En;
    match e {
        RepairError::UnknownStaff(id) if en => {
            format!("no staff member with id or name {id}")
        }
        RepairError::UnknownStaff(id) => format!("教职工名单里没有编号或姓名为“{id}”的人"),
        RepairError::BackwardsRange(from, to) if en => {
            format!("{to} is before {from}: the absence must end on or after its first day")
        }
        RepairError::BackwardsRange(from, to) => {
            format!("{to} 早于 {from}：请假的最后一天不能早于第一天")
        }
        RepairError::OutsideTerm(d, first, last) if en => {
            format!("{d} is outside the term ({first} to {last})")
        }
        RepairError::OutsideTerm(d, first, last) => {
            format!("{d} 不在本学期（{first}至{last}）内")
        }
        RepairError::NoSuchAbsence(id, d) if en => {
            format!("no absence of {} covers {d}", n.person_of(id))
        }
        RepairError::NoSuchAbsence(id, d) => {
            format!("{} 在 {d} 没有请假记录", n.person_of(id))
        }
        RepairError::NoService(d) if en => format!("there is no after-school service on {d}"),
        RepairError::NoService(d) => format!("{d} 没有课后服务"),
        RepairError::NoSuchPost(post, d) if en => format!("no post {post} on {d}"),
        RepairError::NoSuchPost(post, d) => format!("{d} 没有岗位“{post}”"),
        RepairError::NotOut { staff, post } if en => format!(
            "{} is not out of {} that day: record their absence first",
            n.person_of(staff),
            n.post_id(post)
        ),
        RepairError::NotOut { staff, post } => format!(
            "{} 那天不缺{}：请先登记请假",
            n.person_of(staff),
            n.post_id(post)
        ),
        RepairError::FullyStaffed { post } if en => format!(
            "{} is fully staffed that day; name who is out",
            n.post_id(post)
        ),
        RepairError::FullyStaffed { post } => {
            format!("{}那天不缺人；请写明请假的是谁", n.post_id(post))
        }
        RepairError::CannotTake { staff, why } if en => {
            format!("{} cannot take it: {}", n.person_of(staff), refusal(why, n))
        }
        RepairError::CannotTake { staff, why } => {
            format!("{} 不能担任：{}", n.person_of(staff), refusal(why, n))
        }
        RepairError::Model(e) if en => format!("the repair model failed: {e}"),
        RepairError::Model(_) => "代课模型求解失败：这是 kehou 的缺陷，请报告".to_owned(),
    }
}
