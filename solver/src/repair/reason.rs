//! Why a substitute was chosen, or why nobody could be: in words for the
//! deputy head, stored with the substitution.

use super::candidates::{BreakRule, Candidate};
use super::model::Slot;
use crate::model::School;
use crate::plan::Role;

/// Why the repair chose `c` for `slot`.
pub fn chosen(c: &Candidate, slot: &Slot) -> String {
    let free: Vec<&Candidate> = slot.ranked.iter().filter(|c| c.free()).collect();
    let mut parts = vec![match &c.on_site_with {
        Some(post) => format!("already at school that afternoon ({post})"),
        None if free.iter().any(|o| o.on_site) => {
            "called in: those already at school were needed elsewhere or at a cap".to_owned()
        }
        None => "called in: nobody free was already at school".to_owned(),
    }];
    let peers: Vec<&&Candidate> = free.iter().filter(|o| o.on_site == c.on_site).collect();
    let lowest = peers.iter().map(|o| o.balance).min().unwrap_or(c.balance);
    let among = if c.on_site {
        "already at school"
    } else {
        "to call in"
    };
    parts.push(format!(
        "substitution balance {} (lowest of the {} free {among}: {})",
        signed(c.balance),
        peers.len(),
        signed(lowest)
    ));
    let avoids: Vec<&str> = c
        .breaks
        .iter()
        .filter(|b| b.rule == BreakRule::Preference)
        .map(|b| b.detail.as_str())
        .collect();
    if !avoids.is_empty() {
        parts.push(avoids.join(", "));
    } else if c.preference < 0.0 {
        parts.push("likes this day or session".to_owned());
    }
    parts.join("; ")
}

/// Why nobody covers `slot`, and the best candidates with what each would break.
pub fn nobody(school: &School, slot: &Slot) -> String {
    let who = match (slot.post.kind, slot.role) {
        (crate::plan::PostKind::DutyLeader, _) => "the duty leader (a school leader)",
        (_, Role::Lead) => "a lead adult",
        (_, Role::Assist) => "an adult",
    };
    let name = |id: &crate::model::StaffId| {
        school
            .person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    if slot.ranked.is_empty() {
        return format!(
            "no cover for {} ({}): nobody else on the staff list may take it that day",
            name(&slot.out),
            slot.out
        );
    }
    let best: Vec<String> = slot
        .ranked
        .iter()
        .filter(|c| c.possible())
        .take(3)
        .map(|c| format!("{} ({}) {}", c.name, c.staff, c.breaks_text()))
        .collect();
    let busy = slot.ranked.iter().filter(|c| !c.possible()).count();
    let free = slot.ranked.iter().filter(|c| c.free()).count();
    let capped = slot.ranked.len() - busy - free;
    let mut text = format!(
        "no cover for {} ({}): of {} who could be {who} that day, {busy} busy then, {capped} at a daily or weekly cap, {free} free but needed for other places then",
        name(&slot.out),
        slot.out,
        slot.ranked.len()
    );
    if !best.is_empty() {
        text.push_str("; best by hand: ");
        text.push_str(&best.join(", "));
    }
    text
}

/// The reason recorded for a choice made by hand.
pub fn by_hand(c: &Candidate) -> String {
    let mut text = "chosen by hand".to_owned();
    let broken: Vec<&str> = c.breaks.iter().map(|b| b.detail.as_str()).collect();
    if !broken.is_empty() {
        text.push_str(": ");
        text.push_str(&broken.join("; "));
    }
    text
}

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}
