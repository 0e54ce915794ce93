//! Turning a form field's text into a value, or into a message for the
//! field in the interface's language. Each parser takes the field's index so
//! the message lands next to the right field.

use chrono::NaiveDate;
use kehou_solver::model::{GradeBand, RoomKind, SessionKind, Slot, StaffKind, Weekday};

use super::FieldError;
use crate::tui::text::{fill, Lang, Text};

/// Both languages' words, so a value typed in Chinese is read in the
/// English interface and the other way round.
const BOTH: [Lang; 2] = [Lang::Zh, Lang::En];

/// Does `typed` name the value whose label in a language is `label(t)`?
fn named(typed: &str, label: impl Fn(&Text) -> &str) -> bool {
    let typed = typed.trim();
    BOTH.iter()
        .any(|l| label(l.text()).eq_ignore_ascii_case(typed))
}

/// A required text (not empty).
pub fn required(i: usize, v: &str, t: &Text) -> Result<String, FieldError> {
    if v.trim().is_empty() {
        Err((Some(i), t.data.err_required.to_owned()))
    } else {
        Ok(v.trim().to_owned())
    }
}

/// An id: required, no spaces inside.
pub fn id(i: usize, v: &str, t: &Text) -> Result<String, FieldError> {
    let v = required(i, v, t)?;
    if v.chars().any(char::is_whitespace) {
        return Err((Some(i), t.data.err_id_spaces.to_owned()));
    }
    Ok(v)
}

pub fn number<N: std::str::FromStr>(i: usize, v: &str, t: &Text) -> Result<N, FieldError> {
    let v = v.trim();
    v.parse().map_err(|_| {
        // A number of the wrong kind (-5, 2.5) is told what would do.
        let template = if v.parse::<f64>().is_ok_and(f64::is_finite) {
            t.data.err_whole
        } else {
            t.data.err_number
        };
        (Some(i), fill(template, &[&v]))
    })
}

/// A number, or nothing for "not set".
pub fn optional_number<N: std::str::FromStr>(
    i: usize,
    v: &str,
    t: &Text,
) -> Result<Option<N>, FieldError> {
    if v.trim().is_empty() {
        Ok(None)
    } else {
        number(i, v, t).map(Some)
    }
}

/// Five numbers, Monday to Friday, separated by spaces or commas.
pub fn five(i: usize, v: &str, t: &Text) -> Result<[u32; 5], FieldError> {
    let parts: Vec<&str> = v
        .split([' ', ',', '，', '/'])
        .filter(|s| !s.is_empty())
        .collect();
    if parts.len() != 5 {
        return Err((Some(i), fill(t.data.err_five, &[&parts.len()])));
    }
    let mut out = [0; 5];
    for (slot, p) in out.iter_mut().zip(parts) {
        *slot = number(i, p, t)?;
    }
    Ok(out)
}

/// Five counts for a table cell: right-aligned in two columns each, so the
/// counts of one column line up and stand apart from the next column's.
pub fn five_cell(v: &[u32; 5]) -> String {
    v.iter()
        .map(|n| format!("{n:>2}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn five_text(v: &[u32; 5]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn yes_no(i: usize, v: &str, t: &Text) -> Result<bool, FieldError> {
    match v.trim().to_lowercase().as_str() {
        "y" | "yes" | "true" | "1" | "是" | "对" => Ok(true),
        "" | "n" | "no" | "false" | "0" | "否" | "不" => Ok(false),
        other => Err((Some(i), fill(t.data.err_yes_no, &[&other]))),
    }
}

pub fn yes_no_text(b: bool, t: &Text) -> &'static str {
    if b {
        t.data.yes
    } else {
        t.data.no
    }
}

pub fn date(i: usize, v: &str, t: &Text) -> Result<NaiveDate, FieldError> {
    // 2026-09-08, 2026-9-8, 2026/9/8 or 2026年9月8日.
    crate::words::typed::date(v).ok_or_else(|| (Some(i), fill(t.data.err_date, &[&v.trim()])))
}

pub fn optional_date(i: usize, v: &str, t: &Text) -> Result<Option<NaiveDate>, FieldError> {
    if v.trim().is_empty() {
        Ok(None)
    } else {
        date(i, v, t).map(Some)
    }
}

/// A weekday: mon/周一/一/Monday or either language's name.
pub fn weekday(i: usize, v: &str, t: &Text) -> Result<Weekday, FieldError> {
    Weekday::from_code(v)
        .or_else(|| {
            Weekday::ALL
                .into_iter()
                .find(|d| named(v, |t| t.weekday(*d)))
        })
        .ok_or_else(|| {
            (
                Some(i),
                fill(t.data.err_choice, &[&v.trim(), &weekday_hint(t)]),
            )
        })
}

pub fn weekday_hint(t: &Text) -> String {
    weekday_names(t).join(" ")
}

/// The five service days' names, for ←/→.
pub fn weekday_names(t: &Text) -> Vec<&'static str> {
    Weekday::ALL.iter().take(5).map(|d| t.weekday(*d)).collect()
}

/// A session by code (`late`) or either language's name or short name.
pub fn session(v: &str) -> Option<SessionKind> {
    SessionKind::from_code(v).or_else(|| {
        SessionKind::ALL.into_iter().enumerate().find_map(|(i, k)| {
            (named(v, |t| t.session(k)) || named(v, |t| t.data.session_short[i])).then_some(k)
        })
    })
}

pub fn staff_kind(i: usize, v: &str, t: &Text) -> Result<StaffKind, FieldError> {
    StaffKind::from_code(v)
        .or_else(|| {
            StaffKind::ALL
                .into_iter()
                .find(|k| named(v, |t| t.staff_kind(*k)))
        })
        .ok_or_else(|| {
            (
                Some(i),
                fill(t.data.err_choice, &[&v.trim(), &staff_kind_hint(t)]),
            )
        })
}

pub fn staff_kind_hint(t: &Text) -> String {
    staff_kind_names(t).join(" ")
}

pub fn staff_kind_names(t: &Text) -> Vec<&'static str> {
    StaffKind::ALL.iter().map(|k| t.staff_kind(*k)).collect()
}

pub fn room_kind_name(k: RoomKind, t: &Text) -> &'static str {
    let i = RoomKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    t.data.room_kinds[i]
}

pub fn room_kind(i: usize, v: &str, t: &Text) -> Result<RoomKind, FieldError> {
    RoomKind::from_code(v)
        .or_else(|| {
            RoomKind::ALL
                .into_iter()
                .find(|k| named(v, |t| room_kind_name(*k, t)))
        })
        .ok_or_else(|| {
            (
                Some(i),
                fill(t.data.err_choice, &[&v.trim(), &room_kind_hint(t)]),
            )
        })
}

pub fn room_kind_hint(t: &Text) -> String {
    room_kind_names(t).join(" ")
}

pub fn room_kind_names(t: &Text) -> Vec<&'static str> {
    RoomKind::ALL
        .iter()
        .map(|k| room_kind_name(*k, t))
        .collect()
}

/// A grade band: `3-6` or `4`.
pub fn grades(i: usize, v: &str, t: &Text) -> Result<GradeBand, FieldError> {
    let v = v.trim();
    let (low, high) = v.split_once(['-', '–', '~']).unwrap_or((v, v));
    match (low.trim().parse(), high.trim().parse()) {
        (Ok(from), Ok(to)) => Ok(GradeBand { from, to }),
        _ => Err((Some(i), fill(t.data.err_grades, &[&v]))),
    }
}

/// Slots written `thu:basic fri:all` (session names in either language).
pub fn slots(i: usize, v: &str, t: &Text) -> Result<Vec<Slot>, FieldError> {
    let mut out = Vec::new();
    for part in v.split([' ', ',', '，']).filter(|s| !s.is_empty()) {
        let bad = || (Some(i), fill(t.data.err_slot, &[&part]));
        let (day_text, session_text) = part.split_once([':', '：']).ok_or_else(bad)?;
        // 周四:基本, 星期四:拓展, thu:basic: as the import and `--sessions` read them.
        if let Some(slot) = crate::words::typed::slot(part, None) {
            out.push(slot);
            continue;
        }
        let day = Weekday::from_code(day_text)
            .or_else(|| {
                Weekday::ALL
                    .into_iter()
                    .find(|x| t.weekday(*x) == day_text.trim())
            })
            .ok_or_else(bad)?;
        let session = if matches!(session_text.trim(), "all" | "全天") {
            None
        } else {
            Some(
                SessionKind::from_code(session_text)
                    .or_else(|| {
                        SessionKind::ALL
                            .into_iter()
                            .find(|k| t.session(*k) == session_text.trim())
                    })
                    .ok_or_else(bad)?,
            )
        };
        out.push(Slot { day, session });
    }
    Ok(out)
}

/// Slots for a table cell, short and in the interface's language: the days
/// of each session together (`周二四 拓展`, `Mon,Wed ext.`), whole days
/// as just the days (`周一三`, `Wed`).
pub fn slots_short(slots: &[Slot], t: &Text) -> String {
    let mut groups: Vec<(Option<SessionKind>, Vec<&str>)> = Vec::new();
    for s in slots {
        let day = t.weekday(s.day);
        match groups.iter_mut().find(|(k, _)| *k == s.session) {
            Some((_, days)) => days.push(day),
            None => groups.push((s.session, vec![day])),
        }
    }
    groups
        .into_iter()
        .map(|(session, days)| {
            let days = days_text(&days);
            match session {
                None => days,
                Some(k) => {
                    let i = SessionKind::ALL.iter().position(|a| *a == k).unwrap_or(0);
                    format!("{days} {}", t.data.session_short[i])
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Days in a row: `Mon,Wed`; Chinese ones share their `周`: `周一三五`.
fn days_text(days: &[&str]) -> String {
    let first = days.first().and_then(|d| d.chars().next());
    match first {
        Some(c) if !c.is_ascii() && days.len() > 1 && days.iter().all(|d| d.starts_with(c)) => {
            let mut out = days[0].to_owned();
            for d in &days[1..] {
                out.push_str(&d[c.len_utf8()..]);
            }
            out
        }
        _ => days.join(","),
    }
}

/// Slots as a form shows them for editing, in the interface's language and
/// in the form `slots` reads back: `周四:基本服务 周五:全天` / `thu:basic fri:all`.
pub fn slots_text(slots: &[Slot], t: &Text) -> String {
    if t.lang == crate::words::Lang::En {
        return slots
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ");
    }
    slots
        .iter()
        .map(|s| {
            let session = s.session.map_or("全天", |k| t.session(k));
            format!("{}:{session}", t.weekday(s.day))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::text::Lang;

    #[test]
    fn parsers_accept_both_languages_and_name_the_field_on_error() {
        let t = Lang::Zh.text();
        assert_eq!(five(3, "1 2,3 4 5", t), Ok([1, 2, 3, 4, 5]));
        assert_eq!(five(3, "1 2", t).map_err(|e| e.0), Err(Some(3)));
        assert_eq!(five(3, "1 2 x 4 5", t).map_err(|e| e.0), Err(Some(3)));
        assert_eq!(staff_kind(0, "退休教师", t), Ok(StaffKind::Retired));
        assert_eq!(staff_kind(0, "leader", t), Ok(StaffKind::Leader));
        assert!(staff_kind(0, "boss", t).is_err());
        assert_eq!(weekday(0, "周三", t), Ok(Weekday::Wed));
        let sept_8 = NaiveDate::from_ymd_opt(2026, 9, 8);
        for typed in ["2026-09-08", "2026-9-8", "2026/9/8", "2026年9月8日"] {
            assert_eq!(date(0, typed, t).ok(), sept_8, "{typed}");
        }
        assert_eq!(grades(0, "3-6", t), Ok(GradeBand { from: 3, to: 6 }));
        assert_eq!(yes_no(0, "是", t), Ok(true));
        assert!(yes_no(0, "maybe", t).is_err());
        let s = slots(0, "thu:basic 周五:全天", t).expect("slots parse");
        assert_eq!(slots_text(&s, Lang::En.text()), "thu:basic fri:all");
        assert_eq!(slots_text(&s, t), "周四:基本服务 周五:全天");
        assert_eq!(slots(0, &slots_text(&s, t), t), Ok(s.clone()));
        assert_eq!(slots(0, "周四:基本 星期五：全天", t), Ok(s.clone()));
        assert_eq!(slots_short(&s, t), "周四 基本 周五");
        assert_eq!(days_text(&["周一", "周三", "周五"]), "周一三五");
        assert_eq!(days_text(&["Mon", "Wed"]), "Mon,Wed");
        assert!(slots(0, "thu", t).is_err());
        // Chinese labels are read in the English interface too.
        let en = Lang::En.text();
        assert_eq!(staff_kind(0, "退休教师", en), Ok(StaffKind::Retired));
        assert_eq!(weekday(0, "周三", en), Ok(Weekday::Wed));
        assert_eq!(
            room_kind(0, room_kind_name(RoomKind::ALL[1], t), en),
            Ok(RoomKind::ALL[1])
        );
        assert_eq!(session("弹性离校"), Some(SessionKind::Late));
        assert_eq!(session("Extended"), Some(SessionKind::Extended));
        assert_eq!(session("ext."), Some(SessionKind::Extended));
        assert!(date(0, "2026-02-30", t).is_err());
    }
}
