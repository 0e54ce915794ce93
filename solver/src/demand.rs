//! Demand: every post of the rotation cycle, built from the school before any
//! staffing is decided (docs/model.md §2). Care groups are formed here — one per
//! class in its homeroom, small classes of a grade merged where that saves an
//! adult — and late groups are packed across classes and grades. Club meetings
//! whose day the solver chooses appear once per candidate day, marked optional.

use std::collections::BTreeMap;

use crate::calendar::main_season;
use crate::model::{
    Class, ClassId, ClockTime, Club, Meetings, RoomId, RoomKind, School, Season, SessionKind,
    Skill, StaffKind, Weekday,
};
use crate::plan::{Post, PostKind};

/// A post and what the solver needs to know about it beyond the plan's fields.
#[derive(Debug, Clone)]
pub struct PostSpec {
    pub post: Post,
    /// Skill the lead adult must have (homework groups, clubs).
    pub lead_skill: Option<Skill>,
    /// Only these kinds may take the post at all (duty leader: leaders only).
    pub only_kinds: Option<Vec<StaffKind>>,
    /// Minutes of the post in the other season's timetable, as (start, end);
    /// times may differ, so conflicts are checked in both seasons.
    pub other_season: (ClockTime, ClockTime),
    /// For a club meeting whose day the solver chooses: it happens only if chosen.
    pub optional: bool,
    /// How much one minute counts for fairness, in percent.
    pub weight_percent: u32,
    /// The season whose times `post.start`/`post.end` are (the other's are
    /// `other_season`).
    pub season: Season,
    /// The session kinds the post's times touch (`touched_sessions`): a
    /// person unavailable in any of them cannot take it.
    pub touched: Vec<SessionKind>,
}

/// The session kinds a post touches: its own, and every session of a
/// timetable of its weekday whose times overlap the post's times *of the
/// same season* (`season` is the season of `post.start`/`post.end`; the
/// other season's timetables are held against `post.other_season`).
pub fn touched_sessions(school: &School, post: &Post, season: Season) -> Vec<SessionKind> {
    let mut kinds = vec![post.session];
    let [own, other] = post.intervals();
    for t in school
        .timetables
        .iter()
        .filter(|t| t.days.contains(&post.day))
    {
        let (ps, pe) = if t.season == season { own } else { other };
        for s in &t.sessions {
            let (ss, se) = (s.start.minutes(), s.end.minutes());
            if ss < pe && ps < se && !kinds.contains(&s.kind) {
                kinds.push(s.kind);
            }
        }
    }
    kinds
}

impl PostSpec {
    /// Fills in `touched` from the post's times.
    pub fn with_touched(mut self, school: &School) -> PostSpec {
        self.touched = touched_sessions(school, &self.post, self.season);
        self
    }

    /// The two seasons' intervals, in minutes since midnight.
    pub fn intervals(&self) -> [(u16, u16); 2] {
        [
            (self.post.start.minutes(), self.post.end.minutes()),
            (self.other_season.0.minutes(), self.other_season.1.minutes()),
        ]
    }

    pub fn overlaps(&self, other: &PostSpec) -> bool {
        self.post.week == other.post.week
            && self.post.day == other.post.day
            && self
                .intervals()
                .iter()
                .zip(other.intervals())
                .any(|(a, b)| a.0 < b.1 && b.0 < a.1)
    }

    /// Weighted minutes this post adds to a person's load.
    pub fn weighted_minutes(&self) -> f64 {
        f64::from(self.post.minutes()) * f64::from(self.weight_percent) / 100.0
    }
}

/// All posts of the cycle, and the season whose times they carry.
#[derive(Debug, Clone)]
pub struct Demand {
    pub season: Season,
    pub cycle_weeks: u8,
    pub posts: Vec<PostSpec>,
}

impl Demand {
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.posts.iter().position(|p| p.post.id == id)
    }
}

/// The posts of a cycle of `cycle_weeks` weeks.
pub fn build(school: &School, cycle_weeks: u8) -> Demand {
    let season = main_season(&school.term);
    let mut posts = Vec::new();
    for week in 1..=cycle_weeks.max(1) {
        for day in Weekday::ALL {
            let mut builder = DayBuilder {
                school,
                season,
                week,
                day,
                posts: Vec::new(),
                rooms: RoomBook::default(),
            };
            builder.build();
            posts.extend(builder.posts);
        }
    }
    Demand {
        season,
        cycle_weeks: cycle_weeks.max(1),
        posts,
    }
}

struct DayBuilder<'a> {
    school: &'a School,
    season: Season,
    week: u8,
    day: Weekday,
    posts: Vec<PostSpec>,
    rooms: RoomBook,
}

/// Which rooms are taken when, on one day, so no two groups share a room.
#[derive(Default)]
struct RoomBook {
    taken: Vec<(RoomId, u16, u16)>,
}

impl RoomBook {
    fn is_free(&self, room: &RoomId, start: u16, end: u16) -> bool {
        !self
            .taken
            .iter()
            .any(|(r, s, e)| r == room && *s < end && start < *e)
    }

    fn take(&mut self, room: &RoomId, start: u16, end: u16) {
        self.taken.push((room.clone(), start, end));
    }
}

impl<'a> DayBuilder<'a> {
    fn build(&mut self) {
        let rules = &self.school.rules;
        for session in [SessionKind::Basic, SessionKind::Extended] {
            for grade in self.grades() {
                let classes = self.classes_of(grade, session);
                for group in merge_groups(&classes, session, self.day, self.school) {
                    self.add_group(PostKind::Homework, session, &group, rules.ratios.homework);
                }
            }
        }
        self.add_late_groups();
        self.add_clubs();
        self.add_duties();
    }

    fn grades(&self) -> Vec<u8> {
        let mut g: Vec<u8> = self.school.classes.iter().map(|c| c.grade).collect();
        g.sort_unstable();
        g.dedup();
        g
    }

    /// Classes of `grade` with students staying for `session` and a timetable for it.
    fn classes_of(&self, grade: u8, session: SessionKind) -> Vec<&'a Class> {
        let school: &'a School = self.school;
        let mut classes: Vec<&'a Class> = school
            .classes
            .iter()
            .filter(|c| c.grade == grade && c.staying(self.day, session) > 0)
            .filter(|c| self.times(c.grade, session).is_some())
            .collect();
        classes.sort_by(|a, b| a.id.cmp(&b.id));
        classes
    }

    /// (main season, other season) times of a session for a grade; the other
    /// season falls back to the main one where it has no such session.
    fn times(
        &self,
        grade: u8,
        session: SessionKind,
    ) -> Option<((ClockTime, ClockTime), (ClockTime, ClockTime))> {
        let main = self
            .school
            .session_time(self.season, self.day, grade, session)?;
        let other = self
            .school
            .session_time(self.season.other(), self.day, grade, session)
            .unwrap_or(main);
        (main.start < main.end).then_some(((main.start, main.end), (other.start, other.end)))
    }

    fn add_group(
        &mut self,
        kind: PostKind,
        session: SessionKind,
        group: &[&Class],
        ratio: crate::model::Ratio,
    ) {
        let Some(first) = group.first() else { return };
        let Some((main, other)) = self.times(first.grade, session) else {
            return;
        };
        let students = group
            .iter()
            .map(|c| c.staying(self.day, session))
            .fold(0u32, u32::saturating_add);
        // The largest class hosts the group in its homeroom, if free and big enough.
        let mut hosts: Vec<&Class> = group.to_vec();
        hosts.sort_by_key(|c| std::cmp::Reverse(c.staying(self.day, session)));
        let preferred: Vec<RoomId> = hosts.iter().map(|c| c.homeroom.clone()).collect();
        let room = self.pick_room(&preferred, RoomKind::Classroom, students, session, main);
        let label = group
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join("+");
        let classes: Vec<ClassId> = group.iter().map(|c| c.id.clone()).collect();
        let lead_skill = (kind == PostKind::Homework).then(Skill::homework);
        let spec = self.spec(Draft {
            kind,
            session,
            label,
            main,
            other,
            classes,
            club: None,
            room,
            students,
            adults: ratio.adults_for(students),
            lead_skill,
        });
        self.posts.push(spec);
    }

    /// A free room for a group: a preferred one, else any of `kind` that fits.
    fn pick_room(
        &mut self,
        preferred: &[RoomId],
        kind: RoomKind,
        students: u32,
        session: SessionKind,
        (start, end): (ClockTime, ClockTime),
    ) -> Option<RoomId> {
        let (s, e) = (start.minutes(), end.minutes());
        let usable = |r: &crate::model::Room| {
            r.capacity >= students
                && !r.is_unavailable(self.day, session)
                && self.rooms.is_free(&r.id, s, e)
        };
        let from_preferred = preferred
            .iter()
            .filter_map(|id| self.school.room(id))
            .find(|r| usable(r));
        let chosen = from_preferred
            .or_else(|| {
                let mut rooms: Vec<_> = self
                    .school
                    .rooms
                    .iter()
                    .filter(|r| r.kind == kind && usable(r))
                    .collect();
                rooms.sort_by_key(|r| (r.capacity, r.id.clone()));
                rooms.into_iter().next()
            })
            .map(|r| r.id.clone());
        if let Some(id) = &chosen {
            self.rooms.take(id, s, e);
        }
        chosen
    }

    /// Late groups (弹性离校) may merge across classes and grades that share
    /// the late session's times; they are packed to the size at which the
    /// minimum adults are fully used (2 adults × 20 = 40 by default).
    fn add_late_groups(&mut self) {
        let ratio = self.school.rules.ratios.late;
        let mut windows: BTreeMap<_, Vec<&'a Class>> = BTreeMap::new();
        for grade in self.grades() {
            for class in self.classes_of(grade, SessionKind::Late) {
                if let Some(times) = self.times(grade, SessionKind::Late) {
                    windows.entry(times).or_default().push(class);
                }
            }
        }
        for (n, (times, classes)) in windows.into_iter().enumerate() {
            let largest_room = self
                .school
                .rooms
                .iter()
                .filter(|r| r.kind == RoomKind::Classroom)
                .map(|r| r.capacity)
                .max()
                .unwrap_or(0);
            let full = (ratio
                .students_per_adult
                .saturating_mul(ratio.min_adults.max(1)))
            .min(largest_room)
            .max(1);
            let mut groups: Vec<Vec<&'a Class>> = Vec::new();
            let mut size = 0u32;
            for class in classes {
                let c = class.late[self.day.index()];
                match groups.last_mut() {
                    Some(g) if size.saturating_add(c) <= full => {
                        g.push(class);
                        size = size.saturating_add(c);
                    }
                    _ => {
                        groups.push(vec![class]);
                        size = c;
                    }
                }
            }
            for (i, group) in groups.iter().enumerate() {
                let students = group
                    .iter()
                    .map(|c| c.late[self.day.index()])
                    .fold(0u32, u32::saturating_add);
                let preferred: Vec<RoomId> = group.iter().map(|c| c.homeroom.clone()).collect();
                let room = self.pick_room(
                    &preferred,
                    RoomKind::Classroom,
                    students,
                    SessionKind::Late,
                    times.0,
                );
                let label = format!("L{}", n * 100 + i + 1);
                let classes = group.iter().map(|c| c.id.clone()).collect();
                let adults = ratio.adults_for(students);
                let spec = self.spec(Draft {
                    kind: PostKind::Late,
                    session: SessionKind::Late,
                    label,
                    main: times.0,
                    other: times.1,
                    classes,
                    club: None,
                    room,
                    students,
                    adults,
                    lead_skill: None,
                });
                self.posts.push(spec);
            }
        }
    }

    fn add_clubs(&mut self) {
        for club in &self.school.clubs {
            let (days, optional): (Vec<(Weekday, SessionKind)>, bool) = match &club.meetings {
                Meetings::Fixed(slots) => (
                    slots
                        .iter()
                        .filter_map(|s| s.session.map(|k| (s.day, k)))
                        .collect(),
                    false,
                ),
                Meetings::PerWeek(_) => (vec![(self.day, SessionKind::Extended)], true),
            };
            for (day, session) in days {
                if day != self.day {
                    continue;
                }
                let Some((main, other)) = self.club_times(club, session) else {
                    continue;
                };
                let adults = self
                    .school
                    .rules
                    .ratios
                    .club_adults(club.enrolled, club.outdoor);
                let mut spec = self.spec(Draft {
                    kind: PostKind::Club,
                    session,
                    label: format!("club-{}", club.id),
                    main,
                    other,
                    classes: Vec::new(),
                    club: Some(club.id.clone()),
                    room: None,
                    students: club.enrolled,
                    adults,
                    lead_skill: Some(club.skill.clone()),
                });
                spec.optional = optional;
                self.posts.push(spec);
            }
        }
    }

    /// A club meets in the session of the youngest of its grades that has it.
    fn club_times(
        &self,
        club: &Club,
        session: SessionKind,
    ) -> Option<((ClockTime, ClockTime), (ClockTime, ClockTime))> {
        (club.grades.from..=club.grades.to).find_map(|g| self.times(g, session))
    }

    /// Duty leader for the whole afternoon, gate escort after each dismissal
    /// wave, and the reception room after the last late group.
    fn add_duties(&mut self) {
        let duties = &self.school.duties;
        // (kind, session, main times, other-season times) of every post holding students.
        // Only posts that surely happen make a dismissal wave: a club
        // meeting whose day the solver may not choose would leave a gate
        // post with nobody to dismiss (its members leave with the extended
        // session's wave of their grades).
        let holding: Vec<Held> = self
            .posts
            .iter()
            .filter(|p| p.post.kind.holds_students() && !p.optional)
            .map(|p| {
                (
                    p.post.kind,
                    p.post.session,
                    (p.post.start, p.post.end),
                    p.other_season,
                )
            })
            .collect();
        let (Some(first), Some(last)) = (
            holding.iter().map(|p| (p.2 .0, p.3 .0)).min(),
            holding.iter().map(|p| (p.2 .1, p.3 .1)).max(),
        ) else {
            return;
        };
        let mut waves: Vec<(ClockTime, ClockTime)> =
            holding.iter().map(|p| (p.2 .1, p.3 .1)).collect();
        waves.sort();
        waves.dedup_by_key(|w| w.0);
        let late_end = holding
            .iter()
            .filter(|p| p.0 == PostKind::Late)
            .map(|p| (p.2 .1, p.3 .1))
            .max();
        let mut end_of_day = last;
        if let (Some(reception), Some(late_end)) = (&duties.reception, late_end) {
            let span = (
                plus(late_end.0, reception.minutes),
                plus(late_end.1, reception.minutes),
            );
            let room = Some(reception.room.clone());
            let adults = u32::from(reception.adults);
            let spec = self.spec(Draft {
                kind: PostKind::Reception,
                session: SessionKind::Late,
                label: "reception".to_owned(),
                main: (late_end.0, span.0),
                other: (late_end.1, span.1),
                classes: Vec::new(),
                club: None,
                room,
                students: 0,
                adults,
                lead_skill: None,
            });
            self.posts.push(spec);
            end_of_day = (end_of_day.0.max(span.0), end_of_day.1.max(span.1));
        }
        if duties.gate.adults > 0 {
            for (end_main, end_other) in waves {
                let session = holding
                    .iter()
                    .find(|p| p.2 .1 == end_main)
                    .map_or(SessionKind::Basic, |p| p.1);
                let label = format!(
                    "gate-{:02}{:02}",
                    end_main.minutes() / 60,
                    end_main.minutes() % 60
                );
                // Held from before the wave arrives (the escort is already at the
                // gate) until the wave has left.
                let before = duties.gate.in_place_minutes;
                let main = (minus(end_main, before), plus(end_main, duties.gate.minutes));
                let other = (
                    minus(end_other, before),
                    plus(end_other, duties.gate.minutes),
                );
                end_of_day = (end_of_day.0.max(main.1), end_of_day.1.max(other.1));
                let spec = self.spec(Draft {
                    kind: PostKind::Gate,
                    session,
                    label,
                    main,
                    other,
                    classes: Vec::new(),
                    club: None,
                    room: None,
                    students: 0,
                    adults: u32::from(duties.gate.adults),
                    lead_skill: None,
                });
                self.posts.push(spec);
            }
        }
        if duties.duty_leader {
            let mut spec = self.spec(Draft {
                kind: PostKind::DutyLeader,
                session: SessionKind::Basic,
                label: "duty".to_owned(),
                main: (first.0, end_of_day.0),
                other: (first.1, end_of_day.1),
                classes: Vec::new(),
                club: None,
                room: None,
                students: 0,
                adults: 1,
                lead_skill: None,
            });
            spec.only_kinds = Some(vec![StaffKind::Leader]);
            self.posts.push(spec);
        }
    }

    fn spec(&self, draft: Draft) -> PostSpec {
        let Draft {
            kind,
            session,
            label,
            main,
            other,
            classes,
            club,
            room,
            students,
            adults,
            lead_skill,
        } = draft;
        let w = &self.school.rules.weights;
        // In u64: nonsense percentages (validation reports them) must not overflow.
        let mut weight: u64 = 100;
        if kind == PostKind::Late {
            weight = weight * u64::from(w.late_percent) / 100;
        }
        if kind == PostKind::DutyLeader {
            weight = weight * u64::from(w.duty_leader_percent) / 100;
        }
        if self.day == Weekday::Fri {
            weight = weight.saturating_mul(u64::from(w.friday_percent)) / 100;
        }
        let weight = u32::try_from(weight).unwrap_or(u32::MAX);
        let session_code = if kind.holds_students() || kind == PostKind::Gate {
            session.code()
        } else {
            "duty"
        };
        let id = match kind {
            PostKind::Gate | PostKind::DutyLeader => {
                format!("w{}-{}-{}", self.week, self.day.code(), label)
            }
            _ => format!(
                "w{}-{}-{}-{}",
                self.week,
                self.day.code(),
                session_code,
                label
            ),
        };
        let club_name = club
            .as_ref()
            .and_then(|c| self.school.club(c))
            .map(|c| c.name.clone());
        PostSpec {
            post: Post {
                id,
                week: self.week,
                day: self.day,
                session,
                start: main.0,
                end: main.1,
                other_season: Some(other),
                kind,
                classes,
                club,
                club_name,
                room,
                students,
                adults_needed: adults,
                staff: Vec::new(),
                unmet_reason: None,
            },
            lead_skill,
            only_kinds: None,
            other_season: other,
            optional: false,
            weight_percent: weight,
            season: self.season,
            touched: Vec::new(),
        }
        .with_touched(self.school)
    }
}

/// A post before its id and fairness weight are worked out (`DayBuilder::spec`).
struct Draft {
    kind: PostKind,
    session: SessionKind,
    /// What makes the id unique within the day: `3-2`, `L1`, `club-football`.
    label: String,
    /// (start, end) in the main season and in the other season.
    main: (ClockTime, ClockTime),
    other: (ClockTime, ClockTime),
    classes: Vec<ClassId>,
    club: Option<crate::model::ClubId>,
    room: Option<RoomId>,
    students: u32,
    adults: u32,
    lead_skill: Option<Skill>,
}

/// A post holding students, as the duties need it: kind, session, main and other-season times.
type Held = (
    PostKind,
    SessionKind,
    (ClockTime, ClockTime),
    (ClockTime, ClockTime),
);

fn minus(t: ClockTime, minutes: u16) -> ClockTime {
    let m = t.minutes().saturating_sub(minutes);
    ClockTime::new(m / 60, m % 60).unwrap_or(t)
}

fn plus(t: ClockTime, minutes: u16) -> ClockTime {
    let m = (t.minutes() + minutes).min(23 * 60 + 59);
    ClockTime::new(m / 60, m % 60).unwrap_or(t)
}

/// Care groups of one grade for one session: one per class, except that where
/// the merge rule allows, the smallest classes are put together while that
/// saves an adult and the group fits the host's homeroom.
fn merge_groups<'a>(
    classes: &[&'a Class],
    session: SessionKind,
    day: Weekday,
    school: &School,
) -> Vec<Vec<&'a Class>> {
    let rule = school.rules.merge_groups;
    let ratio = school.rules.ratios.homework;
    if !rule.enabled {
        return classes.iter().map(|c| vec![*c]).collect();
    }
    let mut sorted: Vec<&Class> = classes.to_vec();
    sorted.sort_by_key(|c| (c.staying(day, session), c.id.clone()));
    let mut groups: Vec<Vec<&Class>> = Vec::new();
    let mut rest = sorted.as_slice();
    while let Some((first, tail)) = rest.split_first() {
        let mut group = vec![*first];
        let mut size = first.staying(day, session);
        let mut remaining = tail;
        while let Some((next, after)) = remaining.split_first() {
            let n = next.staying(day, session);
            let together = size.saturating_add(n);
            let saves = ratio.adults_for(together) < ratio.adults_for(size) + ratio.adults_for(n);
            let host_capacity = school.room(&next.homeroom).map_or(0, |r| r.capacity);
            if saves && together <= rule.max_students && together <= host_capacity {
                group.push(next);
                size = together;
                remaining = after;
            } else {
                break;
            }
        }
        rest = remaining;
        group.sort_by(|a, b| a.id.cmp(&b.id));
        groups.push(group);
    }
    groups.sort_by(|a, b| a[0].id.cmp(&b[0].id));
    groups
}
