//! A finding as data: how bad, which item, which of its fields, and what is
//! wrong with the numbers and names the message needs. Wording is the
//! renderer's: [`Finding::english`] (and `Display`) here, other languages in
//! the application, each an exhaustive `match` over [`FindingKind`].

use std::fmt;

use chrono::NaiveDate;

use super::problems::{
    ClassProblem, ClubProblem, IdProblem, RoomProblem, RuleProblem, StaffProblem, TermProblem,
    TimetableProblem,
};
use crate::model::{ClassId, ClubId, RoomId, Season, StaffId};
use crate::namer::{Ids, Namer};

/// How bad a finding is: an error stops solving; a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a school: which item, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    pub severity: Severity,
    /// The item it is about.
    pub subject: Subject,
    /// The field of the item to change, where one is to blame: forms put
    /// the message beside it.
    pub field: Option<Field>,
    pub kind: FindingKind,
}

/// The lists of a school whose items have ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    Staff,
    Rooms,
    Classes,
    Clubs,
}

/// What a finding is about. Names are as the school had them when it was
/// checked, so a finding reads the same whatever happens to the school.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    School,
    Term,
    Rules,
    Duties,
    /// The staff list as a whole.
    StaffList,
    /// The timetables as a whole.
    Timetables,
    /// An item without an id: its place in its list, from 1.
    Entry {
        list: List,
        position: usize,
    },
    Person {
        id: StaffId,
        name: String,
    },
    Room {
        id: RoomId,
        name: String,
    },
    Class {
        id: ClassId,
    },
    Club {
        id: ClubId,
        name: String,
    },
    /// A day timetable, numbered from 1 in file order.
    Timetable(TimetableRef),
    Holiday(HolidayRef),
    MakeupDay(NaiveDate),
    NoServiceDay(NaiveDate),
}

/// A timetable as a finding names it: `timetable 2 (summer, grades 3-6)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimetableRef {
    pub number: usize,
    pub season: Season,
    pub from: u8,
    pub to: u8,
}

/// A holiday as a finding names it: its name and dates.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HolidayRef {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Another item a finding refers to, with its name as it was.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref<I> {
    pub id: I,
    pub name: String,
}

/// A field of a school file's item (or of its rules), for forms to place a
/// message beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    Name,
    Kind,
    Skills,
    Skill,
    ClassTeacherOf,
    ClassTeacher,
    MaxPerDay,
    MaxPerWeek,
    PartTimePercent,
    Leave,
    Preferences,
    TeachingPeriods,
    Unavailable,
    OptedIn,
    Capacity,
    Outdoor,
    Fallback,
    Grade,
    Grades,
    Homeroom,
    Basic,
    Extended,
    Late,
    Enrolled,
    Meetings,
    RoomKind,
    Leader,
    FirstDay,
    LastDay,
    SeasonSwitch,
    StartsIn,
    From,
    To,
    Date,
    Days,
    Sessions,
    CycleWeeks,
    Ratios,
    MayLead,
    Caps,
    Weights,
    MergeGroups,
    TimeLimit,
    Participation,
    DutyLeader,
    Gate,
    Reception,
}

/// What is wrong, by area of the school file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FindingKind {
    Ids(IdProblem),
    Term(TermProblem),
    Rules(RuleProblem),
    Timetable(TimetableProblem),
    Staff(StaffProblem),
    Room(RoomProblem),
    Class(ClassProblem),
    Club(ClubProblem),
}

/// A finding in words: what is wrong, and what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub problem: String,
    pub fix: String,
}

impl Words {
    pub fn new(problem: impl Into<String>, fix: impl Into<String>) -> Words {
        Words {
            problem: problem.into(),
            fix: fix.into(),
        }
    }
}

impl FindingKind {
    /// The problem and the fix in English.
    pub fn english(&self, n: &dyn Namer) -> Words {
        match self {
            FindingKind::Ids(p) => p.english(),
            FindingKind::Term(p) => p.english(),
            FindingKind::Rules(p) => p.english(),
            FindingKind::Timetable(p) => p.english(),
            FindingKind::Staff(p) => p.english(n),
            FindingKind::Room(p) => p.english(),
            FindingKind::Class(p) => p.english(),
            FindingKind::Club(p) => p.english(n),
        }
    }
}

impl Finding {
    /// The whole finding in English: `error: ITEM: PROBLEM; FIX`.
    pub fn english(&self, n: &dyn Namer) -> String {
        let tag = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let Words { problem, fix } = self.kind.english(n);
        format!("{tag}: {}: {problem}; {fix}", self.subject)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english(&Ids))
    }
}

impl List {
    /// The item's kind in English, and the plural of the list.
    pub fn english(self) -> (&'static str, &'static str) {
        match self {
            List::Staff => ("staff", "people"),
            List::Rooms => ("room", "rooms"),
            List::Classes => ("class", "classes"),
            List::Clubs => ("club", "clubs"),
        }
    }
}

/// `what id (name)`, coping with a missing id or name.
pub(crate) fn named(what: &str, id: &str, name: &str) -> String {
    let id = if id.trim().is_empty() {
        "with no id"
    } else {
        id
    };
    if name.trim().is_empty() {
        format!("{what} {id}")
    } else {
        format!("{what} {id} ({name})")
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::School => f.write_str("school"),
            Subject::Term => f.write_str("term"),
            Subject::Rules => f.write_str("rules"),
            Subject::Duties => f.write_str("duties"),
            Subject::StaffList => f.write_str("staff"),
            Subject::Timetables => f.write_str("timetables"),
            Subject::Entry { list, position } => {
                write!(f, "{} #{position} in the list", list.english().0)
            }
            Subject::Person { id, name } => f.write_str(&named("staff", id.as_str(), name)),
            Subject::Room { id, name } => f.write_str(&named("room", id.as_str(), name)),
            Subject::Class { id } => f.write_str(&named("class", id.as_str(), "")),
            Subject::Club { id, name } => f.write_str(&named("club", id.as_str(), name)),
            Subject::Timetable(t) => t.fmt(f),
            Subject::Holiday(h) => h.fmt(f),
            Subject::MakeupDay(d) => write!(f, "make-up day {d}"),
            Subject::NoServiceDay(d) => write!(f, "no-service day {d}"),
        }
    }
}

impl fmt::Display for TimetableRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "timetable {} ({}, {})",
            self.number,
            season_name(self.season),
            grades_text(self.from, self.to)
        )
    }
}

impl fmt::Display for HolidayRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = if self.name.trim().is_empty() {
            "(no name)"
        } else {
            self.name.as_str()
        };
        write!(f, "holiday {name} ({} to {})", self.from, self.to)
    }
}

/// A reference to a person in an English sentence: `王丽 (t017)`, or the id.
impl fmt::Display for Ref<StaffId> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.trim().is_empty() {
            write!(f, "{}", self.id)
        } else {
            write!(f, "{} ({})", self.name, self.id)
        }
    }
}

/// A room in an English sentence: `room gym (体育馆)`.
impl fmt::Display for Ref<RoomId> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&named("room", self.id.as_str(), &self.name))
    }
}

pub(crate) fn season_name(s: Season) -> &'static str {
    match s {
        Season::Summer => "summer",
        Season::Winter => "winter",
    }
}

/// `summer and winter`.
pub(crate) fn seasons_text(seasons: &[Season]) -> String {
    seasons
        .iter()
        .map(|s| season_name(*s))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// `grade 3` or `grades 3-6`.
pub(crate) fn grades_text(from: u8, to: u8) -> String {
    if from == to {
        format!("grade {from}")
    } else {
        format!("grades {from}-{to}")
    }
}
