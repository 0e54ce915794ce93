//! Clubs: someone who can lead them, a room that holds them (also in rain),
//! and meetings in sessions their grades actually have.

use super::classes::who;
use super::finding::{Field, Subject};
use super::problems::ClubProblem;
use super::{by_season, Findings, GRADES};
use crate::model::{Club, Meetings, Room, School, SessionKind, Slot, Weekday};

pub(super) fn check(school: &School, out: &mut Findings) {
    for club in &school.clubs {
        let item = Subject::Club {
            id: club.id.clone(),
            name: club.name.clone(),
        };
        let grades_ok = check_grades(school, club, &item, out);
        if club.enrolled == 0 {
            out.warning(item.clone(), Field::Enrolled, ClubProblem::NobodyEnrolled);
        }
        check_skill(school, club, &item, out);
        check_leader(school, club, &item, out);
        check_meetings(school, club, grades_ok, &item, out);
        check_rooms(school, club, &item, out);
    }
}

fn check_grades(school: &School, club: &Club, item: &Subject, out: &mut Findings) -> bool {
    let g = club.grades;
    let (from, to) = (g.from, g.to);
    if g.from > g.to {
        out.error(
            item.clone(),
            Field::Grades,
            ClubProblem::GradesBackwards { from, to },
        );
        return false;
    }
    if !GRADES.contains(&g.from) || !GRADES.contains(&g.to) {
        out.error(
            item.clone(),
            Field::Grades,
            ClubProblem::GradesOutOfRange { from, to },
        );
        return false;
    }
    if club.enrolled > 0
        && !school.classes.is_empty()
        && !school.classes.iter().any(|c| g.contains(c.grade))
    {
        out.warning(
            item.clone(),
            Field::Grades,
            ClubProblem::NoClassInGrades { from, to },
        );
    }
    true
}

fn check_skill(school: &School, club: &Club, item: &Subject, out: &mut Findings) {
    if club.skill.as_str().trim().is_empty() {
        out.error(item.clone(), Field::Skill, ClubProblem::NoSkill);
        return;
    }
    let holders: Vec<_> = school
        .staff
        .iter()
        .filter(|p| p.has_skill(&club.skill))
        .collect();
    // A club nobody can lead yet is a shortage, not a mistake in the file:
    // everything else is staffed and the club is listed as unmet.
    if holders.is_empty() {
        out.warning(
            item.clone(),
            Field::Skill,
            ClubProblem::SkillNobodyHas {
                skill: club.skill.clone(),
            },
        );
    } else if !holders.iter().any(|p| school.rules.may_lead(p.kind)) {
        out.warning(
            item.clone(),
            Field::Skill,
            ClubProblem::SkillHoldersMayNotLead {
                holders: holders.iter().map(|p| who(p)).collect(),
                skill: club.skill.clone(),
            },
        );
    }
}

fn check_leader(school: &School, club: &Club, item: &Subject, out: &mut Findings) {
    let Some(id) = &club.leader else {
        return;
    };
    let Some(leader) = school.person(id) else {
        out.error(
            item.clone(),
            Field::Leader,
            ClubProblem::LeaderUnknown { leader: id.clone() },
        );
        return;
    };
    // A fixed leader who cannot lead it leaves the club unmet (with the
    // reason), not the whole school unsolvable.
    if !leader.has_skill(&club.skill) {
        out.warning(
            item.clone(),
            Field::Leader,
            ClubProblem::LeaderLacksSkill {
                leader: who(leader),
                skill: club.skill.clone(),
            },
        );
    }
    if !school.rules.may_lead(leader.kind) {
        out.warning(
            item.clone(),
            Field::Leader,
            ClubProblem::LeaderMayNotLead {
                leader: who(leader),
                kind: leader.kind,
            },
        );
    }
    if let Meetings::Fixed(slots) = &club.meetings {
        for slot in slots {
            let Some(session) = slot.session else {
                continue;
            };
            if leader.is_unavailable(slot.day, session) {
                out.warning(
                    item.clone(),
                    Field::Meetings,
                    ClubProblem::LeaderUnavailable {
                        day: slot.day,
                        session,
                        leader: who(leader),
                    },
                );
            }
        }
    }
}

fn check_meetings(
    school: &School,
    club: &Club,
    grades_ok: bool,
    item: &Subject,
    out: &mut Findings,
) {
    match &club.meetings {
        Meetings::PerWeek(n) if *n == 0 || *n > 5 => out.error(
            item.clone(),
            Field::Meetings,
            ClubProblem::TimesPerWeek { times: *n },
        ),
        Meetings::PerWeek(n) => {
            if grades_ok {
                check_days_available(school, club, *n, item, out);
            }
        }
        Meetings::Fixed(slots) if slots.is_empty() => {
            out.error(
                item.clone(),
                Field::Meetings,
                ClubProblem::FixedWithoutSlots,
            );
        }
        Meetings::Fixed(slots) => {
            for (i, slot) in slots.iter().enumerate() {
                let Some(session) = slot.session else {
                    out.error(
                        item.clone(),
                        Field::Meetings,
                        ClubProblem::SlotWithoutSession { day: slot.day },
                    );
                    continue;
                };
                if slots.iter().take(i).any(|s| s == slot) {
                    out.warning(
                        item.clone(),
                        Field::Meetings,
                        ClubProblem::SlotTwice {
                            day: slot.day,
                            session,
                        },
                    );
                } else if grades_ok {
                    check_slot(school, club, *slot, session, item, out);
                }
            }
        }
    }
}

/// A fixed meeting must be in a session the club's grades have that day.
fn check_slot(
    school: &School,
    club: &Club,
    slot: Slot,
    session: SessionKind,
    item: &Subject,
    out: &mut Findings,
) {
    let band = club.grades;
    let missing = by_season(school, |season| {
        let missing: Vec<u8> = (band.from..=band.to)
            .filter(|&g| school.session_time(season, slot.day, g, session).is_none())
            .collect();
        (!missing.is_empty()).then_some(missing)
    });
    for (seasons, missing) in missing {
        let all = missing.len() == usize::from(band.to - band.from) + 1;
        if all {
            out.error(
                item.clone(),
                Field::Meetings,
                ClubProblem::SlotMissing {
                    day: slot.day,
                    session,
                    seasons,
                    from: band.from,
                    to: band.to,
                },
            );
        } else {
            out.warning(
                item.clone(),
                Field::Meetings,
                ClubProblem::SlotMissingFor {
                    day: slot.day,
                    session,
                    seasons,
                    grades: missing,
                },
            );
        }
    }
}

/// Clubs the solver places meet in the extended session: there must be enough days with one.
fn check_days_available(
    school: &School,
    club: &Club,
    times: u8,
    item: &Subject,
    out: &mut Findings,
) {
    let band = club.grades;
    let short = by_season(school, |season| {
        let days = Weekday::ALL
            .into_iter()
            .filter(|&d| {
                (band.from..=band.to).any(|g| {
                    school
                        .session_time(season, d, g, SessionKind::Extended)
                        .is_some()
                })
            })
            .count();
        (days < usize::from(times)).then_some(days)
    });
    for (seasons, days) in short {
        out.warning(
            item.clone(),
            Field::Meetings,
            ClubProblem::TooFewDays {
                times,
                seasons,
                from: band.from,
                to: band.to,
                days,
            },
        );
    }
}

/// Usable on a day of rain or snow: indoors, or with an indoor fallback.
fn usable_in_rain(school: &School, room: &Room) -> bool {
    if !room.outdoor {
        return true;
    }
    room.fallback
        .as_ref()
        .filter(|f| *f != &room.id)
        .and_then(|f| school.room(f))
        .is_some_and(|f| !f.outdoor)
}

fn check_rooms(school: &School, club: &Club, item: &Subject, out: &mut Findings) {
    let kind = club.room_kind;
    let rooms: Vec<&Room> = school.rooms.iter().filter(|r| r.kind == kind).collect();
    // Too few rooms of its kind is a shortage: the club is listed as unmet.
    let Some(largest) = rooms.iter().map(|r| r.capacity).max() else {
        out.warning(
            item.clone(),
            Field::RoomKind,
            ClubProblem::NoRoomOfKind { kind },
        );
        return;
    };
    if club.enrolled > largest {
        out.warning(
            item.clone(),
            Field::Enrolled,
            ClubProblem::MoreThanRoomsHold {
                enrolled: club.enrolled,
                kind,
                largest,
            },
        );
    }
    let all_outdoor = rooms.iter().all(|r| r.outdoor);
    if (club.outdoor || all_outdoor) && !rooms.iter().any(|r| usable_in_rain(school, r)) {
        out.warning(
            item.clone(),
            Field::Outdoor,
            ClubProblem::NoRainRoom { kind },
        );
    }
    if !club.outdoor && all_outdoor {
        out.warning(
            item.clone(),
            Field::Outdoor,
            ClubProblem::RoomsOutdoorNotMarked { kind },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, tiny_school};
    use crate::model::{
        GradeBand, Meetings, RoomKind, SessionKind, Skill, Slot, StaffId, StaffKind, Weekday,
    };

    fn has(m: &[String], s: &str) -> bool {
        m.iter().any(|m| m.contains(s))
    }

    fn slot(day: Weekday, session: Option<SessionKind>) -> Slot {
        Slot { day, session }
    }

    #[test]
    fn a_skill_nobody_has_is_a_shortage_warning() {
        let mut s = tiny_school();
        s.clubs[1].skill = Skill::new("robotics");
        assert!(has(&messages(&s), "warning: club calligraphy (书法社): nobody on the staff has the skill `robotics`, so no one can lead it yet; its meetings will be listed as unmet; add the skill to a person who may lead, or hire a coach"));
    }

    #[test]
    fn a_skill_only_volunteers_have_is_a_shortage_warning() {
        let mut s = tiny_school();
        s.clubs[1].skill = Skill::new("reading");
        s.staff[6].skills.push(Skill::new("reading"));
        assert!(has(&messages(&s), "warning: club calligraphy (书法社): only 胡晓燕 (p1) have the skill `reading`, and their kind may not lead"));
    }

    #[test]
    fn fixed_leader_unknown_unskilled_or_not_allowed_to_lead() {
        let mut s = tiny_school();
        s.clubs[0].leader = Some(StaffId::new("x1"));
        assert!(has(
            &messages(&s),
            "error: club football (足球社): its leader x1 is not on the staff list"
        ));
        s.clubs[0].leader = Some(StaffId::new("t3"));
        assert!(has(&messages(&s), "warning: club football (足球社): its leader 陈静 (t3) does not have the skill `football`"));
        s.clubs[0].leader = Some(StaffId::new("c1"));
        s.staff[7].kind = StaffKind::Community;
        assert!(has(&messages(&s), "warning: club football (足球社): its leader 郭伟 (c1) is of kind community, which may not lead"));
    }

    #[test]
    fn fixed_leader_unavailable_when_the_club_meets_is_a_shortage_warning() {
        let mut s = tiny_school();
        s.staff[7].unavailable.push(slot(Weekday::Thu, None));
        assert!(has(&messages(&s), "warning: club football (足球社): it meets on Thursday in the extended session, when its leader 郭伟 (c1) is unavailable"));
    }

    #[test]
    fn too_many_for_every_room_of_its_kind_is_a_shortage_warning() {
        let mut s = tiny_school();
        s.clubs[1].enrolled = 41;
        assert!(has(&messages(&s), "warning: club calligraphy (书法社): 41 students are enrolled, more than any art room holds (the largest holds 40)"));
    }

    #[test]
    fn grades_outside_one_to_nine_or_backwards_are_errors() {
        let mut s = tiny_school();
        s.clubs[0].grades = GradeBand { from: 0, to: 6 };
        assert!(has(
            &messages(&s),
            "error: club football (足球社): it is for grades 0-6, but grades run 1 to 9"
        ));
        s.clubs[0].grades = GradeBand { from: 6, to: 3 };
        assert!(has(
            &messages(&s),
            "error: club football (足球社): its grades run from 6 to 3, backwards"
        ));
        s.clubs[0].grades = GradeBand { from: 7, to: 9 };
        assert!(has(&messages(&s), "warning: club football (足球社): it is for grades 7-9, but no class is in those grades"));
    }

    #[test]
    fn per_week_zero_or_over_five_is_an_error() {
        for n in [0, 6, u8::MAX] {
            let mut s = tiny_school();
            s.clubs[1].meetings = Meetings::PerWeek(n);
            assert!(has(&messages(&s), &format!("error: club calligraphy (书法社): it meets {n} times a week; it must be 1 to 5")));
        }
    }

    #[test]
    fn per_week_needs_enough_days_with_an_extended_session() {
        let mut s = tiny_school();
        s.clubs[1].meetings = Meetings::PerWeek(3);
        for t in &mut s.timetables {
            t.days.truncate(2);
        }
        assert!(has(&messages(&s), "warning: club calligraphy (书法社): it meets 3 times a week, but in summer and winter the timetables give its grades 1-6 an extended session on only 2 days"));
    }

    #[test]
    fn fixed_meetings_need_a_session_their_grades_have() {
        let mut s = tiny_school();
        s.clubs[0].meetings = Meetings::Fixed(vec![
            slot(Weekday::Mon, None),
            slot(Weekday::Tue, Some(SessionKind::Evening)),
        ]);
        let m = messages(&s);
        assert!(
            has(
                &m,
                "error: club football (足球社): its meeting on Monday names no session"
            ),
            "{m:#?}"
        );
        assert!(has(&m, "error: club football (足球社): it meets on Tuesday in the evening session, but in summer and winter no timetable gives its grades 3-6 an evening session that day"), "{m:#?}");
        s.clubs[0].meetings = Meetings::Fixed(vec![]);
        assert!(has(
            &messages(&s),
            "error: club football (足球社): it has fixed meetings but lists no slot"
        ));
    }

    #[test]
    fn fixed_meetings_some_grades_cannot_reach_are_a_warning() {
        let mut s = tiny_school();
        s.clubs[0].grades.from = 1;
        s.timetables[2].days.retain(|d| *d != Weekday::Thu);
        s.classes[0].basic[Weekday::Thu.index()] = 0;
        s.classes[0].extended[Weekday::Thu.index()] = 0;
        s.classes[0].late[Weekday::Thu.index()] = 0;
        let m = messages(&s);
        assert!(has(&m, "warning: club football (足球社): it meets on Thursday in the extended session, but in winter no timetable gives grades 1-2 an extended session that day"), "{m:#?}");
    }

    #[test]
    fn no_room_of_its_kind_is_a_shortage_warning() {
        let mut s = tiny_school();
        s.clubs[1].room_kind = RoomKind::Lab;
        assert!(has(&messages(&s), "warning: club calligraphy (书法社): it needs a room of kind lab, and the school has none"));
    }

    #[test]
    fn outdoor_club_without_a_rain_room_is_a_shortage_warning() {
        let mut s = tiny_school();
        s.rooms[3].fallback = None;
        let m = messages(&s);
        assert!(has(&m, "warning: club football (足球社): it meets outdoors, but no playground room has an indoor fallback"), "{m:#?}");
        assert!(
            has(
                &m,
                "warning: room field (操场): it is outdoors and has no fallback room"
            ),
            "{m:#?}"
        );
        s.clubs[0].outdoor = false;
        assert!(has(&messages(&s), "warning: club football (足球社): every playground room is outdoors, but the club is not marked outdoor"));
    }
}
