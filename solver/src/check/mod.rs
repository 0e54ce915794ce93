//! The independent checker: verifies every hard rule on a plan against the
//! school, without the MILP (docs/model.md §7). The solver's output is held
//! against this in tests; `kehou check SCHOOL PLAN` runs it for people.
//!
//! It reads the rules itself (`rules.rs`, written from docs/model.md and
//! docs/data-format.md) and imports nothing of the solver, the repair or the
//! explanations: a mistake in who may take what must show up here, not be
//! repeated here.

mod dated;
mod rules;
mod unused;
mod violation;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Meetings, RoomId, RoomKind, School, SessionKind, StaffId, Weekday};
use crate::plan::{Plan, Post, PostKind, Role};
pub use dated::{check_dated, check_dated_on, touched_dates};
use rules::NotFor;
pub use violation::{Detail, Place, Unfit, Violation};

/// The hard rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// The plan was solved for another version of the school.
    Stale,
    /// A post has fewer adults than the ratios require and no unmet reason.
    Coverage,
    /// A post has no lead adult, or a volunteer leads.
    Lead,
    Skill,
    Availability,
    Leave,
    /// A person on two posts at overlapping times.
    DoubleBooked,
    /// Two groups in one room at once, a room too small or of the wrong kind.
    Room,
    CapPerDay,
    CapPerWeek,
    LateExemption,
    Lock,
    /// The plan does not hold what the school needs (a class without a group, a club's meetings).
    Demand,
    UnknownId,
    /// A gate escort not at the gate before the wave arrives.
    GateTiming,
    /// A post left short while someone eligible is free for it.
    FreeButUnused,
}

/// Every broken hard rule of the cycle and of the real dates its absences and
/// substitutions touch: what must be empty before a plan is saved.
pub fn check_all(school: &School, plan: &Plan) -> Vec<Violation> {
    let mut out = check(school, plan);
    out.extend(check_dated(school, plan));
    out
}

/// The broken rules of `after` (a repair of `before`) that `before` did not
/// already break: what a repair must not bring in. Rules the plan broke
/// before the repair are the school's to fix, not the repair's fault.
///
/// `before` is checked on the real dates `after` touches too (a date the
/// repair touches for the first time would otherwise show the plan's old
/// breaks on it as new ones).
pub fn new_violations(school: &School, before: &Plan, after: &Plan) -> Vec<Violation> {
    let dates = touched_dates(school, after);
    let mut old = check(school, before);
    old.extend(check_dated_on(school, before, &dates));
    check_all(school, after)
        .into_iter()
        .filter(|v| !old.contains(v))
        .collect()
}

/// Every broken hard rule of `plan` for `school`; empty when the plan is sound.
pub fn check(school: &School, plan: &Plan) -> Vec<Violation> {
    let mut out = Vec::new();
    if plan.school_fingerprint != school.fingerprint() {
        out.push(v(Place::Plan, Rule::Stale, Detail::Stale));
    }
    let weeks = plan.cycle_weeks.max(1);
    let days = rules::term_days(school, weeks);
    let away: BTreeMap<&StaffId, Vec<(u8, Weekday)>> = school
        .staff
        .iter()
        .map(|p| (&p.id, rules::away_days(p, &days, weeks)))
        .collect();
    let main = rules::main_season(school);
    for post in &plan.posts {
        check_post(school, post, main, &away, &mut out);
    }
    check_people(school, plan, weeks, &mut out);
    check_rooms(school, plan, &mut out);
    check_demand(school, plan, &mut out);
    check_gates(school, plan, &mut out);
    check_locks(plan, &mut out);
    unused::check(school, plan, main, &away, &mut out);
    out.sort_by(|a, b| (a.rule, &a.place).cmp(&(b.rule, &b.place)));
    out
}

impl NotFor {
    /// The rule it breaks, and what the person is.
    fn described(self) -> (Rule, Unfit) {
        match self {
            NotFor::OnLeave => (Rule::Leave, Unfit::OnLeave),
            NotFor::ExemptFromLate => (Rule::LateExemption, Unfit::ExemptFromLate),
            NotFor::NotALeader => (Rule::Lead, Unfit::NotALeader),
            NotFor::NotTakingPart => (Rule::Availability, Unfit::NotTakingPart),
            NotFor::NoPosts => (Rule::Availability, Unfit::NoPosts),
            NotFor::Unavailable(s) => (Rule::Availability, Unfit::Unavailable(s)),
        }
    }
}

fn v(place: Place, rule: Rule, detail: Detail) -> Violation {
    Violation {
        place,
        rule,
        detail,
    }
}

pub(super) fn at(post: &Post) -> Place {
    Place::Post(post.id.clone())
}

/// Coverage, lead, skills and availability of one post.
fn check_post(
    school: &School,
    post: &Post,
    main: crate::model::Season,
    away: &BTreeMap<&StaffId, Vec<(u8, Weekday)>>,
    out: &mut Vec<Violation>,
) {
    if post.staff.len() < post.adults_needed as usize && post.unmet_reason.is_none() {
        out.push(v(
            at(post),
            Rule::Coverage,
            Detail::Short {
                staffed: post.staff.len() as u32,
                needed: post.adults_needed,
            },
        ));
    }
    if post.adults_needed > 0 && !post.has_lead() && post.unmet_reason.is_none() {
        out.push(v(at(post), Rule::Lead, Detail::NoLead));
    }
    let mut seen = BTreeSet::new();
    for a in &post.staff {
        if !seen.insert(&a.staff) {
            out.push(v(
                at(post),
                Rule::DoubleBooked,
                Detail::Twice {
                    staff: a.staff.clone(),
                },
            ));
        }
        let Some(person) = school.person(&a.staff) else {
            out.push(v(
                at(post),
                Rule::UnknownId,
                Detail::UnknownStaff {
                    staff: a.staff.clone(),
                },
            ));
            continue;
        };
        if a.role == Role::Lead && !rules::may_lead(school, person, post) {
            let staff = person.id.clone();
            let detail = if school.rules.may_lead.contains(&person.kind) {
                Detail::LeadsWithoutSkill { staff }
            } else {
                Detail::LeadsButMayOnlyAssist { staff }
            };
            out.push(v(at(post), Rule::Lead, detail));
        }
        let mine = away.get(&person.id).map_or(&[][..], Vec::as_slice);
        if let Some(why) = rules::not_for(school, person, post, main, mine) {
            let (rule, why) = why.described();
            out.push(v(
                at(post),
                rule,
                Detail::Unfit {
                    staff: person.id.clone(),
                    why,
                    cover: false,
                },
            ));
        }
    }
    if post.kind == PostKind::Club {
        if let Some(club) = post.club.as_ref().and_then(|c| school.club(c)) {
            if let Some(fixed) = &club.leader {
                if post
                    .staff
                    .iter()
                    .any(|a| a.role == Role::Lead && &a.staff != fixed)
                {
                    out.push(v(
                        at(post),
                        Rule::Lead,
                        Detail::NotTheFixedLeader {
                            fixed: fixed.clone(),
                        },
                    ));
                }
            }
        }
    }
}

/// One post at a time, caps per day and week.
fn check_people(school: &School, plan: &Plan, weeks: u8, out: &mut Vec<Violation>) {
    let mut by_person: BTreeMap<&StaffId, Vec<&Post>> = BTreeMap::new();
    for post in &plan.posts {
        for a in &post.staff {
            by_person.entry(&a.staff).or_default().push(post);
        }
    }
    for (id, posts) in by_person {
        let Some(person) = school.person(id) else {
            continue;
        };
        let (per_day, per_week) = rules::caps(school, person);
        for (i, a) in posts.iter().enumerate() {
            for b in &posts[i + 1..] {
                if a.id != b.id && rules::overlap(a, b) {
                    out.push(v(
                        Place::Person(id.clone()),
                        Rule::DoubleBooked,
                        Detail::Overlap {
                            first: a.id.clone(),
                            second: b.id.clone(),
                        },
                    ));
                }
            }
        }
        for week in 1..=weeks {
            let in_week: Vec<&&Post> = posts.iter().filter(|p| p.week == week).collect();
            if in_week.len() as u32 > per_week {
                out.push(v(
                    Place::Person(id.clone()),
                    Rule::CapPerWeek,
                    Detail::PostsInWeek {
                        count: in_week.len() as u32,
                        week,
                        cap: per_week,
                    },
                ));
            }
            for day in Weekday::ALL {
                let n = in_week.iter().filter(|p| p.day == day).count() as u32;
                if n > per_day {
                    out.push(v(
                        Place::Person(id.clone()),
                        Rule::CapPerDay,
                        Detail::PostsOnDay {
                            count: n,
                            day,
                            week,
                            cap: per_day,
                        },
                    ));
                }
            }
        }
    }
}

/// Rooms: known, of the right kind, big enough, one group at a time, an
/// outdoor club's fallback kept free.
fn check_rooms(school: &School, plan: &Plan, out: &mut Vec<Violation>) {
    let mut uses: Vec<(&RoomId, &Post)> = Vec::new();
    for post in &plan.posts {
        if !post.kind.holds_students() {
            continue;
        }
        let Some(room_id) = &post.room else {
            if post.unmet_reason.is_none() {
                out.push(v(at(post), Rule::Room, Detail::NoRoom));
            }
            continue;
        };
        let Some(room) = school.room(room_id) else {
            out.push(v(
                at(post),
                Rule::UnknownId,
                Detail::UnknownRoom {
                    room: room_id.clone(),
                },
            ));
            continue;
        };
        if room.capacity < post.students {
            out.push(v(
                at(post),
                Rule::Room,
                Detail::RoomTooSmall {
                    students: post.students,
                    room: room.id.clone(),
                    capacity: room.capacity,
                },
            ));
        }
        if room.is_unavailable(post.day, post.session) {
            out.push(v(
                at(post),
                Rule::Room,
                Detail::RoomUnavailable {
                    room: room.id.clone(),
                },
            ));
        }
        let wanted = match post.kind {
            PostKind::Club => post
                .club
                .as_ref()
                .and_then(|c| school.club(c))
                .map(|c| c.room_kind),
            PostKind::Homework | PostKind::Late => Some(RoomKind::Classroom),
            _ => None,
        };
        if let Some(kind) = wanted {
            if room.kind != kind {
                out.push(v(
                    at(post),
                    Rule::Room,
                    Detail::WrongRoomKind {
                        room: room.id.clone(),
                        is: room.kind,
                        needs: kind,
                    },
                ));
            }
        }
        let outdoor_club = post
            .club
            .as_ref()
            .and_then(|c| school.club(c))
            .is_some_and(|c| c.outdoor);
        if post.kind == PostKind::Club && (room.outdoor || outdoor_club) {
            let shelter = room
                .fallback
                .as_ref()
                .filter(|f| **f != room.id)
                .and_then(|f| school.room(f))
                .is_some_and(|f| !f.outdoor);
            if room.outdoor && !shelter {
                out.push(v(
                    at(post),
                    Rule::Room,
                    Detail::NoRainFallback {
                        room: room.id.clone(),
                    },
                ));
            }
        }
        uses.push((room_id, post));
        if post.kind == PostKind::Club && room.outdoor {
            if let Some(f) = &room.fallback {
                uses.push((f, post));
            }
        }
    }
    for (i, (r, a)) in uses.iter().enumerate() {
        for (r2, b) in &uses[i + 1..] {
            if r == r2
                && a.id != b.id
                && a.week == b.week
                && a.day == b.day
                && a.start < b.end
                && b.start < a.end
            {
                out.push(v(
                    at(a),
                    Rule::Room,
                    Detail::RoomShared {
                        room: (*r).clone(),
                        with: b.id.clone(),
                    },
                ));
            }
        }
    }
}

/// The plan holds what the school needs: every class's students in a group
/// in every session they stay for, every club's meetings, a duty leader each day.
fn check_demand(school: &School, plan: &Plan, out: &mut Vec<Violation>) {
    let weeks = plan.cycle_weeks.max(1);
    let has_session = |c: &crate::model::Class, day: Weekday, s: SessionKind| {
        school
            .session_time(rules::main_season(school), day, c.grade, s)
            .is_some_and(|t| t.start < t.end)
    };
    for week in 1..=weeks {
        for day in Weekday::ALL {
            let today: Vec<&Post> = plan
                .posts
                .iter()
                .filter(|p| p.week == week && p.day == day)
                .collect();
            for class in &school.classes {
                for (session, kind) in [
                    (SessionKind::Basic, PostKind::Homework),
                    (SessionKind::Extended, PostKind::Homework),
                    (SessionKind::Late, PostKind::Late),
                ] {
                    let staying = class.staying(day, session);
                    if staying == 0 || !has_session(class, day, session) {
                        continue;
                    }
                    let groups = today
                        .iter()
                        .filter(|p| {
                            p.kind == kind && p.session == session && p.classes.contains(&class.id)
                        })
                        .count();
                    if groups != 1 {
                        out.push(v(
                            Place::Class(class.id.clone()),
                            Rule::Demand,
                            Detail::Groups {
                                count: groups,
                                session,
                                day,
                                week,
                            },
                        ));
                    }
                }
            }
            let any_group = today.iter().any(|p| p.kind.holds_students());
            if school.duties.duty_leader
                && any_group
                && !today.iter().any(|p| p.kind == PostKind::DutyLeader)
            {
                out.push(v(
                    Place::Day { week, day },
                    Rule::Demand,
                    Detail::NoDutyLeaderPost,
                ));
            }
            for post in &today {
                let needed = needed_adults(school, post);
                if needed != post.adults_needed {
                    out.push(v(
                        at(post),
                        Rule::Coverage,
                        Detail::AdultsByRatio {
                            needed,
                            said: post.adults_needed,
                        },
                    ));
                }
                if post.kind.holds_students() && !post.classes.is_empty() {
                    let students: u32 = post
                        .classes
                        .iter()
                        .filter_map(|c| school.class(c))
                        .map(|c| c.staying(day, post.session))
                        .sum();
                    if students != post.students {
                        out.push(v(
                            at(post),
                            Rule::Demand,
                            Detail::StudentsStaying {
                                staying: students,
                                said: post.students,
                            },
                        ));
                    }
                }
            }
        }
    }
    for club in &school.clubs {
        for week in 1..=weeks {
            let meetings: Vec<&Post> = plan
                .posts
                .iter()
                .filter(|p| p.week == week && p.club.as_ref() == Some(&club.id))
                .collect();
            let expected = match &club.meetings {
                Meetings::Fixed(slots) => slots.iter().filter(|s| s.session.is_some()).count(),
                Meetings::PerWeek(n) => usize::from(*n),
            };
            if meetings.len() > expected
                || (matches!(club.meetings, Meetings::Fixed(_)) && meetings.len() != expected)
            {
                out.push(v(
                    Place::Club(club.id.clone()),
                    Rule::Demand,
                    Detail::Meetings {
                        count: meetings.len(),
                        week,
                        expected,
                    },
                ));
            }
            let leaders: BTreeSet<&StaffId> = plan
                .posts
                .iter()
                .filter(|p| p.club.as_ref() == Some(&club.id))
                .flat_map(|p| {
                    p.staff
                        .iter()
                        .filter(|a| a.role == Role::Lead)
                        .map(|a| &a.staff)
                })
                .collect();
            if leaders.len() > 1 && week == 1 {
                out.push(v(
                    Place::Club(club.id.clone()),
                    Rule::Lead,
                    Detail::ClubLeaders {
                        count: leaders.len(),
                    },
                ));
            }
        }
    }
}

/// Adults a post needs by the school's ratios.
fn needed_adults(school: &School, post: &Post) -> u32 {
    let r = &school.rules.ratios;
    match post.kind {
        PostKind::Homework => r.homework.adults_for(post.students),
        PostKind::Late => r.late.adults_for(post.students),
        PostKind::Club => {
            let outdoor = post
                .club
                .as_ref()
                .and_then(|c| school.club(c))
                .is_some_and(|c| c.outdoor);
            r.club_adults(post.students, outdoor)
        }
        PostKind::DutyLeader => 1,
        PostKind::Gate => u32::from(school.duties.gate.adults),
        PostKind::Reception => school
            .duties
            .reception
            .as_ref()
            .map_or(0, |rc| u32::from(rc.adults)),
    }
}

/// A gate escort stands at the gate `in_place_minutes` before the wave of
/// dismissal time t arrives and stays `minutes` after it (docs/model.md §2):
/// every gate post runs from t − in_place to t + minutes, where t is the end
/// of a group of that day. (Who holds a group ending at t cannot hold the
/// gate post of t: the two overlap, and `check_people` says so.)
fn check_gates(school: &School, plan: &Plan, out: &mut Vec<Violation>) {
    let gate = school.duties.gate;
    for post in plan.posts.iter().filter(|p| p.kind == PostKind::Gate) {
        let wave = post.start.minutes() + gate.in_place_minutes;
        let ends_then = plan.posts.iter().any(|g| {
            g.kind.holds_students() && g.week == post.week && g.day == post.day && {
                g.end.minutes() == wave
            }
        });
        let length = post.end.minutes().saturating_sub(post.start.minutes());
        if !ends_then || length != gate.in_place_minutes + gate.minutes {
            out.push(v(
                at(post),
                Rule::GateTiming,
                Detail::GateTiming {
                    start: post.start,
                    end: post.end,
                    in_place: gate.in_place_minutes,
                    minutes: gate.minutes,
                },
            ));
        }
    }
}

fn check_locks(plan: &Plan, out: &mut Vec<Violation>) {
    for lock in &plan.locks {
        let kept = plan.post(&lock.post).is_some_and(|p| {
            p.staff
                .iter()
                .any(|a| a.staff == lock.staff && a.role == lock.role)
        });
        if !kept {
            out.push(v(
                Place::Post(lock.post.clone()),
                Rule::Lock,
                Detail::LockNotKept {
                    staff: lock.staff.clone(),
                    role: lock.role,
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests;
