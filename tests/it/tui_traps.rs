//! The traps of issue 13, one key script each: every key does what the
//! screen says, and no single wrong key loses work or does the opposite.

use crossterm::event::KeyCode;
use kehou::tui::screens::rota::{candidates, cell_posts, Freedom};
use kehou::tui::screens::sick::SickCall;
use kehou::tui::screens::ScreenId;
use kehou::tui::testing::{data_file, open, Harness};
use kehou::tui::text::Lang;
use kehou_solver::model::{SessionKind, StaffId, Weekday};
use kehou_solver::plan::{DecidedBy, PostKind};

/// The demo school and plan copied into a temporary folder.
fn demo_in_tempdir(lang: Lang) -> (tempfile::TempDir, Harness) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["demo.school.ron", "demo.plan.ron"] {
        std::fs::copy(data_file(&format!("demo/{name}")), dir.path().join(name))
            .expect("copy the demo");
    }
    let doc = open(&dir.path().join("demo.school.ron")).expect("the copied demo opens");
    (dir, Harness::new(doc, lang))
}

/// The first service day of cycle week 1 that runs as `day`.
fn first(h: &Harness, day: Weekday) -> chrono::NaiveDate {
    let school = &h.app.doc.school;
    kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .find(|d| d.runs_as == day && d.cycle_week == 1)
        .expect("a day in cycle week 1")
        .date
}

#[test]
fn typing_a_name_in_the_picker_and_enter_puts_that_person_on_the_post() {
    let mut h = Harness::demo(Lang::Zh);
    h.keys("2\n");
    let slot = h
        .app
        .screens
        .rota
        .selected_slot(&h.app.doc)
        .expect("a place");
    let before = slot.staff.clone().expect("a filled place");
    let free = candidates(&h.app.doc, &slot, "")
        .into_iter()
        .find(|c| c.freedom == Freedom::Free)
        .expect("someone free");
    h.keys("a").keys(&free.name).key(KeyCode::Enter);
    let post = &h.app.doc.plan.posts[slot.post];
    assert_eq!(
        post.staff[0].staff, free.staff,
        "the person typed takes the place, not nobody: {:?}",
        h.app.message
    );
    assert!(!post.staff.iter().any(|a| a.staff == before));
    assert_eq!(post.missing(), 0, "the post is not left short");
    // A name nobody has: Enter chooses nothing, the picker stays open.
    h.keys("a").keys("没有这个人").key(KeyCode::Enter);
    assert!(h.app.screens.rota.pick.is_some());
    assert_eq!(h.app.doc.plan.posts[slot.post].staff[0].staff, free.staff);
    assert!(
        h.render(80, 24).contains("没有人匹配"),
        "{}",
        h.render(80, 24)
    );
}

#[test]
fn the_quit_question_is_answered_as_asked() {
    let edit = |h: &mut Harness| {
        h.app
            .doc
            .edit("rename", |s, _| {
                s.name = "改过的名字".into();
                Ok::<_, ()>(())
            })
            .unwrap();
    };
    let saved_name = |dir: &tempfile::TempDir| {
        kehou::files::load_school(&dir.path().join("demo.school.ron"))
            .unwrap()
            .name
    };
    // y: save, then quit.
    let (dir, mut h) = demo_in_tempdir(Lang::En);
    edit(&mut h);
    h.keys("q");
    assert!(h.render(80, 24).contains("y Enter  save, then quit"));
    h.keys("y");
    assert!(h.quit, "y saves and quits");
    assert_eq!(saved_name(&dir), "改过的名字");
    // Enter: the same.
    let (dir, mut h) = demo_in_tempdir(Lang::Zh);
    edit(&mut h);
    h.keys("q").key(KeyCode::Enter);
    assert!(h.quit);
    assert_eq!(saved_name(&dir), "改过的名字");
    // n: quit without saving.
    let (dir, mut h) = demo_in_tempdir(Lang::En);
    edit(&mut h);
    h.keys("qn");
    assert!(h.quit, "n quits");
    assert_ne!(saved_name(&dir), "改过的名字", "n does not save");
    // Esc: stay, nothing saved.
    let (dir, mut h) = demo_in_tempdir(Lang::En);
    edit(&mut h);
    h.keys("q").key(KeyCode::Esc);
    assert!(!h.quit && h.app.overlay.is_none());
    assert_ne!(saved_name(&dir), "改过的名字");
}

#[test]
fn a_hand_swap_never_moves_a_locked_adult_and_says_which_lock() {
    let mut h = Harness::demo(Lang::En);
    h.keys("2\n");
    let posts = cell_posts(&h.app.screens.rota, &h.app.doc);
    let (a_post, b_post) = (posts[0].0, posts[1].0);
    let a = h.app.doc.plan.posts[a_post].staff[0].staff.clone();
    let b = h.app.doc.plan.posts[b_post].staff[0].staff.clone();
    let b_name = h.app.doc.school.person(&b).unwrap().name.clone();
    // Lock b on their post (the second place), back to the first place.
    h.keys("jfk");
    let b_id = h.app.doc.plan.posts[b_post].id.clone();
    assert!(h
        .app
        .doc
        .plan
        .locks
        .iter()
        .any(|l| l.post == b_id && l.staff == b));
    let plan = h.app.doc.plan.clone();
    // Put b on the first post: b is busy there, so this would be a swap
    // moving b out of the locked place. Refused, naming the lock.
    h.keys("a").keys(&b_name).key(KeyCode::Enter);
    assert_eq!(h.app.doc.plan, plan, "nothing moved");
    let message = h.app.message.clone().unwrap_or_default();
    assert!(
        message.contains(&b_name) && message.contains("locked on") && message.contains("Mon"),
        "{message}"
    );
    // Replacing a locked adult in place is refused too.
    h.keys("jf"); // unlock b
    h.keys("kf"); // lock a on the first post
    let plan = h.app.doc.plan.clone();
    h.keys("a").keys(&b_name).key(KeyCode::Enter);
    assert_eq!(h.app.doc.plan, plan, "a is not replaced");
    let a_name = h.app.doc.school.person(&a).unwrap().name.clone();
    assert!(
        h.app.message.as_deref().unwrap_or("").contains(&a_name),
        "{:?}",
        h.app.message
    );
    // Without locks the swap goes ahead.
    h.keys("f");
    h.keys("a").keys(&b_name).key(KeyCode::Enter);
    assert_eq!(h.app.doc.plan.posts[a_post].staff[0].staff, b);
    assert_eq!(h.app.doc.plan.posts[b_post].staff[0].staff, a);
}

#[test]
fn the_lock_key_is_not_a_movement_key() {
    let mut h = Harness::demo(Lang::En);
    // hjkl typed fast in a cell move; they lock nothing.
    h.keys("2\njjlkl");
    assert!(
        h.app.doc.plan.locks.is_empty(),
        "{:?}",
        h.app.doc.plan.locks
    );
    assert!(!h.app.doc.dirty());
    h.keys("f");
    assert_eq!(h.app.doc.plan.locks.len(), 1, "f locks the place");
    h.keys("?");
    let help = h.render(100, 30);
    assert!(help.contains("f / F"), "{help}");
    assert!(!help.contains("l / L"), "{help}");
}

#[test]
fn slash_in_a_cell_filters_and_esc_closes_the_filter() {
    let mut h = Harness::demo(Lang::En);
    h.keys("2\n/k:club\n");
    // Monday's basic cell has no clubs: the filter empties it.
    assert_eq!(h.app.screens.rota.filter.text, "k:club");
    assert!(cell_posts(&h.app.screens.rota, &h.app.doc).is_empty());
    // Typing into the filter in a cell does not run the cell's keys.
    h.keys("/x");
    assert!(h.app.doc.plan.locks.is_empty() && !h.app.doc.dirty());
    h.key(KeyCode::Esc);
    assert!(
        !h.app.screens.rota.filtering,
        "the first Esc closes the filter"
    );
    assert!(h.app.screens.rota.filter.text.is_empty());
    assert!(!cell_posts(&h.app.screens.rota, &h.app.doc).is_empty());
}

#[test]
fn the_room_filter_matches_room_names_too() {
    let mut h = Harness::demo(Lang::Zh);
    let room = h
        .app
        .doc
        .plan
        .posts
        .iter()
        .find_map(|p| p.room.clone())
        .expect("a post with a room");
    let name = h.app.doc.school.room(&room).unwrap().name.clone();
    assert_ne!(name, room.to_string());
    let school = h.app.doc.school.clone();
    let post = h
        .app
        .doc
        .plan
        .posts
        .iter()
        .find(|p| p.room.as_ref() == Some(&room))
        .unwrap();
    assert!(kehou::tui::screens::rota::matches(
        post,
        &format!("r:{name}"),
        &school
    ));
    h.keys("2/").keys(&format!("r:{name}")).key(KeyCode::Enter);
    let shown: usize = (0..5)
        .map(|d| {
            h.app.screens.rota.day = d;
            cell_posts(&h.app.screens.rota, &h.app.doc).len()
        })
        .sum();
    assert!(shown > 0, "r:{name} finds the room's posts");
}

#[test]
fn the_person_view_says_it_counts_the_whole_cycle() {
    let mut h = Harness::demo(Lang::Zh);
    h.keys("2\np");
    let screen = h.render(120, 30);
    assert!(screen.contains("整个周期（2 周）"), "{screen}");
    assert!(!screen.contains("的一周"), "{screen}");
    let mut h = Harness::demo(Lang::En);
    h.keys("2\np");
    assert!(h.render(120, 30).contains("over the 2-week cycle"));
}

#[test]
fn a_sick_call_is_recorded_from_the_sick_calls_screen_too() {
    let mut h = Harness::demo(Lang::En);
    h.app.today = first(&h, Weekday::Mon);
    h.keys("0A");
    assert!(
        matches!(h.app.screens.cover.call, Some(SickCall::Form(_))),
        "A opens the sick-call form on screen 0"
    );
    let who = h.app.doc.plan.posts[0].staff[0].staff.clone();
    h.keys(who.as_str()).keys("\n");
    assert!(
        matches!(h.app.screens.cover.call, Some(SickCall::Review(_))),
        "{:?}",
        h.app.screens.cover.call
    );
    h.keys("y");
    assert_eq!(h.app.doc.plan.absences.len(), 1, "{:?}", h.app.message);
    assert_eq!(h.app.doc.plan.absences[0].staff, who);
    let screen = h.render(100, 30);
    assert!(!screen.contains("No absences"), "{screen}");
}

#[test]
fn the_sick_call_form_records_sessions() {
    let mut h = Harness::demo(Lang::Zh);
    let monday = first(&h, Weekday::Mon);
    h.app.today = monday;
    // Someone with a late post on that Monday: away for the late session only.
    let late = h
        .app
        .doc
        .plan
        .posts
        .iter()
        .find(|p| p.week == 1 && p.day == Weekday::Mon && p.kind == PostKind::Late)
        .expect("a late post on Monday");
    let who = late.staff[0].staff.clone();
    h.keys("0A").keys(who.as_str());
    // To the sessions field; ←/→ step through the choices, Chinese names.
    h.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    // Whole day, then the plan's sessions: basic, extended, late.
    for _ in 0..3 {
        h.key(KeyCode::Right);
    }
    let form = h.render(100, 30);
    assert!(form.contains("弹性离校"), "{form}");
    h.key(KeyCode::Enter).keys("y");
    let absence = h.app.doc.plan.absences.first().expect("recorded");
    assert_eq!(absence.staff, who);
    assert_eq!(absence.sessions, vec![SessionKind::Late]);
    // Only the late places changed hands.
    for s in &h.app.doc.plan.substitutions {
        let post = h.app.doc.plan.post(&s.post).unwrap();
        assert!(post.session == SessionKind::Late, "{s:?}");
    }
    // A session typed in English in the Chinese interface is read too; a
    // wrong one is named beside its field.
    h.keys("A").keys(who.as_str());
    h.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    h.send(kehou::tui::event::Event::ctrl('u'));
    h.keys("lunch\n");
    let form = h.render(100, 30);
    assert!(form.contains("“lunch”不是时段"), "{form}");
}

#[test]
fn the_grid_shows_each_days_duty_leader() {
    for (lang, word) in [(Lang::Zh, "值班"), (Lang::En, "duty")] {
        let mut h = Harness::demo(lang);
        h.keys("2");
        let leader = h
            .app
            .doc
            .plan
            .posts
            .iter()
            .find(|p| p.week == 1 && p.day == Weekday::Tue && p.kind == PostKind::DutyLeader)
            .map(|p| p.staff[0].staff.clone())
            .expect("a duty leader on Tuesday");
        let name = h.app.doc.school.person(&leader).unwrap().name.clone();
        let wide = h.render(160, 48);
        let header = wide.lines().nth(2).unwrap_or_default();
        assert!(header.contains(&format!("{word} {name}")), "{header}");
        // At 80 columns the names stay whole.
        let narrow = h.render(80, 24);
        let header = narrow.lines().nth(2).unwrap_or_default();
        assert!(header.contains(&name), "{header}");
    }
}

#[test]
fn a_sick_duty_leader_is_offered_the_leaders_over_a_cap_and_one_can_be_chosen() {
    let mut h = Harness::demo(Lang::En);
    // The second Tuesday of cycle week 1: a full week, every other leader
    // busy or at their cap.
    let school = &h.app.doc.school;
    let tuesday = kehou_solver::calendar::service_days(&school.term, school.rules.cycle_weeks)
        .into_iter()
        .filter(|d| d.runs_as == Weekday::Tue && d.cycle_week == 1)
        .nth(1)
        .expect("a second Tuesday in cycle week 1")
        .date;
    h.app.today = tuesday;
    let duty = h
        .app
        .doc
        .plan
        .posts
        .iter()
        .find(|p| p.week == 1 && p.day == Weekday::Tue && p.kind == PostKind::DutyLeader)
        .expect("Tuesday's duty")
        .clone();
    let leader = duty.staff[0].staff.clone();
    h.keys("0A").keys(leader.as_str()).keys("\n");
    let review = h.render(160, 48);
    assert!(review.contains("by hand, going over a cap:"), "{review}");
    assert!(review.contains("weekly cap"), "{review}");
    h.keys("y");
    let sub = h
        .app
        .doc
        .plan
        .substitutions
        .iter()
        .position(|s| s.post == duty.id)
        .expect("the duty place is recorded");
    assert!(h.app.doc.plan.substitutions[sub].cover.is_none());
    // On the sick-calls screen: the substitution, its candidates, the first
    // (over a cap) chosen after a question that says what it breaks.
    h.key(KeyCode::Enter).key(KeyCode::Enter);
    let pick = h.app.screens.cover.pick.as_ref().expect("the candidates");
    let first = pick.candidates[0].clone();
    assert!(first.possible() && !first.breaks.is_empty(), "{first:?}");
    h.key(KeyCode::Enter);
    let screen = h.render(120, 40);
    assert!(
        screen.contains("would break: weekly cap. Choose anyway?"),
        "{screen}"
    );
    assert!(h.app.doc.plan.substitutions[sub].cover.is_none(), "not yet");
    h.keys("y");
    let s = &h.app.doc.plan.substitutions[sub];
    assert_eq!(s.cover.as_ref(), Some(&first.staff), "{:?}", h.app.message);
    assert_eq!(s.decided_by, DecidedBy::Hand);
    assert!(h.app.screens.cover.pick.is_none());
}

#[test]
fn enumerated_fields_step_with_arrows_and_read_chinese_labels() {
    let mut h = Harness::demo(Lang::En);
    h.keys("4a");
    // To the kind field: ←/→ step through the kinds.
    h.key(KeyCode::Tab).key(KeyCode::Tab);
    let form = |h: &Harness| h.app.screens.rooms.form.as_ref().unwrap().0.clone();
    let before = form(&h).fields[2].input.text.clone();
    h.key(KeyCode::Right);
    let after = form(&h).fields[2].input.text.clone();
    assert_ne!(before, after);
    h.key(KeyCode::Left);
    assert_eq!(form(&h).fields[2].input.text, before);
    // A Chinese label in the English interface is read.
    h.send(kehou::tui::event::Event::ctrl('u'));
    h.keys("音乐室");
    h.key(KeyCode::BackTab).keys("Music 2");
    h.key(KeyCode::BackTab);
    h.send(kehou::tui::event::Event::ctrl('u'));
    h.keys("music2");
    h.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    h.send(kehou::tui::event::Event::ctrl('u'));
    h.keys("30\n");
    let room = h
        .app
        .doc
        .school
        .room(&kehou_solver::model::RoomId::new("music2"))
        .unwrap_or_else(|| panic!("saved: {:?}", h.app.screens.rooms.form));
    assert_eq!(room.kind, kehou_solver::model::RoomKind::Music);
}

#[test]
fn the_overview_at_80x24_shows_the_checks_and_j_keeps_the_last_line() {
    let mut h = Harness::demo(Lang::Zh);
    // Two warnings: more late than basic in two classes.
    h.app
        .doc
        .edit("warn", |s, _| {
            for c in s.classes.iter_mut().take(2) {
                c.late = [c.basic[0] + 5; 5];
            }
            Ok::<_, ()>(())
        })
        .unwrap();
    let warnings = h.app.doc.findings.len();
    assert!(warnings >= 2, "{:?}", h.app.doc.findings);
    let names = kehou::words::Names::new(Lang::Zh, &h.app.doc.school, None);
    let first = kehou::words::findings::render(&h.app.doc.findings[0], &names).subject;
    let screen = h.render(80, 24);
    assert!(
        screen.contains(&format!("0 个错误，{warnings} 个警告")),
        "{screen}"
    );
    assert!(
        screen.contains(&first),
        "the detail shows, not just the count:\n{screen}"
    );
    // The staff line wraps whole; no cut words.
    // (A no-break space keeps each kind with its count.)
    assert!(screen.contains("外聘教练\u{a0}3"), "{screen}");
    for _ in 0..40 {
        h.keys("j");
    }
    let scrolled = h.render(80, 24);
    // The last line of the checks: the last broken rule, else the last finding.
    let doc = &h.app.doc;
    let names = kehou::words::Names::new(Lang::Zh, &doc.school, Some(&doc.plan));
    let last = match doc.violations.last() {
        Some(v) => kehou::words::check::line(v, &names),
        None => kehou::words::findings::render(doc.findings.last().unwrap(), &names).fix,
    };
    let tail: String = last
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(
        scrolled.contains(tail.trim()),
        "j stops at the last line:\n{scrolled}"
    );
    let en = Harness::demo(Lang::En).render(80, 24);
    assert!(!en.contains("per cy\n") && !en.contains("per cy│"), "{en}");
    // The late-duty line wraps to a second line rather than being cut.
    let fairness: String = en.lines().skip(2).take(2).collect();
    assert!(fairness.contains("cycle"), "{en}");
}

#[test]
fn the_sick_call_form_names_the_person_typed() {
    let mut h = Harness::demo(Lang::Zh);
    let person = h.app.doc.school.staff[0].clone();
    h.keys("0A").keys(person.id.as_str());
    assert_eq!(h.app.screen, ScreenId::Cover);
    let form = h.render(100, 30);
    assert!(form.contains(&person.name), "{form}");
    // From the rota, the selected adult is filled in with their name.
    let mut h = Harness::demo(Lang::Zh);
    h.keys(
        "2
A",
    );
    let who: StaffId = h.app.doc.plan.posts[cell_posts(&h.app.screens.rota, &h.app.doc)[0].0].staff
        [0]
    .staff
    .clone();
    let name = h.app.doc.school.person(&who).unwrap().name.clone();
    let form = h.render(100, 30);
    assert!(
        form.contains(who.as_str()) && form.contains(&name),
        "{form}"
    );
}

#[test]
fn a_deleted_club_shows_in_the_rota_as_no_longer_in_the_school() {
    let mut h = Harness::demo(Lang::En);
    let post = h
        .app
        .doc
        .plan
        .posts
        .iter()
        .find(|p| p.club.as_ref().is_some_and(|c| c.as_str() == "weiqi"))
        .expect("a weiqi meeting")
        .clone();
    // A plan older than club names knows only the club's id.
    h.app
        .doc
        .edit("delete weiqi", |s, p| {
            s.clubs.retain(|c| c.id.as_str() != "weiqi");
            for post in &mut p.posts {
                post.club_name = None;
            }
            Ok::<_, ()>(())
        })
        .unwrap();
    let mut post = post;
    post.club_name = None;
    h.keys("2");
    let rota = &mut h.app.screens.rota;
    rota.week = post.week - 1;
    rota.day = kehou::tui::screens::rota::DAYS
        .iter()
        .position(|d| *d == post.day)
        .unwrap();
    rota.row = kehou::tui::screens::rota::sessions(&h.app.doc.plan)
        .iter()
        .position(|s| *s == post.session)
        .unwrap();
    h.keys("/c:weiqi\n\n");
    // The grid and the list are narrow: the mark starts there; the post in
    // words (titles, messages) has it whole.
    let screen = h.render(160, 48);
    assert!(screen.contains("weiqi (no…"), "{screen}");
    let words = kehou::tui::screens::rota::place_of(&post, &h.app.doc, h.app.text);
    assert!(
        words.ends_with("weiqi (no longer in the school)"),
        "{words}"
    );
}
