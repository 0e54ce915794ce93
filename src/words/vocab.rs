//! The small words everything else is built from — weekdays, sessions,
//! kinds of post, staff and room, seasons, roles — in both languages. The
//! terminal UI's, the command line's and the exports' words all take these,
//! so a session or a post kind reads the same on every screen and sheet.

use kehou_solver::model::{RoomKind, Season, SessionKind, StaffKind, Weekday};
use kehou_solver::plan::{DecidedBy, PostKind, Role};

/// The vocabulary of one language.
#[derive(Debug)]
pub struct Vocab {
    /// Monday to Sunday.
    pub weekdays: [&'static str; 7],
    /// Monday to Sunday, in full.
    pub weekdays_long: [&'static str; 7],
    /// In `SessionKind::ALL` order.
    pub sessions: [&'static str; 6],
    /// Homework, club, late, duty leader, gate, reception.
    pub post_kinds: [&'static str; 6],
    /// Teacher, leader, retired, parent, community, coach.
    pub staff_kinds: [&'static str; 6],
    /// In `RoomKind::ALL` order.
    pub room_kinds: [&'static str; 10],
    /// Summer, winter.
    pub seasons: [&'static str; 2],
    /// Lead, assist.
    pub roles: [&'static str; 2],
    /// By kehou, by hand.
    pub decided_by: [&'static str; 2],
    /// The week of the cycle: `第{}周`.
    pub week: &'static str,
    /// The teaching week of the term: `第{}教学周`.
    pub teaching_week: &'static str,
    /// Between the items of a list.
    pub list_sep: &'static str,
    /// Between the last two items of a list.
    pub and: &'static str,
    /// Between the clauses of a sentence.
    pub clause_sep: &'static str,
    /// A range of dates or times: `{} 至 {}`.
    pub range: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// Grade `{}`: `{}年级`.
    pub grade: &'static str,
    /// Grades `{}` to `{}`.
    pub grades: &'static str,
}

pub const ZH: Vocab = Vocab {
    weekdays: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    weekdays_long: [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ],
    sessions: [
        "早间看护",
        "午间看护",
        "基本服务",
        "拓展服务",
        "弹性离校",
        "晚自习",
    ],
    post_kinds: ["作业辅导", "社团", "弹性离校", "值班领导", "门岗", "接待室"],
    staff_kinds: [
        "教师",
        "行政",
        "退休教师",
        "家长志愿者",
        "社区志愿者",
        "外聘教练",
    ],
    room_kinds: [
        "教室",
        "体育馆",
        "操场",
        "音乐室",
        "美术室",
        "图书馆",
        "实验室",
        "电脑室",
        "礼堂",
        "接待室",
    ],
    seasons: ["夏季作息", "冬季作息"],
    roles: ["负责", "协助"],
    decided_by: ["系统安排", "手动"],
    week: "第{}周",
    teaching_week: "第{}教学周",
    list_sep: "、",
    and: "和",
    clause_sep: "；",
    range: "{}至{}",
    yes: "是",
    no: "否",
    grade: "{}年级",
    grades: "{}至{}年级",
};

pub const EN: Vocab = Vocab {
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    weekdays_long: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    sessions: ["Morning", "Noon", "Basic", "Extended", "Late", "Evening"],
    post_kinds: [
        "homework",
        "club",
        "late group",
        "duty leader",
        "gate",
        "reception",
    ],
    staff_kinds: [
        "teacher",
        "leader",
        "retired",
        "parent",
        "community",
        "coach",
    ],
    room_kinds: [
        "classroom",
        "gym",
        "playground",
        "music room",
        "art room",
        "library",
        "lab",
        "computer room",
        "hall",
        "reception",
    ],
    seasons: ["summer timetable", "winter timetable"],
    roles: ["lead", "assist"],
    decided_by: ["by kehou", "by hand"],
    week: "week {}",
    teaching_week: "teaching week {}",
    list_sep: ", ",
    and: " and ",
    clause_sep: "; ",
    range: "{} to {}",
    yes: "yes",
    no: "no",
    grade: "grade {}",
    grades: "grades {}-{}",
};

impl Vocab {
    pub fn weekday(&self, d: Weekday) -> &'static str {
        self.weekdays[d.index()]
    }

    /// A calendar date's weekday (Saturday and Sunday too).
    pub fn date_weekday(&self, d: chrono::Weekday) -> &'static str {
        self.weekdays[d.num_days_from_monday() as usize]
    }

    pub fn session(&self, s: SessionKind) -> &'static str {
        let i = SessionKind::ALL.iter().position(|k| *k == s).unwrap_or(0);
        self.sessions[i]
    }

    pub fn post_kind(&self, k: PostKind) -> &'static str {
        self.post_kinds[match k {
            PostKind::Homework => 0,
            PostKind::Club => 1,
            PostKind::Late => 2,
            PostKind::DutyLeader => 3,
            PostKind::Gate => 4,
            PostKind::Reception => 5,
        }]
    }

    pub fn staff_kind(&self, k: StaffKind) -> &'static str {
        self.staff_kinds[match k {
            StaffKind::Teacher => 0,
            StaffKind::Leader => 1,
            StaffKind::Retired => 2,
            StaffKind::Parent => 3,
            StaffKind::Community => 4,
            StaffKind::Coach => 5,
        }]
    }

    pub fn room_kind(&self, k: RoomKind) -> &'static str {
        let i = RoomKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
        self.room_kinds[i]
    }

    pub fn season(&self, s: Season) -> &'static str {
        self.seasons[usize::from(s == Season::Winter)]
    }

    pub fn role(&self, r: Role) -> &'static str {
        self.roles[usize::from(r == Role::Assist)]
    }

    pub fn decided(&self, d: DecidedBy) -> &'static str {
        self.decided_by[usize::from(d == DecidedBy::Hand)]
    }

    /// `第1周` / `week 1`.
    pub fn week_of(&self, n: impl std::fmt::Display) -> String {
        super::fill(self.week, &[&n])
    }

    /// `3年级`, `3至6年级` / `grade 3`, `grades 3-6`.
    pub fn grades_of(&self, from: u8, to: u8) -> String {
        if from == to {
            super::fill(self.grade, &[&from])
        } else {
            super::fill(self.grades, &[&from, &to])
        }
    }

    /// `a、b和c` / `a, b and c`.
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_owned(),
            [init @ .., last] => {
                let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
                format!("{}{}{}", init.join(self.list_sep), self.and, last.as_ref())
            }
        }
    }

    /// `a、b、c` / `a, b, c`.
    pub fn join<S: AsRef<str>>(&self, items: &[S]) -> String {
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        items.join(self.list_sep)
    }

    /// `{a}至{b}` / `{a} to {b}`.
    pub fn range(&self, a: impl std::fmt::Display, b: impl std::fmt::Display) -> String {
        super::fill(self.range, &[&a, &b])
    }

    pub fn yes_no(&self, b: bool) -> &'static str {
        if b {
            self.yes
        } else {
            self.no
        }
    }
}
