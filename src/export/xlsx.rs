//! The roster as an Excel workbook (rust_xlsxwriter): sheets 值班表 / Rota
//! (a row per person per post), 按人员 / By person and 按教室 / By room (a
//! row each, a column per day of the cycle), 代课记录 / Substitutions (every
//! dated change) and 课时统计 / Hours (the term's hours for performance pay).
//! Sheet names, headers and words follow the export's language; ids stay in
//! their own columns for other programs.
//!
//! Every sheet has a bold frozen header row with a filter, columns as wide
//! as their text (a Chinese character counts twice), and wrapped cells where
//! a day holds several posts. Text is written as text, never as a formula,
//! so a name such as `=HYPERLINK(…)` stays a name.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Color, Format as CellFormat, FormatAlign, Workbook, Worksheet, XlsxError};

use kehou_solver::dated;
use kehou_solver::model::{RoomId, StaffId, Weekday};
use kehou_solver::plan::Post;
use kehou_solver::{Plan, School};

use super::hours::{self, Hours};
use super::{html, labels, roster_rows};
use crate::words::{Lang, Names};

/// The sheets' names, in `[Rota, By person, By room, Substitutions, Hours]` order.
pub fn sheet_names(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["值班表", "按人员", "按教室", "代课记录", "课时统计"],
        Lang::En => ["Rota", "By person", "By room", "Substitutions", "Hours"],
    }
}

/// The words of the cells, in the export's language.
struct Words<'a> {
    lang: Lang,
    school: &'a School,
    names: Names<'a>,
}

impl<'a> Words<'a> {
    fn new(lang: Lang, school: &'a School, plan: &'a Plan) -> Words<'a> {
        Words {
            lang,
            school,
            names: Names::new(lang, school, Some(plan)),
        }
    }

    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    fn weekday(&self, d: Weekday) -> &'static str {
        if self.zh() {
            d.chinese()
        } else {
            self.lang.vocab().weekday(d)
        }
    }

    fn kind(&self, k: kehou_solver::plan::PostKind) -> &'static str {
        if self.zh() {
            labels::kind_chinese(k)
        } else {
            self.lang.vocab().post_kind(k)
        }
    }

    fn group(&self, post: &Post) -> String {
        if self.zh() {
            labels::group(self.school, post, Lang::Zh)
        } else {
            self.names.group(post)
        }
    }

    fn role(&self, role: super::RosterRole) -> &'static str {
        match (self.lang, role) {
            (Lang::Zh, r) => role_chinese(r),
            (Lang::En, super::RosterRole::Lead) => "lead",
            (Lang::En, super::RosterRole::Assist) => "assist",
            (Lang::En, super::RosterRole::Unmet) => "unmet",
        }
    }

    /// In brackets where a name would be: `（缺人）` / `(unmet)`.
    fn none(&self, zh: &'static str, en: &'static str) -> &'static str {
        if self.zh() {
            zh
        } else {
            en
        }
    }
}

/// A cell of a sheet.
enum Cell {
    Text(String),
    Number(f64),
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

impl From<u32> for Cell {
    fn from(n: u32) -> Cell {
        Cell::Number(f64::from(n))
    }
}

/// Writes a sheet named `name`: a header row, then `rows`.
fn sheet(
    workbook: &mut Workbook,
    name: &str,
    header: &[&str],
    rows: &[Vec<Cell>],
) -> Result<(), XlsxError> {
    let head = CellFormat::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00E8_E8E8))
        .set_align(FormatAlign::Center);
    let wrap = CellFormat::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let sheet: &mut Worksheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    let mut widths: Vec<usize> = header.iter().map(|h| html::width(h)).collect();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &head)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(s) if s.contains('\n') => {
                    sheet.write_string_with_format(r, c as u16, s, &wrap)?;
                    let w = s.lines().map(html::width).max().unwrap_or(0);
                    widths[c] = widths[c].max(w);
                }
                Cell::Text(s) => {
                    sheet.write_string(r, c as u16, s)?;
                    widths[c] = widths[c].max(html::width(s));
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c as u16, *n)?;
                    widths[c] = widths[c].max(6);
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).clamp(4, 60) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !header.is_empty() {
        sheet.autofilter(0, 0, rows.len() as u32, header.len() as u16 - 1)?;
    }
    Ok(())
}

/// The whole workbook, in `lang`.
pub fn workbook(school: &School, plan: &Plan, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let w = Words::new(lang, school, plan);
    let mut book = Workbook::new();
    rota(&mut book, &w, plan)?;
    by_person(&mut book, &w, plan)?;
    by_room(&mut book, &w, plan)?;
    substitutions(&mut book, &w, plan)?;
    hours_sheet(&mut book, &hours::term_hours(school, plan), lang)?;
    book.save_to_buffer()
}

/// A workbook with only the hours sheet.
pub fn hours_workbook(hours: &[Hours], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    hours_sheet(&mut book, hours, lang)?;
    book.save_to_buffer()
}

pub const ROTA_HEADER: [&str; 12] = [
    "轮换周",
    "星期",
    "时段",
    "开始",
    "结束",
    "岗位",
    "组别",
    "地点",
    "工号",
    "姓名",
    "角色",
    "岗位编号",
];

const ROTA_HEADER_EN: [&str; 12] = [
    "week", "weekday", "session", "start", "end", "post", "group", "room", "staff_id", "name",
    "role", "post_id",
];

fn rota(book: &mut Workbook, w: &Words<'_>, plan: &Plan) -> Result<(), XlsxError> {
    let school = w.school;
    let rows: Vec<Vec<Cell>> = roster_rows(school, plan)
        .into_iter()
        .map(|r| {
            let post = plan.post(&r.post_id);
            vec![
                u32::from(r.week).into(),
                w.weekday(r.day).into(),
                if w.zh() {
                    r.session.chinese()
                } else {
                    w.lang.vocab().session(r.session)
                }
                .into(),
                r.start.to_string().into(),
                r.end.to_string().into(),
                w.kind(r.kind).into(),
                post.map_or(r.group.clone(), |p| w.group(p)).into(),
                post.map(|p| labels::room(school, p))
                    .unwrap_or_default()
                    .into(),
                r.staff
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
                    .into(),
                match r.role {
                    super::RosterRole::Unmet => w.none("（缺人）", "(unmet)").to_owned(),
                    _ => r.staff_name.clone(),
                }
                .into(),
                w.role(r.role).into(),
                r.post_id.clone().into(),
            ]
        })
        .collect();
    let header = if w.zh() { ROTA_HEADER } else { ROTA_HEADER_EN };
    sheet(book, sheet_names(w.lang)[0], &header, &rows)
}

fn role_chinese(role: super::RosterRole) -> &'static str {
    match role {
        super::RosterRole::Lead => "负责",
        super::RosterRole::Assist => "协助",
        super::RosterRole::Unmet => "缺人",
    }
}

/// The days of the cycle that have posts, as (week, weekday), with headings.
fn cycle_days(plan: &Plan, words: &Words<'_>) -> Vec<((u8, Weekday), String)> {
    let mut days: Vec<(u8, Weekday)> = plan.posts.iter().map(|p| (p.week, p.day)).collect();
    days.sort();
    days.dedup();
    days.into_iter()
        .map(|(w, d)| {
            let heading = if words.zh() {
                format!("第{w}周{}", d.chinese())
            } else {
                format!("W{w} {}", words.weekday(d))
            };
            ((w, d), heading)
        })
        .collect()
}

/// `15:05–16:15 作业辅导 3-1`.
fn post_line(w: &Words<'_>, post: &Post) -> String {
    let group = w.group(post);
    let kind = w.kind(post.kind);
    if group == kind {
        format!("{}–{} {kind}", post.start, post.end)
    } else {
        format!("{}–{} {kind} {group}", post.start, post.end)
    }
}

fn by_person(book: &mut Workbook, w: &Words<'_>, plan: &Plan) -> Result<(), XlsxError> {
    let school = w.school;
    let days = cycle_days(plan, w);
    let mut cells: BTreeMap<(&StaffId, (u8, Weekday)), Vec<&Post>> = BTreeMap::new();
    for post in &plan.posts {
        for a in &post.staff {
            cells
                .entry((&a.staff, (post.week, post.day)))
                .or_default()
                .push(post);
        }
    }
    let mut header = if w.zh() {
        vec!["工号", "姓名", "类别", "岗位数"]
    } else {
        vec!["staff_id", "name", "kind", "posts"]
    };
    header.extend(days.iter().map(|(_, h)| h.as_str()));
    let rows: Vec<Vec<Cell>> = school
        .staff
        .iter()
        .map(|p| {
            let mut row: Vec<Cell> = vec![
                p.id.to_string().into(),
                p.name.clone().into(),
                if w.zh() {
                    p.kind.chinese()
                } else {
                    w.lang.vocab().staff_kind(p.kind)
                }
                .into(),
                (plan
                    .posts
                    .iter()
                    .filter(|post| post.staff.iter().any(|a| a.staff == p.id))
                    .count() as u32)
                    .into(),
            ];
            for (day, _) in &days {
                let mut posts = cells.get(&(&p.id, *day)).cloned().unwrap_or_default();
                posts.sort_by_key(|post| post.start);
                row.push(
                    posts
                        .iter()
                        .map(|post| post_line(w, post))
                        .collect::<Vec<_>>()
                        .join("\n")
                        .into(),
                );
            }
            row
        })
        .collect();
    sheet(book, sheet_names(w.lang)[1], &header, &rows)
}

fn by_room(book: &mut Workbook, w: &Words<'_>, plan: &Plan) -> Result<(), XlsxError> {
    let school = w.school;
    let days = cycle_days(plan, w);
    let mut cells: BTreeMap<(&RoomId, (u8, Weekday)), Vec<&Post>> = BTreeMap::new();
    for post in &plan.posts {
        if let Some(room) = &post.room {
            cells
                .entry((room, (post.week, post.day)))
                .or_default()
                .push(post);
        }
    }
    let mut header = if w.zh() {
        vec!["教室编号", "名称", "容量"]
    } else {
        vec!["room_id", "name", "capacity"]
    };
    header.extend(days.iter().map(|(_, h)| h.as_str()));
    let rows: Vec<Vec<Cell>> = school
        .rooms
        .iter()
        .filter(|r| cells.keys().any(|(id, _)| *id == &r.id))
        .map(|room| {
            let mut row: Vec<Cell> = vec![
                room.id.to_string().into(),
                room.name.clone().into(),
                room.capacity.into(),
            ];
            for (day, _) in &days {
                let mut posts = cells.get(&(&room.id, *day)).cloned().unwrap_or_default();
                posts.sort_by_key(|post| post.start);
                let lines: Vec<String> = posts
                    .iter()
                    .map(|post| {
                        let names: Vec<String> = post
                            .staff
                            .iter()
                            .map(|a| labels::name(school, &a.staff))
                            .collect();
                        let sep = if w.zh() { "、" } else { ", " };
                        format!("{} {}", post_line(w, post), names.join(sep))
                    })
                    .collect();
                row.push(lines.join("\n").into());
            }
            row
        })
        .collect();
    sheet(book, sheet_names(w.lang)[2], &header, &rows)
}

pub const SUBSTITUTIONS_HEADER: [&str; 11] = [
    "日期",
    "星期",
    "时间",
    "岗位",
    "组别",
    "角色",
    "缺席",
    "代岗",
    "原因",
    "决定",
    "岗位编号",
];

const SUBSTITUTIONS_HEADER_EN: [&str; 11] = [
    "date",
    "runs_as",
    "time",
    "post",
    "group",
    "role",
    "out",
    "cover",
    "reason",
    "decided_by",
    "post_id",
];

fn substitutions(book: &mut Workbook, w: &Words<'_>, plan: &Plan) -> Result<(), XlsxError> {
    let school = w.school;
    let mut subs: Vec<_> = plan.substitutions.iter().collect();
    subs.sort_by(|a, b| (a.date, &a.post).cmp(&(b.date, &b.post)));
    let mut rosters = BTreeMap::new();
    let rows: Vec<Vec<Cell>> = subs
        .into_iter()
        .map(|s| {
            let roster = rosters
                .entry(s.date)
                .or_insert_with(|| dated::day_roster(school, plan, s.date));
            let post = roster
                .as_ref()
                .and_then(|r| r.post(&s.post))
                .map(|p| p.post.clone())
                .or_else(|| plan.post(&s.post).cloned());
            let name = |id: &Option<StaffId>, none: &str| {
                id.as_ref()
                    .map_or_else(|| none.to_owned(), |id| labels::name(school, id))
            };
            vec![
                s.date.to_string().into(),
                roster
                    .as_ref()
                    .map_or("", |r| w.weekday(r.day.runs_as))
                    .into(),
                post.as_ref()
                    .map(|p| format!("{}–{}", p.start, p.end))
                    .unwrap_or_default()
                    .into(),
                post.as_ref().map_or("", |p| w.kind(p.kind)).into(),
                post.as_ref().map(|p| w.group(p)).unwrap_or_default().into(),
                w.lang.vocab().role(s.role).into(),
                name(&s.out, w.none("（空缺）", "(vacant)")).into(),
                name(&s.cover, w.none("（无人可代）", "(nobody free)")).into(),
                crate::words::plan::cover(&s.reason, &w.names).into(),
                w.lang.vocab().decided(s.decided_by).into(),
                s.post.clone().into(),
            ]
        })
        .collect();
    let header = if w.zh() {
        SUBSTITUTIONS_HEADER
    } else {
        SUBSTITUTIONS_HEADER_EN
    };
    sheet(book, sheet_names(w.lang)[3], &header, &rows)
}

pub const HOURS_HEADER: [&str; 15] = [
    "工号",
    "姓名",
    "类别",
    "服务天数",
    "岗位次数",
    "作业辅导(分钟)",
    "社团(分钟)",
    "弹性离校(分钟)",
    "接待室(分钟)",
    "值班领导(分钟)",
    "门岗护导(分钟)",
    "晚岗次数",
    "代岗次数",
    "被代次数",
    "合计(小时)",
];

fn hours_sheet(book: &mut Workbook, hours: &[Hours], lang: Lang) -> Result<(), XlsxError> {
    let rows: Vec<Vec<Cell>> = hours
        .iter()
        .map(|h| {
            let mut row: Vec<Cell> = vec![
                h.staff.to_string().into(),
                h.name.clone().into(),
                match lang {
                    Lang::Zh => h.kind.chinese(),
                    Lang::En => lang.vocab().staff_kind(h.kind),
                }
                .into(),
                h.days.into(),
                h.posts.into(),
            ];
            row.extend(h.minutes.iter().map(|m| Cell::from(*m)));
            row.extend([
                h.late_duties.into(),
                h.covered.into(),
                h.released.into(),
                Cell::Number((f64::from(h.total_minutes()) / 60.0 * 100.0).round() / 100.0),
            ]);
            row
        })
        .collect();
    let header = match lang {
        Lang::Zh => HOURS_HEADER,
        Lang::En => hours::HEADER,
    };
    sheet(book, sheet_names(lang)[4], &header, &rows)
}
