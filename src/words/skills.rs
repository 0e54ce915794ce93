//! Skills by the names people use for them: the school's own `label` first
//! (`skills: [(skill: "lion_dance", label: "舞狮")]` in the school file),
//! then kehou's built-in names of the common ones, then the code itself.

use kehou_solver::model::Skill;
use kehou_solver::School;

use super::Lang;

/// kehou's own names of common skills: code, Chinese, English.
pub const BUILT_IN: [(&str, &str, &str); 30] = [
    ("homework", "作业辅导", "homework"),
    ("football", "足球", "football"),
    ("basketball", "篮球", "basketball"),
    ("volleyball", "排球", "volleyball"),
    ("table_tennis", "乒乓球", "table tennis"),
    ("badminton", "羽毛球", "badminton"),
    ("athletics", "田径", "athletics"),
    ("rope_skipping", "跳绳", "rope skipping"),
    ("swimming", "游泳", "swimming"),
    ("martial_arts", "武术", "martial arts"),
    ("chorus", "合唱", "chorus"),
    ("choir", "合唱", "choir"),
    ("folk_music", "民乐", "folk music"),
    ("music", "音乐", "music"),
    ("dance", "舞蹈", "dance"),
    ("painting", "绘画", "painting"),
    ("art", "美术", "art"),
    ("calligraphy", "书法", "calligraphy"),
    ("papercut", "剪纸", "paper cutting"),
    ("handcraft", "手工", "handcraft"),
    ("chess", "棋类", "chess"),
    ("reading", "阅读", "reading"),
    ("recitation", "朗诵", "recitation"),
    ("english_drama", "英语戏剧", "English drama"),
    ("science", "科学", "science"),
    ("robotics", "机器人", "robotics"),
    ("programming", "编程", "programming"),
    ("gardening", "种植", "gardening"),
    ("lion_dance", "舞狮", "lion dance"),
    ("labour", "劳动", "labour"),
];

/// A skill's display name in `lang`: the school's label, else kehou's own
/// name, else the code as written.
pub fn name(school: &School, skill: &Skill, lang: Lang) -> String {
    if let Some(label) = school.skill_label(skill) {
        return label.to_owned();
    }
    built_in(skill.as_str(), lang).map_or_else(|| skill.to_string(), str::to_owned)
}

/// kehou's own name of a skill code, if it has one.
pub fn built_in(code: &str, lang: Lang) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, zh, en)| match lang {
            Lang::Zh => *zh,
            Lang::En => *en,
        })
}

/// The skill a person typed, by its code, its label or either built-in
/// name (`足球` and `football` are both `football`); unknown words are
/// taken as codes.
pub fn from_typed(school: &School, typed: &str) -> Skill {
    let typed = typed.trim();
    if let Some(l) = school.skills.iter().find(|l| l.label.trim() == typed) {
        return l.skill.clone();
    }
    BUILT_IN
        .iter()
        .find(|(code, zh, en)| *code == typed || *zh == typed || en.eq_ignore_ascii_case(typed))
        .map_or_else(|| Skill::new(typed), |(code, _, _)| Skill::new(*code))
}

/// Skills as a person reads a list of them: `作业辅导、足球` / `homework
/// supervision, football`.
pub fn list(school: &School, skills: &[Skill], lang: Lang) -> String {
    let names: Vec<String> = skills.iter().map(|s| name(school, s, lang)).collect();
    names.join(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}

/// Skills typed as a list: separated by `、`, commas or semicolons (or, with
/// none of those, spaces), each by code, label or built-in name.
pub fn list_from_typed(school: &School, typed: &str) -> Vec<Skill> {
    let seps = ['、', ',', '，', ';', '；'];
    let items: Vec<&str> = if typed.contains(seps) {
        typed.split(seps).collect()
    } else if BUILT_IN
        .iter()
        .any(|(_, _, en)| en.eq_ignore_ascii_case(typed.trim()))
    {
        vec![typed]
    } else {
        typed.split_whitespace().collect()
    };
    items
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| from_typed(school, s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_comes_before_the_built_in_name_and_the_code_last() {
        let mut school = kehou_solver::generate::generate(kehou_solver::generate::Size::Small, 1);
        let football = Skill::new("football");
        assert_eq!(name(&school, &football, Lang::Zh), "足球");
        assert_eq!(name(&school, &football, Lang::En), "football");
        assert_eq!(name(&school, &Skill::new("kites"), Lang::Zh), "kites");
        school.skills.push(kehou_solver::model::SkillLabel {
            skill: Skill::new("kites"),
            label: "风筝".into(),
        });
        assert_eq!(name(&school, &Skill::new("kites"), Lang::En), "风筝");
        assert_eq!(from_typed(&school, "风筝"), Skill::new("kites"));
        assert_eq!(from_typed(&school, "乒乓球"), Skill::new("table_tennis"));
        assert_eq!(
            from_typed(&school, "Table Tennis"),
            Skill::new("table_tennis")
        );
        assert_eq!(from_typed(&school, "homework"), Skill::homework());
        assert_eq!(
            list_from_typed(&school, "作业辅导、足球"),
            [Skill::homework(), football.clone()]
        );
        assert_eq!(
            list_from_typed(&school, "homework football"),
            [Skill::homework(), football.clone()]
        );
        assert_eq!(
            list_from_typed(&school, "table tennis"),
            [Skill::new("table_tennis")]
        );
        assert_eq!(
            list(&school, &[Skill::homework(), football], Lang::Zh),
            "作业辅导、足球"
        );
    }

    #[test]
    fn built_in_codes_are_unique() {
        let mut codes: Vec<&str> = BUILT_IN.iter().map(|(c, _, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), BUILT_IN.len());
    }
}
