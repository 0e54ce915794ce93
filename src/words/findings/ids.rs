//! Ids and names, in Chinese.

use kehou_solver::validate::problems::IdProblem;
use kehou_solver::validate::{List, Words};

pub fn zh(p: &IdProblem) -> Words {
    match p {
        IdProblem::SchoolNoName => {
            Words::new("学校没有名称，排班表和值班表将没有标题", "填写学校名称")
        }
        IdProblem::NoId { name } => {
            let named = if name.trim().is_empty() {
                "也没有名称".to_owned()
            } else {
                format!("名称为“{name}”")
            };
            Words::new(
                format!("没有编号（{named}）"),
                "给它一个编号：文件中靠编号找到它",
            )
        }
        IdProblem::IdSpaces { id } => Words::new(
            format!("编号“{id}”开头或结尾有空格，引用它时会对不上"),
            "去掉编号里的空格",
        ),
        IdProblem::NoName => Words::new("没有名称，值班表上无法显示", "填写名称"),
        IdProblem::DuplicateId {
            list,
            id,
            count,
            names,
        } => {
            let what = match list {
                List::Staff => "人",
                List::Rooms => "个场地",
                List::Classes => "个班级",
                List::Clubs => "个社团",
            };
            let of_whom = if names.is_empty() {
                String::new()
            } else {
                format!("（{}）", names.join("、"))
            };
            Words::new(
                format!("编号“{id}”被 {count} {what}同时使用{of_whom}，kehou 分不清指的是哪一个"),
                "给每一个不同的编号",
            )
        }
        IdProblem::ClassIdGrade { id_grade, grade } => Words::new(
            format!("编号以 {id_grade} 年级开头，但这个班在 {grade} 年级"),
            "更正年级或编号",
        ),
    }
}
