//! `kehou::import`: schools from the CSV files a deputy head keeps, with every
//! problem in every file reported at once, each with file, row and column.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kehou::files;
use kehou::import::{import, ImportError, ImportErrors, Source, Sources};
use kehou_solver::model::{ClassId, Meetings, RoomId, StaffId, StaffKind};
use kehou_solver::validate::{self, Severity};
use kehou_solver::School;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 20).expect("a real date")
}

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(path)
}

fn example(file: &str) -> Source {
    let path = data(&format!("import/{file}"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Source::new(file, bytes)
}

/// The example files in data/import/: the tiny school's lists.
fn examples() -> Sources {
    Sources {
        staff: example("staff.csv"),
        rooms: example("rooms.csv"),
        classes: example("classes.csv"),
        clubs: Some(example("clubs.csv")),
    }
}

fn tiny() -> School {
    files::load_school(&data("valid/tiny.school.ron")).expect("the tiny school loads")
}

fn errors_of(school: &School) -> Vec<String> {
    validate::validate(school)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.to_string())
        .collect()
}

fn messages(errors: &ImportErrors) -> Vec<String> {
    errors.0.iter().map(ToString::to_string).collect()
}

/// Sources made of text, for one test's files.
fn texts(staff: &str, rooms: &str, classes: &str, clubs: &str) -> Sources {
    Sources {
        staff: Source::new("staff.csv", staff),
        rooms: Source::new("rooms.csv", rooms),
        classes: Source::new("classes.csv", classes),
        clubs: Some(Source::new("clubs.csv", clubs)),
    }
}

const STAFF: &str = "id,name,kind,skills,class_teacher_of\nt001,王丽,leader,homework,3-1\n";
const ROOMS: &str = "id,name,kind,capacity\nr301,三年级1班,classroom,45\n";
const CLASSES: &str = "id,homeroom,basic\n3-1,r301,40\n";
const CLUBS: &str = "id,name,skill,grades,enrolled,meetings,room_kind\n";

fn import_err(sources: &Sources) -> Vec<String> {
    messages(&import(sources, None, today()).expect_err("the import fails"))
}

#[test]
fn the_examples_import_to_a_school_without_errors() {
    let school = import(&examples(), None, today()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(school.staff.len(), 15);
    assert_eq!(school.rooms.len(), 11);
    assert_eq!(school.classes.len(), 6);
    assert_eq!(school.clubs.len(), 3);
    let errors = errors_of(&school);
    assert!(errors.is_empty(), "{errors:#?}");
    // Without --settings: defaults for the school year of "today".
    assert_eq!(school.term.name, "2026—2027学年第一学期");
    assert_eq!(school.timetables.len(), 4);

    let with_base = import(&examples(), Some(tiny()), today()).unwrap_or_else(|e| panic!("{e}"));
    let errors = errors_of(&with_base);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_examples_round_trip_the_tiny_school() {
    let imported = import(&examples(), Some(tiny()), today()).unwrap_or_else(|e| panic!("{e}"));
    // Leave and preferences are not in the CSV files.
    let mut expected = tiny();
    for p in &mut expected.staff {
        p.leave.clear();
        p.preferences.clear();
    }
    // Field by field first, so that a difference is easy to read.
    for (a, b) in imported.staff.iter().zip(&expected.staff) {
        assert_eq!(a, b);
    }
    for (a, b) in imported.rooms.iter().zip(&expected.rooms) {
        assert_eq!(a, b);
    }
    for (a, b) in imported.classes.iter().zip(&expected.classes) {
        assert_eq!(a, b);
    }
    for (a, b) in imported.clubs.iter().zip(&expected.clubs) {
        assert_eq!(a, b);
    }
    assert_eq!(imported, expected);
}

#[test]
fn class_teachers_are_filled_in_both_ways_and_names_stand_for_ids() {
    let school = import(&examples(), None, today()).unwrap_or_else(|e| panic!("{e}"));
    // classes.csv leaves 2-1's class teacher empty; staff.csv says t004 has it.
    let class = school.class(&ClassId::new("2-1")).expect("class 2-1");
    assert_eq!(class.class_teacher, Some(StaffId::new("t004")));
    // staff.csv leaves t008's class empty; classes.csv names t008 for 6-1.
    let person = school.person(&StaffId::new("t008")).expect("t008");
    assert_eq!(person.class_teacher_of, Some(ClassId::new("6-1")));
    // clubs.csv names the choir's leader 周婷, who is t009.
    let choir = school
        .clubs
        .iter()
        .find(|c| c.name == "合唱团")
        .expect("choir");
    assert_eq!(choir.leader, Some(StaffId::new("t009")));
    // An unknown name is left as written, for validation to report.
    let mut sources = examples();
    sources.clubs = Some(Source::new(
        "clubs.csv",
        "社团编号,社团名称,所需技能,年级,报名人数,活动安排,场地类型,指导教师\nchoir,合唱团,choir,2-6,30,2,音乐室,周小婷\n",
    ));
    let school = import(&sources, None, today()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(school.clubs[0].leader, Some(StaffId::new("周小婷")));
    assert_eq!(school.clubs[0].meetings, Meetings::PerWeek(2));
    assert!(errors_of(&school)
        .iter()
        .any(|e| e.contains("its leader 周小婷 is not on the staff list")));
}

#[test]
fn settings_come_from_the_base_school() {
    let mut base = tiny();
    base.name = "青石路小学".to_owned();
    base.staff.clear();
    let school = import(&examples(), Some(base.clone()), today()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(school.name, base.name);
    assert_eq!(school.term, base.term);
    assert_eq!(school.rules, base.rules);
    assert_eq!(school.timetables, base.timetables);
    assert_eq!(school.duties, base.duties);
    assert_eq!(school.staff.len(), 15);
}

#[test]
fn chinese_and_english_headers_in_any_order_and_case() {
    let sources = texts(
        "姓名,工号,身份,特长,班主任班级,每周上限,每日上限,不可用时段,免弹性离校,每日课时\n\
         王丽,t001,领导,作业辅导,3-1,3,1,周四:基本服务,是,4\n",
        "容量,教室编号,名称,类型,室外,备用教室\n45,r301,三年级1班,教室,否,\n",
        "班级,年级,本班教室,班主任,基本服务人数,拓展服务人数,弹性离校人数\n3-1,3,r301,t001,40;38;40;36;30,10,4\n",
        " ID , Name ,Skill,GRADES,Enrolled,Meetings,Room_Kind,Leader,Outdoor\n",
    );
    let school = import(&sources, None, today()).unwrap_or_else(|e| panic!("{e}"));
    let p = &school.staff[0];
    assert_eq!(p.id, StaffId::new("t001"));
    assert_eq!(p.name, "王丽");
    assert_eq!(p.kind, StaffKind::Leader);
    assert_eq!((p.max_per_week, p.max_per_day), (Some(3), Some(1)));
    assert!(p.no_late);
    assert_eq!(p.teaching_periods, [4; 5]);
    assert_eq!(p.unavailable[0].to_string(), "thu:basic");
    assert_eq!(school.rooms[0].capacity, 45);
    let c = &school.classes[0];
    assert_eq!(c.basic, [40, 38, 40, 36, 30]);
    assert_eq!((c.extended, c.late), ([10; 5], [4; 5]));
    assert!(school.clubs.is_empty());
}

#[test]
fn optional_columns_may_be_missing_and_clubs_too() {
    let mut sources = texts(STAFF, ROOMS, CLASSES, CLUBS);
    sources.clubs = None;
    let school = import(&sources, None, today()).unwrap_or_else(|e| panic!("{e}"));
    let c = &school.classes[0];
    // The grade is read from the class id; no extended or late column is all zero.
    assert_eq!(c.grade, 3);
    assert_eq!((c.basic, c.extended, c.late), ([40; 5], [0; 5], [0; 5]));
    assert_eq!(c.class_teacher, Some(StaffId::new("t001")));
    assert_eq!(school.rooms[0].id, RoomId::new("r301"));
    let errors = errors_of(&school);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let plain = import(&examples(), None, today()).unwrap_or_else(|e| panic!("{e}"));
    let mut sources = examples();
    for source in [&mut sources.staff, &mut sources.rooms] {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(&source.bytes);
        source.bytes = bytes;
    }
    let with_bom = import(&sources, None, today()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(with_bom, plain);
}

#[test]
fn a_gbk_file_gets_told_to_be_saved_as_utf8() {
    let mut sources = examples();
    // "工号,姓名\n" in GBK, as Excel in China saves "CSV (逗号分隔)".
    sources.rooms = Source::new("rooms.csv", b"\xb9\xa4\xba\xc5,\xd0\xd5\xc3\xfb\n".to_vec());
    let errors = import_err(&sources);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("rooms.csv: file is not UTF-8; save it as CSV UTF-8"),
        "{errors:#?}"
    );
    assert!(errors[0].contains("on line 1"), "{errors:#?}");
}

#[test]
fn every_bad_cell_in_every_file_is_reported_at_once() {
    let staff = "\
id,name,kind,skills,class_teacher_of,max_per_week,max_per_day,unavailable,no_late,teaching_periods
t001,张建国,leader,homework,,,,,no,2
t002,李明,boss,homework,,,,,no,
t003,王丽,teacher,homework,1-1,many,,,no,
t004,,teacher,homework,,,,,no,
t005,陈静,teacher,homework,,,,,maybe,
t006,杨帆,teacher,homework,,,,thu:bsic,no,
t007,赵敏,teacher,homework,,,,,no,1;2;3
t008,黄磊,teacher,homework,,,300,mon:basic;sat:all,no,
";
    let rooms = "\
id,name,kind,capacity,outdoor,fallback
r101,一年级1班,classroom,lots,no,
gym,体育馆,pool,120,no,
field,操场,playground,300,outside,gym
";
    let classes = "\
id,grade,homeroom,class_teacher,basic,extended,late
1-1,1,r101,,38;40;36;39,,
a,,r101,,30,,
2-1,2,,,30,x,
";
    let clubs = "\
id,name,skill,grades,enrolled,meetings,room_kind,leader,outdoor
football,足球社,football,three,24,thu:extended,playground,,yes
choir,合唱团,,2-6,30,someday,music,,no
";
    let errors = import_err(&texts(staff, rooms, classes, clubs));
    let expected = [
        "staff.csv: row 3, column kind: \"boss\" — expected a kind of staff: teacher, leader, retired, parent, community, coach",
        "staff.csv: row 4, column max_per_week: \"many\" — expected a whole number of posts",
        "staff.csv: row 5, column name: \"\" — expected the person's name; it is empty",
        "staff.csv: row 6, column no_late: \"maybe\" — expected yes or no",
        "staff.csv: row 7, column unavailable: \"thu:bsic\" — expected weekday:session like thu:basic or fri:all (sessions: morning, noon, basic, extended, late, all)",
        "staff.csv: row 8, column teaching_periods: \"1;2;3\" — expected 5 numbers for Monday to Friday like 38;36;38;35;30, or one number for every day; found 3",
        "staff.csv: row 9, column max_per_day: \"300\" — expected a whole number of posts from 0 to 255",
        "staff.csv: row 9, column unavailable: \"sat:all\" (in \"mon:basic;sat:all\") — expected weekday:session like thu:basic",
        "rooms.csv: row 2, column capacity: \"lots\" — expected a whole number of students, such as 40",
        "rooms.csv: row 3, column kind: \"pool\" — expected a kind of room: classroom, gym, playground",
        "rooms.csv: row 4, column outdoor: \"outside\" — expected yes or no (also 是/否, true/false, y/n, 1/0; empty means no)",
        "classes.csv: row 2, column basic: \"38;40;36;39\" — expected 5 numbers for Monday to Friday",
        "classes.csv: row 3, column grade: \"\" — expected a grade such as 3 (it may be left empty when the class id starts with its grade, like 3-2)",
        "classes.csv: row 4, column homeroom: \"\" — expected an id such as r301; it is empty",
        "classes.csv: row 4, column extended: \"x\" — expected whole numbers for Monday to Friday",
        "clubs.csv: row 2, column grades: \"three\" — expected grades like 3-6, or one grade like 3",
        "clubs.csv: row 3, column skill: \"\" — expected the skill its leader needs, such as football; it is empty",
        "clubs.csv: row 3, column meetings: \"someday\" — expected meeting slots like thu:extended;tue:extended, or how many times a week it meets, like 2",
    ];
    for (i, want) in expected.iter().enumerate() {
        let got = errors.get(i).map_or("(nothing)", String::as_str);
        assert!(
            got.starts_with(want),
            "error {i}:\n  want {want}\n  got  {got}\nall:\n{errors:#?}"
        );
    }
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
}

#[test]
fn an_unknown_header_is_named_with_the_known_ones() {
    let staff = "id,name,kind,skils\nt001,王丽,teacher,homework\n";
    let errors = import_err(&texts(staff, ROOMS, CLASSES, CLUBS));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert!(
        e.starts_with(
            "staff.csv: unknown column header \"skils\"; the known headers are: id (工号, 编号"
        ),
        "{e}"
    );
    assert!(e.contains("skills (skill, 技能, 特长, 专长)"), "{e}");
    assert!(e.contains("teaching_periods (每日课时"), "{e}");
}

#[test]
fn a_missing_required_column_is_named_in_every_file() {
    let staff = "id,name\nt001,王丽\n";
    let clubs = "id,name,skill,grades,enrolled,room_kind\n";
    let errors = import_err(&texts(staff, ROOMS, CLASSES, clubs));
    assert_eq!(
        errors,
        [
            "staff.csv: there is no column kind, which is required; add a column headed with one of: kind, 类别, 身份, 人员类别, 类型",
            "clubs.csv: there is no column meetings, which is required; add a column headed with one of: meetings, 活动安排, 活动时间, 上课时间",
        ]
    );
}

#[test]
fn two_headers_for_one_column_and_values_without_a_header_are_errors() {
    let rooms = "id,教室编号,name,kind,capacity\nr301,r301,三年级1班,classroom,45\n";
    let classes = "id,homeroom,basic,\n3-1,r301,40,note\n3-2,r301,40,,\n";
    let errors = import_err(&texts(STAFF, rooms, classes, CLUBS));
    assert_eq!(
        errors,
        [
            "rooms.csv: columns \"id\" and \"教室编号\" both mean id; keep one of them",
            "classes.csv: row 2, column 4: \"note\" is in a column with no header; give the column a header, or clear it",
        ]
    );
}

#[test]
fn an_empty_file_and_blank_rows() {
    let classes = "id,homeroom,basic\n,,\n3-1,r301,40\n\n,,\n";
    let school = import(&texts(STAFF, ROOMS, classes, CLUBS), None, today())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(school.classes.len(), 1);
    let errors = import_err(&texts(STAFF, "", CLASSES, CLUBS));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("rooms.csv: the file is empty; it needs a header row"),
        "{errors:#?}"
    );
}

#[test]
fn import_errors_list_one_a_line() {
    let errors = import(&texts("id\n", "", CLASSES, CLUBS), None, today()).expect_err("fails");
    assert!(errors
        .0
        .iter()
        .any(|e| matches!(e, ImportError::MissingColumn { key: "name", .. })));
    assert_eq!(errors.to_string().lines().count(), errors.0.len());
}

// ---- The command line, end to end ---------------------------------------------

/// Exit status, standard output and standard error of `kehou ARGS`.
fn kehou(args: &[&str]) -> (i32, String, String) {
    let run = crate::run::kehou(args);
    (run.code, run.stdout, run.stderr)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("paths are UTF-8")
}

/// `kehou import` of the four files in `dir`, writing `dir/out.school.ron`.
fn import_in(dir: &Path, more: &[&str]) -> (i32, String, String) {
    let files: Vec<String> = ["staff", "rooms", "classes", "clubs"]
        .iter()
        .map(|f| arg(&dir.join(format!("{f}.csv"))).to_owned())
        .collect();
    let output = dir.join("out.school.ron");
    let mut args = vec![
        "import",
        "--staff",
        &files[0],
        "--rooms",
        &files[1],
        "--classes",
        &files[2],
        "--clubs",
        &files[3],
        "-o",
        arg(&output),
    ];
    args.extend_from_slice(more);
    kehou(&args)
}

/// A temporary directory holding the example CSV files.
fn examples_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for f in ["staff", "rooms", "classes", "clubs"] {
        let name = format!("{f}.csv");
        std::fs::copy(data(&format!("import/{name}")), dir.path().join(&name)).expect("copy");
    }
    dir
}

#[test]
fn cli_import_writes_a_school_that_checks_clean() {
    let dir = examples_dir();
    let (code, stdout, stderr) = import_in(dir.path(), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("no problems found"), "{stdout}");
    assert!(stdout.contains("saved "), "{stdout}");
    assert!(stdout.contains("with default settings"), "{stdout}");
    let path = dir.path().join("out.school.ron");
    let school = files::load_school(&path).expect("the school loads");
    assert_eq!(school.staff.len(), 15);
    assert!(errors_of(&school).is_empty());
    let (code, stdout, _) = kehou(&["check", arg(&path)]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn cli_import_keeps_the_settings_of_a_base_school() {
    let dir = examples_dir();
    let base = arg(&data("valid/tiny.school.ron")).to_owned();
    let (code, stdout, stderr) = import_in(dir.path(), &["--settings", &base]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("default settings"), "{stdout}");
    let school = files::load_school(&dir.path().join("out.school.ron")).expect("loads");
    assert_eq!(school.name, "青石路小学");
    assert_eq!(school.term, tiny().term);
}

#[test]
fn cli_import_of_bad_cells_exits_2_and_writes_nothing() {
    let dir = examples_dir();
    let staff = dir.path().join("staff.csv");
    let text = std::fs::read_to_string(&staff).expect("read");
    std::fs::write(&staff, text.replacen("周三:全天", "thu:bsic", 1)).expect("write");
    let rooms = dir.path().join("rooms.csv");
    let text = std::fs::read_to_string(&rooms).expect("read");
    std::fs::write(
        &rooms,
        text.replace("gym,体育馆,gym,120", "gym,体育馆,gym,lots"),
    )
    .expect("write");
    let (code, stdout, stderr) = import_in(dir.path(), &[]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    let staff_csv = format!(
        "{}: row 6, column 不可用时段: \"thu:bsic\" — expected weekday:session",
        staff.display()
    );
    assert!(stderr.contains(&staff_csv), "{stderr}");
    assert!(
        stderr.contains("row 8, column capacity: \"lots\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 problems in the files; nothing written"),
        "{stderr}"
    );
    assert!(!dir.path().join("out.school.ron").exists());
}

#[test]
fn cli_import_of_a_school_with_errors_exits_1_and_writes_nothing() {
    let dir = examples_dir();
    let classes = dir.path().join("classes.csv");
    let text = std::fs::read_to_string(&classes).expect("read");
    std::fs::write(&classes, text.replace("3-1,3,r301", "3-1,3,r999")).expect("write");
    let (code, stdout, stderr) = import_in(dir.path(), &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("error: class 3-1: its homeroom r999 is not in the list of rooms"),
        "{stdout}"
    );
    assert!(stdout.contains("nothing written"), "{stdout}");
    assert!(!dir.path().join("out.school.ron").exists());
}

#[test]
fn cli_import_of_a_missing_file_exits_2() {
    let dir = examples_dir();
    std::fs::remove_file(dir.path().join("clubs.csv")).expect("remove");
    let (code, stdout, stderr) = import_in(dir.path(), &["--settings", "nowhere.school.ron"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("clubs.csv: cannot read the file"),
        "{stderr}"
    );
    assert!(stderr.contains("nowhere.school.ron"), "{stderr}");
    assert!(!dir.path().join("out.school.ron").exists());
}

#[test]
fn cli_import_help_explains_columns_and_exit_status() {
    let (code, stdout, _) = kehou(&["import", "--help"]);
    assert_eq!(code, 0, "{stdout}");
    for words in ["Example", "Exit status", "--settings", "CSV UTF-8"] {
        assert!(stdout.contains(words), "{words}: {stdout}");
    }
}

/// A club nobody can lead yet (the school means to hire a coach) is a
/// shortage, not a broken file: the import writes the school with a
/// warning, and a solve staffs everything else and lists the club as unmet.
#[test]
fn cli_import_of_a_club_nobody_can_lead_yet_writes_the_school_with_a_warning() {
    let dir = examples_dir();
    let clubs = dir.path().join("clubs.csv");
    let mut text = std::fs::read_to_string(&clubs).expect("read clubs.csv");
    text.push_str("ROBOT,机器人编程,robotics,3-6,20,周二:拓展服务,教室,,否\n");
    std::fs::write(&clubs, text).expect("write clubs.csv");
    let (code, stdout, stderr) = import_in(dir.path(), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("club ROBOT (机器人编程): nobody on the staff has the skill `robotics`"),
        "{stdout}"
    );
    assert!(stdout.contains("saved "), "{stdout}");
    let school = dir.path().join("out.school.ron");
    let plan = dir.path().join("out.plan.ron");
    let (code, stdout, stderr) =
        kehou(&["solve", arg(&school), "-o", arg(&plan), "--time-limit", "2"]);
    assert_eq!(code, 1, "short posts make exit status 1\n{stdout}{stderr}");
    assert!(
        stdout.contains("nobody on the staff has the skill robotics and may lead: add it to a person, or hire a coach"),
        "{stdout}"
    );
    let (code, stdout, _) = kehou(&["check", arg(&school), arg(&plan)]);
    assert_eq!(code, 0, "{stdout}");
}
