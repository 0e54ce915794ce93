//! classes.csv: one home class a row, with how many of its students stay.

use kehou_solver::model::{Class, ClassId, RoomId, StaffId};

use super::cells;
use super::headers::CLASSES;
use super::table::{Row, Table};
use super::{ImportError, Source};

pub(super) fn read(source: &Source, errors: &mut Vec<ImportError>) -> Vec<Class> {
    let Some(table) = Table::read(source, CLASSES, errors) else {
        return Vec::new();
    };
    table
        .rows(errors)
        .iter()
        .filter_map(|row| class(row, errors))
        .collect()
}

fn class(row: &Row<'_>, errors: &mut Vec<ImportError>) -> Option<Class> {
    let id = row.get("id", errors, cells::id("3-2"));
    // An empty grade is read from the class id: `3-2` is in grade 3.
    let grade = match (row.get("grade", errors, cells::grade), id.as_deref()) {
        (Some(Some(grade)), _) => Some(grade),
        (Some(None), Some(id)) => {
            let from_id = cells::grade_of_class_id(id);
            if from_id.is_none() {
                errors.push(row.error("grade", None, cells::Expected::GradeMissing));
            }
            from_id
        }
        _ => None,
    };
    let homeroom = row.get("homeroom", errors, cells::id("r301"));
    let class_teacher = row.get("class_teacher", errors, cells::optional_id);
    let basic = row.get("basic", errors, cells::students_per_day);
    let extended = row.get("extended", errors, cells::per_day::<u32>);
    let late = row.get("late", errors, cells::per_day::<u32>);
    Some(Class {
        id: ClassId::new(id?),
        grade: grade?,
        homeroom: RoomId::new(homeroom?),
        class_teacher: class_teacher?.map(StaffId::new),
        basic: basic?,
        extended: extended?,
        late: late?,
    })
}
