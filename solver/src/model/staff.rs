//! Staff: teachers, leaders, retired teachers, volunteers and coaches.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ClassId, Skill, StaffId};
use super::time::{SessionKind, Slot, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StaffKind {
    /// 在职教师.
    Teacher,
    /// 学校领导: may be duty leader.
    Leader,
    /// 退休教师.
    Retired,
    /// 家长志愿者: assists only (by default).
    Parent,
    /// 社区志愿者: assists only (by default).
    Community,
    /// 校外教练 / 专业人员.
    Coach,
}

impl StaffKind {
    pub const ALL: [StaffKind; 6] = [
        StaffKind::Teacher,
        StaffKind::Leader,
        StaffKind::Retired,
        StaffKind::Parent,
        StaffKind::Community,
        StaffKind::Coach,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StaffKind::Teacher => "teacher",
            StaffKind::Leader => "leader",
            StaffKind::Retired => "retired",
            StaffKind::Parent => "parent",
            StaffKind::Community => "community",
            StaffKind::Coach => "coach",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            StaffKind::Teacher => "教师",
            StaffKind::Leader => "领导",
            StaffKind::Retired => "退休教师",
            StaffKind::Parent => "家长志愿者",
            StaffKind::Community => "社区志愿者",
            StaffKind::Coach => "教练",
        }
    }

    pub fn from_code(s: &str) -> Option<StaffKind> {
        let s = s.trim().to_ascii_lowercase();
        StaffKind::ALL
            .into_iter()
            .find(|k| k.code() == s || k.chinese() == s)
    }

    /// Teachers and leaders are the school's own staff: fairness is judged among them.
    pub fn is_own_staff(self) -> bool {
        matches!(self, StaffKind::Teacher | StaffKind::Leader)
    }
}

impl fmt::Display for StaffKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: StaffId,
    pub name: String,
    pub kind: StaffKind,
    /// `homework` to lead homework groups; club skills such as `football`.
    #[serde(default)]
    pub skills: Vec<Skill>,
    #[serde(default)]
    pub class_teacher_of: Option<ClassId>,
    /// Weekly slots this person is never available (teaching research, study …).
    #[serde(default)]
    pub unavailable: Vec<Slot>,
    /// Leave by date range.
    #[serde(default)]
    pub leave: Vec<Leave>,
    /// Overrides the cap of the person's kind.
    #[serde(default)]
    pub max_per_week: Option<u8>,
    #[serde(default)]
    pub max_per_day: Option<u8>,
    /// Exempt from late-group duty (health, young children …).
    #[serde(default)]
    pub no_late: bool,
    #[serde(default)]
    pub preferences: Vec<Preference>,
    /// Lessons taught each weekday, Monday to Friday.
    #[serde(default)]
    pub teaching_periods: [u8; 5],
    /// 100 for full time; 50 for half time.
    #[serde(default = "full_time")]
    pub part_time_percent: u8,
    /// Under voluntary participation, whether this person signed up.
    #[serde(default = "yes")]
    pub opted_in: bool,
}

fn full_time() -> u8 {
    100
}

fn yes() -> bool {
    true
}

impl Person {
    /// A person with the defaults of every optional field.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: StaffKind) -> Person {
        Person {
            id: StaffId::new(id),
            name: name.into(),
            kind,
            skills: Vec::new(),
            class_teacher_of: None,
            unavailable: Vec::new(),
            leave: Vec::new(),
            max_per_week: None,
            max_per_day: None,
            no_late: false,
            preferences: Vec::new(),
            teaching_periods: [0; 5],
            part_time_percent: 100,
            opted_in: true,
        }
    }

    pub fn has_skill(&self, skill: &Skill) -> bool {
        self.skills.contains(skill)
    }

    /// Unavailable every week in this slot.
    pub fn is_unavailable(&self, day: Weekday, session: SessionKind) -> bool {
        self.unavailable.iter().any(|s| s.covers(day, session))
    }

    pub fn on_leave(&self, date: NaiveDate) -> bool {
        self.leave.iter().any(|l| l.from <= date && date <= l.to)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    Want,
    Avoid,
}

/// A wish: a weekday, a session kind, or both, wanted or avoided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preference {
    pub stance: Stance,
    #[serde(default)]
    pub day: Option<Weekday>,
    #[serde(default)]
    pub session: Option<SessionKind>,
}

impl Preference {
    pub fn matches(&self, day: Weekday, session: SessionKind) -> bool {
        self.day.is_none_or(|d| d == day) && self.session.is_none_or(|s| s == session)
    }
}
