//! No post is left short while someone eligible is free for it: taking part,
//! of a kind that may take it (a lead place: someone who may lead it, with
//! its skill), available and not on leave, on no post at an overlapping time
//! (either season), and under their caps for that day and week. For a club
//! without a leader: someone with its skill who is free at all of its
//! meetings. Putting them there would cover more with nothing else changed,
//! so a plan that breaks this is not even locally optimal: a bug.

use std::collections::BTreeMap;

use super::rules;
use super::{v, Detail, Place, Rule, Violation};
use crate::model::{Person, School, StaffId, Weekday};
use crate::plan::{Plan, Post, PostKind, Role};

/// Everyone's posts, for "is this person free then".
struct Holding<'a> {
    posts: BTreeMap<&'a StaffId, Vec<&'a Post>>,
}

impl<'a> Holding<'a> {
    fn of(plan: &'a Plan) -> Holding<'a> {
        let mut posts: BTreeMap<&StaffId, Vec<&Post>> = BTreeMap::new();
        for post in &plan.posts {
            for a in &post.staff {
                posts.entry(&a.staff).or_default().push(post);
            }
        }
        Holding { posts }
    }

    /// Could `person` take all of `wanted` on top of what they hold?
    fn free_for(&self, school: &School, person: &Person, wanted: &[&Post]) -> bool {
        let held = self.posts.get(&person.id).map_or(&[][..], Vec::as_slice);
        let (per_day, per_week) = rules::caps(school, person);
        for (k, post) in wanted.iter().enumerate() {
            if held.iter().any(|h| h.id == post.id) {
                return false;
            }
            let busy = held
                .iter()
                .chain(&wanted[..k])
                .any(|h| rules::overlap(h, post));
            if busy {
                return false;
            }
        }
        for week in wanted.iter().map(|p| p.week) {
            let in_week = held.iter().chain(wanted).filter(|p| p.week == week);
            if in_week.clone().count() as u32 > per_week {
                return false;
            }
            for day in Weekday::ALL {
                if in_week.clone().filter(|p| p.day == day).count() as u32 > per_day {
                    return false;
                }
            }
        }
        true
    }
}

pub(super) fn check(
    school: &School,
    plan: &Plan,
    main: crate::model::Season,
    away: &BTreeMap<&StaffId, Vec<(u8, Weekday)>>,
    out: &mut Vec<Violation>,
) {
    let holding = Holding::of(plan);
    let eligible = |person: &Person, post: &Post| {
        let mine = away.get(&person.id).map_or(&[][..], Vec::as_slice);
        rules::not_for(school, person, post, main, mine).is_none()
    };
    for post in &plan.posts {
        let lead_open = post.adults_needed > 0 && !post.has_lead();
        let open = (post.adults_needed as usize).saturating_sub(post.staff.len());
        if post.kind == PostKind::Club {
            let assistants = post.staff.iter().filter(|a| a.role == Role::Assist).count();
            let assist_open = (post.adults_needed as usize)
                .saturating_sub(1)
                .saturating_sub(assistants);
            if assist_open > 0 {
                if let Some(p) = school
                    .staff
                    .iter()
                    .find(|p| eligible(p, post) && holding.free_for(school, p, &[post]))
                {
                    out.push(v(
                        super::at(post),
                        Rule::FreeButUnused,
                        Detail::FreeToAssist {
                            staff: p.id.clone(),
                        },
                    ));
                }
            }
            continue;
        }
        let leader = lead_open.then(|| {
            school.staff.iter().find(|p| {
                rules::may_lead(school, p, post)
                    && eligible(p, post)
                    && holding.free_for(school, p, &[post])
            })
        });
        if let Some(Some(p)) = leader {
            out.push(v(
                super::at(post),
                Rule::FreeButUnused,
                Detail::FreeToLead {
                    staff: p.id.clone(),
                },
            ));
            continue;
        }
        if open > usize::from(lead_open) {
            if let Some(p) = school
                .staff
                .iter()
                .find(|p| eligible(p, post) && holding.free_for(school, p, &[post]))
            {
                out.push(v(
                    super::at(post),
                    Rule::FreeButUnused,
                    Detail::FreeForAdults {
                        open,
                        staff: p.id.clone(),
                    },
                ));
            }
        }
    }
    clubs_without_a_leader(school, plan, &holding, &eligible, out);
}

/// A club whose meetings have no leader, and someone with its skill who is
/// free at all of them (one leader leads every meeting).
fn clubs_without_a_leader(
    school: &School,
    plan: &Plan,
    holding: &Holding,
    eligible: &dyn Fn(&Person, &Post) -> bool,
    out: &mut Vec<Violation>,
) {
    for club in &school.clubs {
        let meetings: Vec<&Post> = plan
            .posts
            .iter()
            .filter(|p| p.club.as_ref() == Some(&club.id))
            .collect();
        if meetings.is_empty() || meetings.iter().any(|m| m.has_lead()) {
            continue;
        }
        let free = school.staff.iter().find(|p| {
            club.leader.as_ref().is_none_or(|l| *l == p.id)
                && meetings
                    .iter()
                    .all(|m| rules::may_lead(school, p, m) && eligible(p, m))
                && holding.free_for(school, p, &meetings)
        });
        if let Some(p) = free {
            out.push(v(
                Place::Club(club.id.clone()),
                Rule::FreeButUnused,
                Detail::FreeToLeadClub {
                    staff: p.id.clone(),
                },
            ));
        }
    }
}
