//! One test per hostile or unusual input of issue 14: each gets a clear
//! message naming the file, where, and what to do, or is made harmless;
//! kehou never writes where it should not.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use kehou::export::{self, ExportOptions, Format};
use kehou::files;
use kehou::tui::testing::data_file;
use kehou_solver::Plan;

use crate::run::{kehou, Run};

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn no_escapes(run: &Run) {
    for c in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(
            !run.all().contains(c),
            "a raw {c:?} reached the terminal:\n{}",
            run.all()
        );
    }
}

/// The example lists in a folder, `staff.csv` replaced by `staff`.
fn lists_with_staff(staff: &[u8]) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for f in ["rooms.csv", "classes.csv", "clubs.csv"] {
        std::fs::copy(data_file(&format!("import/{f}")), dir.path().join(f)).expect("copy");
    }
    std::fs::write(dir.path().join("staff.csv"), staff).expect("write staff");
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    let args = vec![
        "import".to_owned(),
        "--staff".to_owned(),
        p("staff.csv"),
        "--rooms".to_owned(),
        p("rooms.csv"),
        "--classes".to_owned(),
        p("classes.csv"),
        "--clubs".to_owned(),
        p("clubs.csv"),
        "-o".to_owned(),
        p("out.school.ron"),
    ];
    (dir, args)
}

fn example_staff() -> String {
    std::fs::read_to_string(data_file("import/staff.csv")).expect("the example")
}

fn run_import(staff: &[u8]) -> (tempfile::TempDir, Run) {
    let (dir, args) = lists_with_staff(staff);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = kehou(&args);
    (dir, run)
}

#[test]
fn control_characters_in_an_imported_name_are_refused_and_never_printed() {
    let staff = example_staff().replacen("张建国", "张\u{1b}]0;PWNED-TITLE\u{7}\u{1b}[2J", 1);
    let (dir, run) = run_import(staff.as_bytes());
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("row 2, column B"), "{}", run.all());
    assert!(
        run.stderr.contains("control character (U+001B)"),
        "{}",
        run.all()
    );
    no_escapes(&run);
    assert!(!dir.path().join("out.school.ron").exists());
}

#[test]
fn a_line_break_inside_a_quoted_name_does_not_split_the_row() {
    let staff = example_staff().replacen("张建国", "\"张\n建国\"", 1);
    let (dir, run) = run_import(staff.as_bytes());
    assert_eq!(run.code, 0, "{}", run.all());
    let school = files::load_school(&dir.path().join("out.school.ron")).expect("saved");
    assert_eq!(school.staff.len(), 15);
    assert_eq!(school.staff[0].name, "张、建国");
}

#[test]
fn an_unterminated_quote_is_named_with_its_row() {
    let staff = example_staff().replacen("李明", "\"李明", 1);
    let (_dir, run) = run_import(staff.as_bytes());
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("row 3: a quote"), "{}", run.all());
    assert!(run.stderr.contains("never closes"), "{}", run.all());
}

#[test]
fn a_list_past_the_row_limit_is_refused() {
    let mut staff = example_staff();
    for i in 0..10_001 {
        let _ = writeln!(staff, "x{i},某{i},教师");
    }
    let (_dir, run) = run_import(staff.as_bytes());
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("more than 10000 rows"), "{}", run.all());
}

#[test]
fn a_gbk_list_is_named_and_a_bom_is_fine() {
    let (_dir, run) = run_import(b"\xb9\xa4\xba\xc5,\xd0\xd5\xc3\xfb\n");
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("save it as CSV UTF-8"), "{}", run.all());
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(example_staff().trim_start_matches('\u{feff}').as_bytes());
    let (_dir, run) = run_import(&bom);
    assert_eq!(run.code, 0, "{}", run.all());
}

/// A workbook of the example lists whose staff sheet holds `blanks` bytes
/// of spaces: a few MB on disk, far more unpacked.
fn workbook_of_blanks(dir: &Path, blanks: usize) -> PathBuf {
    use zip::write::SimpleFileOptions;
    let plain = dir.join("plain.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    for name in ["staff", "rooms", "classes"] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("name");
        sheet.write_string(0, 0, "id").expect("cell");
    }
    book.save(&plain).expect("save");
    let mut source =
        zip::ZipArchive::new(std::fs::File::open(&plain).expect("open")).expect("a zip");
    let path = dir.join("blanks.xlsx");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..source.len() {
        let mut part = source.by_index(i).expect("a part");
        let name = part.name().expect("a name").into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut bytes).expect("read");
        out.start_file(name.as_str(), options).expect("start");
        if name == "xl/worksheets/sheet1.xml" {
            let text = String::from_utf8(bytes).expect("XML");
            let (head, tail) = text.split_at(text.find("<sheetData").expect("sheet data"));
            out.write_all(head.as_bytes()).expect("write");
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..blanks / chunk.len() {
                out.write_all(&chunk).expect("write");
            }
            out.write_all(tail.as_bytes()).expect("write");
        } else {
            out.write_all(&bytes).expect("write");
        }
    }
    out.finish().expect("finish");
    path
}

#[test]
fn a_workbook_of_blanks_is_refused_before_it_is_unpacked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let book = workbook_of_blanks(dir.path(), 80 << 20);
    assert!(std::fs::metadata(&book).expect("book").len() < 2 << 20);
    let out = dir.path().join("out.school.ron");
    let run = kehou(&["import", "--workbook", arg(&book), "-o", arg(&out)]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains("unpacks to more than 64 MiB"),
        "{}",
        run.all()
    );
    assert!(run.stderr.contains("sheet1.xml"), "{}", run.all());
    assert!(!out.exists());
}

/// `kehou check` on a school file holding `bytes`.
fn check_school(bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("x.school.ron");
    std::fs::write(&path, bytes).expect("write");
    kehou(&["check", arg(&path)])
}

#[test]
fn school_files_with_a_bom_empty_utf16_gbk_nul_or_escapes_are_named() {
    let tiny = std::fs::read(data_file("valid/tiny.school.ron")).expect("tiny");
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(&tiny);
    assert_eq!(check_school(&bom).code, 0, "{}", check_school(&bom).all());
    let cases: [(&[u8], &str); 5] = [
        (b"", "the file is empty: it should hold a kehou school"),
        (b"\xff\xfe(\x00v\x00", "save it as UTF-8"),
        (
            b"(\n  name: \"\xcd\xf5\",\n)",
            "line 2 is not UTF-8 text (it is probably GBK)",
        ),
        (b"(\n  name: \"a\x00\",\n)", "2:11: a NUL byte"),
        (
            b"(\n  name: \"a\\u{1b}]0;PWNED\\u{7}\",\n)",
            "2:11: a control character (U+001B)",
        ),
    ];
    for (bytes, expected) in cases {
        let run = check_school(bytes);
        assert_eq!(run.code, 2, "{}", run.all());
        assert!(run.stderr.contains(expected), "{expected}:\n{}", run.all());
        no_escapes(&run);
    }
}

#[test]
fn a_plan_with_nan_or_inf_is_refused_and_names_its_backup() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let plan = dir.path().join("demo.plan.ron");
    let text = std::fs::read_to_string(data_file("demo/demo.plan.ron")).expect("plan");
    std::fs::write(&plan, &text).expect("write");
    for (from, to, field) in [
        ("gap: ", "gap: NaN, //", "`gap` is NaN"),
        ("seconds: ", "seconds: inf, //", "`seconds` is inf"),
    ] {
        // Saved through kehou, so the good version becomes the backup.
        std::fs::write(&plan, &text).expect("write");
        files::save_plan(&plan, &files::load_plan(&plan).expect("good")).expect("save");
        std::fs::write(&plan, text.replacen(from, to, 1)).expect("write");
        let run = kehou(&["check", arg(&data_file("demo/demo.school.ron")), arg(&plan)]);
        assert_eq!(run.code, 2, "{}", run.all());
        assert!(run.stderr.contains(field), "{}", run.all());
        assert!(
            run.stderr.contains("the previous version is in")
                && run
                    .stderr
                    .contains("demo.plan.ron.bak: `kehou check SCHOOL"),
            "{}",
            run.all()
        );
    }
}

#[test]
fn an_output_that_is_an_input_or_another_kind_of_file_is_refused() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = dir.path().join("s.school.ron");
    let plan = dir.path().join("s.plan.ron");
    std::fs::copy(data_file("demo/demo.school.ron"), &school).expect("copy");
    std::fs::copy(data_file("demo/demo.plan.ron"), &plan).expect("copy");
    let before = (
        std::fs::read(&school).expect("s"),
        std::fs::read(&plan).expect("p"),
    );
    let renamed = dir.path().join("keep.txt");
    std::fs::copy(&plan, &renamed).expect("copy");
    let (s, p, r) = (arg(&school), arg(&plan), arg(&renamed));
    for args in [
        vec!["solve", s, "-o", s],
        vec!["export", s, p, "-o", p],
        vec!["export", s, p, "--format", "html", "-o", s],
        vec!["export", s, p, "--format", "html", "-o", r],
        vec!["demo", "--size", "small", "-o", p],
    ] {
        let run = kehou(&args);
        assert_eq!(run.code, 2, "{args:?}\n{}", run.all());
        assert!(
            run.stderr.contains("nothing was written"),
            "{args:?}\n{}",
            run.all()
        );
    }
    assert_eq!(std::fs::read(&school).expect("s"), before.0);
    assert_eq!(std::fs::read(&plan).expect("p"), before.1);
    assert_eq!(std::fs::read(&renamed).expect("r"), before.1);
}

#[test]
fn demo_over_an_existing_school_needs_force() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = dir.path().join("real.school.ron");
    std::fs::copy(data_file("valid/tiny.school.ron"), &school).expect("copy");
    let run = kehou(&["demo", "--size", "small", "-o", arg(&school)]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("add --force"), "{}", run.all());
    assert!(files::load_school(&school)
        .expect("real")
        .name
        .contains("青石路"));
    let run = kehou(&["demo", "--size", "small", "-o", arg(&school), "--force"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let backup = files::load_school(&files::backup_path(&school)).expect("backup");
    assert!(
        backup.name.contains("青石路"),
        "the real school is the backup"
    );
}

#[test]
fn saves_keep_three_backup_generations_and_kehou_backups_sets_how_many() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = dir.path().join("d.school.ron");
    for seed in 1..=5 {
        let run = kehou(&[
            "demo",
            "--size",
            "small",
            "--seed",
            &seed.to_string(),
            "-o",
            arg(&school),
            "--force",
        ]);
        assert_eq!(run.code, 0, "{}", run.all());
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "d.school.ron",
            "d.school.ron.bak",
            "d.school.ron.bak.1",
            "d.school.ron.bak.2"
        ]
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kehou"))
        .args([
            "demo",
            "--size",
            "small",
            "--seed",
            "6",
            "-o",
            arg(&school),
            "--force",
        ])
        .env("KEHOU_BACKUPS", "5")
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(dir.path().join("d.school.ron.bak.3").is_file());
}

#[cfg(unix)]
#[test]
fn a_sick_call_through_a_symlinked_plan_keeps_the_link_and_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).expect("mkdir");
    let school = dir.path().join("demo.school.ron");
    std::fs::copy(data_file("demo/demo.school.ron"), &school).expect("copy");
    let real = shared.join("demo.plan.ron");
    std::fs::copy(data_file("demo/demo.plan.ron"), &real).expect("copy");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let link = dir.path().join("demo.plan.ron");
    std::os::unix::fs::symlink("shared/demo.plan.ron", &link).expect("symlink");
    let run = kehou(&[
        "absent",
        arg(&school),
        arg(&link),
        "--staff",
        "t012",
        "--date",
        "2026-09-08",
        "--yes",
    ]);
    assert!(run.stdout.contains("Saved "), "{}", run.all());
    assert!(std::fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(files::load_plan(&real).expect("real").absences.len(), 1);
    assert!(shared.join("demo.plan.ron.bak").is_file());
    let mode = std::fs::metadata(&real).expect("real").permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);
}

#[test]
fn the_same_sick_call_twice_is_refused_by_the_command_line() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = dir.path().join("demo.school.ron");
    let plan = dir.path().join("demo.plan.ron");
    std::fs::copy(data_file("demo/demo.school.ron"), &school).expect("copy");
    std::fs::copy(data_file("demo/demo.plan.ron"), &plan).expect("copy");
    let args = [
        "absent",
        arg(&school),
        arg(&plan),
        "--staff",
        "t012",
        "--date",
        "2026-09-08",
        "--yes",
    ];
    assert!(kehou(&args).stdout.contains("Saved "));
    let again = kehou(&args);
    assert_eq!(again.code, 1, "{}", again.all());
    assert!(
        again.stderr.contains("is already recorded away"),
        "{}",
        again.all()
    );
    assert!(again.stderr.contains("--remove"), "{}", again.all());
    assert_eq!(files::load_plan(&plan).expect("plan").absences.len(), 1);
}

#[test]
fn printed_sheets_of_a_stale_plan_say_they_are_not_current() {
    let school = files::load_school(&data_file("demo/demo.school.ron")).expect("school");
    let plan = files::load_plan(&data_file("demo/demo.plan.ron")).expect("plan");
    let board = |plan: &Plan, format| {
        let made =
            export::files(&school, plan, &ExportOptions::new(format, "x.html")).expect("made");
        String::from_utf8(made[0].bytes.clone()).expect("HTML")
    };
    assert!(!board(&plan, Format::Html).contains("class=\"not-current\""));
    let mut stale = plan.clone();
    stale.school_fingerprint = "an earlier school".into();
    for format in [Format::Html, Format::Signin] {
        let html = board(&stale, format);
        assert!(
            html.contains("非当前排班：本排班生成后学校数据已改动"),
            "{format:?}"
        );
        assert_eq!(
            html.matches("class=\"not-current\"").count(),
            html.matches("<section class=\"page\"").count(),
            "on every page"
        );
    }
}

#[test]
fn calendar_file_names_are_bounded_and_cannot_fake_an_extension() {
    let mut school = files::load_school(&data_file("demo/demo.school.ron")).expect("school");
    let plan = files::load_plan(&data_file("demo/demo.plan.ron")).expect("plan");
    let long = "王".repeat(10_000);
    let ids: Vec<_> = school.staff.iter().map(|p| p.id.clone()).collect();
    school.staff[0].name = long;
    school.staff[1].name = "evil\u{202e}gpj.exe".into();
    // Renaming makes the plan stale, as it would be; the names are the point.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let options = ExportOptions::new(Format::Ics, dir.path().join("cal"));
    let written = export::export(&school, &plan, &options).expect("every calendar is written");
    assert!(written.len() > 10);
    for w in &written {
        let name = w
            .path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        assert!(name.len() <= 130, "{name}");
        assert!(!name.contains('\u{202e}'), "{name}");
        assert!(Path::new(&name).extension().is_some_and(|e| e == "ics"));
    }
    assert!(written.iter().any(|w| w
        .path
        .to_string_lossy()
        .contains(&format!("{}-evil_gpj.exe.ics", ids[1]))));
}

#[test]
fn a_form_field_takes_no_control_or_direction_characters() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use kehou::tui::widgets::input::LineInput;
    let mut field = LineInput::default();
    for c in ['王', '\u{1b}', '\u{7}', '\u{202e}', '丽'] {
        field.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert_eq!(field.text, "王丽");
}
