//! Posts in words, as every screen names them: whom a post is for (its
//! club, its classes shortened, or its duty) and where it sits in the cycle
//! (`第1周 周一 基本服务 1-1`). Screens, the sick-call review and the
//! status line's messages all use these, so a post reads the same
//! everywhere.

use kehou_solver::plan::Post;

use super::View;
use crate::tui::text::fill;

/// Who a post is for, short: the club's name, the classes, or the duty.
pub fn group_name(post: &Post, view: &View<'_>) -> String {
    group_of(post, &view.doc.school, view.text)
}

/// Whom a post is for: its club, its classes (`1-1~4`), or its kind.
pub fn group_of(post: &Post, school: &kehou_solver::School, t: &crate::tui::text::Text) -> String {
    match &post.club {
        // A club deleted since the plan was made: the name the plan knew,
        // marked as gone.
        Some(c) => school.club(c).map_or_else(
            || {
                let known = post.club_name.clone().unwrap_or_else(|| c.to_string());
                fill(t.club_gone, &[&known])
            },
            |c| c.name.clone(),
        ),
        None if post.classes.is_empty() => t.post_kind(post.kind).to_owned(),
        None => compact_classes(&post.classes),
    }
}

/// A post in words for messages and titles: `周一 基本服务 1-1` (the
/// week of the cycle too, when there is more than one).
pub fn place_of(post: &Post, doc: &crate::tui::doc::Doc, t: &crate::tui::text::Text) -> String {
    let week = if doc.plan.cycle_weeks > 1 {
        format!("{} ", fill(t.rota_week_short, &[&post.week]))
    } else {
        String::new()
    };
    format!(
        "{week}{} {} {}",
        t.weekday(post.day),
        t.session(post.session),
        group_of(post, &doc.school, t)
    )
}

/// A group's classes, shortened: `1-1+1-2+1-3+2-1` as `1-1~3+2-1`.
pub fn compact_classes(classes: &[kehou_solver::model::ClassId]) -> String {
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    for c in classes {
        let (grade, num) = c.as_str().split_once('-').unwrap_or((c.as_str(), ""));
        match parts.last_mut() {
            Some((g, nums)) if g == grade && !num.is_empty() => nums.push(num.to_owned()),
            _ => parts.push((grade.to_owned(), vec![num.to_owned()])),
        }
    }
    parts
        .into_iter()
        .map(|(g, nums)| {
            let ints: Option<Vec<u32>> = nums.iter().map(|n| n.parse().ok()).collect();
            match ints {
                Some(v) if v.len() > 2 && v.windows(2).all(|w| w[1] == w[0] + 1) => {
                    format!("{g}-{}~{}", v[0], v[v.len() - 1])
                }
                _ if nums.iter().all(String::is_empty) => g,
                _ => format!("{g}-{}", nums.join(",")),
            }
        })
        .collect::<Vec<_>>()
        .join("+")
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehou_solver::model::ClassId;

    #[test]
    fn class_lists_shorten_to_ranges() {
        let ids = |v: &[&str]| v.iter().map(|s| ClassId::new(*s)).collect::<Vec<_>>();
        assert_eq!(
            compact_classes(&ids(&["1-1", "1-2", "1-3", "2-1"])),
            "1-1~3+2-1"
        );
        assert_eq!(compact_classes(&ids(&["3-2"])), "3-2");
        assert_eq!(compact_classes(&ids(&["3-1", "3-3"])), "3-1,3");
    }
}
