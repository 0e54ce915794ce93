//! The checker's own reading of the rules, written from docs/model.md (§3,
//! §7) and docs/data-format.md, not from the solver: who may take which
//! post, when a post runs, and the term's dates. It shares nothing with
//! `eligibility`, `demand`, `calendar` or the MILP on purpose — a mistake
//! there must not be repeated here, or the checker could never catch it.
//! (So some of this looks like code elsewhere: that is the point.)

use chrono::{Datelike, NaiveDate};

use crate::model::{Person, School, Season, SessionKind, Skill, StaffKind, Weekday};
use crate::plan::{Post, PostKind};

/// Why a person may not take a post at all (data-format.md, "staff").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NotFor {
    /// Voluntary participation and not signed up.
    NotTakingPart,
    /// Duty leader posts are for school leaders only.
    NotALeader,
    /// A cap of zero posts.
    NoPosts,
    /// Late groups and the reception room, for someone exempt from late duty.
    ExemptFromLate,
    /// Unavailable every week in a session the post's times touch.
    Unavailable(SessionKind),
    /// On leave on most of the dates that run this cycle day.
    OnLeave,
}

/// A person's caps: their own, else their kind's.
pub(super) fn caps(school: &School, person: &Person) -> (u32, u32) {
    let kind = school.rules.caps.iter().find(|c| c.kind == person.kind);
    let week = person
        .max_per_week
        .or(kind.map(|k| k.per_week))
        .unwrap_or(4);
    let day = person.max_per_day.or(kind.map(|k| k.per_day)).unwrap_or(2);
    (u32::from(day), u32::from(week))
}

/// May `person` take `post` at all? `season`: the season of the post's
/// `start` and `end` (the main season for the cycle, the date's on a real
/// date); `away`: the cycle days the person is on leave (see `away_days`);
/// empty on real dates, where the date's own leave counts instead.
pub(super) fn not_for(
    school: &School,
    person: &Person,
    post: &Post,
    season: Season,
    away: &[(u8, Weekday)],
) -> Option<NotFor> {
    if matches!(
        school.rules.participation,
        crate::model::Participation::Voluntary
    ) && !person.opted_in
    {
        return Some(NotFor::NotTakingPart);
    }
    if post.kind == PostKind::DutyLeader && person.kind != StaffKind::Leader {
        return Some(NotFor::NotALeader);
    }
    let (day, week) = caps(school, person);
    if day == 0 || week == 0 {
        return Some(NotFor::NoPosts);
    }
    if person.no_late && matches!(post.kind, PostKind::Late | PostKind::Reception) {
        return Some(NotFor::ExemptFromLate);
    }
    if away.contains(&(post.week, post.day)) {
        return Some(NotFor::OnLeave);
    }
    touched_sessions(school, post, season)
        .into_iter()
        .find(|s| {
            person
                .unavailable
                .iter()
                .any(|slot| slot.day == post.day && slot.session.is_none_or(|x| x == *s))
        })
        .map(NotFor::Unavailable)
}

/// The post's own session and every session of any timetable of its
/// weekday whose times overlap the post's times of that timetable's season
/// (`season` is the season of `post.start`/`post.end`; the other season's
/// timetables are held against `post.other_season`).
pub(super) fn touched_sessions(school: &School, post: &Post, season: Season) -> Vec<SessionKind> {
    let mut out = vec![post.session];
    let [own, other] = post.intervals();
    for t in school
        .timetables
        .iter()
        .filter(|t| t.days.contains(&post.day))
    {
        let (x, y) = if t.season == season { own } else { other };
        for s in &t.sessions {
            let (a, b) = (s.start.minutes(), s.end.minutes());
            if a < y && x < b && !out.contains(&s.kind) {
                out.push(s.kind);
            }
        }
    }
    out
}

/// The skill the lead of `post` needs, if any.
pub(super) fn lead_skill(school: &School, post: &Post) -> Option<Skill> {
    match post.kind {
        PostKind::Homework => Some(Skill::homework()),
        PostKind::Club => post
            .club
            .as_ref()
            .and_then(|c| school.clubs.iter().find(|k| &k.id == c))
            .map(|c| c.skill.clone()),
        _ => None,
    }
}

/// May `person` be the responsible adult of `post`?
pub(super) fn may_lead(school: &School, person: &Person, post: &Post) -> bool {
    school.rules.may_lead.contains(&person.kind)
        && lead_skill(school, post).is_none_or(|s| person.skills.contains(&s))
}

/// Do two posts of the cycle overlap, in either season's times?
pub(super) fn overlap(a: &Post, b: &Post) -> bool {
    a.week == b.week
        && a.day == b.day
        && a.intervals()
            .iter()
            .zip(b.intervals())
            .any(|(x, y)| x.0 < y.1 && y.0 < x.1)
}

// ---- The term on real dates -------------------------------------------------

/// A date with service: the weekday it runs as, its teaching week, cycle
/// week and season (data-format.md, "term").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Day {
    pub date: NaiveDate,
    pub runs_as: Weekday,
    pub teaching_week: u32,
    pub cycle_week: u8,
    pub season: Season,
}

/// Every date of the term with service, in order.
pub(super) fn term_days(school: &School, cycle_weeks: u8) -> Vec<Day> {
    let term = &school.term;
    let monday = term.first_day
        - chrono::Duration::days(i64::from(term.first_day.weekday().num_days_from_monday()));
    let mut out = Vec::new();
    for date in term.first_day.iter_days().take(4000) {
        if date > term.last_day {
            break;
        }
        let holiday = term.holidays.iter().any(|h| h.from <= date && date <= h.to);
        let closed = term.no_service_days.iter().any(|d| d.date == date);
        if holiday || closed {
            continue;
        }
        let runs_as = match term.makeup_days.iter().find(|m| m.date == date) {
            Some(m) => m.runs_as,
            None => match date.weekday() {
                chrono::Weekday::Mon => Weekday::Mon,
                chrono::Weekday::Tue => Weekday::Tue,
                chrono::Weekday::Wed => Weekday::Wed,
                chrono::Weekday::Thu => Weekday::Thu,
                chrono::Weekday::Fri => Weekday::Fri,
                chrono::Weekday::Sat | chrono::Weekday::Sun => continue,
            },
        };
        let teaching_week = ((date - monday).num_days() / 7) as u32 + 1;
        let k = u32::from(cycle_weeks.max(1));
        let switched = term.season_switch.is_some_and(|s| date >= s);
        out.push(Day {
            date,
            runs_as,
            teaching_week,
            cycle_week: ((teaching_week - 1) % k + 1) as u8,
            season: if switched {
                term.starts_in.other()
            } else {
                term.starts_in
            },
        });
    }
    out
}

/// The season whose times the cycle's posts carry: the one with more
/// service days (summer on a tie).
pub(super) fn main_season(school: &School) -> Season {
    let days = term_days(school, 1);
    let summer = days.iter().filter(|d| d.season == Season::Summer).count();
    if summer * 2 >= days.len() {
        Season::Summer
    } else {
        Season::Winter
    }
}

/// The cycle days (week, weekday) on which `person` is on leave on at least
/// half of the dates that run them (docs/model.md §3: shorter leave is
/// repaired on its dates).
pub(super) fn away_days(person: &Person, days: &[Day], cycle_weeks: u8) -> Vec<(u8, Weekday)> {
    let mut out = Vec::new();
    if person.leave.is_empty() {
        return out;
    }
    for week in 1..=cycle_weeks.max(1) {
        for day in Weekday::ALL {
            let dates: Vec<NaiveDate> = days
                .iter()
                .filter(|d| d.cycle_week == week && d.runs_as == day)
                .map(|d| d.date)
                .collect();
            let on_leave = dates
                .iter()
                .filter(|d| person.leave.iter().any(|l| l.from <= **d && **d <= l.to))
                .count();
            if !dates.is_empty() && on_leave * 2 >= dates.len() {
                out.push((week, day));
            }
        }
    }
    out
}
