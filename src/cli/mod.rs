//! The `verdict` command line: arguments turned into a validated plan, then run.
