//! Every word the terminal UI shows, in 简体中文 and English: one struct of
//! `&'static str` per language ([`zh::ZH`], [`en::EN`]), so a missing
//! translation is a compile error, never a blank. Strings with blanks to fill
//! use `{}` placeholders, filled in order by [`fill`].
//!
//! The data screens (staff, rooms, classes, clubs, calendar, availability,
//! export) keep their words in [`data::DataText`], in this folder too.

pub mod cover;
pub mod data;
mod en;
pub mod guard;
mod zh;

use kehou_solver::model::{SessionKind, StaffKind, Weekday};
use kehou_solver::plan::{PostKind, SolveStatus};

pub use crate::words::{fill, Lang};

/// The words of the interface in one language.
#[derive(Debug)]
pub struct Text {
    /// The language these words are in.
    pub lang: Lang,
    /// The data screens' words (their own struct, their own file).
    pub data: &'static data::DataText,
    /// The sick-calls screen's words (their own struct, their own file).
    pub cover: &'static cover::CoverText,
    /// The words of the guards over files and records (their own file).
    pub guard: &'static guard::GuardText,

    // Screen names, in tab order: see `screens::ScreenId::ALL`.
    pub screen_overview: &'static str,
    pub screen_rota: &'static str,
    pub screen_staff: &'static str,
    pub screen_rooms: &'static str,
    pub screen_classes: &'static str,
    pub screen_clubs: &'static str,
    pub screen_calendar: &'static str,
    pub screen_availability: &'static str,
    pub screen_export: &'static str,

    /// Not solved, optimal, feasible, no plan.
    pub solve_status: [&'static str; 4],

    // The frame around every screen.
    pub unsaved_mark: &'static str,
    pub status_hint: &'static str,
    pub help_title: &'static str,
    pub help_global: &'static str,
    pub help_close: &'static str,
    pub confirm_quit_title: &'static str,
    pub confirm_quit: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub solving: &'static str,
    pub solve_cancelled: &'static str,
    pub solve_done: &'static str,
    /// `solve_done` when the comparison after it says the unmet posts.
    pub solve_done_short: &'static str,
    /// After a solve, the new plan against the one it replaced: the
    /// figure's name, old value, new value, verdict.
    pub solve_compare: &'static str,
    /// better, worse, the same (lower is better for every figure).
    pub solve_verdict: [&'static str; 3],
    pub solve_term_unmet: &'static str,
    pub solve_term_fairness: &'static str,
    pub solve_term_total: &'static str,
    pub solve_undo_hint: &'static str,
    pub solve_failed_check: &'static str,
    pub solve_running_already: &'static str,
    pub solve_blocked_by_errors: &'static str,
    /// A re-solve's changes: changed, of, forced by the edits, added.
    pub resolve_changes: &'static str,
    /// The fairness before and after, appended to `resolve_changes`.
    pub resolve_fairness: &'static str,
    /// Nothing of the previous plan changed.
    pub resolve_nothing: &'static str,
    pub resolve_title: &'static str,
    pub resolve_fresh_title: &'static str,
    pub resolve_rejected: &'static str,
    pub resolve_accepted: &'static str,
    /// A choice by hand not kept: date, post, cover, why.
    pub resolve_hand_not_kept: &'static str,
    /// One changed post: the post, who was on it, who is now.
    pub resolve_diff_line: &'static str,
    pub resolve_more: &'static str,
    /// Between the clauses of a status line ("；" / "; ").
    pub clause_sep: &'static str,
    pub edit_solve: &'static str,

    // Global keys, for the help overlay.
    pub key_next_screen: &'static str,
    pub key_prev_screen: &'static str,
    pub key_jump_screen: &'static str,
    pub key_help: &'static str,
    pub key_quit: &'static str,
    pub key_save: &'static str,
    pub key_undo: &'static str,
    pub key_redo: &'static str,
    pub key_solve: &'static str,
    pub key_solve_fresh: &'static str,
    pub key_cancel: &'static str,
    pub key_move: &'static str,
    pub key_filter: &'static str,
    pub key_sort: &'static str,
    pub key_reverse: &'static str,

    // Tables.
    pub filter_prompt: &'static str,
    pub rows_shown: &'static str,
    pub no_rows: &'static str,

    // Overview.
    pub ov_term: &'static str,
    pub ov_dates: &'static str,
    pub ov_service_days: &'static str,
    pub ov_cycle: &'static str,
    pub ov_season: &'static str,
    pub ov_season_switch: &'static str,
    pub ov_no_switch: &'static str,
    pub seasons: [&'static str; 2],
    pub ov_staff: &'static str,
    pub ov_plan: &'static str,
    pub ov_status: &'static str,
    /// The fairest band's field name.
    pub ov_band: &'static str,
    pub ov_stale: &'static str,
    pub ov_fresh: &'static str,
    pub ov_posts: &'static str,
    pub ov_unmet: &'static str,
    pub ov_violations: &'static str,
    pub ov_fairness: &'static str,
    pub ov_fairness_minutes: &'static str,
    pub ov_fairness_note: &'static str,
    pub ov_late: &'static str,
    pub ov_late_line: &'static str,
    pub ov_warnings: &'static str,
    pub ov_no_warnings: &'static str,
    pub ov_errors_count: &'static str,
    pub ov_no_plan_yet: &'static str,
    pub ov_target: &'static str,
    pub ov_sick: &'static str,
    pub ov_sick_line: &'static str,

    // Rota.
    pub rota_week: &'static str,
    /// The week of the cycle in a post's short name (`第1周 周一 基本服务 1-1`).
    pub rota_week_short: &'static str,
    pub rota_posts_in_cell: &'static str,
    pub rota_missing: &'static str,
    pub rota_locked: &'static str,
    pub rota_no_posts: &'static str,
    /// `{name}`, `{weeks}` of the cycle, `{posts}`, `{minutes}` over it.
    pub rota_person_view: &'static str,
    /// Typed in the picker, matching nobody.
    pub rota_pick_no_match: &'static str,
    /// `{person}` is locked on `{place}`: a hand edit would move them.
    pub rota_lock_refused: &'static str,
    /// A club of the plan the school no longer has: `{its name}`.
    pub club_gone: &'static str,
    /// The day's duty leader in the grid's header: `{names}`.
    pub rota_duty_leader: &'static str,
    pub rota_filter: &'static str,
    pub rota_pick_title: &'static str,
    pub rota_pick_hint: &'static str,
    pub rota_pick_free: &'static str,
    pub rota_pick_remove: &'static str,
    pub rota_pick_busy: &'static str,
    pub rota_pick_cap: &'static str,
    pub rota_pick_unavailable: &'static str,
    pub rota_pick_on_post: &'static str,
    pub rota_broken: &'static str,
    pub rota_edit_assign: &'static str,
    pub rota_edit_remove: &'static str,
    pub rota_edit_swap: &'static str,
    pub rota_edit_lock: &'static str,
    pub rota_edit_unlock: &'static str,
    pub rota_nothing_to_lock: &'static str,
    pub key_rota_week: &'static str,
    pub key_rota_enter: &'static str,
    pub key_rota_lock: &'static str,
    pub key_rota_assign: &'static str,
    pub key_rota_remove: &'static str,
    pub key_rota_person: &'static str,
    pub key_rota_filter: &'static str,
    pub key_rota_back: &'static str,
    pub rota_minutes: &'static str,

    // Sick calls (in the rota).
    pub sick_title: &'static str,
    pub sick_person: &'static str,
    pub sick_from: &'static str,
    pub sick_to: &'static str,
    pub sick_reason: &'static str,
    /// The sessions field of the sick-call form, its hint, and its value
    /// for the whole day.
    pub sick_sessions: &'static str,
    pub sick_sessions_hint: &'static str,
    pub sick_all_day: &'static str,
    pub sick_person_hint: &'static str,
    /// `{typed}` is not a session; `{the sessions}`.
    pub sick_bad_session: &'static str,
    pub sick_form_hint: &'static str,
    pub sick_waiting: &'static str,
    pub sick_summary: &'static str,
    /// The days of an absence, first to last (a single day is just its date).
    pub sick_range: &'static str,
    /// How many changes a repair makes: one, more.
    pub sick_changes: [&'static str; 2],
    pub sick_no_changes: &'static str,
    pub sick_nobody: &'static str,
    pub sick_unknown_person: &'static str,
    pub sick_bad_date: &'static str,
    pub sick_backwards: &'static str,
    pub sick_accepted: &'static str,
    pub sick_rejected: &'static str,
    pub sick_failed: &'static str,
    pub edit_sick: &'static str,
    pub sick_review_title: &'static str,
    pub sick_review_hint: &'static str,
    pub sick_review_broken: &'static str,
    /// Who could take a place nobody covers, by hand over a cap: `{people}`.
    pub sick_by_hand: &'static str,
    /// One of them: `{name}` and what they would go over.
    pub sick_by_hand_person: &'static str,
    /// Rules the plan broke before the sick call; `{}` is how many.
    pub sick_review_already: &'static str,
    pub key_rota_sick: &'static str,
}

impl Lang {
    /// The terminal UI's words in this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::Zh => &zh::ZH,
            Lang::En => &en::EN,
        }
    }
}

impl Text {
    // Weekdays, sessions and kinds are the language layer's words.
    pub fn weekday(&self, d: Weekday) -> &'static str {
        self.lang.vocab().weekday(d)
    }

    pub fn session(&self, s: SessionKind) -> &'static str {
        self.lang.vocab().session(s)
    }

    pub fn post_kind(&self, k: PostKind) -> &'static str {
        self.lang.vocab().post_kind(k)
    }

    pub fn staff_kind(&self, k: StaffKind) -> &'static str {
        self.lang.vocab().staff_kind(k)
    }

    pub fn solve_status(&self, s: SolveStatus) -> &'static str {
        self.solve_status[match s {
            SolveStatus::NotSolved => 0,
            SolveStatus::Optimal => 1,
            SolveStatus::Feasible => 2,
            SolveStatus::NoPlan => 3,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        // A template's `{}` count must agree across languages, or a number
        // silently disappears in one of them.
        let count = |s: &str| s.matches("{}").count();
        let (zh, en) = (Lang::Zh.text(), Lang::En.text());
        let pairs = [
            (zh.solving, en.solving),
            (zh.saved, en.saved),
            (zh.save_failed, en.save_failed),
            (zh.undone, en.undone),
            (zh.redone, en.redone),
            (zh.solve_done, en.solve_done),
            (zh.solve_done_short, en.solve_done_short),
            (zh.solve_compare, en.solve_compare),
            (zh.solve_failed_check, en.solve_failed_check),
            (zh.resolve_changes, en.resolve_changes),
            (zh.resolve_fairness, en.resolve_fairness),
            (zh.resolve_hand_not_kept, en.resolve_hand_not_kept),
            (zh.resolve_diff_line, en.resolve_diff_line),
            (zh.resolve_more, en.resolve_more),
            (zh.rows_shown, en.rows_shown),
            (zh.ov_dates, en.ov_dates),
            (zh.ov_late_line, en.ov_late_line),
            (zh.rota_missing, en.rota_missing),
            (zh.rota_week, en.rota_week),
            (zh.rota_week_short, en.rota_week_short),
            (zh.rota_person_view, en.rota_person_view),
            (zh.rota_minutes, en.rota_minutes),
            (zh.ov_errors_count, en.ov_errors_count),
            (zh.sick_waiting, en.sick_waiting),
            (zh.sick_summary, en.sick_summary),
            (zh.sick_range, en.sick_range),
            (zh.sick_changes[0], en.sick_changes[0]),
            (zh.sick_changes[1], en.sick_changes[1]),
            (zh.sick_unknown_person, en.sick_unknown_person),
            (zh.sick_bad_date, en.sick_bad_date),
            (zh.sick_accepted, en.sick_accepted),
            (zh.edit_sick, en.edit_sick),
            (zh.rota_edit_assign, en.rota_edit_assign),
            (zh.rota_edit_remove, en.rota_edit_remove),
            (zh.rota_pick_busy, en.rota_pick_busy),
            (zh.rota_edit_swap, en.rota_edit_swap),
            (zh.ov_sick_line, en.ov_sick_line),
        ];
        for (a, b) in pairs {
            assert_eq!(count(a), count(b), "{a} / {b}");
        }
    }
}
