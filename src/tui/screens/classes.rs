//! The classes screen: each home class with its homeroom, class teacher and
//! how many students stay for each session on each weekday (Monday to
//! Friday); a form to add, edit and delete. The class teacher is kept in
//! step with the person's "class teacher of" in the same undo step, and
//! deleting a class clears it from its teacher.

use crate::tui::widgets::form::Place;
use kehou_solver::model::{Class, ClassId, RoomId, StaffId};
use kehou_solver::{Plan, School};

use super::editor::{draft, upsert, Editor, Records, Target};
use super::ScreenId;
use crate::tui::text::{fill, Text};
use crate::tui::widgets::form::parse::{self, five_cell, five_text};
use crate::tui::widgets::form::{Field, FieldError, Form};
use crate::tui::widgets::table::TableRow;

/// The screen: a table of the records with their forms.
pub type ClassesScreen = Editor<ClassRecords>;

#[derive(Debug)]
pub struct ClassRecords;

const ID: usize = 0;
const GRADE: usize = 1;
const HOMEROOM: usize = 2;
const TEACHER: usize = 3;
const BASIC: usize = 4;
const EXTENDED: usize = 5;
const LATE: usize = 6;

fn form(t: &Text, title: String, c: &Class) -> Form {
    let d = t.data;
    let teacher = c
        .class_teacher
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    Form::new(
        title,
        vec![
            Field::new(d.col_id, c.id.as_str())
                .hint(d.hint_class)
                .places(&[Place::Id]),
            Field::new(d.col_grade, c.grade.to_string()).places(&[Place::Grade]),
            Field::new(d.col_homeroom, c.homeroom.as_str()).places(&[Place::Homeroom]),
            Field::new(d.col_class_teacher, teacher)
                .hint(d.hint_staff_id)
                .places(&[Place::ClassTeacher]),
            Field::new(d.col_basic, five_text(&c.basic))
                .hint(d.hint_five)
                .places(&[Place::Basic]),
            Field::new(d.col_extended, five_text(&c.extended))
                .hint(d.hint_five)
                .places(&[Place::Extended]),
            Field::new(d.col_late, five_text(&c.late))
                .hint(d.hint_five)
                .places(&[Place::Late]),
        ],
    )
}

fn blank(homeroom: RoomId) -> Class {
    Class {
        id: ClassId::new(""),
        grade: 1,
        homeroom,
        class_teacher: None,
        basic: [0; 5],
        extended: [0; 5],
        late: [0; 5],
    }
}

impl Records for ClassRecords {
    const SCREEN: ScreenId = ScreenId::Classes;

    fn headers(t: &Text) -> Vec<&'static str> {
        let d = t.data;
        vec![
            d.col_id,
            d.col_grade,
            d.col_homeroom,
            d.col_class_teacher,
            d.col_basic_short,
            d.col_extended_short,
            d.col_late_short,
        ]
    }

    fn rows(school: &School, _t: &Text) -> Vec<TableRow> {
        school
            .classes
            .iter()
            .map(|c| {
                let teacher = c
                    .class_teacher
                    .as_ref()
                    .map(|id| {
                        school
                            .person(id)
                            .map_or_else(|| id.to_string(), |p| p.name.clone())
                    })
                    .unwrap_or_default();
                TableRow::new(
                    c.id.as_str(),
                    vec![
                        c.id.to_string(),
                        c.grade.to_string(),
                        c.homeroom.to_string(),
                        teacher,
                        five_cell(&c.basic),
                        five_cell(&c.extended),
                        five_cell(&c.late),
                    ],
                )
            })
            .collect()
    }

    fn new_form(school: &School, t: &Text, _which: char) -> Option<Form> {
        let room = school
            .rooms
            .first()
            .map_or_else(|| RoomId::new(""), |r| r.id.clone());
        Some(form(t, t.data.title_add_class.to_owned(), &blank(room)))
    }

    fn edit_form(school: &School, t: &Text, key: &str) -> Option<Form> {
        let c = school.class(&ClassId::new(key))?;
        Some(form(t, fill(t.data.title_edit, &[&c.id]), c))
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
        let mut class = draft(
            key,
            |k| school.class(&ClassId::new(k)).cloned(),
            || blank(RoomId::new("")),
            t,
        )?;
        let old = class.clone();
        ok(parse::id(ID, &v[ID], t).map(|id| class.id = ClassId::new(id)));
        ok(parse::number(GRADE, &v[GRADE], t).map(|g| class.grade = g));
        match parse::id(HOMEROOM, &v[HOMEROOM], t) {
            Ok(r) if school.room(&RoomId::new(r.as_str())).is_none() => {
                ok(Err((Some(HOMEROOM), fill(t.data.err_no_such, &[&r]))));
            }
            Ok(r) => class.homeroom = RoomId::new(r),
            Err(e) => ok(Err(e)),
        }
        class.class_teacher = (!v[TEACHER].is_empty()).then(|| StaffId::new(v[TEACHER].as_str()));
        if let Some(p) = &class.class_teacher {
            if school.person(p).is_none() {
                ok(Err((Some(TEACHER), fill(t.data.err_no_such, &[&p]))));
            }
        }
        ok(parse::five(BASIC, &v[BASIC], t).map(|n| class.basic = n));
        ok(parse::five(EXTENDED, &v[EXTENDED], t).map(|n| class.extended = n));
        ok(parse::five(LATE, &v[LATE], t).map(|n| class.late = n));
        let teacher_changed = key.is_none() || old.class_teacher != class.class_teacher;
        let done = upsert(
            &mut school.classes,
            key,
            class,
            |c| c.id.as_str(),
            ID,
            errors,
            t,
        )?;
        let id = ClassId::new(done.id.as_str());
        if done.renamed_from.is_some() {
            kehou_solver::edit::rename_class(school, plan, &old.id, &id);
        }
        if teacher_changed {
            sync_teacher(school, &id);
        }
        let label = done.label(t.data.edit_class, t.data.add_class, &id);
        Ok((done.id, label))
    }

    fn delete(
        school: &mut School,
        _plan: &mut Plan,
        key: &str,
        t: &Text,
    ) -> Result<String, String> {
        let id = ClassId::new(key);
        school.class(&id).ok_or(t.data.gone)?;
        kehou_solver::edit::delete_class(school, &id);
        Ok(fill(t.data.delete_class, &[&id]))
    }

    fn help(t: &'static Text) -> Vec<(&'static str, &'static str)> {
        vec![("a", t.data.key_add)]
    }
}

/// Makes the people agree with the class `id`'s teacher: the teacher's
/// `class_teacher_of` names the class, nobody else's does, and the class the
/// teacher leaves has no class teacher.
fn sync_teacher(school: &mut School, id: &ClassId) {
    let now = school.class(id).and_then(|c| c.class_teacher.clone());
    for p in &mut school.staff {
        if Some(&p.id) != now.as_ref() && p.class_teacher_of.as_ref() == Some(id) {
            p.class_teacher_of = None;
        }
    }
    let Some(teacher) = now else {
        return;
    };
    let mut left = None;
    if let Some(p) = school.staff.iter_mut().find(|p| p.id == teacher) {
        left = p.class_teacher_of.replace(id.clone()).filter(|c| c != id);
    }
    for c in school
        .classes
        .iter_mut()
        .filter(|c| Some(&c.id) == left.as_ref())
    {
        if c.class_teacher.as_ref() == Some(&teacher) {
            c.class_teacher = None;
        }
    }
}
