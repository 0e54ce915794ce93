//! What the rota shows, computed from the plan: the sessions in use, the
//! posts of a cell after the filter, and the places (one per adult needed or
//! present) of those posts.

use kehou_solver::model::{SessionKind, StaffId, Weekday};
use kehou_solver::plan::Post;
use kehou_solver::School;

use super::RotaScreen;
use crate::tui::doc::Doc;
use crate::tui::text::Lang;

/// The columns of the grid.
pub const DAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// The rows of the grid: the sessions the plan has posts in, in the day's
/// order (basic, extended, late for a plan not solved yet).
pub fn sessions(plan: &kehou_solver::Plan) -> Vec<SessionKind> {
    let mut out: Vec<SessionKind> = SessionKind::ALL
        .into_iter()
        .filter(|s| plan.posts.iter().any(|p| p.session == *s))
        .collect();
    if out.is_empty() {
        out = vec![SessionKind::Basic, SessionKind::Extended, SessionKind::Late];
    }
    out
}

/// Does `post` pass the filter? Each word must match: `p:` a person (name or
/// id), `r:` a room (name or id), `c:` a class or club, `g:` a grade, `k:` a kind of post,
/// or, without a prefix, any of these.
pub fn matches(post: &Post, filter: &str, school: &School) -> bool {
    filter.split_whitespace().all(|word| {
        let word = word.to_lowercase();
        let (prefix, needle) = match word.split_once(':') {
            Some((p, n)) if ["p", "r", "c", "g", "k"].contains(&p) => {
                (Some(p.to_owned()), n.to_owned())
            }
            _ => (None, word.clone()),
        };
        let has = |s: &str| s.to_lowercase().contains(&needle);
        let person = || {
            post.staff.iter().any(|a| {
                has(a.staff.as_str()) || school.person(&a.staff).is_some_and(|p| has(&p.name))
            })
        };
        // By id (`music`) or name (`音乐室`): the deputy head knows rooms by name.
        let room = || {
            post.room.as_ref().is_some_and(|r| {
                has(r.as_str()) || school.room(r).is_some_and(|room| has(&room.name))
            })
        };
        let group = || {
            post.classes.iter().any(|c| has(c.as_str()))
                || post.club.as_ref().is_some_and(|c| {
                    has(c.as_str()) || school.club(c).is_some_and(|club| has(&club.name))
                })
        };
        let grade = || {
            post.classes.iter().any(|c| {
                school
                    .class(c)
                    .is_some_and(|c| c.grade.to_string() == needle)
            })
        };
        // Either language's name of the kind, whichever the interface speaks.
        let kind = || {
            has(post.kind.code())
                || has(Lang::Zh.text().post_kind(post.kind))
                || has(Lang::En.text().post_kind(post.kind))
        };
        match prefix.as_deref() {
            Some("p") => person(),
            Some("r") => room(),
            Some("c") => group(),
            Some("g") => grade(),
            Some("k") => kind(),
            _ => person() || room() || group() || grade() || kind(),
        }
    })
}

/// Is `post` shown, given the filter and the person view?
pub fn shown(screen: &RotaScreen, post: &Post, doc: &Doc) -> bool {
    screen
        .person
        .as_ref()
        .is_none_or(|id| post.staff.iter().any(|a| &a.staff == id))
        && matches(post, &screen.filter.text, &doc.school)
}

/// The shown posts of the selected cell, in the order listed.
pub fn cell_posts<'d>(screen: &RotaScreen, doc: &'d Doc) -> Vec<(usize, &'d Post)> {
    let sessions = sessions(&doc.plan);
    let Some(&session) = sessions.get(screen.row.min(sessions.len().saturating_sub(1))) else {
        return Vec::new();
    };
    let day = DAYS[screen.day.min(DAYS.len() - 1)];
    let mut out: Vec<(usize, &Post)> = doc
        .plan
        .posts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.week == screen.week + 1 && p.day == day && p.session == session)
        .filter(|(_, p)| shown(screen, p, doc))
        .collect();
    out.sort_by(|a, b| order(a.1).cmp(&order(b.1)));
    out
}

/// Posts list by kind, then group, then id.
pub fn order(p: &Post) -> (kehou_solver::plan::PostKind, String, &str) {
    (p.kind, p.group_label(), p.id.as_str())
}

/// One adult's place on a post: filled by `staff`, or empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Index into `plan.posts`.
    pub post: usize,
    pub post_id: String,
    /// Index into the post's `staff`, when the place is filled.
    pub adult: Option<usize>,
    pub staff: Option<StaffId>,
    /// The post's first place (where the post's own details are shown).
    pub first: bool,
}

/// The places of `posts`: one per adult on it, plus one per adult missing;
/// a post that needs nobody still gets one row.
pub fn slots(posts: &[(usize, &Post)]) -> Vec<Slot> {
    let mut out = Vec::new();
    for &(i, p) in posts {
        let n = p.staff.len().max(p.adults_needed as usize).max(1);
        for k in 0..n {
            out.push(Slot {
                post: i,
                post_id: p.id.clone(),
                adult: (k < p.staff.len()).then_some(k),
                staff: p.staff.get(k).map(|a| a.staff.clone()),
                first: k == 0,
            });
        }
    }
    out
}
