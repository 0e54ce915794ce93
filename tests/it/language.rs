//! The language test: everything a person reads, rendered in 中文, holds no
//! run of Latin letters that is not an id in a machine-readable column, a
//! file path, a command or option to type, a number's unit, or a word of a
//! short reviewed allow-list; rendered in English, no Chinese that is not a
//! name from the school (or text the person typed, shown back in quotes).
//!
//! It covers every screen of the terminal UI at both sizes, the command
//! line's reports (overview, check of every data file, roster, sick call,
//! candidates, cover, solve, export, help, a mistake) and the exports'
//! files (CSV, hours, workbook, calendar, and the printed sheets: the duty
//! board, the day sheet and the sign-in sheets, read as the text a person
//! sees on the page).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use calamine::{open_workbook_from_rs, Reader, Xlsx};
use kehou::files;
use kehou::tui::screens::ScreenId;
use kehou::tui::testing::Harness;
use kehou::tui::text::Lang;
use kehou_solver::School;

use crate::run::kehou_in;

/// Latin words a Chinese reader meets on purpose: the program's name, file
/// formats and the tools named in instructions. Reviewed; keep it short.
const ALLOWED_LATIN: &[&str] = &[
    "kehou",
    "CSV",
    "UTF",
    "HTML",
    "ics",
    "xlsx",
    "csv",
    "html",
    "ron",
    "Excel",
    "WPS",
    "Ctrl",
    "End",
    "Esc",
    "Enter",
    "Tab",
    "Shift",
    "PgUp",
    "PgDn",
    "Home",
    "Space",
    "Backspace",
    "Delete",
    "Del",
    "Ins",
    "Alt",
    "F",
    "A",
    "B",
    "docs",
    "md",
    "microlp",
    "HiGHS",
    "PDF",
    "A4",
    "LP",
    "MILP",
    "Y",
    "N",
    "y",
    "n",
    "zh",
    "en",
    "LANG",
    "LC_ALL",
    "BOM",
    "WPS",
    "Windows",
    "macOS",
    "Linux",
    "RON",
    "CST",
    "CPLEX",
    // Move keys.
    "jk",
    "hjkl",
];

/// kehou's commands, typed after `kehou`.
const COMMANDS: &[&str] = &[
    "demo",
    "check",
    "solve",
    "export",
    "import",
    "bench",
    "roster",
    "absent",
    "candidates",
    "cover",
    "tui",
    "capacity",
    "help",
];

/// Units after a number (`0.5 s`, `120 MB`).
const UNITS: &[&str] = &["s", "ms", "h", "min", "MB", "KB", "GB", "mm", "px"];

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(path)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 paths")
}

/// The text outside quotes: what a person typed, shown back, is theirs; and
/// outside backticks: code to type into a file (`version: 1,`).
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    let (mut code, mut straight) = (false, false);
    for c in text.chars() {
        match c {
            '“' | '「' => depth += 1,
            '”' | '」' => depth = depth.saturating_sub(1),
            '`' => code = !code,
            '"' => straight = !straight,
            _ if depth == 0 && !code && !straight => out.push(c),
            _ => {}
        }
    }
    out
}

/// Is a whitespace-separated token a path, an option, an id or a code a
/// program reads (`data/demo/demo.school.ron`, `--lang`, `w1-tue-gate-1740`)?
fn technical(token: &str) -> bool {
    token.contains('/')
        || token.contains('\\')
        || token.starts_with('-')
        || token.contains('@')
        || token.contains('_')
        || token.chars().any(|c| c.is_ascii_digit())
        || [
            ".ron", ".csv", ".xlsx", ".html", ".ics", ".md", ".lp", ".bak",
        ]
        .iter()
        .any(|e| token.contains(e))
}

/// The runs of Latin letters a Chinese reader would meet in `text`; the
/// school's `ids` are allowed where the text has an id column (the data
/// editor's tables, the workbook).
fn latin_runs(text: &str, ids: &BTreeSet<String>) -> BTreeSet<String> {
    let text = unquoted(text);
    let mut found = BTreeSet::new();
    for line in text.lines() {
        // Commands to type are instructions, not English.
        let line = match line.find("kehou ") {
            Some(i) => &line[..i],
            None => line,
        };
        let tokens: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || !c.is_ascii())
            .filter(|t| !t.is_empty())
            .collect();
        for (i, token) in tokens.iter().enumerate() {
            if technical(token) {
                continue;
            }
            for word in token
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
            {
                let after_number = UNITS.contains(&word)
                    && i > 0
                    && tokens[i - 1]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.');
                let unit_glued = UNITS.iter().any(|u| {
                    token.ends_with(u)
                        && token[..token.len() - u.len()]
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '.')
                });
                // A single letter is a key to press (`q 退出`, `Ctrl-S`).
                if ALLOWED_LATIN.contains(&word)
                    || word.len() == 1
                    || ids.contains(*token)
                    || COMMANDS.contains(&word)
                    || after_number
                    || unit_glued
                {
                    continue;
                }
                found.insert(word.to_owned());
            }
        }
    }
    found
}

/// Every name a school gives: people, rooms, clubs, classes, the school,
/// its term, holidays and skill labels, longest first.
fn names_of(schools: &[&School]) -> Vec<String> {
    let mut names = BTreeSet::new();
    for school in schools {
        names.insert(school.name.clone());
        names.insert(school.term.name.clone());
        names.extend(school.staff.iter().map(|p| p.name.clone()));
        names.extend(school.rooms.iter().map(|r| r.name.clone()));
        names.extend(school.clubs.iter().map(|c| c.name.clone()));
        let ron = ron::to_string(&school.term).unwrap_or_default();
        names.extend(quoted_strings(&ron));
        let ron = ron::to_string(&school.skills).unwrap_or_default();
        names.extend(quoted_strings(&ron));
    }
    let mut names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
}

fn quoted_strings(ron: &str) -> Vec<String> {
    ron.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The runs of Chinese an English reader would meet in `text`, names aside.
fn chinese_runs(text: &str, names: &[String]) -> BTreeSet<String> {
    // clap quotes a typed value in single quotes ('明天').
    let mut text: String = unquoted(text)
        .split('\'')
        .enumerate()
        .filter(|(i, part)| i % 2 == 0 || part.contains(char::is_whitespace))
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join("'");
    for name in names {
        text = text.replace(name.as_str(), " ");
    }
    let mut found = BTreeSet::new();
    let mut run = String::new();
    for c in text.chars().chain([' ']) {
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            run.push(c);
        } else if !run.is_empty() {
            // A name cut at the edge of a column is still a name.
            let run = std::mem::take(&mut run);
            if !names.iter().any(|n| n.contains(&run)) {
                found.insert(run);
            }
        }
    }
    found
}

/// Where each finding was met, for the failure message.
#[derive(Default)]
struct Findings(Vec<(String, BTreeSet<String>)>);

impl Findings {
    fn zh(&mut self, what: &str, text: &str, ids: &BTreeSet<String>) {
        let runs = latin_runs(text, ids);
        if !runs.is_empty() {
            self.0.push((what.to_owned(), runs));
        }
    }

    fn en(&mut self, what: &str, text: &str, names: &[String]) {
        let runs = chinese_runs(text, names);
        if !runs.is_empty() {
            self.0.push((what.to_owned(), runs));
        }
    }

    fn assert_none(&self, lang: &str) {
        let report: Vec<String> = self
            .0
            .iter()
            .map(|(what, runs)| format!("{what}: {runs:?}"))
            .collect();
        assert!(
            report.is_empty(),
            "{lang}: words of the other language met:\n{}",
            report.join("\n")
        );
    }
}

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh_CN.UTF-8",
        Lang::En => "C",
    }
}

/// The command line's reports and the exports' files, as (what, text).
fn command_outputs(lang: Lang) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let school = data("demo/demo.school.ron");
    let plan_src = data("demo/demo.plan.ron");
    let plan = dir.path().join("demo.plan.ron");
    std::fs::copy(&plan_src, &plan).expect("copy the demo plan");
    let (s, p) = (arg(&school), arg(&plan));
    let large = data("demo/large.school.ron");
    let large_plan = data("demo/large.plan.ron");
    let tiny = data("valid/tiny.school.ron");
    let mut runs: Vec<(String, Vec<String>)> = vec![
        ("overview".into(), vec![]),
        (
            "check demo".into(),
            vec!["check".into(), s.into(), p.into()],
        ),
        (
            "check large".into(),
            vec!["check".into(), arg(&large).into(), arg(&large_plan).into()],
        ),
        ("check tiny".into(), vec!["check".into(), arg(&tiny).into()]),
        (
            "roster".into(),
            vec![
                "roster".into(),
                s.into(),
                p.into(),
                "--date".into(),
                "2026-09-10".into(),
            ],
        ),
        (
            "absent".into(),
            vec![
                "absent".into(),
                s.into(),
                p.into(),
                "--staff".into(),
                "尹鹏".into(),
                "--date".into(),
                "2026-09-10".into(),
                "--yes".into(),
            ],
        ),
        (
            "candidates".into(),
            vec![
                "candidates".into(),
                s.into(),
                p.into(),
                "--date".into(),
                "2026-09-10".into(),
                "--post".into(),
                "w2-thu-basic-1-1".into(),
                "--out".into(),
                "尹鹏".into(),
            ],
        ),
        (
            "cover".into(),
            vec![
                "cover".into(),
                s.into(),
                p.into(),
                "--date".into(),
                "2026-09-10".into(),
                "--post".into(),
                "w2-thu-basic-1-1".into(),
                "--out".into(),
                "尹鹏".into(),
                "--staff".into(),
                "刘雨欣".into(),
                "--yes".into(),
            ],
        ),
        (
            "a mistake".into(),
            vec![
                "roster".into(),
                s.into(),
                p.into(),
                "--date".into(),
                "明天".into(),
            ],
        ),
    ];
    runs.push((
        "solve tiny".into(),
        vec![
            "solve".into(),
            arg(&tiny).into(),
            "-o".into(),
            arg(&dir.path().join("tiny.plan.ron")).into(),
            "--time-limit".into(),
            "1".into(),
            "--cycle-weeks".into(),
            "1".into(),
        ],
    ));
    runs.push((
        "demo".into(),
        vec![
            "demo".into(),
            "-o".into(),
            arg(&dir.path().join("demo.school.ron")).into(),
        ],
    ));
    let import = data("import");
    let csv = |name: &str| arg(&import.join(name)).to_owned();
    runs.push((
        "import".into(),
        vec![
            "import".into(),
            "--staff".into(),
            csv("staff.csv"),
            "--rooms".into(),
            csv("rooms.csv"),
            "--classes".into(),
            csv("classes.csv"),
            "--clubs".into(),
            csv("clubs.csv"),
            "-o".into(),
            arg(&dir.path().join("imported.school.ron")).into(),
        ],
    ));
    runs.push((
        "capacity".into(),
        vec![
            "capacity".into(),
            arg(&data("shortage/club-skill-nobody-has.school.ron")).into(),
            "--time-limit".into(),
            "1".into(),
        ],
    ));
    for folder in ["invalid", "shortage"] {
        for entry in std::fs::read_dir(data(folder)).expect("a data folder") {
            let path = entry.expect("an entry").path();
            runs.push((
                format!("check {}", path.display()),
                vec!["check".into(), arg(&path).into()],
            ));
        }
    }
    for cmd in [
        "demo",
        "check",
        "solve",
        "export",
        "import",
        "roster",
        "absent",
        "candidates",
        "cover",
        "tui",
        "capacity",
    ] {
        runs.push((format!("{cmd} --help"), vec![cmd.into(), "--help".into()]));
    }
    runs.push(("--help".into(), vec!["--help".into()]));
    let files = [
        ("csv", "rota.csv"),
        ("hours", "hours.csv"),
        ("xlsx", "rota.xlsx"),
        ("ics", "t013.ics"),
        ("html", "board.html"),
        ("html", "day.html"),
        ("signin", "signin.html"),
    ];
    for (format, out) in files {
        let mut args: Vec<String> = vec![
            "export".into(),
            s.into(),
            p.into(),
            "--format".into(),
            format.into(),
            "-o".into(),
            arg(&dir.path().join(out)).into(),
        ];
        if format == "ics" {
            args.extend(["--person".into(), "t013".into()]);
        }
        // The day sheet of the date the sick call and the cover above
        // changed, and the sign-in sheets of its teaching week.
        if out == "day.html" || format == "signin" {
            args.extend(["--date".into(), "2026-09-10".into()]);
        }
        runs.push((format!("export {out}"), args));
    }
    let mut said = Vec::new();
    for (what, args) in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = kehou_in(locale(lang), &args);
        said.push((what, format!("{}{}", run.stdout, run.stderr)));
    }
    for (format, out) in files {
        let path = dir.path().join(out);
        let text = if format == "xlsx" {
            let bytes = std::fs::read(&path).expect("the workbook");
            let mut book: Xlsx<_> =
                open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
            let mut text = String::new();
            for name in book.sheet_names() {
                text.push_str(&name);
                text.push('\n');
                let range = book.worksheet_range(&name).expect("reads");
                for row in range.rows() {
                    let cells: Vec<String> = row.iter().map(ToString::to_string).collect();
                    text.push_str(&cells.join("\t"));
                    text.push('\n');
                }
            }
            text
        } else {
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{format}: {e}"))
        };
        said.push((
            format!("the {format} file ({out})"),
            machine_columns_removed(format, &text),
        ));
    }
    said
}

/// The file without the columns other programs read: ids (the roster's
/// post and staff ids) and, in a calendar, the fields no person reads.
fn machine_columns_removed(format: &str, text: &str) -> String {
    match format {
        "ics" => text
            .lines()
            .filter(|l| {
                [
                    "SUMMARY:",
                    "DESCRIPTION:",
                    "LOCATION:",
                    "X-WR-CALNAME:",
                    "CATEGORIES:",
                    " ",
                ]
                .iter()
                .any(|k| l.starts_with(k))
            })
            .map(|l| l.split_once(':').map_or(l, |(_, v)| v))
            .collect::<Vec<_>>()
            .join("\n"),
        "html" | "signin" => page_text(text),
        _ => text.to_owned(),
    }
}

/// The text a person reads on a printed page: without the style sheet, the
/// comments, the tags and their attributes, entities read as characters.
fn page_text(html: &str) -> String {
    let mut rest = html;
    let mut out = String::with_capacity(html.len());
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = if rest.starts_with("<style") {
            rest.find("</style>").map(|e| e + "</style>".len())
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|e| e + "-->".len())
        } else {
            rest.find('>').map(|e| e + 1)
        };
        let end = end.unwrap_or(rest.len());
        // A tag ends a word: `<br>` and `</td><td>` part what they hold.
        out.push(' ');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn screens(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for screen in ScreenId::ALL {
        let mut h = Harness::demo(lang);
        h.app.screen = screen;
        for (w, hgt) in [(80, 24), (160, 48)] {
            out.push((format!("{screen:?} {w}x{hgt}"), h.render(w, hgt)));
        }
    }
    out
}

/// The sick call, from the review to the hand cover and taking it back;
/// a form refusing a value; every screen's help.
fn flows(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut h = Harness::demo(lang);
    let school = &h.app.doc.school;
    let monday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == kehou_solver::model::Weekday::Mon && d.cycle_week == 1)
        .expect("a Monday in cycle week 1")
        .date;
    h.app.today = monday;
    h.keys("2\nA");
    out.push(("the sick-call review".to_owned(), h.render(160, 48)));
    h.keys("y0");
    out.push(("the sick calls".to_owned(), h.render(160, 48)));
    h.keys("\n\n");
    out.push(("the candidates".to_owned(), h.render(160, 48)));
    h.keys("\x1b\x1bd");
    out.push(("taking it back".to_owned(), h.render(160, 48)));
    let mut h = Harness::demo(lang);
    h.keys("4e\t\t\t");
    h.ctrl('u').keys("0\n");
    out.push(("Rooms form: capacity 0".to_owned(), h.render(80, 24)));
    let mut h = Harness::demo(lang);
    h.keys("4e\t\t\t");
    h.ctrl('u').keys("-5\n");
    out.push(("Rooms form: capacity -5".to_owned(), h.render(80, 24)));
    for (screen, keys) in [("Staff", "3e"), ("Clubs", "6e"), ("Calendar", "7e")] {
        let mut h = Harness::demo(lang);
        h.keys(keys);
        out.push((format!("{screen} form"), h.render(160, 48)));
    }
    for screen in ScreenId::ALL {
        let mut h = Harness::demo(lang);
        h.app.screen = screen;
        h.keys("?");
        out.push((format!("{screen:?} help"), h.render(160, 48)));
    }
    out
}

#[test]
fn the_latin_scan_knows_ids_paths_commands_and_units() {
    let text = "已保存 /tmp/x/demo.plan.ron；下一步：kehou check a.school.ron\n\
                用时 0.5 s，岗位编号 w1-tue-gate-1740，输入“thu:basic”，--lang zh，CSV 文件";
    let none = BTreeSet::new();
    assert_eq!(latin_runs(text, &none), BTreeSet::new());
    let text = "already at school that afternoon";
    assert_eq!(latin_runs(text, &none).len(), 5);
    let names = vec!["程岚".to_owned()];
    assert!(chinese_runs("程岚 covers “周四”", &names).is_empty());
    assert_eq!(
        chinese_runs("程岚 请假", &names),
        BTreeSet::from(["请假".to_owned()])
    );
}

#[test]
fn the_page_text_is_what_a_person_reads() {
    let page = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><style>\nbody { font-family: sans-serif; }\n</style>\
</head><body><!-- pages: 1 --><p class=\"legend\" style=\"width:24mm\">图例：<b>粗体</b>&amp;王丽</p></body></html>";
    let text = page_text(page);
    assert!(!text.contains("sans"), "{text}");
    assert!(!text.contains("legend"), "{text}");
    assert!(!text.contains("pages"), "{text}");
    assert!(text.contains("图例：") && text.contains("粗体") && text.contains("&王丽"));
    let none = BTreeSet::new();
    assert!(latin_runs(&text, &none).is_empty(), "{text}");
}

#[test]
fn in_chinese_a_person_meets_no_english() {
    let demo = files::load_school(&data("demo/demo.school.ron")).expect("the demo school");
    let ids: BTreeSet<String> = demo
        .rooms
        .iter()
        .map(|r| r.id.to_string())
        .chain(demo.clubs.iter().map(|c| c.id.to_string()))
        .chain(demo.staff.iter().map(|p| p.id.to_string()))
        .collect();
    let none = BTreeSet::new();
    let mut findings = Findings::default();
    for (what, text) in screens(Lang::Zh)
        .iter()
        .chain(&flows(Lang::Zh))
        .chain(&command_outputs(Lang::Zh))
    {
        // Ids have columns of their own in the data editor and the workbook.
        let id_columns = ["Staff", "Rooms", "Clubs", "Classes", "the xlsx file"]
            .iter()
            .any(|s| what.starts_with(s));
        findings.zh(what, text, if id_columns { &ids } else { &none });
    }
    findings.assert_none("zh");
}

#[test]
fn in_english_a_person_meets_no_chinese_but_names() {
    let demo = files::load_school(&data("demo/demo.school.ron")).expect("the demo school");
    let large = files::load_school(&data("demo/large.school.ron")).expect("the large demo");
    let tiny = files::load_school(&data("valid/tiny.school.ron")).expect("the tiny school");
    let names = names_of(&[&demo, &large, &tiny]);
    let mut findings = Findings::default();
    for (what, text) in screens(Lang::En)
        .iter()
        .chain(&flows(Lang::En))
        .chain(&command_outputs(Lang::En))
    {
        findings.en(what, text, &names);
    }
    findings.assert_none("en");
}
