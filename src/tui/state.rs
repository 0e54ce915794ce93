//! What kehou remembers between runs: the school opened last, so a bare
//! `kehou` opens it again. Kept in `$KEHOU_CONFIG_DIR`, else
//! `$XDG_CONFIG_HOME/kehou`, else `~/.config/kehou`, as `state.ron`.
//! Losing it is harmless: kehou then opens the demo.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub last_school: Option<PathBuf>,
}

/// The folder of kehou's own settings, if one can be named.
pub fn config_dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("KEHOU_CONFIG_DIR")
        .or_else(|| var("XDG_CONFIG_HOME").map(|d| d.join("kehou")))
        .or_else(|| var("HOME").map(|h| h.join(".config").join("kehou")))
}

fn state_file(dir: &Path) -> PathBuf {
    dir.join("state.ron")
}

/// The remembered state; the default when there is none or it is unreadable.
pub fn load() -> State {
    config_dir()
        .and_then(|d| std::fs::read_to_string(state_file(&d)).ok())
        .and_then(|s| ron::from_str(&s).ok())
        .unwrap_or_default()
}

/// Remembers `school` (made absolute) as the last school opened. Failing to
/// write is not worth bothering anyone about: the result says, the caller
/// ignores it.
pub fn remember_school(school: &Path) -> Result<(), files::FileError> {
    let Some(dir) = config_dir() else {
        return Ok(());
    };
    let _ = std::fs::create_dir_all(&dir);
    let state = State {
        last_school: Some(std::path::absolute(school).unwrap_or_else(|_| school.to_owned())),
    };
    let text = files::to_ron(&state, "state")?;
    files::write_atomic(&state_file(&dir), text.as_bytes(), &mut |f, b| {
        std::io::Write::write_all(f, b)
    })
}
