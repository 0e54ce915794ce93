//! Notes from a solve or a re-solve, as data: what could not be kept, what
//! was dropped, how the search went.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::StaffId;
use crate::namer::Namer;

/// Why a recorded substitution no longer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stale {
    /// The person out is no longer absent: they take their post back.
    OutBack,
    /// The cover is now away (absent or on leave) that day.
    CoverAway,
    /// kehou found nobody: the place is tried again.
    Retry,
    /// The post is not on that date any more, or the person out no longer
    /// holds it (the cycle changed under it).
    NotTheirs,
    /// The post is no longer short (the cycle staffs it now).
    NowFull,
    /// The cover now has a post of their own at that time.
    CoverBusy,
}

impl Stale {
    pub fn english(self) -> &'static str {
        match self {
            Stale::OutBack => "the person out is back",
            Stale::CoverAway => "the cover is away that day",
            Stale::Retry => "kehou tries the place again",
            Stale::NotTheirs => "the person out no longer holds that post in the new rota",
            Stale::NowFull => "the post is no longer short",
            Stale::CoverBusy => "the cover now has a post of their own at that time",
        }
    }
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english())
    }
}

/// Why an absence was dropped from a re-solved plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Dropped {
    /// It ends before it starts.
    Backwards,
    /// The person is no longer on the staff list.
    NotOnStaff,
}

/// A note from a solve.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SolveNote {
    /// A lock on a post the school no longer has.
    LockPostGone { post: String },
    /// A lock of someone no longer on the staff list.
    LockStaffGone { post: String, staff: StaffId },
    /// A lock of someone who can no longer take the post.
    LockCannotTake { post: String, staff: StaffId },
    /// A lock that clashes with another lock or a cap.
    LockClashes { post: String, staff: StaffId },
    /// The MILP covered more than the constructor.
    CoveredMore,
    /// A re-solve with nothing to change.
    NothingToChange,
    /// Cancelled: the plan is the best found so far.
    Cancelled,
    /// The full phase-2 solve found nothing in its share of the time.
    NoBound,
    /// How the search improved the plan.
    Improved { swaps: u32, rounds: u32 },
    AbsenceDropped {
        staff: StaffId,
        from: NaiveDate,
        to: NaiveDate,
        why: Dropped,
    },
    /// A substitution naming someone no longer on the staff list.
    SubstitutionDropped { date: NaiveDate, post: String },
    /// A choice made by hand that a re-solve cannot keep.
    HandNotKept {
        date: NaiveDate,
        post: String,
        cover: Option<StaffId>,
        out: Option<StaffId>,
        why: Stale,
    },
    /// A note written in words before plan format version 4, kept as it was.
    Text(String),
}

impl SolveNote {
    /// A lock that could not be kept (shown before a re-solved plan replaces one).
    pub fn is_lock(&self) -> bool {
        matches!(
            self,
            SolveNote::LockPostGone { .. }
                | SolveNote::LockStaffGone { .. }
                | SolveNote::LockCannotTake { .. }
                | SolveNote::LockClashes { .. }
        )
    }

    pub fn english(&self, n: &dyn Namer) -> String {
        match self {
            SolveNote::LockPostGone { post } => {
                format!("lock on {} ignored: the post no longer exists", n.post(post))
            }
            SolveNote::LockStaffGone { post, staff } => {
                format!("lock on {} ignored: no staff {staff}", n.post(post))
            }
            SolveNote::LockCannotTake { post, staff } => format!(
                "lock of {} on {} ignored: that person cannot take that post now",
                n.person(staff),
                n.post(post)
            ),
            SolveNote::LockClashes { post, staff } => format!(
                "lock of {} on {} ignored: it clashes with another lock or a cap",
                n.person(staff),
                n.post(post)
            ),
            SolveNote::CoveredMore => "the MILP covered more than the constructor".to_owned(),
            SolveNote::NothingToChange => "nothing to change: every assignment is kept".to_owned(),
            SolveNote::Cancelled => {
                "cancelled by the user: the plan is the best found so far".to_owned()
            }
            SolveNote::NoBound => {
                "the full phase-2 solve found nothing in its share of the time; no bound".to_owned()
            }
            SolveNote::Improved { swaps, rounds } => format!(
                "improved by {swaps} swaps and {rounds} rounds of neighbourhood search"
            ),
            SolveNote::AbsenceDropped {
                staff,
                from,
                to,
                why,
            } => format!(
                "dropped the absence of {} from {from} to {to}: {}",
                n.person(staff),
                match why {
                    Dropped::Backwards => "it ends before it starts",
                    Dropped::NotOnStaff => "no longer on the staff list",
                }
            ),
            SolveNote::SubstitutionDropped { date, post } => format!(
                "dropped the substitution on {date} for post {}: it names someone no longer on the staff list",
                n.post(post)
            ),
            SolveNote::HandNotKept {
                date,
                post,
                cover,
                out,
                why,
            } => format!(
                "the choice by hand on {date} for {} ({} for {}) is not kept: {why}",
                n.post(post),
                cover.as_ref().map_or("nobody".to_owned(), |c| n.person(c)),
                out.as_ref()
                    .map_or("a missing adult".to_owned(), |o| n.person(o)),
            ),
            SolveNote::Text(text) => text.clone(),
        }
    }
}

impl std::fmt::Display for SolveNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english(&crate::namer::Ids))
    }
}
