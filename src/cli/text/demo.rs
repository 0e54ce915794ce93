//! The words of `kehou demo`.

use std::path::Path;

use kehou_solver::School;

use crate::files;
use crate::words::Lang;

/// `kehou demo -o` an existing file, not confirmed.
pub fn exists(lang: Lang, path: &Path) -> String {
    let (p, b) = (path.display(), files::backup_path(path));
    let b = b.display();
    match lang {
        Lang::Zh => format!(
            "{p} 已经存在，没有写入。演示学校会替换它：要替换请加 --force（原文件另存为 {b}），或用 -o 换一个文件名"
        ),
        Lang::En => format!(
            "{p} exists; nothing was written. A demo school would replace it: add --force to replace it (the previous file is kept as {b}), or give -o another name"
        ),
    }
}

pub fn replace_question(lang: Lang, path: &Path) -> String {
    let (p, b) = (path.display(), files::backup_path(path));
    let b = b.display();
    match lang {
        Lang::Zh => format!("{p} 已经存在。要用演示学校替换它吗（原文件另存为 {b}）？[y/N] "),
        Lang::En => format!(
            "{p} exists. Replace it with a demo school (the previous file is kept as {b})? [y/N] "
        ),
    }
}

/// What `kehou demo` says once the file is saved.
#[allow(clippy::many_single_char_names)]
pub fn saved(lang: Lang, path: &Path, school: &School) -> String {
    let p = path.display();
    let (c, s, r, k) = (
        school.classes.len(),
        school.staff.len(),
        school.rooms.len(),
        school.clubs.len(),
    );
    match lang {
        Lang::Zh => format!(
            "已保存 {p}：{}，{c} 个班级，{s} 位教职工，{r} 个场地，{k} 个社团\n下一步：kehou check {p}",
            school.name
        ),
        Lang::En => format!(
            "saved {p}: {}, {c} classes, {s} staff, {r} rooms, {k} clubs\nnext: kehou check {p}",
            school.name
        ),
    }
}
