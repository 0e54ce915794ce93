//! The numbers a deputy head reads after a solve: how evenly the work is
//! spread, who stays late how often, who is duty leader how often, and what
//! is not covered. Computed from the plan and the school alone, so they are
//! true of any plan, however it was made.

use std::collections::BTreeMap;

use kehou_solver::eligibility::participates;
use kehou_solver::explain;
use kehou_solver::model::{StaffId, StaffKind, Weekday, Weights};
use kehou_solver::plan::{Post, PostKind};
use kehou_solver::{Plan, School};

/// The fairness figures of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSummary {
    pub posts: usize,
    /// Posts with all the adults they need, a lead among them.
    pub fully_staffed: usize,
    pub cycle_weeks: u8,
    /// Teachers' weighted minutes per week (cycle total / cycle weeks), over
    /// every teacher kehou schedules; `None` without teachers.
    pub teacher_minutes: Option<Spread>,
    /// Late-group duties per teacher over the cycle, among teachers not
    /// exempt from late duty; `None` without such teachers.
    pub late_duties: Option<(u32, u32)>,
    /// Duty-leader days over the cycle of every leader, and of anyone else who
    /// holds one, by staff id.
    pub duty_leader_days: Vec<LeaderDays>,
    /// Unmet posts grouped by week, day and session, with the reasons.
    pub unmet: Vec<kehou_solver::explain::UnmetGroup>,
}

/// Least, median and greatest of some numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub min: f64,
    pub median: f64,
    pub max: f64,
}

impl Spread {
    /// `None` for no numbers.
    pub fn of(mut values: Vec<f64>) -> Option<Spread> {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = match n {
            0 => return None,
            n if n % 2 == 1 => values[n / 2],
            n => f64::midpoint(values[n / 2 - 1], values[n / 2]),
        };
        Some(Spread {
            min: values[0],
            median,
            max: values[n - 1],
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderDays {
    pub staff: StaffId,
    pub name: String,
    pub days: u32,
}

/// How much one minute of `post` counts, as a factor (1.5 for late duty at
/// 150%). The school's weights multiply: a late duty on a Friday counts
/// `late_percent × friday_percent`. The solver rounds the combined percentage
/// down to a whole percent; the summary does not, so the two can differ by
/// less than a hundredth.
pub fn weight(weights: &Weights, post: &Post) -> f64 {
    let mut factor = 1.0;
    if post.kind == PostKind::Late {
        factor *= f64::from(weights.late_percent) / 100.0;
    }
    if post.kind == PostKind::DutyLeader {
        factor *= f64::from(weights.duty_leader_percent) / 100.0;
    }
    if post.day == Weekday::Fri {
        factor *= f64::from(weights.friday_percent) / 100.0;
    }
    factor
}

impl PlanSummary {
    pub fn of(school: &School, plan: &Plan) -> PlanSummary {
        let weeks = f64::from(plan.cycle_weeks.max(1));
        let mut minutes: BTreeMap<&StaffId, f64> = BTreeMap::new();
        let mut late: BTreeMap<&StaffId, u32> = BTreeMap::new();
        let mut duty: BTreeMap<&StaffId, u32> = BTreeMap::new();
        for post in &plan.posts {
            let weighted = f64::from(post.minutes()) * weight(&school.rules.weights, post);
            for a in &post.staff {
                *minutes.entry(&a.staff).or_default() += weighted;
                match post.kind {
                    PostKind::Late => *late.entry(&a.staff).or_default() += 1,
                    PostKind::DutyLeader => *duty.entry(&a.staff).or_default() += 1,
                    _ => {}
                }
            }
        }

        let teachers: Vec<_> = school
            .staff
            .iter()
            .filter(|p| p.kind == StaffKind::Teacher && participates(school, p))
            .collect();
        let teacher_minutes = Spread::of(
            teachers
                .iter()
                .map(|p| minutes.get(&p.id).copied().unwrap_or(0.0) / weeks)
                .collect(),
        );
        let late_counts: Vec<u32> = teachers
            .iter()
            .filter(|p| !p.no_late)
            .map(|p| late.get(&p.id).copied().unwrap_or(0))
            .collect();
        let late_duties = late_counts
            .iter()
            .min()
            .zip(late_counts.iter().max())
            .map(|(a, b)| (*a, *b));

        let mut leaders: BTreeMap<&StaffId, u32> = school
            .staff
            .iter()
            .filter(|p| p.kind == StaffKind::Leader && participates(school, p))
            .map(|p| (&p.id, 0))
            .collect();
        leaders.extend(duty);
        let duty_leader_days = leaders
            .into_iter()
            .map(|(id, days)| LeaderDays {
                staff: id.clone(),
                name: school
                    .person(id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                days,
            })
            .collect();

        PlanSummary {
            posts: plan.posts.len(),
            fully_staffed: plan
                .posts
                .iter()
                .filter(|p| p.missing() == 0 && (p.has_lead() || p.adults_needed == 0))
                .count(),
            cycle_weeks: plan.cycle_weeks,
            teacher_minutes,
            late_duties,
            duty_leader_days,
            unmet: explain::summary(plan),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::{person, plan, post, school, time};
    use kehou_solver::plan::Role;

    #[test]
    fn spread_takes_the_middle_of_an_even_list() {
        assert_eq!(Spread::of(Vec::new()), None);
        let s = Spread::of(vec![4.0, 1.0, 10.0]).unwrap();
        assert_eq!((s.min, s.median, s.max), (1.0, 4.0, 10.0));
        let s = Spread::of(vec![4.0, 1.0, 10.0, 6.0]).unwrap();
        assert_eq!((s.min, s.median, s.max), (1.0, 5.0, 10.0));
    }

    #[test]
    fn numbers_of_a_hand_made_plan() {
        let mut exempt = person("t3", "赵敏", StaffKind::Teacher);
        exempt.no_late = true;
        let school = school(vec![
            person("t1", "王丽", StaffKind::Teacher),
            person("t2", "李娜", StaffKind::Teacher),
            exempt,
            person("l1", "张建国", StaffKind::Leader),
            person("l2", "李明", StaffKind::Leader),
            person("v1", "胡晓燕", StaffKind::Parent),
        ]);
        let mut plan = plan(
            &school,
            vec![
                // 45 minutes, weight 1.
                post(
                    "w1-mon-basic-3-1",
                    Weekday::Mon,
                    PostKind::Homework,
                    (time(15, 5), 45),
                    1,
                    &[("t1", Role::Lead)],
                ),
                // 40 minutes of late duty on a Friday: 40 × 1.5 × 1.25 = 75 each.
                post(
                    "w1-fri-late-a",
                    Weekday::Fri,
                    PostKind::Late,
                    (time(16, 50), 40),
                    2,
                    &[("t1", Role::Lead), ("t2", Role::Assist)],
                ),
                // 60 minutes on a Tuesday, weight 1; a volunteer does not count.
                post(
                    "w1-tue-basic-3-1",
                    Weekday::Tue,
                    PostKind::Homework,
                    (time(15, 0), 60),
                    2,
                    &[("t3", Role::Lead), ("v1", Role::Assist)],
                ),
                post(
                    "w1-mon-duty_leader",
                    Weekday::Mon,
                    PostKind::DutyLeader,
                    (time(15, 5), 120),
                    1,
                    &[("l1", Role::Lead)],
                ),
                post(
                    "w1-tue-duty_leader",
                    Weekday::Tue,
                    PostKind::DutyLeader,
                    (time(15, 5), 120),
                    1,
                    &[("l1", Role::Lead)],
                ),
                // Short of an adult.
                post(
                    "w1-wed-late-a",
                    Weekday::Wed,
                    PostKind::Late,
                    (time(16, 50), 40),
                    2,
                    &[("t2", Role::Lead)],
                ),
            ],
        );
        plan.posts[5].unmet_reason = Some(kehou_solver::plan::UnmetReason::Text(
            "needs 1 more adult(s); nobody free".to_owned(),
        ));
        // Two weeks: every weekly figure halves.
        plan.cycle_weeks = 2;

        let s = PlanSummary::of(&school, &plan);
        assert_eq!(s.posts, 6);
        assert_eq!(s.fully_staffed, 5);
        // t1: 45 + 75 = 120; t2: 75 + 40 × 1.5 = 135; t3: 60. Per week: 60, 67.5, 30.
        assert_eq!(
            s.teacher_minutes,
            Some(Spread {
                min: 30.0,
                median: 60.0,
                max: 67.5
            })
        );
        // t1 one late duty, t2 two; t3 is exempt and not counted.
        assert_eq!(s.late_duties, Some((1, 2)));
        assert_eq!(
            s.duty_leader_days,
            [
                LeaderDays {
                    staff: StaffId::new("l1"),
                    name: "张建国".to_owned(),
                    days: 2
                },
                LeaderDays {
                    staff: StaffId::new("l2"),
                    name: "李明".to_owned(),
                    days: 0
                },
            ]
        );
        assert_eq!(s.unmet.len(), 1);
        assert_eq!(s.unmet[0].posts, ["w1-wed-late-a"], "{:?}", s.unmet);
        assert!(
            s.unmet[0].reason.to_string().contains("nobody free"),
            "{:?}",
            s.unmet
        );
    }

    #[test]
    fn weights_multiply() {
        let school = school(Vec::new());
        let w = school.rules.weights;
        let late_friday = post("p", Weekday::Fri, PostKind::Late, (time(17, 0), 30), 2, &[]);
        assert_eq!(weight(&w, &late_friday), 1.5 * 1.25);
        let duty = post(
            "d",
            Weekday::Mon,
            PostKind::DutyLeader,
            (time(15, 0), 30),
            1,
            &[],
        );
        assert_eq!(weight(&w, &duty), 1.0);
    }
}
