//! The club menu (课程套餐) of each size of school: what each club needs, when
//! it meets, and which clubs have a fixed leader.

use crate::model::{RoomKind, Weekday};

use Meet::{Fixed, PerWeek};
use RoomKind::{Art, Classroom, Computer, Gym, Hall, Lab, Library, Music, Playground};
use Weekday::{Mon, Thu, Tue, Wed};

#[derive(Clone, Copy)]
pub(super) enum Meet {
    /// The extended session on these weekdays.
    Fixed(&'static [Weekday]),
    PerWeek(u8),
}

/// Who leads: the solver chooses (`Open`), or a fixed leader of this kind.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Lead {
    Open,
    Coach,
    Teacher,
    Retired,
}

pub(super) struct ClubTemplate {
    pub(super) id: &'static str,
    pub(super) name: &'static str,
    pub(super) skill: &'static str,
    /// Within one band (1–2 or 3–6), so the club has one extended session's times.
    pub(super) grades: (u8, u8),
    pub(super) room: RoomKind,
    pub(super) outdoor: bool,
    pub(super) meets: Meet,
    pub(super) lead: Lead,
    /// Students enrolled, inclusive range.
    pub(super) enrolled: (u32, u32),
}

const FOOTBALL: ClubTemplate = ClubTemplate {
    id: "football",
    name: "足球社团",
    skill: "football",
    grades: (3, 6),
    room: Playground,
    outdoor: true,
    meets: Fixed(&[Tue, Thu]),
    lead: Lead::Coach,
    enrolled: (24, 32),
};

const BASKETBALL: ClubTemplate = ClubTemplate {
    id: "basketball",
    name: "篮球社团",
    skill: "basketball",
    grades: (3, 6),
    room: Gym,
    outdoor: false,
    meets: PerWeek(2),
    lead: Lead::Open,
    enrolled: (20, 30),
};

const CHORUS: ClubTemplate = ClubTemplate {
    id: "chorus",
    name: "合唱团",
    skill: "chorus",
    grades: (3, 6),
    room: Music,
    outdoor: false,
    meets: Fixed(&[Mon, Wed]),
    lead: Lead::Teacher,
    enrolled: (28, 40),
};

const PAINTING: ClubTemplate = ClubTemplate {
    id: "painting",
    name: "儿童画社团",
    skill: "painting",
    grades: (1, 2),
    room: Art,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (18, 25),
};

const CALLIGRAPHY: ClubTemplate = ClubTemplate {
    id: "calligraphy",
    name: "书法社团",
    skill: "calligraphy",
    grades: (3, 6),
    room: Art,
    outdoor: false,
    meets: Fixed(&[Thu]),
    lead: Lead::Retired,
    enrolled: (18, 30),
};

const WEIQI: ClubTemplate = ClubTemplate {
    id: "weiqi",
    name: "围棋社团",
    skill: "chess",
    grades: (3, 6),
    room: Library,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (16, 28),
};

const SCIENCE: ClubTemplate = ClubTemplate {
    id: "science",
    name: "科技小制作",
    skill: "science",
    grades: (3, 6),
    room: Lab,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (20, 30),
};

const PROGRAMMING: ClubTemplate = ClubTemplate {
    id: "programming",
    name: "编程社团",
    skill: "programming",
    grades: (4, 6),
    room: Computer,
    outdoor: false,
    meets: Fixed(&[Tue]),
    lead: Lead::Teacher,
    enrolled: (20, 30),
};

const READING: ClubTemplate = ClubTemplate {
    id: "reading",
    name: "绘本阅读",
    skill: "reading",
    grades: (1, 2),
    room: Library,
    outdoor: false,
    meets: PerWeek(2),
    lead: Lead::Open,
    enrolled: (20, 30),
};

const DANCE: ClubTemplate = ClubTemplate {
    id: "dance",
    name: "舞蹈社团",
    skill: "dance",
    grades: (1, 2),
    room: Hall,
    outdoor: false,
    meets: Fixed(&[Tue]),
    lead: Lead::Open,
    enrolled: (15, 25),
};

const TABLE_TENNIS: ClubTemplate = ClubTemplate {
    id: "table_tennis",
    name: "乒乓球社团",
    skill: "table_tennis",
    grades: (3, 6),
    room: Gym,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (15, 20),
};

const GARDENING: ClubTemplate = ClubTemplate {
    id: "gardening",
    name: "开心农场",
    skill: "gardening",
    grades: (3, 4),
    room: Playground,
    outdoor: true,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (15, 24),
};

const FOOTBALL_JUNIOR: ClubTemplate = ClubTemplate {
    id: "football_junior",
    name: "趣味足球",
    skill: "football",
    grades: (1, 2),
    room: Playground,
    outdoor: true,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (16, 24),
};

const BASKETBALL_GIRLS: ClubTemplate = ClubTemplate {
    id: "basketball_girls",
    name: "女子篮球队",
    skill: "basketball",
    grades: (4, 6),
    room: Playground,
    outdoor: true,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (12, 18),
};

const ENGLISH_DRAMA: ClubTemplate = ClubTemplate {
    id: "english_drama",
    name: "英语绘本剧",
    skill: "english_drama",
    grades: (3, 5),
    room: Classroom,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (18, 28),
};

const ROBOTICS: ClubTemplate = ClubTemplate {
    id: "robotics",
    name: "机器人社团",
    skill: "robotics",
    grades: (4, 6),
    room: Computer,
    outdoor: false,
    meets: Fixed(&[Thu]),
    lead: Lead::Teacher,
    enrolled: (16, 24),
};

const SCIENCE_JUNIOR: ClubTemplate = ClubTemplate {
    id: "science_junior",
    name: "趣味科学",
    skill: "science",
    grades: (1, 2),
    room: Lab,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (18, 26),
};

const PAPERCUT: ClubTemplate = ClubTemplate {
    id: "papercut",
    name: "剪纸社团",
    skill: "papercut",
    grades: (3, 6),
    room: Art,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (16, 26),
};

const FOLK_MUSIC: ClubTemplate = ClubTemplate {
    id: "folk_music",
    name: "民乐团",
    skill: "folk_music",
    grades: (3, 6),
    room: Music,
    outdoor: false,
    meets: Fixed(&[Tue, Thu]),
    lead: Lead::Coach,
    enrolled: (20, 32),
};

const CHEER: ClubTemplate = ClubTemplate {
    id: "cheer",
    name: "啦啦操",
    skill: "dance",
    grades: (3, 6),
    room: Hall,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (18, 30),
};

const ATHLETICS: ClubTemplate = ClubTemplate {
    id: "athletics",
    name: "田径队",
    skill: "athletics",
    grades: (3, 6),
    room: Playground,
    outdoor: true,
    meets: Fixed(&[Mon, Wed]),
    lead: Lead::Teacher,
    enrolled: (20, 30),
};

const ROPE_SKIPPING: ClubTemplate = ClubTemplate {
    id: "rope_skipping",
    name: "花样跳绳",
    skill: "rope_skipping",
    grades: (1, 2),
    room: Gym,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (18, 30),
};

const RECITATION: ClubTemplate = ClubTemplate {
    id: "recitation",
    name: "朗诵社团",
    skill: "recitation",
    grades: (3, 6),
    room: Classroom,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (15, 25),
};

const XIANGQI: ClubTemplate = ClubTemplate {
    id: "xiangqi",
    name: "象棋社团",
    skill: "chess",
    grades: (1, 2),
    room: Library,
    outdoor: false,
    meets: PerWeek(1),
    lead: Lead::Open,
    enrolled: (14, 22),
};

/// A village school: one football afternoon with the coach, calligraphy with a
/// retired teacher, and a few clubs any willing teacher can run.
pub(super) const SMALL: &[ClubTemplate] = &[
    ClubTemplate {
        meets: Fixed(&[Thu]),
        ..FOOTBALL
    },
    ClubTemplate {
        meets: PerWeek(1),
        lead: Lead::Open,
        enrolled: (20, 30),
        ..CHORUS
    },
    PAINTING,
    ClubTemplate {
        meets: Fixed(&[Tue]),
        ..CALLIGRAPHY
    },
    READING,
    TABLE_TENNIS,
];

pub(super) const MEDIUM: &[ClubTemplate] = &[
    FOOTBALL,
    BASKETBALL,
    CHORUS,
    PAINTING,
    CALLIGRAPHY,
    WEIQI,
    SCIENCE,
    PROGRAMMING,
    READING,
    DANCE,
    TABLE_TENNIS,
    GARDENING,
];

/// The medium menu and two clubs more, as the realistic profile's 14.
pub(super) const MEDIUM_REALISTIC: &[ClubTemplate] = &[
    FOOTBALL,
    BASKETBALL,
    CHORUS,
    PAINTING,
    CALLIGRAPHY,
    WEIQI,
    SCIENCE,
    PROGRAMMING,
    READING,
    DANCE,
    TABLE_TENNIS,
    GARDENING,
    ENGLISH_DRAMA,
    XIANGQI,
];

pub(super) const LARGE: &[ClubTemplate] = &[
    FOOTBALL,
    BASKETBALL,
    CHORUS,
    PAINTING,
    CALLIGRAPHY,
    WEIQI,
    SCIENCE,
    PROGRAMMING,
    READING,
    DANCE,
    TABLE_TENNIS,
    GARDENING,
    FOOTBALL_JUNIOR,
    BASKETBALL_GIRLS,
    ENGLISH_DRAMA,
    ROBOTICS,
    SCIENCE_JUNIOR,
    PAPERCUT,
    FOLK_MUSIC,
    CHEER,
    ATHLETICS,
    ROPE_SKIPPING,
    RECITATION,
    XIANGQI,
];
