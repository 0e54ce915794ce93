//! kehou's integration tests: one binary, one module per area.

mod absence;
mod absence_checks;
mod cli;
mod concurrency;
mod data_files;
mod docs;
mod exports;
mod fuzz;
mod hostile;
mod import;
mod import_xlsx;
mod import_xlsx_limits;
mod layering;
mod lp_crosscheck;
mod run;
mod solve_export;
mod tui;
mod tui_data;
mod tui_disk;
mod tui_resolve;
mod tui_review;
mod tui_sick;
mod tui_signals;
mod tui_tmux;
mod tui_traps;
mod tui_walk;
