//! Renaming and deleting people, rooms, classes and clubs together with
//! everything in the school and the plan that names them — once, for every
//! caller (the terminal UI's forms today). Files refer to ids, never to
//! positions, so a rename must reach every reference or the plan breaks.

use crate::model::{ClassId, ClubId, RoomId, School, StaffId};
use crate::plan::Plan;

/// Every place the school and plan name person `old` now names `new`.
pub fn rename_staff(school: &mut School, plan: &mut Plan, old: &StaffId, new: &StaffId) {
    let fix = |s: &mut StaffId| {
        if s == old {
            *s = new.clone();
        }
    };
    for c in &mut school.classes {
        c.class_teacher.iter_mut().for_each(fix);
    }
    for c in &mut school.clubs {
        c.leader.iter_mut().for_each(fix);
    }
    for post in &mut plan.posts {
        post.staff.iter_mut().for_each(|a| fix(&mut a.staff));
    }
    plan.locks.iter_mut().for_each(|l| fix(&mut l.staff));
    plan.absences.iter_mut().for_each(|a| fix(&mut a.staff));
    for s in &mut plan.substitutions {
        s.out.iter_mut().for_each(fix);
        s.cover.iter_mut().for_each(fix);
    }
}

/// Removes person `id` and everything that names them: a class's teacher, a
/// club's fixed leader (kehou then chooses), their assignments, locks,
/// absences and substitutions.
pub fn delete_staff(school: &mut School, plan: &mut Plan, id: &StaffId) {
    school.staff.retain(|p| &p.id != id);
    for c in &mut school.classes {
        if c.class_teacher.as_ref() == Some(id) {
            c.class_teacher = None;
        }
    }
    for c in &mut school.clubs {
        if c.leader.as_ref() == Some(id) {
            c.leader = None;
        }
    }
    for post in &mut plan.posts {
        post.staff.retain(|a| &a.staff != id);
    }
    plan.locks.retain(|l| &l.staff != id);
    plan.absences.retain(|a| &a.staff != id);
    plan.substitutions
        .retain(|s| s.out.as_ref() != Some(id) && s.cover.as_ref() != Some(id));
}

/// What names a room, so that it cannot simply be deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomUse {
    /// The homeroom of this class.
    Homeroom(ClassId),
    /// The rain fallback of this room.
    Fallback(RoomId),
    /// The reception room (接待室).
    Reception,
}

/// Every use of room `id` in the school.
pub fn room_uses(school: &School, id: &RoomId) -> Vec<RoomUse> {
    let mut out: Vec<RoomUse> = school
        .classes
        .iter()
        .filter(|c| &c.homeroom == id)
        .map(|c| RoomUse::Homeroom(c.id.clone()))
        .collect();
    out.extend(
        school
            .rooms
            .iter()
            .filter(|r| r.fallback.as_ref() == Some(id))
            .map(|r| RoomUse::Fallback(r.id.clone())),
    );
    if school
        .duties
        .reception
        .as_ref()
        .is_some_and(|r| &r.room == id)
    {
        out.push(RoomUse::Reception);
    }
    out
}

/// Deletes room `id`, or refuses with what still uses it.
pub fn delete_room(school: &mut School, id: &RoomId) -> Result<(), Vec<RoomUse>> {
    let uses = room_uses(school, id);
    if !uses.is_empty() {
        return Err(uses);
    }
    school.rooms.retain(|r| &r.id != id);
    Ok(())
}

/// Every place the school and plan name room `old` now names `new`.
pub fn rename_room(school: &mut School, plan: &mut Plan, old: &RoomId, new: &RoomId) {
    let fix = |r: &mut RoomId| {
        if r == old {
            *r = new.clone();
        }
    };
    school.classes.iter_mut().for_each(|c| fix(&mut c.homeroom));
    for r in &mut school.rooms {
        r.fallback.iter_mut().for_each(fix);
    }
    if let Some(r) = &mut school.duties.reception {
        fix(&mut r.room);
    }
    for p in &mut plan.posts {
        p.room.iter_mut().for_each(fix);
    }
}

/// Every place the school and plan name class `old` now names `new`.
pub fn rename_class(school: &mut School, plan: &mut Plan, old: &ClassId, new: &ClassId) {
    for p in &mut school.staff {
        if p.class_teacher_of.as_ref() == Some(old) {
            p.class_teacher_of = Some(new.clone());
        }
    }
    for post in &mut plan.posts {
        for c in &mut post.classes {
            if c == old {
                *c = new.clone();
            }
        }
    }
}

/// Removes class `id`; its class teacher teaches no class then.
pub fn delete_class(school: &mut School, id: &ClassId) {
    school.classes.retain(|c| &c.id != id);
    for p in &mut school.staff {
        if p.class_teacher_of.as_ref() == Some(id) {
            p.class_teacher_of = None;
        }
    }
}

/// Every club post of the plan that names club `old` now names `new`.
pub fn rename_club(plan: &mut Plan, old: &ClubId, new: &ClubId) {
    for p in &mut plan.posts {
        if p.club.as_ref() == Some(old) {
            p.club = Some(new.clone());
        }
    }
}

/// Removes club `id` from the school (the plan keeps its posts, which name
/// it as the plan knew it, until the next solve).
pub fn delete_club(school: &mut School, id: &ClubId) {
    school.clubs.retain(|c| &c.id != id);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::testing::tiny_school;

    fn plan_naming(school: &School) -> Plan {
        let mut plan = Plan::empty(school.fingerprint(), 1);
        let mut post = crate::demand::build(school, 1).posts[0].post.clone();
        post.staff.push(crate::plan::Assignment {
            staff: school.staff[0].id.clone(),
            role: crate::plan::Role::Lead,
        });
        plan.locks.push(crate::plan::Lock {
            post: post.id.clone(),
            staff: school.staff[0].id.clone(),
            role: crate::plan::Role::Lead,
        });
        plan.posts.push(post);
        plan
    }

    #[test]
    fn a_renamed_person_is_renamed_everywhere_and_a_deleted_one_gone_everywhere() {
        let mut school = tiny_school();
        let mut plan = plan_naming(&school);
        let old = school.staff[0].id.clone();
        let new = StaffId::new("new-id");
        school.staff[0].id = new.clone();
        rename_staff(&mut school, &mut plan, &old, &new);
        let text = format!("{school:?}{plan:?}");
        assert!(!text.contains(&format!("\"{old}\"")), "{old} still named");
        delete_staff(&mut school, &mut plan, &new);
        let text = format!("{school:?}{plan:?}");
        assert!(!text.contains("\"new-id\""), "still named after delete");
    }

    #[test]
    fn a_room_in_use_is_not_deleted_and_says_by_what() {
        let mut school = tiny_school();
        let home = school.classes[0].homeroom.clone();
        let uses = delete_room(&mut school, &home).expect_err("in use");
        assert_eq!(uses, vec![RoomUse::Homeroom(school.classes[0].id.clone())]);
        assert!(school.room(&home).is_some());
    }
}
