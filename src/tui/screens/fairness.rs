//! The overview's fairness panel: each teacher's weighted minutes per week
//! against their fair share, as bars (most and least loaded when they do not
//! all fit), and how late duties are spread.

use std::collections::BTreeMap;

use kehou_solver::eligibility::{participates, staffing};
use kehou_solver::milp::objective::water_level;
use kehou_solver::model::StaffKind;
use kehou_solver::plan::PostKind;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::View;
use crate::export::summary::{weight, PlanSummary};
use crate::tui::doc::Doc;
use crate::tui::text::fill;
use crate::tui::theme;
use crate::tui::widgets::boxed;
use crate::tui::widgets::{pad, truncate, width, wrap};

/// One teacher's weighted minutes per week against their fair share.
#[derive(Debug, Clone, PartialEq)]
pub struct TeacherLoad {
    pub name: String,
    pub minutes: f64,
    pub target: f64,
    pub late: u32,
    /// Exempt from late duty (so left out of the late-duty spread).
    pub no_late: bool,
}

/// Every scheduled teacher's load, most loaded first. The target is the
/// teachers' total shared out by each one's fair share (part time, teaching
/// periods), water-filled as the solver's fairness terms see it
/// (docs/model.md §5.4): a teacher the band lists as held below it by their
/// own caps or availability is given the most they could carry, and the
/// others share the rest.
pub fn teacher_loads(doc: &Doc) -> Vec<TeacherLoad> {
    let (school, plan) = (&doc.school, &doc.plan);
    let weeks = f64::from(plan.cycle_weeks.max(1));
    let mut minutes: BTreeMap<&str, (f64, u32)> = BTreeMap::new();
    for post in &plan.posts {
        let w = f64::from(post.minutes()) * weight(&school.rules.weights, post) / weeks;
        for a in &post.staff {
            let e = minutes.entry(a.staff.as_str()).or_default();
            e.0 += w;
            e.1 += u32::from(post.kind == PostKind::Late);
        }
    }
    let teachers: Vec<_> = school
        .staff
        .iter()
        .filter(|p| p.kind == StaffKind::Teacher && participates(school, p))
        .map(|p| (p, staffing(school, p, plan.cycle_weeks).share))
        .collect();
    let total: f64 = teachers
        .iter()
        .map(|(p, _)| minutes.get(p.id.as_str()).map_or(0.0, |m| m.0))
        .sum();
    let shares: Vec<f64> = teachers.iter().map(|(_, s)| *s).collect();
    let held = plan
        .solve
        .band
        .as_ref()
        .map_or(&[][..], |b| &b.held_below[..]);
    let most: Vec<f64> = teachers
        .iter()
        .map(|(p, share)| {
            held.iter()
                .find(|h| h.staff == p.id)
                .map_or(f64::INFINITY, |h| h.reachable * share)
        })
        .collect();
    let level = water_level(total, &shares, &most);
    let mut out: Vec<TeacherLoad> = teachers
        .iter()
        .zip(&most)
        .map(|((p, share), most)| {
            let (m, late) = minutes.get(p.id.as_str()).copied().unwrap_or_default();
            TeacherLoad {
                name: p.name.clone(),
                minutes: m,
                target: if level.is_finite() {
                    (share * level).min(*most)
                } else {
                    *most
                },
                late,
                no_late: p.no_late,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.minutes
            .total_cmp(&a.minutes)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

pub fn draw_fairness(frame: &mut Frame, area: Rect, view: &View<'_>) {
    let t = view.text;
    let loads = teacher_loads(view.doc);
    let block = boxed(t.ov_fairness);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if view.doc.plan.posts.is_empty() {
        frame.render_widget(Line::styled(t.ov_no_plan_yet, theme::warn()), inner);
        return;
    }
    if loads.is_empty() || inner.height < 2 {
        return;
    }
    let summary = PlanSummary::of(&view.doc.school, &view.doc.plan);
    // How many teachers have 0, 1, 2 … late duties: "0×5 1×50 2×8".
    let mut by_count: BTreeMap<u32, usize> = BTreeMap::new();
    for l in loads.iter().filter(|l| !l.no_late) {
        *by_count.entry(l.late).or_default() += 1;
    }
    let spread: Vec<String> = by_count.iter().map(|(n, k)| format!("{n}×{k}")).collect();
    let late = summary.late_duties.map_or_else(String::new, |(lo, hi)| {
        format!(
            "{}{}  ({})",
            t.ov_late,
            fill(t.ov_late_line, &[&lo, &hi]),
            spread.join(" ")
        )
    });
    let legend = format!(
        "█ {}  │ {}   {}",
        t.ov_fairness_minutes, t.ov_target, t.ov_fairness_note
    );
    // The two header lines wrap rather than being cut at 80 columns.
    let cols = usize::from(inner.width);
    let mut lines: Vec<Line> = wrap(&late, cols, 2).into_iter().map(Line::raw).collect();
    lines.extend(
        wrap(&legend, cols, 2)
            .into_iter()
            .map(|l| Line::styled(l, theme::dim())),
    );
    let rows = usize::from(inner.height).saturating_sub(lines.len() + 1);
    // Too many teachers to show: the most and the least loaded, the middle elided.
    let shown: Vec<Option<&TeacherLoad>> = if loads.len() <= rows {
        loads.iter().map(Some).collect()
    } else {
        let top = rows / 2;
        let bottom = rows.saturating_sub(top + 1);
        loads[..top]
            .iter()
            .map(Some)
            .chain(std::iter::once(None))
            .chain(loads[loads.len() - bottom..].iter().map(Some))
            .collect()
    };
    let name_w = loads
        .iter()
        .map(|l| width(&l.name))
        .max()
        .unwrap_or(4)
        .min(10);
    let numbers_w = 10;
    let bar_w = usize::from(inner.width)
        .saturating_sub(name_w + numbers_w + 2)
        .max(4);
    let scale = loads
        .iter()
        .map(|l| l.minutes.max(l.target))
        .fold(1.0_f64, f64::max);
    for load in shown {
        let Some(l) = load else {
            lines.push(Line::styled("  ⋮", theme::dim()));
            continue;
        };
        let filled = ((l.minutes / scale) * bar_w as f64).round() as usize;
        let target_at =
            (((l.target / scale) * bar_w as f64).round() as usize).min(bar_w.saturating_sub(1));
        let over = l.minutes > l.target * 1.1;
        let under = l.minutes < l.target * 0.9;
        let style = if over {
            theme::warn()
        } else if under {
            theme::dim()
        } else {
            theme::good()
        };
        let mut bar = String::with_capacity(bar_w * 3);
        for i in 0..bar_w {
            bar.push(match (i < filled, i == target_at) {
                (_, true) => '│',
                (true, false) => '█',
                (false, false) => ' ',
            });
        }
        lines.push(Line::from(vec![
            Span::raw(pad(&truncate(&l.name, name_w), name_w + 1)),
            Span::styled(bar, style),
            Span::raw(format!(" {:>4.0}/{:<4.0}", l.minutes, l.target)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::teacher_loads;
    use crate::tui::doc::{plan_path_for, Doc};
    use kehou_solver::plan::{FairBand, HeldBelow, Holder};
    use std::path::Path;

    /// The demo school, solved for a second.
    fn solved() -> Doc {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/demo.school.ron");
        let school = crate::files::load_school(&path).unwrap();
        let solved = kehou_solver::milp::solve(
            &school,
            &kehou_solver::milp::SolveOptions {
                time_limit_seconds: Some(1.0),
                ..Default::default()
            },
        );
        Doc::new(
            school,
            Some(solved.plan),
            path.clone(),
            plan_path_for(&path),
        )
    }

    #[test]
    fn a_teacher_held_below_the_band_is_given_what_they_can_reach() {
        let mut doc = solved();
        doc.plan.solve.band = None;
        let plain = teacher_loads(&doc);
        let total: f64 = plain.iter().map(|l| l.minutes).sum();
        let targets: f64 = plain.iter().map(|l| l.target).sum();
        assert!(total > 0.0 && (targets - total).abs() < 1e-6);
        // The most loaded teacher, said to be held below at a third of
        // their target: that is their target now, and the others share
        // what it frees, each in proportion to the target they had.
        let held = &plain[0];
        let staff = doc
            .school
            .staff
            .iter()
            .find(|p| p.name == held.name)
            .unwrap();
        let share =
            kehou_solver::eligibility::staffing(&doc.school, staff, doc.plan.cycle_weeks).share;
        let reachable = held.target / 3.0 / share;
        doc.plan.solve.band = Some(FairBand {
            held_below: vec![HeldBelow {
                staff: staff.id.clone(),
                reachable,
                because: Holder::CapPerWeek(1),
            }],
            ..FairBand::default()
        });
        let filled = teacher_loads(&doc);
        let target_of = |loads: &[super::TeacherLoad], name: &str| {
            loads.iter().find(|l| l.name == name).unwrap().target
        };
        assert!((target_of(&filled, &held.name) - held.target / 3.0).abs() < 1e-6);
        let freed = held.target * 2.0 / 3.0;
        let others: f64 = total - held.target;
        for l in plain.iter().filter(|l| l.name != held.name) {
            let grown = l.target * (1.0 + freed / others);
            assert!(
                (target_of(&filled, &l.name) - grown).abs() < 1e-6,
                "{}: {} → {}, expected {grown}",
                l.name,
                l.target,
                target_of(&filled, &l.name)
            );
        }
        let sum: f64 = filled.iter().map(|l| l.target).sum();
        assert!((sum - total).abs() < 1e-6);
    }
}
