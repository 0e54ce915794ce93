//! A one-line text input: what a search or a form field is typed into.
//! Only plain (or Shift, or AltGr) characters are typed; Alt/Ctrl + key are
//! ignored here.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Typed text; the cursor is always at the end (search boxes and short
/// fields need no more).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
}

/// What a key did to the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKey {
    /// The text changed.
    Edited,
    /// Enter: the text is done.
    Done,
    /// Esc: give up.
    Cancel,
    /// Not a key for the input.
    Ignored,
}

/// Whether a character key with these modifiers is text to type. Alt+key
/// and Ctrl+key are commands, never text: a terminal reports Esc quickly
/// followed by a key as Alt+key (the frame splits that back into the two
/// keys, see `App::on_key`), and it must not land in the field as a letter.
/// Ctrl+Alt together is AltGr on Windows keyboards (`@`, `€`, …): text.
pub fn is_typed(modifiers: KeyModifiers) -> bool {
    let ctrl = modifiers.contains(KeyModifiers::CONTROL);
    let alt = modifiers.contains(KeyModifiers::ALT);
    ctrl == alt
}

impl LineInput {
    pub fn handle_key(&mut self, key: KeyEvent) -> InputKey {
        match key.code {
            KeyCode::Enter => InputKey::Done,
            KeyCode::Esc => InputKey::Cancel,
            KeyCode::Backspace => {
                self.text.pop();
                InputKey::Edited
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.text.clear();
                InputKey::Edited
            }
            // A control or text-direction character (pasted, say) would make
            // a school file kehou refuses to read back: it is not taken.
            KeyCode::Char(c) if is_typed(key.modifiers) && !crate::files::decode::forbidden(c) => {
                self.text.push(c);
                InputKey::Edited
            }
            _ => InputKey::Ignored,
        }
    }
}
