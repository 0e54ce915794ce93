//! Ids and names.

use crate::validate::finding::{List, Words};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IdProblem {
    SchoolNoName,
    /// An item with no id; its name, if it has one.
    NoId {
        name: String,
    },
    /// The id starts or ends with a space.
    IdSpaces {
        id: String,
    },
    NoName,
    /// One id used by several items of a list; their names.
    DuplicateId {
        list: List,
        id: String,
        count: usize,
        names: Vec<String>,
    },
    /// A class id `3-2` whose grade is not the class's.
    ClassIdGrade {
        id_grade: u32,
        grade: u8,
    },
}

impl IdProblem {
    pub fn english(&self) -> Words {
        match self {
            IdProblem::SchoolNoName => Words::new(
                "the school has no name, so rosters and the duty board will have no heading",
                "set `name` to the school's name",
            ),
            IdProblem::NoId { name } => {
                let named = if name.trim().is_empty() {
                    "and no name".to_owned()
                } else {
                    format!("named {name}")
                };
                Words::new(
                    format!("has no id ({named})"),
                    "give it an id; files refer to it by id",
                )
            }
            IdProblem::IdSpaces { id } => Words::new(
                format!(
                    "its id `{id}` starts or ends with a space, so references to it will not match"
                ),
                "remove the spaces from the id",
            ),
            IdProblem::NoName => Words::new(
                "has no name, so the duty board cannot show it",
                "give it a name",
            ),
            IdProblem::DuplicateId {
                list,
                id,
                count,
                names,
            } => {
                let of_whom = if names.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", names.join(", "))
                };
                Words::new(
                    format!(
                        "the id `{id}` is used by {count} {}{of_whom}, so kehou cannot tell which one is meant",
                        list.english().1
                    ),
                    "give each its own id",
                )
            }
            IdProblem::ClassIdGrade { id_grade, grade } => Words::new(
                format!("its id starts with grade {id_grade} but the class is in grade {grade}"),
                "correct the grade or the id",
            ),
        }
    }
}
