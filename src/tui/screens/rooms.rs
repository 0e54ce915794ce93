//! The rooms screen: classrooms, gym, playground … with capacity, kind and
//! the indoor fallback of outdoor places; a form to add, edit and delete.
//! A room that a class (homeroom), another room (fallback) or the reception
//! duty uses cannot be deleted: the message says who uses it. A changed id
//! is changed in those places and in the plan, in the same undo step.

use crate::tui::widgets::form::Place;
use kehou_solver::edit::RoomUse;
use kehou_solver::model::{Room, RoomId, RoomKind};
use kehou_solver::{Plan, School};

use super::editor::{draft, upsert, Editor, Records, Target};
use super::ScreenId;
use crate::tui::text::{fill, Text};
use crate::tui::widgets::form::parse::{self, room_kind_name, slots_text};
use crate::tui::widgets::form::{Field, FieldError, Form};
use crate::tui::widgets::table::TableRow;

/// The screen: a table of the records with their forms.
pub type RoomsScreen = Editor<RoomRecords>;

#[derive(Debug)]
pub struct RoomRecords;

const ID: usize = 0;
const NAME: usize = 1;
const KIND: usize = 2;
const CAPACITY: usize = 3;
const OUTDOOR: usize = 4;
const FALLBACK: usize = 5;
const UNAVAILABLE: usize = 6;

fn form(t: &Text, title: String, r: &Room) -> Form {
    let d = t.data;
    Form::new(
        title,
        vec![
            Field::new(d.col_id, r.id.as_str()).places(&[Place::Id]),
            Field::new(d.col_title, r.name.clone()).places(&[Place::Name]),
            Field::new(d.col_kind, room_kind_name(r.kind, t))
                .choices(parse::room_kind_names(t))
                .places(&[Place::Kind]),
            Field::new(d.col_capacity, r.capacity.to_string()).places(&[Place::Capacity]),
            Field::new(d.col_outdoor, parse::yes_no_text(r.outdoor, t))
                .hint(d.hint_yes_no)
                .choices([d.yes, d.no])
                .places(&[Place::Outdoor]),
            Field::new(
                d.col_fallback,
                r.fallback
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            )
            .hint(d.hint_fallback)
            .places(&[Place::Fallback]),
            Field::new(d.col_unavailable, slots_text(&r.unavailable, t)).hint(d.hint_slots),
        ],
    )
}

/// Who uses the room `id`: `class 3-2 (homeroom)` … (empty if nobody).
fn users(school: &School, id: &RoomId, t: &Text) -> Vec<String> {
    let d = t.data;
    kehou_solver::edit::room_uses(school, id)
        .into_iter()
        .map(|u| match u {
            RoomUse::Homeroom(class) => fill(d.used_by_class, &[&class]),
            RoomUse::Fallback(room) => {
                let name = school
                    .room(&room)
                    .map_or(room.as_str(), |r| r.name.as_str());
                fill(d.used_by_fallback, &[&name])
            }
            RoomUse::Reception => d.used_by_reception.to_owned(),
        })
        .collect()
}

impl Records for RoomRecords {
    const SCREEN: ScreenId = ScreenId::Rooms;

    fn headers(t: &Text) -> Vec<&'static str> {
        let d = t.data;
        vec![
            d.col_id,
            d.col_title,
            d.col_kind,
            d.col_capacity,
            d.col_outdoor,
            d.col_fallback,
            d.col_unavailable,
        ]
    }

    fn rows(school: &School, t: &Text) -> Vec<TableRow> {
        school
            .rooms
            .iter()
            .map(|r| {
                TableRow::new(
                    r.id.as_str(),
                    vec![
                        r.id.to_string(),
                        r.name.clone(),
                        room_kind_name(r.kind, t).to_owned(),
                        r.capacity.to_string(),
                        if r.outdoor {
                            t.data.yes.to_owned()
                        } else {
                            String::new()
                        },
                        r.fallback
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default(),
                        parse::slots_short(&r.unavailable, t),
                    ],
                )
            })
            .collect()
    }

    fn new_form(school: &School, t: &Text, _which: char) -> Option<Form> {
        let id = (1..100_000)
            .map(|n| format!("r{n:03}"))
            .find(|id| school.room(&RoomId::new(id.as_str())).is_none())?;
        let room = Room::new(id, "", RoomKind::Classroom, 40);
        Some(form(t, t.data.title_add_room.to_owned(), &room))
    }

    fn edit_form(school: &School, t: &Text, key: &str) -> Option<Form> {
        let r = school.room(&RoomId::new(key))?;
        Some(form(t, fill(t.data.title_edit, &[&r.name]), r))
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
        let mut room = draft(
            key,
            |k| school.room(&RoomId::new(k)).cloned(),
            || Room::new("", "", RoomKind::Classroom, 0),
            t,
        )?;
        ok(parse::id(ID, &v[ID], t).map(|id| room.id = RoomId::new(id)));
        ok(parse::required(NAME, &v[NAME], t).map(|n| room.name = n));
        ok(parse::room_kind(KIND, &v[KIND], t).map(|k| room.kind = k));
        ok(parse::number(CAPACITY, &v[CAPACITY], t).map(|n| room.capacity = n));
        ok(parse::yes_no(OUTDOOR, &v[OUTDOOR], t).map(|b| room.outdoor = b));
        room.fallback = (!v[FALLBACK].is_empty()).then(|| RoomId::new(v[FALLBACK].as_str()));
        if let Some(f) = &room.fallback {
            if school.room(f).is_none() && f != &room.id {
                ok(Err((Some(FALLBACK), fill(t.data.err_no_such, &[&f]))));
            }
        }
        ok(parse::slots(UNAVAILABLE, &v[UNAVAILABLE], t).map(|s| room.unavailable = s));
        let name = room.name.clone();
        let done = upsert(
            &mut school.rooms,
            key,
            room,
            |r| r.id.as_str(),
            ID,
            errors,
            t,
        )?;
        if let Some(old) = &done.renamed_from {
            kehou_solver::edit::rename_room(
                school,
                plan,
                &RoomId::new(old.as_str()),
                &RoomId::new(done.id.as_str()),
            );
        }
        let label = done.label(t.data.edit_room, t.data.add_room, &name);
        Ok((done.id, label))
    }

    fn delete(
        school: &mut School,
        _plan: &mut Plan,
        key: &str,
        t: &Text,
    ) -> Result<String, String> {
        let id = RoomId::new(key);
        let room = school.room(&id).ok_or(t.data.gone)?.clone();
        let users = users(school, &id, t);
        if !users.is_empty() {
            return Err(fill(
                t.data.room_in_use,
                &[&room.name, &users.join(t.data.list_sep)],
            ));
        }
        kehou_solver::edit::delete_room(school, &id).map_err(|_| t.data.gone.to_owned())?;
        Ok(fill(t.data.delete_room, &[&room.name]))
    }

    fn help(t: &'static Text) -> Vec<(&'static str, &'static str)> {
        vec![("a", t.data.key_add)]
    }
}
