//! Explanations are a product: for every post that is not fully staffed, why
//! — counted from the plan and the school, not from the solver, so they are
//! true whatever the solver did — as data (`plan::UnmetReason`): whom it
//! needs, how many could take it and what kept each of them, why it has no
//! room. The renderers word it.

use std::collections::BTreeMap;

use crate::demand::PostSpec;
use crate::eligibility::{may_lead, staffing, unavailable_reason, Unavailable};
use crate::model::{RoomKind, School, Season, SessionKind, Weekday};
use crate::plan::{Cause, Need, Plan, Post, PostKind, RoomShortfall, Shortfall, UnmetReason};

/// Sets `unmet_reason` on every post missing adults or a lead, and clears it elsewhere.
pub fn mark_unmet(school: &School, plan: &mut Plan) {
    let snapshot = plan.clone();
    for post in &mut plan.posts {
        let room =
            (post.kind.holds_students() && post.room.is_none()).then(|| room_reason(school, post));
        let people = (post.missing() > 0 || (!post.has_lead() && post.adults_needed > 0))
            .then(|| reason(school, &snapshot, post));
        post.unmet_reason =
            (room.is_some() || people.is_some()).then_some(UnmetReason::Why { people, room });
    }
}

/// Why a group has no room: every room of the kind it needs is taken or too small.
fn room_reason(school: &School, post: &Post) -> RoomShortfall {
    let kind = match post.kind {
        PostKind::Club => post
            .club
            .as_ref()
            .and_then(|c| school.club(c))
            .map_or(RoomKind::Classroom, |c| c.room_kind),
        _ => RoomKind::Classroom,
    };
    let rooms: Vec<_> = school.rooms.iter().filter(|r| r.kind == kind).collect();
    let big = rooms.iter().filter(|r| r.capacity >= post.students).count();
    if rooms.is_empty() {
        return RoomShortfall::NoneOfKind { kind };
    }
    if big == 0 {
        return RoomShortfall::TooSmall {
            kind,
            students: post.students,
            largest: rooms.iter().map(|r| r.capacity).max().unwrap_or(0),
        };
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
        return RoomShortfall::NoShelter { kind };
    }
    RoomShortfall::AllTaken {
        kind,
        rooms: rooms.len() as u32,
        big_enough: big as u32,
        students: post.students,
    }
}

/// The cause an eligibility reason counts as.
fn cause(u: Unavailable) -> Option<Cause> {
    Some(match u {
        Unavailable::NotTakingPart => Cause::NotTakingPart,
        // Someone of a kind that may never take it is not one "who could".
        Unavailable::WrongKind => return None,
        Unavailable::CapZero => Cause::CapZero,
        Unavailable::ExemptFromLate => Cause::ExemptFromLate,
        Unavailable::OnLeave => Cause::OnLeave,
        Unavailable::UnavailableSession(s) => Cause::Unavailable(s),
    })
}

/// Why `post` lacks adults: of the people who could take it, how many are
/// busy elsewhere then, at a cap, unavailable, on leave, exempt.
pub fn reason(school: &School, plan: &Plan, post: &Post) -> Shortfall {
    let spec = spec_of(school, post, crate::calendar::main_season(&school.term));
    let needs_lead = !post.has_lead();
    let mut why: BTreeMap<Cause, u32> = BTreeMap::new();
    let mut could = 0;
    for person in &school.staff {
        if needs_lead && !may_lead(school, person, &spec) {
            continue;
        }
        if post.staff.iter().any(|a| a.staff == person.id) {
            continue;
        }
        let st = staffing(school, person, plan.cycle_weeks);
        let c = match unavailable_reason(school, person, &st, &spec) {
            Some(u) => match cause(u) {
                Some(c) => c,
                None => continue,
            },
            None => busy_reason(plan, post, &person.id, &st).unwrap_or(Cause::FreeNotChosen),
        };
        could += 1;
        *why.entry(c).or_default() += 1;
    }
    let need = if needs_lead {
        match post.kind {
            PostKind::DutyLeader => Need::DutyLeader,
            _ => Need::Lead {
                skill: spec.lead_skill.clone(),
            },
        }
    } else {
        Need::Adults(post.missing())
    };
    Shortfall {
        need,
        could,
        causes: why.into_iter().collect(),
    }
}

fn busy_reason(
    plan: &Plan,
    post: &Post,
    staff: &crate::model::StaffId,
    st: &crate::eligibility::Staffing,
) -> Option<Cause> {
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
        return Some(Cause::Busy);
    }
    if mine.iter().filter(same_day).count() as u32 >= st.per_day {
        return Some(Cause::DailyCap);
    }
    if mine.iter().filter(|p| p.week == post.week).count() as u32 >= st.per_week {
        return Some(Cause::WeeklyCap);
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

/// Unmet posts of one day and session that share a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmetGroup {
    pub week: u8,
    pub day: Weekday,
    pub session: SessionKind,
    pub reason: UnmetReason,
    /// The posts, by id, in the plan's order.
    pub posts: Vec<String>,
    /// Adults missing over them (a missing lead counts as one).
    pub adults: u32,
}

impl UnmetGroup {
    /// In English: "week 1 Thursday, extended: 3 post(s) short of 3 adult(s)
    /// (w1-thu-extended-3-1, …): needs …".
    pub fn english(&self, n: &dyn crate::namer::Namer) -> String {
        let mut ids: Vec<String> = self.posts.iter().take(3).map(|p| n.post(p)).collect();
        if self.posts.len() > 3 {
            ids.push("…".to_owned());
        }
        format!(
            "week {} {}, {}: {} post(s) short of {} adult(s) ({}): {}",
            self.week,
            self.day,
            self.session,
            self.posts.len(),
            self.adults,
            ids.join(", "),
            self.reason.english(n)
        )
    }
}

/// Unmet posts grouped by day, session and reason, for summaries.
pub fn summary(plan: &Plan) -> Vec<UnmetGroup> {
    let mut groups: BTreeMap<(u8, Weekday, SessionKind, UnmetReason), Vec<&Post>> = BTreeMap::new();
    for post in &plan.posts {
        let Some(reason) = &post.unmet_reason else {
            continue;
        };
        groups
            .entry((post.week, post.day, post.session, reason.clone()))
            .or_default()
            .push(post);
    }
    groups
        .into_iter()
        .map(|((week, day, session, reason), posts)| UnmetGroup {
            week,
            day,
            session,
            reason,
            adults: posts
                .iter()
                .map(|p| p.missing().max(u32::from(!p.has_lead())))
                .sum(),
            posts: posts.iter().map(|p| p.id.clone()).collect(),
        })
        .collect()
}
