//! Rules (ratios, who may lead, caps, weights) and daily duties (duty leader,
//! gate, reception room).

use super::{room_label, Findings};
use crate::model::{Participation, Ratio, RoomKind, School, StaffKind};

pub(super) fn check(school: &School, out: &mut Findings) {
    let rules = &school.rules;
    if !(1..=4).contains(&rules.cycle_weeks) {
        out.error(
            "rules",
            format!(
                "cycle_weeks is {}; the rotation cycle must be 1 to 4 weeks",
                rules.cycle_weeks
            ),
            "set cycle_weeks to 1 (same every week), 2 (A/B weeks), 3 or 4",
        );
    }
    let r = &rules.ratios;
    let ratios: [(&str, &Ratio); 5] = [
        ("homework", &r.homework),
        ("club", &r.club),
        ("late", &r.late),
        ("care", &r.care),
        ("evening", &r.evening),
    ];
    for (name, ratio) in ratios {
        if ratio.students_per_adult == 0 {
            out.error(
                "rules",
                format!("the {name} ratio has students_per_adult: 0, so no number of adults is enough"),
                format!("set ratios.{name}.students_per_adult to the students one adult may supervise, e.g. 45 for homework"),
            );
        }
    }
    if rules.may_lead.is_empty() {
        out.error(
            "rules",
            "may_lead is empty, so nobody may be the responsible adult of a group",
            "list the kinds of staff who may lead, e.g. may_lead: [Teacher, Leader, Retired, Coach]",
        );
    }
    for (i, cap) in rules.caps.iter().enumerate() {
        let kind = cap.kind.code();
        if cap.per_day > cap.per_week {
            out.error(
                "rules",
                format!(
                    "the caps for {kind} allow {} posts a day but only {} a week",
                    cap.per_day, cap.per_week
                ),
                format!("make caps per_day for {kind} at most per_week"),
            );
        }
        if rules.caps.iter().take(i).any(|c| c.kind == cap.kind) {
            out.warning(
                "rules",
                format!("caps lists {kind} more than once; only the first entry counts"),
                format!("keep one caps entry for {kind}"),
            );
        }
    }
    let w = &rules.weights;
    let weights = [
        ("late_percent", w.late_percent, "late-group duty"),
        ("friday_percent", w.friday_percent, "Friday duty"),
        (
            "duty_leader_percent",
            w.duty_leader_percent,
            "duty-leader duty",
        ),
    ];
    for (name, value, what) in weights {
        if value == 0 {
            out.error(
                "rules",
                format!("weights.{name} is 0, so {what} would count for nothing when sharing work fairly"),
                format!("set weights.{name} to 100 to count it like any other duty, or more to count it extra"),
            );
        }
    }
    if rules.merge_groups.enabled && rules.merge_groups.max_students == 0 {
        out.warning(
            "rules",
            "merge_groups is on with max_students: 0, so no classes can be merged",
            "set merge_groups.max_students (45 is usual), or turn merging off",
        );
    }
    if rules.time_limit_seconds == 0 {
        out.warning(
            "rules",
            "time_limit_seconds is 0, so the solver has no time to make a plan",
            "set time_limit_seconds, e.g. 60",
        );
    }
    if rules.participation == Participation::Voluntary
        && !school.staff.is_empty()
        && !school.staff.iter().any(|p| p.opted_in)
    {
        out.warning(
            "rules",
            "participation is Voluntary but nobody has opted_in, so nobody can be scheduled and every post will be listed as unmet",
            "set opted_in: true for the people who signed up, or use participation: AllStaff",
        );
    }
}

pub(super) fn check_duties(school: &School, out: &mut Findings) {
    let duties = &school.duties;
    if duties.duty_leader && !school.staff.iter().any(|p| p.kind == StaffKind::Leader) {
        out.warning(
            "duties",
            "duty_leader is on but nobody on the staff is a Leader, so there is no one to be duty leader (值班领导) and every day's duty leader will be listed as unmet",
            "set kind: Leader for the school leaders, or turn duty_leader off",
        );
    }
    if duties.gate.adults > 0 && duties.gate.in_place_minutes > 60 {
        out.warning(
            "duties",
            format!(
                "gate escorts stand at the gate {} minutes before each wave",
                duties.gate.in_place_minutes
            ),
            "set gate.in_place_minutes to the few minutes they need (5 is usual)",
        );
    }
    if duties.gate.adults > 0 && duties.gate.minutes == 0 {
        out.warning(
            "duties",
            "gate duty needs adults but lasts 0 minutes",
            "set gate.minutes (15 is usual), or gate.adults: 0 for no gate duty",
        );
    }
    let Some(reception) = &duties.reception else {
        return;
    };
    if reception.adults == 0 {
        out.error(
            "duties",
            "the reception room (接待室) has adults: 0, but waiting students must never be left alone",
            "set reception.adults to 1 or more",
        );
    }
    match school.room(&reception.room) {
        None => out.error(
            "duties",
            format!(
                "the reception room {} is not in the list of rooms",
                reception.room
            ),
            "correct reception.room, or add the room",
        ),
        Some(room) if room.kind != RoomKind::Reception => out.warning(
            "duties",
            format!(
                "the reception room is {}, whose kind is {}, not Reception",
                room_label(room),
                room.kind
            ),
            "check reception.room, or set that room's kind to Reception",
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
            has(
                &m,
                "error: duties: the reception room (接待室) has adults: 0"
            ),
            "{m:#?}"
        );
        if let Some(r) = s.duties.reception.as_mut() {
            r.room = RoomId::new("art");
            r.adults = 1;
        }
        assert!(has(&messages(&s), "warning: duties: the reception room is room art (美术室), whose kind is art, not Reception"));
    }
}
