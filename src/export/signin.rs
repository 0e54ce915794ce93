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
use crate::words::Lang;

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
pub fn render(school: &School, plan: &Plan, date: Option<ServiceDay>, lang: Lang) -> String {
    let weeks = match date {
        None => cycle_weeks(plan, lang),
        Some(day) => vec![teaching_week(school, plan, day, lang)],
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
            sheet(&mut pages, school, week, (*kind, label), lang);
            count += 1;
        }
    }
    let title = match lang {
        Lang::Zh => format!("{} 托管学生考勤记录表", school.name),
        Lang::En => format!("{} after-school attendance sheets", school.name),
    };
    html::document(
        &title,
        lang,
        Paper::A4Portrait,
        CSS,
        &format!("<!-- pages: {count} -->\n{pages}"),
    )
}

fn is_care_group(post: &Post) -> bool {
    matches!(post.kind, PostKind::Homework | PostKind::Late)
}

fn cycle_weeks(plan: &Plan, lang: Lang) -> Vec<Week> {
    (1..=plan.cycle_weeks.max(1))
        .map(|week| {
            let days: BTreeSet<_> = plan
                .posts
                .iter()
                .filter(|p| p.week == week)
                .map(|p| p.day)
                .collect();
            Week {
                label: match lang {
                    Lang::Zh => format!("轮换第{week}周（共{}周）", plan.cycle_weeks),
                    Lang::En => format!("cycle week {week} of {}", plan.cycle_weeks),
                },
                days: days
                    .into_iter()
                    .map(|d| {
                        let posts = plan
                            .posts
                            .iter()
                            .filter(|p| p.week == week && p.day == d)
                            .cloned()
                            .collect();
                        let label = match lang {
                            Lang::Zh => format!("{}　　月　　日", d.chinese()),
                            Lang::En => format!("{}, date:", lang.vocab().weekday(d)),
                        };
                        (label, posts)
                    })
                    .collect(),
            }
        })
        .collect()
}

fn teaching_week(school: &School, plan: &Plan, day: ServiceDay, lang: Lang) -> Week {
    let days = calendar::service_days(&school.term, plan.cycle_weeks)
        .into_iter()
        .filter(|d| d.teaching_week == day.teaching_week)
        .filter_map(|d| dated::day_roster(school, plan, d.date))
        .map(|roster| {
            let label = match lang {
                Lang::Zh => format!(
                    "{}（{}）",
                    roster.day.date.format("%-m月%-d日"),
                    roster.day.runs_as.chinese()
                ),
                Lang::En => format!(
                    "{} (runs as {})",
                    roster.day.date.format("%a %-d %b"),
                    lang.vocab().weekday(roster.day.runs_as)
                ),
            };
            (label, roster.posts.into_iter().map(|p| p.post).collect())
        })
        .collect();
    Week {
        label: match lang {
            Lang::Zh => format!(
                "教学周第{}周（轮换第{}周）",
                day.teaching_week, day.cycle_week
            ),
            Lang::En => format!(
                "teaching week {} (cycle week {})",
                day.teaching_week, day.cycle_week
            ),
        },
        days,
    }
}

fn names(school: &School, ids: impl IntoIterator<Item = StaffId>, lang: Lang) -> String {
    let mut seen = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    let names: Vec<String> = seen.iter().map(|id| labels::name(school, id)).collect();
    lang.vocab().join(&names)
}

fn sheet(
    out: &mut String,
    school: &School,
    week: &Week,
    (kind, label): (PostKind, &str),
    lang: Lang,
) {
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
        lang,
    );
    let v = lang.vocab();
    let classes: Vec<String> = first.classes.iter().map(ToString::to_string).collect();
    let classes = v.join(&classes);
    let w = match lang {
        Lang::Zh => SheetWords {
            heading: "托管学生考勤记录表",
            group: "托管组别",
            kind: "（{}）",
            room: "教室",
            classes: "所含班级",
            class_teacher: "班主任",
            supervisors: "看护教师",
        },
        Lang::En => SheetWords {
            heading: "After-school attendance sheet",
            group: "Group",
            kind: " ({})",
            room: "Room",
            classes: "Classes",
            class_teacher: "Class teacher",
            supervisors: "Supervising teachers",
        },
    };
    let _ = write!(
        out,
        "<section class=\"page\">\n<h1>{}</h1>\n<p class=\"sub\">{} · {} · {}</p>\n\
<table class=\"info\"><tr><th>{}</th><td>{}{}</td><th>{}</th><td>{}</td></tr>\n\
<tr><th>{}</th><td>{}</td><th>{}</th><td>{}</td></tr>\n\
<tr><th>{}</th><td colspan=\"3\">{}</td></tr></table>\n",
        w.heading,
        escape(&school.name),
        escape(&school.term.name),
        escape(&week.label),
        w.group,
        escape(label),
        crate::words::fill(w.kind, &[&labels::kind(kind, lang)]),
        w.room,
        escape(&v.join(&rooms.into_iter().collect::<Vec<_>>())),
        w.classes,
        escape(&classes),
        w.class_teacher,
        escape(&class_teachers),
        w.supervisors,
        escape(&names(school, adults.into_iter().map(|(_, id)| id), lang)),
    );
    out.push_str(match lang {
        Lang::Zh => "<table class=\"sheet\">\n<thead><tr><th style=\"width:24mm\">日期</th><th>时间</th>\
<th>看护教师</th><th style=\"width:13mm\">应到人数</th><th style=\"width:13mm\">实到人数</th>\
<th style=\"width:20mm\">请假/缺勤</th><th style=\"width:24mm\">看护教师签名</th>\
<th style=\"width:24mm\">班主任交接签名</th><th style=\"width:18mm\">备注</th></tr></thead>\n<tbody>\n",
        Lang::En => "<table class=\"sheet\">\n<thead><tr><th style=\"width:24mm\">Date</th><th>Time</th>\
<th>Supervising teacher</th><th style=\"width:13mm\">Expected</th><th style=\"width:13mm\">Present</th>\
<th style=\"width:20mm\">Leave / absent</th><th style=\"width:24mm\">Supervisor's signature</th>\
<th style=\"width:24mm\">Class teacher's handover signature</th><th style=\"width:18mm\">Notes</th></tr></thead>\n<tbody>\n",
    });
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
                escape(&names(school, staff.iter().map(|a| a.staff.clone()), lang)),
                p.students,
            );
        }
    }
    out.push_str(match lang {
        Lang::Zh => "</tbody>\n</table>\n<p class=\"note\">说明：班主任清点留校学生后交接给看护教师，双方签名；\
看护教师核对实到人数，缺勤学生当即联系家长；结束时护送学生至校门。本表每周交教导处存档。</p>\n</section>\n",
        Lang::En => "</tbody>\n</table>\n<p class=\"note\">Note: the class teacher counts the students staying and \
hands them over to the supervising teacher, both signing; the supervising teacher checks the number present and \
calls the parents of any student missing at once; at the end, the students are walked to the school gate. \
Hand this sheet to the academic office each week to file.</p>\n</section>\n",
    });
}

/// The words of a sign-in sheet's heading and its table of who and where.
struct SheetWords {
    heading: &'static str,
    group: &'static str,
    /// After the group: its kind, `（{}）` / ` ({})`.
    kind: &'static str,
    room: &'static str,
    classes: &'static str,
    class_teacher: &'static str,
    supervisors: &'static str,
}
