//! A broken rule as data: where, which rule, and what exactly, with the
//! ids and numbers the message needs. Worded in English here (through a
//! [`Namer`], `Display` naming everything by id); the application renders
//! it in other languages.

use std::fmt;

use chrono::NaiveDate;

use super::Rule;
use crate::model::{ClassId, ClockTime, ClubId, RoomId, RoomKind, SessionKind, StaffId, Weekday};
use crate::namer::{Ids, Namer};
use crate::plan::Role;

/// One broken rule: where (the post, or the person and day) and what.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    pub place: Place,
    pub rule: Rule,
    pub detail: Detail,
}

/// Where a rule is broken.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Plan,
    /// A post of the cycle, by id.
    Post(String),
    /// A post as it runs on a real date.
    PostOn(String, NaiveDate),
    Person(StaffId),
    PersonOn(StaffId, NaiveDate),
    /// A person in a teaching week of the term.
    PersonInWeek(StaffId, u32),
    Class(ClassId),
    Club(ClubId),
    /// A day of the cycle.
    Day {
        week: u8,
        day: Weekday,
    },
}

impl Place {
    /// The post, if the place is one (on the cycle or on a date).
    pub fn post(&self) -> Option<&str> {
        match self {
            Place::Post(p) | Place::PostOn(p, _) => Some(p),
            _ => None,
        }
    }
}

/// Why a person may not take a post at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unfit {
    OnLeave,
    ExemptFromLate,
    NotALeader,
    NotTakingPart,
    /// A cap of zero posts.
    NoPosts,
    /// Unavailable every week in this session.
    Unavailable(SessionKind),
    /// May not lead this post (kind or skill).
    MayNotLead,
}

/// What exactly is broken.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Detail {
    Stale,
    /// Fewer adults than needed, and no reason given.
    Short {
        staffed: u32,
        needed: u32,
    },
    NoLead,
    Twice {
        staff: StaffId,
    },
    UnknownStaff {
        staff: StaffId,
    },
    LeadsWithoutSkill {
        staff: StaffId,
    },
    LeadsButMayOnlyAssist {
        staff: StaffId,
    },
    /// Someone on the post who may not take it; `cover`: put there by a substitution.
    Unfit {
        staff: StaffId,
        why: Unfit,
        cover: bool,
    },
    NotTheFixedLeader {
        fixed: StaffId,
    },
    /// Two posts at overlapping times.
    Overlap {
        first: String,
        second: String,
    },
    PostsInWeek {
        count: u32,
        week: u8,
        cap: u32,
    },
    PostsOnDay {
        count: u32,
        day: Weekday,
        week: u8,
        cap: u32,
    },
    NoRoom,
    UnknownRoom {
        room: RoomId,
    },
    RoomTooSmall {
        students: u32,
        room: RoomId,
        capacity: u32,
    },
    RoomUnavailable {
        room: RoomId,
    },
    WrongRoomKind {
        room: RoomId,
        is: RoomKind,
        needs: RoomKind,
    },
    NoRainFallback {
        room: RoomId,
    },
    /// The room holds another post then.
    RoomShared {
        room: RoomId,
        with: String,
    },
    /// A class's students in other than exactly one group of a session.
    Groups {
        count: usize,
        session: SessionKind,
        day: Weekday,
        week: u8,
    },
    NoDutyLeaderPost,
    AdultsByRatio {
        needed: u32,
        said: u32,
    },
    StudentsStaying {
        staying: u32,
        said: u32,
    },
    Meetings {
        count: usize,
        week: u8,
        expected: usize,
    },
    ClubLeaders {
        count: usize,
    },
    GateTiming {
        start: ClockTime,
        end: ClockTime,
        in_place: u16,
        minutes: u16,
    },
    LockNotKept {
        staff: StaffId,
        role: Role,
    },
    SubstitutionWithoutService {
        date: NaiveDate,
    },
    AbsenceOfUnknown,
    AbsenceBackwards {
        from: NaiveDate,
        to: NaiveDate,
    },
    NoSuchPostOn {
        date: NaiveDate,
    },
    AbsentThatDay {
        staff: StaffId,
    },
    PostsThatDay {
        count: u32,
        cap: u32,
    },
    PostsInTeachingWeek {
        count: u32,
        week: u32,
        cap: u32,
    },
    /// Short of an assistant while this person is free for it.
    FreeToAssist {
        staff: StaffId,
    },
    FreeToLead {
        staff: StaffId,
    },
    FreeForAdults {
        open: usize,
        staff: StaffId,
    },
    /// A club without a leader while this person could lead every meeting.
    FreeToLeadClub {
        staff: StaffId,
    },
}

impl Unfit {
    pub fn english(self) -> String {
        match self {
            Unfit::OnLeave => "on leave".to_owned(),
            Unfit::ExemptFromLate => "exempt from late duty".to_owned(),
            Unfit::NotALeader => "not a leader".to_owned(),
            Unfit::NotTakingPart => "not taking part".to_owned(),
            Unfit::NoPosts => "capped at zero posts".to_owned(),
            Unfit::Unavailable(s) => format!("unavailable in the {} session", s.code()),
            Unfit::MayNotLead => "not allowed to lead it".to_owned(),
        }
    }
}

impl Place {
    pub fn english(&self, n: &dyn Namer) -> String {
        match self {
            Place::Plan => "plan".to_owned(),
            Place::Post(p) => n.post(p),
            Place::PostOn(p, d) => format!("{} {d}", n.post(p)),
            Place::Person(s) => format!("staff {}", n.person(s)),
            Place::PersonOn(s, d) => format!("staff {} {d}", n.person(s)),
            Place::PersonInWeek(s, w) => format!("staff {} week {w}", n.person(s)),
            Place::Class(c) => format!("class {c}"),
            Place::Club(c) => format!("club {}", n.club(c)),
            Place::Day { week, day } => format!("week {week} {day}"),
        }
    }
}

impl Detail {
    pub fn english(&self, n: &dyn Namer) -> String {
        match self {
            Detail::Stale => "the school changed since this plan was solved; solve again".to_owned(),
            Detail::Short { staffed, needed } => {
                format!("{staffed} of {needed} adults and no reason given")
            }
            Detail::NoLead => "no lead adult and no reason given".to_owned(),
            Detail::Twice { staff } => format!("{} is on this post twice", n.person(staff)),
            Detail::UnknownStaff { staff } => format!("no staff {staff}"),
            Detail::LeadsWithoutSkill { staff } => {
                format!("{} leads but lacks the skill to lead it", n.person(staff))
            }
            Detail::LeadsButMayOnlyAssist { staff } => {
                format!("{} leads but may only assist", n.person(staff))
            }
            Detail::Unfit { staff, why, cover } => {
                let cover = if *cover { "cover " } else { "" };
                format!("{cover}{} is {}", n.person(staff), why.english())
            }
            Detail::NotTheFixedLeader { fixed } => {
                format!("the club's fixed leader is {}", n.person(fixed))
            }
            Detail::Overlap { first, second } => {
                format!("{} and {} overlap", n.post(first), n.post(second))
            }
            Detail::PostsInWeek { count, week, cap } => {
                format!("{count} posts in week {week}, cap {cap}")
            }
            Detail::PostsOnDay {
                count,
                day,
                week,
                cap,
            } => format!("{count} posts on {day} of week {week}, cap {cap}"),
            Detail::NoRoom => "holds students but has no room, and no reason given".to_owned(),
            Detail::UnknownRoom { room } => format!("no room {room}"),
            Detail::RoomTooSmall {
                students,
                room,
                capacity,
            } => format!("{students} students in {} which holds {capacity}", n.room(room)),
            Detail::RoomUnavailable { room } => format!("room {} is unavailable then", n.room(room)),
            Detail::WrongRoomKind { room, is, needs } => {
                format!("room {} is a {is} room, needs {needs}", n.room(room))
            }
            Detail::NoRainFallback { room } => format!(
                "meets outdoors in {} with no indoor fallback for rain",
                n.room(room)
            ),
            Detail::RoomShared { room, with } => {
                format!("room {} also holds {} then", n.room(room), n.post(with))
            }
            Detail::Groups {
                count,
                session,
                day,
                week,
            } => format!(
                "{count} {} groups on {day} of week {week}, needs exactly 1",
                session.code()
            ),
            Detail::NoDutyLeaderPost => "no duty leader post".to_owned(),
            Detail::AdultsByRatio { needed, said } => {
                format!("needs {needed} adults by the ratios, the plan says {said}")
            }
            Detail::StudentsStaying { staying, said } => {
                format!("its classes have {staying} students staying, the plan says {said}")
            }
            Detail::Meetings {
                count,
                week,
                expected,
            } => format!("{count} meetings in week {week}, needs {expected}"),
            Detail::ClubLeaders { count } => {
                format!("{count} different leaders; a club has one leader for all meetings")
            }
            Detail::GateTiming {
                start,
                end,
                in_place,
                minutes,
            } => format!(
                "runs {start}–{end}: a gate post is held from {in_place} minutes before a group's dismissal to {minutes} minutes after it"
            ),
            Detail::LockNotKept { staff, role } => format!(
                "locked {} ({}) is not on the post",
                n.person(staff),
                role.code()
            ),
            Detail::SubstitutionWithoutService { date } => {
                format!("a substitution on {date}, which has no service")
            }
            Detail::AbsenceOfUnknown => "an absence of an unknown person".to_owned(),
            Detail::AbsenceBackwards { from, to } => format!(
                "an absence that ends ({to}) before it starts ({from}): correct its dates in the plan file"
            ),
            Detail::NoSuchPostOn { date } => format!("no such post on {date}"),
            Detail::AbsentThatDay { staff } => format!("{} is absent that day", n.person(staff)),
            Detail::PostsThatDay { count, cap } => format!("{count} posts that day, cap {cap}"),
            Detail::PostsInTeachingWeek { count, week, cap } => {
                format!("{count} posts in teaching week {week}, cap {cap}")
            }
            Detail::FreeToAssist { staff } => format!(
                "short of an assistant while {} is free for it",
                n.person(staff)
            ),
            Detail::FreeToLead { staff } => format!(
                "no lead adult while {} is free and may lead it",
                n.person(staff)
            ),
            Detail::FreeForAdults { open, staff } => format!(
                "short of {open} adult(s) while {} is free for it",
                n.person(staff)
            ),
            Detail::FreeToLeadClub { staff } => format!(
                "no leader while {} could lead every meeting",
                n.person(staff)
            ),
        }
    }
}

impl Violation {
    /// `PLACE: RULE: DETAIL` in English.
    pub fn english(&self, n: &dyn Namer) -> String {
        format!(
            "{}: {:?}: {}",
            self.place.english(n),
            self.rule,
            self.detail.english(n)
        )
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english(&Ids))
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english(&Ids))
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english(&Ids))
    }
}
