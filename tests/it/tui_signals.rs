//! The terminal is given back whole however the interface ends: killed with
//! SIGTERM or SIGHUP, or by a panic. "Whole" is what a person would notice:
//! the cursor shows, the normal screen is back, and typed text echoes in
//! canonical (line) mode again, as `stty` reports it after kehou exits.

use crate::tui_tmux::Tmux;

fn have_tmux() -> bool {
    std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok()
}

/// kehou's process id: the child of the shell tmux started in the pane.
fn kehou_pid(session: &Tmux) -> u32 {
    let out = session.run(&["display", "-p", "-t", "kehou", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
        .expect("the pane's shell has children");
    children
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .expect("kehou runs in the pane")
}

/// After kehou has ended: the tty modes `stty` printed, and tmux's view of
/// the cursor and the alternate screen.
fn assert_restored(session: &Tmux, how: &str) {
    let screen = session.wait_for("[tty]");
    let modes = screen
        .lines()
        .find(|l| l.contains("[tty]"))
        .unwrap_or_default()
        .to_owned();
    assert!(
        modes.contains("icanon") && !modes.contains("-icanon"),
        "{how}: canonical mode is back: {modes}\n{screen}"
    );
    assert!(
        modes.contains("echo") && !modes.contains("-echo"),
        "{how}: echo is back: {modes}\n{screen}"
    );
    let flags = session.run(&[
        "display",
        "-p",
        "-t",
        "kehou",
        "#{cursor_flag} #{alternate_on}",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&flags.stdout).trim(),
        "1 0",
        "{how}: cursor shown, normal screen\n{screen}"
    );
}

fn in_tmux(env: &str, act: impl FnOnce(&Tmux), how: &str) {
    let config = tempfile::tempdir().expect("a temporary folder");
    let session = Tmux::start_with(config.path(), env, "--lang en");
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        session.wait_for("Teachers' weighted minutes");
        act(&session);
        assert_restored(&session, how);
    }));
    session.stop();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

fn signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .args(["-s", name, &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
}

#[test]
fn sigterm_sighup_and_sigint_give_the_terminal_back() {
    if !have_tmux() {
        eprintln!("notice: tmux is not installed; skipping the signal test");
        return;
    }
    for name in ["TERM", "HUP", "INT"] {
        in_tmux(
            "",
            |session| {
                signal(kehou_pid(session), name);
                let screen = session.wait_for("[kehou exited");
                assert!(
                    screen.contains(&format!("stopped by SIG{name}")),
                    "{screen}"
                );
            },
            name,
        );
    }
}

#[test]
fn a_panic_gives_the_terminal_back() {
    if !have_tmux() {
        eprintln!("notice: tmux is not installed; skipping the panic test");
        return;
    }
    if !cfg!(debug_assertions) {
        // F12 panics only in debug builds (src/tui/signals.rs), and the test
        // binary is built with the same profile as the kehou it drives.
        eprintln!("notice: a release build has no panic key; skipping the panic test");
        return;
    }
    in_tmux(
        "KEHOU_TEST_PANIC=1 RUST_BACKTRACE=0",
        |session| {
            session.send("F12");
            let screen = session.wait_for("[kehou exited");
            assert!(screen.contains("a panic on purpose"), "{screen}");
        },
        "panic",
    );
}
