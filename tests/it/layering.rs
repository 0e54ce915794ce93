//! The solver never touches the disk, the process or the calendar: it is a pure
//! function of the school and what the caller passes in (docs/ARCHITECTURE.md).
//! Cargo keeps ratatui and ron out of `kehou-solver`; this keeps std's I/O out.

use std::fs;
use std::path::{Path, PathBuf};

/// What solver code may not name, and why.
const FORBIDDEN: &[(&str, &str)] = &[
    (
        "std::fs",
        "files are read and written by kehou, not the solver",
    ),
    (
        "File::",
        "files are read and written by kehou, not the solver",
    ),
    ("std::process", "the solver does not run programs or exit"),
    (
        "std::env",
        "settings come in the school's rules, not the environment",
    ),
    ("Local::now", "\"today\" is passed in"),
    ("Utc::now", "\"today\" is passed in"),
    ("SystemTime", "\"today\" is passed in"),
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read solver/src") {
        let path = entry.expect("read solver/src").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Splits a file into its non-test code and the names of the modules it
/// declares under `#[cfg(test)]` in files of their own (`mod testing;`).
/// An inline `#[cfg(test)] mod tests { … }` is taken to run to the end of the file.
fn split_tests(text: &str) -> (&str, Vec<String>) {
    let mut test_files = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find("#[cfg(test)]") {
        let after = rest[i + "#[cfg(test)]".len()..].trim_start();
        let declaration = after.lines().next().unwrap_or_default().trim();
        let declaration = declaration
            .strip_prefix("pub(crate) ")
            .or_else(|| declaration.strip_prefix("pub "))
            .unwrap_or(declaration);
        if let Some(name) = declaration
            .strip_prefix("mod ")
            .and_then(|d| d.strip_suffix(';'))
        {
            test_files.push(name.trim().to_owned());
        } else if declaration.starts_with("mod ") {
            return (&text[..offset + i], test_files);
        }
        offset += i + 1;
        rest = &rest[i + 1..];
    }
    (text, test_files)
}

#[test]
fn solver_code_does_no_io_and_reads_no_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("solver/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap())
        .collect();
    let test_modules: Vec<PathBuf> = files
        .iter()
        .zip(&texts)
        .flat_map(|(file, text)| {
            // A `mod.rs` or `lib.rs` file's child modules sit beside it;
            // `foo.rs`'s in `foo/`.
            let parent = file.parent().unwrap();
            let stem = file.file_stem().unwrap();
            let dir = if stem == "mod" || stem == "lib" {
                parent.to_owned()
            } else {
                parent.join(stem)
            };
            split_tests(text)
                .1
                .into_iter()
                .flat_map(move |m| [dir.join(format!("{m}.rs")), dir.join(&m).join("mod.rs")])
        })
        .collect();
    let mut offences = Vec::new();
    for (file, text) in files.iter().zip(&texts) {
        if test_modules.contains(file) {
            continue;
        }
        for (n, line) in split_tests(text).0.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (word, why) in FORBIDDEN {
                if line.contains(word) {
                    offences.push(format!("{}:{}: `{word}`: {why}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

#[test]
fn test_modules_are_told_apart_from_code() {
    let text =
        "use a;\n#[cfg(test)]\nmod testing;\nfn f() {}\n#[cfg(test)]\nmod tests {\n  std::fs\n}\n";
    let (code, test_files) = split_tests(text);
    assert_eq!(test_files, ["testing"]);
    assert!(code.contains("fn f()"));
    assert!(!code.contains("std::fs"));
}

/// The terminal UI's widgets are building blocks: they import nothing from
/// the screens or the frame that draws them (so the interface's modules form
/// no cycle), and `App::update` reads no clock (time comes in with the event).
#[test]
fn widgets_import_no_screen_and_update_reads_no_clock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut widgets = Vec::new();
    rust_files(&root.join("widgets"), &mut widgets);
    assert!(!widgets.is_empty());
    for file in widgets {
        let text = fs::read_to_string(&file).expect("read a widget");
        for forbidden in ["tui::screens", "tui::ui", "tui::app", "super::super::"] {
            assert!(
                !text.contains(forbidden),
                "{} names {forbidden}: widgets must not import screens or the frame",
                file.display()
            );
        }
    }
    let app = fs::read_to_string(root.join("app.rs")).expect("read app.rs");
    let update = app
        .split("pub fn update(")
        .nth(1)
        .expect("App::update")
        .split("\n    }\n")
        .next()
        .expect("its body");
    assert!(
        !update.contains("Instant::now") && !update.contains("Local::now"),
        "update reads the clock"
    );
}

/// The solver's top-level modules (a file or a folder under solver/src), and
/// for each the others its non-test code names as `crate::NAME`.
fn solver_imports() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("solver/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let texts: Vec<String> = files
        .iter()
        .map(|f| fs::read_to_string(f).expect("read solver code"))
        .collect();
    let test_modules: Vec<PathBuf> = files
        .iter()
        .zip(&texts)
        .flat_map(|(file, text)| {
            let dir = file.parent().expect("a folder").to_owned();
            split_tests(text)
                .1
                .into_iter()
                .flat_map(move |m| [dir.join(format!("{m}.rs")), dir.join(&m).join("mod.rs")])
        })
        .collect();
    let module_of = |file: &Path| -> String {
        let rel = file.strip_prefix(&src).expect("under solver/src");
        let first = rel.components().next().expect("a path");
        first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned()
    };
    let mut graph: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        std::collections::BTreeMap::new();
    for (file, text) in files.iter().zip(&texts) {
        if test_modules.contains(file) {
            continue;
        }
        let from = module_of(file);
        let code = split_tests(text).0;
        let names = graph.entry(from.clone()).or_default();
        for part in code.split("crate::").skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != from {
                names.insert(name);
            }
        }
    }
    graph
}

/// The checker shares no code with what it checks (docs/ARCHITECTURE.md): a
/// mistake in who may take what must show up in the checker, not be repeated
/// in it.
#[test]
fn the_checker_imports_nothing_it_checks() {
    let graph = solver_imports();
    let check = &graph["check"];
    for other in check {
        assert!(
            ["model", "plan", "namer"].contains(&other.as_str()),
            "solver/src/check names crate::{other}: the checker reads the rules itself"
        );
    }
}

/// The solver's modules form a DAG: no module needs one that needs it.
#[test]
fn the_solvers_modules_form_no_cycle() {
    let graph = solver_imports();
    let mut cycles = Vec::new();
    for start in graph.keys() {
        // Depth-first from `start`: reaching it again is a cycle.
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut seen = std::collections::BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if next == start {
                    cycles.push(format!("{} → {start}", path.join(" → ")));
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "{}", cycles.join("\n"));
}
