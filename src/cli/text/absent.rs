//! The words of `kehou absent`, `kehou candidates`, `kehou cover` and
//! `kehou roster`: sick calls, covers and the roster of a date.

use std::path::Path;

use chrono::NaiveDate;
use kehou_solver::model::SessionKind;
use kehou_solver::plan::Absence;
use kehou_solver::School;

use crate::words::{Lang, Names};

/// `全天` / `the whole day`, or the sessions.
pub fn sessions(lang: Lang, sessions: &[SessionKind]) -> String {
    let v = lang.vocab();
    if sessions.is_empty() {
        return match lang {
            Lang::Zh => "全天".to_owned(),
            Lang::En => "the whole day".to_owned(),
        };
    }
    let names: Vec<&str> = sessions.iter().map(|s| v.session(*s)).collect();
    match lang {
        Lang::Zh => format!("仅{}", v.join(&names)),
        Lang::En => format!("{} only", names.join(", ")),
    }
}

/// How a person is named on a command line kehou suggests: their name,
/// unless another has it too (then their id).
pub fn staff_arg(school: &School, id: &kehou_solver::model::StaffId) -> String {
    let Some(p) = school.person(id) else {
        return id.to_string();
    };
    let shared = school.staff.iter().filter(|q| q.name == p.name).count() > 1;
    if shared || p.name.trim().is_empty() || p.name.contains(char::is_whitespace) {
        id.to_string()
    } else {
        p.name.clone()
    }
}

pub fn taken_back(n: &Names, who: &str) -> String {
    match n.lang {
        Lang::Zh => format!("已撤销{who}的请假。"),
        Lang::En => format!("Absence of {who} taken back."),
    }
}

pub fn absence(n: &Names, who: &str, a: &Absence) -> String {
    let s = sessions(n.lang, &a.sessions);
    match n.lang {
        Lang::Zh => {
            let reason = if a.reason.is_empty() {
                String::new()
            } else {
                format!("，{}", a.reason)
            };
            format!("请假：{who}，{} 至 {}，{s}{reason}。", a.from, a.to)
        }
        Lang::En => {
            let reason = if a.reason.is_empty() {
                String::new()
            } else {
                format!(", {}", a.reason)
            };
            format!("Absence: {who} from {} to {}, {s}{reason}.", a.from, a.to)
        }
    }
}

/// Why a sick call already recorded is not recorded again, and how to change it.
pub fn duplicate(n: &Names, old: &Absence, school_path: &Path, plan_path: &Path) -> String {
    let who = n.person_of(&old.staff);
    let s = sessions(n.lang, &old.sessions);
    let arg = staff_arg(n.school, &old.staff);
    let (sp, pp) = (school_path.display(), plan_path.display());
    match n.lang {
        Lang::Zh => {
            let reason = if old.reason.is_empty() {
                String::new()
            } else {
                format!("（{}）", old.reason)
            };
            format!(
                "{who} 已登记 {} 至 {} {s}请假{reason}；没有改动。要修改，先撤销：kehou absent {sp} {pp} --staff {arg} --date {} --remove",
                old.from, old.to, old.from
            )
        }
        Lang::En => {
            let reason = if old.reason.is_empty() {
                String::new()
            } else {
                format!(" ({})", old.reason)
            };
            format!(
                "{who} is already recorded away from {} to {}, {s}{reason}; nothing changed. To change it, take it back first: kehou absent {sp} {pp} --staff {arg} --date {} --remove",
                old.from, old.to, old.from
            )
        }
    }
}

pub fn repaired(lang: Lang, places: usize, seconds: f64, variables: usize, best: bool) -> String {
    match lang {
        Lang::Zh => format!(
            "重新安排了 {places} 个岗位，用时 {seconds:.2} 秒（模型 {variables} 个变量，{}）。",
            if best {
                "已是最好的安排"
            } else {
                "时限内找到的最好安排"
            }
        ),
        Lang::En => format!(
            "Repaired {places} place(s) in {seconds:.2} s (model: {variables} variables{}).",
            if best {
                ", best possible"
            } else {
                ", best found in the time"
            }
        ),
    }
}

pub fn no_changes(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有变动。",
        Lang::En => "No changes.",
    }
}

/// The header of a table of changes.
pub fn changes_header(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "日期",
            "岗位",
            "角色",
            "请假人",
            "代课人",
            "原因",
            "岗位编号",
        ],
        Lang::En => ["date", "post", "role", "out", "in", "why", "post id"],
    }
}

/// Who is out of a place that was short anyway; who covers when nobody does.
pub fn no_one(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Zh => ("（缺人岗位）", "无人"),
        Lang::En => ("(unmet post)", "NOBODY"),
    }
}

pub fn changes_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("变动（{n} 处）："),
        Lang::En => format!("Changes ({n}):"),
    }
}

pub fn undone_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("撤销（{n} 处）：这些人回到自己的岗位："),
        Lang::En => format!("Undone ({n}): these people take their own posts back:"),
    }
}

pub fn still_unmet(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{n} 个岗位仍缺人：原因见上；用 kehou candidates 列出人选，用 kehou cover 选定。"
        ),
        Lang::En => format!(
            "{n} post(s) stay unmet: see the reasons above, list people with `kehou candidates` and choose with `kehou cover`."
        ),
    }
}

pub fn balance(lang: Lang, tally: &[String]) -> String {
    match lang {
        Lang::Zh => format!("本学期代课差（代课 − 被代）：{}", tally.join("，")),
        Lang::En => format!(
            "Substitution balance this term (covers − duties given up): {}",
            tally.join(", ")
        ),
    }
}

pub fn repair_bug(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "kehou 的安排违反了规则，没有保存。这是 kehou 的缺陷，请连同文件一起报告：",
        Lang::En => "kehou made a repair that breaks a rule; nothing was saved. Please report this with the files:",
    }
}

pub fn checked(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已检查：变动的日子里每条规则都满足。",
        Lang::En => "Checked: every rule holds on the dates touched.",
    }
}

pub fn already_broken(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "警告：这次安排之前方案就已违反 {n} 条规则（这次安排没有新增；用 kehou check 找出并改正）："
        ),
        Lang::En => format!(
            "Warning: the plan already broke {n} rule(s) before this repair (the repair adds none; fix them with `kehou check`):"
        ),
    }
}

pub fn checked_new(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已检查：这次安排没有违反原方案遵守的任何规则。",
        Lang::En => "Checked: this repair breaks no rule the plan kept.",
    }
}

pub fn not_saved(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有保存。要采用这些变动，加 --yes 再运行一次同样的命令。",
        Lang::En => "Not saved. To accept these changes, run the same command again with --yes.",
    }
}

pub fn saved(lang: Lang, path: &Path, backup: &Path) -> String {
    let (p, b) = (path.display(), backup.display());
    match lang {
        Lang::Zh => format!("已保存 {p}（原方案另存为 {b}）。"),
        Lang::En => format!("Saved {p} (the previous plan is kept as {b})."),
    }
}

/// Why a plan cannot be used on real dates.
pub fn stale(lang: Lang, plan: &Path) -> String {
    let p = plan.display();
    match lang {
        Lang::Zh => format!(
            "{p}：这个方案是按较早的学校数据排的；在实际日期上使用之前，请重新排班（kehou solve）"
        ),
        Lang::En => format!(
            "{p}: this plan was solved for an earlier version of the school; solve again (kehou solve) before using it on real dates"
        ),
    }
}

/// What a date without service is.
pub fn no_service(lang: Lang, school: &School, date: NaiveDate) -> String {
    let term = &school.term;
    let (first, last) = (term.first_day, term.last_day);
    let holiday = term
        .holidays
        .iter()
        .find(|h| h.from <= date && date <= h.to);
    let no_service = term.no_service_days.iter().find(|n| n.date == date);
    match lang {
        Lang::Zh => {
            let why = if date < first || date > last {
                format!("不在本学期（{first}至{last}）内")
            } else if let Some(h) = holiday {
                format!("{}假期", h.name)
            } else if let Some(n) = no_service {
                format!("那天停课（{}）", n.reason)
            } else {
                "是周末".to_owned()
            };
            format!("{date} 没有课后服务：{why}。")
        }
        Lang::En => {
            let why = if date < first || date > last {
                format!("it is outside the term ({first} to {last})")
            } else if let Some(h) = holiday {
                format!("it is a holiday ({})", h.name)
            } else if let Some(n) = no_service {
                format!("there is no after-school service that day ({})", n.reason)
            } else {
                "it is a weekend day".to_owned()
            };
            format!("No service on {date}: {why}.")
        }
    }
}

/// The line above a date's roster.
pub fn roster_title(n: &Names, day: &kehou_solver::calendar::ServiceDay) -> String {
    let v = n.lang.vocab();
    let wd = v.date_weekday(chrono::Datelike::weekday(&day.date));
    let runs = v.weekday(day.runs_as);
    let season = v.season(day.season);
    match n.lang {
        Lang::Zh => format!(
            "{} {wd}，按{runs}上课；第 {} 教学周，周期第 {} 周；{season}",
            day.date, day.teaching_week, day.cycle_week
        ),
        Lang::En => format!(
            "{} {wd}, runs as {runs}; teaching week {}, cycle week {}; {season}",
            day.date, day.teaching_week, day.cycle_week
        ),
    }
}

pub fn roster_header(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["时间", "岗位", "场地", "人员", "岗位编号"],
        Lang::En => ["time", "post", "room", "staff", "post id"],
    }
}

pub fn unmet_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "— 缺人",
        Lang::En => "— unmet",
    }
}

pub fn roster_changes(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "本日变动（上表中带 * 号的）：",
        Lang::En => "Changes for this date (* above):",
    }
}

/// One change of a date: who is out, who is in, in what role, decided how, why.
pub fn roster_change(
    n: &Names,
    post: &str,
    out: &str,
    cover: &str,
    role: kehou_solver::plan::Role,
    by: kehou_solver::plan::DecidedBy,
    why: &str,
) -> String {
    let v = n.lang.vocab();
    match n.lang {
        Lang::Zh => format!(
            "  {post}：{out}请假，{cover}代课（{}，{}）：{why}",
            v.role(role),
            v.decided(by)
        ),
        Lang::En => format!(
            "  {post}: {out} out, {cover} in ({}, {}): {why}",
            v.role(role),
            v.decided(by)
        ),
    }
}

pub fn candidates_title(
    n: &Names,
    post: &str,
    date: NaiveDate,
    role: kehou_solver::plan::Role,
    count: usize,
) -> String {
    let role = n.lang.vocab().role(role);
    match n.lang {
        Lang::Zh => format!("{date} {post}（{role}）：有 {count} 人能担任，最合适的在前。"),
        Lang::En => format!("{post} on {date} ({role}): {count} people could take it, best first."),
    }
}

pub fn candidates_header(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["#", "人员", "在校", "代课差", "会违反"],
        Lang::En => ["#", "who", "at school", "balance", "would break"],
    }
}

/// At school already, or to call in.
pub fn on_site(lang: Lang, on_site: bool) -> &'static str {
    match (lang, on_site) {
        (Lang::Zh, true) => "在校",
        (Lang::Zh, false) => "需叫来",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "call in",
    }
}

pub fn cannot(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("不能选：{why}"),
        Lang::En => format!("CANNOT: {why}"),
    }
}
