//! The people found, as lines of the shopping list: grouped by kind, skill,
//! club and whether they lead, with when they are needed and, for each, the
//! sessions they must be free for.

use std::collections::{BTreeMap, BTreeSet};

use crate::eligibility::may_lead;
use crate::ir::Var;
use crate::milp::build::Model;
use crate::model::{ClubId, SessionKind, Skill, StaffKind, Weekday};
use crate::plan::PostKind;

use super::people::Candidate;
use super::Hire;

/// The people found, grouped into lines of the list: by kind, skill, club
/// and whether they lead.
pub(super) fn extract(
    model: &Model,
    candidates: &[Candidate],
    h: &[Var],
    values: &[f64],
) -> Vec<Hire> {
    type Key = (StaffKind, Option<Skill>, Option<ClubId>, bool);
    #[derive(Default)]
    struct Line {
        tasks: BTreeSet<PostKind>,
        when: BTreeMap<(Weekday, SessionKind), u32>,
        people: Vec<Vec<(Weekday, SessionKind)>>,
    }
    let on = |v: Var| values[v.0] > 0.5;
    let mut lines: BTreeMap<Key, Line> = BTreeMap::new();
    for (c, hired) in candidates.iter().zip(h) {
        if !on(*hired) {
            continue;
        }
        let person = &model.school.staff[c.person];
        let mut tasks: BTreeSet<PostKind> = BTreeSet::new();
        let mut when: BTreeSet<(Weekday, SessionKind)> = BTreeSet::new();
        let mut available: BTreeSet<(Weekday, SessionKind)> = BTreeSet::new();
        let mut skill: Option<Skill> = None;
        let mut club = None;
        let mut leads = false;
        for a in model.acts[c.person].iter().filter(|a| on(a.var)) {
            let spec = &model.demand.posts[a.post];
            let post = &spec.post;
            tasks.insert(post.kind);
            when.insert((post.day, post.session));
            available.extend(spec.touched.iter().map(|s| (post.day, *s)));
            let lead = if post.kind == PostKind::Club {
                model
                    .club_of(a.post)
                    .is_some_and(|k| !model.clubs[k].assists.values().any(|v| *v == a.var))
            } else {
                may_lead(model.school, person, spec)
            };
            if lead {
                leads = true;
                if spec.lead_skill.is_some() {
                    skill.clone_from(&spec.lead_skill);
                }
                if post.kind == PostKind::Club {
                    club.clone_from(&post.club);
                }
            }
        }
        if tasks.is_empty() {
            continue;
        }
        let line = lines.entry((person.kind, skill, club, leads)).or_default();
        line.tasks.extend(tasks);
        for w in when {
            *line.when.entry(w).or_default() += 1;
        }
        line.people.push(available.into_iter().collect());
    }
    lines
        .into_iter()
        .map(|((kind, skill, club, leads), line)| Hire {
            count: line.people.len() as u32,
            kind,
            skill,
            club,
            leads,
            tasks: line.tasks.into_iter().collect(),
            when: line.when.into_iter().map(|((d, s), n)| (d, s, n)).collect(),
            people: line.people,
        })
        .collect()
}
