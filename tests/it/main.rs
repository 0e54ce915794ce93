//! kehou's integration tests: one binary, one module per area.

mod cli;
mod data_files;
mod docs;
mod import;
mod layering;
mod lp_crosscheck;
mod run;
mod solve_export;
