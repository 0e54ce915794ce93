//! The terminal UI end to end: the real binary driven in tmux (send-keys,
//! capture-pane). Skipped with a notice where tmux is missing; CI installs it.

use kehou::tui::testing::data_file;

/// The real binary in a real (tmux) terminal: `kehou` with no command opens
/// the demo, Tab moves to the rota, `?` opens its help, Esc+j typed at once
/// leaves an export field and moves on, `q` quits and the
/// shell gets its screen back; a school opened with `kehou tui` is the one a
/// bare `kehou` opens next time.
#[test]
fn the_real_binary_in_tmux() {
    if std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("notice: tmux is not installed; skipping the terminal UI end-to-end test");
        return;
    }
    let config = tempfile::tempdir().expect("a temporary folder");
    let session = Tmux::start(config.path(), "--lang en");
    let result = std::panic::catch_unwind(|| {
        let overview = session.wait_for("Teachers' weighted minutes");
        assert!(overview.contains("阳光实验小学"), "{overview}");
        session.send("Tab");
        let rota = session.wait_for("Week 1 of");
        assert!(rota.contains("Mon"), "{rota}");
        session.send("?");
        session.wait_for("Keys — Rota");
        session.send("?");
        // Esc typed quickly before a key reaches kehou as Alt+key: in a
        // field it must leave the field and then act, not type the letter.
        session.send("9");
        session.wait_for("Output");
        for key in ["j", "j", "j", "Enter"] {
            session.send(key);
        }
        session.wait_for(".csv▏");
        session.run(&["send-keys", "-t", "kehou", "Escape", "j"]);
        let export = session.wait_for("▶ [ Export ]");
        assert!(!export.contains(".csvj"), "{export}");
        session.send("q");
        let after = session.wait_for("[kehou exited 0]");
        assert!(
            !after.contains("Week 1 of"),
            "the alternate screen is gone:\n{after}"
        );
    });
    session.stop();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
    let state = std::fs::read_to_string(config.path().join("state.ron")).expect("state.ron");
    assert!(
        state.contains("demo.school.ron"),
        "the demo is remembered as last opened: {state}"
    );

    // Open another school by name, quit; a bare `kehou` opens it again.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let tiny = dir.path().join("tiny.school.ron");
    std::fs::copy(data_file("valid/tiny.school.ron"), &tiny).expect("copy the tiny school");
    for args in [
        format!("tui {} --lang zh", tiny.display()),
        "--lang zh".to_owned(),
    ] {
        let session = Tmux::start(config.path(), &args);
        let result = std::panic::catch_unwind(|| {
            session.wait_for("青石路小学");
            session.send("q");
            session.wait_for("[kehou exited 0]");
        });
        session.stop();
        if let Err(e) = result {
            std::panic::resume_unwind(e);
        }
    }
}

/// The traps of issue 13 in the real binary, on a copy of the demo: `0`
/// then `A` opens the sick-call form; a name typed in the picker and Enter
/// puts that person on the post; `q` then `y` saves before quitting, so the
/// plan on disk has the edit.
#[test]
fn the_picker_the_quit_question_and_a_sick_call_from_screen_0_in_tmux() {
    if std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("notice: tmux is not installed; skipping the terminal UI end-to-end test");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["demo.school.ron", "demo.plan.ron"] {
        std::fs::copy(data_file(&format!("demo/{name}")), dir.path().join(name))
            .expect("copy the demo");
    }
    let school = dir.path().join("demo.school.ron");
    // Who the picker offers as free for the first place of Monday's first
    // cell, worked out the way the interface does.
    let mut h = kehou::tui::testing::Harness::new(
        kehou::tui::testing::open(&school).expect("the copy opens"),
        kehou::tui::text::Lang::En,
    );
    h.keys("2\n");
    let slot = h
        .app
        .screens
        .rota
        .selected_slot(&h.app.doc)
        .expect("a place");
    let free = kehou::tui::screens::rota::candidates(&h.app.doc, &slot, "")
        .into_iter()
        .find(|c| c.freedom == kehou::tui::screens::rota::Freedom::Free)
        .expect("someone free");
    let config = tempfile::tempdir().expect("a temporary folder");
    let session = Tmux::start(
        config.path(),
        &format!("tui {} --lang en", school.display()),
    );
    let result = std::panic::catch_unwind(|| {
        session.wait_for("Teachers' weighted minutes");
        session.send("0");
        session.wait_for("No absences this term");
        session.send("A");
        session.wait_for("Sick call: who is out");
        session.send("Escape");
        session.send("2");
        session.wait_for("Week 1 of");
        session.send("Enter");
        session.send("a");
        session.wait_for("Who takes this place?");
        session.type_text(&free.name);
        session.wait_for(&format!("Search: {}", free.name));
        session.send("Enter");
        session.wait_for("[modified]");
        session.send("q");
        session.wait_for("y Enter  save, then quit");
        session.send("y");
        session.wait_for("[kehou exited 0]");
    });
    session.stop();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
    let plan = kehou::files::load_plan(&dir.path().join("demo.plan.ron")).expect("the saved plan");
    assert_eq!(
        plan.posts[slot.post].staff[slot.adult.expect("a filled place")].staff,
        free.staff,
        "the person typed is on the post in the file on disk"
    );
}

/// kehou running in a detached tmux session of 100×30 on a private server.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(config: &std::path::Path, args: &str) -> Tmux {
        Tmux::start_with(config, "", args)
    }

    /// `kehou ARGS` with `env` set first (`NAME=value …`).
    pub fn start_with(config: &std::path::Path, env: &str, args: &str) -> Tmux {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "kehou-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        let command = format!(
            "env KEHOU_CONFIG_DIR={} LANG=C.UTF-8 {env} {} {args}; echo \"[kehou exited $?]\"; stty -a | tr ' ;' '\\n\\n' | grep -Ex -- '-?(icanon|echo)' | tr '\\n' ' '; echo '[tty]'; sleep 60",
            config.display(),
            env!("CARGO_BIN_EXE_kehou"),
        );
        let tmux = Tmux { socket };
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "kehou",
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            env!("CARGO_MANIFEST_DIR"),
            &command,
        ]);
        assert!(
            started.status.success(),
            "{}",
            String::from_utf8_lossy(&started.stderr)
        );
        tmux
    }

    pub fn run(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux")
    }

    pub fn send(&self, keys: &str) {
        self.run(&["send-keys", "-t", "kehou", keys]);
    }

    /// Types `text` as it is (Chinese names too), not as key names.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "kehou", "-l", text]);
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "kehou"]).stdout)
            .into_owned()
    }

    /// The screen once it shows `needle`; fails after 30 s.
    pub fn wait_for(&self, needle: &str) -> String {
        let started = std::time::Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(30),
                "waited 30 s for {needle:?}; the screen:\n{screen}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    pub fn stop(&self) {
        self.run(&["kill-server"]);
    }
}
