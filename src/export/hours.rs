//! Hours per person for the term: the after-school line item of performance
//! pay (绩效工资). Counted on real dates — holidays skipped, make-up days
//! counted, each date timed by its season, substitutions applied — so a
//! person who covered a sick colleague's late group is paid for it, and the
//! colleague is not.

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use kehou_solver::dated::{self, DayRoster};
use kehou_solver::model::{StaffId, StaffKind};
use kehou_solver::plan::PostKind;
use kehou_solver::{Plan, School};

use super::csv::{spreadsheet_safe, BOM};

/// The post kinds in the order the columns show them.
pub const KINDS: [PostKind; 6] = [
    PostKind::Homework,
    PostKind::Club,
    PostKind::Late,
    PostKind::Reception,
    PostKind::DutyLeader,
    PostKind::Gate,
];

/// One person's term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hours {
    pub staff: StaffId,
    pub name: String,
    pub kind: StaffKind,
    /// Dates with at least one post.
    pub days: u32,
    pub posts: u32,
    /// Minutes by post kind, in the order of [`KINDS`].
    pub minutes: [u32; 6],
    /// Late-group and reception posts: the ones that keep a person longest.
    pub late_duties: u32,
    /// Posts taken over from someone else, and own posts given up.
    pub covered: u32,
    pub released: u32,
}

impl Hours {
    pub fn total_minutes(&self) -> u32 {
        self.minutes.iter().sum()
    }

    /// Total hours, to two decimals, as finance offices write them.
    pub fn total_hours(&self) -> String {
        let m = self.total_minutes();
        format!("{}.{:02}", m / 60, (m % 60) * 100 / 60)
    }
}

fn column(kind: PostKind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or_default()
}

/// Every person of the school (in the staff list's order) with their term.
pub fn term_hours(school: &School, plan: &Plan) -> Vec<Hours> {
    hours_of(school, &dated::term_roster(school, plan), plan)
}

/// One person's posts, counted as the dates go by.
#[derive(Default)]
struct Tally {
    dates: BTreeSet<chrono::NaiveDate>,
    posts: u32,
    minutes: [u32; 6],
    late: u32,
}

/// The hours over the given dates.
pub fn hours_of(school: &School, term: &[DayRoster], plan: &Plan) -> Vec<Hours> {
    let counts = dated::substitution_counts(plan);
    let mut by_person: BTreeMap<&StaffId, Tally> = BTreeMap::new();
    for day in term {
        for dp in &day.posts {
            let post = &dp.post;
            for a in &post.staff {
                let entry = by_person.entry(&a.staff).or_default();
                entry.dates.insert(day.day.date);
                entry.posts += 1;
                entry.minutes[column(post.kind)] += post.minutes();
                if matches!(post.kind, PostKind::Late | PostKind::Reception) {
                    entry.late += 1;
                }
            }
        }
    }
    school
        .staff
        .iter()
        .map(|p| {
            let tally = by_person.remove(&p.id).unwrap_or_default();
            let count = counts.get(&p.id).copied().unwrap_or_default();
            Hours {
                staff: p.id.clone(),
                name: p.name.clone(),
                kind: p.kind,
                days: tally.dates.len() as u32,
                posts: tally.posts,
                minutes: tally.minutes,
                late_duties: tally.late,
                covered: count.covered,
                released: count.released,
            }
        })
        .collect()
}

/// The CSV header of the hours file.
pub const HEADER: [&str; 15] = [
    "staff_id",
    "staff_name",
    "staff_kind",
    "days",
    "posts",
    "homework_minutes",
    "club_minutes",
    "late_minutes",
    "reception_minutes",
    "duty_leader_minutes",
    "gate_minutes",
    "late_duties",
    "substitutions_covered",
    "substitutions_released",
    "total_hours",
];

/// The hours as CSV: UTF-8 with a byte-order mark, formula-safe cells; the
/// header and the kinds of staff in `lang` (the workbook's own headers in
/// Chinese).
pub fn csv(hours: &[Hours], lang: crate::words::Lang) -> io::Result<Vec<u8>> {
    let mut bytes = BOM.as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut bytes);
    writer.write_record(match lang {
        crate::words::Lang::Zh => super::xlsx::HOURS_HEADER,
        crate::words::Lang::En => HEADER,
    })?;
    for h in hours {
        let mut cells = vec![
            h.staff.to_string(),
            h.name.clone(),
            match lang {
                crate::words::Lang::Zh => h.kind.chinese().to_owned(),
                crate::words::Lang::En => h.kind.code().to_owned(),
            },
            h.days.to_string(),
            h.posts.to_string(),
        ];
        cells.extend(h.minutes.iter().map(u32::to_string));
        cells.extend([
            h.late_duties.to_string(),
            h.covered.to_string(),
            h.released.to_string(),
            h.total_hours(),
        ]);
        writer.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))?;
    }
    writer.flush()?;
    drop(writer);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_written_with_two_decimals() {
        let h = Hours {
            staff: StaffId::new("t1"),
            name: "王丽".into(),
            kind: StaffKind::Teacher,
            days: 2,
            posts: 3,
            minutes: [70, 0, 35, 0, 0, 0],
            late_duties: 1,
            covered: 1,
            released: 0,
        };
        assert_eq!(h.total_minutes(), 105);
        assert_eq!(h.total_hours(), "1.75");
    }
}
