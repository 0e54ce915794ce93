//! kehou: the application. Terminal UI, files, imports and exports: the only
//! code that does I/O. The school model and the solver live in `kehou-solver`.

pub mod capacity;
pub mod cli;
pub mod columns;
pub mod export;
pub mod files;
pub mod import;
pub mod sick_calls;
pub mod tui;
pub mod words;
