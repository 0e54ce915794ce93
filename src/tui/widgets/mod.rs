//! Building blocks shared by the screens: the table with search and sort,
//! a one-line text input, the form (data screens), and the width helpers of
//! `crate::columns` (a Chinese character is two columns).

pub mod form;
pub mod input;
pub mod table;

pub use crate::columns::{pad, truncate, width, wrap};
