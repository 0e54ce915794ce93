//! Chinese personal names. Surnames follow their rough frequency; given names
//! are one or two characters, from pools that lean female or male (most primary
//! teachers are women) and an older pool for retired teachers.

use std::collections::BTreeSet;

use super::rng::Rng;

/// The most common surnames appear twice, so they come up about twice as often.
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "王", "李", "张", "刘", "陈", "杨",
    "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
    "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于",
    "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
    "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊",
    "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝",
    "龚", "邵", "万", "严", "武", "戴", "孔", "汤", "欧阳",
];

/// Given names of women born from the 1970s to the 1990s, as they are
/// actually given: mostly two characters, some one.
const FEMALE: &[&str] = &[
    "丽娟", "晓燕", "雅琴", "婷婷", "佳怡", "思雨", "欣怡", "梦琪", "静怡", "雪梅", "海燕", "春梅",
    "玉洁", "慧敏", "丽华", "晓红", "美玲", "文静", "淑敏", "晓丽", "艳红", "玲玲", "亚楠", "梦瑶",
    "佳琪", "雨欣", "文慧", "红霞", "凤霞", "晓琳", "丹丹", "莉莉", "倩倩", "晓雪", "思琪", "佳慧",
    "秀芳", "彩霞", "桂芳", "晓梅", "丽萍", "翠萍", "晓静", "嘉欣", "雅婷", "月华", "素芬", "园园",
    "颖", "静", "丽", "娜", "敏", "燕", "婷", "洁", "琳", "霞", "芳", "艳", "萍", "倩", "蕾", "璐",
    "岚", "瑶", "悦", "菲", "丹", "慧",
];

/// Given names of men born from the 1970s to the 1990s.
const MALE: &[&str] = &[
    "建华", "志强", "海涛", "晓东", "俊杰", "浩然", "志刚", "建军", "国强", "明辉", "文杰", "宇航",
    "博文", "立新", "振宇", "永刚", "海波", "晓明", "建伟", "俊峰", "鹏飞", "立军", "天宇", "卫国",
    "伟", "磊", "强", "军", "勇", "杰", "涛", "斌", "鹏", "超", "亮", "刚", "波", "宁", "峰", "浩",
    "凯", "鑫", "晨", "毅", "健", "辉",
];

/// Given names of people born in the 1950s and 60s.
const OLDER: &[&str] = &[
    "秀英", "桂兰", "淑珍", "玉梅", "凤英", "秀兰", "桂英", "淑芬", "素华", "玉兰", "建国", "卫东",
    "志刚", "国华", "德明", "建华", "国庆", "振华", "永红", "爱民", "学军", "红梅",
];

/// Hands out names, never the same full name twice in one school, so that a
/// name on the duty board always means one person.
pub(super) struct Names {
    used: BTreeSet<String>,
}

impl Names {
    pub(super) fn new() -> Names {
        Names {
            used: BTreeSet::new(),
        }
    }

    /// A name of a working-age adult; `female_percent` of them lean female.
    pub(super) fn adult(&mut self, rng: &mut Rng, female_percent: u32) -> String {
        let pool = if rng.chance(female_percent) {
            FEMALE
        } else {
            MALE
        };
        self.unique(rng, |rng| {
            format!("{}{}", rng.pick(SURNAMES), rng.pick(pool))
        })
    }

    /// A name of a retired teacher, from the older pool.
    pub(super) fn older(&mut self, rng: &mut Rng) -> String {
        self.unique(rng, |rng| {
            format!("{}{}", rng.pick(SURNAMES), rng.pick(OLDER))
        })
    }

    fn unique(&mut self, rng: &mut Rng, mut draw: impl FnMut(&mut Rng) -> String) -> String {
        loop {
            let name = draw(rng);
            // "丽丽" is a real name; "王王" style repeats of the surname are not.
            let mut chars = name.chars();
            let first = chars.next();
            if chars.next() == first {
                continue;
            }
            if self.used.insert(name.clone()) {
                return name;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_chinese() {
        let mut rng = Rng::new(3);
        let mut names = Names::new();
        let all: Vec<String> = (0..500)
            .map(|i| {
                if i % 10 == 0 {
                    names.older(&mut rng)
                } else {
                    names.adult(&mut rng, 75)
                }
            })
            .collect();
        let set: BTreeSet<&String> = all.iter().collect();
        assert_eq!(set.len(), all.len());
        assert!(all.iter().all(|n| (2..=4).contains(&n.chars().count())
            && n.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    }
}
