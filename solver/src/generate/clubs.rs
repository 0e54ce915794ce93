//! Clubs from the menu (see `club_menu`): enrolment, the fixed leaders, and
//! enough people with each club's skill for the solver to choose from.

use std::collections::BTreeMap;

use crate::model::{Club, ClubId, GradeBand, Meetings, Person, SessionKind, Skill, Slot, StaffId};

use super::club_menu::{Lead, Meet};
use super::rng::Rng;
use super::staff::{available_for, Staff};
use super::Spec;

fn meetings(meet: Meet) -> Meetings {
    match meet {
        Meet::Fixed(days) => Meetings::Fixed(
            days.iter()
                .map(|&day| Slot {
                    day,
                    session: Some(SessionKind::Extended),
                })
                .collect(),
        ),
        Meet::PerWeek(n) => Meetings::PerWeek(n),
    }
}

fn per_week(meetings: &Meetings) -> u32 {
    match meetings {
        Meetings::Fixed(slots) => slots.len() as u32,
        Meetings::PerWeek(n) => u32::from(*n),
    }
}

pub(super) fn clubs(spec: &Spec, staff: &mut Staff, rng: &mut Rng) -> Vec<Club> {
    let mut out: Vec<Club> = Vec::new();
    for t in spec.clubs {
        let meetings = meetings(t.meets);
        let skill = Skill::new(t.skill);
        let taken: Vec<StaffId> = out.iter().filter_map(|c| c.leader.clone()).collect();
        let leader = match t.lead {
            Lead::Open => None,
            Lead::Coach => staff
                .coaches
                .iter()
                .find(|p| p.has_skill(&skill) && available_for(p, &meetings))
                .map(|p| p.id.clone())
                .or_else(|| fixed_teacher(staff, &skill, &meetings, &taken, rng)),
            Lead::Retired => fixed_retired(staff, &skill, &meetings, rng)
                .or_else(|| fixed_teacher(staff, &skill, &meetings, &taken, rng)),
            Lead::Teacher => fixed_teacher(staff, &skill, &meetings, &taken, rng),
        };
        out.push(Club {
            id: ClubId::new(t.id),
            name: t.name.to_owned(),
            skill,
            grades: GradeBand {
                from: t.grades.0,
                to: t.grades.1,
            },
            enrolled: rng.range(t.enrolled.0, t.enrolled.1),
            meetings,
            room_kind: t.room,
            leader,
            outdoor: t.outdoor,
        });
    }
    ensure_leaders(&out, staff, rng);
    out
}

/// A retired teacher free on the club's days, who takes up the skill if needed.
fn fixed_retired(
    staff: &mut Staff,
    skill: &Skill,
    meetings: &Meetings,
    rng: &mut Rng,
) -> Option<StaffId> {
    let mut free: Vec<&mut Person> = staff
        .retired
        .iter_mut()
        .filter(|p| available_for(p, meetings))
        .collect();
    // Someone who already has the skill, else anyone free.
    let i = free
        .iter()
        .position(|p| p.has_skill(skill))
        .or_else(|| (!free.is_empty()).then(|| rng.below(free.len())))?;
    let p = &mut *free[i];
    if !p.has_skill(skill) {
        p.skills.push(skill.clone());
    }
    Some(p.id.clone())
}

/// A full-time teacher of a fitting subject, free on the club's days and not
/// yet leading another club, who takes up the skill if needed.
fn fixed_teacher(
    staff: &mut Staff,
    skill: &Skill,
    meetings: &Meetings,
    taken: &[StaffId],
    rng: &mut Rng,
) -> Option<StaffId> {
    let fits = |with_skill: bool| {
        staff
            .teachers
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.subject.club_skills().contains(&skill.as_str())
                    && t.person.has_skill(skill) == with_skill
                    && available_for(&t.person, meetings)
                    && !taken.contains(&t.person.id)
            })
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    let mut pool = fits(true);
    if pool.is_empty() {
        pool = fits(false);
    }
    if pool.is_empty() {
        return None;
    }
    let p = &mut staff.teachers[*rng.pick(&pool)].person;
    if !p.has_skill(skill) {
        p.skills.push(skill.clone());
    }
    Some(p.id.clone())
}

/// Every club skill is held by at least two people who may lead, one more for
/// every two weekly meetings of clubs with that skill, so that a sick leader
/// can be replaced. Teachers of a fitting subject with the fewest club skills
/// take it up.
fn ensure_leaders(clubs: &[Club], staff: &mut Staff, rng: &mut Rng) {
    let mut meetings: BTreeMap<&Skill, u32> = BTreeMap::new();
    for c in clubs {
        *meetings.entry(&c.skill).or_default() += per_week(&c.meetings);
    }
    for (skill, n) in meetings {
        let need = 2 + n / 2;
        let mut have = staff.lead_capable().filter(|p| p.has_skill(skill)).count() as u32;
        while have < need {
            let club_skills =
                |p: &Person| p.skills.iter().filter(|s| **s != Skill::homework()).count();
            let mut pool: Vec<usize> = (0..staff.teachers.len())
                .filter(|&i| {
                    let t = &staff.teachers[i];
                    t.subject.club_skills().contains(&skill.as_str()) && !t.person.has_skill(skill)
                })
                .collect();
            if pool.is_empty() {
                pool = (0..staff.teachers.len())
                    .filter(|&i| !staff.teachers[i].person.has_skill(skill))
                    .collect();
            }
            let Some(fewest) = pool
                .iter()
                .map(|&i| club_skills(&staff.teachers[i].person))
                .min()
            else {
                return;
            };
            pool.retain(|&i| club_skills(&staff.teachers[i].person) == fewest);
            staff.teachers[*rng.pick(&pool)]
                .person
                .skills
                .push(skill.clone());
            have += 1;
        }
    }
}
