//! The eframe application: applies commands, talks to the store and to file dialogs.
//!
//! Views in [`crate::ui`] draw and return intents; [`VerdictApp::draw`] applies them once the
//! frame is drawn. The clock is read here and nowhere below. Loading and saving run on
//! background threads ([`file_worker`]).

pub mod analysis_worker;
mod command_handler;
pub mod dialogs;
pub mod file_worker;
mod frame;
mod modals;
mod portfolio_frame;
pub mod portfolio_window;
pub mod prefs;
pub mod recovery;
pub mod startup;
mod verdict_app;

pub use prefs::Prefs;
pub use verdict_app::{Notice, VerdictApp};

use std::path::PathBuf;

/// Opens the window on `file`, or on the last session / the shipped example when `None`.
///
/// # Errors
/// When the window cannot be created.
pub fn run(file: Option<PathBuf>) -> Result<(), eframe::Error> {
    eframe::run_native(
        "verdict",
        startup::native_options(),
        Box::new(move |cc| Ok(Box::new(VerdictApp::start(cc, file)))),
    )
}
