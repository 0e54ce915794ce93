//! The terminal UI: every screen as a snapshot on ratatui's TestBackend, key
//! scripts through `update`, and the real binary driven in tmux.

use kehou::tui::screens::sick::SickCall;
use kehou::tui::screens::ScreenId;
use kehou::tui::testing::Harness;
use kehou::tui::text::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn snapshot_screen(screen: ScreenId, name: &str) {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = Harness::demo(lang);
        h.app.screen = screen;
        for (w, hgt) in SIZES {
            let code = if lang == Lang::Zh { "zh" } else { "en" };
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{hgt}"), h.render(w, hgt));
        }
    }
}

#[test]
fn overview_snapshots() {
    snapshot_screen(ScreenId::Overview, "overview");
}

#[test]
fn rota_snapshots() {
    snapshot_screen(ScreenId::Rota, "rota");
}

use crossterm::event::KeyCode;
use kehou::tui::testing::{data_file, open};

/// The tiny school copied into a temporary folder, opened with no plan yet.
fn tiny_in_tempdir(lang: Lang) -> (tempfile::TempDir, Harness) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let school = dir.path().join("tiny.school.ron");
    std::fs::copy(data_file("valid/tiny.school.ron"), &school).expect("copy the tiny school");
    let mut h = Harness::new(open(&school).expect("the tiny school opens"), lang);
    h.app.solve_seconds = 2.0;
    (dir, h)
}

#[test]
fn solve_lock_hand_edit_undo_and_save_through_the_keys() {
    let (dir, mut h) = tiny_in_tempdir(Lang::En);
    assert!(h.app.doc.plan.posts.is_empty());
    // Solve (synchronously in the harness): a checked plan replaces the empty one.
    h.keys("S");
    assert!(h.app.solving.is_none());
    assert!(!h.app.doc.plan.posts.is_empty(), "{:?}", h.app.message);
    assert!(
        h.app.doc.violations.is_empty(),
        "{:?}",
        h.app.doc.violations
    );
    assert!(h.app.doc.dirty());
    assert_eq!(h.app.doc.undo_label(), Some("solve"));

    // To the rota, into the first cell's list; lock its first filled place
    // (the tiny school is short of staff: some places stay empty).
    h.keys("2\n");
    let places = kehou::tui::screens::rota::slots(&kehou::tui::screens::rota::cell_posts(
        &h.app.screens.rota,
        &h.app.doc,
    ));
    let filled = places
        .iter()
        .position(|s| s.staff.is_some())
        .expect("someone works on Monday");
    for _ in 0..filled {
        h.keys("j");
    }
    let slot = h.app.screens.rota.selected_slot(&h.app.doc).unwrap();
    assert_eq!(slot, places[filled]);
    let first = slot
        .staff
        .clone()
        .expect("the first place of a solved post is filled");
    h.keys("f");
    assert!(h
        .app
        .doc
        .plan
        .locks
        .iter()
        .any(|l| l.post == slot.post_id && l.staff == first));

    // Replacing that adult by hand is refused while the lock holds.
    let before = h.app.doc.plan.clone();
    h.keys("a");
    assert!(h.app.screens.rota.pick.is_some());
    h.key(KeyCode::Down); // row 0 is "nobody"
    h.keys("\n");
    assert_eq!(h.app.doc.plan, before, "the locked adult stays");
    assert!(
        h.app
            .message
            .as_deref()
            .unwrap_or("")
            .contains("is locked on"),
        "{:?}",
        h.app.message
    );
    // The screen shows the post without crashing.
    let screen = h.render(100, 30);
    assert!(
        screen.contains(&slot.post_id) || screen.contains("Posts"),
        "{screen}"
    );

    // Save: both files on disk, the plan holding the lock, nothing unsaved.
    h.ctrl('s');
    assert!(!h.app.doc.dirty(), "{:?}", h.app.message);
    let plan = kehou::files::load_plan(&dir.path().join("tiny.plan.ron")).unwrap();
    assert_eq!(plan, h.app.doc.plan);
    assert!(plan
        .locks
        .iter()
        .any(|l| l.post == slot.post_id && l.staff == first));

    // A re-solve keeps the lock.
    h.keys("S");
    let post = h.app.doc.plan.post(&slot.post_id).unwrap();
    assert!(post.staff.iter().any(|a| a.staff == first), "{post:?}");
    assert!(h.app.doc.plan.locks.iter().any(|l| l.post == slot.post_id));
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let (dir, mut h) = tiny_in_tempdir(Lang::Zh);
    h.app
        .doc
        .edit("rename", |s, _| {
            s.name = "小学".into();
            Ok::<_, ()>(())
        })
        .unwrap();
    h.keys("q");
    assert!(!h.quit, "asks first");
    assert!(h.render(80, 24).contains("有未保存的修改"));
    h.key(KeyCode::Esc);
    assert!(!h.quit && h.app.overlay.is_none(), "Esc stays");
    h.keys("qs");
    assert!(h.quit, "s saves, then quits");
    let school = kehou::files::load_school(&dir.path().join("tiny.school.ron")).unwrap();
    assert_eq!(school.name, "小学");
    // Nothing to save: q quits at once.
    let (_dir, mut clean) = tiny_in_tempdir(Lang::En);
    clean.keys("q");
    assert!(clean.quit);
}

#[test]
fn a_failed_save_says_why_and_keeps_the_changes() {
    let (dir, mut h) = tiny_in_tempdir(Lang::En);
    h.app
        .doc
        .edit("rename", |s, _| {
            s.name = "x".into();
            Ok::<_, ()>(())
        })
        .unwrap();
    h.app.doc.school_path = dir.path().join("no/such/folder/tiny.school.ron");
    h.ctrl('s');
    assert!(h.app.doc.dirty());
    assert!(
        h.app
            .message
            .as_deref()
            .unwrap_or("")
            .starts_with("Not saved"),
        "{:?}",
        h.app.message
    );
}

#[test]
fn help_overlay_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let code = if lang == Lang::Zh { "zh" } else { "en" };
        for (screen, name) in [(ScreenId::Overview, "overview"), (ScreenId::Rota, "rota")] {
            let mut h = Harness::demo(lang);
            h.app.screen = screen;
            h.keys("?");
            for (w, hgt) in SIZES {
                insta::assert_snapshot!(format!("help_{name}_{code}_{w}x{hgt}"), h.render(w, hgt));
            }
            // Taller than 80×24: the rest scrolls into view.
            h.keys("jjjjjjjjjj");
            let scrolled = h.render(80, 24);
            assert!(scrolled.contains(h.app.text.key_quit), "{scrolled}");
            h.keys("?");
            assert!(h.app.overlay.is_none(), "? closes the help");
        }
    }
}

#[test]
fn rota_list_picker_and_person_view_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        let code = if lang == Lang::Zh { "zh" } else { "en" };
        let mut h = Harness::demo(lang);
        // Tuesday's extended session, third place in its list.
        h.keys("2lj\njj");
        for (w, hgt) in SIZES {
            insta::assert_snapshot!(format!("rota_list_{code}_{w}x{hgt}"), h.render(w, hgt));
        }
        h.keys("a");
        for (w, hgt) in SIZES {
            insta::assert_snapshot!(format!("rota_pick_{code}_{w}x{hgt}"), h.render(w, hgt));
        }
        h.key(KeyCode::Esc);
        h.keys("p");
        assert!(h.app.screens.rota.person.is_some());
        for (w, hgt) in SIZES {
            insta::assert_snapshot!(format!("rota_person_{code}_{w}x{hgt}"), h.render(w, hgt));
        }
    }
}

#[test]
fn the_rota_filter_narrows_by_kind_and_grade() {
    let mut h = Harness::demo(Lang::En);
    h.keys("2/k:late\n");
    let shown = kehou::tui::screens::rota::cell_posts(&h.app.screens.rota, &h.app.doc);
    assert!(shown.is_empty(), "no late posts in the basic session");
    h.keys("jj");
    let shown = kehou::tui::screens::rota::cell_posts(&h.app.screens.rota, &h.app.doc);
    assert!(
        !shown.is_empty()
            && shown
                .iter()
                .all(|(_, p)| p.kind == kehou_solver::plan::PostKind::Late)
    );
    h.key(KeyCode::Esc);
    h.keys("kk/g:3 c:3-2\n");
    let shown = kehou::tui::screens::rota::cell_posts(&h.app.screens.rota, &h.app.doc);
    assert!(
        !shown.is_empty()
            && shown
                .iter()
                .all(|(_, p)| p.classes.iter().any(|c| c.as_str() == "3-2"))
    );
    insta::assert_snapshot!("rota_filtered_en_80x24", h.render(80, 24));
}

#[test]
fn without_a_terminal_kehou_prints_the_overview_and_tui_says_why_it_cannot_open() {
    // Output to a pipe, as in `kehou | head`: the overview text, not the UI.
    let run = crate::run::kehou(&[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("阳光实验小学"), "{}", run.all());
    let run = crate::run::kehou(&["tui", "data/demo/demo.school.ron"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("needs a terminal"), "{}", run.all());
}

#[test]
fn a_sick_call_finds_covers_shows_the_diff_and_is_undoable() {
    let mut h = Harness::demo(Lang::En);
    // The first Monday in week 1 of the cycle: the rota's first cell.
    let school = &h.app.doc.school;
    let monday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == kehou_solver::model::Weekday::Mon && d.cycle_week == 1)
        .unwrap()
        .date;
    h.app.today = monday;
    // Monday's basic session, the first place: open a sick call for that adult.
    h.keys("2\nA");
    let who = h
        .app
        .screens
        .rota
        .selected_slot(&h.app.doc)
        .unwrap()
        .staff
        .unwrap();
    let form = h.render(100, 30);
    assert!(
        form.contains("Sick call") && form.contains(&monday.to_string()),
        "{form}"
    );

    // A bad date is refused beside its field, and nothing runs.
    h.key(KeyCode::Backspace);
    h.keys("x\n");
    let form = h.render(100, 30);
    assert!(form.contains("is not a date"), "{form}");
    h.key(KeyCode::Backspace);
    let last = monday.to_string().pop().unwrap();
    h.keys(&format!("{last}\n")); // the repair runs (synchronously here) and its diff shows
    let diff = h.render(120, 40);
    assert!(diff.contains("Covers") && diff.contains("→"), "{diff}");
    let Some(review) = h.app.screens.rota.sick.as_ref().and_then(SickCall::review) else {
        panic!("expected the review, got {:?}", h.app.screens.rota.sick);
    };
    let (repair, violations) = (review.repair().expect("a repair"), &review.violations);
    assert!(violations.is_empty(), "{violations:?}");
    assert!(
        repair.added.iter().any(|s| s.out.as_ref() == Some(&who)),
        "{:?}",
        repair.added
    );

    // Accept: one undoable edit recording the absence and the covers.
    h.keys("y");
    assert!(h.app.screens.rota.sick.is_none());
    assert_eq!(h.app.doc.plan.absences.len(), 1);
    h.keys("1");
    let overview = h.render(100, 30);
    assert!(
        overview.contains("Sick calls") && overview.contains("1 absences"),
        "{overview}"
    );
    assert!(!h.app.doc.plan.substitutions.is_empty());
    assert!(
        h.app.doc.violations.is_empty(),
        "{:?}",
        h.app.doc.violations
    );
    assert!(h.app.doc.dirty());
    h.keys("u");
    assert!(h.app.doc.plan.absences.is_empty() && h.app.doc.plan.substitutions.is_empty());
    assert!(!h.app.doc.dirty());
}

#[test]
fn a_sick_call_can_be_rejected() {
    let mut h = Harness::demo(Lang::Zh);
    let term = h.app.doc.school.term.clone();
    h.app.today = term.first_day;
    h.keys("2\nA\n");
    assert!(
        matches!(h.app.screens.rota.sick, Some(SickCall::Review(_))),
        "{:?}",
        h.app.screens.rota.sick
    );
    assert!(h.render(80, 24).contains("代课"));
    h.keys("n");
    assert!(h.app.screens.rota.sick.is_none());
    assert!(h.app.doc.plan.absences.is_empty() && !h.app.doc.dirty());
}

#[test]
fn esc_cancels_a_running_solve_and_its_result_is_dropped() {
    use kehou::tui::event::{Effect, Event};
    let (_dir, mut h) = tiny_in_tempdir(Lang::En);
    let Some(Effect::Solve(job)) = h.update(Event::key(KeyCode::Char('S'))).pop() else {
        panic!("S starts a solve");
    };
    assert!(h.app.solving.is_some());
    // The interface answers while the solve runs: move about; the status
    // line counts the seconds from the time the events came in.
    h.update(Event::key(KeyCode::Tab));
    assert_eq!(h.app.screen, ScreenId::Rota);
    h.clock += std::time::Duration::from_secs(7);
    h.update(Event::Tick);
    assert_eq!(h.app.solve_elapsed().map(|d| d.as_secs()), Some(7));
    assert!(h.render(100, 30).contains("7 s"), "{}", h.render(100, 30));
    assert!(
        h.update(Event::key(KeyCode::Char('S'))).is_empty(),
        "one solve at a time"
    );
    h.update(Event::key(KeyCode::Esc));
    assert!(h.app.solving.is_none());
    assert_eq!(
        h.app.message.as_deref(),
        Some(Lang::En.text().solve_cancelled)
    );
    // The cancelled solve's result arrives later and changes nothing.
    let before = h.app.doc.plan.clone();
    h.update(Event::Solved(kehou::tui::testing::solve_now(job)));
    assert_eq!(h.app.doc.plan, before);
    assert!(!h.app.doc.dirty());
}

#[test]
fn the_interface_speaks_the_language_it_is_given() {
    let zh = Harness::demo(Lang::Zh).render(80, 24);
    let en = Harness::demo(Lang::En).render(80, 24);
    assert!(zh.contains("概览") && zh.contains("学期") && !zh.contains("Overview"));
    assert!(en.contains("Overview") && en.contains("Term") && !en.contains("概览"));
}

#[test]
fn the_overview_says_when_there_is_no_plan_and_when_it_is_stale() {
    let (_dir, h) = tiny_in_tempdir(Lang::En);
    for (w, hgt) in SIZES {
        insta::assert_snapshot!(format!("overview_unsolved_en_{w}x{hgt}"), h.render(w, hgt));
    }
    let mut h = Harness::demo(Lang::En);
    assert!(!h.render(100, 30).contains("STALE"));
    // A teacher becomes unavailable on Monday's basic session: the plan was
    // solved for another school now.
    h.app
        .doc
        .edit("availability", |s, _| {
            s.staff[0].unavailable.push(kehou_solver::model::Slot {
                day: kehou_solver::model::Weekday::Mon,
                session: Some(kehou_solver::model::SessionKind::Basic),
            });
            Ok::<_, String>(())
        })
        .unwrap();
    let screen = h.render(100, 30);
    assert!(screen.contains("STALE"), "{screen}");
    h.keys("u");
    assert!(!h.render(100, 30).contains("STALE"));
}

#[test]
fn picking_someone_busy_at_the_time_swaps_the_two() {
    let mut h = Harness::demo(Lang::En);
    h.keys("2\n");
    let posts = kehou::tui::screens::rota::cell_posts(&h.app.screens.rota, &h.app.doc);
    let (a_post, b_post) = (posts[0].0, posts[1].0);
    let a = h.app.doc.plan.posts[a_post].staff[0].staff.clone();
    let b = h.app.doc.plan.posts[b_post].staff[0].staff.clone();
    let b_name = h.app.doc.school.person(&b).unwrap().name.clone();
    h.keys("a").keys(&b_name);
    h.key(KeyCode::Down); // past "nobody"
    h.keys("\n");
    assert_eq!(h.app.doc.plan.posts[a_post].staff[0].staff, b);
    assert_eq!(h.app.doc.plan.posts[b_post].staff[0].staff, a);
    assert!(
        !h.app
            .doc
            .violations
            .iter()
            .any(|v| v.rule == kehou_solver::check::Rule::DoubleBooked),
        "{:?}",
        h.app.doc.violations
    );
    assert!(
        h.app.message.as_deref().unwrap_or("").starts_with("swap"),
        "{:?}",
        h.app.message
    );
    h.keys("u");
    assert_eq!(h.app.doc.plan.posts[a_post].staff[0].staff, a);
    assert_eq!(h.app.doc.plan.posts[b_post].staff[0].staff, b);
}

#[test]
fn a_broken_rule_shows_beside_the_post_at_once() {
    let mut h = Harness::demo(Lang::En);
    h.keys("2\nx"); // take the only adult off Monday's first care group
    assert!(
        h.app
            .doc
            .violations
            .iter()
            .any(|v| v.rule == kehou_solver::check::Rule::Coverage),
        "{:?}",
        h.app.doc.violations
    );
    let screen = h.render(100, 30);
    assert!(screen.contains("Broken: coverage"), "{screen}");
    h.keys("u");
    assert!(h.app.doc.violations.is_empty());
    assert!(!h.render(100, 30).contains("Broken"));
}

#[test]
fn every_invalid_school_that_parses_opens_draws_and_refuses_to_solve() {
    // Nonsense schools (backwards dates, zero ratios, unknown ids …) are
    // reported on the overview, never crash a screen, and are not solved.
    let mut opened = 0;
    for entry in std::fs::read_dir(data_file("invalid")).unwrap() {
        let path = entry.unwrap().path();
        let Ok(doc) = open(&path) else {
            continue; // a file error: `kehou tui` says so before opening
        };
        opened += 1;
        let mut h = Harness::new(doc, Lang::Zh);
        for screen in [ScreenId::Overview, ScreenId::Rota] {
            h.app.screen = screen;
            for (w, hgt) in [(80, 24), (40, 10), (200, 60)] {
                h.render(w, hgt);
            }
        }
        h.keys("1");
        if h.app.doc.errors() > 0 {
            h.keys("S");
            assert!(h.app.solving.is_none(), "{}", path.display());
            assert_eq!(
                h.app.message.as_deref(),
                Some(Lang::Zh.text().solve_blocked_by_errors)
            );
            assert!(h.render(80, 24).contains("个错误"), "{}", path.display());
        }
    }
    assert!(opened > 20, "{opened}");
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    let mut h = Harness::demo(Lang::Zh);
    for keys in ["1", "2", "2\n", "2\na", "\x1b\x1b?", "?A"] {
        h.keys(keys);
        for (w, hgt) in [(1, 1), (10, 3), (20, 5), (40, 10), (79, 23)] {
            h.render(w, hgt);
        }
    }
}
