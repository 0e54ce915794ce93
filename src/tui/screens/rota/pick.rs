//! Who could take a place: everyone, the free first. "Free" is judged
//! quickly here (not on another post at the time, under the caps of posts a
//! day and a week, not unavailable that weekly slot); the checker has the last word
//! once the choice is made, and shows any rule it breaks beside the post.

use kehou_solver::eligibility::staffing;
use kehou_solver::model::StaffId;
use kehou_solver::plan::Post;

use super::Slot;
use crate::tui::doc::Doc;

/// Why someone is or is not free for a place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Freedom {
    Free,
    /// On another post at an overlapping time (its group).
    Busy(String),
    /// At their cap of posts that day or that week.
    AtCap,
    /// Unavailable every week at this time.
    Unavailable,
    /// Already on this post.
    OnPost,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub staff: StaffId,
    pub name: String,
    pub freedom: Freedom,
}

/// Would one more post that day or week break the person's caps?
fn at_cap(doc: &Doc, person: &kehou_solver::model::Person, post: &Post) -> bool {
    let caps = staffing(&doc.school, person, doc.plan.cycle_weeks);
    let mine = doc
        .plan
        .posts
        .iter()
        .filter(|q| q.week == post.week && q.staff.iter().any(|a| a.staff == person.id));
    let (mut week, mut day) = (0, 0);
    for q in mine {
        week += 1;
        day += u32::from(q.day == post.day);
    }
    week >= caps.per_week || day >= caps.per_day
}

fn overlaps(a: &Post, b: &Post) -> bool {
    a.week == b.week && a.day == b.day && a.start < b.end && b.start < a.end
}

/// Everyone whose name or id contains `search`, free first, then by name.
pub fn candidates(doc: &Doc, slot: &Slot, search: &str) -> Vec<Candidate> {
    let Some(post) = doc.plan.posts.get(slot.post) else {
        return Vec::new();
    };
    let needle = search.to_lowercase();
    let mut out: Vec<Candidate> = doc
        .school
        .staff
        .iter()
        .filter(|p| {
            needle.is_empty()
                || p.name.to_lowercase().contains(&needle)
                || p.id.as_str().to_lowercase().contains(&needle)
        })
        .map(|p| {
            let on = |q: &Post| q.staff.iter().any(|a| a.staff == p.id);
            let freedom = if on(post) {
                Freedom::OnPost
            } else if p.is_unavailable(post.day, post.session) {
                Freedom::Unavailable
            } else if let Some(q) = doc
                .plan
                .posts
                .iter()
                .find(|q| q.id != post.id && overlaps(q, post) && on(q))
            {
                Freedom::Busy(q.group_label())
            } else if at_cap(doc, p, post) {
                Freedom::AtCap
            } else {
                Freedom::Free
            };
            Candidate {
                staff: p.id.clone(),
                name: p.name.clone(),
                freedom,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let rank = |f: &Freedom| match f {
            Freedom::Free => 0,
            Freedom::AtCap => 1,
            Freedom::Busy(_) => 2,
            Freedom::Unavailable => 3,
            Freedom::OnPost => 4,
        };
        rank(&a.freedom)
            .cmp(&rank(&b.freedom))
            .then_with(|| a.staff.cmp(&b.staff))
    });
    out
}
