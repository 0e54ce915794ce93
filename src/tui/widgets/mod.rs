//! Building blocks shared by the screens: the table with search and sort,
//! a one-line text input, the form, popup boxes, and the width helpers of
//! `crate::columns` (a Chinese character is two columns). Widgets know
//! nothing of screens, the frame (`ui`) or the document: they take what they
//! show as arguments, so the import arrows all point down to here.

pub mod form;
pub mod input;
pub mod popup;
pub mod table;

pub use crate::columns::{pad, truncate, width, wrap};
pub use popup::{boxed, centered, clear_popup};

/// Did a screen or widget use the key? `No` lets the one around it have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    Yes,
    No,
}
