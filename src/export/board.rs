//! The duty board (值班表) as printable HTML: a page per week of the cycle
//! (A4 landscape), weekdays across, sessions down, each cell listing the
//! groups with their room and adults; the duty leader of each day on a
//! highlighted first row; a legend under the table.
//!
//! A week of a large school that will not fit one sheet in a readable size
//! goes onto more sheets, its sessions split between them and the duty
//! leaders repeated ([`super::fit`]).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use kehou_solver::calendar;
use kehou_solver::model::{ClockTime, SessionKind, Weekday};
use kehou_solver::plan::{Post, PostKind, Role};
use kehou_solver::{Plan, School};

use super::fit::{Geometry, PageFit, RowWidths};
use super::html::{self, escape, Paper};
use super::labels;
use crate::words::Lang;

/// The board's own CSS, after the shared one.
const CSS: &str = "\
.board { table-layout: fixed; }\n\
.board th, .board td { padding: 0.8mm; line-height: 1.25; }\n\
.board thead th { background: #e8e8e8; text-align: center; }\n\
.board tbody th { background: #f4f4f4; font-weight: bold; }\n\
.board tbody th .t { font-weight: normal; }\n\
.board .c2 { column-count: 2; column-gap: 1.5mm; }\n\
.board .c3 { column-count: 3; column-gap: 1.5mm; }\n\
.board .p { break-inside: avoid; padding-left: 1em; text-indent: -1em; }\n\
.board .t { color: #555; }\n\
.board .g { color: #0b3d91; }\n\
.board .r { color: #555; }\n\
.board .v { font-size: 75%; color: #555; }\n\
.board .lead { font-weight: bold; }\n\
.board td.leader { background: #ffe58a; font-weight: bold; }\n\
";

/// Height of the title, the sub-title and the legend (with the fairest
/// band's line), mm (see `fit`).
const FURNITURE_MM: f64 = 34.0;
const HEAD_MM: f64 = 22.0;

/// One line of a cell: its HTML and the width of its text in half-ems.
#[derive(Debug, Clone, Default)]
pub(super) struct Line {
    html: String,
    width: usize,
}

impl Line {
    fn class(mut self, class: &str, text: &str) -> Line {
        if !self.html.is_empty() {
            self.html.push(' ');
            self.width += 1;
        }
        let _ = write!(self.html, "<span class=\"{class}\">{}</span>", escape(text));
        self.width += html::width(text);
        self
    }
}

/// A row of the board: its heading and a cell per weekday.
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    head: Vec<Line>,
    cells: Vec<Cell>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Cell {
    leader: bool,
    lines: Vec<Line>,
}

fn widths(row: &Row) -> RowWidths {
    RowWidths {
        head: row.head.iter().map(|l| l.width).collect(),
        cells: row
            .cells
            .iter()
            .map(|c| c.lines.iter().map(|l| l.width).collect())
            .collect(),
    }
}

/// The fairest band in words, for the legend (docs/model.md §5.3): what
/// the heaviest and the lightest carry a week and what is proven.
fn fairness(plan: &Plan, lang: Lang) -> String {
    plan.solve.band.as_ref().map_or_else(String::new, |b| {
        let band = crate::words::solve::band(b, lang);
        match lang {
            Lang::Zh => format!("公平：{band}。"),
            Lang::En => format!("Fairness: {band}."),
        }
    })
}

/// The board's title.
fn title(school: &School, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 课后服务值班表", school.name),
        Lang::En => format!("{} after-school duty board", school.name),
    }
}

/// A weekday as the board's column heading.
fn weekday(day: Weekday, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => day.chinese(),
        Lang::En => lang.vocab().weekday(day),
    }
}

/// A session as the board's row heading.
fn session_name(session: SessionKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => session.chinese(),
        Lang::En => lang.vocab().session(session),
    }
}

/// The whole duty board: every week of the cycle.
pub fn render(school: &School, plan: &Plan, lang: Lang) -> String {
    let mut pages = String::new();
    let mut count = 0;
    for week in 1..=plan.cycle_weeks.max(1) {
        let posts: Vec<&Post> = plan.posts.iter().filter(|p| p.week == week).collect();
        if posts.is_empty() {
            continue;
        }
        let days: Vec<Weekday> = posts
            .iter()
            .map(|p| p.day)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let rows = week_rows(school, &posts, &days, lang);
        let title = title(school, lang);
        let sub = week_subtitle(school, plan, week, lang);
        let heads: Vec<String> = days.iter().map(|d| weekday(*d, lang).to_owned()).collect();
        let words = Words {
            title: &title,
            sub: &sub,
            note: &fairness(plan, lang),
            lang,
        };
        count += pages_of(&mut pages, &words, &heads, &rows);
    }
    html::document(
        &title(school, lang),
        lang,
        Paper::A4Landscape,
        CSS,
        &format!("<!-- pages: {count} -->\n{pages}"),
    )
}

/// "2026—2027学年第一学期 · 轮换第1周（共2周）· 教学周 1、3、5…".
fn week_subtitle(school: &School, plan: &Plan, week: u8, lang: Lang) -> String {
    let season = calendar::main_season(&school.term);
    let teaching: BTreeSet<u32> = calendar::service_days(&school.term, plan.cycle_weeks)
        .iter()
        .filter(|d| d.cycle_week == week)
        .map(|d| d.teaching_week)
        .collect();
    let teaching: Vec<String> = teaching.iter().map(u32::to_string).collect();
    let teaching = if teaching.is_empty() {
        "—".to_owned()
    } else {
        lang.vocab().join(&teaching)
    };
    let timetable = labels::timetable(season, lang);
    match lang {
        Lang::Zh => format!(
            "{} · 轮换第{}周（共{}周）· 用于教学周 {} · {}",
            school.term.name, week, plan.cycle_weeks, teaching, timetable,
        ),
        Lang::En => format!(
            "{} · cycle week {} of {} · for teaching weeks {} · {}",
            school.term.name, week, plan.cycle_weeks, teaching, timetable,
        ),
    }
}

/// The rows of one week: the duty leaders, then a row per session.
fn week_rows(school: &School, posts: &[&Post], days: &[Weekday], lang: Lang) -> Vec<Row> {
    let mut leader = Row {
        head: vec![Line::default().class("h", labels::kind(PostKind::DutyLeader, lang))],
        cells: Vec::new(),
    };
    for day in days {
        let mut cell = Cell {
            leader: true,
            lines: Vec::new(),
        };
        for post in posts
            .iter()
            .filter(|p| p.day == *day && p.kind == PostKind::DutyLeader)
        {
            let mut line = Line::default().class("t", "★");
            line = adults(school, post, line, lang);
            cell.lines.push(line);
        }
        leader.cells.push(cell);
    }
    let mut rows = vec![leader];
    let sessions: BTreeSet<SessionKind> = posts
        .iter()
        .filter(|p| p.kind != PostKind::DutyLeader)
        .map(|p| p.session)
        .collect();
    for session in sessions {
        let in_session: Vec<&Post> = posts
            .iter()
            .copied()
            .filter(|p| p.session == session && p.kind != PostKind::DutyLeader)
            .collect();
        let Some(span) = usual_span(&in_session) else {
            continue;
        };
        let mut row = Row {
            head: vec![
                Line::default().class("s", session_name(session, lang)),
                Line::default().class("t", &format!("{}–{}", span.0, span.1)),
            ],
            cells: Vec::new(),
        };
        for day in days {
            let mut cell: Vec<&Post> = in_session
                .iter()
                .copied()
                .filter(|p| p.day == *day)
                .collect();
            cell.sort_by_key(|p| {
                (
                    p.start,
                    p.end,
                    kind_order(p.kind),
                    natural(&p.group_label()),
                )
            });
            row.cells.push(Cell {
                leader: false,
                lines: cell_lines(school, &cell, span, lang),
            });
        }
        rows.push(row);
    }
    rows
}

/// The most common start and end of the posts of a session.
fn usual_span(posts: &[&Post]) -> Option<(ClockTime, ClockTime)> {
    let mut counts: Vec<((ClockTime, ClockTime), usize)> = Vec::new();
    for p in posts {
        match counts.iter_mut().find(|(s, _)| *s == (p.start, p.end)) {
            Some((_, n)) => *n += 1,
            None => counts.push(((p.start, p.end), 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|(span, n)| (*n, std::cmp::Reverse(*span)))
        .map(|(s, _)| *s)
}

/// The lines of a cell, with a time line before each run of posts whose
/// times differ from the row's usual ones.
fn cell_lines(
    school: &School,
    posts: &[&Post],
    usual: (ClockTime, ClockTime),
    lang: Lang,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut shown = usual;
    for post in posts {
        let span = (post.start, post.end);
        if span != shown {
            lines.push(Line::default().class("t", &format!("{}–{}", span.0, span.1)));
            shown = span;
        }
        let mut line = Line::default().class("g", &labels::group(school, post, lang));
        if post.kind.holds_students()
            && !labels::in_homeroom(school, post)
            && post.kind != PostKind::Reception
        {
            let room = labels::room(school, post);
            if !room.is_empty() {
                line = line.class("r", &format!("@{room}"));
            }
        }
        lines.push(adults(school, post, line, lang));
    }
    lines
}

/// `line` followed by the post's adults (the responsible one in bold,
/// volunteers and outside people marked 志 / vol.) and what is missing.
pub(super) fn adults(school: &School, post: &Post, mut line: Line, lang: Lang) -> Line {
    let mut staff: Vec<_> = post.staff.iter().collect();
    staff.sort_by_key(|a| (a.role, a.staff.clone()));
    for a in staff {
        let class = if a.role == Role::Lead { "lead" } else { "a" };
        line = line.class(class, &labels::name(school, &a.staff));
        if labels::is_outside(school, &a.staff) {
            // Glued to the name in Chinese, a word of its own in English.
            let (gap, mark) = match lang {
                Lang::Zh => ("", "志"),
                Lang::En => (" ", "vol."),
            };
            let _ = write!(line.html, "{gap}<span class=\"v\">{mark}</span>");
            line.width += html::width(gap) + html::width(mark);
        }
    }
    let missing = post.missing();
    if missing > 0 {
        line = line.class("unmet", &short(missing, lang));
    } else if post.adults_needed > 0 && !post.has_lead() {
        line = line.class("unmet", no_lead(lang));
    }
    line
}

/// `缺2人` / `2 short`.
pub(super) fn short(missing: impl std::fmt::Display, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("缺{missing}人"),
        Lang::En => format!("{missing} short"),
    }
}

/// `缺负责人` / `no lead`.
pub(super) fn no_lead(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "缺负责人",
        Lang::En => "no lead",
    }
}

fn kind_order(kind: PostKind) -> u8 {
    match kind {
        PostKind::Homework => 0,
        PostKind::Club => 1,
        PostKind::Late => 2,
        PostKind::Reception => 3,
        PostKind::Gate => 4,
        PostKind::DutyLeader => 5,
    }
}

/// A sort key under which `3-2` comes before `3-10`.
pub(super) fn natural(label: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in label.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((
                    std::mem::take(&mut text),
                    digits.parse().unwrap_or(u64::MAX),
                ));
                digits.clear();
            }
            text.push(c);
        }
    }
    key.push((text, digits.parse().unwrap_or(0)));
    key
}

/// Appends the pages of one grid to `out`; the number of pages.
pub(super) fn pages_of(
    out: &mut String,
    words: &Words<'_>,
    heads: &[String],
    rows: &[Row],
) -> usize {
    let geometry = Geometry {
        paper: Paper::A4Landscape,
        head_mm: HEAD_MM,
        furniture_mm: FURNITURE_MM,
    };
    let grid: Vec<RowWidths> = rows.iter().map(widths).collect();
    let fits = geometry.paginate(&grid, 1, heads.len());
    let total = fits.len();
    for (i, fit) in fits.iter().enumerate() {
        page(out, words, heads, rows, fit, (i + 1, total));
    }
    total
}

/// A page's title and sub-title, the note under its legend, and the
/// language of the rest.
pub(super) struct Words<'a> {
    title: &'a str,
    sub: &'a str,
    note: &'a str,
    lang: Lang,
}

fn page(
    out: &mut String,
    Words {
        title,
        sub,
        note,
        lang,
    }: &Words<'_>,
    heads: &[String],
    rows: &[Row],
    fit: &PageFit,
    (n, of): (usize, usize),
) {
    let part = match (of > 1, lang) {
        (false, _) => String::new(),
        (true, Lang::Zh) => format!(" · 第{n}/{of}页"),
        (true, Lang::En) => format!(" · page {n} of {of}"),
    };
    let _ = write!(
        out,
        "<section class=\"page\" style=\"font-size: {pt}pt\">\n<h1>{}</h1>\n<p class=\"sub\">{}{}</p>\n\
<table class=\"board\">\n<colgroup><col style=\"width: {HEAD_MM}mm\">",
        escape(title),
        escape(sub),
        escape(&part),
        pt = fit.font_pt,
    );
    for _ in heads {
        out.push_str("<col>");
    }
    out.push_str(match lang {
        Lang::Zh => "</colgroup>\n<thead><tr><th>时段</th>",
        Lang::En => "</colgroup>\n<thead><tr><th>Session</th>",
    });
    for h in heads {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for i in (0..1).chain(fit.rows.clone()) {
        let row = &rows[i];
        out.push_str("<tr><th>");
        for line in &row.head {
            let _ = write!(out, "<div>{}</div>", line.html);
        }
        out.push_str("</th>");
        let cols = fit.columns.get(i).copied().unwrap_or(1);
        for cell in &row.cells {
            let mut classes = Vec::new();
            if cell.leader {
                classes.push("leader".to_owned());
            }
            if cols > 1 {
                classes.push(format!("c{cols}"));
            }
            if classes.is_empty() {
                out.push_str("<td>");
            } else {
                let _ = write!(out, "<td class=\"{}\">", classes.join(" "));
            }
            for line in &cell.lines {
                let _ = write!(out, "<div class=\"p\">{}</div>", line.html);
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    let _ = write!(
        out,
        "</tbody>\n</table>\n<p class=\"legend\">{}{}</p>\n</section>\n",
        legend(*lang),
        if note.is_empty() {
            String::new()
        } else {
            format!("<br>{}", escape(note))
        }
    );
}

/// The legend under the table.
fn legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => {
            "图例：<span class=\"lead\" style=\"font-weight:bold\">粗体</span>为负责人（看护教师），\
其余为协助；<span style=\"background:#ffe58a\">★ 黄底</span>为当日值班领导；“志”为志愿者或校外人员；\
“@”后为活动地点，未注明者在本班教室；<span class=\"unmet\">缺N人</span>为尚未安排的岗位。"
        }
        Lang::En => {
            "Legend: <span class=\"lead\" style=\"font-weight:bold\">bold</span> is the lead \
(the supervising teacher), the others assist; <span style=\"background:#ffe58a\">★ yellow</span> \
is the day's duty leader; “vol.” is a volunteer or someone from outside the school; after “@” is \
where the group meets, in its own classroom when none is given; \
<span class=\"unmet\">N short</span> is a post not yet filled."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_puts_3_2_before_3_10() {
        let mut labels = vec!["3-10", "3-2", "10-1", "3-1+3-2"];
        labels.sort_by_key(|l| natural(l));
        assert_eq!(labels, ["3-1+3-2", "3-2", "3-10", "10-1"]);
    }
}
