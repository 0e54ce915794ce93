//! Broken rules (`kehou_solver::check::Violation`) in words: where, which
//! rule, what exactly. English is the solver's wording with names for ids;
//! Chinese is here, an exhaustive `match`.

use kehou_solver::check::{Detail, Place, Rule, Unfit, Violation};

use super::{Lang, Names};

/// A rule's name: `人数不足` / `coverage`.
pub fn rule(r: Rule, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => match r {
            Rule::Stale => "方案过期",
            Rule::Coverage => "人数不足",
            Rule::Lead => "负责人",
            Rule::Skill => "特长",
            Rule::Availability => "可用时间",
            Rule::Leave => "请假",
            Rule::DoubleBooked => "时间冲突",
            Rule::Room => "场地",
            Rule::CapPerDay => "每日上限",
            Rule::CapPerWeek => "每周上限",
            Rule::LateExemption => "免弹性离校值班",
            Rule::Lock => "锁定",
            Rule::Demand => "需求",
            Rule::UnknownId => "未知编号",
            Rule::GateTiming => "门岗时间",
            Rule::FreeButUnused => "有人空闲却缺人",
        },
        Lang::En => match r {
            Rule::Stale => "stale plan",
            Rule::Coverage => "coverage",
            Rule::Lead => "lead adult",
            Rule::Skill => "skill",
            Rule::Availability => "availability",
            Rule::Leave => "leave",
            Rule::DoubleBooked => "double-booked",
            Rule::Room => "room",
            Rule::CapPerDay => "daily cap",
            Rule::CapPerWeek => "weekly cap",
            Rule::LateExemption => "late-duty exemption",
            Rule::Lock => "lock",
            Rule::Demand => "demand",
            Rule::UnknownId => "unknown id",
            Rule::GateTiming => "gate timing",
            Rule::FreeButUnused => "short while someone is free",
        },
    }
}

/// Where: a post in words, a person by name, a class, a club, a day.
pub fn place(p: &Place, n: &Names) -> String {
    if n.lang == Lang::En {
        return p.english(n);
    }
    let v = n.lang.vocab();
    match p {
        Place::Plan => "方案".to_owned(),
        Place::Post(post) => n.post_id(post),
        Place::PostOn(post, date) => format!("{date} {}", n.post_id(post)),
        Place::Person(s) => n.person_of(s),
        Place::PersonOn(s, date) => format!("{} {date}", n.person_of(s)),
        Place::PersonInWeek(s, week) => {
            format!(
                "{} {}",
                n.person_of(s),
                super::fill(v.teaching_week, &[week])
            )
        }
        Place::Class(c) => format!("{c}班"),
        Place::Club(c) => n.club_of(c),
        Place::Day { week, day } => format!("{} {}", v.week_of(week), v.weekday(*day)),
    }
}

fn unfit(u: Unfit) -> String {
    let v = Lang::Zh.vocab();
    match u {
        Unfit::OnLeave => "在请假".to_owned(),
        Unfit::ExemptFromLate => "免弹性离校值班".to_owned(),
        Unfit::NotALeader => "不是行政人员".to_owned(),
        Unfit::NotTakingPart => "没有报名参加".to_owned(),
        Unfit::NoPosts => "岗位上限为 0".to_owned(),
        Unfit::Unavailable(s) => format!("{}不可用", v.session(s)),
        Unfit::MayNotLead => "不能担任这里的负责人".to_owned(),
    }
}

/// What exactly is broken.
pub fn detail(d: &Detail, n: &Names) -> String {
    if n.lang == Lang::En {
        return d.english(n);
    }
    let v = n.lang.vocab();
    let who = |s| n.person_of(s);
    let room = |r| n.room_of(r);
    match d {
        Detail::Stale => "求解之后学校数据有改动，请重新排班".to_owned(),
        Detail::Short { staffed, needed } => {
            format!("需要 {needed} 位成人，只有 {staffed} 位，且没有写明原因")
        }
        Detail::NoLead => "没有负责人，且没有写明原因".to_owned(),
        Detail::Twice { staff } => format!("{} 在这个岗位上出现了两次", who(staff)),
        Detail::UnknownStaff { staff } => format!("教职工名单里没有“{staff}”"),
        Detail::LeadsWithoutSkill { staff } => {
            format!("{} 担任负责人，但没有所需特长", who(staff))
        }
        Detail::LeadsButMayOnlyAssist { staff } => {
            format!("{} 担任负责人，但只能协助", who(staff))
        }
        Detail::Unfit { staff, why, cover } => {
            let cover = if *cover { "代课人" } else { "" };
            format!("{cover}{} {}", who(staff), unfit(*why))
        }
        Detail::NotTheFixedLeader { fixed } => format!("社团的指导教师是 {}", who(fixed)),
        Detail::Overlap { first, second } => {
            format!("{}与{}时间重叠", n.post_id(first), n.post_id(second))
        }
        Detail::PostsInWeek { count, week, cap } => {
            format!("{}有 {count} 个岗位，上限 {cap} 个", v.week_of(week))
        }
        Detail::PostsOnDay {
            count,
            day,
            week,
            cap,
        } => format!(
            "{}{}有 {count} 个岗位，上限 {cap} 个",
            v.week_of(week),
            v.weekday(*day)
        ),
        Detail::NoRoom => "有学生却没有场地，且没有写明原因".to_owned(),
        Detail::UnknownRoom { room: r } => format!("场地名单里没有“{r}”"),
        Detail::RoomTooSmall {
            students,
            room: r,
            capacity,
        } => format!("{students} 名学生在{}，只能容纳 {capacity} 人", room(r)),
        Detail::RoomUnavailable { room: r } => format!("{}此时不可用", room(r)),
        Detail::WrongRoomKind { room: r, is, needs } => format!(
            "{}是{}，需要{}",
            room(r),
            v.room_kind(*is),
            v.room_kind(*needs)
        ),
        Detail::NoRainFallback { room: r } => {
            format!("在室外的{}活动，没有雨天用的室内备用场地", room(r))
        }
        Detail::RoomShared { room: r, with } => {
            format!("{}此时还有{}", room(r), n.post_id(with))
        }
        Detail::Groups {
            count,
            session,
            day,
            week,
        } => format!(
            "{}{}有 {count} 个{}组，应恰好 1 个",
            v.week_of(week),
            v.weekday(*day),
            v.session(*session)
        ),
        Detail::NoDutyLeaderPost => "没有值班领导岗位".to_owned(),
        Detail::AdultsByRatio { needed, said } => {
            format!("按师生比需要 {needed} 位成人，方案写的是 {said} 位")
        }
        Detail::StudentsStaying { staying, said } => {
            format!("这些班有 {staying} 名学生参加，方案写的是 {said} 名")
        }
        Detail::Meetings {
            count,
            week,
            expected,
        } => format!("{}活动 {count} 次，应为 {expected} 次", v.week_of(week)),
        Detail::ClubLeaders { count } => {
            format!("有 {count} 位不同的指导教师；一个社团所有活动由同一位指导")
        }
        Detail::GateTiming {
            start,
            end,
            in_place,
            minutes,
        } => format!("时间为 {start}–{end}：门岗应从放学前 {in_place} 分钟到放学后 {minutes} 分钟"),
        Detail::LockNotKept { staff, role } => {
            format!("锁定的{}（{}）不在这个岗位上", who(staff), v.role(*role))
        }
        Detail::SubstitutionWithoutService { date } => {
            format!("{date} 有代课记录，但那天没有课后服务")
        }
        Detail::AbsenceOfUnknown => "请假记录中的人不在教职工名单里".to_owned(),
        Detail::AbsenceBackwards { from, to } => {
            format!("请假结束日 {to} 早于开始日 {from}：请在方案文件中更正日期")
        }
        Detail::NoSuchPostOn { date } => format!("{date} 没有这个岗位"),
        Detail::AbsentThatDay { staff } => format!("{} 当天请假", who(staff)),
        Detail::PostsThatDay { count, cap } => {
            format!("当天有 {count} 个岗位，上限 {cap} 个")
        }
        Detail::PostsInTeachingWeek { count, week, cap } => format!(
            "{}有 {count} 个岗位，上限 {cap} 个",
            super::fill(v.teaching_week, &[week])
        ),
        Detail::FreeToAssist { staff } => {
            format!("缺一位协助的成人，而 {} 此时空闲且可以担任", who(staff))
        }
        Detail::FreeToLead { staff } => {
            format!("没有负责人，而 {} 此时空闲且可以担任负责人", who(staff))
        }
        Detail::FreeForAdults { open, staff } => {
            format!("缺 {open} 位成人，而 {} 此时空闲且可以担任", who(staff))
        }
        Detail::FreeToLeadClub { staff } => {
            format!("没有指导教师，而 {} 每次活动都能指导", who(staff))
        }
    }
}

/// `PLACE：RULE：DETAIL` / `PLACE: RULE: DETAIL`.
pub fn line(violation: &Violation, n: &Names) -> String {
    let (p, r, d) = (
        place(&violation.place, n),
        rule(violation.rule, n.lang),
        detail(&violation.detail, n),
    );
    match n.lang {
        Lang::Zh => format!("{p}：{r}：{d}"),
        Lang::En => format!("{p}: {r}: {d}"),
    }
}

/// The rule and what is broken, without the place: `RULE：DETAIL`.
pub fn what(violation: &Violation, n: &Names) -> String {
    let (r, d) = (rule(violation.rule, n.lang), detail(&violation.detail, n));
    match n.lang {
        Lang::Zh => format!("{r}：{d}"),
        Lang::En => format!("{r}: {d}"),
    }
}
