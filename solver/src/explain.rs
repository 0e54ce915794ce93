//! Explanations are a product: for every post that is not fully staffed, why,
//! in words a deputy head understands — counted from the plan and the school,
//! not from the solver, so they are true whatever the solver did.

use std::collections::BTreeMap;

use crate::demand::PostSpec;
use crate::eligibility::{may_lead, staffing, unavailable_reason};
use crate::model::{School, Season, SessionKind, Weekday};
use crate::plan::{Plan, Post, PostKind};

/// Sets `unmet_reason` on every post missing adults or a lead, and clears it elsewhere.
pub fn mark_unmet(school: &School, plan: &mut Plan) {
    let snapshot = plan.clone();
    for post in &mut plan.posts {
        let room =
            (post.kind.holds_students() && post.room.is_none()).then(|| room_reason(school, post));
        let people = (post.missing() > 0 || (!post.has_lead() && post.adults_needed > 0))
            .then(|| reason(school, &snapshot, post));
        post.unmet_reason = match (room, people) {
            (Some(r), Some(p)) => Some(format!("{p}; and {r}")),
            (r, p) => r.or(p),
        };
    }
}

/// Why a group has no room: every room of the kind it needs is taken or too small.
fn room_reason(school: &School, post: &Post) -> String {
    let kind = match post.kind {
        PostKind::Club => post
            .club
            .as_ref()
            .and_then(|c| school.club(c))
            .map_or(crate::model::RoomKind::Classroom, |c| c.room_kind),
        _ => crate::model::RoomKind::Classroom,
    };
    let rooms: Vec<_> = school.rooms.iter().filter(|r| r.kind == kind).collect();
    let big = rooms.iter().filter(|r| r.capacity >= post.students).count();
    if rooms.is_empty() {
        return format!(
            "no {kind} room: the school has none; add one, or change the club's room kind"
        );
    }
    if big == 0 {
        return format!(
            "no {kind} room holds {} students (the largest holds {}): add a larger room, or split the group",
            post.students,
            rooms.iter().map(|r| r.capacity).max().unwrap_or(0)
        );
    }
    let outdoor = post
        .club
        .as_ref()
        .and_then(|c| school.club(c))
        .is_some_and(|c| c.outdoor);
    let sheltered = |r: &&crate::model::Room| {
        !r.outdoor
            || r.fallback
                .as_ref()
                .filter(|f| **f != r.id)
                .and_then(|f| school.room(f))
                .is_some_and(|f| !f.outdoor)
    };
    if (outdoor || rooms.iter().all(|r| r.outdoor)) && !rooms.iter().any(sheltered) {
        return format!(
            "no {kind} room has an indoor fallback for rain, so it cannot meet safely: set a fallback (a gym or hall) on a {kind} room"
        );
    }
    format!(
        "no free {kind} room: {} of kind {kind}, {big} hold {} students, all taken then (an outdoor club also keeps its rain fallback free)",
        rooms.len(),
        post.students
    )
}

/// Why `post` lacks adults: of the people who could take it, how many are
/// busy elsewhere then, at a cap, unavailable, on leave, exempt.
pub fn reason(school: &School, plan: &Plan, post: &Post) -> String {
    let spec = spec_of(school, post, crate::calendar::main_season(&school.term));
    let needs_lead = !post.has_lead();
    let mut why: BTreeMap<String, u32> = BTreeMap::new();
    let mut could = 0;
    for person in &school.staff {
        if needs_lead && !may_lead(school, person, &spec) {
            continue;
        }
        if post.staff.iter().any(|a| a.staff == person.id) {
            continue;
        }
        let st = staffing(school, person, plan.cycle_weeks);
        let unavailable = unavailable_reason(school, person, &st, &spec);
        // Someone of a kind that may never take it (a teacher, for the
        // duty leader) is not one "who could".
        if unavailable == Some(crate::eligibility::Unavailable::WrongKind) {
            continue;
        }
        could += 1;
        let cause = unavailable
            .map(|u| u.to_string())
            .or_else(|| busy_reason(plan, post, &person.id, &st).map(str::to_owned));
        *why.entry(cause.unwrap_or_else(|| "free but not chosen".to_owned()))
            .or_default() += 1;
    }
    let who = if needs_lead {
        match (post.kind, spec.lead_skill.as_ref()) {
            (PostKind::Club, Some(skill)) => format!("a lead adult with the skill {skill}"),
            (PostKind::DutyLeader, _) => "a school leader".to_owned(),
            (_, Some(skill)) => format!("a lead adult with the skill {skill}"),
            (_, None) => "a lead adult".to_owned(),
        }
    } else {
        format!("{} more adult(s)", post.missing())
    };
    if could == 0 {
        return match (post.kind, spec.lead_skill.as_ref()) {
            (PostKind::DutyLeader, _) => format!(
                "needs {who}; nobody on the staff list is a school leader: mark the school's leaders as kind Leader"
            ),
            (_, Some(skill)) if needs_lead => format!(
                "needs {who}; nobody on the staff has the skill {skill} and may lead: add it to a person, or hire a coach"
            ),
            _ => format!("needs {who}; nobody on the staff list can take it"),
        };
    }
    let detail: Vec<String> = why.iter().map(|(k, n)| format!("{n} {k}")).collect();
    format!("needs {who}; of {could} who could: {}", detail.join(", "))
}

fn busy_reason(
    plan: &Plan,
    post: &Post,
    staff: &crate::model::StaffId,
    st: &crate::eligibility::Staffing,
) -> Option<&'static str> {
    let mine: Vec<&Post> = plan
        .posts
        .iter()
        .filter(|p| p.staff.iter().any(|a| &a.staff == staff))
        .collect();
    let same_day = |p: &&&Post| p.week == post.week && p.day == post.day;
    if mine
        .iter()
        .filter(same_day)
        .any(|p| p.start < post.end && post.start < p.end)
    {
        return Some("busy with another post then");
    }
    if mine.iter().filter(same_day).count() as u32 >= st.per_day {
        return Some("at their daily cap");
    }
    if mine.iter().filter(|p| p.week == post.week).count() as u32 >= st.per_week {
        return Some("at their weekly cap");
    }
    None
}

/// The requirements of a post, rebuilt from the school (the plan stores only
/// the post); `season` is the season of the post's `start` and `end` (the
/// main season for the cycle's posts, the date's for a post timed for a date).
pub fn spec_of(school: &School, post: &Post, season: Season) -> PostSpec {
    let lead_skill = match post.kind {
        PostKind::Homework => Some(crate::model::Skill::homework()),
        PostKind::Club => post
            .club
            .as_ref()
            .and_then(|c| school.club(c))
            .map(|c| c.skill.clone()),
        _ => None,
    };
    let only_kinds =
        (post.kind == PostKind::DutyLeader).then(|| vec![crate::model::StaffKind::Leader]);
    PostSpec {
        post: post.clone(),
        lead_skill,
        only_kinds,
        other_season: post.other_season.unwrap_or((post.start, post.end)),
        optional: false,
        weight_percent: 100,
        season,
        touched: Vec::new(),
    }
    .with_touched(school)
}

/// Unmet posts grouped by day, session and reason, for summaries:
/// "week 1 Thursday, extended: 3 posts short of 3 adults (w1-thu-extended-3-1, …): needs …".
pub fn summary(plan: &Plan) -> Vec<String> {
    let mut groups: BTreeMap<(u8, Weekday, SessionKind, String), Vec<&Post>> = BTreeMap::new();
    for post in plan.posts.iter().filter(|p| p.unmet_reason.is_some()) {
        let reason = post.unmet_reason.clone().unwrap_or_default();
        groups
            .entry((post.week, post.day, post.session, reason))
            .or_default()
            .push(post);
    }
    groups
        .into_iter()
        .map(|((week, day, session, reason), posts)| {
            let adults: u32 = posts.iter().map(|p| p.missing().max(u32::from(!p.has_lead()))).sum();
            let mut ids: Vec<&str> = posts.iter().take(3).map(|p| p.id.as_str()).collect();
            if posts.len() > 3 {
                ids.push("…");
            }
            format!(
                "week {week} {day}, {session}: {} post(s) short of {adults} adult(s) ({}): {reason}",
                posts.len(),
                ids.join(", ")
            )
        })
        .collect()
}
