//! Drawing the rota: a header line (week, filter, person), the grid
//! (`grid.rs`), the selected cell's places, and the person picker or the
//! sick call on top when open. Wide terminals put the places beside the
//! grid, narrow ones below it.

use std::fmt::Write as _;

use kehou_solver::model::StaffId;
use kehou_solver::plan::{Post, Role};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::pick::{candidates, Freedom};
use super::{cell_posts, sessions, slots, Focus, RotaScreen, DAYS};
use crate::tui::screens::View;
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::pad;

pub fn render(screen: &RotaScreen, frame: &mut Frame, area: Rect, view: &View<'_>) {
    let [head, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    draw_head(screen, frame, head, view);
    let (grid, list) = if main.width >= 120 {
        let [g, l] = Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
            .areas(main);
        (g, l)
    } else {
        let [g, l] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(main);
        (g, l)
    };
    super::grid::draw_grid(screen, frame.buffer_mut(), grid, view);
    draw_list(screen, frame, list, view);
    if screen.pick.is_some() {
        draw_pick(screen, frame, main, view);
    }
    if let Some(call) = &screen.sick {
        call.draw(frame, main, view);
    }
}

fn draw_head(screen: &RotaScreen, frame: &mut Frame, area: Rect, view: &View<'_>) {
    let (t, doc) = (view.text, view.doc);
    let mut spans = vec![Span::styled(
        fill(
            t.rota_week,
            &[&(screen.week + 1), &doc.plan.cycle_weeks.max(1)],
        ),
        theme::title(),
    )];
    if let Some(id) = &screen.person {
        let posts: Vec<&Post> = doc
            .plan
            .posts
            .iter()
            .filter(|p| p.staff.iter().any(|a| &a.staff == id))
            .collect();
        let minutes: u32 = posts.iter().map(|p| p.minutes()).sum();
        let name = doc
            .school
            .person(id)
            .map_or(id.as_str(), |p| p.name.as_str());
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            fill(
                t.rota_person_view,
                &[&name, &doc.plan.cycle_weeks.max(1), &posts.len(), &minutes],
            ),
            theme::warn(),
        ));
    }
    if screen.filtering || !screen.filter.text.is_empty() {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(t.rota_filter, theme::dim()));
        spans.push(Span::raw(screen.filter.text.clone()));
        if screen.filtering {
            spans.push(Span::raw("▏"));
        }
    }
    frame.render_widget(Line::from(spans), area);
}

/// The text of a post in a grid cell: its group and its adults.
fn draw_list(screen: &RotaScreen, frame: &mut Frame, area: Rect, view: &View<'_>) {
    let (t, doc) = (view.text, view.doc);
    let rows = sessions(&doc.plan);
    let session = rows[screen.row.min(rows.len() - 1)];
    let day = DAYS[screen.day.min(DAYS.len() - 1)];
    let posts = cell_posts(screen, doc);
    let title = format!(
        " {} · {} · {} {} ",
        t.weekday(day),
        t.session(session),
        t.rota_posts_in_cell,
        posts.len()
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if screen.focus == Focus::Posts {
            theme::title()
        } else {
            theme::border()
        })
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if posts.is_empty() {
        frame.render_widget(Line::styled(t.rota_no_posts, theme::dim()), inner);
        return;
    }
    let group_w = 10;
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    let all = slots(&posts);
    for (k, slot) in all.iter().enumerate() {
        let post = &doc.plan.posts[slot.post];
        let lead = if slot.first {
            let group = crate::tui::screens::words::group_name(post, view);
            let room = post
                .room
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            format!(
                "{} {} {}-{}",
                pad(&group, group_w),
                pad(&room, 6),
                post.start,
                post.end
            )
        } else {
            " ".repeat(group_w + 1 + 6 + 1 + 11)
        };
        let is_selected = screen.slot.min(all.len() - 1) == k && screen.focus == Focus::Posts;
        let mut spans = vec![
            Span::raw(if is_selected { "▶" } else { " " }),
            Span::styled(lead, theme::post_kind(post.kind)),
        ];
        spans.push(Span::raw(" "));
        match (&slot.staff, slot.adult) {
            (Some(id), Some(i)) => {
                let name = doc
                    .school
                    .person(id)
                    .map_or(id.as_str(), |p| p.name.as_str());
                let role = if post.staff[i].role == Role::Lead {
                    "★"
                } else {
                    " "
                };
                spans.push(Span::raw(format!("{role}{}", pad(name, 8))));
                if doc
                    .plan
                    .locks
                    .iter()
                    .any(|l| l.post == post.id && &l.staff == id)
                {
                    spans.push(Span::styled(format!(" ⚿{}", t.rota_locked), theme::warn()));
                }
                if let Some(covers) = covers(doc, &post.id, id, t) {
                    spans.push(Span::styled(covers, theme::warn()));
                }
            }
            _ => spans.push(Span::styled(
                format!(" {}", fill(t.rota_missing, &[&1])),
                theme::bad(),
            )),
        }
        let style = if is_selected {
            theme::selected()
        } else {
            Style::default()
        };
        lines.push((Some(k), Line::from(spans).style(style)));
        let last_of_post = all.get(k + 1).is_none_or(|n| n.post != slot.post);
        if last_of_post {
            for v in doc.violations_at(&post.id) {
                let names = crate::words::Names::new(t.lang, &doc.school, Some(&doc.plan));
                lines.push((
                    None,
                    Line::styled(
                        format!(
                            "  ✗ {}: {}",
                            t.rota_broken,
                            crate::words::check::what(v, &names)
                        ),
                        theme::bad(),
                    ),
                ));
            }
            if let Some(reason) = post.unmet_reason.as_ref().filter(|_| post.missing() > 0) {
                lines.push((None, Line::styled(format!("  {reason}"), theme::dim())));
            }
        }
    }
    // Scroll so the selected place is in view.
    let height = usize::from(inner.height);
    let at = lines
        .iter()
        .position(|(k, _)| *k == Some(screen.slot.min(all.len() - 1)))
        .unwrap_or(0);
    let skip = (at + 1).saturating_sub(height);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(skip)
        .take(height)
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The dated covers of `who` on the cycle post `post` (sick calls), as
/// ` ⇄12-07 何晓梅 ⇄12-14 …`: the cycle grid shows the usual adult, this
/// says which dates someone else stands in. At most two, then `+n`.
fn covers(doc: &crate::tui::doc::Doc, post: &str, who: &StaffId, t: &Text) -> Option<String> {
    let subs: Vec<_> = doc
        .plan
        .substitutions
        .iter()
        .filter(|s| s.post == post && s.out.as_ref() == Some(who))
        .collect();
    if subs.is_empty() {
        return None;
    }
    let mut out = String::new();
    for s in subs.iter().take(2) {
        let cover = s.cover.as_ref().map_or_else(
            || fill(t.rota_missing, &[&1]),
            |c| {
                doc.school
                    .person(c)
                    .map_or_else(|| c.to_string(), |p| p.name.clone())
            },
        );
        let _ = write!(out, " ⇄{} {cover}", s.date.format("%m-%d"));
    }
    if subs.len() > 2 {
        let _ = write!(out, " +{}", subs.len() - 2);
    }
    Some(out)
}

fn draw_pick(screen: &RotaScreen, frame: &mut Frame, area: Rect, view: &View<'_>) {
    let (t, doc) = (view.text, view.doc);
    let (Some(pick), Some(slot)) = (&screen.pick, screen.selected_slot(doc)) else {
        return;
    };
    let found = candidates(doc, &slot, &pick.search.text);
    let mut items: Vec<Line> = Vec::new();
    if pick.nobody_row(&slot) == 1 {
        items.push(Line::styled(t.rota_pick_remove, theme::dim()));
    }
    if items.is_empty() && found.is_empty() {
        items.push(Line::styled(
            fill(t.rota_pick_no_match, &[&pick.search.text]),
            theme::dim(),
        ));
    }
    for c in &found {
        let (what, style) = match &c.freedom {
            Freedom::Free => (t.rota_pick_free.to_owned(), theme::good()),
            Freedom::Busy(g) => (fill(t.rota_pick_busy, &[g]), theme::warn()),
            Freedom::AtCap => (t.rota_pick_cap.to_owned(), theme::warn()),
            Freedom::Unavailable => (t.rota_pick_unavailable.to_owned(), theme::bad()),
            Freedom::OnPost => (t.rota_pick_on_post.to_owned(), theme::dim()),
        };
        items.push(Line::from(vec![
            Span::raw(format!("{} {} ", pad(&c.name, 8), pad(c.staff.as_str(), 6))),
            Span::styled(what, style),
        ]));
    }
    let popup = crate::tui::widgets::centered(area, 48, area.height.saturating_sub(2).min(20));
    crate::tui::widgets::clear_popup(frame, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::title())
        .title(format!(
            " {} {} ",
            t.rota_pick_title,
            doc.plan.posts.get(slot.post).map_or_else(
                || slot.post_id.clone(),
                |p| crate::tui::screens::words::place_of(p, doc, t)
            )
        ))
        .title_bottom(Line::from(format!(" {} ", t.rota_pick_hint)));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [search, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Line::from(vec![
            Span::styled(t.filter_prompt, theme::dim()),
            Span::raw(format!("{}▏", pick.search.text)),
        ]),
        search,
    );
    let height = usize::from(list.height);
    let sel = pick.selected.min(items.len().saturating_sub(1));
    let skip = (sel + 1).saturating_sub(height);
    let shown: Vec<Line> = items
        .into_iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(i, mut l)| {
            if i == sel {
                l.spans.insert(0, Span::raw("▶"));
                l.style(theme::selected())
            } else {
                l.spans.insert(0, Span::raw(" "));
                l
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), list);
}
