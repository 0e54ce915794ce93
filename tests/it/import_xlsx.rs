//! `kehou import --workbook`: the four lists as sheets of one Excel workbook,
//! made here with rust_xlsxwriter from the CSV examples in data/import/ —
//! numbers as number cells, flags as true/false cells, a list with a line
//! break — and read to the same school as the CSV files.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kehou::import::{self, xlsx, Source, Sources};
use rust_xlsxwriter::Workbook;

use crate::run::kehou;

fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/import")
        .join(file)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 20).expect("a date")
}

/// The CSV file's rows (BOM and all), as a spreadsheet would hold them.
fn rows(file: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(data(file))
        .expect("the example opens");
    reader
        .records()
        .map(|r| {
            r.expect("a row")
                .iter()
                .map(|c| c.trim_start_matches('\u{feff}').to_owned())
                .collect()
        })
        .collect()
}

/// A workbook of the examples; `edit` may change a sheet's rows first.
fn workbook(sheets: &[(&str, &str)], edit: impl Fn(&str, &mut Vec<Vec<String>>)) -> Vec<u8> {
    let mut book = Workbook::new();
    for (sheet_name, file) in sheets {
        let mut rows = rows(file);
        edit(sheet_name, &mut rows);
        let sheet = book.add_worksheet();
        sheet.set_name(*sheet_name).expect("a sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                // Whole numbers as number cells, yes/no as booleans: as typed in Excel.
                if r > 0 && !cell.is_empty() && cell.chars().all(|ch| ch.is_ascii_digit()) {
                    sheet
                        .write_number(r, c, cell.parse::<f64>().expect("a number"))
                        .expect("write");
                } else if r > 0 && (cell == "是" || cell == "否") {
                    sheet.write_boolean(r, c, cell == "是").expect("write");
                } else if !cell.is_empty() {
                    sheet.write_string(r, c, cell).expect("write");
                }
            }
        }
    }
    book.save_to_buffer().expect("the workbook is made")
}

const SHEETS: [(&str, &str); 4] = [
    ("staff", "staff.csv"),
    ("rooms", "rooms.csv"),
    ("classes", "classes.csv"),
    ("clubs", "clubs.csv"),
];

fn csv_sources() -> Sources {
    let source =
        |file: &str| Source::new(file, std::fs::read(data(file)).expect("the example reads"));
    Sources {
        staff: source("staff.csv"),
        rooms: source("rooms.csv"),
        classes: source("classes.csv"),
        clubs: Some(source("clubs.csv")),
    }
}

#[test]
fn a_workbook_imports_to_the_same_school_as_the_csv_files() {
    let from_csv = import::import(&csv_sources(), None, today()).expect("the CSV files import");
    // Chinese sheet names, a list split by a line break instead of ;.
    let sheets = [
        ("教职工", "staff.csv"),
        ("教室", "rooms.csv"),
        ("班级", "classes.csv"),
        ("社团", "clubs.csv"),
    ];
    let bytes = workbook(&sheets, |sheet, rows| {
        if sheet == "社团" {
            rows[1][5] = rows[1][5].replace(';', "\n");
        }
    });
    let sources = xlsx::sources("school.xlsx", &bytes).expect("the sheets are found");
    assert_eq!(sources.staff.name, "school.xlsx [教职工]");
    let from_xlsx = import::import(&sources, None, today()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_xlsx, from_csv);
}

#[test]
fn bad_cells_are_named_by_sheet_row_and_column() {
    let bytes = workbook(&SHEETS, |sheet, rows| match sheet {
        "rooms" => rows[2][3] = "很多".to_owned(),
        "staff" => rows[3][2] = "校长".to_owned(),
        _ => {}
    });
    let sources = xlsx::sources("school.xlsx", &bytes).expect("the sheets are found");
    let errors = import::import(&sources, None, today()).expect_err("bad cells");
    let messages: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("school.xlsx [staff]: row 4, column 类别: \"校长\""),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with("school.xlsx [rooms]: row 3, column capacity: \"很多\""),
        "{}",
        messages[1]
    );
}

#[test]
fn missing_sheets_and_non_workbooks_are_explained() {
    let bytes = workbook(&SHEETS[..2], |_, _| {});
    let errors = xlsx::sources("school.xlsx", &bytes).expect_err("no classes sheet");
    let text = errors.to_string();
    assert!(text.contains("school.xlsx: there is no sheet classes; name a sheet with one of: classes, 班级 (the workbook has: staff, rooms)"), "{text}");

    let errors = xlsx::sources("staff.csv", b"id,name\n").expect_err("not a workbook");
    assert!(
        errors
            .to_string()
            .starts_with("staff.csv: cannot open it as an Excel workbook"),
        "{errors}"
    );
}

#[test]
fn the_command_line_imports_a_workbook() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = dir.path().join("school.xlsx");
    std::fs::write(&book, workbook(&SHEETS, |_, _| {})).expect("write the workbook");
    let out = dir.path().join("school.school.ron");
    let arg = |p: &Path| p.to_str().expect("UTF-8").to_owned();
    let run = kehou(&["import", "--workbook", &arg(&book), "-o", &arg(&out)]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(out.exists());
    let both = kehou(&[
        "import",
        "--workbook",
        &arg(&book),
        "--staff",
        &arg(&data("staff.csv")),
        "-o",
        &arg(&out),
    ]);
    assert_eq!(both.code, 2, "{}", both.all());
    assert!(
        both.stderr.contains("cannot be used with"),
        "{}",
        both.all()
    );
}
