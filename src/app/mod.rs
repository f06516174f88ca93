//! The eframe application: one [`OpenDocument`] with everything about the session on
//! screen, and the window around it.
//!
//! Views in [`crate::ui`] fill one [`crate::ui::Outbox`] per frame; [`VerdictApp::draw`]
//! applies it once the frame is drawn (`frame.rs`), running commands in
//! `command_handler.rs` and file results in `file_results.rs`. The clock is read here and
//! nowhere below. Loading and saving run on background threads ([`file_worker`]).

pub mod analysis_worker;
mod command_handler;
pub mod dialogs;
mod file_results;
pub mod file_worker;
mod frame;
mod modals;
pub mod notice;
pub mod open_document;
mod portfolio_frame;
pub mod portfolio_window;
pub mod prefs;
mod record_cache;
pub mod recovery;
pub mod review_list;
pub mod startup;
mod verdict_app;

pub use notice::Notice;
pub use open_document::{Access, Dialog, OpenDocument};
pub use prefs::Prefs;
pub use verdict_app::VerdictApp;

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
