//! `kehou import --workbook` on workbooks with a stray cell far away or a
//! huge number: a clear message naming the sheet and the cell, never a
//! giant allocation or a 21-digit number.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Workbook, Worksheet};

use crate::run::kehou;

fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/import")
        .join(file)
}

fn arg(p: &Path) -> String {
    p.to_str().expect("UTF-8").to_owned()
}

/// The example CSV file's cells, as text cells of a new sheet `name`.
fn sheet_of(name: &str, file: &str) -> Worksheet {
    let mut sheet = Worksheet::new();
    sheet.set_name(name).expect("a sheet name");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(data(file))
        .expect("the example opens");
    for (r, record) in reader.records().enumerate() {
        for (c, cell) in record.expect("a row").iter().enumerate() {
            let cell = cell.trim_start_matches('\u{feff}');
            if !cell.is_empty() {
                let (r, c) = (
                    u32::try_from(r).expect("few rows"),
                    u16::try_from(c).expect("few columns"),
                );
                sheet.write_string(r, c, cell).expect("write");
            }
        }
    }
    sheet
}

/// The four example lists as a workbook in `dir`; `edit` changes a sheet.
fn workbook(dir: &Path, edit: impl Fn(&str, &mut Worksheet)) -> PathBuf {
    let mut book = Workbook::new();
    for (name, file) in [
        ("staff", "staff.csv"),
        ("rooms", "rooms.csv"),
        ("classes", "classes.csv"),
        ("clubs", "clubs.csv"),
    ] {
        let mut sheet = sheet_of(name, file);
        edit(name, &mut sheet);
        book.push_worksheet(sheet);
    }
    let path = dir.join("school.xlsx");
    book.save(&path).expect("the workbook is saved");
    path
}

#[test]
fn a_stray_cell_far_away_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = workbook(dir.path(), |name, sheet| {
        if name == "staff" {
            sheet
                .write_string(1_048_575, 16_383, "x")
                .expect("the last cell");
        }
    });
    let out = dir.path().join("school.school.ron");
    let run = kehou(&["import", "--workbook", &arg(&book), "-o", &arg(&out)]);
    assert_ne!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("sheet staff"), "{}", run.all());
    assert!(run.stderr.contains("XFD1048576"), "{}", run.all());
    assert!(run.stderr.contains("10000 rows"), "{}", run.all());
    assert!(!out.exists());
}

#[test]
fn a_far_column_is_refused_and_a_near_one_is_not() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = workbook(dir.path(), |name, sheet| {
        if name == "rooms" {
            sheet.write_string(0, 300, "note").expect("a far column");
        }
    });
    let out = dir.path().join("school.school.ron");
    let run = kehou(&["import", "--workbook", &arg(&book), "-o", &arg(&out)]);
    assert_ne!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("sheet rooms"), "{}", run.all());
    assert!(run.stderr.contains("KO1"), "{}", run.all());

    // A formatted but empty cell far away is not content: the import works.
    let book = workbook(dir.path(), |name, sheet| {
        if name == "rooms" {
            let bold = rust_xlsxwriter::Format::new().set_bold();
            sheet.write_blank(999_999, 150, &bold).expect("blank");
        }
    });
    let run = kehou(&["import", "--workbook", &arg(&book), "-o", &arg(&out)]);
    assert_eq!(run.code, 0, "{}", run.all());
}

#[test]
fn a_huge_number_is_shown_short() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = workbook(dir.path(), |name, sheet| {
        if name == "rooms" {
            // Row 3, column D: a room's capacity.
            sheet.write_number(2, 3, 1e20).expect("a number");
        }
    });
    let out = dir.path().join("school.school.ron");
    let run = kehou(&["import", "--workbook", &arg(&book), "-o", &arg(&out)]);
    assert_ne!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("[rooms]"), "{}", run.all());
    assert!(run.stderr.contains("1.000000e20"), "{}", run.all());
    assert!(
        !run.stderr.contains("100000000000000000000"),
        "{}",
        run.all()
    );
}
