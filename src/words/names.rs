//! How people, posts, rooms, clubs and skills are named wherever a person
//! reads: people by name (with the id only where two share a name), posts
//! by when and what they are ("第1周 周二 门岗 17:40", "week 1 Tue gate
//! 17:40"), skills by their display names. Ids stay for machine-readable
//! columns and files.

use std::collections::BTreeMap;

use kehou_solver::model::{ClassId, ClubId, RoomId, Skill, StaffId};
use kehou_solver::namer::Namer;
use kehou_solver::plan::{Post, PostKind};
use kehou_solver::{Plan, School};

use super::{fill, skills, Lang};

/// Names for one school (and its plan) in one language.
#[derive(Debug, Clone)]
pub struct Names<'a> {
    pub lang: Lang,
    pub school: &'a School,
    pub plan: Option<&'a Plan>,
    /// How many people carry each name.
    people_named: BTreeMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    pub fn new(lang: Lang, school: &'a School, plan: Option<&'a Plan>) -> Names<'a> {
        let mut people_named: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &school.staff {
            *people_named.entry(p.name.trim()).or_default() += 1;
        }
        Names {
            lang,
            school,
            plan,
            people_named,
        }
    }

    /// The same names for another plan.
    pub fn with_plan<'b>(&self, plan: &'b Plan) -> Names<'b>
    where
        'a: 'b,
    {
        Names {
            lang: self.lang,
            school: self.school,
            plan: Some(plan),
            people_named: self.people_named.clone(),
        }
    }

    /// A person's name; `name（id）` where two share it; the id where the
    /// school does not know them (or their name is empty).
    pub fn person_named(&self, id: &StaffId, name: &str) -> String {
        let name = name.trim();
        if name.is_empty() {
            return id.to_string();
        }
        if self.people_named.get(name).copied().unwrap_or(0) > 1 {
            return match self.lang {
                Lang::Zh => format!("{name}（{id}）"),
                Lang::En => format!("{name} ({id})"),
            };
        }
        name.to_owned()
    }

    pub fn person_of(&self, id: &StaffId) -> String {
        match self.school.person(id) {
            Some(p) => self.person_named(id, &p.name),
            None => id.to_string(),
        }
    }

    /// Whom a post is for, short: the club's name, the classes (`1-1~3`),
    /// or the duty with its time (`门岗 17:40`).
    pub fn group(&self, post: &Post) -> String {
        let v = self.lang.vocab();
        if let Some(club) = &post.club {
            if let Some(c) = self.school.club(club) {
                return c.name.clone();
            }
            let known = post.club_name.clone().unwrap_or_else(|| club.to_string());
            return match self.lang {
                Lang::Zh => format!("{known}（已不在学校）"),
                Lang::En => format!("{known} (no longer in the school)"),
            };
        }
        match post.kind {
            PostKind::Gate => {
                // Named by the dismissal wave it escorts, as the duty board does.
                let wave = post.start.minutes() + self.school.duties.gate.in_place_minutes;
                format!(
                    "{} {:02}:{:02}",
                    v.post_kind(post.kind),
                    (wave / 60) % 24,
                    wave % 60
                )
            }
            PostKind::DutyLeader | PostKind::Reception => v.post_kind(post.kind).to_owned(),
            PostKind::Homework | PostKind::Club | PostKind::Late => {
                compact_classes(post.classes.iter().map(ClassId::as_str))
            }
        }
    }

    /// A post in words: `第1周 周二 基本服务 3-1`, `第1周 周二 门岗 17:40`
    /// (the week only when the cycle has more than one).
    pub fn post_of(&self, post: &Post) -> String {
        let v = self.lang.vocab();
        let weeks = self.plan.map_or(2, |p| p.cycle_weeks);
        let week = if weeks > 1 {
            format!("{} ", v.week_of(post.week))
        } else {
            String::new()
        };
        let session = match post.kind {
            PostKind::Gate | PostKind::DutyLeader | PostKind::Reception => String::new(),
            _ => format!("{} ", v.session(post.session)),
        };
        format!(
            "{week}{} {session}{}",
            v.weekday(post.day),
            self.group(post)
        )
    }

    /// A post of the plan by its id (the id itself if the plan lacks it).
    pub fn post_id(&self, id: &str) -> String {
        match self.plan.and_then(|p| p.post(id)) {
            Some(post) => self.post_of(post),
            None => id.to_owned(),
        }
    }

    pub fn room_of(&self, id: &RoomId) -> String {
        self.school
            .room(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }

    pub fn club_of(&self, id: &ClubId) -> String {
        self.school
            .club(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    pub fn skill_of(&self, skill: &Skill) -> String {
        skills::name(self.school, skill, self.lang)
    }

    /// `第1周` / `week 1`.
    pub fn week(&self, n: u8) -> String {
        fill(self.lang.vocab().week, &[&n])
    }
}

impl Namer for Names<'_> {
    fn person(&self, id: &StaffId) -> String {
        self.person_of(id)
    }

    fn post(&self, id: &str) -> String {
        self.post_id(id)
    }

    fn room(&self, id: &RoomId) -> String {
        self.room_of(id)
    }

    fn club(&self, id: &ClubId) -> String {
        self.club_of(id)
    }

    fn skill(&self, skill: &Skill) -> String {
        self.skill_of(skill)
    }
}

/// Class ids joined with `+`, runs of three or more in one grade shortened:
/// `1-1+1-2+1-3+1-4+2-1` is `1-1~4+2-1`. A whole grade's late group stays
/// short enough for a cell of the duty board.
pub fn compact_classes<'a>(classes: impl IntoIterator<Item = &'a str>) -> String {
    let mut parts: Vec<String> = Vec::new();
    // The current run: grade prefix, first number, last number.
    let mut run: Option<(&str, u32, u32)> = None;
    let flush = |run: Option<(&str, u32, u32)>, parts: &mut Vec<String>| match run {
        Some((g, a, b)) if b >= a + 2 => parts.push(format!("{g}-{a}~{b}")),
        Some((g, a, b)) => parts.extend((a..=b).map(|n| format!("{g}-{n}"))),
        None => {}
    };
    for class in classes {
        let numbered = class.rsplit_once('-').and_then(|(g, n)| {
            n.parse::<u32>()
                .ok()
                .filter(|_| !n.starts_with('0'))
                .map(|n| (g, n))
        });
        match (numbered, run) {
            (Some((g, n)), Some((rg, a, b))) if g == rg && n == b + 1 => run = Some((rg, a, n)),
            (Some((g, n)), _) => {
                flush(run, &mut parts);
                run = Some((g, n, n));
            }
            (None, _) => {
                flush(run.take(), &mut parts);
                parts.push(class.to_owned());
            }
        }
    }
    flush(run, &mut parts);
    parts.join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_classes_are_shortened() {
        let c = |s: &str| compact_classes(s.split('+'));
        assert_eq!(c("1-1+1-2+1-3+1-4+2-1"), "1-1~4+2-1");
        assert_eq!(c("3-1+3-2"), "3-1+3-2");
        assert_eq!(c("3-1"), "3-1");
        assert_eq!(c("1-8+1-9+1-10+2-3"), "1-8~10+2-3");
        assert_eq!(c("初一(1)+1-2+1-3+1-4"), "初一(1)+1-2~4");
        assert_eq!(c("1-1+1-3+1-4"), "1-1+1-3+1-4");
    }

    #[test]
    fn posts_are_named_by_when_and_what_and_people_by_name() {
        let school = crate::files::load_school(std::path::Path::new("data/demo/demo.school.ron"))
            .expect("the demo school");
        let plan = crate::files::load_plan(std::path::Path::new("data/demo/demo.plan.ron"))
            .expect("the demo plan");
        let zh = Names::new(Lang::Zh, &school, Some(&plan));
        let en = Names::new(Lang::En, &school, Some(&plan));
        let gate = plan
            .posts
            .iter()
            .find(|p| {
                p.kind == PostKind::Gate
                    && p.week == 1
                    && p.day == kehou_solver::model::Weekday::Tue
            })
            .expect("a gate post on Tuesday");
        let wave = &gate.id[gate.id.len() - 4..];
        let time = format!("{}:{}", &wave[..2], &wave[2..]);
        assert_eq!(zh.post_id(&gate.id), format!("第1周 周二 门岗 {time}"));
        assert_eq!(en.post_id(&gate.id), format!("week 1 Tue gate {time}"));
        let basic = plan.post("w1-mon-basic-3-1").expect("a care group");
        assert_eq!(zh.post_of(basic), "第1周 周一 基本服务 3-1");
        let first = &school.staff[0];
        assert_eq!(zh.person_of(&first.id), first.name);
        assert_eq!(zh.person_of(&StaffId::new("nobody")), "nobody");
    }
}
