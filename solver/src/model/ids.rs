//! Stable identifiers. Files refer to people, rooms, classes and clubs by these,
//! never by position, so reordering a list never changes a plan.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(s: impl Into<String>) -> Self {
                Self(s.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// A person's stable id, such as `t017` (the school's staff number works well).
    StaffId
);
id_type!(
    /// A room's id, such as `r301`.
    RoomId
);
id_type!(
    /// A class id, grade and number: `3-2`.
    ClassId
);
id_type!(
    /// A club's id, such as `football`.
    ClubId
);
id_type!(
    /// A skill: `homework`, or a club skill such as `football`, `calligraphy`.
    Skill
);

impl Skill {
    /// The skill needed to lead a homework (basic or extended study) group.
    pub fn homework() -> Skill {
        Skill::new("homework")
    }
}
