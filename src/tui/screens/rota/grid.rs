//! The grid of the rota: weekdays across, sessions down; each cell a rule
//! line (how many posts, how many unmet ✗, locked ⚿) over its posts, the
//! fullest rows getting the most height.

use kehou_solver::plan::{Post, PostKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::model::{order, shown};
use super::{sessions, Focus, RotaScreen, DAYS};
use crate::tui::screens::words::group_name;
use crate::tui::screens::View;
use crate::tui::text::fill;
use crate::tui::theme;
use crate::tui::widgets::{truncate, width};

/// A post in a cell: its group, its adults (or its room in a person's
/// view, or how many are missing) and its colour.
fn cell_parts(post: &Post, view: &View<'_>, person_view: bool) -> (String, Vec<String>, Style) {
    let school = &view.doc.school;
    let group = group_name(post, view);
    if post.missing() > 0 {
        return (
            format!("✗{group}"),
            vec![fill(view.text.rota_missing, &[&post.missing()])],
            theme::bad(),
        );
    }
    let who = if person_view {
        post.room.iter().map(ToString::to_string).collect()
    } else {
        post.staff
            .iter()
            .map(|a| {
                school
                    .person(&a.staff)
                    .map_or_else(|| a.staff.to_string(), |p| p.name.clone())
            })
            .collect()
    };
    (group, who, theme::post_kind(post.kind))
}

/// `group names` in at most `w` columns. When it does not fit, the names
/// win: the group is shortened to leave room for the first name whole, and
/// dropped when less than five columns of it would be left.
pub fn fit_post(group: &str, names: &[String], w: usize) -> String {
    let all = names.join(",");
    let full = if all.is_empty() {
        group.to_owned()
    } else {
        format!("{group} {all}")
    };
    if width(&full) <= w {
        return full;
    }
    let Some(first) = names.first() else {
        return truncate(group, w);
    };
    let more = usize::from(names.len() > 1);
    let group_w = w.saturating_sub(width(first) + 1 + more);
    let (mut out, mut room) = if group_w >= 5 {
        let g = truncate(group, group_w.min(width(group)));
        let used = width(&g) + 1;
        (format!("{g} "), w.saturating_sub(used))
    } else {
        (String::new(), w)
    };
    let mut shown = 0;
    for (i, name) in names.iter().enumerate() {
        let sep = usize::from(i > 0);
        let last = i + 1 == names.len();
        let need = sep + width(name) + usize::from(!last);
        if need > room {
            break;
        }
        if sep == 1 {
            out.push(',');
        }
        out.push_str(name);
        room -= sep + width(name);
        shown += 1;
    }
    if shown == 0 {
        out.push_str(&truncate(first, room));
    } else if shown < names.len() {
        out.push('…');
    }
    truncate(&out, w)
}

pub fn draw_grid(screen: &RotaScreen, buf: &mut Buffer, area: Rect, view: &View<'_>) {
    let (t, doc) = (view.text, view.doc);
    let rows = sessions(&doc.plan);
    let label_w = rows.iter().map(|s| width(t.session(*s))).max().unwrap_or(4) as u16 + 1;
    if area.width <= label_w + 10 || area.height < 3 {
        return;
    }
    let col_w = (area.width - label_w) / DAYS.len() as u16;
    // Every shown post of the week, bucketed by cell, once per frame.
    let mut cells: Vec<Vec<&Post>> = vec![Vec::new(); rows.len() * DAYS.len()];
    for p in &doc.plan.posts {
        if p.week != screen.week + 1 {
            continue;
        }
        let (Some(d), Some(r)) = (
            DAYS.iter().position(|d| *d == p.day),
            rows.iter().position(|s| *s == p.session),
        ) else {
            continue;
        };
        if shown(screen, p, doc) {
            cells[r * DAYS.len() + d].push(p);
        }
    }
    // Each day's duty leader, whatever the filter: the one adult every
    // group calls on, otherwise many rows down in a cell. When one day's
    // does not fit with the word "duty", no day has the word.
    let cols = usize::from(col_w) - 1;
    let leaders: Vec<_> = DAYS
        .iter()
        .map(|day| duty_leader(screen.week + 1, *day, view))
        .collect();
    let room = |day: &kehou_solver::model::Weekday| cols.saturating_sub(width(t.weekday(*day)) + 1);
    let short = DAYS
        .iter()
        .zip(&leaders)
        .any(|(day, l)| l.as_ref().is_some_and(|(full, ..)| width(full) > room(day)));
    for (d, day) in DAYS.iter().enumerate() {
        let x = area.x + label_w + d as u16 * col_w;
        buf.set_stringn(x + 1, area.y, t.weekday(*day), cols, theme::header());
        if let Some((full, names, missing)) = &leaders[d] {
            let style = if *missing { theme::bad() } else { theme::dim() };
            let text = truncate(if short { names } else { full }, room(day));
            let used = width(t.weekday(*day)) + 1;
            buf.set_stringn(x + 1 + used as u16, area.y, &text, width(&text), style);
        }
    }
    let heights = band_heights(&cells, rows.len(), area.height - 1);
    let mut y = area.y + 1;
    for (r, session) in rows.iter().enumerate() {
        let h = heights[r].min(area.bottom().saturating_sub(y));
        if h == 0 {
            break;
        }
        buf.set_stringn(
            area.x,
            y,
            t.session(*session),
            usize::from(label_w),
            theme::header(),
        );
        for d in 0..DAYS.len() {
            let x = area.x + label_w + d as u16 * col_w;
            let selected = screen.row.min(rows.len() - 1) == r && screen.day == d;
            let mut posts = cells[r * DAYS.len() + d].clone();
            posts.sort_by(|a, b| order(a).cmp(&order(b)));
            draw_cell(
                buf,
                Rect::new(x, y, col_w, h),
                &posts,
                selected,
                screen.focus == Focus::Grid,
                view,
                screen.person.is_some(),
            );
        }
        y += h;
    }
}

/// The duty leader of a day of a cycle week: in words (`值班 曹卫国`), the
/// names alone, and whether the post is short of its leader.
pub fn duty_leader(
    week: u8,
    day: kehou_solver::model::Weekday,
    view: &View<'_>,
) -> Option<(String, String, bool)> {
    let (t, doc) = (view.text, view.doc);
    let posts: Vec<&Post> = doc
        .plan
        .posts
        .iter()
        .filter(|p| p.week == week && p.day == day && p.kind == PostKind::DutyLeader)
        .collect();
    if posts.is_empty() {
        return None;
    }
    let mut names: Vec<String> = posts
        .iter()
        .flat_map(|p| &p.staff)
        .map(|a| {
            doc.school
                .person(&a.staff)
                .map_or_else(|| a.staff.to_string(), |p| p.name.clone())
        })
        .collect();
    let short = posts.iter().any(|p| p.missing() > 0);
    if short {
        names.push("✗".to_owned());
    }
    let names = names.join(",");
    Some((fill(t.rota_duty_leader, &[&names]), names, short))
}

/// Rows of the grid share the height by how many lines their fullest cell
/// wants (a summary line plus one per post), each getting at least three
/// when there is room (two posts shown, however full the other rows are),
/// else two.
pub fn band_heights(cells: &[Vec<&Post>], rows: usize, height: u16) -> Vec<u16> {
    let want: Vec<u16> = (0..rows)
        .map(|r| {
            let most = (0..DAYS.len())
                .map(|d| cells[r * DAYS.len() + d].len())
                .max()
                .unwrap_or(0);
            (most as u16 + 1).max(2)
        })
        .collect();
    let total: u16 = want.iter().sum();
    if total <= height {
        return want;
    }
    let least = |min: u16| want.iter().map(|w| (*w).min(min)).collect::<Vec<u16>>();
    let floor = if least(3).iter().sum::<u16>() <= height {
        least(3)
    } else {
        least(2)
    };
    if height <= floor.iter().sum::<u16>() {
        return vec![height / rows.max(1) as u16; rows];
    }
    // Share what is above the floor in proportion to the wish.
    let spare = u32::from(height - floor.iter().sum::<u16>());
    let above: u32 = want
        .iter()
        .zip(&floor)
        .map(|(w, f)| u32::from(w - f))
        .sum::<u32>()
        .max(1);
    let mut out: Vec<u16> = want
        .iter()
        .zip(&floor)
        .map(|(w, f)| f + (u32::from(w - f) * spare / above) as u16)
        .collect();
    let mut left = height - out.iter().sum::<u16>();
    for h in &mut out {
        if left == 0 {
            break;
        }
        *h += 1;
        left -= 1;
    }
    out
}

fn draw_cell(
    buf: &mut Buffer,
    area: Rect,
    posts: &[&Post],
    selected: bool,
    focused: bool,
    view: &View<'_>,
    person_view: bool,
) {
    let w = usize::from(area.width.saturating_sub(1));
    let unmet = posts.iter().filter(|p| p.missing() > 0).count();
    let locked = posts
        .iter()
        .any(|p| view.doc.plan.locks.iter().any(|l| l.post == p.id));
    let mut summary = if posts.is_empty() {
        String::new()
    } else {
        posts.len().to_string()
    };
    if unmet > 0 {
        summary = format!("{summary} ✗{unmet}");
    }
    if locked {
        summary.push_str(" ⚿");
    }
    let (rule, style) = if selected {
        (
            '━',
            if focused {
                theme::title().add_modifier(Modifier::REVERSED)
            } else {
                theme::title()
            },
        )
    } else {
        (
            '─',
            if unmet > 0 {
                theme::bad()
            } else {
                theme::border()
            },
        )
    };
    let head = format!("{rule}{summary}{}", String::from(rule).repeat(w));
    buf.set_stringn(
        area.x + 1,
        area.y,
        truncate(&head, w).trim_end_matches('…'),
        w,
        style,
    );
    let room = usize::from(area.height.saturating_sub(1));
    for (i, p) in posts.iter().enumerate().take(room) {
        let y = area.y + 1 + i as u16;
        let (group, names, mut style) = cell_parts(p, view, person_view);
        // The last line of a full cell: this post, then how many more.
        let more = if i + 1 == room && posts.len() > room {
            format!(" +{}", posts.len() - room)
        } else {
            String::new()
        };
        let text = fit_post(&group, &names, w.saturating_sub(width(&more)));
        if view.doc.violations_at(&p.id).next().is_some() {
            style = theme::bad();
        }
        buf.set_stringn(area.x + 1, y, &text, w, style);
        if !more.is_empty() {
            let x = area.x + 1 + width(&text) as u16;
            buf.set_stringn(x, y, &more, width(&more), theme::dim());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cramped_post_keeps_its_first_adult_whole() {
        let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(fit_post("1-1~4", &names(&["严欣怡"]), 13), "1-1~4 严欣怡");
        let late = "1-1~4+2-1~4+3-1,3";
        let line = fit_post(late, &names(&["武国强", "孟燕"]), 13);
        assert_eq!(line, "1-1~… 武国强…");
        assert_eq!(width(&line), 13);
        // Too narrow for any of the group: the names alone.
        assert_eq!(fit_post(late, &names(&["韩健", "邵倩"]), 10), "韩健,邵倩");
        assert_eq!(fit_post(late, &names(&["欧阳丹丹丹"]), 6), "欧阳…");
        assert_eq!(fit_post("护导", &[], 13), "护导");
    }
}
