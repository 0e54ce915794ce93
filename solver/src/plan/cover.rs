//! Why a substitute was chosen (or why nobody could be), and what taking a
//! place would break, as data stored with each substitution.

use serde::{Deserialize, Serialize};

use crate::model::{ClockTime, SessionKind, StaffId, Weekday};
use crate::namer::Namer;

/// A post someone already holds that afternoon, as it runs that date.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Held {
    pub post: String,
    pub start: ClockTime,
    pub end: ClockTime,
}

/// One thing taking a place would break.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Break {
    /// On another post at an overlapping time: impossible.
    Busy(Held),
    /// Over the daily cap: `posts` already that day, `cap`.
    DailyCap { posts: u32, cap: u32 },
    /// Over the weekly cap: `posts` already that teaching week, `cap`.
    WeeklyCap { posts: u32, cap: u32 },
    /// Against a wish to avoid this day or session.
    Avoids {
        day: Option<Weekday>,
        session: Option<SessionKind>,
    },
}

/// The kinds of break, for ranking and for what may be chosen by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BreakRule {
    Busy,
    CapPerDay,
    CapPerWeek,
    Preference,
}

impl BreakRule {
    /// A hard break cannot be chosen even by hand.
    pub fn hard(self) -> bool {
        self == BreakRule::Busy
    }
}

impl Break {
    pub fn rule(&self) -> BreakRule {
        match self {
            Break::Busy(_) => BreakRule::Busy,
            Break::DailyCap { .. } => BreakRule::CapPerDay,
            Break::WeeklyCap { .. } => BreakRule::CapPerWeek,
            Break::Avoids { .. } => BreakRule::Preference,
        }
    }

    pub fn english(&self, n: &dyn Namer) -> String {
        match self {
            Break::Busy(h) => format!("busy with {} {}–{}", n.post(&h.post), h.start, h.end),
            Break::DailyCap { posts, cap } => {
                format!("would exceed the daily cap ({posts} of {cap} posts that day)")
            }
            Break::WeeklyCap { posts, cap } => {
                format!("would exceed the weekly cap ({posts} of {cap} posts that week)")
            }
            Break::Avoids { day, session } => {
                let what = match (day, session) {
                    (Some(d), Some(s)) => format!("{} {}", d.english(), s.code()),
                    (Some(d), None) => d.english().to_owned(),
                    (None, Some(s)) => s.code().to_owned(),
                    (None, None) => "any post".to_owned(),
                };
                format!("asked to avoid {what}")
            }
        }
    }
}

/// The breaks in English, `; `-separated ("breaks nothing" for none).
pub fn breaks_english(breaks: &[Break], n: &dyn Namer) -> String {
    if breaks.is_empty() {
        return "breaks nothing".to_owned();
    }
    breaks
        .iter()
        .map(|b| b.english(n))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why someone not at school that afternoon was called in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CalledIn {
    /// Those already at school were needed elsewhere or at a cap.
    OthersNeeded,
    /// Nobody free was already at school.
    NobodyAtSchool,
}

/// Whom a place needs, for a place nobody covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlaceNeed {
    DutyLeader,
    Lead,
    Adult,
}

/// Someone who could take a place by hand, and what it would break.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByHand {
    pub staff: StaffId,
    #[serde(default)]
    pub breaks: Vec<Break>,
}

/// Why this cover, or why nobody: stored with the substitution.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CoverReason {
    /// kehou chose the cover.
    Chosen {
        /// Already at school that afternoon, with this post.
        #[serde(default)]
        at_school: Option<Held>,
        /// Otherwise, why someone had to be called in.
        #[serde(default)]
        called_in: Option<CalledIn>,
        /// Their substitution balance this term (covers − posts given up).
        balance: i64,
        /// How many were free among those at school (or those to call in).
        peers: u32,
        /// The lowest balance among them.
        lowest: i64,
        /// Wishes the choice goes against.
        #[serde(default)]
        avoids: Vec<Break>,
        /// They like this day or session.
        #[serde(default)]
        likes: bool,
    },
    /// Nobody could cover: how many could, and why not; the best by hand.
    Nobody {
        out: StaffId,
        need: PlaceNeed,
        /// How many could take it at all that day (0: nobody else may).
        could: u32,
        busy: u32,
        capped: u32,
        /// Free, but needed for other places then.
        free: u32,
        #[serde(default)]
        best: Vec<ByHand>,
    },
    /// The deputy head chose, knowing what it breaks.
    ByHand {
        #[serde(default)]
        breaks: Vec<Break>,
    },
    /// A reason written in words before plan format version 4, kept as it was.
    Text(String),
}

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

impl CoverReason {
    pub fn english(&self, n: &dyn Namer) -> String {
        match self {
            CoverReason::Chosen {
                at_school,
                called_in,
                balance,
                peers,
                lowest,
                avoids,
                likes,
            } => {
                let mut parts = vec![match (at_school, called_in) {
                    (Some(h), _) => format!(
                        "already at school that afternoon ({} {}–{})",
                        n.post(&h.post),
                        h.start,
                        h.end
                    ),
                    (None, Some(CalledIn::OthersNeeded)) => {
                        "called in: those already at school were needed elsewhere or at a cap"
                            .to_owned()
                    }
                    (None, _) => "called in: nobody free was already at school".to_owned(),
                }];
                let among = if at_school.is_some() {
                    "already at school"
                } else {
                    "to call in"
                };
                parts.push(format!(
                    "substitution balance {} (lowest of the {peers} free {among}: {})",
                    signed(*balance),
                    signed(*lowest)
                ));
                if !avoids.is_empty() {
                    let a: Vec<String> = avoids.iter().map(|b| b.english(n)).collect();
                    parts.push(a.join(", "));
                } else if *likes {
                    parts.push("likes this day or session".to_owned());
                }
                parts.join("; ")
            }
            CoverReason::Nobody {
                out,
                need,
                could,
                busy,
                capped,
                free,
                best,
            } => {
                let who = match need {
                    PlaceNeed::DutyLeader => "the duty leader (a school leader)",
                    PlaceNeed::Lead => "a lead adult",
                    PlaceNeed::Adult => "an adult",
                };
                if *could == 0 {
                    return format!(
                        "no cover for {}: nobody else on the staff list may take it that day",
                        n.person(out)
                    );
                }
                let mut text = format!(
                    "no cover for {}: of {could} who could be {who} that day, {busy} busy then, {capped} at a daily or weekly cap, {free} free but needed for other places then",
                    n.person(out)
                );
                if !best.is_empty() {
                    let best: Vec<String> = best
                        .iter()
                        .map(|b| format!("{} {}", n.person(&b.staff), breaks_english(&b.breaks, n)))
                        .collect();
                    text.push_str("; best by hand: ");
                    text.push_str(&best.join(", "));
                }
                text
            }
            CoverReason::ByHand { breaks } => {
                let mut text = "chosen by hand".to_owned();
                if !breaks.is_empty() {
                    text.push_str(": ");
                    let b: Vec<String> = breaks.iter().map(|b| b.english(n)).collect();
                    text.push_str(&b.join("; "));
                }
                text
            }
            CoverReason::Text(text) => text.clone(),
        }
    }
}

impl std::fmt::Display for CoverReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english(&crate::namer::Ids))
    }
}
