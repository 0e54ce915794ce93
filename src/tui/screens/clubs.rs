//! The clubs screen (社团): who may join, how many enrolled, when they meet
//! (so many times a week, or fixed slots), the room kind and leader; a form
//! to add, edit and delete. Nothing else in the school refers to a club, so
//! deleting one only makes the plan stale.

use crate::tui::widgets::form::Place;
use kehou_solver::model::{Club, ClubId, GradeBand, Meetings, RoomKind, Skill, StaffId};
use kehou_solver::{Plan, School};

use super::editor::{draft, upsert, Editor, Records, Target};
use super::ScreenId;
use crate::tui::text::{fill, Text};
use crate::tui::widgets::form::parse::{self, room_kind_name, slots_text};
use crate::tui::widgets::form::{Field, FieldError, Form};
use crate::tui::widgets::table::TableRow;

/// The screen: a table of the records with their forms.
pub type ClubsScreen = Editor<ClubRecords>;

#[derive(Debug)]
pub struct ClubRecords;

const ID: usize = 0;
const NAME: usize = 1;
const SKILL: usize = 2;
const GRADES: usize = 3;
const ENROLLED: usize = 4;
const MEETINGS: usize = 5;
const ROOM_KIND: usize = 6;
const LEADER: usize = 7;
const OUTDOOR: usize = 8;

fn meetings_text(m: &Meetings, t: &Text) -> String {
    match m {
        Meetings::PerWeek(n) => n.to_string(),
        Meetings::Fixed(slots) => slots_text(slots, t),
    }
}

fn meetings_cell(m: &Meetings, t: &Text) -> String {
    match m {
        Meetings::PerWeek(n) => fill(t.data.per_week, &[n]),
        Meetings::Fixed(slots) => parse::slots_short(slots, t),
    }
}

fn form(school: &School, t: &Text, title: String, c: &Club) -> Form {
    let d = t.data;
    Form::new(
        title,
        vec![
            Field::new(d.col_id, c.id.as_str()).places(&[Place::Id]),
            Field::new(d.col_title, c.name.clone()).places(&[Place::Name]),
            Field::new(
                d.col_skill,
                crate::words::skills::name(school, &c.skill, t.lang),
            )
            .places(&[Place::Skill]),
            Field::new(d.col_grades, c.grades.to_string())
                .hint("3-6")
                .places(&[Place::Grades]),
            Field::new(d.col_enrolled, c.enrolled.to_string()).places(&[Place::Enrolled]),
            Field::new(d.col_meetings, meetings_text(&c.meetings, t))
                .hint(d.hint_meetings)
                .places(&[Place::Meetings]),
            Field::new(d.col_room_kind, room_kind_name(c.room_kind, t))
                .choices(parse::room_kind_names(t))
                .places(&[Place::RoomKind]),
            Field::new(
                d.col_leader,
                c.leader
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            )
            .hint(d.hint_leader)
            .places(&[Place::Leader]),
            Field::new(d.col_outdoor, parse::yes_no_text(c.outdoor, t))
                .hint(d.hint_yes_no)
                .choices([d.yes, d.no])
                .places(&[Place::Outdoor]),
        ],
    )
}

fn blank() -> Club {
    Club {
        id: ClubId::new(""),
        name: String::new(),
        skill: Skill::new(""),
        grades: GradeBand { from: 1, to: 6 },
        enrolled: 0,
        meetings: Meetings::PerWeek(1),
        room_kind: RoomKind::Classroom,
        leader: None,
        outdoor: false,
    }
}

impl Records for ClubRecords {
    const SCREEN: ScreenId = ScreenId::Clubs;

    fn headers(t: &Text) -> Vec<&'static str> {
        let d = t.data;
        vec![
            d.col_id,
            d.col_title,
            d.col_skill,
            d.col_grades,
            d.col_enrolled,
            d.col_meetings,
            d.col_room_kind,
            d.col_leader,
        ]
    }

    fn rows(school: &School, t: &Text) -> Vec<TableRow> {
        school
            .clubs
            .iter()
            .map(|c| {
                let leader = c.leader.as_ref().map_or_else(
                    || t.data.leader_auto.to_owned(),
                    |id| {
                        school
                            .person(id)
                            .map_or_else(|| id.to_string(), |p| p.name.clone())
                    },
                );
                TableRow::new(
                    c.id.as_str(),
                    vec![
                        c.id.to_string(),
                        c.name.clone(),
                        crate::words::skills::name(school, &c.skill, t.lang),
                        c.grades.to_string(),
                        c.enrolled.to_string(),
                        meetings_cell(&c.meetings, t),
                        room_kind_name(c.room_kind, t).to_owned(),
                        leader,
                    ],
                )
            })
            .collect()
    }

    fn new_form(school: &School, t: &Text, _which: char) -> Option<Form> {
        Some(form(school, t, t.data.title_add_club.to_owned(), &blank()))
    }

    fn edit_form(school: &School, t: &Text, key: &str) -> Option<Form> {
        let c = school.club(&ClubId::new(key))?;
        Some(form(school, t, fill(t.data.title_edit, &[&c.name]), c))
    }

    fn apply(
        school: &mut School,
        plan: &mut Plan,
        target: &Target,
        v: &[String],
        t: &Text,
    ) -> Result<(String, String), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut ok = |r: Result<(), FieldError>| {
            if let Err(e) = r {
                errors.push(e);
            }
        };
        let key = target.key.as_deref();
        let mut club = draft(key, |k| school.club(&ClubId::new(k)).cloned(), blank, t)?;
        ok(parse::id(ID, &v[ID], t).map(|id| club.id = ClubId::new(id)));
        ok(parse::required(NAME, &v[NAME], t).map(|n| club.name = n));
        ok(parse::required(SKILL, &v[SKILL], t)
            .map(|s| club.skill = crate::words::skills::from_typed(school, &s)));
        ok(parse::grades(GRADES, &v[GRADES], t).map(|g| club.grades = g));
        ok(parse::number(ENROLLED, &v[ENROLLED], t).map(|n| club.enrolled = n));
        let meetings = if v[MEETINGS].chars().all(|c| c.is_ascii_digit()) {
            parse::number(MEETINGS, &v[MEETINGS], t).map(Meetings::PerWeek)
        } else {
            parse::slots(MEETINGS, &v[MEETINGS], t).map(Meetings::Fixed)
        };
        ok(meetings.map(|m| club.meetings = m));
        ok(parse::room_kind(ROOM_KIND, &v[ROOM_KIND], t).map(|k| club.room_kind = k));
        club.leader = (!v[LEADER].is_empty()).then(|| StaffId::new(v[LEADER].as_str()));
        if let Some(p) = &club.leader {
            if school.person(p).is_none() {
                ok(Err((Some(LEADER), fill(t.data.err_no_such, &[&p]))));
            }
        }
        ok(parse::yes_no(OUTDOOR, &v[OUTDOOR], t).map(|b| club.outdoor = b));
        let name = club.name.clone();
        let done = upsert(
            &mut school.clubs,
            key,
            club,
            |c| c.id.as_str(),
            ID,
            errors,
            t,
        )?;
        if let Some(old) = &done.renamed_from {
            let (old, id) = (ClubId::new(old.as_str()), ClubId::new(done.id.as_str()));
            kehou_solver::edit::rename_club(plan, &old, &id);
        }
        let label = done.label(t.data.edit_club, t.data.add_club, &name);
        Ok((done.id, label))
    }

    fn delete(
        school: &mut School,
        _plan: &mut Plan,
        key: &str,
        t: &Text,
    ) -> Result<String, String> {
        let id = ClubId::new(key);
        let club = school.club(&id).ok_or(t.data.gone)?.clone();
        kehou_solver::edit::delete_club(school, &id);
        Ok(fill(t.data.delete_club, &[&club.name]))
    }

    fn help(t: &'static Text) -> Vec<(&'static str, &'static str)> {
        vec![("a", t.data.key_add)]
    }
}
