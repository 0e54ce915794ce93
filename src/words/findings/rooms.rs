//! Rooms, in Chinese.

use kehou_solver::validate::problems::RoomProblem;
use kehou_solver::validate::Words;

use super::room;
use crate::words::Names;

pub fn zh(p: &RoomProblem, n: &Names) -> Words {
    match p {
        RoomProblem::CapacityZero => Words::new(
            "容量为 0，任何一组学生都放不下",
            "把“容量”设为这里能容纳的学生人数",
        ),
        RoomProblem::OutdoorNoFallback => Words::new(
            "这是室外场地，没有备用场地，雨雪天这里什么活动都不能进行",
            "把“备用场地”设为一个室内场地（体育馆或礼堂），供雨雪天使用",
        ),
        RoomProblem::FallbackIsItself => Words::new(
            "备用场地就是它自己，挡不了雨",
            "把“备用场地”设为一个室内场地（体育馆或礼堂）",
        ),
        RoomProblem::FallbackUnknown { fallback } => Words::new(
            format!("备用场地“{fallback}”不在场地名单里"),
            "更正备用场地，或添加这个场地",
        ),
        RoomProblem::FallbackOutdoor { fallback } => Words::new(
            format!("备用场地 {} 也在室外，挡不了雨", room(fallback)),
            "把“备用场地”设为一个室内场地（体育馆或礼堂）",
        ),
        RoomProblem::FallbackTooSmall {
            fallback,
            holds,
            students,
            club,
        } => Words::new(
            format!(
                "备用场地 {} 只能容纳 {holds} 人，少于可能在这里活动的{}的 {students} 名学生",
                room(fallback),
                n.club_of(club)
            ),
            "换一个更大的备用场地",
        ),
    }
}
