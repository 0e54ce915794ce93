//! Plans written before format version 4 (versions 1 to 3), which kept
//! reasons and notes as English sentences. They still load: each sentence
//! is kept as it was (`UnmetReason::Text`, `CoverReason::Text`,
//! `SolveNote::Text`), since words cannot be turned back into data, and the
//! plan is saved as version 4 from then on. Everything else is read as it is.

use serde::Deserialize;

use super::{
    Absence, Assignment, Changes, CoverReason, DecidedBy, FairBand, Lock, ObjectiveTerm, Plan,
    Post, PostKind, Role, SolveNote, SolveReport, SolveStatus, Substitution, UnmetReason,
    PLAN_FORMAT_VERSION,
};
use crate::model::{ClassId, ClockTime, ClubId, RoomId, SessionKind, StaffId, Weekday};

/// A plan file of format version 1 to 3.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanV3 {
    pub version: u32,
    school_fingerprint: String,
    cycle_weeks: u8,
    solve: SolveReportV3,
    posts: Vec<PostV3>,
    #[serde(default)]
    locks: Vec<Lock>,
    #[serde(default)]
    absences: Vec<Absence>,
    #[serde(default)]
    substitutions: Vec<SubstitutionV3>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct SolveReportV3 {
    status: SolveStatus,
    backend: String,
    seconds: f64,
    objective: Vec<ObjectiveTerm>,
    objective_value: Option<f64>,
    bound: Option<f64>,
    gap: Option<f64>,
    solved_at: Option<String>,
    notes: Vec<String>,
    changes: Option<Changes>,
    /// Version 3 plans of the fairest-band solve carry it already.
    band: Option<FairBand>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostV3 {
    id: String,
    week: u8,
    day: Weekday,
    session: SessionKind,
    start: ClockTime,
    end: ClockTime,
    #[serde(default)]
    other_season: Option<(ClockTime, ClockTime)>,
    kind: PostKind,
    #[serde(default)]
    classes: Vec<ClassId>,
    #[serde(default)]
    club: Option<ClubId>,
    #[serde(default)]
    club_name: Option<String>,
    #[serde(default)]
    room: Option<RoomId>,
    students: u32,
    adults_needed: u32,
    #[serde(default)]
    staff: Vec<Assignment>,
    #[serde(default)]
    unmet_reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubstitutionV3 {
    date: chrono::NaiveDate,
    post: String,
    role: Role,
    #[serde(default)]
    out: Option<StaffId>,
    #[serde(default)]
    cover: Option<StaffId>,
    #[serde(default)]
    reason: String,
    decided_by: DecidedBy,
}

impl From<PlanV3> for Plan {
    fn from(old: PlanV3) -> Plan {
        let s = old.solve;
        Plan {
            version: PLAN_FORMAT_VERSION,
            school_fingerprint: old.school_fingerprint,
            cycle_weeks: old.cycle_weeks,
            solve: SolveReport {
                status: s.status,
                backend: s.backend,
                seconds: s.seconds,
                objective: s.objective,
                objective_value: s.objective_value,
                bound: s.bound,
                gap: s.gap,
                solved_at: s.solved_at,
                notes: s.notes.into_iter().map(SolveNote::Text).collect(),
                changes: s.changes,
                band: s.band,
            },
            posts: old.posts.into_iter().map(Post::from).collect(),
            locks: old.locks,
            absences: old.absences,
            substitutions: old
                .substitutions
                .into_iter()
                .map(|s| Substitution {
                    date: s.date,
                    post: s.post,
                    role: s.role,
                    out: s.out,
                    cover: s.cover,
                    reason: CoverReason::Text(s.reason),
                    decided_by: s.decided_by,
                })
                .collect(),
        }
    }
}

impl From<PostV3> for Post {
    fn from(p: PostV3) -> Post {
        Post {
            id: p.id,
            week: p.week,
            day: p.day,
            session: p.session,
            start: p.start,
            end: p.end,
            other_season: p.other_season,
            kind: p.kind,
            classes: p.classes,
            club: p.club,
            club_name: p.club_name,
            room: p.room,
            students: p.students,
            adults_needed: p.adults_needed,
            staff: p.staff,
            unmet_reason: p.unmet_reason.map(UnmetReason::Text),
        }
    }
}
