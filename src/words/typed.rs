//! Reading what people type, in either language: dates as 2026-09-08,
//! 2026-9-8, 2026/9/8 or 2026年9月8日; yes and no as 是/否 too; weekdays as
//! thu, Thursday, 周四, 星期四 or 四; sessions as basic, 基本服务 or 基本, and
//! 全天 for the whole day. The forms, the imports and the command line all
//! read with these, so a value typed one way in one place works everywhere.

use chrono::NaiveDate;
use kehou_solver::model::{SessionKind, Slot, Weekday};

/// Full-width digits and punctuation from a Chinese input method
/// (`２０２６／９／８`, `周四：基本`) and the ideographic space as ASCII, trimmed.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// A date: `2026-09-08`, `2026-9-8`, `2026/9/8`, `2026.9.8` or `2026年9月8日`.
pub fn date(text: &str) -> Option<NaiveDate> {
    let t = fold(text);
    let t = t.replace(['年', '月'], "-").replace(['日', '号'], "");
    let mut parts = t.split(['-', '/', '.']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, num(m)?, num(d)?)
}

/// Yes or no: yes/no, y/n, true/false, 1/0, 是/否, 对/不; empty is no.
pub fn yes_no(text: &str) -> Option<bool> {
    match fold(text).to_lowercase().as_str() {
        "y" | "yes" | "true" | "1" | "是" | "对" | "有" => Some(true),
        "" | "n" | "no" | "false" | "0" | "否" | "不" | "不是" | "无" => Some(false),
        _ => None,
    }
}

/// A service weekday: `thu`, `Thursday`, `周四`, `星期四`, `礼拜四` or `四`.
pub fn weekday(text: &str) -> Option<Weekday> {
    let t = fold(text);
    let t = t
        .strip_prefix("星期")
        .or_else(|| t.strip_prefix("礼拜"))
        .map_or(t.clone(), |d| format!("周{d}"));
    Weekday::from_code(&t)
}

/// A session, or the whole day (`None`): codes, Chinese names and the short
/// Chinese names (`基本`, `拓展`, `弹性`), and `all` / `全天`.
pub fn session_or_day(text: &str) -> Option<Option<SessionKind>> {
    let t = fold(text).to_lowercase();
    let one = match t.as_str() {
        "all" | "全天" | "整天" => return Some(None),
        "早间" | "早" => SessionKind::Morning,
        "午间" | "午" => SessionKind::Noon,
        "基本" => SessionKind::Basic,
        "拓展" => SessionKind::Extended,
        "弹性" | "延时" | "弹性离校" => SessionKind::Late,
        "ext." | "ext" => SessionKind::Extended,
        _ => SessionKind::ALL.into_iter().find(|k| {
            k.code() == t
                || k.chinese() == t
                || super::Lang::En.vocab().session(*k).eq_ignore_ascii_case(&t)
        })?,
    };
    Some(Some(one))
}

/// One session (not the whole day).
pub fn session(text: &str) -> Option<SessionKind> {
    session_or_day(text).flatten()
}

/// `thu:basic`, `周四:基本`, `周五：全天`; a bare day is `bare`.
pub fn slot(text: &str, bare: Option<SessionKind>) -> Option<Slot> {
    let t = fold(text);
    match t.split_once(':') {
        Some((d, s)) => Some(Slot {
            day: weekday(d)?,
            session: session_or_day(s)?,
        }),
        None => Some(Slot {
            day: weekday(&t)?,
            session: bare,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_the_ways_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 9, 8);
        for typed in [
            "2026-09-08",
            "2026-9-8",
            "2026/9/8",
            "2026.9.8",
            "2026年9月8日",
            "２０２６／９／８",
            " 2026-9-8 ",
        ] {
            assert_eq!(date(typed), d, "{typed}");
        }
        for bad in [
            "2026-02-30",
            "26-9-8",
            "2026-9",
            "2026-9-8-1",
            "tomorrow",
            "2026-009-8",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn yes_no_weekdays_sessions_and_slots_in_both_languages() {
        assert_eq!(yes_no("是"), Some(true));
        assert_eq!(yes_no("否"), Some(false));
        assert_eq!(yes_no("Yes"), Some(true));
        assert_eq!(yes_no(""), Some(false));
        assert_eq!(yes_no("maybe"), None);
        assert_eq!(weekday("星期四"), Some(Weekday::Thu));
        assert_eq!(weekday("四"), Some(Weekday::Thu));
        assert_eq!(weekday("Thursday"), Some(Weekday::Thu));
        assert_eq!(session("基本"), Some(SessionKind::Basic));
        assert_eq!(session("拓展服务"), Some(SessionKind::Extended));
        assert_eq!(session("弹性离校"), Some(SessionKind::Late));
        assert_eq!(session_or_day("全天"), Some(None));
        let thu = slot("周四:基本", None).expect("a slot");
        assert_eq!(
            (thu.day, thu.session),
            (Weekday::Thu, Some(SessionKind::Basic))
        );
        assert_eq!(slot("thu:basic", None), Some(thu));
        assert_eq!(slot("周四：基本", None), Some(thu));
        let fri = slot("周五:全天", None).expect("a whole day");
        assert_eq!(fri.session, None);
        assert_eq!(slot("周六:基本", None), None);
    }
}
