//! The words the printed and spreadsheet exports use for posts, places and
//! people, so that the duty board, the sign-in sheets, the workbook and the
//! calendars name things alike.

use kehou_solver::model::{ClassId, Season, StaffId, StaffKind};
use kehou_solver::plan::{Post, PostKind};
use kehou_solver::School;

use crate::words::Lang;

/// The post kind as the duty board names it.
pub fn kind_chinese(kind: PostKind) -> &'static str {
    match kind {
        PostKind::Homework => "作业辅导",
        PostKind::Club => "社团",
        PostKind::Late => "弹性离校",
        PostKind::DutyLeader => "值班领导",
        PostKind::Gate => "门岗护导",
        PostKind::Reception => "接待室",
    }
}

/// The post kind in `lang`: as the duty board names it in Chinese, as the
/// vocabulary does in English.
pub fn kind(kind: PostKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => kind_chinese(kind),
        Lang::En => lang.vocab().post_kind(kind),
    }
}

pub fn season_chinese(season: Season) -> &'static str {
    match season {
        Season::Summer => "夏季",
        Season::Winter => "冬季",
    }
}

/// The season's timetable: `夏季作息` / `summer timetable`.
pub fn timetable(season: Season, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}作息", season_chinese(season)),
        Lang::En => lang.vocab().season(season).to_owned(),
    }
}

/// Who a post is for, in a few characters: `3-1`, `3-1+3-2`, the club's
/// name, or the duty's name for posts without students. A club the school
/// no longer has (a stale plan) is named as the plan knew it, and marked.
pub fn group(school: &School, post: &Post, lang: Lang) -> String {
    if let Some(club) = &post.club {
        return school.club(club).map_or_else(
            || {
                let known = post.club_name.clone().unwrap_or_else(|| club.to_string());
                match lang {
                    Lang::Zh => format!("{known}（已不在学校）"),
                    Lang::En => format!("{known} (no longer in the school)"),
                }
            },
            |c| c.name.clone(),
        );
    }
    match post.kind {
        PostKind::DutyLeader | PostKind::Gate | PostKind::Reception => {
            kind(post.kind, lang).to_owned()
        }
        _ => compact_classes(post.classes.iter().map(ClassId::as_str)),
    }
}

/// Class ids joined with `+`, runs of three or more in one grade shortened
/// (`1-1~4+2-1`): the language layer's, one for every output.
pub use crate::words::names::compact_classes;

/// The room's name (its id when the school lacks it), or empty.
pub fn room(school: &School, post: &Post) -> String {
    post.room.as_ref().map_or_else(String::new, |id| {
        school
            .room(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    })
}

/// Is the post in the homeroom of the first class it holds? The duty board
/// leaves such rooms out: everyone knows where class 3-1 sits.
pub fn in_homeroom(school: &School, post: &Post) -> bool {
    match (post.room.as_ref(), post.classes.first()) {
        (Some(room), Some(class)) => school.class(class).is_some_and(|c| &c.homeroom == room),
        _ => false,
    }
}

/// The person's name, or their id when the school lacks them.
pub fn name(school: &School, id: &StaffId) -> String {
    school
        .person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// Is the person a volunteer or from outside the school (marked on the board)?
pub fn is_outside(school: &School, id: &StaffId) -> bool {
    school
        .person(id)
        .is_some_and(|p| !p.kind.is_own_staff() && p.kind != StaffKind::Retired)
}

#[cfg(test)]
mod tests {
    use super::compact_classes;

    #[test]
    fn runs_of_classes_are_shortened() {
        let c = |s: &str| compact_classes(s.split('+'));
        assert_eq!(c("1-1+1-2+1-3+1-4+2-1"), "1-1~4+2-1");
        assert_eq!(c("3-1+3-2"), "3-1+3-2");
        assert_eq!(c("3-1"), "3-1");
        assert_eq!(c("1-8+1-9+1-10+2-3"), "1-8~10+2-3");
        assert_eq!(c("初一(1)+1-2+1-3+1-4"), "初一(1)+1-2~4");
        assert_eq!(c("1-1+1-3+1-4"), "1-1+1-3+1-4");
    }
}
