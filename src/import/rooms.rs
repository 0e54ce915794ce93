//! rooms.csv: one room or place a row.

use kehou_solver::model::{Room, RoomId};

use super::cells;
use super::headers::ROOMS;
use super::table::{Row, Table};
use super::{ImportError, Source};

pub(super) fn read(source: &Source, errors: &mut Vec<ImportError>) -> Vec<Room> {
    let Some(table) = Table::read(source, ROOMS, errors) else {
        return Vec::new();
    };
    table
        .rows(errors)
        .iter()
        .filter_map(|row| room(row, errors))
        .collect()
}

fn room(row: &Row<'_>, errors: &mut Vec<ImportError>) -> Option<Room> {
    let id = row.get("id", errors, cells::id("r301"));
    let name = row.get("name", errors, cells::text(cells::Named::Room));
    let kind = row.get("kind", errors, cells::room_kind);
    let capacity = row.get("capacity", errors, cells::count);
    let outdoor = row.get("outdoor", errors, cells::flag);
    let fallback = row.get("fallback", errors, cells::optional_id);
    let unavailable = row.get("unavailable", errors, cells::slots);
    Some(Room {
        id: RoomId::new(id?),
        name: name?,
        kind: kind?,
        capacity: capacity?,
        outdoor: outdoor?,
        fallback: fallback?.map(RoomId::new),
        unavailable: unavailable?,
    })
}
