//! Hand edits of the plan from the rota, each one undoable step. Removing a
//! person from a post also drops their lock on it. A lock is a promise that
//! the person stays: replacing a locked adult, or a swap that would move one
//! out of their locked place, is refused with the lock named (unlock it
//! first, `f`). When the lead goes, the next adult on the post leads. The
//! checker judges the result (through `Doc::edit`), so a place left empty
//! without a reason shows as broken.

use kehou_solver::model::StaffId;
use kehou_solver::plan::{Assignment, Lock, Plan, Role};

use super::{cell_posts, RotaScreen, Slot};
use crate::tui::screens::Cx;
use crate::tui::text::fill;

/// The post of a slot in words (`W1 周一 基本服务 1-1`), for labels.
fn place(cx: &Cx<'_>, slot: &Slot) -> String {
    cx.doc.plan.posts.get(slot.post).map_or_else(
        || slot.post_id.clone(),
        |p| crate::tui::screens::words::place_of(p, cx.doc, cx.text),
    )
}

fn name(cx: &Cx<'_>, id: &StaffId) -> String {
    cx.doc
        .school
        .person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// After a change of the post's adults: a lead if anyone is there, and the
/// solver's "why unmet" note dropped once nobody is missing.
fn tidy(plan: &mut Plan, post: usize) {
    let Some(p) = plan.posts.get_mut(post) else {
        return;
    };
    if !p.staff.is_empty() && !p.has_lead() {
        p.staff[0].role = Role::Lead;
    }
    if p.missing() == 0 {
        p.unmet_reason = None;
    }
}

/// The post overlapping `post_index` in time that `who` is on, if any.
fn busy_on(plan: &Plan, post_index: usize, who: &StaffId) -> Option<usize> {
    let post = plan.posts.get(post_index)?;
    plan.posts.iter().position(|q| {
        q.id != post.id
            && q.week == post.week
            && q.day == post.day
            && q.start < post.end
            && post.start < q.end
            && q.staff.iter().any(|a| &a.staff == who)
    })
}

/// Puts `who` in `slot`: replaces the adult there, or fills the empty place.
/// If `who` is busy on another post at the time and the place was filled,
/// the two swap: the replaced adult takes `who`'s place there.
pub fn assign(cx: &mut Cx<'_>, slot: &Slot, who: &StaffId) {
    let other = busy_on(&cx.doc.plan, slot.post, who);
    let swap = slot.staff.clone().zip(other);
    // Who would leave a place: the adult replaced here, and in a swap `who`
    // from their post. Neither may be locked there.
    let mut leaving = Vec::new();
    if let Some(old) = &slot.staff {
        leaving.push((old.clone(), slot.post));
    }
    if let Some((_, q)) = &swap {
        leaving.push((who.clone(), *q));
    }
    for (person, post) in leaving {
        let Some(p) = cx.doc.plan.posts.get(post) else {
            continue;
        };
        if cx
            .doc
            .plan
            .locks
            .iter()
            .any(|l| l.post == p.id && l.staff == person)
        {
            let at = crate::tui::screens::words::place_of(p, cx.doc, cx.text);
            cx.say(fill(cx.text.rota_lock_refused, &[&name(cx, &person), &at]));
            return;
        }
    }
    let label = match &swap {
        Some((old, _)) => fill(cx.text.rota_edit_swap, &[&name(cx, who), &name(cx, old)]),
        None => fill(
            cx.text.rota_edit_assign,
            &[&name(cx, who), &place(cx, slot)],
        ),
    };
    let result: Result<bool, ()> = cx.doc.edit(label.clone(), |_, plan| {
        if let Some((old, q)) = &swap {
            let there = plan.posts.get_mut(*q).ok_or(())?;
            let at = there.staff.iter().position(|a| &a.staff == who).ok_or(())?;
            there.staff[at].staff = old.clone();
        }
        let post = plan.posts.get_mut(slot.post).ok_or(())?;
        if let Some(i) = slot.adult {
            post.staff.get_mut(i).ok_or(())?.staff = who.clone();
        } else {
            let role = if post.has_lead() {
                Role::Assist
            } else {
                Role::Lead
            };
            post.staff.push(Assignment {
                staff: who.clone(),
                role,
            });
        }
        tidy(plan, slot.post);
        Ok(())
    });
    if result == Ok(true) {
        cx.say(label);
    }
}

/// Empties the selected place.
pub fn remove(screen: &mut RotaScreen, cx: &mut Cx<'_>) {
    let Some(slot) = screen.selected_slot(cx.doc) else {
        return;
    };
    let (Some(i), Some(who)) = (slot.adult, slot.staff.clone()) else {
        return;
    };
    let label = fill(
        cx.text.rota_edit_remove,
        &[&name(cx, &who), &place(cx, &slot)],
    );
    let result: Result<bool, ()> = cx.doc.edit(label.clone(), |_, plan| {
        let post = plan.posts.get_mut(slot.post).ok_or(())?;
        if i < post.staff.len() {
            post.staff.remove(i);
        }
        plan.locks
            .retain(|l| !(l.post == slot.post_id && l.staff == who));
        tidy(plan, slot.post);
        Ok(())
    });
    if result == Ok(true) {
        cx.say(label);
    }
}

fn lock_of(plan: &Plan, post: usize, adult: usize) -> Option<Lock> {
    let p = plan.posts.get(post)?;
    let a = p.staff.get(adult)?;
    Some(Lock {
        post: p.id.clone(),
        staff: a.staff.clone(),
        role: a.role,
    })
}

fn is_locked(plan: &Plan, lock: &Lock) -> bool {
    plan.locks
        .iter()
        .any(|l| l.post == lock.post && l.staff == lock.staff)
}

/// Locks the selected adult on their post, or unlocks them.
pub fn toggle_slot_lock(screen: &mut RotaScreen, cx: &mut Cx<'_>) {
    let Some(slot) = screen.selected_slot(cx.doc) else {
        return;
    };
    let Some(lock) = slot.adult.and_then(|i| lock_of(&cx.doc.plan, slot.post, i)) else {
        cx.say(cx.text.rota_nothing_to_lock);
        return;
    };
    let who = name(cx, &lock.staff);
    let what = format!("{} {}", place(cx, &slot), who);
    let locked = is_locked(&cx.doc.plan, &lock);
    let label = fill(
        if locked {
            cx.text.rota_edit_unlock
        } else {
            cx.text.rota_edit_lock
        },
        &[&what],
    );
    let _ = cx.doc.edit(label.clone(), |_, plan| {
        if locked {
            plan.locks
                .retain(|l| !(l.post == lock.post && l.staff == lock.staff));
        } else {
            plan.locks.push(lock);
        }
        Ok::<_, ()>(())
    });
    cx.say(label);
}

/// Locks every adult of every shown post in the cell, or unlocks them all
/// when they are all locked already.
pub fn toggle_cell_lock(screen: &mut RotaScreen, cx: &mut Cx<'_>) {
    let plan = &cx.doc.plan;
    let locks: Vec<Lock> = cell_posts(screen, cx.doc)
        .iter()
        .flat_map(|(i, p)| (0..p.staff.len()).filter_map(move |k| lock_of(plan, *i, k)))
        .collect();
    if locks.is_empty() {
        cx.say(cx.text.rota_nothing_to_lock);
        return;
    }
    let all_locked = locks.iter().all(|l| is_locked(plan, l));
    let t = cx.text;
    let what = format!(
        "{} {} ({})",
        t.weekday(super::DAYS[screen.day.min(4)]),
        super::sessions(plan)
            .get(screen.row)
            .map_or("", |s| t.session(*s)),
        locks.len()
    );
    let label = fill(
        if all_locked {
            t.rota_edit_unlock
        } else {
            t.rota_edit_lock
        },
        &[&what],
    );
    let _ = cx.doc.edit(label.clone(), |_, plan| {
        if all_locked {
            plan.locks
                .retain(|l| !locks.iter().any(|k| k.post == l.post && k.staff == l.staff));
        } else {
            for l in locks {
                if !is_locked(plan, &l) {
                    plan.locks.push(l);
                }
            }
        }
        Ok::<_, ()>(())
    });
    cx.say(label);
}
