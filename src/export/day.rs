//! The duty board of one date (`kehou export --format html --date D`): every
//! post of that date as it runs — times of the date's season, staff after
//! the date's substitutions — with each substitution marked where it
//! happens (who is out struck through, who covers highlighted) and listed
//! with its reason above the table, so the posted sheet matches the day.

use std::fmt::Write as _;

use kehou_solver::dated::{DatedPost, DayRoster};
use kehou_solver::plan::{PostKind, Role};
use kehou_solver::{Plan, School};

use super::board::natural;
use super::html::{self, escape, Paper};
use super::labels;

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
pub fn render(school: &School, plan: &Plan, day: &DayRoster) -> String {
    let date = day.day.date;
    let title = format!(
        "{} 课后服务值班表 {}",
        school.name,
        date.format("%Y年%-m月%-d日")
    );
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"page\">\n<h1>{}</h1>\n<p class=\"sub\">{} · {}（按{}课表）· 教学周{} · 轮换第{}周（共{}周）· {}作息</p>\n",
        escape(&title),
        escape(&school.term.name),
        weekday_of(date),
        day.day.runs_as.chinese(),
        day.day.teaching_week,
        day.day.cycle_week,
        plan.cycle_weeks,
        labels::season_chinese(day.day.season),
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
        "<p class=\"leaderline\">值班领导：<span class=\"leader\">★ {}</span></p>",
        if leaders.is_empty() {
            "—".to_owned()
        } else {
            leaders.join("、")
        }
    );
    changes_list(&mut out, school, plan, day);
    out.push_str(
        "<table class=\"day\">\n<thead><tr><th>时间</th><th>岗位</th><th>组别</th><th>地点</th>\
<th>人数</th><th>负责人</th><th>协助</th><th>当日调整</th></tr></thead>\n<tbody>\n",
    );
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
                dp.post.session.chinese()
            );
        }
        row(&mut out, school, dp);
    }
    out.push_str(
        "</tbody>\n</table>\n<p class=\"legend\">图例：<span class=\"lead\">粗体</span>为负责人；\
<span class=\"out\">删除线</span>为当日缺席者，<span class=\"cover\">绿底</span>为代岗者；\
<span class=\"unmet\">缺N人</span>为尚未安排；未注明地点者在本班教室。</p>\n</section>\n",
    );
    html::document(&title, Paper::A4Portrait, CSS, &out)
}

fn weekday_of(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        [date.weekday().num_days_from_monday() as usize]
}

/// The date's substitutions as a list above the table.
fn changes_list(out: &mut String, school: &School, plan: &Plan, day: &DayRoster) {
    let changes: Vec<(&DatedPost, &kehou_solver::plan::Substitution)> = day
        .posts
        .iter()
        .flat_map(|p| p.changes.iter().map(move |c| (p, c)))
        .collect();
    if changes.is_empty() {
        out.push_str("<p class=\"sub\">今日无调整。</p>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"sub\">今日调整 {} 处：</p>\n<ol class=\"changes\">",
        changes.len()
    );
    for (dp, c) in changes {
        let _ = write!(
            out,
            "<li>{} {}–{} {}：",
            escape(&labels::group(school, &dp.post)),
            dp.post.start,
            dp.post.end,
            labels::kind_chinese(dp.post.kind)
        );
        change_text(out, school, c);
        let names = crate::words::Names::new(crate::words::Lang::Zh, school, Some(plan));
        let _ = write!(
            out,
            "（{}）",
            escape(&crate::words::plan::cover(&c.reason, &names))
        );
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn change_text(out: &mut String, school: &School, c: &kehou_solver::plan::Substitution) {
    match &c.out {
        Some(id) => {
            let _ = write!(
                out,
                "<span class=\"out\">{}</span>",
                escape(&labels::name(school, id))
            );
        }
        None => out.push_str("空缺"),
    }
    out.push_str(" → ");
    match &c.cover {
        Some(id) => {
            let _ = write!(
                out,
                "<span class=\"cover\">{}</span>（代）",
                escape(&labels::name(school, id))
            );
        }
        None => out.push_str("<span class=\"unmet\">无人可代</span>"),
    }
}

fn row(out: &mut String, school: &School, dp: &DatedPost) {
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
        labels::kind_chinese(post.kind),
        escape(&labels::group(school, post)),
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
                out.push('、');
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
        out.push_str("<span class=\"unmet\">缺负责人</span>");
    }
    out.push_str("</td><td>");
    names(out, Role::Assist);
    if post.missing() > 0 {
        let _ = write!(out, " <span class=\"unmet\">缺{}人</span>", post.missing());
    }
    out.push_str("</td><td>");
    for (i, c) in dp.changes.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        change_text(out, school, c);
    }
    out.push_str("</td></tr>\n");
}
