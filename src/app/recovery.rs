//! Crash recovery as the app uses it: when to write the copy of unsaved work, and what to
//! offer at start. The files themselves are the store's ([`RecoveryStore`]).

use crate::model::Session;
use crate::store::{self, DiskState, RecoveryStore};
use std::path::PathBuf;
use std::time::Duration;

/// How long after the last edit the recovery copy is written (the promise is 2 s).
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(1200);

/// Unsaved work found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOffer {
    /// The session as it was last written aside.
    pub session: Session,
    /// The file it was edited from, if it had one.
    pub source: Option<PathBuf>,
    /// The recovery file, to delete once answered.
    pub recovery_file: PathBuf,
    /// The source file changed on disk after the work was written aside.
    pub source_changed: bool,
}

/// The newest unsaved work left by a process that is no longer running, if any.
pub fn find_offer(recovery: &RecoveryStore) -> Option<RecoveryOffer> {
    recovery
        .list()
        .into_iter()
        .rev()
        .filter(|listing| !listing.owner_running)
        .find_map(|listing| {
            let entry = listing.entry.ok()?;
            let source_changed = match (&entry.original, &entry.original_stamp) {
                (Some(path), Some(stamp)) => !matches!(
                    store::check_unchanged(path, stamp),
                    Ok(DiskState::Unchanged)
                ),
                _ => false,
            };
            Some(RecoveryOffer {
                session: entry.session,
                source: entry.original,
                recovery_file: listing.path,
                source_changed,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::RecoveryEntry;
    use chrono::TimeZone;

    fn entry(pid: u32) -> RecoveryEntry {
        let mut session = Session::new("make checkout faster");
        session.title = "Checkout".into();
        RecoveryEntry {
            original: None,
            original_stamp: None,
            pid,
            written_at: chrono::Utc
                .with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
                .unwrap(),
            session,
        }
    }

    #[test]
    fn work_left_by_a_dead_process_is_offered_but_not_a_running_ones() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = RecoveryStore::new(dir.path());
        assert_eq!(find_offer(&recovery), None);
        recovery.write(&entry(std::process::id())).unwrap();
        assert_eq!(find_offer(&recovery), None, "this process is still running");
        // Process ids above the kernel's limit (4,194,304) never belong to a live process.
        let path = recovery.write(&entry(4_194_400)).unwrap();
        let offer = find_offer(&recovery).expect("an offer");
        assert_eq!(offer.session.title, "Checkout");
        assert_eq!(offer.recovery_file, path);
        assert!(!offer.source_changed);
    }
}
