//! Rules about recording sick calls that the command line and the terminal
//! UI share, so the two never disagree about what may be recorded.

use kehou_solver::plan::Absence;
use kehou_solver::Plan;

/// The absence already recorded for the same person that `new` would
/// duplicate: one whose dates and sessions overlap it (an empty session
/// list is the whole day). Recording it again would count the same sick
/// call twice; to change one, it is taken back and recorded anew.
pub fn already_recorded<'a>(plan: &'a Plan, new: &Absence) -> Option<&'a Absence> {
    plan.absences.iter().find(|old| {
        old.staff == new.staff
            && old.from <= new.to
            && new.from <= old.to
            && (old.sessions.is_empty()
                || new.sessions.is_empty()
                || old.sessions.iter().any(|s| new.sessions.contains(s)))
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use kehou_solver::model::{SessionKind, StaffId};

    use super::*;

    fn absence(from: u32, to: u32, sessions: &[SessionKind]) -> Absence {
        let day = |d| NaiveDate::from_ymd_opt(2026, 9, d).unwrap();
        Absence {
            staff: StaffId::new("t1"),
            from: day(from),
            to: day(to),
            sessions: sessions.to_vec(),
            reason: "病假".into(),
        }
    }

    #[test]
    fn overlapping_sick_calls_of_one_person_are_duplicates() {
        let mut plan = Plan::empty(String::new(), 1);
        plan.absences.push(absence(8, 10, &[]));
        assert!(already_recorded(&plan, &absence(8, 8, &[])).is_some());
        assert!(already_recorded(&plan, &absence(10, 12, &[SessionKind::Late])).is_some());
        assert!(already_recorded(&plan, &absence(11, 12, &[])).is_none());
        let mut other = absence(8, 8, &[]);
        other.staff = StaffId::new("t2");
        assert!(already_recorded(&plan, &other).is_none());
        plan.absences[0].sessions = vec![SessionKind::Late];
        assert!(already_recorded(&plan, &absence(9, 9, &[SessionKind::Basic])).is_none());
    }
}
