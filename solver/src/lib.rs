//! kehou-solver: the school model, its validation, the rota MILP, the plan and
//! the independent checker. No terminal, no files, no clock: callers pass
//! "today" and do all I/O (see docs/ARCHITECTURE.md).

pub mod backend;
pub mod calendar;
pub mod capacity;
pub mod check;
pub mod dated;
pub mod demand;
pub mod edit;
pub mod eligibility;
pub mod explain;
pub mod generate;
pub mod ir;
pub mod milp;
pub mod model;
pub mod namer;
pub mod plan;
pub mod repair;
pub mod validate;

pub use model::School;
pub use plan::Plan;
