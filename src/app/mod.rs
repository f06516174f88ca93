//! The eframe application: applies commands, talks to the store and to file dialogs.

pub mod analysis_worker;

use std::path::PathBuf;

/// Opens the window on `file`, or on the last session / the shipped example when `None`.
///
/// # Errors
/// When the window cannot be created.
pub fn run(file: Option<PathBuf>) -> Result<(), eframe::Error> {
    let _ = file;
    eprintln!("The Verdict window is not built yet; use the subcommands (verdict --help).");
    Ok(())
}
