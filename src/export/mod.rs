//! Exports of a plan for the people who work by it: the roster for the duty
//! board (值班表), for every teacher and for the finance office.
//!
//! Every format is built from the same rows ([`roster_rows`]), so the CSV file
//! and the later HTML, XLSX and calendar exports cannot disagree about who is
//! where. [`render`] turns a plan into the bytes of a file; writing them is the
//! caller's business (an atomic save, or standard output).
//!
//! [`summary`] holds the numbers a deputy head reads after a solve (fairness,
//! late duties, duty-leader days), computed from the plan alone, so the command
//! line and the terminal UI say the same.

pub mod board;
pub mod csv;
pub mod day;
mod fit;
pub mod hours;
pub mod html;
pub mod ics;
mod job;
pub mod labels;
pub mod signin;
pub mod summary;
pub mod xlsx;

pub use job::{export, files, ExportError, ExportFile, ExportOptions, Unused, Written};

use std::io;

use kehou_solver::model::{ClockTime, RoomId, SessionKind, StaffId, Weekday};
use kehou_solver::plan::{Post, PostKind, Role};
use kehou_solver::{Plan, School};

/// The file formats a plan can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The roster as a spreadsheet-safe CSV file (UTF-8 with a byte-order mark).
    Csv,
    /// The duty board (值班表): printable HTML, a page per cycle week, or the
    /// sheet of one date.
    Html,
    /// Attendance sign-in sheets (考勤记录表), printable HTML, one per care group per week.
    Signin,
    /// A workbook: Rota, By person, By room, Substitutions, Hours.
    Xlsx,
    /// iCalendar files, one per person, for the whole term on real dates.
    Ics,
    /// Hours per person for the term (performance pay): CSV, or a workbook
    /// when the output ends in `.xlsx`.
    Hours,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Csv,
        Format::Html,
        Format::Signin,
        Format::Xlsx,
        Format::Ics,
        Format::Hours,
    ];

    /// The name the command line uses.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Signin => "signin",
            Format::Xlsx => "xlsx",
            Format::Ics => "ics",
            Format::Hours => "hours",
        }
    }

    /// A file name to suggest for the output (a directory for `Ics`).
    pub fn default_output(self) -> &'static str {
        match self {
            Format::Csv => "roster.csv",
            Format::Html => "duty-board.html",
            Format::Signin => "signin.html",
            Format::Xlsx => "roster.xlsx",
            Format::Ics => "calendars",
            Format::Hours => "hours.csv",
        }
    }
}

/// The bytes of `plan` exported as `format`, for the formats that make one
/// file without a date or person (every format but `Ics`, which makes a file
/// per person: use [`files`]).
pub fn render(format: Format, school: &School, plan: &Plan) -> io::Result<Vec<u8>> {
    let options = ExportOptions::new(format, format.default_output());
    let mut made = files(school, plan, &options).map_err(io::Error::other)?;
    match (made.pop(), made.is_empty()) {
        (Some(file), true) => Ok(file.bytes),
        _ => Err(io::Error::other(format!(
            "{} makes a file per person; use export::files",
            format.name()
        ))),
    }
}

/// What a person does on a post, as the roster shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RosterRole {
    /// The responsible adult.
    Lead,
    Assist,
    /// An adult the post needs and nobody was found for: a hole on the duty board.
    Unmet,
}

impl RosterRole {
    pub fn code(self) -> &'static str {
        match self {
            RosterRole::Lead => "lead",
            RosterRole::Assist => "assist",
            RosterRole::Unmet => "unmet",
        }
    }
}

impl From<Role> for RosterRole {
    fn from(role: Role) -> RosterRole {
        match role {
            Role::Lead => RosterRole::Lead,
            Role::Assist => RosterRole::Assist,
        }
    }
}

/// One line of the roster: one person on one post, or one missing adult.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    /// Week of the cycle, from 1.
    pub week: u8,
    pub day: Weekday,
    pub session: SessionKind,
    pub start: ClockTime,
    pub end: ClockTime,
    pub kind: PostKind,
    pub post_id: String,
    /// Who the post is for: class ids joined with `+`, or the club id.
    pub group: String,
    /// The same in words: the classes shortened, the club's name, the duty.
    pub group_name: String,
    pub room: Option<RoomId>,
    /// `None` on an `Unmet` row.
    pub staff: Option<StaffId>,
    /// The person's name, empty on an `Unmet` row or for an id the school lacks.
    pub staff_name: String,
    pub role: RosterRole,
}

impl RosterRow {
    /// The roster order: week, weekday, start, post, role (lead first), staff id.
    fn sort_key(&self) -> (u8, Weekday, ClockTime, &str, RosterRole, &str) {
        (
            self.week,
            self.day,
            self.start,
            &self.post_id,
            self.role,
            self.staff.as_ref().map_or("", StaffId::as_str),
        )
    }
}

/// The roster of `plan`: a row per person per post, in roster order. A post
/// short of adults also gets one `Unmet` row per missing adult — and one for a
/// missing lead when the adults it has are all assistants — so that the hole
/// shows on the duty board instead of vanishing from it.
pub fn roster_rows(school: &School, plan: &Plan) -> Vec<RosterRow> {
    post_rows(school, &plan.posts)
}

/// The roster rows of `posts` (a plan's, or one date's), in roster order.
pub fn post_rows<'a>(school: &School, posts: impl IntoIterator<Item = &'a Post>) -> Vec<RosterRow> {
    let mut rows = Vec::new();
    for post in posts {
        let row = |staff: Option<StaffId>, role: RosterRole| {
            let staff_name = staff
                .as_ref()
                .and_then(|id| school.person(id))
                .map(|p| p.name.clone())
                .unwrap_or_default();
            RosterRow {
                week: post.week,
                day: post.day,
                session: post.session,
                start: post.start,
                end: post.end,
                kind: post.kind,
                post_id: post.id.clone(),
                group: post.group_label(),
                group_name: labels::group(school, post, crate::words::Lang::Zh),
                room: post.room.clone(),
                staff,
                staff_name,
                role,
            }
        };
        for a in &post.staff {
            rows.push(row(Some(a.staff.clone()), a.role.into()));
        }
        let no_lead = post.adults_needed > 0 && !post.has_lead();
        for _ in 0..post.missing().max(u32::from(no_lead)) {
            rows.push(row(None, RosterRole::Unmet));
        }
    }
    rows.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    rows
}

#[cfg(test)]
pub(crate) mod testing {
    //! A hand-made school and plan for the export and summary tests.

    use chrono::NaiveDate;
    use kehou_solver::model::{
        ClassId, ClockTime, Duties, Person, Rules, Season, SessionKind, StaffId, StaffKind, Term,
        Weekday, SCHOOL_FORMAT_VERSION,
    };
    use kehou_solver::plan::{Assignment, Post, PostKind, Role};
    use kehou_solver::{Plan, School};

    pub fn time(h: u16, m: u16) -> ClockTime {
        ClockTime::new(h, m).expect("a real time")
    }

    /// A school with only the staff list filled in: enough for exports.
    pub fn school(staff: Vec<Person>) -> School {
        let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("a real date");
        School {
            version: SCHOOL_FORMAT_VERSION,
            name: "测试小学".to_owned(),
            term: Term {
                name: "2026—2027学年第一学期".to_owned(),
                first_day: date(9, 1),
                last_day: date(12, 31),
                holidays: Vec::new(),
                makeup_days: Vec::new(),
                no_service_days: Vec::new(),
                starts_in: Season::Summer,
                season_switch: None,
            },
            rules: Rules::default(),
            timetables: Vec::new(),
            duties: Duties::default(),
            staff,
            rooms: Vec::new(),
            classes: Vec::new(),
            clubs: Vec::new(),
            skills: Vec::new(),
        }
    }

    pub fn person(id: &str, name: &str, kind: StaffKind) -> Person {
        Person::new(id, name, kind)
    }

    /// A post of `kind` on `day` from `start` for `minutes`, staffed by `staff`.
    pub fn post(
        id: &str,
        day: Weekday,
        kind: PostKind,
        (start, minutes): (ClockTime, u16),
        adults_needed: u32,
        staff: &[(&str, Role)],
    ) -> Post {
        let m = start.minutes() + minutes;
        let end = ClockTime::new(m / 60, m % 60).expect("a real end time");
        let session = match kind {
            PostKind::Late | PostKind::Reception => SessionKind::Late,
            PostKind::Club => SessionKind::Extended,
            _ => SessionKind::Basic,
        };
        Post {
            id: id.to_owned(),
            week: 1,
            day,
            session,
            start,
            end,
            other_season: None,
            kind,
            classes: if kind.holds_students() && kind != PostKind::Club {
                vec![ClassId::new("3-1")]
            } else {
                Vec::new()
            },
            club: None,
            club_name: None,
            room: kind.holds_students().then(|| "r301".into()),
            students: 30,
            adults_needed,
            staff: staff
                .iter()
                .map(|(id, role)| Assignment {
                    staff: StaffId::new(*id),
                    role: *role,
                })
                .collect(),
            unmet_reason: None,
        }
    }

    pub fn plan(school: &School, posts: Vec<Post>) -> Plan {
        let mut plan = Plan::empty(school.fingerprint(), 1);
        plan.posts = posts;
        plan
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{person, plan, post, school, time};
    use super::*;
    use kehou_solver::model::StaffKind;

    #[test]
    fn rows_are_in_roster_order_with_holes_shown() {
        let school = school(vec![
            person("t1", "王丽", StaffKind::Teacher),
            person("t2", "李娜", StaffKind::Teacher),
            person("v1", "胡晓燕", StaffKind::Parent),
        ]);
        let plan = plan(
            &school,
            vec![
                post(
                    "w1-tue-late-a",
                    Weekday::Tue,
                    PostKind::Late,
                    (time(16, 55), 35),
                    3,
                    &[("t2", Role::Assist), ("t1", Role::Lead)],
                ),
                post(
                    "w1-mon-basic-3-1",
                    Weekday::Mon,
                    PostKind::Homework,
                    (time(15, 5), 45),
                    1,
                    &[("v1", Role::Assist)],
                ),
            ],
        );
        let rows = roster_rows(&school, &plan);
        let seen: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.post_id.as_str(),
                    r.staff.as_ref().map_or("", StaffId::as_str),
                    r.role.code(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                // Full in numbers, but a volunteer alone: the lead is missing.
                ("w1-mon-basic-3-1", "v1", "assist"),
                ("w1-mon-basic-3-1", "", "unmet"),
                ("w1-tue-late-a", "t1", "lead"),
                ("w1-tue-late-a", "t2", "assist"),
                ("w1-tue-late-a", "", "unmet"),
            ]
        );
        assert_eq!(rows[2].staff_name, "王丽");
        assert_eq!(rows[0].group, "3-1");
        assert_eq!(rows[0].room, Some(RoomId::new("r301")));
    }
}
