//! Choosing a cover by hand, on the sick-calls screen: the ranked
//! candidates of one place (`repair::candidates`), and the pick
//! (`repair::choose`, checked with `repair::verdict`) as one edit; a
//! pick that breaks a hard rule is refused with the reason. (Taking an
//! absence back is a sick call's review: `screens::sick`.)

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use kehou_solver::check::Rule;
use kehou_solver::model::StaffId;
use kehou_solver::repair::{self, BreakRule, Candidate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::rows::{name, post_words};
use crate::tui::screens::review::break_words;
use crate::tui::screens::{Cx, View};
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::table::{draw_table, TableRow, TableState};

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
    /// A choice that goes over someone's cap, waiting for y/n, and the
    /// question in words.
    pub confirm: Option<(StaffId, String)>,
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
            confirm: None,
        })
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
                break_words(cand, t)
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
    if let Some((cover, _)) = pick.confirm.take() {
        // Going over a cap was asked about: y/Enter chooses, anything else
        // leaves the choice open.
        if matches!(key.code, KeyCode::Char('y' | 'Y') | KeyCode::Enter) {
            return !settle(pick, &cover, true, cx);
        }
        return true;
    }
    match key.code {
        KeyCode::Esc if pick.table.search.text.is_empty() => return false,
        KeyCode::Enter => {
            let Some(i) = pick.table.selected_index(&rows) else {
                return true;
            };
            let cover = pick.candidates[i].staff.clone();
            return !settle(pick, &cover, false, cx);
        }
        _ => {
            pick.table.handle_key(key, &rows);
        }
    }
    true
}

/// Tries `cover` and says how it went; true once the place is given.
fn settle(pick: &mut Pick, cover: &StaffId, over_cap_ok: bool, cx: &mut Cx<'_>) -> bool {
    let t = cx.text;
    match choose(pick, cover, over_cap_ok, cx) {
        Ok(Chosen::Done(label)) => {
            cx.say(fill(t.cover.chosen, &[&label]));
            true
        }
        Ok(Chosen::Ask(question)) => {
            pick.error = None;
            pick.confirm = Some((cover.clone(), question));
            false
        }
        Err(why) => {
            cx.say(why.clone());
            pick.error = Some(why);
            false
        }
    }
}

/// A choice made, or a question to ask first.
enum Chosen {
    /// The edit's label.
    Done(String),
    /// The choice goes over a cap: ask y/n first.
    Ask(String),
}

/// Rules a deputy head may break by hand, as `kehou cover` allows: a
/// person's daily or weekly cap. Everything else is refused.
fn soft(rule: Rule) -> bool {
    matches!(rule, Rule::CapPerDay | Rule::CapPerWeek)
}

/// `cover` takes the place: chosen by hand, checked, one undoable edit; or
/// the reason it is refused. Going over a cap is asked about first (unless
/// `over_cap_ok`), and the plan keeps it as a broken rule the overview counts.
fn choose(
    pick: &Pick,
    cover: &StaffId,
    over_cap_ok: bool,
    cx: &mut Cx<'_>,
) -> Result<Chosen, String> {
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
    let new = repair::verdict(school, plan, &repaired.plan).new;
    if let Some(v) = new.iter().find(|v| !soft(v.rule)) {
        let names = crate::words::Names::new(t.lang, school, Some(&repaired.plan));
        let why = crate::words::check::line(v, &names);
        return Err(fill(t.cover.refused_check, &[&who, &why]));
    }
    // What the ranking says it breaks (a cap, a preference) and what the
    // checker finds: either is asked about first.
    let declared = pick
        .candidates
        .iter()
        .find(|c| &c.staff == cover)
        .filter(|c| c.breaks.iter().any(|b| b.rule() != BreakRule::Preference));
    if (declared.is_some() || !new.is_empty()) && !over_cap_ok {
        let mut what: Vec<String> = declared.map(|c| break_words(c, t)).into_iter().collect();
        what.extend(
            new.iter()
                .map(|v| crate::words::check::rule(v.rule, t.lang).to_owned()),
        );
        what.dedup();
        return Ok(Chosen::Ask(fill(
            t.cover.pick_confirm,
            &[&who, &what.join(t.data.list_sep)],
        )));
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
    Ok(Chosen::Done(label))
}

pub fn draw_pick(pick: &Pick, frame: &mut Frame, area: Rect, view: &View<'_>) {
    let (t, doc) = (view.text, view.doc);
    let c = t.cover;
    let popup = crate::tui::widgets::centered(area, area.width.min(100), area.height);
    crate::tui::widgets::clear_popup(frame, popup);
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
    if let Some((_, question)) = &pick.confirm {
        lines.push(Line::styled(question.clone(), theme::warn()));
    }
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
            // The post in words, as the rota names it, with its times that day.
            spans.push(Span::raw(format!(
                "{}{} {}–{}  ",
                c.at_school_for,
                post_words(doc, t, &with.post),
                with.start,
                with.end
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
            let names = crate::words::Names::new(t.lang, &doc.school, Some(&doc.plan));
            spans.push(Span::styled(
                crate::words::plan::breaks(&cand.breaks, &names),
                style,
            ));
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
