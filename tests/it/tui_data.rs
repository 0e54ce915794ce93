//! The data screens of the terminal UI (staff, rooms, classes, clubs,
//! calendar, availability, export): snapshots on the demo school in both
//! languages at 80×24 and 160×48, and key scripts through `update` that
//! check the school, the undo history and the files written.

use kehou::tui::screens::{Screen, ScreenId};
use kehou::tui::testing::{data_file, open, Harness};
use kehou::tui::text::Lang;
use kehou_solver::model::{ClassId, RoomId, School, SessionKind, StaffId, Weekday};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn code(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "zh"
    } else {
        "en"
    }
}

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

/// The sessions the availability grid shows: those the timetables run.
fn grid_sessions(school: &School) -> Vec<SessionKind> {
    SessionKind::ALL
        .into_iter()
        .filter(|k| school.timetables.iter().any(|t| t.session(*k).is_some()))
        .collect()
}

#[test]
fn data_screen_snapshots() {
    let screens = [
        (ScreenId::Staff, "staff"),
        (ScreenId::Rooms, "rooms"),
        (ScreenId::Classes, "classes"),
        (ScreenId::Clubs, "clubs"),
        (ScreenId::Calendar, "calendar"),
        (ScreenId::Availability, "availability"),
        (ScreenId::Export, "export"),
    ];
    for lang in [Lang::Zh, Lang::En] {
        for (screen, name) in screens {
            let mut h = Harness::demo(lang);
            h.app.screen = screen;
            for (w, hgt) in SIZES {
                insta::assert_snapshot!(
                    format!("{name}_{}_{w}x{hgt}", code(lang)),
                    h.render(w, hgt)
                );
            }
        }
    }
}

#[test]
fn open_form_and_grid_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        // The staff form of the first person, and the availability grid in use.
        let mut h = Harness::demo(lang);
        h.keys("3e");
        insta::assert_snapshot!(format!("staff_form_{}_80x24", code(lang)), h.render(80, 24));
        let mut h = Harness::demo(lang);
        h.keys("8jj\nj ");
        for (w, hgt) in SIZES {
            insta::assert_snapshot!(
                format!("availability_grid_{}_{w}x{hgt}", code(lang)),
                h.render(w, hgt)
            );
        }
    }
}

#[test]
fn edit_a_persons_name_through_the_form_then_undo() {
    let mut h = Harness::demo(Lang::Zh);
    let first = h.app.doc.school.staff[0].clone();
    h.keys("3e\t");
    assert!(h.app.screens.staff.capturing(), "the form takes the keys");
    h.ctrl('u').keys("王小丽\n");
    let now = h.app.doc.school.person(&first.id).expect("still there");
    assert_eq!(now.name, "王小丽");
    assert!(h.app.doc.dirty());
    assert!(
        h.app.doc.plan_is_stale(),
        "a changed school makes the plan stale"
    );
    assert!(
        h.render(80, 24).contains("王小丽"),
        "the table shows the new name"
    );
    h.keys("u");
    assert_eq!(
        h.app.doc.school.person(&first.id).map(|p| p.name.clone()),
        Some(first.name.clone())
    );
    assert!(!h.app.doc.dirty(), "undo goes back to the saved state");
}

#[test]
fn edit_a_class_count_through_the_form() {
    let mut h = Harness::demo(Lang::En);
    let id = h.app.doc.school.classes[0].id.clone();
    // Classes, edit the first, four fields down to basic service.
    h.keys("5e\t\t\t\t");
    h.ctrl('u').keys("30 29 28 27 26\n");
    let class = h.app.doc.school.class(&id).expect("the class");
    assert_eq!(class.basic, [30, 29, 28, 27, 26]);
    assert_eq!(
        h.app.doc.undo_label(),
        Some(format!("Edit class {id}").as_str())
    );
}

#[test]
fn a_bad_value_shows_its_message_beside_the_field_and_changes_nothing() {
    let mut h = Harness::demo(Lang::En);
    let before = h.app.doc.school.clone();
    h.keys("5e\t\t\t\t");
    h.ctrl('u').keys("30 29 x\n");
    assert_eq!(h.app.doc.school, before, "nothing saved");
    assert!(!h.app.doc.dirty());
    let screen = h.render(80, 24);
    assert!(screen.contains("needs five numbers"), "{screen}");
    insta::assert_snapshot!("classes_form_error_en_80x24", screen);
    // Esc closes the form; the school is as it was.
    h.keys("\x1b");
    assert!(!h.app.screens.classes.capturing());
    assert_eq!(h.app.doc.school, before);
}

#[test]
fn a_validation_error_is_shown_beside_the_field_it_concerns() {
    let mut h = Harness::demo(Lang::Zh);
    let before = h.app.doc.school.clone();
    // Rooms: the first room's capacity to 0, which validation refuses.
    h.keys("4e\t\t\t");
    h.ctrl('u').keys("0\n");
    assert_eq!(h.app.doc.school, before);
    let form = h
        .app
        .screens
        .rooms
        .form
        .as_ref()
        .expect("the form stays open")
        .0
        .clone();
    let capacity = form.fields[3].error.clone().unwrap_or_default();
    assert!(capacity.contains("容量为 0"), "{capacity:?}");
    insta::assert_snapshot!("rooms_form_finding_zh_80x24", h.render(80, 24));
}

#[test]
fn add_a_room_and_delete_it_again() {
    let mut h = Harness::demo(Lang::Zh);
    let n = h.app.doc.school.rooms.len();
    h.keys("4a\t").keys("新教室\n");
    assert_eq!(h.app.doc.school.rooms.len(), n + 1, "{:?}", h.app.message);
    let added = h.app.doc.school.rooms.last().expect("the new room").clone();
    assert_eq!(added.name, "新教室");
    assert!(
        h.app.doc.school.rooms[..n].iter().all(|r| r.id != added.id),
        "a fresh id"
    );
    // The new room is selected; delete asks first, n keeps it.
    h.keys("dn");
    assert_eq!(h.app.doc.school.rooms.len(), n + 1);
    h.keys("dy");
    assert_eq!(h.app.doc.school.rooms.len(), n);
    assert!(h.app.doc.school.room(&added.id).is_none());
    // Two undo steps: the delete, then the add.
    h.keys("u");
    assert!(h.app.doc.school.room(&added.id).is_some());
    h.keys("u");
    assert_eq!(h.app.doc.school.rooms.len(), n);
}

#[test]
fn a_room_in_use_is_not_deleted() {
    let mut h = Harness::demo(Lang::En);
    let homeroom = h.app.doc.school.classes[0].homeroom.clone();
    let before = h.app.doc.school.clone();
    h.keys("4/").keys(homeroom.as_str()).keys("\n");
    h.keys("dy");
    assert_eq!(h.app.doc.school, before);
    let message = h.app.message.clone().unwrap_or_default();
    assert!(message.contains("in use by class"), "{message}");
    assert!(h
        .app
        .doc
        .school
        .room(&RoomId::new(homeroom.as_str()))
        .is_some());
}

#[test]
fn deleting_a_person_clears_them_everywhere_in_one_step() {
    let mut h = Harness::demo(Lang::En);
    let teacher = h.app.doc.school.classes[0]
        .class_teacher
        .clone()
        .expect("class 1 has a teacher");
    h.keys("3/").keys(teacher.as_str()).keys("\n").keys("dy");
    let doc = &h.app.doc;
    assert!(doc.school.person(&teacher).is_none(), "{:?}", h.app.message);
    assert!(doc
        .school
        .classes
        .iter()
        .all(|c| c.class_teacher.as_ref() != Some(&teacher)));
    assert!(doc
        .plan
        .posts
        .iter()
        .all(|p| p.staff.iter().all(|a| a.staff != teacher)));
    assert!(doc.plan.locks.iter().all(|l| l.staff != teacher));
    h.keys("u");
    assert!(h.app.doc.school.person(&teacher).is_some());
    assert_eq!(
        h.app.doc.school.classes[0].class_teacher.as_ref(),
        Some(&teacher)
    );
}

#[test]
fn class_teacher_of_is_kept_in_step_with_the_class() {
    let mut h = Harness::demo(Lang::En);
    // Someone who is class teacher of nothing takes class 1-1 over.
    let free = h
        .app
        .doc
        .school
        .staff
        .iter()
        .find(|p| p.class_teacher_of.is_none() && p.kind.is_own_staff())
        .expect("a teacher without a class")
        .id
        .clone();
    let class = ClassId::new("1-1");
    let old = h
        .app
        .doc
        .school
        .class(&class)
        .and_then(|c| c.class_teacher.clone());
    h.keys("3/")
        .keys(free.as_str())
        .keys("\ne\t\t\t\t")
        .ctrl('u')
        .keys("1-1\n");
    let school = &h.app.doc.school;
    assert_eq!(
        school
            .person(&free)
            .and_then(|p| p.class_teacher_of.clone()),
        Some(class.clone()),
        "{:?}",
        h.app.message
    );
    assert_eq!(
        school.class(&class).and_then(|c| c.class_teacher.clone()),
        Some(free)
    );
    if let Some(old) = old {
        assert_eq!(
            school.person(&old).and_then(|p| p.class_teacher_of.clone()),
            None
        );
    }
    assert_eq!(h.app.doc.errors(), 0, "{:?}", h.app.doc.findings.first());
}

#[test]
fn calendar_add_a_make_up_day_and_refuse_a_weekday() {
    let mut h = Harness::demo(Lang::En);
    let n = h.app.doc.school.term.makeup_days.len();
    // 2026-11-07 is a Saturday: fine. 2026-11-10 is a Tuesday: validation refuses.
    h.keys("7m")
        .ctrl('u')
        .keys("2026-11-07\t")
        .ctrl('u')
        .keys("Wed\tsports makeup\n");
    assert_eq!(
        h.app.doc.school.term.makeup_days.len(),
        n + 1,
        "{:?}",
        h.app.message
    );
    let day = h
        .app
        .doc
        .school
        .term
        .makeup_days
        .iter()
        .find(|m| m.name == "sports makeup")
        .expect("added");
    assert_eq!(day.runs_as, Weekday::Wed);
    let before = h.app.doc.school.clone();
    h.keys("m").ctrl('u').keys("2026-11-10\n");
    assert_eq!(h.app.doc.school, before);
    let form = &h.app.screens.calendar.form.as_ref().expect("still open").0;
    assert!(form.fields[0]
        .error
        .as_deref()
        .unwrap_or_default()
        .contains("not a Saturday or Sunday"));
}

#[test]
fn toggling_availability_makes_the_plan_stale_and_undo_restores() {
    let mut h = Harness::demo(Lang::Zh);
    assert!(!h.app.doc.plan_is_stale());
    let first = h.app.doc.school.staff[0].clone();
    let session = grid_sessions(&h.app.doc.school)[0];
    let was = first.is_unavailable(Weekday::Mon, session);
    // Into the grid of the first person; Monday, first session; toggle.
    h.keys("8\n ");
    let now = h.app.doc.school.person(&first.id).expect("there");
    assert_eq!(now.is_unavailable(Weekday::Mon, session), !was);
    assert!(h.app.doc.plan_is_stale());
    assert!(
        h.render(80, 24).contains("排班表已过期"),
        "the screen says the plan is stale"
    );
    h.keys("u");
    assert_eq!(h.app.doc.school.person(&first.id), Some(&first));
    assert!(!h.app.doc.plan_is_stale());
    // The whole day, then one session back on: the rest of the day stays off.
    h.keys("\x1b\nlw");
    let p = h.app.doc.school.person(&first.id).expect("there");
    assert!(SessionKind::ALL
        .iter()
        .all(|s| p.is_unavailable(Weekday::Tue, *s)));
    h.keys("j ");
    let p = h.app.doc.school.person(&first.id).expect("there");
    let sessions = grid_sessions(&h.app.doc.school);
    assert!(!p.is_unavailable(Weekday::Tue, sessions[1.min(sessions.len() - 1)]));
    assert!(p.is_unavailable(Weekday::Tue, sessions[0]) || sessions.len() == 1);
}

#[test]
fn save_to_a_tempdir_writes_what_is_on_screen() {
    let (dir, mut h) = demo_in_tempdir(Lang::En);
    h.keys("3e\t").ctrl('u').keys("Li Wei\n");
    h.keys("5e\t\t\t\t\t").ctrl('u').keys("1 2 3 4 0\n");
    assert!(h.app.doc.dirty());
    h.ctrl('s');
    assert!(!h.app.doc.dirty(), "{:?}", h.app.message);
    let saved = kehou::files::load_school(&dir.path().join("demo.school.ron"))
        .expect("the saved school loads");
    assert_eq!(saved, h.app.doc.school);
    assert_eq!(saved.staff[0].name, "Li Wei");
    assert_eq!(saved.classes[0].extended, [1, 2, 3, 4, 0]);
}

#[test]
fn export_from_the_screen_writes_a_file() {
    let (dir, mut h) = demo_in_tempdir(Lang::En);
    // csv is the first format; x runs the export.
    h.keys("9x");
    let path = dir.path().join("demo-roster.csv");
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; {:?}", path.display(), h.app.message));
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte-order mark"
    );
    let text = String::from_utf8(bytes).expect("utf-8");
    let on_duty = h
        .app
        .doc
        .plan
        .posts
        .iter()
        .find_map(|p| p.staff.first())
        .expect("the demo plan staffs its posts")
        .staff
        .to_string();
    assert!(text.contains(&on_duty), "{on_duty} is on the roster");
    assert!(
        h.render(80, 24).contains("demo-roster.csv"),
        "the screen says what was written"
    );
    // The duty board for a date that has no service: the message is beside the date.
    h.keys("l").keys("j\n2026-10-01\n").keys("x");
    let screen = h.render(160, 48);
    assert!(
        screen.contains("2026-10-01 has no after-school service"),
        "{screen}"
    );
    assert!(!dir.path().join("demo-duty-board.html").exists());
    // Without the date it is written.
    h.keys("\n").ctrl('u').keys("\nx");
    assert!(
        dir.path().join("demo-duty-board.html").exists(),
        "{:?}",
        h.app.message
    );
    // One person's calendar, picked by name, into the default folder.
    let person = h.app.doc.school.staff[0].clone();
    h.keys("klll").keys("jj\n").keys(&person.name).keys("\nx");
    let calendars: Vec<_> = std::fs::read_dir(dir.path().join("demo-calendars"))
        .unwrap_or_else(|e| panic!("{e}; {:?}", h.app.message))
        .collect();
    assert_eq!(calendars.len(), 1, "one person, one file");
    let path = calendars[0].as_ref().expect("an entry").path();
    let ics = std::fs::read_to_string(path).expect("the calendar");
    assert!(ics.starts_with("BEGIN:VCALENDAR"));
}

#[test]
fn typing_in_a_form_does_not_trigger_global_keys() {
    let mut h = Harness::demo(Lang::En);
    // q, u, S, digits and Tab go to the form, not the frame.
    h.keys("3e\t").ctrl('u').keys("q1u2S");
    assert!(!h.quit);
    assert_eq!(h.app.screen, ScreenId::Staff);
    assert!(h.app.solving.is_none());
    h.keys("\x1b");
    assert_eq!(h.app.doc.undo_label(), None, "Esc saved nothing");
}

#[test]
fn staff_person_with_a_taken_id_is_refused_inline() {
    let mut h = Harness::demo(Lang::Zh);
    let second = h.app.doc.school.staff[1].id.clone();
    let before = h.app.doc.school.clone();
    h.keys("3a")
        .ctrl('u')
        .keys(second.as_str())
        .keys("\t新老师\n");
    assert_eq!(h.app.doc.school, before);
    let form = &h.app.screens.staff.form.as_ref().expect("still open").0;
    assert!(form.fields[0]
        .error
        .as_deref()
        .unwrap_or_default()
        .contains(second.as_str()));
    assert!(h
        .app
        .doc
        .school
        .person(&StaffId::new(second.as_str()))
        .is_some());
}

#[test]
fn help_and_delete_question_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (keys, name) in [
            ("3?", "staff"),
            ("8?", "availability"),
            ("9?", "export"),
            ("7?", "calendar"),
        ] {
            let mut h = Harness::demo(lang);
            h.keys(keys);
            let screen = h.render(80, 24);
            insta::assert_snapshot!(format!("help_{name}_{}_80x24", code(lang)), screen);
        }
        let mut h = Harness::demo(lang);
        h.keys("4d");
        let screen = h.render(80, 24);
        assert!(screen.contains("r101"), "the question names the room");
        insta::assert_snapshot!(format!("rooms_delete_{}_80x24", code(lang)), screen);
    }
}

#[test]
fn leave_is_added_checked_and_removed_on_the_availability_screen() {
    let mut h = Harness::demo(Lang::En);
    let id = h.app.doc.school.staff[0].id.clone();
    let before = h.app.doc.school.clone();
    // Ending before it starts: validation's message beside the last day.
    h.keys("8v")
        .ctrl('u')
        .keys("2026-10-20\t")
        .ctrl('u')
        .keys("2026-10-12\tsick\n");
    assert_eq!(h.app.doc.school, before);
    let form = h
        .app
        .screens
        .availability
        .leave_form
        .as_ref()
        .expect("still open");
    assert!(
        form.fields[1]
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("before it starts"),
        "{:?}",
        form.fields
    );
    // Corrected, it is saved as one step and shown.
    // (The cursor is on the field with the message.)
    h.ctrl('u').keys("2026-10-23\n");
    assert!(
        h.app.screens.availability.leave_form.is_none(),
        "{:?}",
        h.app.message
    );
    let leave = h
        .app
        .doc
        .school
        .person(&id)
        .expect("there")
        .leave
        .last()
        .cloned()
        .expect("added");
    assert_eq!(
        (
            leave.from.to_string(),
            leave.to.to_string(),
            leave.reason.as_str()
        ),
        ("2026-10-20".into(), "2026-10-23".into(), "sick")
    );
    assert!(h.render(80, 24).contains("2026-10-20 – 2026-10-23  sick"));
    // V asks; n keeps it, y removes it.
    h.keys("Vn");
    assert_eq!(
        h.app.doc.school.person(&id).map(|p| p.leave.len()),
        Some(before.staff[0].leave.len() + 1)
    );
    h.keys("Vy");
    assert_eq!(h.app.doc.school, before);
}

#[test]
fn tiny_terminals_and_open_forms_never_crash() {
    // Every data screen, plain and with its form, question or grid open,
    // drawn down to sizes nobody uses: it must draw something, not panic.
    let scripts = [
        "3", "3e", "3a", "4d", "5e", "6e", "7e", "7m", "8", "8\n v", "8V", "9", "9j\n",
    ];
    for keys in scripts {
        let mut h = Harness::demo(Lang::Zh);
        h.keys(keys);
        for (w, hgt) in [(1, 1), (10, 3), (20, 5), (40, 10), (80, 24)] {
            let screen = h.render(w, hgt);
            assert_eq!(
                screen.lines().count(),
                usize::from(hgt),
                "{keys} at {w}x{hgt}"
            );
        }
    }
}
