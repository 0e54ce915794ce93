//! Validation findings (`kehou_solver::validate::Finding`) in words: the
//! item, what is wrong and what to change. English is the solver's own
//! wording; Chinese is here, one file per area of the school file, each an
//! exhaustive `match`.

mod classes;
mod clubs;
mod ids;
mod rooms;
mod rules;
mod staff;
mod term;
mod timetables;

use chrono::{Datelike, NaiveDate};
use kehou_solver::model::{RoomId, Season, StaffId, Weekday};
use kehou_solver::validate::{
    Finding, FindingKind, HolidayRef, List, Ref, Severity, Subject, TimetableRef, Words,
};

use super::{Lang, Names};

/// A finding in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingText {
    /// `错误` / `error`, `警告` / `warning`.
    pub tag: &'static str,
    pub subject: String,
    pub problem: String,
    pub fix: String,
}

impl FindingText {
    /// `错误：场地 美术室：…；…` / `error: room art (美术室): …; …`.
    pub fn line(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "{}：{}：{}；{}",
                self.tag, self.subject, self.problem, self.fix
            ),
            Lang::En => format!(
                "{}: {}: {}; {}",
                self.tag, self.subject, self.problem, self.fix
            ),
        }
    }

    /// The problem and the fix, for a form's field: `… — …`.
    pub fn short(&self) -> String {
        format!("{} — {}", self.problem, self.fix)
    }
}

pub fn severity(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    }
}

pub fn render(f: &Finding, n: &Names) -> FindingText {
    let Words { problem, fix } = words(&f.kind, n);
    FindingText {
        tag: severity(f.severity, n.lang),
        subject: subject(&f.subject, n),
        problem,
        fix,
    }
}

/// The whole finding on one line.
pub fn line(f: &Finding, n: &Names) -> String {
    render(f, n).line(n.lang)
}

/// What is wrong and what to change.
pub fn words(kind: &FindingKind, n: &Names) -> Words {
    if n.lang == Lang::En {
        return kind.english(n);
    }
    match kind {
        FindingKind::Ids(p) => ids::zh(p),
        FindingKind::Term(p) => term::zh(p),
        FindingKind::Rules(p) => rules::zh(p, n),
        FindingKind::Timetable(p) => timetables::zh(p),
        FindingKind::Staff(p) => staff::zh(p, n),
        FindingKind::Room(p) => rooms::zh(p, n),
        FindingKind::Class(p) => classes::zh(p, n),
        FindingKind::Club(p) => clubs::zh(p, n),
    }
}

/// The item a finding is about.
pub fn subject(s: &Subject, n: &Names) -> String {
    if n.lang == Lang::En {
        return s.to_string();
    }
    // Names alone, as a Chinese reader expects them (`王丽：…`, `1-1班：…`);
    // the kind of item only where there is no name to go by.
    let or_id = |what: &str, id: &str, name: &str| {
        if name.trim().is_empty() {
            format!("{what}编号“{id}”")
        } else {
            format!("{what}“{name}”")
        }
    };
    match s {
        Subject::School => "学校".to_owned(),
        Subject::Term => "学期".to_owned(),
        Subject::Rules => "规则".to_owned(),
        Subject::Duties => "值班设置".to_owned(),
        Subject::StaffList => "教职工名单".to_owned(),
        Subject::Timetables => "作息时间表".to_owned(),
        Subject::Entry { list, position } => format!("{}第{position}项", list_zh(*list)),
        Subject::Person { id, name } => {
            if name.trim().is_empty() {
                format!("教职工“{id}”")
            } else {
                n.person_named(id, name)
            }
        }
        Subject::Room { id, name } => or_id("场地", id.as_str(), name),
        Subject::Class { id } => format!("{id}班"),
        Subject::Club { id, name } => or_id("社团", id.as_str(), name),
        Subject::Timetable(t) => timetable(t),
        Subject::Holiday(h) => holiday(h),
        Subject::MakeupDay(d) => format!("调休日{d}"),
        Subject::NoServiceDay(d) => format!("停课日{d}"),
    }
}

fn list_zh(list: List) -> &'static str {
    match list {
        List::Staff => "教职工名单",
        List::Rooms => "场地名单",
        List::Classes => "班级名单",
        List::Clubs => "社团名单",
    }
}

/// `作息时间表 2（夏季作息，3至6年级）`.
fn timetable(t: &TimetableRef) -> String {
    let v = Lang::Zh.vocab();
    format!(
        "作息时间表{}（{}，{}）",
        t.number,
        v.season(t.season),
        v.grades_of(t.from, t.to)
    )
}

/// `假期 国庆（2026-10-01至2026-10-07）`.
fn holiday(h: &HolidayRef) -> String {
    let name = if h.name.trim().is_empty() {
        "（无名称）"
    } else {
        h.name.as_str()
    };
    format!("假期{name}（{}至{}）", h.from, h.to)
}

// ---- Shared pieces of the Chinese sentences ---------------------------------

fn season(s: Season) -> &'static str {
    Lang::Zh.vocab().season(s)
}

/// `夏季作息和冬季作息`.
fn seasons(list: &[Season]) -> String {
    let names: Vec<&str> = list.iter().map(|s| season(*s)).collect();
    Lang::Zh.vocab().list(&names)
}

fn days(list: &[Weekday]) -> String {
    let names: Vec<&str> = list.iter().map(|d| Lang::Zh.vocab().weekday(*d)).collect();
    Lang::Zh.vocab().join(&names)
}

/// `2026-10-10（星期六）`.
fn date_weekday(d: NaiveDate) -> String {
    let v = Lang::Zh.vocab();
    format!(
        "{d}（{}）",
        v.weekdays_long[d.weekday().num_days_from_monday() as usize]
    )
}

fn grades(from: u8, to: u8) -> String {
    Lang::Zh.vocab().grades_of(from, to)
}

fn who(r: &Ref<StaffId>, n: &Names) -> String {
    n.person_named(&r.id, &r.name)
}

fn room(r: &Ref<RoomId>) -> String {
    if r.name.trim().is_empty() {
        format!("“{}”", r.id)
    } else {
        r.name.clone()
    }
}
