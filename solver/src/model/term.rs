//! The term: its dates, holidays, make-up workdays and the season switch.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::time::{Season, Weekday};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Shown on rosters, e.g. "2026—2027学年第一学期".
    pub name: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Public holidays (国庆, 中秋 …): no school, no service.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    /// 调休: a Saturday or Sunday that runs as a named weekday.
    #[serde(default)]
    pub makeup_days: Vec<MakeupDay>,
    /// School days without after-school service (exam days, sports day).
    #[serde(default)]
    pub no_service_days: Vec<NoServiceDay>,
    /// The season the term starts in (an autumn term starts in summer time).
    pub starts_in: Season,
    /// The first day of the other season's timetable, if it changes in the term.
    #[serde(default)]
    pub season_switch: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub name: String,
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MakeupDay {
    pub date: NaiveDate,
    pub runs_as: Weekday,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoServiceDay {
    pub date: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

impl Term {
    /// The season whose timetable runs on `date`.
    pub fn season_on(&self, date: NaiveDate) -> Season {
        match self.season_switch {
            Some(switch) if date >= switch => self.starts_in.other(),
            _ => self.starts_in,
        }
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.iter().any(|h| h.from <= date && date <= h.to)
    }
}
