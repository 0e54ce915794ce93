//! The two boxes of the sick-calls screen. Taking an absence back: the
//! repair (`repair::remove_absence`, on a worker) and its diff — places
//! restored to their own person, new covers where the person still cannot
//! return — accepted as one undoable edit or rejected. Choosing a cover by
//! hand: the ranked candidates of one place (`repair::candidates`), and the
//! pick (`repair::choose`, checked with `check::new_violations`) as one edit; a
//! pick that breaks a hard rule is refused with the reason.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use kehou_solver::check::{new_violations, Violation};
use kehou_solver::model::StaffId;
use kehou_solver::plan::Absence;
use kehou_solver::repair::{self, BreakRule, Candidate, Repair};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::rows::{days, name, post_words};
use crate::tui::event::RemoveResult;
use crate::tui::screens::{Cx, View};
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::table::{draw_table, TableRow, TableState};

/// Taking an absence back: waiting for the repair, then its diff.
#[derive(Debug, Clone)]
pub enum Removal {
    Waiting(Absence),
    Review {
        absence: Absence,
        repair: Box<Repair>,
        violations: Vec<Violation>,
        scroll: u16,
    },
}

/// The candidates for one place on one date.
#[derive(Debug, Clone)]
pub struct Pick {
    pub date: NaiveDate,
    pub post: String,
    /// Whose place (None: a missing adult's).
    pub out: Option<StaffId>,
    pub candidates: Vec<Candidate>,
    pub table: TableState,
    /// Why the last choice was refused.
    pub error: Option<String>,
}

impl Pick {
    /// The candidates of a place, or why they cannot be listed.
    pub fn open(
        cx: &Cx<'_>,
        date: NaiveDate,
        post: &str,
        out: Option<&StaffId>,
    ) -> Result<Pick, String> {
        let (_, candidates) = repair::candidates(&cx.doc.school, &cx.doc.plan, date, post, out)
            .map_err(|e| e.to_string())?;
        Ok(Pick {
            date,
            post: post.to_owned(),
            out: out.cloned(),
            candidates,
            table: TableState::default(),
            error: None,
        })
    }
}

/// A finished removal: to its diff, or closed with the reason.
pub fn removed(removal: &mut Option<Removal>, result: RemoveResult, t: &Text) -> Option<String> {
    let Some(Removal::Waiting(waiting)) = removal.as_ref() else {
        return None;
    };
    if *waiting != result.absence {
        return None;
    }
    match result.repair {
        Ok(repair) => {
            *removal = Some(Removal::Review {
                absence: result.absence,
                repair: Box::new(repair),
                violations: result.violations,
                scroll: 0,
            });
            None
        }
        Err(e) => {
            *removal = None;
            Some(fill(t.cover.remove_failed, &[&e]))
        }
    }
}

/// Keys of an open removal; false once it is closed.
pub fn removal_key(removal: &mut Removal, key: KeyEvent, cx: &mut Cx<'_>) -> bool {
    let t = cx.text;
    match removal {
        Removal::Waiting(_) => key.code != KeyCode::Esc,
        Removal::Review {
            absence,
            repair,
            violations,
            scroll,
        } => match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                *scroll = scroll.saturating_sub(1);
                true
            }
            KeyCode::Down | KeyCode::Char('j') => {
                *scroll = scroll.saturating_add(1);
                true
            }
            KeyCode::Enter | KeyCode::Char('y') if violations.is_empty() => {
                let label = fill(
                    t.cover.edit_remove,
                    &[
                        &name(cx.doc, &absence.staff),
                        &days(absence.from, absence.to, t),
                    ],
                );
                let plan = repair.plan.clone();
                let _ = cx.doc.edit(label.clone(), |_, p| {
                    *p = plan;
                    Ok::<_, ()>(())
                });
                cx.say(fill(t.cover.chosen, &[&label]));
                false
            }
            KeyCode::Esc | KeyCode::Char('n') => {
                cx.say(t.cover.rejected);
                false
            }
            _ => true,
        },
    }
}

fn rows(pick: &Pick, t: &Text) -> Vec<TableRow> {
    let c = t.cover;
    pick.candidates
        .iter()
        .enumerate()
        .map(|(i, cand)| {
            let breaks = if cand.breaks.is_empty() {
                c.breaks_nothing.to_owned()
            } else {
                let mut rules: Vec<BreakRule> = cand.breaks.iter().map(|b| b.rule).collect();
                rules.dedup();
                rules
                    .iter()
                    .map(|r| {
                        c.break_rules[match r {
                            BreakRule::Busy => 0,
                            BreakRule::CapPerDay => 1,
                            BreakRule::CapPerWeek => 2,
                            BreakRule::Preference => 3,
                        }]
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let row = TableRow::new(
                cand.staff.to_string(),
                vec![
                    (i + 1).to_string(),
                    cand.name.clone(),
                    if cand.on_site { c.on_site } else { c.call_in }.to_owned(),
                    format!("{:+}", cand.balance),
                    breaks,
                ],
            );
            if !cand.possible() {
                row.styled(theme::bad())
            } else if !cand.breaks.is_empty() {
                row.styled(theme::warn())
            } else {
                row
            }
        })
        .collect()
}

/// Keys of the candidate list; false once it is closed.
pub fn pick_key(pick: &mut Pick, key: KeyEvent, cx: &mut Cx<'_>) -> bool {
    let t = cx.text;
    let rows = rows(pick, t);
    if pick.table.searching {
        pick.table.handle_key(key, &rows);
        return true;
    }
    match key.code {
        KeyCode::Esc if pick.table.search.text.is_empty() => return false,
        KeyCode::Enter => {
            let Some(i) = pick.table.selected_index(&rows) else {
                return true;
            };
            let cover = pick.candidates[i].staff.clone();
            match choose(pick, &cover, cx) {
                Ok(label) => {
                    cx.say(fill(t.cover.chosen, &[&label]));
                    return false;
                }
                Err(why) => {
                    cx.say(why.clone());
                    pick.error = Some(why);
                }
            }
        }
        _ => {
            pick.table.handle_key(key, &rows);
        }
    }
    true
}

/// `cover` takes the place: chosen by hand, checked, one undoable edit; or
/// the reason it is refused.
fn choose(pick: &Pick, cover: &StaffId, cx: &mut Cx<'_>) -> Result<String, String> {
    let t = cx.text;
    let (school, plan) = (&cx.doc.school, &cx.doc.plan);
    let repaired = repair::choose(
        school,
        plan,
        pick.date,
        &pick.post,
        pick.out.as_ref(),
        cover,
    )
    .map_err(|e| fill(t.cover.refused, &[&e]))?;
    let who = name(cx.doc, cover);
    if let Some(v) = new_violations(school, plan, &repaired.plan).first() {
        let why = format!("{}: {}: {}", v.place, t.rule(v.rule), v.detail);
        return Err(fill(t.cover.refused_check, &[&who, &why]));
    }
    let label = fill(
        t.cover.edit_cover,
        &[&pick.date, &post_words(cx.doc, t, &pick.post), &who],
    );
    let plan = repaired.plan;
    cx.doc
        .edit(label.clone(), |_, p| {
            *p = plan;
            Ok::<_, String>(())
        })
        .map_err(|e| fill(t.cover.refused, &[&e]))?;
    Ok(label)
}

pub fn draw_pick(pick: &Pick, frame: &mut Frame, area: Rect, view: &View<'_>) {
    let (t, doc) = (view.text, view.doc);
    let c = t.cover;
    let popup = crate::tui::ui::centered(area, area.width.min(100), area.height);
    crate::tui::ui::clear_popup(frame, popup);
    let [table_area, detail_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(5)]).areas(popup);
    let rows = rows(pick, t);
    let title = fill(c.pick_title, &[&pick.date, &post_words(doc, t, &pick.post)]);
    let header = [
        c.col_rank,
        c.col_who,
        c.col_on_site,
        c.col_balance,
        c.col_breaks,
    ];
    draw_table(frame, table_area, &pick.table, &title, &header, &rows, t);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(e) = &pick.error {
        lines.push(Line::styled(format!("✗ {e}"), theme::bad()));
    }
    if rows.is_empty() {
        lines.push(Line::styled(c.pick_none, theme::bad()));
    } else if let Some(cand) = pick
        .table
        .selected_index(&rows)
        .map(|i| &pick.candidates[i])
    {
        let mut spans = vec![Span::styled(format!("{} ", cand.name), theme::title())];
        if let Some(with) = &cand.on_site_with {
            // `post-id start–end`: the post in words, as the rota names it.
            let (post, times) = with.split_once(' ').unwrap_or((with.as_str(), ""));
            spans.push(Span::raw(format!(
                "{}: {} {times}  ",
                c.on_site,
                post_words(doc, t, post)
            )));
        }
        if cand.breaks.is_empty() {
            spans.push(Span::styled(c.breaks_nothing, theme::dim()));
        } else {
            let style = if cand.possible() {
                theme::warn()
            } else {
                theme::bad()
            };
            spans.push(Span::styled(cand.breaks_text(), style));
        }
        lines.push(Line::from(spans));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::warn())
        .title_bottom(Line::from(format!(" {} ", c.pick_hint)));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        detail_area,
    );
}

pub fn draw_removal(removal: &Removal, frame: &mut Frame, area: Rect, view: &View<'_>) {
    let (t, doc) = (view.text, view.doc);
    let c = t.cover;
    let mut lines: Vec<Line> = Vec::new();
    let (hint, scroll) = match removal {
        Removal::Waiting(a) => {
            lines.push(Line::raw(fill(
                c.remove_waiting,
                &[&name(doc, &a.staff), &days(a.from, a.to, t)],
            )));
            (t.key_cancel, 0)
        }
        Removal::Review {
            absence,
            repair,
            violations,
            scroll,
        } => {
            lines.push(Line::styled(
                fill(
                    c.remove_summary,
                    &[
                        &name(doc, &absence.staff),
                        &days(absence.from, absence.to, t),
                        &fill(c.restored, &[&repair.removed.len()]),
                        &fill(c.changed, &[&repair.added.len()]),
                    ],
                ),
                theme::header(),
            ));
            let who =
                |id: Option<&StaffId>| id.map_or_else(|| c.nobody.to_owned(), |id| name(doc, id));
            for s in &repair.removed {
                lines.push(Line::from(vec![
                    Span::raw(format!("↺ {} {}  ", s.date, post_words(doc, t, &s.post))),
                    Span::styled(
                        format!("{} {}", who(s.out.as_ref()), c.back_on_post),
                        theme::good(),
                    ),
                    Span::styled(format!("  ({})", who(s.cover.as_ref())), theme::dim()),
                ]));
            }
            for s in &repair.added {
                let style = if s.cover.is_some() {
                    theme::good()
                } else {
                    theme::bad()
                };
                lines.push(Line::from(vec![
                    Span::raw(format!("+ {} {}  ", s.date, post_words(doc, t, &s.post))),
                    Span::styled(format!("{} → ", who(s.out.as_ref())), theme::warn()),
                    Span::styled(who(s.cover.as_ref()), style),
                ]));
            }
            for v in violations {
                lines.push(Line::styled(
                    format!("✗ {}: {}: {}", v.place, t.rule(v.rule), v.detail),
                    theme::bad(),
                ));
            }
            let hint = if violations.is_empty() {
                t.sick_review_hint
            } else {
                t.sick_review_broken
            };
            (hint, *scroll)
        }
    };
    let width = lines.iter().map(Line::width).max().unwrap_or(30).max(40) as u16 + 4;
    let popup = crate::tui::ui::centered(area, width, lines.len() as u16 + 2);
    crate::tui::ui::clear_popup(frame, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::warn())
        .title(format!(" {} ", c.remove_title))
        .title_bottom(Line::from(format!(" {hint} ")));
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(block),
        popup,
    );
}
