//! Every word of the capacity report, in 简体中文 and English. Templates
//! take their values through `fill` (`{}` in order).

use crate::tui::text::Lang;

pub struct Words {
    /// The language these words are in.
    pub lang: Lang,
    pub weekdays: [&'static str; 5],
    /// Sessions as a day's part: "late pickup", "拓展服务".
    pub sessions: [&'static str; 6],
    /// The same, for more than one day ("extended sessions").
    pub sessions_many: [&'static str; 6],
    /// Kinds of staff, one and many.
    pub kinds_one: [&'static str; 6],
    pub kinds_many: [&'static str; 6],
    /// What people do: homework groups, a club, the late group, …
    pub tasks: [&'static str; 6],
    /// Kinds of post, as the list of what is short names them.
    pub posts: [&'static str; 6],
    /// "A and B", "A, B and C" / "A、B".
    pub and: &'static str,
    pub comma: &'static str,
    pub nothing_short: &'static str,
    /// {places} {what}
    pub short_head: &'static str,
    /// {day} {session} {task} {n}
    pub short_item: &'static str,
    /// {day} {n}
    pub short_day: &'static str,
    /// {n}
    pub plan_unmet: &'static str,
    /// {n}
    pub list_head_one: &'static str,
    pub list_head_many: &'static str,
    /// (nothing a person fixes)
    pub run_solve: &'static str,
    /// {days} {n}
    pub duty_one: &'static str,
    pub duty_many: &'static str,
    /// {n} {kind} {club} {skill} {when}
    pub club: &'static str,
    /// {when} {n} {kinds}
    pub assist_one: &'static str,
    pub assist_many: &'static str,
    /// {n} {kind} {tasks} {when}: needed all at once, or spread over
    /// sessions with how many each time.
    pub lead: &'static str,
    pub lead_spread: &'static str,
    /// {n} {kinds} {tasks} {when}
    pub assist_spread: &'static str,
    /// {days} {sessions}
    pub when_all: &'static str,
    /// {day} {sessions}; {session} {n}; between sessions of a day
    pub when_day: &'static str,
    pub when_session: &'static str,
    pub session_sep: &'static str,
    pub unfixable_head: &'static str,
    /// {classes} {day} {session} {students} {largest}
    pub group_too_big: &'static str,
    /// {classes} {day} {session} {students}
    pub group_rooms_taken: &'static str,
    /// {club} {room kind}
    pub club_no_room_of_kind: &'static str,
    /// {club} {students} {room kind} {largest}
    pub club_too_big: &'static str,
    /// {club} {room kind}
    pub club_no_rain_room: &'static str,
    /// {club} {room kind}
    pub club_rooms_taken: &'static str,
    /// {club} {leader}
    pub fixed_leader: &'static str,
    /// {day} {session} {task} {n}
    pub no_kind_priced: &'static str,
    pub proven: &'static str,
    /// {bound} {cost}
    pub not_proven: &'static str,
    /// {prices}
    pub prices: &'static str,
    /// {kind} {price}
    pub price_item: &'static str,
    pub no_spare: &'static str,
    /// {n} {used} {needed}
    pub spare_head: &'static str,
    pub spare_not_proven: &'static str,
    /// {name} {kind} {days}
    pub spare_item: &'static str,
    /// {week} {day}
    pub week_day: &'static str,
    /// {day}: that weekday in every week of the cycle
    pub every_day: &'static str,
    /// Room kinds, in `RoomKind::ALL` order.
    pub room_kinds: [&'static str; 10],
    /// The terminal UI's panel: its title, the prompt before `c`, while it
    /// works, an answer for an earlier version, and `c` in the help.
    pub panel_title: &'static str,
    pub panel_prompt: &'static str,
    pub panel_working: &'static str,
    pub panel_stale: &'static str,
    pub panel_key: &'static str,
}

impl Words {
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub static ZH: Words = Words {
    lang: Lang::Zh,
    weekdays: ["周一", "周二", "周三", "周四", "周五"],
    sessions: ["早间看护", "午间看护", "基本服务", "拓展服务", "弹性离校", "晚自习"],
    sessions_many: ["早间看护", "午间看护", "基本服务", "拓展服务", "弹性离校", "晚自习"],
    kinds_one: ["教师", "学校领导", "退休教师", "家长志愿者", "社区志愿者", "外聘教练"],
    kinds_many: ["教师", "学校领导", "退休教师", "家长志愿者", "社区志愿者", "外聘教练"],
    tasks: ["作业辅导", "社团", "弹性离校看护", "值班领导", "门岗护导", "接待室"],
    posts: ["作业辅导", "社团", "弹性离校", "值班领导", "门岗护导", "接待室"],
    and: "、",
    comma: "；",
    nothing_short: "人手够用：现有人员能覆盖每个岗位。",
    short_head: "每周缺 {} 个岗位：{}。",
    short_item: "{}{}：{} {}",
    short_day: "{} {}",
    plan_unmet: "当前方案有 {} 个岗位人手不足。",
    list_head_one: "要覆盖全部岗位，还需再找 {} 人：",
    list_head_many: "要覆盖全部岗位，还需再找 {} 人：",
    run_solve: "现有人员其实能覆盖这些岗位：重新排班（kehou solve）即可。",
    duty_one: "{}：再需 {} 位学校领导能担任值班领导（或调开一位领导当天的其他安排）",
    duty_many: "{}：再需 {} 位学校领导能担任值班领导（或调开领导们当天的其他安排）",
    club: "{} 名{}，能带「{}」（{}），{}",
    assist_one: "{}：再需 {} 名成人（{}即可：协助看护）",
    assist_many: "{}：再需 {} 名成人（{}即可：协助看护）",
    lead: "{} 名{}，负责{}，{}",
    lead_spread: "{} 名{}，负责{}：{}",
    assist_spread: "{} 名{}协助{}（志愿者即可）：{}",
    when_all: "{}{}",
    when_day: "{}{}",
    when_session: "{} {} 人",
    session_sep: "、",
    unfixable_head: "加人解决不了的：",
    group_too_big: "{} 班{}{}：{} 名学生，超过所有教室（最大容纳 {} 人）；请拆分这个组，或换更大的教室",
    group_rooms_taken: "{} 班{}{}：{} 名学生，能容纳的教室当时都被占用；请调整教室",
    club_no_room_of_kind: "社团「{}」：学校没有{}；请添加一间，或改社团的场地类型",
    club_too_big: "社团「{}」：{} 名学生，没有一间{}容纳得下（最大 {} 人）；请换更大的场地或拆分",
    club_no_rain_room: "社团「{}」：没有一处{}设有雨天备用的室内场地；请为它设置备用场地（体育馆或礼堂）",
    club_rooms_taken: "社团「{}」：能用的{}在它可上课的时间都被占用；请调整场地或上课日",
    fixed_leader: "社团「{}」：指定的负责人{}不能带（类别、技能或当时没空），也不能由别人带；请换负责人",
    no_kind_priced: "{}{}{}：{} 个岗位，没有可招募的人员类别能担任（用 --price 放开一类）",
    proven: "按各类人员的难找程度，这是代价最小的名单（已证明）。",
    not_proven: "限定时间内找到的最好名单：任何名单的代价都不低于 {}（本名单 {}）。",
    prices: "难找程度（--price 类别=数值）：{}。",
    price_item: "{} {}",
    no_spare: "没有志愿者或外聘人员白跑一趟。",
    spare_head: "少来 {} 个人次的志愿者或外聘人员（整个周期 {} → {}）也能覆盖全部岗位，他们的岗位由教师在上限内承担。不必来的：",
    spare_not_proven: "（限定时间内找到的最少人次，未证明是最少。）",
    spare_item: "{}（{}）：{}",
    week_day: "第{}周{}",
    every_day: "每{}",
    room_kinds: [
        "教室", "体育馆", "操场", "音乐教室", "美术教室", "图书室", "实验室", "电脑教室", "礼堂", "接待室",
    ],
    panel_title: "缺多少人",
    panel_prompt: "有岗位人手不足。按c键算出最少还需要找哪些人（类别、技能、哪天哪个时段）。",
    panel_working: "正在计算最少还需要的人员……",
    panel_stale: "（这是修改之前算的：按 c 重新计算）",
    panel_key: "缺多少人：最少还需要找哪些人",
};

pub static EN: Words = Words {
    lang: Lang::En,
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    sessions: [
        "morning care",
        "noon care",
        "basic service",
        "extended session",
        "late pickup",
        "evening study",
    ],
    sessions_many: [
        "morning care",
        "noon care",
        "basic service",
        "extended sessions",
        "late pickup",
        "evening study",
    ],
    kinds_one: [
        "teacher",
        "school leader",
        "retired teacher",
        "parent volunteer",
        "community volunteer",
        "coach",
    ],
    kinds_many: [
        "teachers",
        "school leaders",
        "retired teachers",
        "parent volunteers",
        "community volunteers",
        "coaches",
    ],
    tasks: [
        "homework groups",
        "a club",
        "the late group",
        "duty leader",
        "the gate",
        "the reception room",
    ],
    posts: [
        "homework",
        "club",
        "late group",
        "duty leader",
        "gate",
        "reception",
    ],
    and: " and ",
    comma: "; ",
    nothing_short: "Nothing is short: your staff can cover every post.",
    short_head: "Short each week: {} place(s): {}.",
    short_item: "{} {}: {} {}",
    short_day: "{} {}",
    plan_unmet: "Your plan leaves {} post(s) not fully staffed.",
    list_head_one: "To cover everything, find {} more adult:",
    list_head_many: "To cover everything, find {} more adults:",
    run_solve: "Your staff can in fact cover these: solve again (kehou solve).",
    duty_one: "{}: {} more school leader free for the duty-leader post (or free a leader from other commitments that day)",
    duty_many: "{}: {} more school leaders free for the duty-leader post (or free leaders from other commitments that day)",
    club: "{} {} who can lead {} ({}), {}",
    assist_one: "{}: {} more adult ({} can do it: they assist)",
    assist_many: "{}: {} more adults ({} can do it: they assist)",
    lead: "{} {} for {}, {}",
    lead_spread: "{} {} for {}: {}",
    assist_spread: "{} {} to assist with {} (volunteers may: they assist): {}",
    when_all: "{} {}",
    when_day: "{} {}",
    when_session: "{} {}",
    session_sep: ", ",
    unfixable_head: "No extra person fixes these:",
    group_too_big: "class {}, {} {}: {} students, more than any classroom holds (the largest holds {}); split the group, or add a larger room",
    group_rooms_taken: "class {}, {} {}: {} students, and every classroom that holds them is taken then; free a room",
    club_no_room_of_kind: "club {}: the school has no {}; add one, or change the club's kind of room",
    club_too_big: "club {}: {} students, and no {} holds them (the largest holds {}); a larger room, or split the club",
    club_no_rain_room: "club {}: no {} has an indoor fallback for rain, so it cannot meet safely; set a fallback (a gym or hall)",
    club_rooms_taken: "club {}: every {} it could use is taken when it could meet; change its rooms or days",
    fixed_leader: "club {}: its fixed leader {} cannot lead it (kind, skill, or not free then) and nobody else may; choose another leader",
    no_kind_priced: "{} {} {}: {} place(s) that no kind with a price may take (allow one with --price)",
    proven: "For these prices this is the cheapest list (proven).",
    not_proven: "The best list found in the time allowed: no list costs less than {} (this one: {}).",
    prices: "How hard each kind is to find (--price KIND=N): {}.",
    price_item: "{} {}",
    no_spare: "No helper comes in for nothing.",
    spare_head: "Everything could be covered with {} fewer helper days ({} → {} over the cycle); teachers would take their posts, within their caps. Not needed:",
    spare_not_proven: "(The fewest found in the time allowed, not proven the fewest.)",
    spare_item: "{} ({}): {}",
    week_day: "week {} {}",
    every_day: "every {}",
    room_kinds: [
        "classroom",
        "gym",
        "playground",
        "music room",
        "art room",
        "library",
        "lab",
        "computer room",
        "hall",
        "reception room",
    ],
    panel_title: "What would it take?",
    panel_prompt: "Some posts are short. Press c for the fewest extra adults who would cover them (kind, skill, weekdays and sessions).",
    panel_working: "Working out the fewest extra adults…",
    panel_stale: "(Worked out before your last changes: c again)",
    panel_key: "what would it take: the fewest extra adults",
};
