//! One CSV file as a table: the text checked to be UTF-8, the header row
//! matched to the file's columns, and the rows with their spreadsheet row
//! numbers. Each problem becomes an [`ImportError`]; reading goes on after a
//! bad cell so that one run reports every one.

use csv::StringRecord;

use super::cells::{self, Parsed};
use super::headers::{self, Column};
use super::limits;
use super::{ImportError, Source};

const BOM: &[u8] = b"\xef\xbb\xbf";

pub(super) struct Table<'s> {
    file: &'s str,
    spec: &'static [Column],
    /// For each column of `spec`, where it is in the file's rows.
    at: Vec<Option<usize>>,
    /// The header row as written, trimmed.
    headers: Vec<String>,
    /// Data rows, each with the line it starts on (the header is line 1, as
    /// a spreadsheet numbers its rows).
    rows: Vec<(u64, StringRecord)>,
}

/// A row of a table, for reading its cells.
pub(super) struct Row<'t> {
    table: &'t Table<'t>,
    line: u64,
    record: &'t StringRecord,
}

impl<'s> Table<'s> {
    /// Reads `source` as a table of `spec`'s columns. `None` when the file
    /// cannot be read as such a table; the reasons are in `errors`.
    pub(super) fn read(
        source: &'s Source,
        spec: &'static [Column],
        errors: &mut Vec<ImportError>,
    ) -> Option<Table<'s>> {
        let file = source.name.as_str();
        let bytes = source.bytes.strip_prefix(BOM).unwrap_or(&source.bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let read = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                let line = read.matches('\n').count() + 1;
                errors.push(ImportError::NotUtf8 {
                    file: file.to_owned(),
                    line,
                });
                return None;
            }
        };
        if let Some(row) = limits::unterminated_quote(text) {
            errors.push(ImportError::UnterminatedQuote {
                file: file.to_owned(),
                row,
            });
            return None;
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = Vec::new();
        let mut unsafe_cells = false;
        for result in reader.records() {
            match result {
                Ok(record) if is_blank(&record) => {}
                Ok(_) if records.len() > limits::MAX_ROWS => {
                    errors.push(ImportError::TooManyRows {
                        file: file.to_owned(),
                    });
                    return None;
                }
                Ok(record) => {
                    let line = record.position().map_or(0, csv::Position::line);
                    match checked(file, line, &record, errors) {
                        Some(record) => records.push((line, record)),
                        None => unsafe_cells = true,
                    }
                }
                Err(e) => {
                    errors.push(ImportError::Csv {
                        file: file.to_owned(),
                        row: e.position().map_or(0, csv::Position::line),
                        message: e.to_string(),
                    });
                    return None;
                }
            }
        }
        // Nothing else is said of a file with unsafe cells: its messages
        // would quote them.
        if unsafe_cells {
            return None;
        }
        let mut records = records.into_iter();
        let Some((_, header)) = records.next() else {
            errors.push(ImportError::Empty {
                file: file.to_owned(),
                columns: spec,
            });
            return None;
        };
        let headers: Vec<String> = header
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
            .collect();
        let at = match_headers(file, spec, &headers, errors)?;
        Some(Table {
            file,
            spec,
            at,
            headers,
            rows: records.collect(),
        })
    }

    /// The data rows, after reporting values under columns without a header.
    pub(super) fn rows(&self, errors: &mut Vec<ImportError>) -> Vec<Row<'_>> {
        for (line, record) in &self.rows {
            for (i, value) in record.iter().enumerate() {
                let named = self.headers.get(i).is_some_and(|h| !h.is_empty());
                if !named && !value.trim().is_empty() {
                    errors.push(ImportError::Unnamed {
                        file: self.file.to_owned(),
                        row: *line,
                        column: i + 1,
                        value: value.trim().to_owned(),
                    });
                }
            }
        }
        self.rows
            .iter()
            .map(|(line, record)| Row {
                table: self,
                line: *line,
                record,
            })
            .collect()
    }

    fn column(&self, key: &str) -> usize {
        let found = self.spec.iter().position(|c| c.key == key);
        debug_assert!(found.is_some(), "{key} is not a column of {}", self.file);
        found.unwrap_or_default()
    }
}

impl Row<'_> {
    /// The cell of column `key`, as written; empty when the file has no such column.
    pub(super) fn raw(&self, key: &str) -> &str {
        self.table.at[self.table.column(key)]
            .and_then(|i| self.record.get(i))
            .unwrap_or_default()
            .trim()
    }

    /// The cell of column `key` parsed by `parse`; on failure the error,
    /// naming file, row, column and what was expected, goes to `errors`.
    pub(super) fn get<T>(
        &self,
        key: &str,
        errors: &mut Vec<ImportError>,
        parse: impl Fn(&str) -> Parsed<T>,
    ) -> Option<T> {
        let cell = self.raw(key);
        match parse(cell) {
            Ok(value) => Some(value),
            Err(bad) => {
                errors.push(self.error(key, bad.part, bad.expected));
                None
            }
        }
    }

    /// An error about the cell of column `key`.
    pub(super) fn error(
        &self,
        key: &str,
        part: Option<String>,
        expected: cells::Expected,
    ) -> ImportError {
        let column = self.table.column(key);
        let header = self.table.at[column]
            .map_or(key, |i| self.table.headers[i].as_str())
            .to_owned();
        let cell = self.raw(key).to_owned();
        let (value, within) = match part {
            Some(part) => (part, Some(cell)),
            None => (cell, None),
        };
        ImportError::Cell {
            file: self.table.file.to_owned(),
            row: self.line,
            column: header,
            value,
            within,
            expected,
        }
    }
}

/// `record` with line breaks inside cells read as list separators (`、`,
/// as in a workbook), or `None` after reporting a row too wide, a cell too
/// long, or a control or text-direction character in a cell.
fn checked(
    file: &str,
    line: u64,
    record: &StringRecord,
    errors: &mut Vec<ImportError>,
) -> Option<StringRecord> {
    if record.len() > limits::MAX_COLUMNS {
        errors.push(ImportError::TooManyColumns {
            file: file.to_owned(),
            row: line,
            count: record.len(),
        });
        return None;
    }
    let mut ok = true;
    let mut cells = Vec::with_capacity(record.len());
    for (i, cell) in record.iter().enumerate() {
        let column = || super::xlsx::column_name(i as u32);
        if cell.len() > limits::MAX_CELL_BYTES {
            errors.push(ImportError::CellTooLong {
                file: file.to_owned(),
                row: line,
                column: column(),
                bytes: cell.len(),
            });
            ok = false;
            continue;
        }
        let cell = cell
            .trim_start_matches('\u{feff}')
            .replace("\r\n", "\n")
            .replace('\n', "、");
        if let Some(c) = cell.chars().find(|c| crate::files::decode::forbidden(*c)) {
            errors.push(ImportError::Control {
                file: file.to_owned(),
                row: line,
                column: column(),
                code: u32::from(c),
            });
            ok = false;
        }
        cells.push(cell);
    }
    ok.then(|| StringRecord::from(cells))
}

fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|c| c.trim().is_empty())
}

/// For each column of `spec`, its index among `headers`; `None` after
/// reporting unknown, repeated or missing headers.
fn match_headers(
    file: &str,
    spec: &'static [Column],
    headers: &[String],
    errors: &mut Vec<ImportError>,
) -> Option<Vec<Option<usize>>> {
    let before = errors.len();
    let mut at: Vec<Option<usize>> = vec![None; spec.len()];
    for (i, header) in headers.iter().enumerate() {
        if header.is_empty() {
            continue;
        }
        match headers::column_of(spec, header) {
            None => errors.push(ImportError::UnknownHeader {
                file: file.to_owned(),
                header: header.clone(),
                columns: spec,
            }),
            Some(c) => match at[c] {
                Some(first) => errors.push(ImportError::DuplicateColumn {
                    file: file.to_owned(),
                    first: headers[first].clone(),
                    second: header.clone(),
                    key: spec[c].key,
                }),
                None => at[c] = Some(i),
            },
        }
    }
    for (column, found) in spec.iter().zip(&at) {
        if column.required && found.is_none() {
            errors.push(ImportError::MissingColumn {
                file: file.to_owned(),
                key: column.key,
                names: column.names,
            });
        }
    }
    (errors.len() == before).then_some(at)
}
