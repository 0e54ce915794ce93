//! The exports of `kehou export` on the demo school: golden files of every
//! format, and each format read back by the program people will open it with
//! (an iCalendar parser, a spreadsheet reader, an HTML parser, Chromium).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use kehou::export::{self, hours, ExportOptions, Format};
use kehou::files;
use kehou::words::Lang;
use kehou_solver::dated;
use kehou_solver::model::StaffId;
use kehou_solver::plan::{DecidedBy, Role, Substitution};
use kehou_solver::{Plan, School};

use crate::run::kehou;

fn demo_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/demo")
        .join(name)
}

fn demo() -> &'static (School, Plan) {
    static DEMO: OnceLock<(School, Plan)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let school =
            files::load_school(&demo_path("demo.school.ron")).expect("the demo school loads");
        let plan = files::load_plan(&demo_path("demo.plan.ron")).expect("the demo plan loads");
        (school, plan)
    })
}

/// A date of the demo term with service, and two substitutions on it: the
/// lead of 3-1 is out and covered, an assistant of a late group is out and
/// nobody covers.
const SICK_DAY: &str = "2026-10-12";

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn with_substitutions() -> (School, Plan) {
    let (school, mut plan) = demo().clone();
    let day = dated::day_roster(&school, &plan, date(SICK_DAY)).expect("a service day");
    let mut sub = |post: &str, role: Role, cover: Option<&str>, reason: &str| {
        let p = day.post(post).expect("the post runs that day");
        let out = p
            .post
            .staff
            .iter()
            .find(|a| a.role == role)
            .expect("someone in the role")
            .staff
            .clone();
        plan.substitutions.push(Substitution {
            date: date(SICK_DAY),
            post: post.to_owned(),
            role,
            out: Some(out),
            cover: cover.map(StaffId::new),
            reason: kehou_solver::plan::CoverReason::Text(reason.to_owned()),
            decided_by: DecidedBy::Kehou,
        });
    };
    sub(
        "w1-mon-basic-3-1",
        Role::Lead,
        Some("t063"),
        "无课, 本学期代岗最少; 同年级",
    );
    sub(
        "w1-mon-late-L1",
        Role::Assist,
        None,
        "无人可代：其余人员均已有岗",
    );
    (school, plan)
}

/// The one file of an export made with `options` on `school` and `plan`.
fn one(school: &School, plan: &Plan, format: Format, date: Option<&str>) -> Vec<u8> {
    one_in(school, plan, format, date, Lang::Zh)
}

/// The one file of an export in `lang`.
fn one_in(school: &School, plan: &Plan, format: Format, date: Option<&str>, lang: Lang) -> Vec<u8> {
    let mut options = ExportOptions::new(format, format.default_output());
    options.date = date.map(self::date);
    options.lang = lang;
    let mut made = export::files(school, plan, &options).expect("the export is made");
    assert_eq!(made.len(), 1);
    made.pop().expect("one file").bytes
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8")
}

// ---- golden files --------------------------------------------------------------

#[test]
fn golden_csv_and_hours() {
    let (school, plan) = demo();
    insta::assert_snapshot!("roster_csv", text(one(school, plan, Format::Csv, None)));
    let (school, plan) = &with_substitutions();
    insta::assert_snapshot!(
        "roster_day_csv",
        text(one(school, plan, Format::Csv, Some(SICK_DAY)))
    );
    insta::assert_snapshot!("hours_csv", text(one(school, plan, Format::Hours, None)));
}

#[test]
fn golden_html() {
    let (school, plan) = demo();
    insta::assert_snapshot!(
        "duty_board_html",
        text(one(school, plan, Format::Html, None))
    );
    let (school, plan) = &with_substitutions();
    insta::assert_snapshot!(
        "day_sheet_html",
        text(one(school, plan, Format::Html, Some(SICK_DAY)))
    );
    insta::assert_snapshot!(
        "signin_week_html",
        text(one(school, plan, Format::Signin, Some(SICK_DAY)))
    );
}

#[test]
fn golden_html_in_english() {
    let (school, plan) = demo();
    insta::assert_snapshot!(
        "duty_board_html_en",
        text(one_in(school, plan, Format::Html, None, Lang::En))
    );
    let (school, plan) = &with_substitutions();
    insta::assert_snapshot!(
        "day_sheet_html_en",
        text(one_in(school, plan, Format::Html, Some(SICK_DAY), Lang::En))
    );
    insta::assert_snapshot!(
        "signin_week_html_en",
        text(one_in(
            school,
            plan,
            Format::Signin,
            Some(SICK_DAY),
            Lang::En
        ))
    );
}

#[test]
fn golden_ics_of_one_teacher() {
    let (school, plan) = &with_substitutions();
    let term = dated::term_roster(school, plan);
    let calendar = export::ics::calendar(
        school,
        plan,
        &term,
        &StaffId::new("t063"),
        kehou::words::Lang::Zh,
    );
    insta::assert_snapshot!("ics_t063", calendar.text.replace("\r\n", "\n"));
}

/// Every sheet of a workbook as tab-separated text.
fn sheets_as_text(bytes: Vec<u8>) -> Vec<(String, String)> {
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("calamine opens the workbook");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("the sheet reads");
            let mut text = String::new();
            for row in range.rows() {
                let cells: Vec<String> = row
                    .iter()
                    .map(|c| c.to_string().replace('\n', "⏎"))
                    .collect();
                text.push_str(&cells.join("\t"));
                text.push('\n');
            }
            (name, text)
        })
        .collect()
}

#[test]
fn golden_xlsx_cells() {
    let (school, plan) = &with_substitutions();
    let sheets = sheets_as_text(one(school, plan, Format::Xlsx, None));
    // Snapshots keep the sheets' English names; the workbook is in Chinese.
    let english = ["rota", "by_person", "by_room", "substitutions", "hours"];
    assert_eq!(sheets.len(), english.len());
    for ((_, text), name) in sheets.into_iter().zip(english) {
        insta::assert_snapshot!(format!("xlsx_{name}"), text);
    }
}

#[test]
fn the_fairness_line_follows_the_language() {
    let (school, mut plan) = demo().clone();
    plan.solve.band = Some(kehou_solver::plan::FairBand {
        heaviest: 155.0,
        heaviest_bound: Some(155.0),
        lightest: 120.0,
        resolution: 1.0,
        ..Default::default()
    });
    let zh = text(one(&school, &plan, Format::Html, None));
    assert!(zh.contains("<br>公平：最重每周 "), "zh");
    let en = text(one_in(&school, &plan, Format::Html, None, Lang::En));
    assert!(en.contains("<br>Fairness: heaviest "), "en");
    assert!(en.contains("no rota could make the heaviest lighter (proven)."));
}

// ---- read back ---------------------------------------------------------------

#[test]
fn the_workbook_has_its_sheets_and_cells() {
    let (school, plan) = &with_substitutions();
    let sheets = sheets_as_text(one(school, plan, Format::Xlsx, None));
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["值班表", "按人员", "按教室", "代课记录", "课时统计"]
    );
    let rota = &sheets[0].1;
    assert!(rota.starts_with(
        "轮换周\t星期\t时段\t开始\t结束\t岗位\t组别\t地点\t工号\t姓名\t角色\t岗位编号\n"
    ));
    assert_eq!(
        rota.lines().count(),
        export::roster_rows(school, plan).len() + 1
    );
    assert!(rota.contains("\t严欣怡\t"), "Chinese names are cells");
    let subs = &sheets[3].1;
    assert_eq!(subs.lines().count(), 3, "{subs}");
    assert!(subs.contains(&format!("{SICK_DAY}\t周一\t")));
    assert!(subs.contains("无人可代"));
    // Hours: one row per person, totals as computed.
    let hours_rows = hours::term_hours(school, plan);
    let hours = &sheets[4].1;
    assert_eq!(hours.lines().count(), school.staff.len() + 1);
    let t063 = hours_rows
        .iter()
        .find(|h| h.staff.as_str() == "t063")
        .expect("t063");
    assert_eq!(t063.covered, 1);
    let line = hours
        .lines()
        .find(|l| l.starts_with("t063\t"))
        .expect("t063's row");
    let total: f64 = line
        .rsplit('\t')
        .next()
        .and_then(|t| t.parse().ok())
        .expect("total hours, a number");
    assert!(
        (total - f64::from(t063.total_minutes()) / 60.0).abs() < 0.006,
        "{line}"
    );
}

#[test]
fn hours_count_real_dates_and_substitutions() {
    let (school, plan) = &with_substitutions();
    let before = hours::term_hours(school, &demo().1);
    let after = hours::term_hours(school, plan);
    let day = dated::day_roster(school, &demo().1, date(SICK_DAY)).expect("a service day");
    let post = day.post("w1-mon-basic-3-1").expect("the post");
    let out = &post.post.staff[0].staff;
    let find = |rows: &[hours::Hours], id: &str| {
        rows.iter()
            .find(|h| h.staff.as_str() == id)
            .cloned()
            .expect("a row")
    };
    let minutes = post.post.minutes();
    assert_eq!(
        find(&after, out.as_str()).total_minutes() + minutes,
        find(&before, out.as_str()).total_minutes()
    );
    assert_eq!(
        find(&after, "t063").total_minutes(),
        find(&before, "t063").total_minutes() + minutes
    );
    assert_eq!(find(&after, out.as_str()).released, 1);
    // Every minute of the term is someone's: the sum is the staffed minutes of every service date.
    let term = dated::term_roster(school, plan);
    let staffed: u32 = term
        .iter()
        .flat_map(|d| d.posts.iter())
        .map(|p| p.post.minutes() * p.post.staff.len() as u32)
        .sum();
    assert_eq!(
        after.iter().map(hours::Hours::total_minutes).sum::<u32>(),
        staffed
    );
}

#[test]
fn calendars_parse_back_with_real_dates_and_time_zone() {
    let (school, plan) = &with_substitutions();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let options = ExportOptions::new(Format::Ics, dir.path().join("calendars"));
    let written = export::export(school, plan, &options).expect("the calendars are written");
    assert!(
        written.len() > 80,
        "a calendar per person with posts: {}",
        written.len()
    );
    let holidays: Vec<NaiveDate> = school
        .term
        .holidays
        .iter()
        .flat_map(|h| h.from.iter_days().take_while(move |d| *d <= h.to))
        .collect();
    let makeup: BTreeSet<String> = school
        .term
        .makeup_days
        .iter()
        .map(|m| m.date.format("%Y%m%d").to_string())
        .collect();
    assert!(!makeup.is_empty(), "the demo term has make-up days");
    let mut uids = BTreeSet::new();
    let mut on_makeup_days = 0;
    let mut late_ends = BTreeSet::new();
    for file in &written {
        let raw = std::fs::read_to_string(&file.path).expect("read back");
        for line in raw.split_terminator("\r\n") {
            assert!(
                line.len() <= 75,
                "{}: a line of {} octets",
                file.path.display(),
                line.len()
            );
            assert!(!line.contains('\n'), "bare LF in {}", file.path.display());
        }
        let parser = ical::IcalParser::new(std::io::BufReader::new(raw.as_bytes()));
        let calendars: Vec<_> = parser
            .collect::<Result<_, _>>()
            .expect("the calendar parses");
        assert_eq!(calendars.len(), 1);
        let cal = &calendars[0];
        assert_eq!(cal.timezones.len(), 1);
        let tz = &cal.timezones[0];
        assert!(tz
            .properties
            .iter()
            .any(|p| p.name == "TZID" && p.value.as_deref() == Some("Asia/Shanghai")));
        assert!(!cal.events.is_empty());
        for event in &cal.events {
            let prop = |name: &str| {
                event
                    .properties
                    .iter()
                    .find(|p| p.name == name)
                    .unwrap_or_else(|| panic!("{name} in {}", file.path.display()))
            };
            let uid = prop("UID").value.clone().expect("a UID");
            assert!(uids.insert(uid.clone()), "UID {uid} twice");
            let start = prop("DTSTART");
            let params = start.params.as_ref().expect("DTSTART has TZID");
            assert!(params
                .iter()
                .any(|(k, v)| k == "TZID" && v == &["Asia/Shanghai".to_owned()]));
            let value = start.value.as_deref().expect("a start");
            let day = NaiveDate::parse_from_str(&value[..8], "%Y%m%d").expect("a date");
            assert!(!holidays.contains(&day), "an event on holiday {day}");
            if makeup.contains(&value[..8]) {
                on_makeup_days += 1;
            }
            assert!(prop("DTEND").value.as_deref() > Some(value));
            assert!(prop("SUMMARY")
                .value
                .as_ref()
                .is_some_and(|s| !s.is_empty()));
            // The same post's end time, by season.
            if uid.contains("-w1-mon-late-L1-") {
                let season = school.term.season_on(day);
                let end = prop("DTEND").value.clone().expect("an end");
                late_ends.insert((season, end[9..].to_owned()));
            }
        }
    }
    assert!(on_makeup_days > 0, "make-up days have events");
    let seasons: BTreeSet<_> = late_ends.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        seasons.len(),
        2,
        "the demo term has two seasons: {late_ends:?}"
    );
    assert_eq!(
        late_ends.len(),
        2,
        "one end time per season, and they differ: {late_ends:?}"
    );

    // Substitutions applied: the one who covers has the sick day's post, the one out has not.
    let cover = std::fs::read_to_string(
        dir.path()
            .join("calendars")
            .join(export::ics::file_name(school, &StaffId::new("t063"))),
    )
    .expect("t063's calendar");
    assert!(cover.contains("UID:20261012-w1-mon-basic-3-1-t063@kehou"));
    assert!(cover.contains("代岗：代"));
    // A re-export gives the same UIDs.
    let again = export::files(school, plan, &options).expect("again");
    let same = again
        .iter()
        .find(|f| {
            f.path
                .ends_with(export::ics::file_name(school, &StaffId::new("t063")))
        })
        .expect("t063");
    assert_eq!(String::from_utf8_lossy(&same.bytes), cover);
}

#[test]
fn awkward_names_survive_the_calendar() {
    let (mut school, plan) = demo().clone();
    let long =
        "欧阳娜娜, 王; 李\\张 的一个特别特别特别特别特别特别长的名字用来测试折行是否落在字符边界上";
    school
        .staff
        .iter_mut()
        .find(|p| p.id.as_str() == "t001")
        .expect("t001")
        .name = long.to_owned();
    let term = dated::term_roster(&school, &plan);
    let calendar = export::ics::calendar(
        &school,
        &plan,
        &term,
        &StaffId::new("t001"),
        kehou::words::Lang::Zh,
    );
    let parser = ical::IcalParser::new(std::io::BufReader::new(calendar.text.as_bytes()));
    let cals: Vec<_> = parser.collect::<Result<_, _>>().expect("parses");
    let name = cals[0]
        .properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME")
        .and_then(|p| p.value.clone())
        .expect("a name");
    let unescaped = name
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\");
    assert_eq!(unescaped, format!("{} 课后服务 {long}", school.name));
}

fn parse_html(page: &str) -> scraper::Html {
    let html = scraper::Html::parse_document(page);
    assert!(
        html.errors.is_empty(),
        "HTML parse errors: {:?}",
        html.errors
    );
    html
}

#[test]
fn html_is_valid_escaped_and_self_contained() {
    let (mut school, plan) = with_substitutions();
    let evil = "<script>alert(1)</script>";
    school
        .staff
        .iter_mut()
        .find(|p| p.id.as_str() == "t063")
        .expect("t063")
        .name = evil.to_owned();
    school.rooms[0].name = "\"><img src=x onerror=alert(2)>".to_owned();
    let pages = [
        text(one(&school, &plan, Format::Html, None)),
        text(one(&school, &plan, Format::Html, Some(SICK_DAY))),
        text(one(&school, &plan, Format::Signin, None)),
        text(one(&school, &plan, Format::Signin, Some(SICK_DAY))),
    ];
    let script = scraper::Selector::parse("script, img, link, iframe").expect("a selector");
    for page in &pages {
        let html = parse_html(page);
        assert_eq!(
            html.select(&script).count(),
            0,
            "markup from a name became an element"
        );
        let body: String = html.root_element().text().collect();
        assert!(body.contains(evil), "the name is shown as text");
        for outside in ["http://", "https://", "url(", "@import"] {
            assert!(!page.contains(outside), "{outside}");
        }
    }
    // The day sheet marks the cover.
    let day = parse_html(&pages[1]);
    let cover = scraper::Selector::parse("td .cover").expect("a selector");
    assert!(day
        .select(&cover)
        .any(|e| e.text().collect::<String>() == evil));
    let out = scraper::Selector::parse("td .out").expect("a selector");
    assert_eq!(day.select(&out).count(), 2);
}

#[test]
fn the_board_has_a_page_per_week_with_the_duty_leaders() {
    let (school, plan) = demo();
    let page = text(one(school, plan, Format::Html, None));
    let html = parse_html(&page);
    let sections = scraper::Selector::parse("section.page").expect("a selector");
    assert_eq!(
        html.select(&sections).count(),
        usize::from(plan.cycle_weeks)
    );
    let leaders = scraper::Selector::parse("td.leader").expect("a selector");
    let days: BTreeSet<_> = plan.posts.iter().map(|p| (p.week, p.day)).collect();
    assert_eq!(html.select(&leaders).count(), days.len());
    for post in plan
        .posts
        .iter()
        .filter(|p| p.kind == kehou_solver::plan::PostKind::DutyLeader)
    {
        let name = &school.person(&post.staff[0].staff).expect("a leader").name;
        assert!(
            html.select(&leaders)
                .any(|e| e.text().collect::<String>().contains(name.as_str())),
            "{name}"
        );
    }
}

#[test]
fn formula_names_stay_text_in_csv_and_xlsx() {
    let (mut school, plan) = demo().clone();
    let formula = "=HYPERLINK(\"x\")";
    school
        .staff
        .iter_mut()
        .find(|p| p.id.as_str() == "t001")
        .expect("t001")
        .name = formula.to_owned();
    let csv = text(one(&school, &plan, Format::Csv, None));
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","),
        "the CSV cell is made text"
    );
    assert!(!csv.contains(",=HYPERLINK"));
    let hours = text(one(&school, &plan, Format::Hours, None));
    assert!(hours.contains("'=HYPERLINK"));
    let bytes = one(&school, &plan, Format::Xlsx, None);
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
    let formulas = book.worksheet_formula("值班表").expect("reads");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formulas at all"
    );
    let rota = book.worksheet_range("值班表").expect("reads");
    assert!(rota
        .used_cells()
        .any(|(_, _, c)| c == &Data::String(formula.to_owned())));
}

// ---- the command line -------------------------------------------------------------

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 paths")
}

#[test]
fn the_command_line_writes_each_format_and_explains_mistakes() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let school = demo_path("demo.school.ron");
    let plan = demo_path("demo.plan.ron");
    for (format, out) in [
        ("html", "board.html"),
        ("signin", "signin.html"),
        ("xlsx", "roster.xlsx"),
        ("hours", "hours.xlsx"),
        ("ics", "cal"),
    ] {
        let path = dir.path().join(out);
        let run = kehou(&[
            "export",
            arg(&school),
            arg(&plan),
            "--format",
            format,
            "-o",
            arg(&path),
        ]);
        assert_eq!(run.code, 0, "{}", run.all());
        assert!(run.stdout.starts_with("wrote "), "{}", run.all());
        assert!(path.exists());
    }
    let hours: Xlsx<_> = calamine::open_workbook(dir.path().join("hours.xlsx")).expect("opens");
    assert_eq!(hours.sheet_names(), ["Hours"]);
    let one = dir.path().join("t001.ics");
    let run = kehou(&[
        "export",
        arg(&school),
        arg(&plan),
        "--format",
        "ics",
        "--person",
        "t001",
        "-o",
        arg(&one),
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(std::fs::read_to_string(&one)
        .expect("written")
        .starts_with("BEGIN:VCALENDAR\r\n"));

    let holiday = kehou(&[
        "export",
        arg(&school),
        arg(&plan),
        "--format",
        "html",
        "--date",
        "2026-10-03",
        "-o",
        "-",
    ]);
    assert_eq!(holiday.code, 2);
    assert!(
        holiday
            .stderr
            .contains("2026-10-03 has no after-school service"),
        "{}",
        holiday.all()
    );
    let nobody = kehou(&[
        "export",
        arg(&school),
        arg(&plan),
        "--format",
        "ics",
        "--person",
        "x999",
        "-o",
        "-",
    ]);
    assert_eq!(nobody.code, 2);
    assert!(
        nobody.stderr.contains("no staff member with id \"x999\""),
        "{}",
        nobody.all()
    );
    let many = kehou(&[
        "export",
        arg(&school),
        arg(&plan),
        "--format",
        "ics",
        "-o",
        "-",
    ]);
    assert_eq!(many.code, 2);
    assert!(
        many.stderr.contains("one file per person"),
        "{}",
        many.all()
    );
}

// ---- seen as a person sees it -------------------------------------------------------

/// Headless Chromium, if this machine has it.
fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::process::Command::new(name)
                .arg("--version")
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|_| PathBuf::from(name))
        })
}

fn chromium_run(chromium: &Path, work: &Path, extra: &[String], page: &Path) {
    let profile = tempfile::tempdir_in(work).expect("a profile directory");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(status.success(), "chromium failed");
}

/// Pages of a PDF file that Chromium printed (it writes one `/Type /Page` object per page).
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
        .count()
}

fn expected_pages(page: &str) -> usize {
    let at = page.find("<!-- pages: ").expect("the page count comment") + "<!-- pages: ".len();
    page[at..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number")
}

#[test]
fn the_duty_board_renders_and_fits_its_pages_in_chromium() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: chromium is not installed (apt-get install chromium); the duty board was not rendered");
        return;
    };
    let work = tempfile::Builder::new()
        .prefix("board")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a work directory");
    let mut schools = vec![("demo", demo().clone())];
    let large = demo_path("large.plan.ron");
    if large.exists() {
        let school =
            files::load_school(&demo_path("large.school.ron")).expect("the large school loads");
        let plan = files::load_plan(&large).expect("the large plan loads");
        schools.push(("large", (school, plan)));
    } else {
        println!(
            "note: {} is missing; only the demo school's board was rendered",
            large.display()
        );
    }
    for (name, (school, plan)) in &schools {
        assert!(school.staff.len() >= 80, "{name} has 80+ people");
        let page = text(one(school, plan, Format::Html, None));
        let html = work.path().join(format!("{name}.html"));
        std::fs::write(&html, &page).expect("write the board");
        let pdf = work.path().join(format!("{name}.pdf"));
        let png = work.path().join(format!("{name}.png"));
        chromium_run(
            &chromium,
            work.path(),
            &[format!("--print-to-pdf={}", pdf.display())],
            &html,
        );
        chromium_run(
            &chromium,
            work.path(),
            &[
                format!("--screenshot={}", png.display()),
                "--window-size=1200,900".to_owned(),
            ],
            &html,
        );
        let printed = pdf_pages(&std::fs::read(&pdf).expect("the PDF"));
        let expected = expected_pages(&page);
        assert!(expected >= usize::from(plan.cycle_weeks));
        assert_eq!(printed, expected, "{name}: the board ran over its pages");
        let shot = std::fs::read(&png).expect("the screenshot");
        assert!(
            shot.starts_with(b"\x89PNG") && shot.len() > 50_000,
            "{name}: a blank screenshot?"
        );
    }
    // Kept for a person to look at.
    println!("rendered boards in {}", work.keep().display());
}

/// LibreOffice, if this machine has it (not installed by CI: the test is for
/// a developer's machine, and skips elsewhere).
fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn the_workbook_opens_in_libreoffice() {
    let Some(soffice) = soffice() else {
        println!("SKIPPED: LibreOffice is not installed; the workbook was not opened in it");
        return;
    };
    let (school, plan) = &with_substitutions();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let book = dir.path().join("roster.xlsx");
    std::fs::write(&book, one(school, plan, Format::Xlsx, None)).expect("write");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    // Every sheet to CSV (UTF-8, comma, quoted text): what LibreOffice read.
    let status = std::process::Command::new(soffice)
        .args(["--headless", "--norestore", &profile, "--convert-to"])
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(dir.path())
        .arg(&book)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("LibreOffice runs");
    assert!(status.success());
    for sheet in ["值班表", "按人员", "按教室", "代课记录", "课时统计"] {
        let csv = std::fs::read_to_string(dir.path().join(format!("roster-{sheet}.csv")))
            .unwrap_or_else(|e| panic!("sheet {sheet}: {e}"));
        assert!(csv.lines().count() > 1, "{sheet} has rows");
    }
    let subs = std::fs::read_to_string(dir.path().join("roster-代课记录.csv")).expect("read");
    assert!(
        subs.contains("2026-10-12,周一,15:15–16:15,作业辅导,3-1,负责,"),
        "{subs}"
    );
}

/// A club deleted after the plan was made is printed as the plan knew it
/// (its name, in plans made since format version 3; its id in older ones),
/// marked as no longer in the school — never passed off as a current club.
#[test]
fn a_deleted_club_is_named_as_the_plan_knew_it_and_marked_gone() {
    let (school, plan) = demo().clone();
    let mut school = school;
    school.clubs.retain(|c| c.id.as_str() != "weiqi");
    assert!(plan
        .posts
        .iter()
        .any(|p| p.club.as_ref().is_some_and(|c| c.as_str() == "weiqi")));
    // A plan older than club names: its id, marked. (The CSV roster's
    // `group` column is ids by design, for spreadsheets.)
    let mut old = plan.clone();
    for p in &mut old.posts {
        p.club_name = None;
    }
    let board = text(one(&school, &old, Format::Html, None));
    assert!(board.contains("weiqi（已不在学校）"));
    // A plan that knows the name prints it.
    let mut named = plan.clone();
    for p in &mut named.posts {
        if p.club.as_ref().is_some_and(|c| c.as_str() == "weiqi") {
            p.club_name = Some("围棋社团".into());
        }
    }
    let board = text(one(&school, &named, Format::Html, None));
    assert!(board.contains("围棋社团（已不在学校）"));
    assert!(!board.contains("weiqi（"));
    // New plans record every club's name.
    let demand = kehou_solver::demand::build(&demo().0, 2);
    let club_posts: Vec<_> = demand
        .posts
        .iter()
        .filter_map(|s| s.post.club.as_ref().map(|c| (c, &s.post.club_name)))
        .collect();
    assert!(!club_posts.is_empty());
    for (club, name) in club_posts {
        let expected = demo().0.club(club).map(|c| c.name.clone());
        assert_eq!(name, &expected, "{club}");
    }
}
