//! Weekdays, sessions, clock times and seasons: the vocabulary of a school day.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A service weekday. After-school service runs Monday to Friday ("5+2"); a
/// make-up Saturday or Sunday runs *as* one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
}

impl Weekday {
    pub const ALL: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    /// 0 for Monday … 4 for Friday; the index into per-weekday counts.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The lower-case short name used in CSV files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
        }
    }

    pub fn from_code(s: &str) -> Option<Weekday> {
        let s = s.trim().to_ascii_lowercase();
        Weekday::ALL
            .into_iter()
            .find(|d| d.code() == s || d.english().to_ascii_lowercase() == s)
            .or_else(|| {
                Weekday::ALL
                    .into_iter()
                    .find(|d| d.chinese() == s || d.chinese_short() == s)
            })
    }

    pub fn english(self) -> &'static str {
        match self {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Weekday::Mon => "周一",
            Weekday::Tue => "周二",
            Weekday::Wed => "周三",
            Weekday::Thu => "周四",
            Weekday::Fri => "周五",
        }
    }

    fn chinese_short(self) -> &'static str {
        match self {
            Weekday::Mon => "一",
            Weekday::Tue => "二",
            Weekday::Wed => "三",
            Weekday::Thu => "四",
            Weekday::Fri => "五",
        }
    }

    /// The service weekday of a calendar weekday, if it is one.
    pub fn from_chrono(d: chrono::Weekday) -> Option<Weekday> {
        match d {
            chrono::Weekday::Mon => Some(Weekday::Mon),
            chrono::Weekday::Tue => Some(Weekday::Tue),
            chrono::Weekday::Wed => Some(Weekday::Wed),
            chrono::Weekday::Thu => Some(Weekday::Thu),
            chrono::Weekday::Fri => Some(Weekday::Fri),
            chrono::Weekday::Sat | chrono::Weekday::Sun => None,
        }
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// The segments of a school day that after-school service can staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SessionKind {
    /// 早间看护: early arrivals.
    Morning,
    /// 午间看护: lunch and rest.
    Noon,
    /// 基本服务: supervised homework, after afternoon dismissal.
    Basic,
    /// 拓展服务: clubs, or more homework time.
    Extended,
    /// 弹性离校: the late group until parents come.
    Late,
    /// 晚自习: junior middle schools only.
    Evening,
}

impl SessionKind {
    pub const ALL: [SessionKind; 6] = [
        SessionKind::Morning,
        SessionKind::Noon,
        SessionKind::Basic,
        SessionKind::Extended,
        SessionKind::Late,
        SessionKind::Evening,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SessionKind::Morning => "morning",
            SessionKind::Noon => "noon",
            SessionKind::Basic => "basic",
            SessionKind::Extended => "extended",
            SessionKind::Late => "late",
            SessionKind::Evening => "evening",
        }
    }

    pub fn from_code(s: &str) -> Option<SessionKind> {
        let s = s.trim().to_ascii_lowercase();
        SessionKind::ALL
            .into_iter()
            .find(|k| k.code() == s || k.chinese() == s)
    }

    pub fn chinese(self) -> &'static str {
        match self {
            SessionKind::Morning => "早间看护",
            SessionKind::Noon => "午间看护",
            SessionKind::Basic => "基本服务",
            SessionKind::Extended => "拓展服务",
            SessionKind::Late => "弹性离校",
            SessionKind::Evening => "晚自习",
        }
    }
}

impl fmt::Display for SessionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A time of day to the minute, written `"15:05"` in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    /// `None` unless `hour < 24` and `minute < 60`.
    pub fn new(hour: u16, minute: u16) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then_some(ClockTime(hour * 60 + minute))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    pub fn parse(s: &str) -> Option<ClockTime> {
        let (h, m) = s.trim().split_once(':')?;
        if m.len() != 2 {
            return None;
        }
        ClockTime::new(h.parse().ok()?, m.parse().ok()?)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("`{s}` is not a time of day like \"15:05\""))
        })
    }
}

/// 作息时间表: summer and winter day timetables differ in their end times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Season {
    Summer,
    Winter,
}

impl Season {
    pub fn other(self) -> Season {
        match self {
            Season::Summer => Season::Winter,
            Season::Winter => Season::Summer,
        }
    }
}

/// A weekday and a session, or every session of that weekday. Written
/// `(day: Thu, session: Some(Basic))`, or in CSV as `thu:basic` / `fri:all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    pub day: Weekday,
    /// `None` means every session of the day.
    #[serde(default)]
    pub session: Option<SessionKind>,
}

impl Slot {
    pub fn covers(&self, day: Weekday, session: SessionKind) -> bool {
        self.day == day && self.session.is_none_or(|s| s == session)
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.session {
            Some(s) => write!(f, "{}:{}", self.day.code(), s.code()),
            None => write!(f, "{}:all", self.day.code()),
        }
    }
}

/// An inclusive range of grades, like 3–6. Written `(from: 3, to: 6)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub from: u8,
    pub to: u8,
}

impl GradeBand {
    pub fn contains(&self, grade: u8) -> bool {
        (self.from..=self.to).contains(&grade)
    }

    pub fn overlaps(&self, other: &GradeBand) -> bool {
        self.from <= other.to && other.from <= self.to
    }
}

impl fmt::Display for GradeBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}-{}", self.from, self.to)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_time_round_trips_and_rejects_nonsense() {
        let t = ClockTime::parse("15:05").unwrap();
        assert_eq!(t.minutes(), 15 * 60 + 5);
        assert_eq!(t.to_string(), "15:05");
        assert!(ClockTime::parse("25:00").is_none());
        assert!(ClockTime::parse("15:5").is_none());
        assert!(ClockTime::parse("three").is_none());
    }

    #[test]
    fn weekday_codes_accept_english_and_chinese() {
        assert_eq!(Weekday::from_code("THU"), Some(Weekday::Thu));
        assert_eq!(Weekday::from_code("周五"), Some(Weekday::Fri));
        assert_eq!(Weekday::from_code("sat"), None);
    }

    #[test]
    fn slot_without_session_covers_the_whole_day() {
        let s = Slot {
            day: Weekday::Fri,
            session: None,
        };
        assert!(s.covers(Weekday::Fri, SessionKind::Late));
        assert!(!s.covers(Weekday::Thu, SessionKind::Late));
        assert_eq!(s.to_string(), "fri:all");
    }
}
