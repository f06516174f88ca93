//! The `verdict` command line: arguments turned into a validated plan, then run.

pub mod analyze;
pub mod merge;
