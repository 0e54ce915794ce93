//! Fitting a grid of short lines onto printed pages: the duty board of a
//! small school prints in a comfortable size on one A4 sheet per week; that
//! of a school with 60 classes gets a smaller font, cells set in two or three
//! columns, and, only when that is not enough, a second sheet for the week.
//!
//! The browser lays the page out, not kehou, so this is an estimate from the
//! text widths (a Chinese character is one em wide, a Latin one about half)
//! with a margin of safety; the Chromium test in tests/it/exports.rs checks
//! that the printed page count is the one estimated here.

use std::ops::Range;

use super::html::{Paper, MARGIN_MM};

/// Millimetres per typographic point.
const MM_PER_PT: f64 = 25.4 / 72.0;
/// The line height set in the CSS, in ems.
pub const LINE_HEIGHT: f64 = 1.25;
/// Cell padding on each side, and the gap between columns inside a cell, in mm.
pub const CELL_PAD_MM: f64 = 0.8;
pub const COLUMN_GAP_MM: f64 = 1.5;
/// How much wider real text is than its half-em count says (Latin letters
/// and digits are a little wider than half an em in CJK fonts; bold text).
const WIDTH_SLACK: f64 = 1.15;
/// Font sizes tried, in points, largest first.
const MAX_PT: f64 = 10.0;
const MIN_PT: f64 = 5.5;
/// Columns a cell may be set in.
const MAX_COLUMNS: u8 = 3;
/// Below this a week goes onto more sheets rather than smaller print.
const SPLIT_BELOW_PT: f64 = 6.5;

/// A row of the grid: a heading cell and one cell per column, each a list of
/// line widths in half-ems.
#[derive(Debug, Clone, Default)]
pub struct RowWidths {
    pub head: Vec<usize>,
    pub cells: Vec<Vec<usize>>,
}

/// The geometry of a page of the grid.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub paper: Paper,
    /// Width of the heading column, mm.
    pub head_mm: f64,
    /// Height taken by the title, the table's header row and the legend, mm.
    pub furniture_mm: f64,
}

/// One printed page: which rows (after the sticky ones) it holds, the font
/// size and, for every row of the grid, the columns its cells are set in.
#[derive(Debug, Clone, PartialEq)]
pub struct PageFit {
    pub rows: Range<usize>,
    pub font_pt: f64,
    /// Columns per cell, by row index of the whole grid (sticky rows too).
    pub columns: Vec<u8>,
}

impl Geometry {
    fn body_mm(&self) -> f64 {
        let (_, h) = self.paper.size_mm();
        h - 2.0 * MARGIN_MM - self.furniture_mm
    }

    fn cell_mm(&self, days: usize) -> f64 {
        let (w, _) = self.paper.size_mm();
        (w - 2.0 * MARGIN_MM - self.head_mm) / days.max(1) as f64
    }

    /// Height of `row` at `pt` with its cells in `cols` columns, mm.
    fn row_mm(&self, row: &RowWidths, days: usize, pt: f64, cols: u8) -> f64 {
        let line_mm = pt * MM_PER_PT * LINE_HEIGHT;
        let half_em_mm = pt * MM_PER_PT / 2.0;
        let c = f64::from(cols);
        let inner = self.cell_mm(days) - 2.0 * CELL_PAD_MM - (c - 1.0) * COLUMN_GAP_MM;
        let capacity = ((inner / c) / half_em_mm).floor().max(1.0);
        let lines_of = |widths: &[usize]| -> usize {
            widths
                .iter()
                .map(|&w| ((w.max(1) as f64 * WIDTH_SLACK) / capacity).ceil() as usize)
                .sum()
        };
        let tallest = row
            .cells
            .iter()
            .map(|cell| {
                let lines = lines_of(cell);
                // Balanced columns break only between lines: allow one more.
                if cols > 1 {
                    lines.div_ceil(cols as usize) + 1
                } else {
                    lines
                }
            })
            .max()
            .unwrap_or(0);
        let head_capacity = ((self.head_mm - 2.0 * CELL_PAD_MM) / half_em_mm)
            .floor()
            .max(1.0);
        let head: usize = row
            .head
            .iter()
            .map(|&w| ((w.max(1) as f64 * WIDTH_SLACK) / head_capacity).ceil() as usize)
            .sum();
        tallest.max(head).max(1) as f64 * line_mm + 2.0 * CELL_PAD_MM + 0.3
    }

    /// The columns (at most `max_cols`) that make `row` lowest at `pt`, and that height.
    fn best_row(&self, row: &RowWidths, days: usize, pt: f64, max_cols: u8) -> (u8, f64) {
        (1..=max_cols)
            .map(|c| (c, self.row_mm(row, days, pt, c)))
            .fold((1, f64::INFINITY), |best, next| {
                // Fewer columns unless more are clearly lower.
                if next.1 < best.1 - 0.01 {
                    next
                } else {
                    best
                }
            })
    }

    /// Do the sticky rows and `rows` fit one page at `pt`? With the columns.
    fn fits(
        &self,
        grid: &[RowWidths],
        sticky: usize,
        rows: &Range<usize>,
        days: usize,
        pt: f64,
        max_cols: u8,
    ) -> Option<Vec<u8>> {
        let header_mm = pt * MM_PER_PT * LINE_HEIGHT + 2.0 * CELL_PAD_MM;
        let mut total = header_mm;
        let mut columns = vec![1; grid.len()];
        for i in (0..sticky).chain(rows.clone()) {
            let (c, h) = self.best_row(&grid[i], days, pt, max_cols);
            columns[i] = c;
            total += h;
        }
        (total <= self.body_mm()).then_some(columns)
    }

    /// The largest font size at which the rows fit one page, if any, with
    /// as few columns in a cell as that size allows: one column reads best.
    fn largest(
        &self,
        grid: &[RowWidths],
        sticky: usize,
        rows: &Range<usize>,
        days: usize,
        floor: f64,
    ) -> Option<PageFit> {
        let mut pt = MAX_PT;
        while pt >= floor - 1e-9 {
            for max_cols in 1..=MAX_COLUMNS {
                if let Some(columns) = self.fits(grid, sticky, rows, days, pt, max_cols) {
                    return Some(PageFit {
                        rows: rows.clone(),
                        font_pt: pt,
                        columns,
                    });
                }
            }
            pt -= 0.25;
        }
        None
    }

    /// The pages for `grid`, whose first `sticky` rows repeat on every page.
    pub fn paginate(&self, grid: &[RowWidths], sticky: usize, days: usize) -> Vec<PageFit> {
        let all = sticky..grid.len();
        if let Some(page) = self.largest(grid, sticky, &all, days, SPLIT_BELOW_PT) {
            return vec![page];
        }
        let mut pages = Vec::new();
        let mut start = sticky;
        while start < grid.len() {
            let mut end = start + 1;
            while end < grid.len()
                && self
                    .fits(
                        grid,
                        sticky,
                        &(start..end + 1),
                        days,
                        SPLIT_BELOW_PT,
                        MAX_COLUMNS,
                    )
                    .is_some()
            {
                end += 1;
            }
            let rows = start..end;
            let page = self
                .largest(grid, sticky, &rows, days, MIN_PT)
                .unwrap_or_else(|| {
                    // Too much for one sheet even in the smallest print: print
                    // it smallest and let it run on (the test would notice).
                    let columns = (0..grid.len())
                        .map(|i| self.best_row(&grid[i], days, MIN_PT, MAX_COLUMNS).0)
                        .collect();
                    PageFit {
                        rows: rows.clone(),
                        font_pt: MIN_PT,
                        columns,
                    }
                });
            pages.push(page);
            start = end;
        }
        pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geometry() -> Geometry {
        Geometry {
            paper: Paper::A4Landscape,
            head_mm: 22.0,
            furniture_mm: 30.0,
        }
    }

    fn row(lines: usize) -> RowWidths {
        RowWidths {
            head: vec![8, 11],
            cells: vec![vec![16; lines]; 5],
        }
    }

    #[test]
    fn a_small_week_prints_large_on_one_page() {
        let pages = geometry().paginate(&[row(1), row(5), row(3)], 1, 5);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].font_pt, MAX_PT);
        assert_eq!(pages[0].rows, 1..3);
        assert_eq!(pages[0].columns, [1, 1, 1], "one column while it fits");
    }

    #[test]
    fn more_lines_mean_smaller_print_then_columns_then_pages() {
        let mid = geometry().paginate(&[row(1), row(24), row(14), row(7)], 1, 5);
        assert_eq!(mid.len(), 1);
        assert!(mid[0].font_pt < MAX_PT && mid[0].font_pt >= SPLIT_BELOW_PT);

        let big = geometry().paginate(&[row(1), row(60), row(30), row(12)], 1, 5);
        assert!(big.iter().all(|p| p.font_pt >= MIN_PT));
        assert!(big.iter().any(|p| p.columns.iter().any(|&c| c > 1)));
        let covered: Vec<usize> = big.iter().flat_map(|p| p.rows.clone()).collect();
        assert_eq!(covered, [1, 2, 3], "every row on exactly one page");
    }
}
