//! A fuzzing harness on stable Rust (proptest): the committed fixtures — RON
//! schools and a plan, the CSV lists, a workbook made of them — mutated byte
//! by byte and by their structure (numbers made huge, negative or NaN,
//! strings made hostile, lines dropped, doubled or swapped, quotes and
//! commas moved, workbook parts rewritten), then read as kehou reads them.
//! Whatever comes in: no panic, no abort, an `Ok` or an error with words;
//! and what reads without error also goes through validation.
//!
//! The normal test run tries a few dozen inputs per kind. A long run:
//!
//! ```sh
//! KEHOU_FUZZ_CASES=20000 cargo test --locked --test it fuzz -- --test-threads 1 --nocapture
//! ```
//!
//! prints, per kind, the inputs tried, how many kehou read without error,
//! the slowest and the process's peak memory; docs/benchmarks.md has the
//! runs made and what they found.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use kehou::files;
use kehou::import::{self, Source, Sources};
use kehou::tui::testing::data_file;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// One change to a file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Byte-level: set, insert or delete at a position (a fraction of the length).
    Set(f64, u8),
    Insert(f64, Vec<u8>),
    Delete(f64, usize),
    Truncate(f64),
    /// Copies a slice of the file over another place.
    Splice(f64, f64, usize),
    /// Structure-aware: the n-th number, string or line.
    Number(usize, &'static str),
    Text(usize, &'static str),
    DropLine(usize),
    DoubleLine(usize),
    SwapLines(usize, usize),
}

const NUMBERS: &[&str] = &[
    "NaN",
    "inf",
    "-inf",
    "-1",
    "0",
    "1e308",
    "-1e308",
    "18446744073709551616",
    "4294967296",
    "65536",
    "255",
    "256",
    "99999999999999999999999999",
    "0x7fffffff",
    "1.5",
    "-0.0",
    "",
];

const TEXTS: &[&str] = &[
    "",
    "\"",
    "\\",
    "\u{1b}]0;PWNED\u{7}",
    "\\u{1b}",
    "\\u{202e}",
    "\u{202e}gpj.exe",
    "\\n",
    "\n",
    "\r\n",
    "\0",
    "\\0",
    "王丽",
    ",",
    ";",
    "、",
    "\"\"",
    "r#\"",
    "(",
    ")",
    "[]",
    "version: 99",
    "Some(",
    "t001",
    "𝕏",
    "\u{feff}",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        // Structure-aware changes weigh more: they keep a file readable far
        // enough to reach validation, where byte noise mostly stops at the parser.
        1 => (at.clone(), any::<u8>()).prop_map(|(a, b)| Mutation::Set(a, b)),
        1 => (at.clone(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(a, b)| Mutation::Insert(a, b)),
        1 => (at.clone(), 1..64usize).prop_map(|(a, n)| Mutation::Delete(a, n)),
        1 => at.clone().prop_map(Mutation::Truncate),
        1 => (at.clone(), at.clone(), 1..256usize).prop_map(|(a, b, n)| Mutation::Splice(a, b, n)),
        4 => (any::<usize>(), prop::sample::select(NUMBERS)).prop_map(|(i, n)| Mutation::Number(i, n)),
        4 => (any::<usize>(), prop::sample::select(TEXTS)).prop_map(|(i, t)| Mutation::Text(i, t)),
        2 => any::<usize>().prop_map(Mutation::DropLine),
        2 => any::<usize>().prop_map(Mutation::DoubleLine),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn index(len: usize, at: f64) -> usize {
    ((len as f64) * at) as usize
}

/// The byte ranges of numbers (digits, with a sign or dot) or of quoted
/// strings' contents in `bytes`.
fn spans(bytes: &[u8], strings: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if strings && bytes[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            out.push((start, j.min(bytes.len())));
            i = j + 1;
        } else if !strings && bytes[i].is_ascii_digit() {
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
                j += 1;
            }
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn apply(mut bytes: Vec<u8>, mutation: &Mutation) -> Vec<u8> {
    let len = bytes.len();
    let lines =
        |b: &[u8]| -> Vec<Vec<u8>> { b.split(|c| *c == b'\n').map(<[u8]>::to_vec).collect() };
    match mutation {
        Mutation::Set(at, b) if len > 0 => bytes[index(len, *at).min(len - 1)] = *b,
        Mutation::Insert(at, b) => {
            let i = index(len, *at);
            bytes.splice(i..i, b.iter().copied());
        }
        Mutation::Delete(at, n) => {
            let i = index(len, *at);
            bytes.drain(i..(i + n).min(len));
        }
        Mutation::Truncate(at) => bytes.truncate(index(len, *at)),
        Mutation::Splice(from, to, n) if len > 0 => {
            let (a, b) = (index(len, *from), index(len, *to));
            let piece: Vec<u8> = bytes[a..(a + n).min(len)].to_vec();
            bytes.splice(b..b, piece);
        }
        Mutation::Number(k, v) | Mutation::Text(k, v) => {
            let found = spans(&bytes, matches!(mutation, Mutation::Text(..)));
            if !found.is_empty() {
                let (a, b) = found[k % found.len()];
                bytes.splice(a..b, v.bytes());
            }
        }
        Mutation::DropLine(k) | Mutation::DoubleLine(k) => {
            let mut l = lines(&bytes);
            let i = k % l.len();
            if matches!(mutation, Mutation::DropLine(_)) {
                l.remove(i);
            } else {
                let line = l[i].clone();
                l.insert(i, line);
            }
            bytes = l.join(&b'\n');
        }
        Mutation::SwapLines(first, second) => {
            let mut all = lines(&bytes);
            let count = all.len();
            all.swap(first % count, second % count);
            bytes = all.join(&b'\n');
        }
        _ => {}
    }
    bytes
}

/// The long run's bounds: no input of a few hundred kB may take 5 s to be
/// read (or refused), and the process stays under 512 MiB.
const LONG_RUN_MAX_INPUT_TIME: Duration = Duration::from_secs(5);
const LONG_RUN_MAX_MIB: u64 = 512;

/// How many inputs per kind: `KEHOU_FUZZ_CASES`, else a short run.
fn cases() -> u32 {
    std::env::var("KEHOU_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

/// The process's peak resident memory, in MiB (Linux), for the long run's report.
fn peak_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace()
        .nth(1)?
        .parse::<u64>()
        .ok()
        .map(|kb| kb / 1024)
}

/// Runs `read` on `cases()` mutants of `seeds`, each made by 1 to 3
/// mutations; `read` says whether kehou took the input (no error), which
/// the report counts to show how deep the mutants reach.
fn fuzz(kind: &str, seeds: &[Vec<u8>], read: impl Fn(&[u8]) -> bool) {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let slowest = std::cell::Cell::new(Duration::ZERO);
    let taken = std::cell::Cell::new(0u32);
    let strategy = (0..seeds.len(), prop::collection::vec(mutation(), 1..4));
    let result = runner.run(&strategy, |(seed, mutations)| {
        let bytes = mutations.iter().fold(seeds[seed].clone(), apply);
        let started = Instant::now();
        if read(&bytes) {
            taken.set(taken.get() + 1);
        }
        slowest.set(slowest.get().max(started.elapsed()));
        Ok(())
    });
    if let Err(e) = result {
        panic!("{kind}: {e}");
    }
    // The long run (the fuzz tests alone, `KEHOU_FUZZ_CASES` set) also holds
    // each input to a time and the process to a memory bound; the normal
    // run shares its process and its cores with every other test.
    if std::env::var_os("KEHOU_FUZZ_CASES").is_some() {
        assert!(
            slowest.get() < LONG_RUN_MAX_INPUT_TIME,
            "{kind}: an input took {:?}",
            slowest.get()
        );
        assert!(
            peak_mib().is_none_or(|m| m < LONG_RUN_MAX_MIB),
            "{kind}: {peak:?} MiB",
            peak = peak_mib()
        );
    }
    println!(
        "fuzz {kind}: {} inputs, {} read without error, slowest {:.3} s, peak memory {} MiB",
        cases(),
        taken.get(),
        slowest.get().as_secs_f64(),
        peak_mib().map_or_else(|| "?".to_owned(), |m| m.to_string())
    );
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(data_file(path)).expect("a fixture")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 20).expect("a date")
}

#[test]
fn prop_school_files_never_panic() {
    let seeds = [read("valid/tiny.school.ron"), read("demo/demo.school.ron")];
    fuzz("school", &seeds, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        files::parse_school(Path::new("x.school.ron"), &text)
            .map(|school| kehou_solver::validate::validate(&school))
            .is_ok()
    });
}

#[test]
fn prop_plan_files_never_panic() {
    let seeds = [read("demo/demo.plan.ron")];
    fuzz("plan", &seeds, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        files::parse_plan(Path::new("x.plan.ron"), &text).is_ok()
    });
}

/// The bytes as files kehou loads from disk: decoding of raw bytes too.
#[test]
fn prop_files_on_disk_never_panic() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("x.school.ron");
    let seeds = [read("valid/tiny.school.ron"), read("demo/demo.plan.ron")];
    fuzz("bytes on disk", &seeds, |bytes| {
        std::fs::write(&path, bytes).expect("write");
        files::load_school(&path).is_ok() | files::load_plan(&path).is_ok()
    });
}

#[test]
fn prop_csv_lists_never_panic() {
    let lists = ["staff.csv", "rooms.csv", "classes.csv", "clubs.csv"];
    let seeds: Vec<Vec<u8>> = lists.iter().map(|f| read(&format!("import/{f}"))).collect();
    fuzz("csv", &seeds, |bytes| {
        // The mutant stands in for each list in turn.
        let mut taken = false;
        for which in 0..lists.len() {
            let source = |i: usize| {
                let bytes = if i == which {
                    bytes.to_vec()
                } else {
                    read(&format!("import/{}", lists[i]))
                };
                Source::new(lists[i], bytes)
            };
            let sources = Sources {
                staff: source(0),
                rooms: source(1),
                classes: source(2),
                clubs: Some(source(3)),
            };
            if let Ok(school) = import::import(&sources, None, today()) {
                let _ = kehou_solver::validate::validate(&school);
                taken = true;
            }
        }
        taken
    });
}

/// The example lists as a workbook's parts (name, bytes), made once.
fn workbook_parts() -> &'static Vec<(String, Vec<u8>)> {
    static PARTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PARTS.get_or_init(|| {
        let mut book = rust_xlsxwriter::Workbook::new();
        for name in ["staff", "rooms", "classes", "clubs"] {
            let sheet = book.add_worksheet();
            sheet.set_name(name).expect("name");
            let text = String::from_utf8(read(&format!("import/{name}.csv"))).expect("UTF-8");
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            for (r, record) in reader.records().enumerate() {
                for (c, cell) in record.expect("a row").iter().enumerate() {
                    sheet.write_string(r as u32, c as u16, cell).expect("cell");
                }
            }
        }
        let bytes = book.save_to_buffer().expect("a workbook");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        (0..zip.len())
            .map(|i| {
                let mut part = zip.by_index(i).expect("a part");
                let name = part.name().expect("a name").into_owned();
                let mut bytes = Vec::new();
                part.read_to_end(&mut bytes).expect("read");
                (name, bytes)
            })
            .collect()
    })
}

fn zipped(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in parts {
        out.start_file(name.as_str(), options).expect("start");
        out.write_all(bytes).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn prop_workbooks_never_panic() {
    let parts = workbook_parts();
    // Seeds: the whole workbook (byte mutations break the zip itself) and
    // each XML part alone (mutated inside an intact zip).
    let mut seeds = vec![zipped(parts)];
    seeds.extend(parts.iter().map(|(_, b)| b.clone()));
    let book = seeds[0].clone();
    fuzz("xlsx", &seeds, |bytes| {
        let whole = if bytes.starts_with(b"PK") || bytes.len() == book.len() {
            bytes.to_vec()
        } else {
            // Put the mutated part in place of the part it came from (by
            // its first bytes), or of the first sheet.
            let mut mutated = parts.clone();
            let at = parts
                .iter()
                .position(|(_, b)| b.len() > 16 && bytes.starts_with(&b[..16]))
                .unwrap_or(0);
            mutated[at].1 = bytes.to_vec();
            zipped(&mutated)
        };
        import::xlsx::sources("x.xlsx", &whole)
            .is_ok_and(|sources| import::import(&sources, None, today()).is_ok())
    });
}
