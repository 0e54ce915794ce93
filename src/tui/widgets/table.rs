//! The table every list screen uses: columns sized by display width (so 王丽
//! and Li Wei line up), a selected row, `/` search over every cell, and sort
//! by any column. The screen builds its rows from the document on every
//! frame; [`TableState`] is all the table remembers between frames.
//!
//! ```ignore
//! // in the screen struct:   table: TableState,
//! let rows: Vec<TableRow> = school.staff.iter().map(|p| TableRow::new(p.id.as_str(), vec![…])).collect();
//! // keys:   if self.table.handle_key(key, &rows) == Handled::Yes { return Handled::Yes }
//! // draw:   draw_table(frame, area, &self.table, "Staff", &["Id", "Name"], &rows, view.text);
//! // which:  self.table.selected_key(&rows) -> Option<&str>
//! ```

use std::cmp::Ordering;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Row, Table};
use ratatui::Frame;

use super::input::{InputKey, LineInput};
use super::{width, Handled};
use crate::tui::text::{fill, Text};
use crate::tui::theme;

/// One row: a stable key (the item's id) and the text of each cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub key: String,
    pub cells: Vec<String>,
    pub style: Style,
}

impl TableRow {
    pub fn new(key: impl Into<String>, cells: Vec<String>) -> TableRow {
        TableRow {
            key: key.into(),
            cells,
            style: Style::default(),
        }
    }

    pub fn styled(mut self, style: Style) -> TableRow {
        self.style = style;
        self
    }
}

/// Which column the rows are sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortBy {
    pub column: usize,
    pub descending: bool,
}

/// What the table remembers: selection, search, sort.
#[derive(Debug, Clone, Default)]
pub struct TableState {
    /// Position among the visible (searched, sorted) rows.
    pub selected: usize,
    pub search: LineInput,
    /// True while the search line takes the keys.
    pub searching: bool,
    pub sort: Option<SortBy>,
}

impl TableState {
    /// The keys of a table: ↑↓/jk, PgUp/PgDn, g/G (Home/End), `/` search,
    /// `s` sort by the next column, `r` reverse. While searching, typed text
    /// goes to the search line; Enter keeps the search, Esc clears it.
    pub fn handle_key(&mut self, key: KeyEvent, rows: &[TableRow]) -> Handled {
        if self.searching {
            match self.search.handle_key(key) {
                InputKey::Edited => self.selected = 0,
                InputKey::Done => self.searching = false,
                InputKey::Cancel => {
                    self.searching = false;
                    self.search.text.clear();
                    self.selected = 0;
                }
                InputKey::Ignored => return self.move_key(key, rows),
            }
            return Handled::Yes;
        }
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Handled::No;
        }
        match key.code {
            KeyCode::Char('/') => {
                self.searching = true;
                Handled::Yes
            }
            KeyCode::Esc if !self.search.text.is_empty() => {
                self.search.text.clear();
                self.selected = 0;
                Handled::Yes
            }
            KeyCode::Char('s') => {
                let columns = rows.first().map_or(0, |r| r.cells.len()).max(1);
                self.sort = match self.sort {
                    None => Some(SortBy {
                        column: 0,
                        descending: false,
                    }),
                    Some(s) if s.column + 1 >= columns => None,
                    Some(s) => Some(SortBy {
                        column: s.column + 1,
                        descending: false,
                    }),
                };
                Handled::Yes
            }
            KeyCode::Char('r') => {
                let s = self.sort.unwrap_or(SortBy {
                    column: 0,
                    descending: false,
                });
                self.sort = Some(SortBy {
                    descending: !s.descending,
                    ..s
                });
                Handled::Yes
            }
            _ => self.move_key(key, rows),
        }
    }

    fn move_key(&mut self, key: KeyEvent, rows: &[TableRow]) -> Handled {
        let n = self.visible(rows).len();
        let last = n.saturating_sub(1);
        self.selected = match key.code {
            KeyCode::Down | KeyCode::Char('j') => (self.selected + 1).min(last),
            KeyCode::Up | KeyCode::Char('k') => self.selected.saturating_sub(1),
            KeyCode::PageDown => (self.selected + 10).min(last),
            KeyCode::PageUp => self.selected.saturating_sub(10),
            KeyCode::Home | KeyCode::Char('g') => 0,
            KeyCode::End | KeyCode::Char('G') => last,
            _ => return Handled::No,
        };
        Handled::Yes
    }

    /// Indexes into `rows` of the rows shown, in the order shown.
    pub fn visible(&self, rows: &[TableRow]) -> Vec<usize> {
        let needle = self.search.text.to_lowercase();
        let mut out: Vec<usize> = (0..rows.len())
            .filter(|&i| {
                needle.is_empty()
                    || rows[i]
                        .cells
                        .iter()
                        .any(|c| c.to_lowercase().contains(&needle))
            })
            .collect();
        if let Some(sort) = self.sort {
            out.sort_by(|&a, &b| {
                let get = |i: usize| rows[i].cells.get(sort.column).map_or("", String::as_str);
                let o = compare_cells(get(a), get(b));
                if sort.descending {
                    o.reverse()
                } else {
                    o
                }
            });
        }
        out
    }

    /// Index into `rows` of the selected row.
    pub fn selected_index(&self, rows: &[TableRow]) -> Option<usize> {
        let visible = self.visible(rows);
        visible
            .get(self.selected.min(visible.len().saturating_sub(1)))
            .copied()
    }

    /// The key of the selected row.
    pub fn selected_key<'r>(&self, rows: &'r [TableRow]) -> Option<&'r str> {
        self.selected_index(rows).map(|i| rows[i].key.as_str())
    }

    /// Selects the row with `key` (after an add or edit), if it is shown.
    pub fn select_key(&mut self, rows: &[TableRow], key: &str) {
        if let Some(pos) = self.visible(rows).iter().position(|&i| rows[i].key == key) {
            self.selected = pos;
        }
    }
}

/// Numbers compare as numbers, everything else as text.
fn compare_cells(a: &str, b: &str) -> Ordering {
    match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
        (Ok(x), Ok(y)) => x.total_cmp(&y),
        _ => a.cmp(b),
    }
}

/// Column widths that fit `avail` columns (one space between columns): each
/// as wide as its widest cell, then the widest shrunk until they fit. Words
/// are shrunk first: a column of numbers and dates (`2026-09-01 – 2027-01-22`,
/// `37 36 36 35 30`) is cut only when nothing else is left to cut, as a cut
/// date or count reads as a wrong one.
pub fn column_widths(header: &[&str], rows: &[TableRow], avail: u16) -> Vec<u16> {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    let mut exact = vec![!rows.is_empty(); widths.len()];
    let mut codes = vec![!rows.is_empty(); widths.len()];
    for row in rows {
        for (i, c) in row.cells.iter().enumerate().take(widths.len()) {
            widths[i] = widths[i].max(width(c));
            exact[i] &= is_figures(c);
            codes[i] &= is_code(c);
        }
    }
    // Codes are unique: a column repeating a word (a kind) is words.
    for (i, code) in codes.iter_mut().enumerate() {
        let mut seen = std::collections::HashSet::new();
        *code &= rows
            .iter()
            .all(|r| r.cells.get(i).is_none_or(|c| seen.insert(c)));
    }
    let gaps = widths.len().saturating_sub(1);
    let avail = usize::from(avail).saturating_sub(gaps);
    // Codes (ids, a club's skill: the name beside says the same) give way first,
    // then words; figures only when nothing else is left.
    for cut in [Cut::Codes, Cut::Words, Cut::All] {
        while widths.iter().sum::<usize>() > avail {
            let Some((i, &w)) = widths
                .iter()
                .enumerate()
                .filter(|(i, _)| match cut {
                    Cut::Codes => codes[*i] && !exact[*i],
                    Cut::Words => !exact[*i],
                    Cut::All => true,
                })
                .max_by_key(|(_, w)| **w)
            else {
                break;
            };
            if w <= 4 {
                break;
            }
            widths[i] = w - 1;
        }
    }
    widths.into_iter().map(|w| w as u16).collect()
}

#[derive(Clone, Copy)]
enum Cut {
    Codes,
    Words,
    All,
}

/// The space between columns: two when the table has the room, else one.
pub fn column_spacing(widths: &[u16], avail: u16) -> u16 {
    let gaps = widths.len().saturating_sub(1);
    let used: usize = widths.iter().map(|w| usize::from(*w)).sum();
    if used + 2 * gaps <= usize::from(avail) {
        2
    } else {
        1
    }
}

/// An identifier-like cell: one ASCII word (`table_tennis`, `t001`); a
/// column of them, all different, is a column of codes.
fn is_code(cell: &str) -> bool {
    // A skill's English name (`table tennis`) is as codelike as its code.
    cell.chars()
        .all(|c| c.is_ascii_alphanumeric() || "_- ".contains(c))
}

/// Digits, dates, times and ranges of them: a cell that cannot be cut.
fn is_figures(cell: &str) -> bool {
    cell.chars()
        .all(|c| c.is_ascii_digit() || " -–~:,./+".contains(c))
}

/// Draws the table in a bordered block titled `title` with the row count,
/// the sort arrow in the header, and the search line at the bottom when
/// there is a search.
pub fn draw_table(
    frame: &mut Frame,
    area: Rect,
    state: &TableState,
    title: &str,
    header: &[&str],
    rows: &[TableRow],
    t: &Text,
) {
    let visible = state.visible(rows);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border())
        .title(format!(" {title} "))
        .title_bottom(
            Line::from(format!(
                " {} ",
                fill(t.rows_shown, &[&visible.len(), &rows.len()])
            ))
            .right_aligned(),
        );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let show_search = state.searching || !state.search.text.is_empty();
    let [table_area, search_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(u16::from(show_search)),
    ])
    .areas(inner);
    let widths = column_widths(header, rows, table_area.width);
    let head = Row::new(header.iter().enumerate().map(|(i, h)| {
        let arrow = match state.sort {
            Some(s) if s.column == i && s.descending => "↓",
            Some(s) if s.column == i => "↑",
            _ => "",
        };
        Cell::from(format!("{h}{arrow}"))
    }))
    .style(theme::header());
    let body: Vec<Row> = visible
        .iter()
        .map(|&i| {
            Row::new(rows[i].cells.iter().map(|c| Cell::from(c.as_str()))).style(rows[i].style)
        })
        .collect();
    let empty = body.is_empty();
    let table = Table::new(body, widths.iter().map(|&w| Constraint::Length(w)))
        .header(head)
        .column_spacing(column_spacing(&widths, table_area.width))
        .row_highlight_style(theme::selected());
    let mut ts = ratatui::widgets::TableState::default();
    if !empty {
        ts.select(Some(state.selected.min(visible.len() - 1)));
    }
    frame.render_stateful_widget(table, table_area, &mut ts);
    if empty {
        let y = table_area
            .y
            .saturating_add(1)
            .min(table_area.bottom().saturating_sub(1));
        frame.render_widget(
            Line::from(t.no_rows).style(theme::dim()),
            Rect {
                y,
                height: 1,
                ..table_area
            },
        );
    }
    if show_search {
        let cursor = if state.searching { "▏" } else { "" };
        let line = Line::from(vec![
            Span::styled(t.filter_prompt, theme::dim()),
            Span::raw(state.search.text.as_str()),
            Span::raw(cursor),
        ]);
        frame.render_widget(line, search_area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<TableRow> {
        vec![
            TableRow::new("t1", vec!["t1".into(), "王丽".into(), "10".into()]),
            TableRow::new("t2", vec!["t2".into(), "Li Wei".into(), "9".into()]),
            TableRow::new("t3", vec!["t3".into(), "张伟".into(), "100".into()]),
        ]
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn search_narrows_and_sort_orders_numbers_as_numbers() {
        let rows = rows();
        let mut t = TableState::default();
        for c in "/王".chars() {
            t.handle_key(key(c), &rows);
        }
        assert_eq!(t.visible(&rows), vec![0]);
        t.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &rows);
        assert_eq!(t.visible(&rows).len(), 3);
        t.sort = Some(SortBy {
            column: 2,
            descending: false,
        });
        assert_eq!(t.visible(&rows), vec![1, 0, 2]);
        t.handle_key(key('r'), &rows);
        assert_eq!(t.visible(&rows), vec![2, 0, 1]);
        t.handle_key(key('j'), &rows);
        assert_eq!(t.selected_key(&rows), Some("t1"));
        t.select_key(&rows, "t2");
        assert_eq!(t.selected_key(&rows), Some("t2"));
    }

    #[test]
    fn widths_count_chinese_double_and_fit_the_space() {
        let rows = rows();
        assert_eq!(
            column_widths(&["Id", "姓名", "n"], &rows, 80),
            vec![2, 6, 3]
        );
        let narrow = column_widths(&["Id", "姓名", "n"], &rows, 10);
        assert!(
            narrow.iter().map(|w| w + 1).sum::<u16>() - 1 <= 10 || narrow.iter().all(|w| *w <= 4)
        );
    }

    #[test]
    fn dates_and_counts_are_cut_only_after_the_words() {
        let rows = vec![
            TableRow::new(
                "term",
                vec![
                    "2026-09-01 – 2027-01-22".into(),
                    "2026—2027学年第一学期".into(),
                    "summer timetable, winter from 2026-11-02".into(),
                ],
            ),
            TableRow::new(
                "h",
                vec![
                    "2026-10-01 – 2026-10-07".into(),
                    "国庆节".into(),
                    String::new(),
                ],
            ),
        ];
        let header = ["Dates", "Name", "Detail"];
        // 23 + 22 + 40 + 2 gaps = 87 > 60: the words give way, the dates stay whole.
        let w = column_widths(&header, &rows, 60);
        assert_eq!(w[0], 23, "{w:?}");
        assert!(w.iter().map(|w| w + 1).sum::<u16>() - 1 <= 60, "{w:?}");
        // With no room at all the dates are cut too, rather than overflowing.
        let w = column_widths(&header, &rows, 20);
        assert!(w[0] < 23, "{w:?}");
    }
}
