//! Attendance sign-in sheets (《托管学生考勤记录表》): one printable A4 page
//! per care group (a homework group or a late group) per week, for the
//! handover chain — class teacher → supervising teacher, with a head count
//! and both signatures each day.
//!
//! Without a date: a sheet per week of the cycle, days by weekday, dates left
//! to fill in. With a date: the sheets of that date's teaching week, dates
//! filled in and adults as that week's substitutions left them.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use kehou_solver::calendar::{self, ServiceDay};
use kehou_solver::dated;
use kehou_solver::model::StaffId;
use kehou_solver::plan::{Post, PostKind, Role};
use kehou_solver::{Plan, School};

use super::board::natural;
use super::html::{self, escape, Paper};
use super::labels;

const CSS: &str = "\
.page { font-size: 10pt; }\n\
h1 { text-align: center; font-size: 16pt; }\n\
.sub { text-align: center; }\n\
.info td, .info th { padding: 1.2mm 2mm; }\n\
.info th { background: #f0f0f0; width: 24mm; }\n\
.sheet { margin-top: 3mm; }\n\
.sheet th { background: #e8e8e8; text-align: center; padding: 1mm; font-size: 9pt; }\n\
.sheet td { height: 12mm; padding: 1mm; vertical-align: middle; }\n\
.sheet td.n { text-align: center; }\n\
.note { font-size: 8.5pt; margin-top: 3mm; }\n\
";

type GroupKey = (PostKind, Vec<(String, u64)>, String);

/// The days of one sheet week: a heading for each day and its posts.
struct Week {
    label: String,
    days: Vec<(String, Vec<Post>)>,
}

/// Every sign-in sheet: of the cycle, or of the teaching week of `date`.
pub fn render(school: &School, plan: &Plan, date: Option<ServiceDay>) -> String {
    let weeks = match date {
        None => cycle_weeks(plan),
        Some(day) => vec![teaching_week(school, plan, day)],
    };
    let mut pages = String::new();
    let mut count = 0;
    for week in &weeks {
        // Kind, then the label in natural order, then the label.
        let mut groups: BTreeSet<GroupKey> = BTreeSet::new();
        for (_, posts) in &week.days {
            for p in posts.iter().filter(|p| is_care_group(p)) {
                let label = p.group_label();
                groups.insert((p.kind, natural(&label), label));
            }
        }
        for (kind, _, label) in &groups {
            sheet(&mut pages, school, week, *kind, label);
            count += 1;
        }
    }
    let title = format!("{} 托管学生考勤记录表", school.name);
    html::document(
        &title,
        Paper::A4Portrait,
        CSS,
        &format!("<!-- pages: {count} -->\n{pages}"),
    )
}

fn is_care_group(post: &Post) -> bool {
    matches!(post.kind, PostKind::Homework | PostKind::Late)
}

fn cycle_weeks(plan: &Plan) -> Vec<Week> {
    (1..=plan.cycle_weeks.max(1))
        .map(|week| {
            let days: BTreeSet<_> = plan
                .posts
                .iter()
                .filter(|p| p.week == week)
                .map(|p| p.day)
                .collect();
            Week {
                label: format!("轮换第{week}周（共{}周）", plan.cycle_weeks),
                days: days
                    .into_iter()
                    .map(|d| {
                        let posts = plan
                            .posts
                            .iter()
                            .filter(|p| p.week == week && p.day == d)
                            .cloned()
                            .collect();
                        (format!("{}　　月　　日", d.chinese()), posts)
                    })
                    .collect(),
            }
        })
        .collect()
}

fn teaching_week(school: &School, plan: &Plan, day: ServiceDay) -> Week {
    let days = calendar::service_days(&school.term, plan.cycle_weeks)
        .into_iter()
        .filter(|d| d.teaching_week == day.teaching_week)
        .filter_map(|d| dated::day_roster(school, plan, d.date))
        .map(|roster| {
            let label = format!(
                "{}（{}）",
                roster.day.date.format("%-m月%-d日"),
                roster.day.runs_as.chinese()
            );
            (label, roster.posts.into_iter().map(|p| p.post).collect())
        })
        .collect();
    Week {
        label: format!(
            "教学周第{}周（轮换第{}周）",
            day.teaching_week, day.cycle_week
        ),
        days,
    }
}

fn names(school: &School, ids: impl IntoIterator<Item = StaffId>) -> String {
    let mut seen = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen.iter()
        .map(|id| labels::name(school, id))
        .collect::<Vec<_>>()
        .join("、")
}

fn sheet(out: &mut String, school: &School, week: &Week, kind: PostKind, label: &str) {
    let of_group = |p: &&Post| p.kind == kind && p.group_label() == label;
    let posts: Vec<&Post> = week
        .days
        .iter()
        .flat_map(|(_, ps)| ps.iter().filter(of_group))
        .collect();
    let Some(first) = posts.first() else { return };
    let rooms: BTreeSet<String> = posts
        .iter()
        .map(|p| labels::room(school, p))
        .filter(|r| !r.is_empty())
        .collect();
    let mut adults: Vec<(Role, StaffId)> = posts
        .iter()
        .flat_map(|p| p.staff.iter().map(|a| (a.role, a.staff.clone())))
        .collect();
    adults.sort();
    let class_teachers = names(
        school,
        first
            .classes
            .iter()
            .filter_map(|c| school.class(c))
            .filter_map(|c| c.class_teacher.clone()),
    );
    let classes = first
        .classes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("、");
    let _ = write!(
        out,
        "<section class=\"page\">\n<h1>托管学生考勤记录表</h1>\n<p class=\"sub\">{} · {} · {}</p>\n\
<table class=\"info\"><tr><th>托管组别</th><td>{}（{}）</td><th>教室</th><td>{}</td></tr>\n\
<tr><th>所含班级</th><td>{}</td><th>班主任</th><td>{}</td></tr>\n\
<tr><th>看护教师</th><td colspan=\"3\">{}</td></tr></table>\n",
        escape(&school.name),
        escape(&school.term.name),
        escape(&week.label),
        escape(label),
        labels::kind_chinese(kind),
        escape(&rooms.into_iter().collect::<Vec<_>>().join("、")),
        escape(&classes),
        escape(&class_teachers),
        escape(&names(school, adults.into_iter().map(|(_, id)| id))),
    );
    out.push_str(
        "<table class=\"sheet\">\n<thead><tr><th style=\"width:24mm\">日期</th><th>时间</th>\
<th>看护教师</th><th style=\"width:13mm\">应到人数</th><th style=\"width:13mm\">实到人数</th>\
<th style=\"width:20mm\">请假/缺勤</th><th style=\"width:24mm\">看护教师签名</th>\
<th style=\"width:24mm\">班主任交接签名</th><th style=\"width:18mm\">备注</th></tr></thead>\n<tbody>\n",
    );
    for (day, day_posts) in &week.days {
        for p in day_posts.iter().filter(of_group) {
            let mut staff: Vec<_> = p.staff.iter().collect();
            staff.sort_by_key(|a| a.role);
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}–{}</td><td>{}</td><td class=\"n\">{}</td><td></td><td></td><td></td><td></td><td></td></tr>",
                escape(day),
                p.start,
                p.end,
                escape(&names(school, staff.iter().map(|a| a.staff.clone()))),
                p.students,
            );
        }
    }
    out.push_str(
        "</tbody>\n</table>\n<p class=\"note\">说明：班主任清点留校学生后交接给看护教师，双方签名；\
看护教师核对实到人数，缺勤学生当即联系家长；结束时护送学生至校门。本表每周交教导处存档。</p>\n</section>\n",
    );
}
