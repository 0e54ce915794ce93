//! Why a substitute was chosen, or why nobody could be: as data
//! (`plan::CoverReason`), stored with the substitution.

use super::candidates::{BreakRule, Candidate};
use super::model::Slot;
use crate::plan::{ByHand, CalledIn, CoverReason, PlaceNeed, PostKind, Role};

/// Why the repair chose `c` for `slot`.
pub fn chosen(c: &Candidate, slot: &Slot) -> CoverReason {
    let free: Vec<&Candidate> = slot.ranked.iter().filter(|c| c.free()).collect();
    let called_in = match &c.on_site_with {
        Some(_) => None,
        None if free.iter().any(|o| o.on_site) => Some(CalledIn::OthersNeeded),
        None => Some(CalledIn::NobodyAtSchool),
    };
    let peers: Vec<&&Candidate> = free.iter().filter(|o| o.on_site == c.on_site).collect();
    let lowest = peers.iter().map(|o| o.balance).min().unwrap_or(c.balance);
    let avoids: Vec<_> = c
        .breaks
        .iter()
        .filter(|b| b.rule() == BreakRule::Preference)
        .cloned()
        .collect();
    CoverReason::Chosen {
        at_school: c.on_site_with.clone(),
        called_in,
        balance: c.balance,
        peers: peers.len() as u32,
        lowest,
        likes: avoids.is_empty() && c.preference < 0.0,
        avoids,
    }
}

/// Why nobody covers `slot`, and the best candidates with what each would break.
pub fn nobody(slot: &Slot) -> CoverReason {
    let need = match (slot.post.kind, slot.role) {
        (PostKind::DutyLeader, _) => PlaceNeed::DutyLeader,
        (_, Role::Lead) => PlaceNeed::Lead,
        (_, Role::Assist) => PlaceNeed::Adult,
    };
    let best: Vec<ByHand> = slot
        .ranked
        .iter()
        .filter(|c| c.possible())
        .take(3)
        .map(|c| ByHand {
            staff: c.staff.clone(),
            breaks: c.breaks.clone(),
        })
        .collect();
    let busy = slot.ranked.iter().filter(|c| !c.possible()).count();
    let free = slot.ranked.iter().filter(|c| c.free()).count();
    let capped = slot.ranked.len() - busy - free;
    CoverReason::Nobody {
        out: slot.out.clone(),
        need,
        could: slot.ranked.len() as u32,
        busy: busy as u32,
        capped: capped as u32,
        free: free as u32,
        best,
    }
}

/// The reason recorded for a choice made by hand.
pub fn by_hand(c: &Candidate) -> CoverReason {
    CoverReason::ByHand {
        breaks: c.breaks.clone(),
    }
}
