//! The values inside cells: numbers, flags, kinds, lists, weekdays and sessions.
//!
//! Every parser takes the cell's text and returns the value or a [`Bad`] that
//! says what was expected, in words for the person who typed the cell. Cells
//! are read forgivingly where nothing can be misread: full-width digits and
//! punctuation from a Chinese input method, `；` and `、` between list items,
//! Chinese names of kinds, weekdays and sessions.

use kehou_solver::model::{
    GradeBand, Meetings, RoomKind, SessionKind, Skill, Slot, StaffKind, Weekday,
};

/// What was wrong with a cell: the offending item of a list (when the cell
/// holds more than one), and what was expected instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Bad {
    pub part: Option<String>,
    pub expected: Expected,
}

/// What a cell should have held, as data; worded in English by `Display`
/// and in Chinese by `words::import`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// Free text such as a name; `what` names it; it was empty.
    Text {
        what: Named,
    },
    /// An id such as `example`; it was empty.
    Id {
        example: &'static str,
    },
    Flag,
    Students,
    Cap,
    Percent,
    /// Numbers Monday to Friday (or one); `found` of them, or it was empty.
    PerDay {
        found: Option<usize>,
        empty: bool,
    },
    Grade,
    /// A grade, which may be left out when the class id starts with it.
    GradeMissing,
    Grades,
    Slot,
    /// Meetings; it was empty.
    Meetings {
        empty: bool,
    },
    StaffKind,
    RoomKind,
    Skill,
}

/// What a required text cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Person,
    Room,
    Club,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Text { what } => {
                let what = match what {
                    Named::Person => "the person's name",
                    Named::Room => "the room's name",
                    Named::Club => "the club's name",
                };
                write!(f, "expected {what}; it is empty")
            }
            Expected::Id { example } => write!(f, "expected an id such as {example}; it is empty"),
            Expected::Flag => f.write_str(FLAG),
            Expected::Students => f.write_str("expected a whole number of students, such as 40"),
            Expected::Cap => f.write_str("expected a whole number of posts from 0 to 255, or nothing for the usual cap of the person's kind"),
            Expected::Percent => f.write_str(
                "expected a percentage of full time from 1 to 100, such as 50; nothing means 100",
            ),
            Expected::PerDay {
                found: Some(n), ..
            } => write!(f, "expected 5 {PER_DAY}; found {n}"),
            Expected::PerDay { empty: true, .. } => write!(f, "expected whole {PER_DAY}; it is empty"),
            Expected::PerDay { .. } => write!(f, "expected whole {PER_DAY}"),
            Expected::Grade => f.write_str("expected a grade such as 3"),
            Expected::GradeMissing => f.write_str("expected a grade such as 3 (it may be left empty when the class id starts with its grade, like 3-2)"),
            Expected::Grades => f.write_str("expected grades like 3-6, or one grade like 3"),
            Expected::Slot => f.write_str(SLOT),
            Expected::Meetings { empty: true } => write!(f, "{MEETINGS}; it is empty"),
            Expected::Meetings { empty: false } => f.write_str(MEETINGS),
            Expected::StaffKind => {
                let codes: Vec<&str> = StaffKind::ALL.iter().map(|k| k.code()).collect();
                write!(f, "expected a kind of staff: {}", codes.join(", "))
            }
            Expected::RoomKind => {
                let codes: Vec<&str> = RoomKind::ALL.iter().map(|k| k.code()).collect();
                write!(f, "expected a kind of room: {}", codes.join(", "))
            }
            Expected::Skill => f.write_str(
                "expected the skill its leader needs, such as football; it is empty",
            ),
        }
    }
}

impl Bad {
    fn new(expected: Expected) -> Bad {
        Bad {
            part: None,
            expected,
        }
    }

    /// Names the item of a list that is wrong, if the list has more than one.
    fn within(mut self, item: &str, items: usize) -> Bad {
        if items > 1 {
            self.part = Some(item.to_owned());
        }
        self
    }
}

pub(super) type Parsed<T> = Result<T, Bad>;

const SLOT: &str = "expected weekday:session like thu:basic or fri:all (sessions: morning, noon, basic, extended, late, all)";
const MEETINGS: &str = "expected meeting slots like thu:extended;tue:extended, or how many times a week it meets, like 2 (sessions: morning, noon, basic, extended, late)";
const FLAG: &str = "expected yes or no (also 是/否, true/false, y/n, 1/0; empty means no)";
const PER_DAY: &str =
    "numbers for Monday to Friday like 38;36;38;35;30, or one number for every day";

/// The cell with full-width ASCII (`３８；３６`, `thu：basic`) and the
/// ideographic space folded to plain ASCII, trimmed. Names are not folded:
/// `三年级（1）班` stays as it is written.
pub(super) fn fold(cell: &str) -> String {
    cell.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The items of a list cell, split at `;`, `,` or `、` (after folding, so `；`
/// and `，` too), trimmed, empty items dropped.
fn items(cell: &str) -> Vec<String> {
    fold(cell)
        .split([';', ',', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A name or other free text that must be there; kept as written.
pub(super) fn text(what: Named) -> impl Fn(&str) -> Parsed<String> {
    move |cell| {
        let t = cell.trim_matches(|c: char| c.is_whitespace());
        if t.is_empty() {
            Err(Bad::new(Expected::Text { what }))
        } else {
            Ok(t.to_owned())
        }
    }
}

/// An id that must be there, such as `t017`.
pub(super) fn id(example: &'static str) -> impl Fn(&str) -> Parsed<String> {
    move |cell| {
        let t = fold(cell);
        if t.is_empty() {
            Err(Bad::new(Expected::Id { example }))
        } else {
            Ok(t)
        }
    }
}

/// A reference to another item by id, or nothing.
#[allow(clippy::unnecessary_wraps)] // the shape of every cell parser
pub(super) fn optional_id(cell: &str) -> Parsed<Option<String>> {
    let t = fold(cell);
    Ok((!t.is_empty()).then_some(t))
}

pub(super) fn flag(cell: &str) -> Parsed<bool> {
    flag_or(false)(cell)
}

/// A yes/no cell whose empty value is `default`.
pub(super) fn flag_or(default: bool) -> impl Fn(&str) -> Parsed<bool> {
    move |cell| match fold(cell).to_lowercase().as_str() {
        "" => Ok(default),
        "yes" | "y" | "true" | "t" | "1" | "是" | "√" | "✓" => Ok(true),
        "no" | "n" | "false" | "f" | "0" | "否" | "×" => Ok(false),
        _ => Err(Bad::new(Expected::Flag)),
    }
}

/// A number of students: required, a whole number.
pub(super) fn count(cell: &str) -> Parsed<u32> {
    fold(cell).parse().map_err(|_| Bad::new(Expected::Students))
}

/// A cap of posts, or nothing for the usual cap of the person's kind.
pub(super) fn optional_cap(cell: &str) -> Parsed<Option<u8>> {
    let t = fold(cell);
    if t.is_empty() {
        return Ok(None);
    }
    t.parse().map(Some).map_err(|_| Bad::new(Expected::Cap))
}

/// Percent of full time: 1 to 100, or nothing for full time.
pub(super) fn percent(cell: &str) -> Parsed<u8> {
    let t = fold(cell);
    let t = t.trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(100);
    }
    match t.parse::<u8>() {
        Ok(p @ 1..=100) => Ok(p),
        _ => Err(Bad::new(Expected::Percent)),
    }
}

/// Numbers for Monday to Friday: five, or one for every day. Empty is all zero.
pub(super) fn per_day<T>(cell: &str) -> Parsed<[T; 5]>
where
    T: std::str::FromStr + Copy + Default,
{
    let parts = items(cell);
    let numbers: Vec<T> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if numbers.len() < parts.len() {
        let bad = parts.iter().find(|p| p.parse::<T>().is_err());
        let expected = Expected::PerDay {
            found: None,
            empty: false,
        };
        return Err(match bad {
            Some(item) => Bad::new(expected).within(item, parts.len()),
            None => Bad::new(expected),
        });
    }
    match numbers.len() {
        0 => Ok([T::default(); 5]),
        1 => Ok([numbers[0]; 5]),
        5 => Ok(std::array::from_fn(|i| numbers[i])),
        n => Err(Bad::new(Expected::PerDay {
            found: Some(n),
            empty: false,
        })),
    }
}

/// Students staying Monday to Friday: five numbers or one; never empty.
pub(super) fn students_per_day(cell: &str) -> Parsed<[u32; 5]> {
    if fold(cell).is_empty() {
        return Err(Bad::new(Expected::PerDay {
            found: None,
            empty: true,
        }));
    }
    per_day(cell)
}

/// A class's grade, `3` or `3年级`; `None` when empty.
pub(super) fn grade(cell: &str) -> Parsed<Option<u8>> {
    let t = fold(cell);
    let t = t.trim_end_matches("年级").trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse().map(Some).map_err(|_| Bad::new(Expected::Grade))
}

/// The grade a class id like `3-2` or `3班` starts with.
pub(super) fn grade_of_class_id(id: &str) -> Option<u8> {
    let digits: String = id.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Grades like `3-6`, `3～6`, `3至6` or a single grade `3`.
pub(super) fn grades(cell: &str) -> Parsed<GradeBand> {
    let t = fold(cell).replace("年级", "");
    let bad = || Bad::new(Expected::Grades);
    let (from, to) = match t.split_once(['-', '~', '–', '—', '至']) {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (t.trim(), t.trim()),
    };
    let from: u8 = from.parse().map_err(|_| bad())?;
    let to: u8 = to.parse().map_err(|_| bad())?;
    Ok(GradeBand { from, to })
}

fn weekday(s: &str) -> Option<Weekday> {
    let s = s.trim();
    let s = s
        .strip_prefix("星期")
        .map_or(s.to_owned(), |d| format!("周{d}"));
    Weekday::from_code(&s)
}

/// The session part of a slot: one session, or `all` of the day.
enum Sessions {
    One(SessionKind),
    All,
}

/// A session by code, Chinese name or short Chinese name, or the whole day.
fn session(s: &str) -> Option<Sessions> {
    let s = s.trim().to_lowercase();
    let one = match s.as_str() {
        "all" | "全天" | "整天" => return Some(Sessions::All),
        "早间" => SessionKind::Morning,
        "午间" => SessionKind::Noon,
        "基本" => SessionKind::Basic,
        "拓展" => SessionKind::Extended,
        "弹性" | "延时" => SessionKind::Late,
        _ => SessionKind::from_code(&s)?,
    };
    Some(Sessions::One(one))
}

/// One `day:session` slot; a bare day means `bare` (the whole day, or the
/// extended session for a club).
fn slot(item: &str, bare: Option<SessionKind>) -> Option<Slot> {
    match item.split_once(':') {
        Some((d, s)) => Some(Slot {
            day: weekday(d)?,
            session: match session(s)? {
                Sessions::One(kind) => Some(kind),
                Sessions::All => None,
            },
        }),
        None => Some(Slot {
            day: weekday(item)?,
            session: bare,
        }),
    }
}

/// Weekly slots like `thu:basic;fri:all`; empty is none.
pub(super) fn slots(cell: &str) -> Parsed<Vec<Slot>> {
    let parts = items(cell);
    parts
        .iter()
        .map(|p| slot(p, None).ok_or_else(|| Bad::new(Expected::Slot).within(p, parts.len())))
        .collect()
}

/// `thu:extended;tue:extended` (a bare day means its extended session), or a
/// number of meetings a week for the solver to place.
pub(super) fn meetings(cell: &str) -> Parsed<Meetings> {
    let t = fold(cell);
    let t = t.trim_end_matches("次").trim();
    if let Ok(n) = t.parse::<u8>() {
        return Ok(Meetings::PerWeek(n));
    }
    let parts = items(t);
    if parts.is_empty() {
        return Err(Bad::new(Expected::Meetings { empty: true }));
    }
    parts
        .iter()
        .map(|p| match slot(p, Some(SessionKind::Extended)) {
            Some(s) if s.session.is_some() => Ok(s),
            _ => Err(Bad::new(Expected::Meetings { empty: false }).within(p, parts.len())),
        })
        .collect::<Parsed<Vec<Slot>>>()
        .map(Meetings::Fixed)
}

/// A kind of staff by code (`teacher`) or Chinese (`教师`, `老师`).
pub(super) fn staff_kind(cell: &str) -> Parsed<StaffKind> {
    const MORE: [(&str, StaffKind); 9] = [
        ("老师", StaffKind::Teacher),
        ("在职教师", StaffKind::Teacher),
        ("校领导", StaffKind::Leader),
        ("学校领导", StaffKind::Leader),
        ("退休", StaffKind::Retired),
        ("家长", StaffKind::Parent),
        ("社区", StaffKind::Community),
        ("校外教练", StaffKind::Coach),
        ("外聘教练", StaffKind::Coach),
    ];
    let t = fold(cell);
    StaffKind::from_code(&t)
        .or_else(|| MORE.iter().find(|(n, _)| *n == t).map(|(_, k)| *k))
        .ok_or_else(|| Bad::new(Expected::StaffKind))
}

/// A kind of room by code (`gym`) or Chinese (`体育馆`, `机房`).
pub(super) fn room_kind(cell: &str) -> Parsed<RoomKind> {
    const MORE: [(&str, RoomKind); 11] = [
        ("普通教室", RoomKind::Classroom),
        ("运动场", RoomKind::Playground),
        ("球场", RoomKind::Playground),
        ("图书室", RoomKind::Library),
        ("阅览室", RoomKind::Library),
        ("科学室", RoomKind::Lab),
        ("科学实验室", RoomKind::Lab),
        ("机房", RoomKind::Computer),
        ("计算机教室", RoomKind::Computer),
        ("多功能厅", RoomKind::Hall),
        ("报告厅", RoomKind::Hall),
    ];
    let t = fold(cell);
    RoomKind::from_code(&t)
        .or_else(|| MORE.iter().find(|(n, _)| *n == t).map(|(_, k)| *k))
        .ok_or_else(|| Bad::new(Expected::RoomKind))
}

/// A skill as kehou spells it: lower case; kehou's own names of the common
/// skills in either language (`作业辅导` is `homework`, `乒乓球` is
/// `table_tennis`, `table tennis` too).
fn skill_name(s: &str) -> Skill {
    match s {
        "作业" | "作业看护" => Skill::homework(),
        s => {
            let code = crate::words::skills::BUILT_IN
                .iter()
                .find(|(code, zh, en)| *code == s || *zh == s || en.eq_ignore_ascii_case(s))
                .map(|(code, _, _)| *code);
            Skill::new(code.map_or_else(|| s.to_lowercase(), str::to_owned))
        }
    }
}

/// Skills like `homework;football`; empty is none.
#[allow(clippy::unnecessary_wraps)] // the shape of every cell parser
pub(super) fn skills(cell: &str) -> Parsed<Vec<Skill>> {
    let mut out: Vec<Skill> = Vec::new();
    for s in items(cell).iter().map(|s| skill_name(s)) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

/// The one skill a club's leader needs.
pub(super) fn skill(cell: &str) -> Parsed<Skill> {
    let t = fold(cell);
    if t.is_empty() {
        Err(Bad::new(Expected::Skill))
    } else {
        Ok(skill_name(&t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected<T: std::fmt::Debug>(r: Parsed<T>) -> String {
        r.unwrap_err().expected.to_string()
    }

    #[test]
    fn lists_split_at_ascii_and_full_width_separators() {
        assert_eq!(items("a; b；c、d，e,,"), ["a", "b", "c", "d", "e"]);
        assert_eq!(
            per_day::<u32>("３８；３６；38;35;30"),
            Ok([38, 36, 38, 35, 30])
        );
    }

    #[test]
    fn per_day_takes_five_one_or_none() {
        assert_eq!(per_day::<u8>("4"), Ok([4; 5]));
        assert_eq!(per_day::<u8>(""), Ok([0; 5]));
        let e = per_day::<u32>("1;2;3").unwrap_err();
        assert!(e.expected.to_string().contains("found 3"), "{e:?}");
        let e = per_day::<u32>("1;2;x;4;5").unwrap_err();
        assert_eq!(e.part.as_deref(), Some("x"));
        assert!(per_day::<u8>("300").is_err());
    }

    #[test]
    fn slots_take_codes_chinese_and_whole_days() {
        let s = slots("thu:basic; 周五：全天 ;星期一:拓展服务;wed").unwrap();
        let shown: Vec<String> = s.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["thu:basic", "fri:all", "mon:extended", "wed:all"]);
        let e = slots("mon:basic;thu:bsic").unwrap_err();
        assert_eq!(e.part.as_deref(), Some("thu:bsic"));
        assert_eq!(e.expected, Expected::Slot);
        assert_eq!(slots("thu:bsic").unwrap_err().part, None);
    }

    #[test]
    fn meetings_are_slots_or_a_count() {
        assert_eq!(meetings("2"), Ok(Meetings::PerWeek(2)));
        assert_eq!(meetings("2次"), Ok(Meetings::PerWeek(2)));
        let Ok(Meetings::Fixed(s)) = meetings("thu;tue:extended") else {
            panic!("fixed meetings");
        };
        assert_eq!(s[0].to_string(), "thu:extended");
        assert!(meetings("thu:all").is_err());
        assert!(meetings("").is_err());
    }

    #[test]
    fn flags_kinds_grades_and_skills() {
        assert_eq!(flag("是"), Ok(true));
        assert_eq!(flag(" Y "), Ok(true));
        assert_eq!(flag(""), Ok(false));
        assert_eq!(flag_or(true)(""), Ok(true));
        assert!(expected(flag("maybe")).contains("yes or no"));
        assert_eq!(staff_kind("退休教师"), Ok(StaffKind::Retired));
        assert_eq!(staff_kind("Coach"), Ok(StaffKind::Coach));
        assert!(expected(staff_kind("janitor")).contains("teacher, leader"));
        assert_eq!(room_kind("机房"), Ok(RoomKind::Computer));
        assert_eq!(grades("3-6"), Ok(GradeBand { from: 3, to: 6 }));
        assert_eq!(grades("3"), Ok(GradeBand { from: 3, to: 3 }));
        assert_eq!(grades("1～2年级"), Ok(GradeBand { from: 1, to: 2 }));
        assert!(grades("three").is_err());
        assert_eq!(grade("3年级"), Ok(Some(3)));
        assert_eq!(grade_of_class_id("3-2"), Some(3));
        assert_eq!(
            skills("作业辅导;Football;homework").unwrap(),
            [Skill::homework(), Skill::new("football")]
        );
        assert_eq!(percent("50%"), Ok(50));
        assert!(percent("0").is_err());
    }
}
