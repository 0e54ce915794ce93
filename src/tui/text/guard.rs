//! The words of the interface's guards over the files and the record: a file
//! changed on disk before a save, a save that stopped half-way, a sick call
//! refused. Templates fill `{}` in order (`text::fill`); both languages have
//! the same number of them (tested below).

/// The guards' words in one language.
#[derive(Debug)]
pub struct GuardText {
    pub changed_title: &'static str,
    /// What changed: `{files}`; then the choices.
    pub changed_body: &'static str,
    pub the_school: &'static str,
    pub the_plan: &'static str,
    pub school_and_plan: &'static str,
    /// Nothing saved, the dialog closed: `{files}`.
    pub changed_kept: &'static str,
    /// Reloaded `{files}`; the other file's edits were kept.
    pub reloaded: &'static str,
    /// Reloaded `{files}` over edits of the same file: undo brings them back.
    pub reloaded_over_edits: &'static str,
    /// A file on disk that cannot be read: `{error}`.
    pub reload_unreadable: &'static str,
    pub edit_reload: &'static str,
    /// Saved under new names: `{school}` `{plan}`.
    pub saved_as: &'static str,
    /// `{school}` saved, `{plan}` not (`{error}`); the old school is in `{backup}`.
    pub half_saved: &'static str,
    pub sick_stale: &'static str,
    /// `{person}` is away `{from}`–`{to}` already (`{reason}`).
    pub sick_duplicate: &'static str,
}

pub static ZH: GuardText = GuardText {
    changed_title: "文件已在磁盘上被改动",
    changed_body: "打开之后，{}已被别人（另一个 kehou 或编辑器）改动并保存。\n直接保存会覆盖那些改动，所以没有保存。\n\n  r  重新载入磁盘上的版本（只改动了另一个文件的修改会保留；\n     被覆盖的修改可按 u 撤销找回）\n  a  把我的版本另存为新文件（NAME-mine…）\n  Esc  暂不保存",
    the_school: "学校文件",
    the_plan: "排班文件",
    school_and_plan: "学校文件和排班文件",
    changed_kept: "未保存：{}已在磁盘上被改动；按 Ctrl-S 再选",
    reloaded: "已重新载入{}；其余修改保留",
    reloaded_over_edits: "已重新载入{}；你对它的修改可按 u 撤销找回，或另存",
    reload_unreadable: "无法重新载入：{}",
    edit_reload: "重新载入磁盘上的版本",
    saved_as: "已另存为 {} 和 {}",
    half_saved: "只保存了 {}，没有保存 {}（{}）：两者不再配套。再按 Ctrl-S 保存，或从 {} 恢复原来的学校文件",
    sick_stale: "排班表已过期（学校数据在排班后改动过）：先按 S 重新排班，再登记请假",
    sick_duplicate: "{} 在 {} 至 {} 已登记请假（{}）：未重复登记。要修改，先在代课页撤回那条请假",
};

pub static EN: GuardText = GuardText {
    changed_title: "Changed on disk",
    changed_body: "Since you opened it, {} was changed and saved by someone else (another kehou, or an editor).\nSaving now would overwrite that, so nothing was saved.\n\n  r  reload what is on disk (edits to the other file are kept;\n     edits it overwrites come back with u, undo)\n  a  save my version under new names (NAME-mine…)\n  Esc  do not save yet",
    the_school: "the school file",
    the_plan: "the plan file",
    school_and_plan: "the school and plan files",
    changed_kept: "Not saved: {} changed on disk; Ctrl-S to choose again",
    reloaded: "Reloaded {}; your other edits are kept",
    reloaded_over_edits: "Reloaded {}; your edits to it come back with u (undo), or save them under new names",
    reload_unreadable: "Cannot reload: {}",
    edit_reload: "reload from disk",
    saved_as: "Saved as {} and {}",
    half_saved: "Saved {} but not {} ({}): they no longer match. Ctrl-S saves again, or put the previous school back from {}",
    sick_stale: "The plan is stale (the school changed since it was solved): solve again (S) before recording a sick call",
    sick_duplicate: "{} is already recorded away from {} to {} ({}): not recorded twice. To change it, take it back on the sick-calls screen first",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        let count = |s: &str| s.matches("{}").count();
        let pairs = [
            (ZH.changed_body, EN.changed_body),
            (ZH.changed_kept, EN.changed_kept),
            (ZH.reloaded, EN.reloaded),
            (ZH.reloaded_over_edits, EN.reloaded_over_edits),
            (ZH.reload_unreadable, EN.reload_unreadable),
            (ZH.saved_as, EN.saved_as),
            (ZH.half_saved, EN.half_saved),
            (ZH.sick_duplicate, EN.sick_duplicate),
            (ZH.sick_stale, EN.sick_stale),
        ];
        for (zh, en) in pairs {
            assert_eq!(count(zh), count(en), "{zh} / {en}");
        }
    }
}
