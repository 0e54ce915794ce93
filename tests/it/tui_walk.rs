//! What the first walk-through of the real terminal UI tripped over, each
//! as a key script through `update` that fails without its fix: Esc typed
//! quickly before a key (a terminal reports Alt+key), the export written
//! off the key path, Esc putting an export field back as it was, a lock
//! surviving a hand edit, the overview cut at 80 columns, dated covers
//! invisible on the rota, post ids in messages.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kehou::tui::event::{Effect, Event, ExportResult};
use kehou::tui::screens::ScreenId;
use kehou::tui::testing::{data_file, open, Harness};
use kehou::tui::text::Lang;
use kehou::tui::widgets::input::{InputKey, LineInput};

/// The demo school and plan copied into a temporary folder and opened there.
fn demo_in_tempdir(lang: Lang) -> (tempfile::TempDir, Harness) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["demo.school.ron", "demo.plan.ron"] {
        std::fs::copy(data_file(&format!("demo/{name}")), dir.path().join(name))
            .expect("copy the demo");
    }
    let doc = open(&dir.path().join("demo.school.ron")).expect("the copied demo opens");
    (dir, Harness::new(doc, lang))
}

fn alt(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

#[test]
fn a_line_input_types_only_plain_shifted_and_altgr_characters() {
    let mut input = LineInput::default();
    let key = |c, m| KeyEvent::new(KeyCode::Char(c), m);
    assert_eq!(
        input.handle_key(key('a', KeyModifiers::NONE)),
        InputKey::Edited
    );
    assert_eq!(
        input.handle_key(key('B', KeyModifiers::SHIFT)),
        InputKey::Edited
    );
    assert_eq!(
        input.handle_key(key('j', KeyModifiers::ALT)),
        InputKey::Ignored
    );
    assert_eq!(
        input.handle_key(key('x', KeyModifiers::CONTROL)),
        InputKey::Ignored
    );
    // AltGr on Windows keyboards arrives as Ctrl+Alt: it is a character.
    let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    assert_eq!(input.handle_key(key('@', altgr)), InputKey::Edited);
    assert_eq!(input.text, "aB@");
}

#[test]
fn esc_typed_quickly_before_a_key_leaves_the_field_and_then_acts() {
    let mut h = Harness::demo(Lang::En);
    // Export screen, output field, editing; then Esc+j as one Alt+j.
    h.keys("9jjj\n");
    assert!(h.app.screens.export.editing);
    let before = h.render(80, 24);
    h.send(alt('j'));
    assert!(!h.app.screens.export.editing, "Esc left the field");
    assert_eq!(h.app.screens.export.output, None, "no j typed into it");
    assert_eq!(h.app.screens.export.focus, 4, "then j moved to the button");
    assert!(before.contains("demo-roster.csv▏"));
    assert!(!h.render(80, 24).contains(".csvj"));

    // The rota's filter: Esc+x cancels the filter; x alone does nothing there.
    h.keys("2/1-1");
    assert_eq!(h.app.screens.rota.filter.text, "1-1");
    h.send(alt('x'));
    assert!(!h.app.screens.rota.filtering);
    assert_eq!(h.app.screens.rota.filter.text, "");
    assert!(!h.app.doc.dirty());

    // With nothing open, Esc+2 is Esc (nothing to close), then screen 2.
    h.keys("1");
    h.send(alt('2'));
    assert_eq!(h.app.screen, ScreenId::Rota);
}

#[test]
fn the_export_is_written_off_the_key_path_and_says_writing_meanwhile() {
    let (dir, mut h) = demo_in_tempdir(Lang::En);
    h.update(Event::key(KeyCode::Char('9')));
    let Some(Effect::Export(job)) = h.update(Event::key(KeyCode::Char('x'))).pop() else {
        panic!("x starts an export on the worker: {:?}", h.app.message);
    };
    let path = dir.path().join("demo-roster.csv");
    assert_eq!(job.options.output, path);
    assert!(!path.exists(), "nothing written on the key path");
    assert!(h.app.screens.export.writing);
    assert!(
        h.app
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("Writing")),
        "{:?}",
        h.app.message
    );
    assert!(h.render(80, 24).contains("Writing"));
    // A second x while writing starts nothing.
    assert!(h.update(Event::key(KeyCode::Char('x'))).is_empty());
    assert_eq!(
        h.app.message.as_deref(),
        Some(Lang::En.text().data.export_busy)
    );
    // The worker's result comes back as an event.
    let written = kehou::export::export(&job.school, &job.plan, &job.options);
    h.send(Event::Exported(ExportResult {
        options: job.options,
        written,
    }));
    assert!(path.exists());
    assert!(!h.app.screens.export.writing);
    let screen = h.render(80, 24);
    assert!(
        screen.contains("1 file(s) written") && !screen.contains("Writing"),
        "{screen}"
    );
    assert!(h
        .app
        .message
        .as_deref()
        .is_some_and(|m| m.starts_with("Exported 1 file")));
}

#[test]
fn an_export_error_comes_back_beside_its_field() {
    let (dir, mut h) = demo_in_tempdir(Lang::En);
    // The duty board (html) for a holiday: the harness runs the effect.
    h.keys("9l").keys("j\n2026-10-01\n").keys("x");
    assert!(!h.app.screens.export.writing);
    assert!(!dir.path().join("demo-duty-board.html").exists());
    let screen = h.render(160, 48);
    assert!(
        screen.contains("2026-10-01 has no after-school service"),
        "{screen}"
    );
    assert!(h
        .app
        .message
        .as_deref()
        .is_some_and(|m| m.starts_with("Export failed")));
}

#[test]
fn esc_in_an_export_field_puts_it_back_as_it_was() {
    let mut h = Harness::demo(Lang::En);
    // Type into the output path, then Esc: the default path is back.
    h.keys("9jjj\n").keys("zzz\x1b");
    assert_eq!(h.app.screens.export.output, None);
    assert!(!h.render(80, 24).contains("zzz"));
    // Enter keeps what was typed.
    h.keys("kk\n2026-09-07\n");
    assert_eq!(h.app.screens.export.date.text, "2026-09-07");
    h.keys("\n").ctrl('u').keys("2099\x1b");
    assert_eq!(h.app.screens.export.date.text, "2026-09-07");
}

#[test]
fn the_overview_wraps_what_does_not_fit_at_80_columns() {
    // The stale line's end, a call to action, used to be cut at 80 columns.
    for (lang, end) in [(Lang::Zh, "重新排班）"), (Lang::En, "again)")] {
        let mut h = Harness::demo(lang);
        // Make the plan stale: the first person is away on Monday's first session.
        h.keys("8\n ");
        assert!(h.app.doc.plan_is_stale());
        h.keys("1");
        let screen = h.render(80, 24);
        assert!(screen.contains(end), "{screen}");
        // The season switch keeps its whole value (label and value fit or wrap).
        assert!(!screen.contains("Season swit…"), "{screen}");
    }
    let en = Harness::demo(Lang::En).render(80, 24);
    assert!(en.contains("→ winter") && en.contains("timetable"), "{en}");
}

#[test]
fn after_a_sick_call_the_rota_says_who_covers_on_which_date() {
    let mut h = Harness::demo(Lang::Zh);
    let school = &h.app.doc.school;
    let monday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == kehou_solver::model::Weekday::Mon && d.cycle_week == 1)
        .expect("a Monday in week 1")
        .date;
    h.app.today = monday;
    // Monday's basic session, first place: sick call for that day, accept.
    h.keys("2\nA\n");
    assert!(matches!(
        h.app.screens.rota.sick,
        Some(kehou::tui::screens::sick::SickCall::Review(_))
    ));
    h.keys("y");
    let sub = h.app.doc.plan.substitutions[0].clone();
    let cover = h
        .app
        .doc
        .school
        .person(sub.cover.as_ref().expect("covered"))
        .expect("a person");
    let mark = format!("⇄{} {}", sub.date.format("%m-%d"), cover.name);
    let screen = h.render(160, 48);
    assert!(screen.contains(&mark), "{mark}\n{screen}");
    // Undo: the mark goes with the sick call.
    h.keys("u");
    assert!(!h.render(160, 48).contains('⇄'));
}

#[test]
fn rota_messages_name_the_post_in_words_not_its_id() {
    let mut h = Harness::demo(Lang::En);
    h.keys("2\nf");
    let message = h.app.message.clone().unwrap_or_default();
    assert!(message.starts_with("lock W1 Mon Basic 1-1"), "{message}");
    assert!(!message.contains("w1-mon"), "{message}");
    h.keys("u");
    assert!(h
        .app
        .message
        .as_deref()
        .unwrap_or("")
        .contains("W1 Mon Basic 1-1"));
    let mut h = Harness::demo(Lang::Zh);
    h.keys("2\nx");
    let message = h.app.message.clone().unwrap_or_default();
    assert!(message.contains("第1周 周一 基本服务 1-1"), "{message}");
}

#[test]
fn a_sick_call_review_wraps_the_reason_at_80_columns() {
    let mut h = Harness::demo(Lang::En);
    let school = &h.app.doc.school;
    let monday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == kehou_solver::model::Weekday::Mon && d.cycle_week == 1)
        .expect("a Monday in week 1")
        .date;
    h.app.today = monday;
    h.keys("2\nA\n");
    let Some(repair) = h
        .app
        .screens
        .rota
        .sick
        .as_ref()
        .and_then(kehou::tui::screens::sick::SickCall::review)
        .and_then(|r| r.repair())
    else {
        panic!("expected the review");
    };
    let names = kehou::words::Names::new(Lang::En, &h.app.doc.school, Some(&repair.plan));
    let reason = kehou::words::plan::cover(&repair.added[0].reason, &names);
    assert!(reason.len() > 60, "a long reason to wrap: {reason}");
    let screen = h.render(80, 24);
    // Every word of the reason is on screen (none cut at the border).
    let last = reason.split(' ').next_back().expect("a word");
    assert!(screen.contains(last), "{last}\n{screen}");
}
