//! File dialogs, passed into the app so tests can script them.
//!
//! Where the desktop has no file-chooser portal and no zenity, rfd reports "cancelled"
//! immediately. [`NativeDialogs`] tells that apart from a person cancelling by how fast the
//! answer came, and reports [`Picked::Unavailable`] so the app can ask for a path in the
//! window instead of silently doing nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// An answer faster than this is taken to mean that no dialog was shown.
pub const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(150);

/// What a file dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// A path was chosen.
    Path(PathBuf),
    /// The person cancelled.
    Cancelled,
    /// No dialog could be shown; ask in the window instead.
    Unavailable,
}

/// Chooses files to open and save.
pub trait FileDialogs {
    /// Asks for a session file to open, starting in `dir`.
    fn pick_open(&mut self, dir: Option<&Path>) -> Picked;
    /// Asks where to save, starting in `dir` with `file_name`, for files ending in `extension`.
    fn pick_save(&mut self, dir: Option<&Path>, file_name: &str, extension: &str) -> Picked;
    /// Asks for a CSV file to import, starting in `dir`. Without a dialog of its own, the
    /// window asks for the path instead.
    fn pick_csv(&mut self, _dir: Option<&Path>) -> Picked {
        Picked::Unavailable
    }
    /// Asks for a folder (a portfolio of sessions), starting in `dir`; without a dialog of
    /// its own, the window asks for the path instead.
    fn pick_folder(&mut self, _dir: Option<&Path>) -> Picked {
        Picked::Unavailable
    }
}

/// The desktop's own dialogs through rfd.
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, dir: Option<&Path>) -> Picked {
        let mut dialog = rfd::FileDialog::new().add_filter("Verdict session", &["ron"]);
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        timed(|| dialog.pick_file())
    }

    fn pick_save(&mut self, dir: Option<&Path>, file_name: &str, extension: &str) -> Picked {
        let mut dialog = rfd::FileDialog::new()
            .add_filter(extension, &[extension])
            .set_file_name(file_name);
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        timed(|| dialog.save_file())
    }

    fn pick_csv(&mut self, dir: Option<&Path>) -> Picked {
        let mut dialog = rfd::FileDialog::new().add_filter("CSV matrix", &["csv"]);
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        timed(|| dialog.pick_file())
    }

    fn pick_folder(&mut self, dir: Option<&Path>) -> Picked {
        let mut dialog = rfd::FileDialog::new();
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        timed(|| dialog.pick_folder())
    }
}

fn timed(show: impl FnOnce() -> Option<PathBuf>) -> Picked {
    let started = Instant::now();
    match show() {
        Some(path) => Picked::Path(path),
        None if started.elapsed() < NO_DIALOG_THRESHOLD => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

/// No dialogs at all: every request falls back to the in-window path prompt.
#[derive(Debug, Default)]
pub struct PromptOnly;

impl FileDialogs for PromptOnly {
    fn pick_open(&mut self, _dir: Option<&Path>) -> Picked {
        Picked::Unavailable
    }

    fn pick_save(&mut self, _dir: Option<&Path>, _name: &str, _extension: &str) -> Picked {
        Picked::Unavailable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_cancel_means_no_dialog_was_shown() {
        assert_eq!(timed(|| None), Picked::Unavailable);
    }

    #[test]
    fn a_slow_cancel_is_the_person_cancelling() {
        let answer = timed(|| {
            std::thread::sleep(NO_DIALOG_THRESHOLD + Duration::from_millis(20));
            None
        });
        assert_eq!(answer, Picked::Cancelled);
    }
}
