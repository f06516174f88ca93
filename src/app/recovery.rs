//! The recovery copy of unsaved work, written a moment after the last edit and offered back
//! on the next start if the app did not close cleanly.
//!
//! Two files in the user's data folder: `recovery.ron` (the session, canonical RON) and
//! `recovery-source.txt` (the path of the file it was edited from, or empty). Both are
//! written atomically by the store; an absent or empty `recovery.ron` means nothing to offer.

use super::file_worker::FileJob;
use crate::model::Session;
use crate::store;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long after the last edit the recovery copy is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(1200);

/// Where recovery files live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    dir: PathBuf,
}

/// Unsaved work found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOffer {
    /// The session as it was last autosaved.
    pub session: Session,
    /// The file it was edited from, if it had one.
    pub source: Option<PathBuf>,
}

impl Recovery {
    /// Recovery files in the user's data folder (e.g. `~/.local/share/verdict`), if the
    /// platform has one.
    pub fn in_data_dir() -> Option<Self> {
        directories::ProjectDirs::from("", "", "verdict").map(|dirs| Self::at(dirs.data_dir()))
    }

    /// Recovery files in `dir`.
    pub fn at(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
        }
    }

    /// The session copy.
    pub fn session_path(&self) -> PathBuf {
        self.dir.join("recovery.ron")
    }

    fn source_path(&self) -> PathBuf {
        self.dir.join("recovery-source.txt")
    }

    /// The unsaved work left by a previous run, if any.
    pub fn read(&self) -> Option<RecoveryOffer> {
        let bytes = store::read_bytes(&self.session_path()).ok()?;
        if bytes.is_empty() {
            return None;
        }
        let loaded = store::load_named(&bytes, &self.session_path().display().to_string()).ok()?;
        let source = store::read_bytes(&self.source_path())
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(RecoveryOffer {
            session: loaded.session,
            source,
        })
    }

    /// The jobs that write `session` (at `revision`, edited from `source`) as the copy.
    pub fn write_jobs(
        &self,
        session: &Session,
        source: Option<&Path>,
        revision: u64,
    ) -> [FileJob; 2] {
        [
            FileJob::Recovery {
                path: self.source_path(),
                text: source.map(|p| p.display().to_string()).unwrap_or_default(),
                revision,
            },
            FileJob::Recovery {
                path: self.session_path(),
                text: store::to_canonical_ron(session),
                revision,
            },
        ]
    }

    /// The job that empties the copy (after a save, or when the work was discarded).
    pub fn clear_job(&self, revision: u64) -> FileJob {
        FileJob::Recovery {
            path: self.session_path(),
            text: String::new(),
            revision,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::file_worker::FileWorker;

    #[test]
    fn written_work_is_offered_back_and_cleared_work_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = Recovery::at(&dir.path().join("data"));
        assert_eq!(recovery.read(), None);
        let mut session = Session::new("make checkout faster");
        session.title = "Checkout".into();
        let mut worker = FileWorker::default();
        for job in recovery.write_jobs(&session, Some(Path::new("plan.ron")), 3) {
            worker.submit(job);
        }
        worker.wait_all(Duration::from_secs(10));
        let offer = recovery.read().expect("an offer");
        assert_eq!(offer.session, session);
        assert_eq!(offer.source, Some(PathBuf::from("plan.ron")));
        worker.submit(recovery.clear_job(3));
        worker.wait_all(Duration::from_secs(10));
        assert_eq!(recovery.read(), None);
    }
}
