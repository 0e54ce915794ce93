//! The capacity report (`kehou_solver::capacity::Capacity`, plain data) in
//! words a deputy head can act on, in 简体中文 or English: a short shopping
//! list, what no person fixes, and the helpers' days not needed. Shared by
//! `kehou capacity` and the terminal UI's overview. Names, never ids.

mod words;

use std::collections::BTreeMap;

use kehou_solver::capacity::{Capacity, Hire, Unfixable};
use kehou_solver::model::{ClassId, ClubId, RoomKind, SessionKind, StaffId, StaffKind, Weekday};
use kehou_solver::plan::PostKind;
use kehou_solver::School;

use crate::export::labels::compact_classes;
use crate::tui::text::{fill, Lang};
pub use words::Words;

/// What a line is, so each front end can set it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A heading of a part of the report.
    Heading,
    /// A line of the shopping list, or a helper day not needed.
    Item,
    /// A shortage no person fixes.
    Bad,
    /// Nothing short, nothing spare.
    Good,
    /// How sure, the prices, what the plan leaves.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub tone: Tone,
    pub text: String,
}

fn said(tone: Tone, text: String) -> Said {
    Said { tone, text }
}

/// How much to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything: what the plan leaves, what is short, the list, what no
    /// person fixes, how sure, the prices, the helpers' days not needed.
    Full,
    /// For a small panel beside the plan's own counts: the list first, what
    /// no person fixes, how sure.
    Brief,
}

/// The report, line by line. `plan_unmet`: the posts the current plan
/// leaves short, where there is a plan.
pub fn report(
    c: &Capacity,
    school: &School,
    plan_unmet: Option<usize>,
    lang: Lang,
    detail: Detail,
) -> Vec<Said> {
    let w = Words::of(lang);
    let full = detail == Detail::Full;
    let mut out = Vec::new();
    if let Some(n) = plan_unmet.filter(|n| *n > 0 && full) {
        out.push(said(Tone::Note, fill(w.plan_unmet, &[&n])));
    }
    if c.short.is_empty() {
        out.push(said(Tone::Good, w.nothing_short.to_owned()));
    } else if full {
        out.push(said(Tone::Heading, short(c, w)));
    }
    if !c.hires.is_empty() {
        let head = if c.people() == 1 {
            w.list_head_one
        } else {
            w.list_head_many
        };
        out.push(said(Tone::Heading, fill(head, &[&c.people()])));
        for h in &c.hires {
            out.push(said(Tone::Item, hire(h, school, w)));
        }
    } else if !c.short.is_empty() && !c.unfixable.iter().any(is_people) {
        out.push(said(Tone::Note, w.run_solve.to_owned()));
    }
    if !c.unfixable.is_empty() {
        out.push(said(Tone::Heading, w.unfixable_head.to_owned()));
        for u in &c.unfixable {
            out.push(said(Tone::Bad, unfixable(u, school, w)));
        }
    }
    if !c.hires.is_empty() {
        let how = if c.search.proven() {
            w.proven.to_owned()
        } else {
            fill(w.not_proven, &[&c.search.bound, &c.search.cost])
        };
        out.push(said(Tone::Note, how));
    }
    if !c.hires.is_empty() && full {
        let prices: Vec<String> = c
            .prices
            .kinds()
            .into_iter()
            .map(|(k, p)| fill(w.price_item, &[&kind(w, k, 1), &p]))
            .collect();
        out.push(said(
            Tone::Note,
            fill(w.prices, &[&join_all(&prices, lang)]),
        ));
    }
    if let Some(s) = &c.surplus {
        spare(&mut out, s, school, w, lang);
    }
    out
}

/// Shortages that are places a person could take but no priced kind may.
fn is_people(u: &Unfixable) -> bool {
    matches!(
        u,
        Unfixable::NoKindPriced { .. } | Unfixable::FixedLeader { .. }
    )
}

fn day(w: &Words, d: Weekday) -> &'static str {
    w.weekdays[d.index().min(4)]
}

fn session(w: &Words, s: SessionKind, many: bool) -> &'static str {
    let i = SessionKind::ALL.iter().position(|x| *x == s).unwrap_or(0);
    if many {
        w.sessions_many[i]
    } else {
        w.sessions[i]
    }
}

fn kind(w: &Words, k: StaffKind, n: u32) -> &'static str {
    let i = StaffKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    if n == 1 {
        w.kinds_one[i]
    } else {
        w.kinds_many[i]
    }
}

fn task(w: &Words, k: PostKind) -> &'static str {
    w.tasks[post_index(k)]
}

fn post(w: &Words, k: PostKind) -> &'static str {
    w.posts[post_index(k)]
}

fn post_index(k: PostKind) -> usize {
    [
        PostKind::Homework,
        PostKind::Club,
        PostKind::Late,
        PostKind::DutyLeader,
        PostKind::Gate,
        PostKind::Reception,
    ]
    .iter()
    .position(|x| *x == k)
    .unwrap_or(0)
}

fn room_kind(w: &Words, k: RoomKind) -> &'static str {
    let i = RoomKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    w.room_kinds[i]
}

/// "A", "A and B", "A, B and C"; in Chinese "A、B、C".
fn join_all(items: &[String], lang: Lang) -> String {
    match (lang, items) {
        (Lang::Zh, _) => items.join("、"),
        (Lang::En, [] | [_]) => items.concat(),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
    }
}

fn join(items: &[&str], w: &Words) -> String {
    join_all(
        &items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>(),
        w.lang,
    )
}

fn club_name(school: &School, id: &ClubId) -> String {
    school
        .club(id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

fn staff_name(school: &School, id: &StaffId) -> String {
    school
        .staff
        .iter()
        .find(|p| &p.id == id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

fn classes(list: &[ClassId]) -> String {
    compact_classes(list.iter().map(ClassId::as_str))
}

/// "Short each week: 3 places: Friday basic service duty leader 1, …", or
/// per weekday when there are many.
fn short(c: &Capacity, w: &Words) -> String {
    let what: Vec<String> = if c.short.len() <= 4 {
        c.short
            .iter()
            .map(|s| {
                fill(
                    w.short_item,
                    &[
                        &day(w, s.day),
                        &session(w, s.session, false),
                        &post(w, s.kind),
                        &s.places,
                    ],
                )
            })
            .collect()
    } else {
        let mut by_day: BTreeMap<Weekday, u32> = BTreeMap::new();
        for s in &c.short {
            *by_day.entry(s.day).or_default() += s.places;
        }
        by_day
            .into_iter()
            .map(|(d, n)| fill(w.short_day, &[&day(w, d), &n]))
            .collect()
    };
    fill(w.short_head, &[&c.places_short(), &what.join(w.comma)])
}

/// When a line's people are needed: "Tuesday and Thursday extended
/// sessions" when all of them come every time, else day by day with how
/// many each session ("Tuesday basic service 4, late pickup 1; …").
fn when(h: &Hire, w: &Words) -> String {
    if h.all_at_once() {
        let days: Vec<&str> = h.days().into_iter().map(|d| day(w, d)).collect();
        let many = days.len() > 1;
        let sessions: Vec<&str> = h
            .sessions()
            .into_iter()
            .map(|s| session(w, s, many))
            .collect();
        return fill(w.when_all, &[&join(&days, w), &join(&sessions, w)]);
    }
    h.days()
        .into_iter()
        .map(|d| {
            let sessions: Vec<String> = h
                .when
                .iter()
                .filter(|(x, _, _)| *x == d)
                .map(|(_, s, n)| fill(w.when_session, &[&session(w, *s, false), n]))
                .collect();
            fill(w.when_day, &[&day(w, d), &sessions.join(w.session_sep)])
        })
        .collect::<Vec<_>>()
        .join(w.comma)
}

fn hire(h: &Hire, school: &School, w: &Words) -> String {
    let n = h.count;
    if h.kind == StaffKind::Leader && h.tasks.contains(&PostKind::DutyLeader) {
        let days: Vec<&str> = h.days().into_iter().map(|d| day(w, d)).collect();
        let t = if n == 1 { w.duty_one } else { w.duty_many };
        return fill(t, &[&join(&days, w), &n]);
    }
    if let Some(club) = &h.club {
        // The skill by its display name in the words' language.
        let skill = h.skill.as_ref().map_or_else(String::new, |s| {
            crate::words::skills::name(school, s, w.lang)
        });
        return fill(
            w.club,
            &[
                &n,
                &kind(w, h.kind, n),
                &club_name(school, club),
                &skill,
                &when(h, w),
            ],
        );
    }
    let tasks: Vec<&str> = h.tasks.iter().map(|t| task(w, *t)).collect();
    match (h.leads, h.all_at_once()) {
        (false, true) => {
            let t = if n == 1 { w.assist_one } else { w.assist_many };
            fill(t, &[&when(h, w), &n, &kind(w, h.kind, 2)])
        }
        (false, false) => fill(
            w.assist_spread,
            &[&n, &kind(w, h.kind, n), &join(&tasks, w), &when(h, w)],
        ),
        (true, all) => fill(
            if all { w.lead } else { w.lead_spread },
            &[&n, &kind(w, h.kind, n), &join(&tasks, w), &when(h, w)],
        ),
    }
}

fn unfixable(shortage: &Unfixable, school: &School, w: &Words) -> String {
    let when = |weekday: Weekday, part: SessionKind| (day(w, weekday), session(w, part, false));
    match shortage {
        Unfixable::GroupTooBig {
            classes: list,
            day: weekday,
            session: part,
            students,
            largest,
        } => {
            let (d, s) = when(*weekday, *part);
            fill(
                w.group_too_big,
                &[&classes(list), &d, &s, students, largest],
            )
        }
        Unfixable::GroupRoomsTaken {
            classes: list,
            day: weekday,
            session: part,
            students,
        } => {
            let (d, s) = when(*weekday, *part);
            fill(w.group_rooms_taken, &[&classes(list), &d, &s, students])
        }
        Unfixable::ClubNoRoomOfKind { club, kind: rooms } => fill(
            w.club_no_room_of_kind,
            &[&club_name(school, club), &room_kind(w, *rooms)],
        ),
        Unfixable::ClubTooBig {
            club,
            kind: rooms,
            students,
            largest,
        } => fill(
            w.club_too_big,
            &[
                &club_name(school, club),
                students,
                &room_kind(w, *rooms),
                largest,
            ],
        ),
        Unfixable::ClubNoRainRoom { club, kind: rooms } => fill(
            w.club_no_rain_room,
            &[&club_name(school, club), &room_kind(w, *rooms)],
        ),
        Unfixable::ClubRoomsTaken { club, kind: rooms } => fill(
            w.club_rooms_taken,
            &[&club_name(school, club), &room_kind(w, *rooms)],
        ),
        Unfixable::FixedLeader { club, leader } => fill(
            w.fixed_leader,
            &[&club_name(school, club), &staff_name(school, leader)],
        ),
        Unfixable::NoKindPriced {
            day: weekday,
            session: part,
            kind: posts,
            places,
        } => {
            let (d, s) = when(*weekday, *part);
            fill(w.no_kind_priced, &[&d, &s, &post(w, *posts), places])
        }
    }
}

/// The helpers' days not needed, one line per person.
fn spare(
    out: &mut Vec<Said>,
    s: &kehou_solver::capacity::Surplus,
    school: &School,
    w: &Words,
    lang: Lang,
) {
    if s.spare.is_empty() {
        out.push(said(Tone::Good, w.no_spare.to_owned()));
        return;
    }
    let fewer = s.used.saturating_sub(s.needed);
    out.push(said(
        Tone::Heading,
        fill(w.spare_head, &[&fewer, &s.used, &s.needed]),
    ));
    if !s.proven {
        out.push(said(Tone::Note, w.spare_not_proven.to_owned()));
    }
    // A day not needed in every week of the cycle is said once ("every
    // Monday"), else week by week.
    let cycle = school.rules.cycle_weeks.max(1);
    type Days = BTreeMap<Weekday, Vec<u8>>;
    let mut by_person: BTreeMap<&StaffId, (StaffKind, Days)> = BTreeMap::new();
    for x in &s.spare {
        by_person
            .entry(&x.staff)
            .or_insert_with(|| (x.kind, BTreeMap::new()))
            .1
            .entry(x.day)
            .or_default()
            .push(x.week);
    }
    let by_person = by_person.into_iter().map(|(id, (k, days))| {
        let mut said: Vec<String> = Vec::new();
        for (weekday, mut weeks) in days {
            weeks.sort_unstable();
            weeks.dedup();
            let d = day(w, weekday);
            if cycle == 1 {
                said.push(d.to_owned());
            } else if weeks.len() >= usize::from(cycle) {
                said.push(fill(w.every_day, &[&d]));
            } else {
                said.extend(weeks.iter().map(|n| fill(w.week_day, &[n, &d])));
            }
        }
        (id, (k, said))
    });
    for (id, (k, days)) in by_person {
        out.push(said(
            Tone::Item,
            fill(
                w.spare_item,
                &[
                    &staff_name(school, id),
                    &kind(w, k, 1),
                    &join_all(&days, lang),
                ],
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use kehou_solver::capacity::{Prices, Search, Spare, Surplus};
    use kehou_solver::generate::{generate_with, Profile, Size};

    use super::*;

    /// A helper day not needed in every week of the cycle is said once.
    #[test]
    fn a_day_spare_in_every_week_is_said_once() {
        let mut school = generate_with(Size::Small, Profile::Demo, 2026);
        school.rules.cycle_weeks = 2;
        let helper = school
            .staff
            .iter()
            .find(|p| p.kind == StaffKind::Parent)
            .expect("a parent volunteer");
        let spare = |week: u8, day: Weekday| Spare {
            staff: helper.id.clone(),
            kind: helper.kind,
            week,
            day,
            sessions: vec![SessionKind::Late],
        };
        let c = Capacity {
            short: Vec::new(),
            hires: Vec::new(),
            unfixable: Vec::new(),
            surplus: Some(Surplus {
                used: 5,
                needed: 2,
                spare: vec![
                    spare(1, Weekday::Mon),
                    spare(2, Weekday::Mon),
                    spare(2, Weekday::Thu),
                ],
                proven: true,
            }),
            search: Search { cost: 0, bound: 0 },
            prices: Prices::default(),
            seconds: 0.0,
        };
        let line = |lang: Lang| {
            report(&c, &school, None, lang, Detail::Full)
                .into_iter()
                .find(|s| s.tone == Tone::Item)
                .expect("a line for the helper")
                .text
        };
        assert_eq!(
            line(Lang::En),
            format!(
                "{} (parent volunteer): every Monday and week 2 Thursday",
                helper.name
            )
        );
        assert_eq!(
            line(Lang::Zh),
            format!("{}（家长志愿者）：每周一、第2周周四", helper.name)
        );
    }
}
