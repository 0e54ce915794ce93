//! The availability grid: which sessions it shows, how a toggle maps onto
//! the model's unavailability slots, and the lines drawn for one person
//! (the week, the legend, leave).

use kehou_solver::model::{Person, School, SessionKind, Slot, Stance, Weekday};
use ratatui::text::{Line, Span};

use super::AvailabilityScreen;
use crate::tui::doc::Doc;
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::{pad, width};

/// The sessions the school's timetables run, in the day's order.
pub fn sessions(school: &School) -> Vec<SessionKind> {
    let used: Vec<SessionKind> = SessionKind::ALL
        .into_iter()
        .filter(|k| school.timetables.iter().any(|t| t.session(*k).is_some()))
        .collect();
    if used.is_empty() {
        vec![SessionKind::Basic, SessionKind::Extended, SessionKind::Late]
    } else {
        used
    }
}

/// `p` with the slot (day, session) switched between available and not.
pub fn toggled(p: &Person, day: Weekday, session: SessionKind) -> Vec<Slot> {
    let mut slots = p.unavailable.clone();
    if p.is_unavailable(day, session) {
        if slots.contains(&Slot { day, session: None }) {
            slots.retain(|s| !(s.day == day && s.session.is_none()));
            for k in SessionKind::ALL {
                let slot = Slot {
                    day,
                    session: Some(k),
                };
                if k != session && !slots.contains(&slot) {
                    slots.push(slot);
                }
            }
        }
        slots.retain(|s| {
            *s != Slot {
                day,
                session: Some(session),
            }
        });
    } else {
        slots.push(Slot {
            day,
            session: Some(session),
        });
        let whole = SessionKind::ALL.iter().all(|k| {
            slots.contains(&Slot {
                day,
                session: Some(*k),
            })
        });
        if whole {
            slots.retain(|s| s.day != day);
            slots.push(Slot { day, session: None });
        }
    }
    slots.sort();
    slots
}

/// The whole day switched: off if any session is on, else all on.
pub fn toggled_day(p: &Person, day: Weekday) -> Vec<Slot> {
    let all_off = SessionKind::ALL.iter().all(|k| p.is_unavailable(day, *k));
    let mut slots: Vec<Slot> = p
        .unavailable
        .iter()
        .filter(|s| s.day != day)
        .copied()
        .collect();
    if !all_off {
        slots.push(Slot { day, session: None });
    }
    slots.sort();
    slots
}

impl AvailabilityScreen {
    pub(super) fn grid_lines(
        &self,
        p: &Person,
        doc: &Doc,
        t: &Text,
        avail: u16,
    ) -> Vec<Line<'static>> {
        let d = t.data;
        let sessions = sessions(&doc.school);
        let label_w = sessions
            .iter()
            .map(|s| width(t.session(*s)))
            .max()
            .unwrap_or(4)
            + 1;
        let cell_w = ((usize::from(avail).saturating_sub(label_w)) / 5).clamp(4, 14);
        let mut lines = Vec::new();
        let legend_w = [d.cell_free, d.cell_off, d.cell_off_day]
            .iter()
            .map(|m| width(m))
            .max()
            .unwrap_or(2);
        let mut head = vec![Span::raw(" ".repeat(label_w))];
        for day in Weekday::ALL {
            head.push(Span::styled(
                pad(&format!(" {}", t.weekday(day)), cell_w),
                theme::header(),
            ));
        }
        lines.push(Line::from(head));
        for (si, session) in sessions.iter().enumerate() {
            let mut spans = vec![Span::styled(
                pad(t.session(*session), label_w),
                theme::header(),
            )];
            for (di, day) in Weekday::ALL.into_iter().enumerate() {
                let off = p.is_unavailable(day, *session);
                let whole = p.unavailable.contains(&Slot { day, session: None });
                let mark = if !off {
                    d.cell_free
                } else if whole {
                    d.cell_off_day
                } else {
                    d.cell_off
                };
                let pref = p
                    .preferences
                    .iter()
                    .find(|pr| pr.matches(day, *session))
                    .map_or("", |pr| {
                        if pr.stance == Stance::Want {
                            "+"
                        } else {
                            "−"
                        }
                    });
                let here = self.in_grid
                    && di == self.day.min(4)
                    && si == self.session.min(sessions.len() - 1);
                let (cursor, style) = match (here, off) {
                    (true, _) => ("▸", theme::selected()),
                    (false, true) => (" ", theme::bad()),
                    (false, false) => (" ", theme::good()),
                };
                spans.push(Span::styled(
                    pad(&format!("{cursor}{mark}{pref}"), cell_w.saturating_sub(1)),
                    style,
                ));
                spans.push(Span::raw(" "));
            }
            lines.push(Line::from(spans));
        }
        if doc.plan_is_stale() {
            lines.push(Line::styled(format!("⚠ {}", d.plan_stale), theme::warn()));
        }
        lines.push(Line::raw(""));
        for (mark, style, what) in [
            (d.cell_free, theme::good(), d.legend_free),
            (d.cell_off, theme::bad(), d.legend_off),
            (d.cell_off_day, theme::bad(), d.legend_off_day),
        ] {
            lines.push(Line::from(vec![
                Span::styled(format!(" {}", pad(mark, legend_w)), style),
                Span::raw(format!(" {what}")),
            ]));
        }
        lines.push(Line::styled(format!(" {}", d.legend_prefs), theme::dim()));
        lines.push(Line::raw(""));
        lines.push(Line::styled(d.leave, theme::header()));
        if p.leave.is_empty() {
            lines.push(Line::styled(format!("  {}", d.no_leave), theme::dim()));
        }
        for l in &p.leave {
            lines.push(Line::raw(format!("  {} – {}  {}", l.from, l.to, l.reason)));
        }
        if let Some(cap) = p.max_per_week {
            lines.push(Line::raw(fill(d.cap_line, &[&cap])));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehou_solver::model::StaffKind;

    #[test]
    fn toggling_maps_to_unavailability_faithfully() {
        let mut p = Person::new("t1", "王丽", StaffKind::Teacher);
        p.unavailable = toggled(&p, Weekday::Thu, SessionKind::Basic);
        assert_eq!(
            p.unavailable,
            vec![Slot {
                day: Weekday::Thu,
                session: Some(SessionKind::Basic)
            }]
        );
        p.unavailable = toggled(&p, Weekday::Thu, SessionKind::Basic);
        assert!(p.unavailable.is_empty());
        // A whole day split by turning one session back on.
        p.unavailable = vec![Slot {
            day: Weekday::Fri,
            session: None,
        }];
        p.unavailable = toggled(&p, Weekday::Fri, SessionKind::Late);
        assert!(!p.is_unavailable(Weekday::Fri, SessionKind::Late));
        assert!(p.is_unavailable(Weekday::Fri, SessionKind::Basic));
        assert_eq!(p.unavailable.len(), SessionKind::ALL.len() - 1);
        // And joined again when the last session goes off.
        p.unavailable = toggled(&p, Weekday::Fri, SessionKind::Late);
        assert_eq!(
            p.unavailable,
            vec![Slot {
                day: Weekday::Fri,
                session: None
            }]
        );
        p.unavailable = toggled_day(&p, Weekday::Fri);
        assert!(p.unavailable.is_empty());
        p.unavailable = toggled_day(&p, Weekday::Mon);
        assert_eq!(
            p.unavailable,
            vec![Slot {
                day: Weekday::Mon,
                session: None
            }]
        );
    }
}
