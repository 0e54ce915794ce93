//! Teachers by subject group (教研组): their club skills, lessons, weekly
//! commitments, exemptions and wishes.

use crate::model::{Person, Preference, SessionKind, Skill, Slot, StaffKind, Stance, Weekday};

use super::names::Names;
use super::rng::Rng;
use super::staff::all_day;

/// A teacher's subject group. Not in the model; it decides club skills, who
/// becomes a class teacher, and which group has teaching research together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Subject {
    Chinese,
    Maths,
    English,
    Science,
    Pe,
    Music,
    Art,
    Morals,
    It,
}

/// Shares of the staff room in percent, as in a typical primary school.
const SHARES: [(Subject, u32); 9] = [
    (Subject::Chinese, 28),
    (Subject::Maths, 22),
    (Subject::English, 11),
    (Subject::Science, 7),
    (Subject::Pe, 10),
    (Subject::Music, 6),
    (Subject::Art, 6),
    (Subject::Morals, 5),
    (Subject::It, 5),
];

impl Subject {
    /// Club skills a teacher of this subject may bring.
    pub(super) fn club_skills(self) -> &'static [&'static str] {
        match self {
            Subject::Chinese => &["calligraphy", "reading", "recitation"],
            Subject::Maths => &["chess", "programming", "science"],
            Subject::English => &["english_drama", "reading"],
            Subject::Science => &["science", "robotics", "gardening"],
            Subject::Pe => &[
                "football",
                "basketball",
                "table_tennis",
                "athletics",
                "rope_skipping",
            ],
            Subject::Music => &["chorus", "dance", "folk_music"],
            Subject::Art => &["painting", "calligraphy", "papercut"],
            Subject::Morals => &["gardening", "reading"],
            Subject::It => &["programming", "robotics"],
        }
    }

    fn female_percent(self) -> u32 {
        match self {
            Subject::Pe => 35,
            Subject::It => 45,
            Subject::Science => 60,
            _ => 85,
        }
    }

    /// How many club skills a teacher brings: arts, sports and IT teachers
    /// nearly always some, others sometimes.
    fn club_skill_count(self, rng: &mut Rng) -> usize {
        let roll = rng.below(100);
        match self {
            Subject::Pe | Subject::Music | Subject::Art | Subject::It => 1 + usize::from(roll < 45),
            _ if roll < 55 => 0,
            _ if roll < 90 => 1,
            _ => 2,
        }
    }
}

pub(super) struct Teacher {
    pub(super) person: Person,
    pub(super) subject: Subject,
    pub(super) female: bool,
}

const PREFERENCES: [Preference; 6] = [
    Preference {
        stance: Stance::Avoid,
        day: Some(Weekday::Fri),
        session: None,
    },
    Preference {
        stance: Stance::Want,
        day: None,
        session: Some(SessionKind::Extended),
    },
    Preference {
        stance: Stance::Avoid,
        day: None,
        session: Some(SessionKind::Late),
    },
    Preference {
        stance: Stance::Want,
        day: None,
        session: Some(SessionKind::Basic),
    },
    Preference {
        stance: Stance::Avoid,
        day: Some(Weekday::Mon),
        session: None,
    },
    Preference {
        stance: Stance::Want,
        day: Some(Weekday::Tue),
        session: None,
    },
];

/// Teachers' one-off weekly commitments besides their group's research afternoon.
const ODD_SLOTS: [Slot; 3] = [
    // 区级培训 for new teachers.
    Slot {
        day: Weekday::Tue,
        session: Some(SessionKind::Basic),
    },
    // 外出听课.
    Slot {
        day: Weekday::Thu,
        session: None,
    },
    // 校本课程开发.
    Slot {
        day: Weekday::Mon,
        session: Some(SessionKind::Extended),
    },
];

/// `n` teachers split by subject share (largest remainder), listed by subject
/// group as a staff list usually is.
pub(super) fn hire_teachers(n: u32, rng: &mut Rng, names: &mut Names) -> Vec<Teacher> {
    let mut counts: Vec<(Subject, u32, u32)> = SHARES
        .iter()
        .map(|&(s, pct)| (s, n * pct / 100, n * pct % 100))
        .collect();
    let mut missing = n - counts.iter().map(|c| c.1).sum::<u32>();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(counts[i].2));
    for i in order.into_iter().cycle() {
        if missing == 0 {
            break;
        }
        counts[i].1 += 1;
        missing -= 1;
    }
    let mut teachers = Vec::new();
    for (subject, count, _) in counts {
        for _ in 0..count {
            let id = format!("t{:03}", teachers.len() + 1);
            let female = rng.chance(subject.female_percent());
            let mut p = Person::new(
                id,
                names.adult(rng, if female { 100 } else { 0 }),
                StaffKind::Teacher,
            );
            p.skills = vec![Skill::homework()];
            let mut club: Vec<&str> = subject.club_skills().to_vec();
            rng.shuffle(&mut club);
            club.truncate(subject.club_skill_count(rng));
            p.skills.extend(club.into_iter().map(Skill::new));
            let (lo, hi) = match subject {
                Subject::Chinese | Subject::Maths => (3, 4),
                _ => (2, 4),
            };
            p.teaching_periods = std::array::from_fn(|_| rng.range(lo, hi) as u8);
            if subject == Subject::English {
                // 英语组教研: the whole group meets on Wednesday afternoons.
                p.unavailable = vec![all_day(Weekday::Wed)];
            } else if rng.chance(4) {
                p.unavailable = vec![*rng.pick(&ODD_SLOTS)];
            }
            p.no_late = rng.chance(5);
            if rng.chance(25) {
                let first = rng.below(PREFERENCES.len());
                p.preferences.push(PREFERENCES[first]);
                if rng.chance(30) {
                    let second = (first + 1 + rng.below(PREFERENCES.len() - 1)) % PREFERENCES.len();
                    p.preferences.push(PREFERENCES[second]);
                }
            }
            teachers.push(Teacher {
                person: p,
                subject,
                female,
            });
        }
    }
    teachers
}
