//! Running the real `kehou` binary, as a user would.

use std::process::{Command, Output};

/// What a run of `kehou` did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn all(&self) -> String {
        format!(
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// `kehou ARGS` in English (`LC_ALL=C`): what most tests read.
pub fn kehou(args: &[&str]) -> Run {
    kehou_in("C", args)
}

/// `kehou ARGS` with the locale `LC_ALL=locale` (and no other locale set).
pub fn kehou_in(locale: &str, args: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_kehou"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", locale)
        .output()
        .expect("run kehou");
    Run {
        code: status.code().expect("kehou ended by a signal"),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}
