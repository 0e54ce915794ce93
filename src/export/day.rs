//! The duty board of one date (`kehou export --format html --date D`): every
//! post of that date as it runs — times of the date's season, staff after
//! the date's substitutions — with each substitution marked where it
//! happens (who is out struck through, who covers highlighted) and listed
//! with its reason above the table, so the posted sheet matches the day.

use std::fmt::Write as _;

use kehou_solver::dated::{DatedPost, DayRoster};
use kehou_solver::plan::{PostKind, Role};
use kehou_solver::{Plan, School};

use super::board::{natural, no_lead, short};
use super::html::{self, escape, Paper};
use super::labels;
use crate::words::{Lang, Names};

const CSS: &str = "\
.page { font-size: 9pt; }\n\
.day th, .day td { padding: 0.6mm 1mm; line-height: 1.3; }\n\
.day thead { display: table-header-group; }\n\
.day thead th { background: #e8e8e8; }\n\
.day tr { break-inside: avoid; }\n\
.day tr.s th { background: #f4f4f4; text-align: left; }\n\
.leaderline { font-size: 11pt; margin: 0 0 2mm; }\n\
.leader { background: #ffe58a; font-weight: bold; padding: 0 1mm; }\n\
.lead { font-weight: bold; }\n\
.out { text-decoration: line-through; color: #777; }\n\
.cover { background: #c8f0c8; font-weight: bold; }\n\
.changed { background: #f3fbf3; }\n\
.changes { margin: 0 0 2mm 5mm; padding: 0; }\n\
";

/// The sheet of one date.
pub fn render(school: &School, plan: &Plan, day: &DayRoster, lang: Lang) -> String {
    let date = day.day.date;
    let title = match lang {
        Lang::Zh => format!(
            "{} 课后服务值班表 {}",
            school.name,
            date.format("%Y年%-m月%-d日")
        ),
        Lang::En => format!(
            "{} after-school duty board, {}",
            school.name,
            date.format("%a %-d %b %Y")
        ),
    };
    let mut out = String::new();
    let weekday = lang.vocab().date_weekday(chrono::Datelike::weekday(&date));
    let timetable = labels::timetable(day.day.season, lang);
    let sub = match lang {
        Lang::Zh => format!(
            "{} · {}（按{}课表）· 教学周{} · 轮换第{}周（共{}周）· {}",
            escape(&school.term.name),
            weekday,
            day.day.runs_as.chinese(),
            day.day.teaching_week,
            day.day.cycle_week,
            plan.cycle_weeks,
            timetable,
        ),
        Lang::En => format!(
            "{} · {} (runs as {}) · teaching week {} · cycle week {} of {} · {}",
            escape(&school.term.name),
            weekday,
            lang.vocab().weekdays_long[day.day.runs_as.index()],
            day.day.teaching_week,
            day.day.cycle_week,
            plan.cycle_weeks,
            timetable,
        ),
    };
    let _ = write!(
        out,
        "<section class=\"page\">\n<h1>{}</h1>\n<p class=\"sub\">{sub}</p>\n",
        escape(&title),
    );
    let leaders: Vec<String> = day
        .posts
        .iter()
        .filter(|p| p.post.kind == PostKind::DutyLeader)
        .flat_map(|p| p.post.staff.iter())
        .map(|a| escape(&labels::name(school, &a.staff)).into_owned())
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"leaderline\">{}<span class=\"leader\">★ {}</span></p>",
        match lang {
            Lang::Zh => "值班领导：",
            Lang::En => "Duty leader: ",
        },
        if leaders.is_empty() {
            "—".to_owned()
        } else {
            lang.vocab().join(&leaders)
        }
    );
    changes_list(&mut out, school, plan, day, lang);
    out.push_str(match lang {
        Lang::Zh => {
            "<table class=\"day\">\n<thead><tr><th>时间</th><th>岗位</th><th>组别</th><th>地点</th>\
<th>人数</th><th>负责人</th><th>协助</th><th>当日调整</th></tr></thead>\n<tbody>\n"
        }
        Lang::En => {
            "<table class=\"day\">\n<thead><tr><th>Time</th><th>Post</th><th>Group</th><th>Room</th>\
<th>Students</th><th>Lead</th><th>Assist</th><th>Today's changes</th></tr></thead>\n<tbody>\n"
        }
    });
    let mut posts: Vec<&DatedPost> = day
        .posts
        .iter()
        .filter(|p| p.post.kind != PostKind::DutyLeader)
        .collect();
    posts.sort_by_key(|p| {
        (
            p.post.session,
            p.post.start,
            p.post.kind,
            natural(&p.post.group_label()),
        )
    });
    let mut session = None;
    for dp in posts {
        if session != Some(dp.post.session) {
            session = Some(dp.post.session);
            let _ = writeln!(
                out,
                "<tr class=\"s\"><th colspan=\"8\">{}</th></tr>",
                match lang {
                    Lang::Zh => dp.post.session.chinese(),
                    Lang::En => lang.vocab().session(dp.post.session),
                }
            );
        }
        row(&mut out, school, dp, lang);
    }
    out.push_str(match lang {
        Lang::Zh => {
            "</tbody>\n</table>\n<p class=\"legend\">图例：<span class=\"lead\">粗体</span>为负责人；\
<span class=\"out\">删除线</span>为当日缺席者，<span class=\"cover\">绿底</span>为代岗者；\
<span class=\"unmet\">缺N人</span>为尚未安排；未注明地点者在本班教室。</p>\n</section>\n"
        }
        Lang::En => {
            "</tbody>\n</table>\n<p class=\"legend\">Legend: <span class=\"lead\">bold</span> is the lead; \
<span class=\"out\">struck through</span> is away today, <span class=\"cover\">green</span> covers; \
<span class=\"unmet\">N short</span> is not yet filled; a group with no room given is in its own classroom.</p>\n</section>\n"
        }
    });
    html::document(&title, lang, Paper::A4Portrait, CSS, &out)
}

/// The date's substitutions as a list above the table.
fn changes_list(out: &mut String, school: &School, plan: &Plan, day: &DayRoster, lang: Lang) {
    let changes: Vec<(&DatedPost, &kehou_solver::plan::Substitution)> = day
        .posts
        .iter()
        .flat_map(|p| p.changes.iter().map(move |c| (p, c)))
        .collect();
    if changes.is_empty() {
        out.push_str(match lang {
            Lang::Zh => "<p class=\"sub\">今日无调整。</p>\n",
            Lang::En => "<p class=\"sub\">No changes today.</p>\n",
        });
        return;
    }
    let n = changes.len();
    let _ = writeln!(
        out,
        "<p class=\"sub\">{}</p>\n<ol class=\"changes\">",
        match lang {
            Lang::Zh => format!("今日调整 {n} 处："),
            Lang::En if n == 1 => "1 change today:".to_owned(),
            Lang::En => format!("{n} changes today:"),
        }
    );
    let names = Names::new(lang, school, Some(plan));
    for (dp, c) in changes {
        let _ = write!(
            out,
            "<li>{} {}–{} {}{}",
            escape(&labels::group(school, &dp.post, lang)),
            dp.post.start,
            dp.post.end,
            labels::kind(dp.post.kind, lang),
            match lang {
                Lang::Zh => "：",
                Lang::En => ": ",
            }
        );
        change_text(out, school, c, lang);
        let reason = escape(&crate::words::plan::cover(&c.reason, &names)).into_owned();
        let _ = match lang {
            Lang::Zh => write!(out, "（{reason}）"),
            Lang::En => write!(out, " ({reason})"),
        };
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn change_text(
    out: &mut String,
    school: &School,
    c: &kehou_solver::plan::Substitution,
    lang: Lang,
) {
    match &c.out {
        Some(id) => {
            let _ = write!(
                out,
                "<span class=\"out\">{}</span>",
                escape(&labels::name(school, id))
            );
        }
        None => out.push_str(match lang {
            Lang::Zh => "空缺",
            Lang::En => "vacant",
        }),
    }
    out.push_str(" → ");
    match &c.cover {
        Some(id) => {
            let _ = write!(
                out,
                "<span class=\"cover\">{}</span>{}",
                escape(&labels::name(school, id)),
                match lang {
                    Lang::Zh => "（代）",
                    Lang::En => " (covers)",
                }
            );
        }
        None => out.push_str(match lang {
            Lang::Zh => "<span class=\"unmet\">无人可代</span>",
            Lang::En => "<span class=\"unmet\">no cover</span>",
        }),
    }
}

fn row(out: &mut String, school: &School, dp: &DatedPost, lang: Lang) {
    let post = &dp.post;
    let covers: Vec<_> = dp.changes.iter().filter_map(|c| c.cover.as_ref()).collect();
    let room = if labels::in_homeroom(school, post) {
        String::new()
    } else {
        labels::room(school, post)
    };
    let _ = write!(
        out,
        "<tr{}><td>{}–{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>",
        if dp.changes.is_empty() {
            ""
        } else {
            " class=\"changed\""
        },
        post.start,
        post.end,
        labels::kind(post.kind, lang),
        escape(&labels::group(school, post, lang)),
        escape(&room),
        if post.kind.holds_students() {
            post.students.to_string()
        } else {
            String::new()
        },
    );
    let names = |out: &mut String, role: Role| {
        let mut first = true;
        for a in post.staff.iter().filter(|a| a.role == role) {
            if !first {
                out.push_str(lang.vocab().list_sep);
            }
            first = false;
            let class = match (covers.contains(&&a.staff), role) {
                (true, _) => "cover",
                (false, Role::Lead) => "lead",
                (false, Role::Assist) => "a",
            };
            let _ = write!(
                out,
                "<span class=\"{class}\">{}</span>",
                escape(&labels::name(school, &a.staff))
            );
        }
    };
    names(out, Role::Lead);
    if post.adults_needed > 0 && !post.has_lead() {
        let _ = write!(out, "<span class=\"unmet\">{}</span>", no_lead(lang));
    }
    out.push_str("</td><td>");
    names(out, Role::Assist);
    if post.missing() > 0 {
        let _ = write!(
            out,
            " <span class=\"unmet\">{}</span>",
            short(post.missing(), lang)
        );
    }
    out.push_str("</td><td>");
    for (i, c) in dp.changes.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        change_text(out, school, c, lang);
    }
    out.push_str("</td></tr>\n");
}
