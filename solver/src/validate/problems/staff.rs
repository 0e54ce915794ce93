//! Staff: working time, leave, caps, wishes and teaching load.

use chrono::NaiveDate;

use crate::model::{ClassId, SessionKind, Skill, Weekday};
use crate::namer::Namer;
use crate::validate::finding::Words;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StaffProblem {
    ListEmpty,
    /// More people than kehou plans for (its solves keep their time limit
    /// and memory only up to this size).
    TooMany {
        staff: usize,
        most: usize,
    },
    PartTimePercent {
        percent: u8,
    },
    UnknownClassTeacherOf {
        class: ClassId,
    },
    LeaveBackwards {
        from: NaiveDate,
        to: NaiveDate,
    },
    LeaveOutsideTerm {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Caps per day above caps per week; `own`: the person's own cap, not their kind's.
    CapsContradict {
        per_day: u8,
        per_week: u8,
        own_day: bool,
        own_week: bool,
    },
    PreferenceNamesNothing,
    /// Both wants and avoids the same day and session.
    PreferenceContradicts {
        day: Option<Weekday>,
        session: Option<SessionKind>,
    },
    TooManyPeriods {
        periods: u8,
        day: Weekday,
    },
    NeverAvailable,
    /// Nobody who may lead has the homework skill.
    NobodyForHomework,
}

impl StaffProblem {
    pub fn english(&self, n: &dyn Namer) -> Words {
        match self {
            StaffProblem::ListEmpty => Words::new(
                "the staff list is empty, so nobody can supervise anything",
                "add the staff who take part in after-school service",
            ),
            StaffProblem::TooMany { staff, most } => Words::new(
                format!("the staff list has {staff} people; kehou plans schools of up to {most}"),
                "list only the people who take part in after-school service, or split the school into campuses",
            ),
            StaffProblem::PartTimePercent { percent } => Words::new(
                format!("part_time_percent is {percent}; it must be 1 to 100"),
                "use 100 for full time, 50 for half time",
            ),
            StaffProblem::UnknownClassTeacherOf { class } => Words::new(
                format!("is class teacher of {class}, which is not in the list of classes"),
                "correct class_teacher_of, or add the class",
            ),
            StaffProblem::LeaveBackwards { from, to } => Words::new(
                format!("has leave ending on {to} before it starts on {from}"),
                "correct the leave's `from` or `to` (`to` is the last day away, inclusive)",
            ),
            StaffProblem::LeaveOutsideTerm { from, to } => Words::new(
                format!("has leave from {from} to {to}, outside the term, so it changes nothing"),
                "check the leave's year, or remove it",
            ),
            StaffProblem::CapsContradict {
                per_day,
                per_week,
                own_day,
                own_week,
            } => {
                let whose = |own: bool| if own { "their own" } else { "their kind's" };
                Words::new(
                    format!(
                        "may take {per_day} posts a day ({} max_per_day) but only {per_week} a week ({} max_per_week)",
                        whose(*own_day),
                        whose(*own_week)
                    ),
                    "make max_per_day at most max_per_week",
                )
            }
            StaffProblem::PreferenceNamesNothing => Words::new(
                "has a preference that names neither a day nor a session, so it would apply to every post",
                "give the preference a day, a session, or both, or remove it",
            ),
            StaffProblem::PreferenceContradicts { day, session } => {
                let what = match (day, session) {
                    (Some(d), Some(s)) => format!("{d} {s}"),
                    (Some(d), None) => d.to_string(),
                    (None, Some(s)) => format!("the {s} session"),
                    (None, None) => String::new(),
                };
                Words::new(
                    format!("both wants and avoids {what}"),
                    "keep one of the two preferences",
                )
            }
            StaffProblem::TooManyPeriods { periods, day } => Words::new(
                format!("teaches {periods} periods on {day}, more than a school day has"),
                "check teaching_periods (lessons per weekday, Monday to Friday)",
            ),
            StaffProblem::NeverAvailable => Words::new(
                "is unavailable every day, so will never be scheduled",
                "check unavailable, or remove the person from the staff list",
            ),
            StaffProblem::NobodyForHomework => {
                let skill = n.skill(&Skill::homework());
                Words::new(
                    format!("nobody who may lead a group has the skill `{skill}`, so no homework group can have a responsible adult and all will be listed as unmet"),
                    format!("add `{skill}` to the skills of the teachers who supervise homework"),
                )
            }
        }
    }
}
