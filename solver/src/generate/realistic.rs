//! The realistic profile: a school as deputy heads describe theirs, not the
//! roomy demo. Teachers of each grade band have their teaching-research
//! afternoon (教研) on one weekday, class teachers take up to five posts a
//! week, a few teachers with other duties only two, part-timers three, and
//! on Thursday about a third of the remaining teachers are away (district
//! lessons, 外出听课), so Thursday is thin. Still coverable: the capacity
//! tests hold every size of this profile to full coverage.

use std::collections::BTreeSet;

use crate::model::{Club, Meetings, School, SessionKind, Slot, StaffId, StaffKind, Weekday};

use super::rng::Rng;

/// Grade bands and their teaching-research weekday.
const RESEARCH_DAYS: [((u8, u8), Weekday); 3] = [
    ((1, 2), Weekday::Tue),
    ((3, 4), Weekday::Wed),
    ((5, 6), Weekday::Thu),
];

/// Per cent of the teachers still there on Thursday who are away too.
const THIN_THURSDAY_PERCENT: u32 = 30;

/// Teachers with other duties (年级组长, 教研组长…) who take at most two posts.
const LIGHT_TEACHERS: usize = 5;

/// Turns a generated school into the realistic profile's.
pub(super) fn apply(school: &mut School, rng: &mut Rng) {
    let grade_of_class =
        |id: &crate::model::ClassId| school.classes.iter().find(|c| &c.id == id).map(|c| c.grade);
    let grades: Vec<Option<u8>> = school
        .staff
        .iter()
        .map(|p| p.class_teacher_of.as_ref().and_then(&grade_of_class))
        .collect();
    let clubs = school.clubs.clone();
    let mut light = 0;
    let mut thin = Vec::new();
    for (i, person) in school.staff.iter_mut().enumerate() {
        if person.kind != StaffKind::Teacher {
            continue;
        }
        let fixed = fixed_days(&clubs, &person.id);
        let band = match grades[i] {
            Some(g) => RESEARCH_DAYS
                .iter()
                .position(|((lo, hi), _)| (*lo..=*hi).contains(&g))
                .unwrap_or(0),
            None => rng.below(RESEARCH_DAYS.len()),
        };
        // A club's fixed leader keeps its day: the band's research moves to
        // another band's day (a teacher of two grades picks one).
        let day = (0..RESEARCH_DAYS.len())
            .map(|k| RESEARCH_DAYS[(band + k) % RESEARCH_DAYS.len()].1)
            .find(|d| !fixed.contains(d));
        if let Some(day) = day {
            away(person, day);
        }
        if person.class_teacher_of.is_some() {
            person.max_per_week = Some(5);
        } else if person.part_time_percent < 100 {
            person.max_per_week = Some(3);
        } else if light < LIGHT_TEACHERS && fixed.is_empty() && rng.chance(25) {
            person.max_per_week = Some(2);
            light += 1;
        }
        if !person.is_unavailable(Weekday::Thu, SessionKind::Basic)
            && !fixed.contains(&Weekday::Thu)
        {
            thin.push(i);
        }
    }
    rng.shuffle(&mut thin);
    let away_thursday = thin.len() * THIN_THURSDAY_PERCENT as usize / 100;
    for &i in thin.iter().take(away_thursday) {
        away(&mut school.staff[i], Weekday::Thu);
    }
    school.name = format!("{}（实况）", school.name);
}

/// The whole afternoon of `day` off, every week.
fn away(person: &mut crate::model::Person, day: Weekday) {
    if person
        .unavailable
        .iter()
        .any(|s| s.day == day && s.session.is_none())
    {
        return;
    }
    person.unavailable.retain(|s| s.day != day);
    person.unavailable.push(Slot { day, session: None });
    person.unavailable.sort();
}

/// Weekdays on which `staff` leads a club with fixed meetings.
fn fixed_days(clubs: &[Club], staff: &StaffId) -> BTreeSet<Weekday> {
    clubs
        .iter()
        .filter(|c| c.leader.as_ref() == Some(staff))
        .flat_map(|c| match &c.meetings {
            Meetings::Fixed(slots) => slots.iter().map(|s| s.day).collect(),
            Meetings::PerWeek(_) => Vec::new(),
        })
        .collect()
}
