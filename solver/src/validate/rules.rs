//! Rules (ratios, who may lead, caps, weights) and daily duties (duty leader,
//! gate, reception room).

use super::finding::{Field, Subject};
use super::problems::{RatioName, RuleProblem, WeightName};
use super::rooms::room_ref;
use super::Findings;
use crate::model::{Participation, Ratio, RoomKind, School, StaffKind};

pub(super) fn check(school: &School, out: &mut Findings) {
    let rules = &school.rules;
    if !(1..=4).contains(&rules.cycle_weeks) {
        out.error(
            Subject::Rules,
            Field::CycleWeeks,
            RuleProblem::CycleWeeks {
                weeks: rules.cycle_weeks,
            },
        );
    }
    let r = &rules.ratios;
    let ratios: [(RatioName, &Ratio); 5] = [
        (RatioName::Homework, &r.homework),
        (RatioName::Club, &r.club),
        (RatioName::Late, &r.late),
        (RatioName::Care, &r.care),
        (RatioName::Evening, &r.evening),
    ];
    for (ratio, value) in ratios {
        if value.students_per_adult == 0 {
            out.error(
                Subject::Rules,
                Field::Ratios,
                RuleProblem::RatioZero { ratio },
            );
        }
    }
    if rules.may_lead.is_empty() {
        out.error(Subject::Rules, Field::MayLead, RuleProblem::MayLeadEmpty);
    }
    for (i, cap) in rules.caps.iter().enumerate() {
        if cap.per_day > cap.per_week {
            out.error(
                Subject::Rules,
                Field::Caps,
                RuleProblem::CapsContradict {
                    kind: cap.kind,
                    per_day: cap.per_day,
                    per_week: cap.per_week,
                },
            );
        }
        if rules.caps.iter().take(i).any(|c| c.kind == cap.kind) {
            out.warning(
                Subject::Rules,
                Field::Caps,
                RuleProblem::CapsTwice { kind: cap.kind },
            );
        }
    }
    let w = &rules.weights;
    let weights = [
        (WeightName::Late, w.late_percent),
        (WeightName::Friday, w.friday_percent),
        (WeightName::DutyLeader, w.duty_leader_percent),
    ];
    for (weight, value) in weights {
        if value == 0 {
            out.error(
                Subject::Rules,
                Field::Weights,
                RuleProblem::WeightZero { weight },
            );
        }
    }
    if rules.merge_groups.enabled && rules.merge_groups.max_students == 0 {
        out.warning(
            Subject::Rules,
            Field::MergeGroups,
            RuleProblem::MergeMaxZero,
        );
    }
    if rules.time_limit_seconds == 0 {
        out.warning(Subject::Rules, Field::TimeLimit, RuleProblem::TimeLimitZero);
    }
    if rules.participation == Participation::Voluntary
        && !school.staff.is_empty()
        && !school.staff.iter().any(|p| p.opted_in)
    {
        out.warning(
            Subject::Rules,
            Field::Participation,
            RuleProblem::NobodyOptedIn,
        );
    }
}

pub(super) fn check_duties(school: &School, out: &mut Findings) {
    let duties = &school.duties;
    if duties.duty_leader && !school.staff.iter().any(|p| p.kind == StaffKind::Leader) {
        out.warning(
            Subject::Duties,
            Field::DutyLeader,
            RuleProblem::NoLeaderForDuty,
        );
    }
    if duties.gate.adults > 0 && duties.gate.in_place_minutes > 60 {
        out.warning(
            Subject::Duties,
            Field::Gate,
            RuleProblem::GateInPlaceLong {
                minutes: duties.gate.in_place_minutes,
            },
        );
    }
    if duties.gate.adults > 0 && duties.gate.minutes == 0 {
        out.warning(Subject::Duties, Field::Gate, RuleProblem::GateNoMinutes);
    }
    let Some(reception) = &duties.reception else {
        return;
    };
    if reception.adults == 0 {
        out.error(
            Subject::Duties,
            Field::Reception,
            RuleProblem::ReceptionNoAdults,
        );
    }
    match school.room(&reception.room) {
        None => out.error(
            Subject::Duties,
            Field::Reception,
            RuleProblem::ReceptionUnknownRoom {
                room: reception.room.clone(),
            },
        ),
        Some(room) if room.kind != RoomKind::Reception => out.warning(
            Subject::Duties,
            Field::Reception,
            RuleProblem::ReceptionWrongKind {
                room: room_ref(room),
                kind: room.kind,
            },
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, tiny_school};
    use crate::model::{KindCaps, Participation, RoomId, StaffKind};

    fn has(m: &[String], s: &str) -> bool {
        m.iter().any(|m| m.contains(s))
    }

    #[test]
    fn cycle_weeks_outside_one_to_four_is_an_error() {
        for weeks in [0, 5, u8::MAX] {
            let mut s = tiny_school();
            s.rules.cycle_weeks = weeks;
            assert!(has(
                &messages(&s),
                &format!("error: rules: cycle_weeks is {weeks}")
            ));
        }
    }

    #[test]
    fn a_ratio_of_zero_students_per_adult_is_an_error() {
        let mut s = tiny_school();
        s.rules.ratios.late.students_per_adult = 0;
        assert!(has(
            &messages(&s),
            "error: rules: the late ratio has students_per_adult: 0"
        ));
    }

    #[test]
    fn empty_may_lead_is_an_error() {
        let mut s = tiny_school();
        s.rules.may_lead.clear();
        assert!(has(&messages(&s), "error: rules: may_lead is empty"));
    }

    #[test]
    fn caps_per_day_above_per_week_is_an_error() {
        let mut s = tiny_school();
        s.rules.caps.push(KindCaps {
            kind: StaffKind::Coach,
            per_week: 1,
            per_day: 2,
        });
        let m = messages(&s);
        assert!(
            has(
                &m,
                "error: rules: the caps for coach allow 2 posts a day but only 1 a week"
            ),
            "{m:#?}"
        );
        assert!(
            has(&m, "warning: rules: caps lists coach more than once"),
            "{m:#?}"
        );
    }

    #[test]
    fn zero_weights_are_errors() {
        let mut s = tiny_school();
        s.rules.weights.late_percent = 0;
        s.rules.weights.duty_leader_percent = 0;
        let m = messages(&s);
        assert!(has(&m, "error: rules: weights.late_percent is 0"), "{m:#?}");
        assert!(
            has(&m, "error: rules: weights.duty_leader_percent is 0"),
            "{m:#?}"
        );
    }

    #[test]
    fn voluntary_participation_with_nobody_opted_in_is_a_shortage_warning() {
        let mut s = tiny_school();
        s.rules.participation = Participation::Voluntary;
        assert!(messages(&s).is_empty());
        for p in &mut s.staff {
            p.opted_in = false;
        }
        assert!(has(
            &messages(&s),
            "warning: rules: participation is Voluntary but nobody has opted_in"
        ));
    }

    #[test]
    fn duty_leader_without_any_leader_is_a_shortage_warning() {
        let mut s = tiny_school();
        for p in &mut s.staff {
            if p.kind == StaffKind::Leader {
                p.kind = StaffKind::Teacher;
            }
        }
        assert!(has(
            &messages(&s),
            "warning: duties: duty_leader is on but nobody on the staff is a Leader"
        ));
        s.duties.duty_leader = false;
        assert!(messages(&s).is_empty());
    }

    #[test]
    fn reception_room_unknown_or_of_another_kind() {
        let mut s = tiny_school();
        if let Some(r) = s.duties.reception.as_mut() {
            r.room = RoomId::new("r999");
            r.adults = 0;
        }
        let m = messages(&s);
        assert!(
            has(
                &m,
                "error: duties: the reception room r999 is not in the list of rooms"
            ),
            "{m:#?}"
        );
        assert!(
            has(&m, "error: duties: the reception room has adults: 0"),
            "{m:#?}"
        );
        if let Some(r) = s.duties.reception.as_mut() {
            r.room = RoomId::new("art");
            r.adults = 1;
        }
        assert!(has(&messages(&s), "warning: duties: the reception room is room art (美术室), whose kind is art, not Reception"));
    }
}
