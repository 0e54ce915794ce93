//! Leave periods on the availability screen: `v` adds one to the person
//! (first day, last day, reason) with a form, `V` removes their last one
//! after a y/n question. Like every form, the candidate school is validated
//! first: leave ending before it starts is shown beside the date and
//! nothing changes.

use crate::tui::widgets::form::Place;
use kehou_solver::model::{Leave, StaffId};
use kehou_solver::validate::validate;

use crate::tui::screens::editor::new_errors;
use crate::tui::screens::Cx;
use crate::tui::text::{fill, Text};
use crate::tui::widgets::form::{parse, Field, Form};

const FROM: usize = 0;
const TO: usize = 1;
const REASON: usize = 2;

/// The empty form, dated from the term's first day.
pub fn form(name: &str, first_day: chrono::NaiveDate, t: &Text) -> Form {
    let d = t.data;
    Form::new(
        fill(d.title_add_leave, &[&name]),
        vec![
            Field::new(d.col_from, first_day.to_string())
                .hint("YYYY-MM-DD")
                .places(&[Place::From]),
            Field::new(d.col_to, first_day.to_string())
                .hint("YYYY-MM-DD")
                .places(&[Place::To]),
            Field::new(d.col_reason, ""),
        ],
    )
}

/// Adds the form's leave to `id`; false (with the messages on the form)
/// when a value is wrong or the school would gain a validation error.
pub fn add(form: &mut Form, id: &StaffId, cx: &mut Cx<'_>) -> bool {
    let t = cx.text;
    let v = form.values();
    let (from, to) = match (parse::date(FROM, &v[FROM], t), parse::date(TO, &v[TO], t)) {
        (Ok(from), Ok(to)) => (from, to),
        (from, to) => {
            form.set_errors([from.err(), to.err()].into_iter().flatten().collect());
            return false;
        }
    };
    let mut school = cx.doc.school.clone();
    let Some(person) = school.staff.iter_mut().find(|p| &p.id == id) else {
        form.set_errors(vec![(None, t.data.gone.to_owned())]);
        return false;
    };
    let label = fill(t.data.add_leave, &[&person.name, &from, &to]);
    person.leave.push(Leave {
        from,
        to,
        reason: v[REASON].clone(),
    });
    let errors = new_errors(&cx.doc.findings, &validate(&school));
    if !errors.is_empty() {
        let names = crate::words::Names::new(t.lang, &school, None);
        let placed = errors
            .iter()
            .map(|f| {
                (
                    form.field_for(f.field),
                    crate::words::findings::render(f, &names).short(),
                )
            })
            .collect();
        form.set_errors(placed);
        return false;
    }
    let _ = cx.doc.edit(label.clone(), |s, _| {
        *s = school;
        Ok::<_, ()>(())
    });
    cx.say(label);
    true
}

/// Removes the last leave of `id`, if any.
pub fn remove_last(id: &StaffId, cx: &mut Cx<'_>) {
    let t = cx.text;
    let Some(person) = cx.doc.school.person(id) else {
        return;
    };
    let Some(last) = person.leave.last() else {
        cx.say(t.data.no_leave_to_remove);
        return;
    };
    let label = fill(t.data.remove_leave, &[&person.name, &last.from, &last.to]);
    let _ = cx.doc.edit(label.clone(), |s, _| {
        if let Some(p) = s.staff.iter_mut().find(|p| &p.id == id) {
            p.leave.pop();
        }
        Ok::<_, ()>(())
    });
    cx.say(label);
}
