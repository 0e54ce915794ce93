//! The columns of each CSV file and the header names that mean them.
//!
//! A header matches a column when, after [`normalize`], it equals one of the
//! column's names: the English key first, then Chinese names and a few
//! synonyms. Case, surrounding spaces, `-`/space versus `_`, and a trailing
//! note in brackets (`基本服务人数（周一至周五）`) do not matter.

/// One column of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The English name, used in the code and in messages about the column.
    pub key: &'static str,
    /// Every accepted header, normalized; the key first.
    pub names: &'static [&'static str],
    /// A required column must be in the file; an optional one may be left out.
    pub required: bool,
}

const fn req(key: &'static str, names: &'static [&'static str]) -> Column {
    Column {
        key,
        names,
        required: true,
    }
}

const fn opt(key: &'static str, names: &'static [&'static str]) -> Column {
    Column {
        key,
        names,
        required: false,
    }
}

pub(super) const STAFF: &[Column] = &[
    req(
        "id",
        &["id", "工号", "编号", "教师编号", "职工号", "staff_id"],
    ),
    req("name", &["name", "姓名", "名字"]),
    req("kind", &["kind", "类别", "身份", "人员类别", "类型"]),
    opt("skills", &["skills", "skill", "技能", "特长", "专长"]),
    opt(
        "class_teacher_of",
        &["class_teacher_of", "班主任班级", "任班主任", "所带班级"],
    ),
    opt("max_per_week", &["max_per_week", "每周上限", "每周最多"]),
    opt(
        "max_per_day",
        &["max_per_day", "每日上限", "每天上限", "每日最多"],
    ),
    opt(
        "unavailable",
        &["unavailable", "不可用时段", "不可用", "不能值班时段"],
    ),
    opt(
        "no_late",
        &["no_late", "免弹性离校", "不值弹性离校", "免延时托管"],
    ),
    opt(
        "teaching_periods",
        &["teaching_periods", "每日课时", "每天课时", "课时"],
    ),
    opt(
        "part_time_percent",
        &["part_time_percent", "工作量比例", "工作量"],
    ),
    opt("opted_in", &["opted_in", "自愿参加", "是否参加", "报名"]),
];

pub(super) const ROOMS: &[Column] = &[
    req("id", &["id", "教室编号", "场地编号", "编号", "room_id"]),
    req("name", &["name", "名称", "教室名称", "场地名称"]),
    req("kind", &["kind", "类型", "类别", "场地类型", "教室类型"]),
    req("capacity", &["capacity", "容量", "容纳人数", "座位数"]),
    opt("outdoor", &["outdoor", "室外", "户外"]),
    opt(
        "fallback",
        &["fallback", "备用教室", "备用场地", "雨天备用"],
    ),
    opt("unavailable", &["unavailable", "不可用时段", "不可用"]),
];

pub(super) const CLASSES: &[Column] = &[
    req("id", &["id", "班级", "班级编号", "class"]),
    opt("grade", &["grade", "年级"]),
    req("homeroom", &["homeroom", "本班教室", "教室", "教室编号"]),
    opt("class_teacher", &["class_teacher", "班主任", "班主任工号"]),
    req("basic", &["basic", "基本服务人数", "基本服务"]),
    opt("extended", &["extended", "拓展服务人数", "拓展服务"]),
    opt(
        "late",
        &["late", "弹性离校人数", "弹性离校", "延时托管人数"],
    ),
];

pub(super) const CLUBS: &[Column] = &[
    req("id", &["id", "社团编号", "编号", "club_id"]),
    req("name", &["name", "社团名称", "名称"]),
    req("skill", &["skill", "所需技能", "技能"]),
    req("grades", &["grades", "年级", "适用年级", "面向年级"]),
    req("enrolled", &["enrolled", "报名人数", "人数"]),
    req(
        "meetings",
        &["meetings", "活动安排", "活动时间", "上课时间"],
    ),
    req("room_kind", &["room_kind", "场地类型", "场地"]),
    opt("leader", &["leader", "指导教师", "辅导教师", "负责人"]),
    opt("outdoor", &["outdoor", "室外", "户外"]),
];

/// A header as it is compared: trimmed, lower case, `_` for spaces and `-`,
/// without a byte-order mark or a trailing note in brackets.
pub(super) fn normalize(header: &str) -> String {
    let mut h = header.trim_start_matches('\u{feff}').trim();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(stripped) = h.strip_suffix(close) {
            if let Some(i) = stripped.rfind(open) {
                if i > 0 {
                    h = stripped[..i].trim();
                }
            }
        }
    }
    h.chars()
        .map(|c| match c {
            ' ' | '-' | '\u{3000}' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The column a header means, if any.
pub(super) fn column_of(columns: &[Column], header: &str) -> Option<usize> {
    let h = normalize(header);
    columns.iter().position(|c| c.names.contains(&h.as_str()))
}

/// Every accepted header of a file, for the message about an unknown one:
/// `id (工号, 编号, …), name (姓名, 名字), …`.
pub fn known(columns: &[Column]) -> String {
    columns
        .iter()
        .map(|c| {
            let others: Vec<&str> = c.names.iter().copied().filter(|n| *n != c.key).collect();
            if others.is_empty() {
                c.key.to_owned()
            } else {
                format!("{} ({})", c.key, others.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_means_one_column_and_is_normalized() {
        for columns in [STAFF, ROOMS, CLASSES, CLUBS] {
            let mut seen = std::collections::BTreeSet::new();
            for c in columns {
                assert_eq!(c.names[0], c.key);
                for n in c.names {
                    assert_eq!(normalize(n), *n, "{n} is not in normalized form");
                    assert!(seen.insert(*n), "{n} names two columns");
                }
            }
        }
    }

    #[test]
    fn headers_match_whatever_their_case_spacing_and_notes() {
        assert_eq!(column_of(STAFF, " Max Per Week "), Some(5));
        assert_eq!(column_of(STAFF, "\u{feff}工号"), Some(0));
        assert_eq!(column_of(STAFF, "max-per-day"), Some(6));
        assert_eq!(column_of(CLASSES, "基本服务人数（周一至周五）"), Some(4));
        assert_eq!(column_of(CLASSES, "Basic (Mon-Fri)"), Some(4));
        assert_eq!(column_of(CLUBS, "年级"), Some(3));
        assert_eq!(column_of(CLUBS, "grade"), None);
        assert_eq!(normalize("(note)"), "(note)");
    }
}
