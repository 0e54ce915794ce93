//! The staff screen: everyone who can be rostered, as a searchable, sortable
//! table, with a form to add, edit and delete people.
//!
//! References are kept whole in the same undo step: a changed id is changed
//! wherever the school and plan name the person; setting "class teacher of"
//! also sets the class's `class_teacher` (and frees the class's previous
//! teacher), as validation wants both sides to agree; deleting a person
//! clears them from classes, clubs and the plan (the plan goes stale).

use crate::tui::widgets::form::Place;
use kehou_solver::model::{ClassId, Person, Skill, StaffId, StaffKind};
use kehou_solver::{Plan, School};

use super::editor::{draft, upsert, Editor, Records, Target};
use super::ScreenId;
use crate::tui::text::{fill, Text};
use crate::tui::widgets::form::parse;
use crate::tui::widgets::form::{Field, FieldError, Form};
use crate::tui::widgets::table::TableRow;

/// The screen: a table of the records with their forms.
pub type StaffScreen = Editor<StaffRecords>;

#[derive(Debug)]
pub struct StaffRecords;

const ID: usize = 0;
const NAME: usize = 1;
const KIND: usize = 2;
const SKILLS: usize = 3;
const CLASS: usize = 4;
const PER_WEEK: usize = 5;
const PER_DAY: usize = 6;
const NO_LATE: usize = 7;
const PART_TIME: usize = 8;

fn form(school: &School, t: &Text, title: String, p: &Person) -> Form {
    let d = t.data;
    let num = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    Form::new(
        title,
        vec![
            Field::new(d.col_id, p.id.as_str()).places(&[Place::Id]),
            Field::new(d.col_name, p.name.clone()).places(&[Place::Name]),
            Field::new(d.col_kind, t.staff_kind(p.kind))
                .choices(parse::staff_kind_names(t))
                .places(&[Place::Kind]),
            Field::new(
                d.col_skills,
                crate::words::skills::list(school, &p.skills, t.lang),
            )
            .hint(d.hint_skills)
            .places(&[Place::Skills]),
            Field::new(
                d.col_class_teacher_of,
                p.class_teacher_of
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            )
            .hint(d.hint_class)
            .places(&[Place::ClassTeacherOf]),
            Field::new(d.col_max_per_week, num(p.max_per_week))
                .hint(d.hint_empty_default)
                .places(&[Place::MaxPerWeek]),
            Field::new(d.col_max_per_day, num(p.max_per_day))
                .hint(d.hint_empty_default)
                .places(&[Place::MaxPerDay]),
            Field::new(d.col_no_late, parse::yes_no_text(p.no_late, t))
                .hint(d.hint_yes_no)
                .choices([d.yes, d.no]),
            Field::new(d.col_part_time, p.part_time_percent.to_string())
                .places(&[Place::PartTimePercent]),
        ],
    )
}

fn next_id(school: &School) -> String {
    (1..100_000)
        .map(|n| format!("t{n:03}"))
        .find(|id| school.person(&StaffId::new(id.as_str())).is_none())
        .unwrap_or_default()
}

impl Records for StaffRecords {
    const SCREEN: ScreenId = ScreenId::Staff;

    fn headers(t: &Text) -> Vec<&'static str> {
        let d = t.data;
        vec![
            d.col_id,
            d.col_name,
            d.col_kind,
            d.col_skills,
            d.col_class_teacher_of_short,
            d.col_unavailable,
            d.col_leave,
        ]
    }

    fn rows(school: &School, t: &Text) -> Vec<TableRow> {
        school
            .staff
            .iter()
            .map(|p| {
                TableRow::new(
                    p.id.as_str(),
                    vec![
                        p.id.to_string(),
                        p.name.clone(),
                        t.staff_kind(p.kind).to_owned(),
                        crate::words::skills::list(school, &p.skills, t.lang),
                        p.class_teacher_of
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default(),
                        parse::slots_short(&p.unavailable, t),
                        if p.leave.is_empty() {
                            String::new()
                        } else {
                            p.leave.len().to_string()
                        },
                    ],
                )
            })
            .collect()
    }

    fn new_form(school: &School, t: &Text, _which: char) -> Option<Form> {
        let mut p = Person::new(next_id(school), "", StaffKind::Teacher);
        p.skills.push(Skill::homework());
        Some(form(school, t, t.data.title_add_person.to_owned(), &p))
    }

    fn edit_form(school: &School, t: &Text, key: &str) -> Option<Form> {
        let p = school.person(&StaffId::new(key))?;
        Some(form(school, t, fill(t.data.title_edit, &[&p.name]), p))
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
        let mut person = draft(
            key,
            |k| school.person(&StaffId::new(k)).cloned(),
            || Person::new("", "", StaffKind::Teacher),
            t,
        )?;
        let old_id = person.id.clone();
        ok(parse::id(ID, &v[ID], t).map(|id| person.id = StaffId::new(id)));
        ok(parse::required(NAME, &v[NAME], t).map(|n| person.name = n));
        ok(parse::staff_kind(KIND, &v[KIND], t).map(|k| person.kind = k));
        person.skills = crate::words::skills::list_from_typed(school, &v[SKILLS]);
        person.class_teacher_of = (!v[CLASS].is_empty()).then(|| ClassId::new(v[CLASS].as_str()));
        if let Some(c) = &person.class_teacher_of {
            if school.class(c).is_none() {
                ok(Err((Some(CLASS), fill(t.data.err_no_such, &[&c]))));
            }
        }
        ok(parse::optional_number(PER_WEEK, &v[PER_WEEK], t).map(|n| person.max_per_week = n));
        ok(parse::optional_number(PER_DAY, &v[PER_DAY], t).map(|n| person.max_per_day = n));
        ok(parse::yes_no(NO_LATE, &v[NO_LATE], t).map(|b| person.no_late = b));
        ok(parse::number(PART_TIME, &v[PART_TIME], t).map(|n| person.part_time_percent = n));
        let name = person.name.clone();
        // The class the person taught before the edit, to free it.
        let before = key
            .and_then(|_| school.person(&old_id))
            .and_then(|p| p.class_teacher_of.clone());
        let done = upsert(
            &mut school.staff,
            key,
            person,
            |p| p.id.as_str(),
            ID,
            errors,
            t,
        )?;
        let id = StaffId::new(done.id.as_str());
        if done.renamed_from.is_some() {
            kehou_solver::edit::rename_staff(school, plan, &old_id, &id);
        }
        sync_class_teacher(school, &id, before.as_ref());
        let label = done.label(t.data.edit_person, t.data.add_person, &name);
        Ok((done.id, label))
    }

    fn delete(school: &mut School, plan: &mut Plan, key: &str, t: &Text) -> Result<String, String> {
        let id = StaffId::new(key);
        let person = school.person(&id).ok_or(t.data.gone)?.clone();
        kehou_solver::edit::delete_staff(school, plan, &id);
        Ok(fill(t.data.delete_person, &[&person.name]))
    }

    fn help(t: &'static Text) -> Vec<(&'static str, &'static str)> {
        vec![("a", t.data.key_add)]
    }
}

/// Makes the classes agree with `id`'s `class_teacher_of` (which was `before`).
fn sync_class_teacher(school: &mut School, id: &StaffId, before: Option<&ClassId>) {
    let now = school.person(id).and_then(|p| p.class_teacher_of.clone());
    if let Some(old) = before.filter(|b| Some(*b) != now.as_ref()) {
        for c in school.classes.iter_mut().filter(|c| &c.id == old) {
            if c.class_teacher.as_ref() == Some(id) {
                c.class_teacher = None;
            }
        }
    }
    if let Some(new) = now {
        for c in school.classes.iter_mut().filter(|c| c.id == new) {
            c.class_teacher = Some(id.clone());
        }
        for p in &mut school.staff {
            if &p.id != id && p.class_teacher_of.as_ref() == Some(&new) {
                p.class_teacher_of = None;
            }
        }
    }
}
