//! A proposed new plan, shown as its changes before it replaces the plan:
//! accepted as one undoable edit (Enter/y), or rejected (Esc/n). Rules the
//! proposal would newly break are listed and block accepting it; rules the
//! plan already broke are counted (the overview's count), not blamed on it.
//!
//! One type for every proposal, so the flow, the keys and the box are the
//! same wherever a plan is about to be replaced: the sick-call repairs
//! (recording an absence, taking one back) and re-solves (a re-optimisation
//! from scratch, or a re-solve that could not keep a lock or a choice made by
//! hand). What differs per proposal — its title, its summary, its lines, the
//! undo label — is one `match` on [`Proposal`].

use crossterm::event::{KeyCode, KeyEvent};
use kehou_solver::check::Violation;
use kehou_solver::model::{SessionKind, StaffId};
use kehou_solver::plan::Plan;
use kehou_solver::repair::{BreakRule, Candidate, Repair};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::{Cx, View};
use crate::tui::doc::Doc;
use crate::tui::event::{AbsenceChange, ByHand, NotKept};
use crate::tui::text::{fill, Text};
use crate::tui::theme;
use crate::tui::widgets::wrap;

/// What is proposed.
#[derive(Debug, Clone)]
pub enum Proposal {
    /// A repair of the plan for a change to its absences.
    Absence {
        change: AbsenceChange,
        repair: Box<Repair>,
        /// Who could take the places nobody covers, by hand over a cap.
        by_hand: Vec<ByHand>,
    },
    /// A re-solve: the new plan, and what of the old it could not keep.
    Resolve {
        plan: Box<Plan>,
        not_kept: Vec<NotKept>,
        fresh: bool,
    },
}

impl Proposal {
    /// The plan that replaces the current one when accepted.
    pub fn plan(&self) -> &Plan {
        match self {
            Proposal::Absence { repair, .. } => &repair.plan,
            Proposal::Resolve { plan, .. } => plan,
        }
    }

    /// The edit's name, for the status line and undo.
    fn label(&self, doc: &Doc, t: &Text) -> String {
        match self {
            Proposal::Resolve { .. } => t.edit_solve.to_owned(),
            Proposal::Absence { change, .. } => {
                let a = change.absence();
                let args: [&dyn std::fmt::Display; 2] =
                    [&name(doc, Some(&a.staff), t), &days(a.from, a.to, t)];
                match change {
                    AbsenceChange::Record(_) => fill(t.edit_sick, &args),
                    AbsenceChange::TakeBack(_) => fill(t.cover.edit_remove, &args),
                }
            }
        }
    }

    fn title(&self, t: &'static Text) -> &'static str {
        match self {
            Proposal::Resolve { fresh: true, .. } => t.resolve_fresh_title,
            Proposal::Resolve { .. } => t.resolve_title,
            Proposal::Absence {
                change: AbsenceChange::Record(_),
                ..
            } => t.sick_review_title,
            Proposal::Absence {
                change: AbsenceChange::TakeBack(_),
                ..
            } => t.cover.remove_title,
        }
    }

    /// What the status line says when the proposal is rejected.
    fn rejected(&self, t: &'static Text) -> &'static str {
        match self {
            Proposal::Resolve { .. } => t.resolve_rejected,
            Proposal::Absence {
                change: AbsenceChange::Record(_),
                ..
            } => t.sick_rejected,
            Proposal::Absence {
                change: AbsenceChange::TakeBack(_),
                ..
            } => t.cover.rejected,
        }
    }

    /// The summary line and one line (or more) per change, `cols` wide.
    fn lines(&self, view: &View<'_>, cols: usize) -> Vec<Line<'static>> {
        match self {
            Proposal::Absence {
                change,
                repair,
                by_hand,
            } => absence_lines(change, repair, by_hand, view, cols),
            Proposal::Resolve { plan, not_kept, .. } => resolve_lines(plan, not_kept, view, cols),
        }
    }
}

/// A proposal under review.
#[derive(Debug, Clone)]
pub struct Review {
    pub proposal: Proposal,
    /// Rules the proposal would newly break: it cannot be accepted.
    pub violations: Vec<Violation>,
    pub scroll: u16,
}

/// What a key did to the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Still open.
    Open,
    /// Accepted (the plan is replaced) or rejected (it is not): closed.
    Closed,
}

impl Review {
    pub fn new(proposal: Proposal, violations: Vec<Violation>) -> Review {
        Review {
            proposal,
            violations,
            scroll: 0,
        }
    }

    /// The repair proposed, for a sick-call proposal.
    pub fn repair(&self) -> Option<&Repair> {
        match &self.proposal {
            Proposal::Absence { repair, .. } => Some(repair),
            Proposal::Resolve { .. } => None,
        }
    }

    pub fn key(&mut self, key: KeyEvent, cx: &mut Cx<'_>) -> Verdict {
        let t = cx.text;
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.scroll = self.scroll.saturating_add(1),
            KeyCode::Enter | KeyCode::Char('y') if self.violations.is_empty() => {
                let label = self.proposal.label(cx.doc, t);
                let plan = self.proposal.plan().clone();
                let _ = cx.doc.edit(label.clone(), |_, p| {
                    *p = plan;
                    Ok::<_, ()>(())
                });
                cx.say(match self.proposal {
                    Proposal::Resolve { .. } => t.resolve_accepted.to_owned(),
                    Proposal::Absence { .. } => fill(t.sick_accepted, &[&label]),
                });
                return Verdict::Closed;
            }
            KeyCode::Esc | KeyCode::Char('n') => {
                cx.say(self.proposal.rejected(t));
                return Verdict::Closed;
            }
            _ => {}
        }
        Verdict::Open
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, view: &View<'_>) {
        let (t, doc) = (view.text, view.doc);
        // Lines wrap inside the box: the screen's width less borders and indent.
        let cols = usize::from(area.width.saturating_sub(8));
        let mut lines = self.proposal.lines(view, cols);
        let names = crate::words::Names::new(t.lang, &doc.school, Some(&doc.plan));
        for v in &self.violations {
            lines.push(Line::styled(
                format!("✗ {}", crate::words::check::line(v, &names)),
                theme::bad(),
            ));
        }
        // Rules the plan broke before do not block it (only new ones are in
        // `violations`), but they are not hidden either: the same count as
        // the overview's "broken rules".
        let already = super::overview::broken_rules(doc);
        if already > 0 {
            for part in wrap(&fill(t.sick_review_already, &[&already]), cols + 4, 3) {
                lines.push(Line::styled(part, theme::warn()));
            }
        }
        let hint = if self.violations.is_empty() {
            t.sick_review_hint
        } else {
            t.sick_review_broken
        };
        let width = lines.iter().map(Line::width).max().unwrap_or(30).max(40) as u16 + 4;
        let popup = crate::tui::widgets::centered(area, width, lines.len() as u16 + 2);
        crate::tui::widgets::clear_popup(frame, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::warn())
            .title(format!(" {} ", self.proposal.title(t)))
            .title_bottom(Line::from(format!(" {hint} ")));
        frame.render_widget(
            Paragraph::new(lines).scroll((self.scroll, 0)).block(block),
            popup,
        );
    }
}

/// What choosing `c` would break, in the interface's words (`weekly cap`).
pub fn break_words(c: &Candidate, t: &Text) -> String {
    let mut rules: Vec<BreakRule> = c
        .breaks
        .iter()
        .map(kehou_solver::plan::Break::rule)
        .collect();
    rules.dedup();
    rules
        .iter()
        .map(|r| {
            t.cover.break_rules[match r {
                BreakRule::Busy => 0,
                BreakRule::CapPerDay => 1,
                BreakRule::CapPerWeek => 2,
                BreakRule::Preference => 3,
            }]
        })
        .collect::<Vec<_>>()
        .join(t.data.list_sep)
}

/// A person's name (their id when the school no longer has them), or
/// "nobody".
pub fn name(doc: &Doc, id: Option<&StaffId>, t: &Text) -> String {
    id.map_or_else(
        || t.sick_nobody.to_owned(),
        |id| {
            doc.school
                .person(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        },
    )
}

/// The days of an absence: `2026-12-07`, or `2026-12-07 to 2026-12-09`.
pub fn days(from: chrono::NaiveDate, to: chrono::NaiveDate, t: &Text) -> String {
    if from == to {
        from.to_string()
    } else {
        fill(t.sick_range, &[&from, &to])
    }
}

/// Sessions as the form shows them ("whole day" for none).
pub fn sessions_text(sessions: &[SessionKind], t: &Text) -> String {
    if sessions.is_empty() {
        return t.sick_all_day.to_owned();
    }
    sessions
        .iter()
        .map(|s| t.session(*s))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The post in words, as the rota names it, or its id.
fn post_words(doc: &Doc, t: &Text, post: &str) -> String {
    doc.plan
        .post(post)
        .map_or_else(|| post.to_owned(), |p| super::words::place_of(p, doc, t))
}

/// A sick call's covers (`+`), or an absence taken back: places restored to
/// their own person (`↺`) and new covers where they still cannot return.
/// A re-solve's summary (what changed, fairness before and after), what it
/// could not keep, then each post whose people change: who was there, who is.
fn resolve_lines(
    plan: &Plan,
    not_kept: &[NotKept],
    view: &View<'_>,
    cols: usize,
) -> Vec<Line<'static>> {
    let (t, doc) = (view.text, view.doc);
    let mut lines = Vec::new();
    let mut push = |text: String, style: ratatui::style::Style| {
        for part in wrap(&text, cols, 2) {
            lines.push(Line::styled(part, style));
        }
    };
    push(
        changes_summary(&doc.plan, plan, t),
        ratatui::style::Style::default(),
    );
    let words = crate::words::Names::new(t.lang, &doc.school, Some(&doc.plan));
    for n in not_kept {
        let text = match n {
            NotKept::Lock(note) => crate::words::plan::note(note, &words),
            NotKept::ByHand(s, why) => fill(
                t.resolve_hand_not_kept,
                &[
                    &s.date,
                    &post_words(doc, t, &s.post),
                    &name(doc, s.cover.as_ref(), t),
                    &crate::words::plan::stale(*why, t.lang),
                ],
            ),
        };
        push(text, theme::warn());
    }
    let names = |post: Option<&kehou_solver::plan::Post>| -> String {
        let list: Vec<String> = post
            .map(|p| {
                p.staff
                    .iter()
                    .map(|a| name(doc, Some(&a.staff), t))
                    .collect()
            })
            .unwrap_or_default();
        if list.is_empty() {
            t.sick_nobody.to_owned()
        } else {
            list.join(t.data.list_sep)
        }
    };
    let changed: Vec<&kehou_solver::plan::Post> = plan
        .posts
        .iter()
        .filter(|p| doc.plan.post(&p.id).is_none_or(|old| old.staff != p.staff))
        .collect();
    const SHOWN: usize = 200;
    for post in changed.iter().take(SHOWN) {
        let line = fill(
            t.resolve_diff_line,
            &[
                &super::words::place_of(post, doc, t),
                &names(doc.plan.post(&post.id)),
                &names(Some(post)),
            ],
        );
        push(line, ratatui::style::Style::default());
    }
    if changed.len() > SHOWN {
        push(
            fill(t.resolve_more, &[&(changed.len() - SHOWN)]),
            theme::warn(),
        );
    }
    lines
}

/// "changed 7 of 452 assignments (5 forced by your edits), 2 added;
/// fairness 2,231 → 2,190", from the new plan's record of its solve.
pub fn changes_summary(before: &Plan, after: &Plan, t: &Text) -> String {
    let Some(c) = after.solve.changes else {
        return String::new();
    };
    if c.changed == 0 && c.added == 0 {
        return t.resolve_nothing.to_owned();
    }
    let mut text = {
        fill(
            t.resolve_changes,
            &[&c.changed, &c.previous, &c.forced, &c.added],
        )
    };
    let fairness = |p: &Plan| {
        p.solve
            .objective
            .iter()
            .find(|term| term.name == "fairness")
            .map(|term| term.value)
    };
    if let (Some(a), Some(b)) = (
        c.fairness_before.or_else(|| fairness(before)),
        fairness(after),
    ) {
        text.push_str(&fill(t.resolve_fairness, &[&a.round(), &b.round()]));
    }
    text
}

fn absence_lines(
    change: &AbsenceChange,
    repair: &Repair,
    by_hand: &[ByHand],
    view: &View<'_>,
    cols: usize,
) -> Vec<Line<'static>> {
    let (t, doc) = (view.text, view.doc);
    let c = t.cover;
    let a = change.absence();
    let who = |id: Option<&StaffId>| name(doc, id, t);
    let mut lines = Vec::new();
    // The sessions too, when not the whole day.
    let when = if a.sessions.is_empty() {
        days(a.from, a.to, t)
    } else {
        format!(
            "{} {}",
            days(a.from, a.to, t),
            sessions_text(&a.sessions, t)
        )
    };
    let summary = match change {
        AbsenceChange::Record(_) => fill(
            t.sick_summary,
            &[
                &who(Some(&a.staff)),
                &when,
                &fill(
                    t.sick_changes[usize::from(repair.added.len() != 1)],
                    &[&repair.added.len()],
                ),
            ],
        ),
        AbsenceChange::TakeBack(_) => fill(
            c.remove_summary,
            &[
                &who(Some(&a.staff)),
                &days(a.from, a.to, t),
                &fill(c.restored, &[&repair.removed.len()]),
                &fill(c.changed, &[&repair.added.len()]),
            ],
        ),
    };
    lines.push(Line::styled(summary, theme::header()));
    if repair.is_empty() {
        lines.push(Line::styled(t.sick_no_changes, theme::dim()));
    }
    let restoring = matches!(change, AbsenceChange::TakeBack(_));
    if restoring {
        for s in &repair.removed {
            lines.push(Line::from(vec![
                Span::raw(format!("↺ {} {}  ", s.date, post_words(doc, t, &s.post))),
                Span::styled(
                    format!("{} {}", who(s.out.as_ref()), c.back_on_post),
                    theme::good(),
                ),
                Span::styled(format!("  ({})", who(s.cover.as_ref())), theme::dim()),
            ]));
        }
    }
    for s in &repair.added {
        let style = if s.cover.is_some() {
            theme::good()
        } else {
            theme::bad()
        };
        let post = post_words(doc, t, &s.post);
        lines.push(Line::from(vec![
            Span::raw(format!("+ {} {}  ", s.date, post)),
            Span::styled(format!("{} → ", who(s.out.as_ref())), theme::warn()),
            Span::styled(who(s.cover.as_ref()), style),
        ]));
        if !restoring {
            let names = crate::words::Names::new(t.lang, &doc.school, Some(&repair.plan));
            let reason = crate::words::plan::cover(&s.reason, &names);
            for part in wrap(&reason, cols, 3) {
                lines.push(Line::styled(format!("    {part}"), theme::dim()));
            }
        }
        // Nobody could be found within every rule: who could take it by
        // hand, going over a cap, and where to choose them.
        if let Some(offer) = by_hand
            .iter()
            .find(|o| o.date == s.date && o.post == s.post && s.cover.is_none())
        {
            let people: Vec<String> = offer
                .candidates
                .iter()
                .map(|c| fill(t.sick_by_hand_person, &[&c.name, &break_words(c, t)]))
                .collect();
            let text = fill(t.sick_by_hand, &[&people.join(t.data.list_sep)]);
            for part in wrap(&text, cols, 3) {
                lines.push(Line::styled(format!("    {part}"), theme::warn()));
            }
        }
    }
    if !restoring {
        // Substitutions this repair replaces (a range overlapping an older one).
        for s in &repair.removed {
            lines.push(Line::styled(
                format!(
                    "− {} {} {} → {}",
                    s.date,
                    post_words(doc, t, &s.post),
                    who(s.out.as_ref()),
                    who(s.cover.as_ref())
                ),
                theme::dim(),
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::doc::Doc;
    use crate::tui::text::Lang;
    use kehou_solver::plan::Absence;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    fn demo() -> Doc {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/demo.school.ron");
        crate::tui::testing::open(&path).unwrap()
    }

    fn drawn(review: &Review, doc: &Doc) -> String {
        let view = View {
            doc,
            text: Lang::En.text(),
            lang: Lang::En,
        };
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
        terminal.draw(|f| review.draw(f, f.area(), &view)).unwrap();
        crate::tui::testing::buffer_text(terminal.backend().buffer())
    }

    #[test]
    fn the_review_counts_broken_rules_as_the_overview_does() {
        let mut doc = demo();
        // A stale plan: the overview says so on its own line and counts no
        // broken rule; the review must not say "already broke 1 rule".
        doc.edit("rename", |s, _| {
            s.name.push('!');
            Ok::<_, ()>(())
        })
        .unwrap();
        assert!(doc.plan_is_stale());
        assert_eq!(super::super::overview::broken_rules(&doc), 0);
        let absence = Absence {
            staff: doc.school.staff[0].id.clone(),
            from: doc.school.term.first_day,
            to: doc.school.term.first_day,
            sessions: Vec::new(),
            reason: String::new(),
        };
        let repair = Repair {
            plan: doc.plan.clone(),
            added: Vec::new(),
            removed: Vec::new(),
            places: 0,
            variables: 0,
            proven_optimal: true,
            hand_not_kept: Vec::new(),
        };
        let review = Review::new(
            Proposal::Absence {
                change: AbsenceChange::Record(absence),
                repair: Box::new(repair),
                by_hand: Vec::new(),
            },
            Vec::new(),
        );
        let screen = drawn(&review, &doc);
        assert!(!screen.contains("already broke"), "{screen}");
    }
}
