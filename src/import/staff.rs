//! staff.csv: one person a row.

use kehou_solver::model::{ClassId, Person, StaffId};

use super::cells;
use super::headers::STAFF;
use super::table::{Row, Table};
use super::{ImportError, Source};

pub(super) fn read(source: &Source, errors: &mut Vec<ImportError>) -> Vec<Person> {
    let Some(table) = Table::read(source, STAFF, errors) else {
        return Vec::new();
    };
    table
        .rows(errors)
        .iter()
        .filter_map(|row| person(row, errors))
        .collect()
}

fn person(row: &Row<'_>, errors: &mut Vec<ImportError>) -> Option<Person> {
    // Every cell is read before giving up on the row, so that each bad cell is reported.
    let id = row.get("id", errors, cells::id("t017"));
    let name = row.get("name", errors, cells::text(cells::Named::Person));
    let kind = row.get("kind", errors, cells::staff_kind);
    let skills = row.get("skills", errors, cells::skills);
    let class_teacher_of = row.get("class_teacher_of", errors, cells::optional_id);
    let max_per_week = row.get("max_per_week", errors, cells::optional_cap);
    let max_per_day = row.get("max_per_day", errors, cells::optional_cap);
    let unavailable = row.get("unavailable", errors, cells::slots);
    let no_late = row.get("no_late", errors, cells::flag);
    let teaching_periods = row.get("teaching_periods", errors, cells::per_day::<u8>);
    let part_time_percent = row.get("part_time_percent", errors, cells::percent);
    let opted_in = row.get("opted_in", errors, cells::flag_or(true));
    Some(Person {
        id: StaffId::new(id?),
        name: name?,
        kind: kind?,
        skills: skills?,
        class_teacher_of: class_teacher_of?.map(ClassId::new),
        unavailable: unavailable?,
        leave: Vec::new(),
        max_per_week: max_per_week?,
        max_per_day: max_per_day?,
        no_late: no_late?,
        preferences: Vec::new(),
        teaching_periods: teaching_periods?,
        part_time_percent: part_time_percent?,
        opted_in: opted_in?,
    })
}
