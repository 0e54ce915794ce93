//! The examples in docs/data-format.md are real files: they load, and the
//! school example is a sound school.

use std::path::Path;

use kehou::files;
use kehou_solver::validate;

/// The ```ron blocks of a Markdown file, in order.
fn ron_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```ron") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_examples_in_data_format_md_load() {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data-format.md");
    let markdown = std::fs::read_to_string(&doc).unwrap();
    let blocks = ron_blocks(&markdown);
    assert_eq!(blocks.len(), 2, "expected a school and a plan example");

    let dir = tempfile::tempdir().unwrap();
    let school_path = dir.path().join("example.school.ron");
    std::fs::write(&school_path, &blocks[0]).unwrap();
    let school = files::load_school(&school_path).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<_> = validate::validate(&school)
        .into_iter()
        .filter(|f| f.severity == validate::Severity::Error)
        .map(|f| f.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let plan_path = dir.path().join("example.plan.ron");
    std::fs::write(&plan_path, &blocks[1]).unwrap();
    let plan = files::load_plan(&plan_path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.posts.len(), 2);
}

/// The README names the backup files a save really leaves beside the file.
#[test]
fn the_readme_names_the_backup_files_saves_write() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let school = files::load_school(&root.join("data/valid/tiny.school.ron")).unwrap();
    let path = dir.path().join("tiny.school.ron");
    files::save_school(&path, &school).unwrap();
    files::save_school(&path, &school).unwrap();
    let mut written: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["tiny.school.ron", "tiny.school.ron.bak"]);
    for named in ["NAME.school.ron.bak", "NAME.plan.ron.bak"] {
        assert!(readme.contains(named), "README should name {named}");
    }
    assert!(!readme.contains("kept as `NAME.bak`"));
}
