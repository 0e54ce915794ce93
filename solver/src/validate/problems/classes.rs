//! Classes: grade, homeroom, class teacher, numbers staying, session times.

use super::day_list;
use crate::model::{ClassId, RoomId, RoomKind, Season, SessionKind, StaffId, StaffKind, Weekday};
use crate::validate::finding::{seasons_text, Ref, Words};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ClassProblem {
    GradeOutOfRange {
        grade: u8,
    },
    HomeroomUnknown {
        room: RoomId,
    },
    HomeroomNotClassroom {
        room: Ref<RoomId>,
        kind: RoomKind,
    },
    /// More students on a day than any room of the homeroom's kind holds.
    GroupTooBig {
        students: u32,
        session: SessionKind,
        day: Weekday,
        kind: RoomKind,
        largest: u32,
    },
    GroupBiggerThanHomeroom {
        students: u32,
        session: SessionKind,
        day: Weekday,
        room: Ref<RoomId>,
        capacity: u32,
    },
    ClassTeacherUnknown {
        teacher: StaffId,
    },
    ClassTeacherNotOwn {
        teacher: Ref<StaffId>,
        kind: StaffKind,
    },
    /// The class names a teacher whose `class_teacher_of` names another class.
    ClassTeacherDisagrees {
        teacher: Ref<StaffId>,
        other: ClassId,
    },
    ClassTeacherOfOthers {
        teacher: Ref<StaffId>,
        others: Vec<ClassId>,
    },
    /// A person claims the class, which names someone else.
    ClaimDisagrees {
        claimant: Ref<StaffId>,
        class: ClassId,
        named: StaffId,
    },
    ClaimedByMany {
        claimants: Vec<Ref<StaffId>>,
        class: ClassId,
    },
    /// More students later than in basic service on these days.
    MoreLaterThanBasic {
        session: SessionKind,
        days: Vec<Weekday>,
    },
    GradeUncovered {
        seasons: Vec<Season>,
        grade: u8,
    },
    /// Students stay in sessions their grade has no times for.
    SessionsMissing {
        seasons: Vec<Season>,
        grade: u8,
        gaps: Vec<(SessionKind, Vec<Weekday>)>,
    },
}

/// How the sessions whose numbers a class gives are named in English.
pub(crate) fn counted(session: SessionKind) -> &'static str {
    match session {
        SessionKind::Extended => "the extended session",
        SessionKind::Late => "the late group",
        _ => "basic service",
    }
}

impl ClassProblem {
    pub fn english(&self) -> Words {
        match self {
            ClassProblem::GradeOutOfRange { grade } => Words::new(
                format!("its grade is {grade}; grades run 1 to 9"),
                "correct the grade",
            ),
            ClassProblem::HomeroomUnknown { room } => Words::new(
                format!("its homeroom {room} is not in the list of rooms"),
                "correct the homeroom, or add the room",
            ),
            ClassProblem::HomeroomNotClassroom { room, kind } => Words::new(
                format!("its homeroom is {room}, whose kind is {kind}, not classroom"),
                "check the homeroom; care groups usually stay in their own classroom",
            ),
            ClassProblem::GroupTooBig {
                students,
                session,
                day,
                kind,
                largest,
            } => Words::new(
                format!(
                    "has {students} students in {} on {day}, a group bigger than every room of its kind ({kind}; the largest holds {largest}), so it has no room and will be listed as unmet",
                    counted(*session)
                ),
                "check the number, or add a larger room; a group must fit in one room",
            ),
            ClassProblem::GroupBiggerThanHomeroom {
                students,
                session,
                day,
                room,
                capacity,
            } => Words::new(
                format!(
                    "has {students} students in {} on {day}, more than its homeroom {room} holds ({capacity})",
                    counted(*session)
                ),
                "check the number or the room's capacity; the group will need a larger room",
            ),
            ClassProblem::ClassTeacherUnknown { teacher } => Words::new(
                format!("its class teacher {teacher} is not on the staff list"),
                "correct class_teacher, or add the person to the staff",
            ),
            ClassProblem::ClassTeacherNotOwn { teacher, kind } => Words::new(
                format!("its class teacher {teacher} is of kind {kind}, not one of the school's teachers"),
                "check class_teacher",
            ),
            ClassProblem::ClassTeacherDisagrees { teacher, other } => Words::new(
                format!(
                    "its class_teacher is {teacher}, but that person's class_teacher_of says {other}; kehou will not guess who hands the class over"
                ),
                "make class_teacher and class_teacher_of agree (or give only one of them)",
            ),
            ClassProblem::ClassTeacherOfOthers { teacher, others } => {
                let others: Vec<&str> = others.iter().map(ClassId::as_str).collect();
                Words::new(
                    format!(
                        "its class teacher {teacher} is also class teacher of {}, and can hand over only one class at a time",
                        others.join(", ")
                    ),
                    "check class_teacher",
                )
            }
            ClassProblem::ClaimDisagrees {
                claimant,
                class,
                named,
            } => Words::new(
                format!(
                    "{claimant} gives class_teacher_of: {class}, but the class names {named} as its class teacher; kehou will not guess who hands the class over"
                ),
                "make class_teacher and class_teacher_of agree (or give only one of them)",
            ),
            ClassProblem::ClaimedByMany { claimants, class } => {
                let names: Vec<String> = claimants.iter().map(ToString::to_string).collect();
                Words::new(
                    format!(
                        "{} all give class_teacher_of: {class}, but a class has one class teacher",
                        names.join(", ")
                    ),
                    "keep class_teacher_of on one of them, or set the class's class_teacher",
                )
            }
            ClassProblem::MoreLaterThanBasic { session, days } => Words::new(
                format!(
                    "has more students in {} than in basic service on {}; students who stay later normally stay for basic service too",
                    counted(*session),
                    day_list(days)
                ),
                "check the numbers for those days",
            ),
            ClassProblem::GradeUncovered { seasons, grade } => {
                let seasons = seasons_text(seasons);
                Words::new(
                    format!("in {seasons} no timetable covers grade {grade}, so its students have no session times"),
                    format!("give grade {grade} a timetable in {seasons} (widen the grades of one, or add one), or correct the class's grade"),
                )
            }
            ClassProblem::SessionsMissing {
                seasons,
                grade,
                gaps,
            } => {
                let seasons = seasons_text(seasons);
                let gaps: Vec<String> = gaps
                    .iter()
                    .map(|(s, days)| format!("{} on {}", counted(*s), day_list(days)))
                    .collect();
                Words::new(
                    format!(
                        "students stay, but in {seasons} no timetable gives grade {grade} times for {}",
                        gaps.join("; ")
                    ),
                    format!("add those sessions or days to grade {grade}'s timetable in {seasons}, or set the numbers for them to 0"),
                )
            }
        }
    }
}
