//! How much an import reads, at most, and the checks that keep a hostile or
//! damaged file from costing gigabytes: a 2 MB workbook can hold 2 GiB of
//! blanks, a CSV file can hold one endless quoted cell. Each limit is far
//! beyond any school's lists (the largest demo has a few hundred staff), and
//! each refusal says which limit, where, and what to do.

use std::io::{self, Cursor, Read};

/// The largest CSV file (or workbook) an import reads.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most data rows in one list: as for a workbook's sheets.
pub const MAX_ROWS: usize = 10_000;
/// The most columns in one row.
pub const MAX_COLUMNS: usize = 200;
/// The longest cell, in bytes: a long list of skills or unavailable times
/// fits many times over.
pub const MAX_CELL_BYTES: usize = 4_000;
/// The most bytes one part of a workbook may unpack to, and all parts
/// together: what a sheet of [`MAX_ROWS`] full rows needs, with room.
pub const MAX_WORKBOOK_PART_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_WORKBOOK_BYTES: u64 = 128 * 1024 * 1024;
/// The most parts (files inside the zip) a workbook may have.
pub const MAX_WORKBOOK_PARTS: usize = 2_000;

/// Reads a file of an import, refusing one larger than [`MAX_FILE_BYTES`]
/// without reading it all.
pub fn read(path: &std::path::Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::other(format!(
            "it is larger than the {} MiB kehou reads for a list; is it the right file? Keep only the list's rows and columns, and save it again",
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    Ok(bytes)
}

/// Unpacks every part of the workbook `bytes` into nothing, counting, and
/// refuses it if a part unpacks to more than [`MAX_WORKBOOK_PART_BYTES`] or
/// all of them to more than [`MAX_WORKBOOK_BYTES`]. Sizes written in the
/// zip are not trusted: the bytes are counted as they come, and counting
/// stops at the limit, so a zip bomb costs no memory and little time.
pub fn check_workbook(bytes: &[u8]) -> Result<(), String> {
    // Not a zip at all: calamine says so in its own words.
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if zip.len() > MAX_WORKBOOK_PARTS {
        return Err(format!(
            "the workbook has {} parts inside, more than the {MAX_WORKBOOK_PARTS} kehou reads; it is not a list of a school: save the lists in a new workbook",
            zip.len()
        ));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        // A damaged part is calamine's to report, with its name.
        let Ok(mut part) = zip.by_index(i) else {
            continue;
        };
        let name = part
            .name()
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default();
        let mut limited = (&mut part).take(MAX_WORKBOOK_PART_BYTES + 1);
        let size = io::copy(&mut limited, &mut io::sink()).unwrap_or(0);
        total += size;
        if size > MAX_WORKBOOK_PART_BYTES || total > MAX_WORKBOOK_BYTES {
            return Err(format!(
                "the workbook unpacks to more than {} MiB ({}); kehou reads at most {} MiB of a workbook. A sheet probably holds a great deal of empty space or formatting far from the lists: copy the lists into a new workbook and save that",
                if size > MAX_WORKBOOK_PART_BYTES { MAX_WORKBOOK_PART_BYTES } else { MAX_WORKBOOK_BYTES } / 1024 / 1024,
                printable(&name),
                MAX_WORKBOOK_BYTES / 1024 / 1024,
            ));
        }
    }
    Ok(())
}

/// The line (from 1) where a quoted cell opens that never closes, if one
/// does: the csv reader would take the rest of the file as that one cell.
pub fn unterminated_quote(text: &str) -> Option<u64> {
    let mut line = 1u64;
    let mut opened_at = 0u64;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                opened_at = line;
            }
            ',' | '\n' | '\r' => {
                at_field_start = true;
                continue;
            }
            _ => {}
        }
        at_field_start = false;
    }
    in_quotes.then_some(opened_at)
}

pub use crate::columns::printable;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unterminated_quote_is_found_where_it_opens() {
        assert_eq!(unterminated_quote("a,b\n\"x\",\"y\"\"z\"\n"), None);
        assert_eq!(unterminated_quote("a,b\nc,\"d\ne,f\n"), Some(2));
        assert_eq!(unterminated_quote("a,5\"b,c\n"), None);
        assert_eq!(unterminated_quote("\"multi\nline\",x\n\"open"), Some(3));
    }
}
