//! clubs.csv: one club a row.

use kehou_solver::model::{Club, ClubId, StaffId};

use super::cells;
use super::headers::CLUBS;
use super::table::{Row, Table};
use super::{ImportError, Source};

pub(super) fn read(source: &Source, errors: &mut Vec<ImportError>) -> Vec<Club> {
    let Some(table) = Table::read(source, CLUBS, errors) else {
        return Vec::new();
    };
    table
        .rows(errors)
        .iter()
        .filter_map(|row| club(row, errors))
        .collect()
}

fn club(row: &Row<'_>, errors: &mut Vec<ImportError>) -> Option<Club> {
    let id = row.get("id", errors, cells::id("football"));
    let name = row.get("name", errors, cells::text(cells::Named::Club));
    let skill = row.get("skill", errors, cells::skill);
    let grades = row.get("grades", errors, cells::grades);
    let enrolled = row.get("enrolled", errors, cells::count);
    let meetings = row.get("meetings", errors, cells::meetings);
    let room_kind = row.get("room_kind", errors, cells::room_kind);
    let leader = row.get("leader", errors, cells::optional_id);
    let outdoor = row.get("outdoor", errors, cells::flag);
    Some(Club {
        id: ClubId::new(id?),
        name: name?,
        skill: skill?,
        grades: grades?,
        enrolled: enrolled?,
        meetings: meetings?,
        room_kind: room_kind?,
        leader: leader?.map(StaffId::new),
        outdoor: outdoor?,
    })
}
