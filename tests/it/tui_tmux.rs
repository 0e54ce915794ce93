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
