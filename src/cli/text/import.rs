//! The words of `kehou import`.

use std::path::Path;

use kehou_solver::School;

use crate::words::Lang;

pub fn no_lists(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => {
            "请给出 --staff、--rooms 和 --classes（CSV 文件），或 --workbook（一个 .xlsx 文件）"
        }
        Lang::En => {
            "give --staff, --rooms and --classes (CSV files), or --workbook (an .xlsx file)"
        }
    }
}

pub fn cannot_read(lang: Lang, path: &Path, why: &str) -> String {
    match lang {
        Lang::Zh => format!("{}：读不了这个文件：{why}", path.display()),
        Lang::En => format!("{}: cannot read the file: {why}", path.display()),
    }
}

pub fn nothing_written(lang: Lang, problems: usize) -> String {
    match lang {
        Lang::Zh => format!("文件中有 {problems} 个问题；没有写出"),
        Lang::En => {
            let s = if problems == 1 { "" } else { "s" };
            format!("{problems} problem{s} in the files; nothing written")
        }
    }
}

pub fn not_written(lang: Lang, path: &Path) -> String {
    let p = path.display();
    match lang {
        Lang::Zh => format!("没有写出 {p}：改正 CSV 文件（或 --settings）后再导入"),
        Lang::En => format!(
            "nothing written to {p}: correct the CSV files (or --settings) and import again"
        ),
    }
}

/// What `kehou import` says once the file is saved.
#[allow(clippy::many_single_char_names)]
pub fn saved(lang: Lang, path: &Path, school: &School, defaults_used: bool) -> String {
    let p = path.display();
    let (c, s, r, k) = (
        school.classes.len(),
        school.staff.len(),
        school.rooms.len(),
        school.clubs.len(),
    );
    let t = &school.term;
    match lang {
        Lang::Zh => {
            let defaults = if defaults_used {
                format!(
                    "\n使用了默认设置：学校名称“{}”，学期“{}”（{} 至 {}），1至2年级和3至6年级的作息时间表，规则和值班设置；请在文件中检查，或加 --settings 重新导入",
                    school.name, t.name, t.first_day, t.last_day
                )
            } else {
                String::new()
            };
            format!("已保存 {p}：{c} 个班级，{s} 位教职工，{r} 个场地，{k} 个社团{defaults}\n下一步：kehou check {p}")
        }
        Lang::En => {
            let defaults = if defaults_used {
                format!(
                    "\nwith default settings: name \"{}\", term \"{}\" ({} to {}), day timetables for grades 1-2 and 3-6, rules and duties; check them in the file, or import again with --settings",
                    school.name, t.name, t.first_day, t.last_day
                )
            } else {
                String::new()
            };
            format!("saved {p}: {c} classes, {s} staff, {r} rooms, {k} clubs{defaults}\nnext: kehou check {p}")
        }
    }
}
