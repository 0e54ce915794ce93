//! The plan's reasons and notes in words: why a post is unmet, why a cover
//! was chosen (or why nobody), what taking a place would break, what a
//! re-solve could not keep. English is the solver's wording, with names for
//! ids; Chinese is here, each type an exhaustive `match`.

use kehou_solver::explain::UnmetGroup;
use kehou_solver::plan::{
    Break, CalledIn, Cause, CoverReason, Dropped, Need, PlaceNeed, RoomShortfall, Shortfall,
    SolveNote, Stale, UnmetReason,
};

use super::{Lang, Names};

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// What kept someone from a post: `在别的岗位` / `busy with another post then`.
pub fn cause(c: Cause, lang: Lang) -> String {
    if lang == Lang::En {
        return c.english();
    }
    match c {
        Cause::NotTakingPart => "没有报名参加".to_owned(),
        Cause::CapZero => "岗位上限为 0".to_owned(),
        Cause::ExemptFromLate => "免弹性离校值班".to_owned(),
        Cause::OnLeave => "请假".to_owned(),
        Cause::Unavailable(s) => format!("每周{}不可用", lang.vocab().session(s)),
        Cause::Busy => "此时在别的岗位".to_owned(),
        Cause::DailyCap => "已达每日上限".to_owned(),
        Cause::WeeklyCap => "已达每周上限".to_owned(),
        Cause::FreeNotChosen => "空闲但没有排上".to_owned(),
    }
}

fn shortfall(s: &Shortfall, n: &Names) -> String {
    if n.lang == Lang::En {
        return s.english(n);
    }
    let who = match &s.need {
        Need::Lead { skill: Some(skill) } => format!("一位有“{}”特长的负责人", n.skill_of(skill)),
        Need::Lead { skill: None } => "一位负责人".to_owned(),
        Need::DutyLeader => "一位学校领导".to_owned(),
        Need::Adults(k) => format!("再来 {k} 位成人"),
    };
    if s.could == 0 {
        return match &s.need {
            Need::DutyLeader => {
                format!("需要{who}；教职工中没有行政人员：请把学校领导的类别设为“行政”")
            }
            Need::Lead { skill: Some(skill) } => format!(
                "需要{who}；教职工中没有人有“{}”特长且能担任负责人：给一位教职工加上这项特长，或外聘教练",
                n.skill_of(skill)
            ),
            _ => format!("需要{who}；教职工中没有人能担任"),
        };
    }
    let detail: Vec<String> = s
        .causes
        .iter()
        .map(|(c, k)| format!("{k} 人{}", cause(*c, n.lang)))
        .collect();
    format!(
        "需要{who}；{} 位可担任的人中：{}",
        s.could,
        n.lang.vocab().join(&detail)
    )
}

fn room_shortfall(r: &RoomShortfall, n: &Names) -> String {
    if n.lang == Lang::En {
        return r.english();
    }
    let v = n.lang.vocab();
    match r {
        RoomShortfall::NoneOfKind { kind } => format!(
            "没有{}：学校没有这类场地；添加一间，或更改社团的场地类型",
            v.room_kind(*kind)
        ),
        RoomShortfall::TooSmall {
            kind,
            students,
            largest,
        } => format!(
            "没有能容纳 {students} 名学生的{}（最大的容纳 {largest} 人）：添加更大的场地，或分组",
            v.room_kind(*kind)
        ),
        RoomShortfall::NoShelter { kind } => format!(
            "没有一间{}有雨天用的室内备用场地，不能安全活动：给一间{}设置备用场地（体育馆或礼堂）",
            v.room_kind(*kind),
            v.room_kind(*kind)
        ),
        RoomShortfall::AllTaken {
            kind,
            rooms,
            big_enough,
            students,
        } => format!(
            "没有空闲的{kind}：共 {rooms} 间，其中 {big_enough} 间能容纳 {students} 人，此时都已占用（室外社团还要留出雨天备用场地）",
            kind = v.room_kind(*kind)
        ),
    }
}

/// Why a post is unmet.
pub fn unmet(reason: &UnmetReason, n: &Names) -> String {
    if n.lang == Lang::En {
        return reason.english(n);
    }
    match reason {
        UnmetReason::Why { people, room } => {
            let people = people.as_ref().map(|p| shortfall(p, n));
            let room = room.as_ref().map(|r| room_shortfall(r, n));
            match (people, room) {
                (Some(p), Some(r)) => format!("{p}；另外，{r}"),
                (p, r) => p.or(r).unwrap_or_default(),
            }
        }
        UnmetReason::NoCover(why) => cover(why, n),
        UnmetReason::Text(text) => text.clone(),
    }
}

/// What taking a place would break.
pub fn break_(b: &Break, n: &Names) -> String {
    if n.lang == Lang::En {
        return b.english(n);
    }
    let vocab = n.lang.vocab();
    match b {
        Break::Busy(h) => format!("此时在{}（{}–{}）", n.post_id(&h.post), h.start, h.end),
        Break::DailyCap { posts, cap } => {
            format!("将超过每日上限（当天已有 {posts} 个，上限 {cap} 个）")
        }
        Break::WeeklyCap { posts, cap } => {
            format!("将超过每周上限（本周已有 {posts} 个，上限 {cap} 个）")
        }
        Break::Avoids { day, session } => {
            let what = match (day, session) {
                (Some(d), Some(s)) => format!("{}{}", vocab.weekday(*d), vocab.session(*s)),
                (Some(d), None) => vocab.weekday(*d).to_owned(),
                (None, Some(s)) => vocab.session(*s).to_owned(),
                (None, None) => "任何岗位".to_owned(),
            };
            format!("本人希望避开{what}")
        }
    }
}

/// The breaks, `；`-separated, or "breaks nothing".
pub fn breaks(list: &[Break], n: &Names) -> String {
    if list.is_empty() {
        return match n.lang {
            Lang::Zh => "不违反任何规则".to_owned(),
            Lang::En => "breaks nothing".to_owned(),
        };
    }
    let parts: Vec<String> = list.iter().map(|b| break_(b, n)).collect();
    parts.join(n.lang.vocab().clause_sep)
}

/// Why this cover, or why nobody.
pub fn cover(reason: &CoverReason, n: &Names) -> String {
    if n.lang == Lang::En {
        return reason.english(n);
    }
    match reason {
        CoverReason::Chosen {
            at_school,
            called_in,
            balance,
            peers,
            lowest,
            avoids,
            likes,
        } => {
            let mut parts = vec![match (at_school, called_in) {
                (Some(h), _) => format!(
                    "当天下午已在校（{} {}–{}）",
                    n.post_id(&h.post),
                    h.start,
                    h.end
                ),
                (None, Some(CalledIn::OthersNeeded)) => {
                    "需叫来：在校的人另有安排或已达上限".to_owned()
                }
                (None, _) => "需叫来：在校的人中没有空闲的".to_owned(),
            }];
            let among = if at_school.is_some() {
                "在校"
            } else {
                "需叫来"
            };
            parts.push(format!(
                "代课差 {}（{peers} 位空闲{among}者中最低为 {}）",
                signed(*balance),
                signed(*lowest)
            ));
            if !avoids.is_empty() {
                let a: Vec<String> = avoids.iter().map(|b| break_(b, n)).collect();
                parts.push(n.lang.vocab().join(&a));
            } else if *likes {
                parts.push("本人希望在这天或这个时段".to_owned());
            }
            parts.join("；")
        }
        CoverReason::Nobody {
            out,
            need,
            could,
            busy,
            capped,
            free,
            best,
        } => {
            let who = match need {
                PlaceNeed::DutyLeader => "值班领导（学校领导）",
                PlaceNeed::Lead => "负责人",
                PlaceNeed::Adult => "成人",
            };
            if *could == 0 {
                return format!(
                    "{}的岗位无人可代：当天教职工中没有别人能担任",
                    n.person_of(out)
                );
            }
            let mut text = format!(
                "{}的岗位无人可代：当天可担任{who}的 {could} 人中，{busy} 人此时另有岗位，{capped} 人已达每日或每周上限，{free} 人空闲但要去别的岗位",
                n.person_of(out)
            );
            if !best.is_empty() {
                let best: Vec<String> = best
                    .iter()
                    .map(|b| format!("{}（{}）", n.person_of(&b.staff), breaks(&b.breaks, n)))
                    .collect();
                text.push_str("；可手动安排：");
                text.push_str(&n.lang.vocab().join(&best));
            }
            text
        }
        CoverReason::ByHand { breaks: b } => {
            if b.is_empty() {
                "手动安排".to_owned()
            } else {
                format!("手动安排：{}", breaks(b, n))
            }
        }
        CoverReason::Text(text) => text.clone(),
    }
}

/// Why a recorded substitution no longer holds.
pub fn stale(s: Stale, lang: Lang) -> &'static str {
    match lang {
        Lang::En => s.english(),
        Lang::Zh => match s {
            Stale::OutBack => "请假的人已回来",
            Stale::CoverAway => "代课人当天不在",
            Stale::Retry => "kehou 重新安排",
            Stale::NotTheirs => "新方案中原来的人已不在此岗位",
            Stale::NowFull => "该岗位已不缺人",
            Stale::CoverBusy => "代课人此时已有自己的岗位",
        },
    }
}

/// A note from a solve.
pub fn note(note: &SolveNote, n: &Names) -> String {
    if n.lang == Lang::En {
        return note.english(n);
    }
    match note {
        SolveNote::LockPostGone { post } => {
            format!("{}的锁定未保留：这个岗位已不存在", n.post_id(post))
        }
        SolveNote::LockStaffGone { post, staff } => format!(
            "{}的锁定未保留：教职工名单里已没有“{staff}”",
            n.post_id(post)
        ),
        SolveNote::LockCannotTake { post, staff } => format!(
            "{}在{}的锁定未保留：此人现在不能担任这个岗位",
            n.person_of(staff),
            n.post_id(post)
        ),
        SolveNote::LockClashes { post, staff } => format!(
            "{}在{}的锁定未保留：与另一处锁定或上限冲突",
            n.person_of(staff),
            n.post_id(post)
        ),
        SolveNote::CoveredMore => "整数规划比初始安排覆盖了更多岗位".to_owned(),
        SolveNote::NothingToChange => "没有需要改动的：所有安排都保留".to_owned(),
        SolveNote::Cancelled => "已取消：方案是目前找到的最好的".to_owned(),
        SolveNote::NoBound => "第二阶段的完整求解在分配的时间内没有结果，因此没有下界".to_owned(),
        SolveNote::Improved { swaps, rounds } => {
            format!("通过 {swaps} 次对调和 {rounds} 轮局部搜索改进")
        }
        SolveNote::AbsenceDropped {
            staff,
            from,
            to,
            why,
        } => format!(
            "删去了{} {from} 至 {to} 的请假：{}",
            n.person_of(staff),
            match why {
                Dropped::Backwards => "结束日早于开始日",
                Dropped::NotOnStaff => "此人已不在教职工名单里",
            }
        ),
        SolveNote::SubstitutionDropped { date, post } => format!(
            "删去了 {date} {}的代课：其中的人已不在教职工名单里",
            n.post_id(post)
        ),
        SolveNote::HandNotKept {
            date,
            post,
            cover,
            out,
            why,
        } => format!(
            "{date} {}的手动代课（{}代{}）未保留：{}",
            n.post_id(post),
            cover.as_ref().map_or("无人".to_owned(), |c| n.person_of(c)),
            out.as_ref().map_or("缺的人".to_owned(), |o| n.person_of(o)),
            stale(*why, n.lang)
        ),
        SolveNote::Text(text) => text.clone(),
    }
}

/// Unmet posts of one day and session that share a reason:
/// `第1周 周四 拓展服务：3 个岗位缺 3 人（3-1、3-2、3-3……）：需要……`.
pub fn unmet_group(g: &UnmetGroup, n: &Names) -> String {
    let plan_post = |id: &String| {
        n.plan
            .and_then(|p| p.post(id))
            .map_or_else(|| id.clone(), |p| n.group(p))
    };
    let mut posts: Vec<String> = g.posts.iter().take(3).map(plan_post).collect();
    let v = n.lang.vocab();
    match n.lang {
        Lang::Zh => {
            if g.posts.len() > 3 {
                posts.push("……".to_owned());
            }
            format!(
                "{} {} {}：{} 个岗位缺 {} 人（{}）：{}",
                v.week_of(g.week),
                v.weekday(g.day),
                v.session(g.session),
                g.posts.len(),
                g.adults,
                v.join(&posts),
                unmet(&g.reason, n)
            )
        }
        Lang::En => {
            if g.posts.len() > 3 {
                posts.push("…".to_owned());
            }
            format!(
                "{} {} {}: {} post(s) short of {} adult(s) ({}): {}",
                v.week_of(g.week),
                v.weekday(g.day),
                v.session(g.session),
                g.posts.len(),
                g.adults,
                v.join(&posts),
                unmet(&g.reason, n)
            )
        }
    }
}
