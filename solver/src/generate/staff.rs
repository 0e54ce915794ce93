//! Staff: teachers (see `teachers`), the leadership team, retired teachers,
//! coaches, and parent and community volunteers; class teachers, leave and
//! part time.

use std::collections::BTreeSet;

use chrono::Duration;

use crate::model::{
    ClassId, Club, Leave, Meetings, Person, SessionKind, Skill, Slot, StaffId, StaffKind, Weekday,
};

use super::calendar::{first_day, last_day};
use super::names::Names;
use super::rng::Rng;
use super::teachers::{hire_teachers, Subject, Teacher};
use super::Spec;

/// An outside coach: skills, and the weekdays they come to this school.
pub(super) struct CoachTemplate {
    skills: &'static [&'static str],
    days: &'static [Weekday],
}

const FOOTBALL_COACH: CoachTemplate = CoachTemplate {
    skills: &["football"],
    days: &[Weekday::Tue, Weekday::Thu],
};

pub(super) const SMALL_COACHES: &[CoachTemplate] = &[
    FOOTBALL_COACH,
    CoachTemplate {
        skills: &["table_tennis"],
        days: &[Weekday::Mon, Weekday::Wed],
    },
];

pub(super) const MEDIUM_COACHES: &[CoachTemplate] = &[
    FOOTBALL_COACH,
    CoachTemplate {
        skills: &["basketball"],
        days: &[Weekday::Mon, Weekday::Wed, Weekday::Thu],
    },
    CoachTemplate {
        skills: &["chess"],
        days: &[Weekday::Tue, Weekday::Wed],
    },
];

pub(super) const LARGE_COACHES: &[CoachTemplate] = &[
    FOOTBALL_COACH,
    CoachTemplate {
        skills: &["basketball"],
        days: &[Weekday::Mon, Weekday::Wed, Weekday::Thu],
    },
    CoachTemplate {
        skills: &["chess"],
        days: &[Weekday::Tue, Weekday::Wed],
    },
    CoachTemplate {
        skills: &["table_tennis"],
        days: &[Weekday::Mon, Weekday::Thu],
    },
    CoachTemplate {
        skills: &["folk_music"],
        days: &[Weekday::Tue, Weekday::Thu],
    },
];

/// Everyone, by group, until `into_people` lists them in the school's order.
pub(super) struct Staff {
    pub(super) teachers: Vec<Teacher>,
    pub(super) leaders: Vec<Person>,
    pub(super) retired: Vec<Person>,
    pub(super) coaches: Vec<Person>,
    volunteers: Vec<Person>,
}

pub(super) fn all_day(day: Weekday) -> Slot {
    Slot { day, session: None }
}

/// Whole weekdays not in `days`.
fn away_except(days: &[Weekday]) -> Vec<Slot> {
    Weekday::ALL
        .into_iter()
        .filter(|d| !days.contains(d))
        .map(all_day)
        .collect()
}

/// `n` distinct weekdays, in weekday order.
fn some_days(rng: &mut Rng, n: usize) -> Vec<Weekday> {
    let mut days = Weekday::ALL.to_vec();
    rng.shuffle(&mut days);
    days.truncate(n);
    days.sort();
    days
}

pub(super) fn hire(spec: &Spec, rng: &mut Rng, names: &mut Names) -> Staff {
    let teachers = hire_teachers(rng.range(spec.teachers.0, spec.teachers.1), rng, names);
    let leaders = spec
        .leaders
        .iter()
        .enumerate()
        .map(|(i, role)| {
            let mut p = Person::new(
                format!("l{:02}", i + 1),
                names.adult(rng, 50),
                StaffKind::Leader,
            );
            p.skills = vec![Skill::homework()];
            p.teaching_periods = std::array::from_fn(|_| rng.range(0, 2) as u8);
            if *role == "校长" {
                // The head has district meetings: fewer posts, and Mondays away
                // in schools big enough to have two deputies.
                p.max_per_week = Some(2);
                if spec.leaders.len() >= 6 {
                    p.unavailable = vec![all_day(Weekday::Mon)];
                }
            }
            p
        })
        .collect();
    let retired = (1..=rng.range(spec.retired.0, spec.retired.1))
        .map(|i| {
            let mut p = Person::new(format!("rt{i:02}"), names.older(rng), StaffKind::Retired);
            p.skills = vec![Skill::homework()];
            if rng.chance(50) {
                let skill = rng.pick(&["calligraphy", "chess", "reading", "painting"]);
                p.skills.push(Skill::new(*skill));
            }
            let days = rng.range(3, 4) as usize;
            p.unavailable = away_except(&some_days(rng, days));
            p
        })
        .collect();
    let coaches = spec
        .coaches
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut p = Person::new(
                format!("c{:02}", i + 1),
                names.adult(rng, 25),
                StaffKind::Coach,
            );
            p.skills = t.skills.iter().map(|s| Skill::new(*s)).collect();
            p.unavailable = away_except(t.days);
            p
        })
        .collect();
    let mut volunteers = Vec::new();
    for i in 1..=rng.range(spec.parents.0, spec.parents.1) {
        let mut p = Person::new(format!("p{i:02}"), names.adult(rng, 80), StaffKind::Parent);
        let days = rng.range(1, 2) as usize;
        p.unavailable = away_except(&some_days(rng, days));
        p.no_late = rng.chance(20);
        volunteers.push(p);
    }
    for i in 1..=rng.range(spec.community.0, spec.community.1) {
        let mut p = Person::new(
            format!("v{i:02}"),
            names.adult(rng, 60),
            StaffKind::Community,
        );
        let days = rng.range(2, 3) as usize;
        p.unavailable = away_except(&some_days(rng, days));
        volunteers.push(p);
    }
    Staff {
        teachers,
        leaders,
        retired,
        coaches,
        volunteers,
    }
}

impl Staff {
    /// Class teachers (班主任) come from the Chinese and maths groups, one per
    /// class; returns their ids in the order of `classes`.
    pub(super) fn appoint_class_teachers(
        &mut self,
        classes: &[ClassId],
        rng: &mut Rng,
    ) -> Vec<StaffId> {
        let mut pool: Vec<usize> = (0..self.teachers.len())
            .filter(|&i| matches!(self.teachers[i].subject, Subject::Chinese | Subject::Maths))
            .collect();
        rng.shuffle(&mut pool);
        classes
            .iter()
            .zip(pool)
            .map(|(class, i)| {
                let p = &mut self.teachers[i].person;
                p.class_teacher_of = Some(class.clone());
                p.id.clone()
            })
            .collect()
    }

    /// Everyone who may lead a post under the default rules.
    pub(super) fn lead_capable(&self) -> impl Iterator<Item = &Person> {
        self.teachers
            .iter()
            .map(|t| &t.person)
            .chain(&self.leaders)
            .chain(&self.retired)
            .chain(&self.coaches)
    }

    /// Maternity and sick leave, and part-time contracts, for teachers whom
    /// nothing else depends on: not class teachers, not a club's fixed leader,
    /// no club skill (so every club keeps its possible leaders).
    pub(super) fn grant_leave_and_part_time(&mut self, spec: &Spec, clubs: &[Club], rng: &mut Rng) {
        let fixed_leaders: BTreeSet<&StaffId> =
            clubs.iter().filter_map(|c| c.leader.as_ref()).collect();
        let mut free: Vec<usize> = (0..self.teachers.len())
            .filter(|&i| {
                let p = &self.teachers[i].person;
                p.class_teacher_of.is_none()
                    && !fixed_leaders.contains(&p.id)
                    && p.skills.iter().all(|s| *s == Skill::homework())
            })
            .collect();
        rng.shuffle(&mut free);
        let mut maternity = 0;
        let mut rest = Vec::new();
        for i in free {
            let t = &mut self.teachers[i];
            if maternity == spec.maternity_leave || !t.female {
                rest.push(i);
                continue;
            }
            // 158 days of maternity leave: the first teacher began hers in the
            // summer and comes back during the term; the others begin in it.
            let (from, to) = if maternity == 0 {
                let back = first_day() + Duration::days(i64::from(rng.range(30, 100)));
                (first_day(), back)
            } else {
                let from = first_day() + Duration::days(i64::from(rng.range(7, 90)));
                (from, (from + Duration::days(157)).min(last_day()))
            };
            t.person.leave.push(Leave {
                from,
                to,
                reason: "产假".to_owned(),
            });
            maternity += 1;
        }
        let mut rest = rest.into_iter();
        for i in rest.by_ref().take(spec.sick_leave as usize) {
            let from = first_day() + Duration::days(i64::from(rng.range(20, 110)));
            self.teachers[i].person.leave.push(Leave {
                from,
                to: from + Duration::days(13),
                reason: "病假".to_owned(),
            });
        }
        for i in rest.take(spec.part_time as usize) {
            let p = &mut self.teachers[i].person;
            p.part_time_percent = *rng.pick(&[50, 60, 80]);
            // Part-timers come in on fewer days: no lessons, no posts on the others.
            let days_off = if p.part_time_percent == 80 { 1 } else { 2 };
            for day in some_days(rng, days_off) {
                p.teaching_periods[day.index()] = 0;
                p.unavailable.retain(|s| s.day != day);
                p.unavailable.push(all_day(day));
            }
            p.unavailable.sort();
        }
    }

    /// Teachers first (by subject group), then leaders, retired teachers,
    /// coaches and volunteers.
    pub(super) fn into_people(self) -> Vec<Person> {
        self.teachers
            .into_iter()
            .map(|t| t.person)
            .chain(self.leaders)
            .chain(self.retired)
            .chain(self.coaches)
            .chain(self.volunteers)
            .collect()
    }
}

/// Whether a club with these meetings can always count on `p` being there.
pub(super) fn available_for(p: &Person, meetings: &Meetings) -> bool {
    match meetings {
        Meetings::Fixed(slots) => slots
            .iter()
            .all(|s| !p.is_unavailable(s.day, s.session.unwrap_or(SessionKind::Extended))),
        Meetings::PerWeek(_) => true,
    }
}
