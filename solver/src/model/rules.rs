//! Settings: ratios, who may lead, caps, fairness weights. Every number the
//! domain brief gives is a default here, and a school may change each one.

use serde::{Deserialize, Serialize};

use super::staff::StaffKind;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rules {
    /// Weeks in the rotation cycle (A/B weeks …), 1–4. Unpopular duties rotate
    /// across the cycle; the cycle repeats over the term.
    pub cycle_weeks: u8,
    pub ratios: Ratios,
    /// Kinds of staff who may be the responsible (lead) adult of a post. Every
    /// other kind — by default parent and community volunteers — only assists.
    pub may_lead: Vec<StaffKind>,
    /// Caps per kind of staff; a person's own caps override these.
    pub caps: Vec<KindCaps>,
    pub weights: Weights,
    pub participation: Participation,
    /// Merge small classes of one grade into one care group (学校统筹、相对集中).
    pub merge_groups: MergeRule,
    /// Scale a teacher's fair share down by their teaching periods that day.
    pub fairness_by_teaching_periods: bool,
    /// Solver time limit in seconds (the command line's `--time-limit` overrides it).
    pub time_limit_seconds: u32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            cycle_weeks: 2,
            ratios: Ratios::default(),
            may_lead: vec![
                StaffKind::Teacher,
                StaffKind::Leader,
                StaffKind::Retired,
                StaffKind::Coach,
            ],
            caps: vec![
                KindCaps {
                    kind: StaffKind::Teacher,
                    per_week: 4,
                    per_day: 2,
                },
                KindCaps {
                    kind: StaffKind::Leader,
                    per_week: 4,
                    per_day: 2,
                },
                KindCaps {
                    kind: StaffKind::Retired,
                    per_week: 3,
                    per_day: 1,
                },
                KindCaps {
                    kind: StaffKind::Parent,
                    per_week: 2,
                    per_day: 1,
                },
                KindCaps {
                    kind: StaffKind::Community,
                    per_week: 3,
                    per_day: 1,
                },
                KindCaps {
                    kind: StaffKind::Coach,
                    per_week: 4,
                    per_day: 1,
                },
            ],
            weights: Weights::default(),
            participation: Participation::AllStaff,
            merge_groups: MergeRule::default(),
            fairness_by_teaching_periods: false,
            time_limit_seconds: 60,
        }
    }
}

impl Rules {
    pub fn may_lead(&self, kind: StaffKind) -> bool {
        self.may_lead.contains(&kind)
    }

    pub fn caps_for(&self, kind: StaffKind) -> KindCaps {
        self.caps
            .iter()
            .find(|c| c.kind == kind)
            .copied()
            .unwrap_or(KindCaps {
                kind,
                per_week: 4,
                per_day: 2,
            })
    }
}

/// Adults needed for `n` students: at least `min_adults`, and one per
/// `students_per_adult` (rounded up). No students, no post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    pub students_per_adult: u32,
    pub min_adults: u32,
}

impl Ratio {
    pub fn adults_for(&self, students: u32) -> u32 {
        if students == 0 {
            return 0;
        }
        students
            .div_ceil(self.students_per_adult.max(1))
            .max(self.min_adults)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ratios {
    /// Supervised homework (basic service and extended study groups): 1 per 45.
    pub homework: Ratio,
    /// Clubs: 1 per 30.
    pub club: Ratio,
    /// An outdoor club with more than this many students needs `outdoor_min_adults`.
    pub outdoor_club_over: u32,
    pub outdoor_min_adults: u32,
    /// Late groups: at least 2 adults, 1 per 20.
    pub late: Ratio,
    /// Morning and noon care.
    pub care: Ratio,
    /// Evening self-study (junior middle schools).
    pub evening: Ratio,
}

impl Default for Ratios {
    fn default() -> Self {
        Ratios {
            homework: Ratio {
                students_per_adult: 45,
                min_adults: 1,
            },
            club: Ratio {
                students_per_adult: 30,
                min_adults: 1,
            },
            outdoor_club_over: 20,
            outdoor_min_adults: 2,
            late: Ratio {
                students_per_adult: 20,
                min_adults: 2,
            },
            care: Ratio {
                students_per_adult: 45,
                min_adults: 1,
            },
            evening: Ratio {
                students_per_adult: 45,
                min_adults: 1,
            },
        }
    }
}

impl Ratios {
    pub fn club_adults(&self, students: u32, outdoor: bool) -> u32 {
        let base = self.club.adults_for(students);
        if outdoor && students > self.outdoor_club_over {
            base.max(self.outdoor_min_adults)
        } else {
            base
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindCaps {
    pub kind: StaffKind,
    /// Posts per week.
    pub per_week: u8,
    /// Posts per day.
    pub per_day: u8,
}

/// How much a minute of a post counts towards fairness, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// A minute of late-group duty counts this much (150 = one and a half).
    pub late_percent: u32,
    /// A minute on a Friday counts this much; multiplies with `late_percent`.
    pub friday_percent: u32,
    /// A minute as duty leader.
    pub duty_leader_percent: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            late_percent: 150,
            friday_percent: 125,
            duty_leader_percent: 100,
        }
    }
}

/// 原则上全员参与 or 自愿: whether every teacher is in the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Participation {
    /// Every teacher takes part (a person's `opted_in` is ignored).
    AllStaff,
    /// Only people with `opted_in: true` are scheduled.
    Voluntary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MergeRule {
    pub enabled: bool,
    /// Classes of one grade may share a care group while the group stays at or
    /// below this many students (and fits the room).
    pub max_students: u32,
}

impl Default for MergeRule {
    fn default() -> Self {
        MergeRule {
            enabled: true,
            max_students: 45,
        }
    }
}
