//! Crash recovery: unsaved work written aside, atomically, so a crash loses nothing.
//!
//! The app calls [`RecoveryStore::write`] shortly after each edit (within 2 s) and
//! [`RecoveryStore::discard`] after a successful save or a deliberate "don't save". On the
//! next start [`RecoveryStore::list`] shows what a crashed process left behind; entries of
//! processes still running are marked so they are not offered. A process that writes
//! recovery files holds an operating-system lock on `owner-PID.lock` in the folder until it
//! ends, so "still running" is told by that lock, not by the process id alone, which the
//! system gives to other processes after a crash or a restart. Before restoring over the
//! original file, compare [`RecoveryEntry::original_stamp`] with the file now
//! ([`super::check_unchanged`]): if it changed meanwhile, let the user choose.

use super::atomic::{lock_holder_alive, write_text_atomic};
use super::error::{LoadError, SaveError};
use super::load::{line_col, read_bytes};
use super::migrate::syntax_error;
use super::stamp::FileStamp;
use crate::model::Session;
use chrono::{DateTime, Utc};
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Unsaved work of one document, as written to its recovery file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryEntry {
    /// The file the document was loaded from or last saved to; `None` while untitled. A
    /// name that is not UTF-8 is kept as bytes.
    #[serde(with = "super::path_serde")]
    pub original: Option<PathBuf>,
    /// The original file's stamp when it was loaded or last saved.
    pub original_stamp: Option<FileStamp>,
    /// The process that wrote this entry.
    pub pid: u32,
    /// When this entry was written (the caller's clock).
    pub written_at: DateTime<Utc>,
    /// The unsaved document.
    pub session: Session,
}

/// One recovery file found by [`RecoveryStore::list`].
#[derive(Debug)]
pub struct RecoveryListing {
    /// The recovery file; pass it to [`RecoveryStore::read`] or [`RecoveryStore::discard`].
    pub path: PathBuf,
    /// Its content, or why it cannot be read.
    pub entry: Result<RecoveryEntry, LoadError>,
    /// The writing process is still running (another open window): do not offer it.
    pub owner_running: bool,
}

/// The folder that holds recovery files. Inject any folder for tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// Recovery files in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The per-user data folder for Verdict, e.g. `~/.local/share/verdict/recovery` on
    /// Linux; `None` when the platform has no home folder.
    pub fn in_user_data_dir() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "Verdict")?;
        Some(Self::new(dirs.data_dir().join("recovery")))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file `entry` goes to: one per original file (or per process while
    /// untitled), so a newer write replaces the older one.
    pub fn path_for(&self, original: Option<&Path>, pid: u32) -> PathBuf {
        let key = match original {
            Some(path) => FileStamp::of_bytes(path.as_os_str().as_encoded_bytes(), None).hash,
            None => u64::from(pid),
        };
        let kind = if original.is_some() {
            "doc"
        } else {
            "untitled"
        };
        self.dir.join(format!("{kind}-{key:016x}.ron"))
    }

    /// Writes `entry` atomically to its recovery file, creating the folder if needed.
    /// Returns the recovery file's path.
    ///
    /// # Errors
    /// [`SaveError`] naming the recovery file.
    pub fn write(&self, entry: &RecoveryEntry) -> Result<PathBuf, SaveError> {
        let path = self.path_for(entry.original.as_deref(), entry.pid);
        fs::create_dir_all(&self.dir).map_err(|source| SaveError::Io {
            file: self.dir.display().to_string(),
            step: "create the recovery folder",
            source,
        })?;
        if entry.pid == std::process::id() {
            self.claim_ownership();
        }
        let config = PrettyConfig::new().new_line("\n").struct_names(false);
        let text = ron::ser::to_string_pretty(entry, config).map_err(|e| SaveError::Io {
            file: path.display().to_string(),
            step: "encode the recovery file",
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
        })?;
        write_text_atomic(&path, &text)?;
        Ok(path)
    }

    /// Reads one recovery file. The session is parsed but not validated: unsaved work may
    /// be half-edited, and the app shows its problems after restoring.
    ///
    /// # Errors
    /// [`LoadError`] naming the recovery file.
    pub fn read(&self, path: &Path) -> Result<RecoveryEntry, LoadError> {
        let bytes = read_bytes(path)?;
        let file = path.display().to_string();
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let (line, col) = line_col(&bytes[..e.valid_up_to()]);
            LoadError::NotUtf8 {
                file: file.clone(),
                line,
                col,
            }
        })?;
        ron::Options::default()
            .from_str(text)
            .map_err(|e| syntax_error(&e, &file))
    }

    /// Every recovery file in the folder, oldest write first; unreadable ones are listed
    /// with their error so the user can discard them.
    pub fn list(&self) -> Vec<RecoveryListing> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut owner_pids = Vec::new();
        let mut listings = Vec::new();
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if let Some(pid) = name
                .strip_prefix("owner-")
                .and_then(|n| n.strip_suffix(".lock"))
                .and_then(|pid| pid.parse::<u32>().ok())
            {
                owner_pids.push(pid);
            } else if path.extension().is_some_and(|x| x == "ron") && !name.starts_with('.') {
                let entry = self.read(&path);
                let owner_running = entry.as_ref().is_ok_and(|e| self.owner_running(e.pid));
                listings.push(RecoveryListing {
                    path,
                    entry,
                    owner_running,
                });
            }
        }
        listings.sort_by(|a, b| {
            let at = |l: &RecoveryListing| l.entry.as_ref().ok().map(|e| e.written_at);
            at(a).cmp(&at(b)).then_with(|| a.path.cmp(&b.path))
        });
        // Owner locks of ended processes that left no work behind are no longer needed.
        let entry_pids: BTreeSet<u32> = listings
            .iter()
            .filter_map(|l| l.entry.as_ref().ok().map(|e| e.pid))
            .collect();
        for pid in owner_pids {
            if !entry_pids.contains(&pid) && !self.owner_running(pid) {
                let _ = fs::remove_file(self.owner_lock_path(pid));
            }
        }
        listings
    }

    fn owner_lock_path(&self, pid: u32) -> PathBuf {
        self.dir.join(format!("owner-{pid}.lock"))
    }

    /// Takes this process's owner lock in the folder, once; it is held until the process
    /// ends. Best effort: without it, "still running" falls back to the process id.
    fn claim_ownership(&self) {
        static HELD: OnceLock<Mutex<HashMap<PathBuf, File>>> = OnceLock::new();
        let mut held = HELD
            .get_or_init(Mutex::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // `write` has made the folder already.
        if held.contains_key(&self.dir) {
            return;
        }
        let path = self.owner_lock_path(std::process::id());
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path);
        if let Ok(file) = file
            && file.lock().is_ok()
        {
            held.insert(self.dir.clone(), file);
        }
    }

    /// Whether the process that wrote recovery entries as `pid` is still running.
    fn owner_running(&self, pid: u32) -> bool {
        lock_holder_alive(&self.owner_lock_path(pid), pid)
    }

    /// Deletes a recovery file; a file already gone is not an error.
    ///
    /// # Errors
    /// [`SaveError`] when it exists but cannot be removed.
    pub fn discard(&self, path: &Path) -> Result<(), SaveError> {
        match fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(SaveError::Io {
                file: path.display().to_string(),
                step: "remove the recovery file",
                source,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry(original: Option<&str>, pid: u32, ask: &str) -> RecoveryEntry {
        RecoveryEntry {
            original: original.map(PathBuf::from),
            original_stamp: Some(FileStamp::of_bytes(b"old", None)),
            pid,
            written_at: Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap(),
            session: Session::new(ask),
        }
    }

    #[test]
    fn a_written_entry_is_listed_read_back_and_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        assert!(store.list().is_empty());
        let e = entry(Some("plans/a.ron"), u32::MAX, "first");
        let path = store.write(&e).unwrap();
        let listed = store.list();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].path, path);
        assert_eq!(listed[0].entry.as_ref().unwrap(), &e);
        assert!(!listed[0].owner_running);
        store.discard(&path).unwrap();
        store.discard(&path).unwrap();
        assert!(store.list().is_empty());
    }

    #[test]
    fn a_newer_write_for_the_same_document_replaces_the_older_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        store.write(&entry(Some("a.ron"), 1, "one")).unwrap();
        store.write(&entry(Some("a.ron"), 1, "two")).unwrap();
        store.write(&entry(None, 1, "untitled")).unwrap();
        let listed = store.list();
        assert_eq!(listed.len(), 2);
        let asks: Vec<_> = listed
            .iter()
            .map(|l| l.entry.as_ref().unwrap().session.directive.ask.clone())
            .collect();
        assert!(asks.contains(&"two".to_owned()) && asks.contains(&"untitled".to_owned()));
    }

    #[test]
    fn entries_of_this_running_process_are_marked_as_owned_by_a_live_process() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        store
            .write(&entry(None, std::process::id(), "mine"))
            .unwrap();
        assert!(store.list()[0].owner_running);
    }

    #[test]
    fn a_damaged_recovery_file_is_listed_with_its_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        fs::write(dir.path().join("doc-0.ron"), "(garbage").unwrap();
        let listed = store.list();
        assert!(listed[0].entry.is_err());
        assert!(!listed[0].owner_running);
    }

    #[test]
    fn writing_as_this_process_holds_its_owner_lock() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        store
            .write(&entry(None, std::process::id(), "mine"))
            .unwrap();
        let lock = File::open(store.owner_lock_path(std::process::id())).unwrap();
        assert!(matches!(lock.try_lock(), Err(fs::TryLockError::WouldBlock)));
    }

    #[test]
    fn work_of_a_crashed_process_is_offered_even_when_its_id_now_belongs_to_another() {
        // Process 1 always runs; an unlocked owner file says the writer itself has ended.
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        store.write(&entry(Some("a.ron"), 1, "crashed")).unwrap();
        assert!(
            store.list()[0].owner_running,
            "no owner file: going by the id"
        );
        fs::write(store.owner_lock_path(1), "").unwrap();
        assert!(!store.list()[0].owner_running);
        assert!(store.owner_lock_path(1).exists(), "kept while its entry is");
    }

    #[test]
    fn a_held_owner_lock_marks_its_work_as_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        store
            .write(&entry(Some("a.ron"), u32::MAX, "open elsewhere"))
            .unwrap();
        let held = File::create(store.owner_lock_path(u32::MAX)).unwrap();
        held.lock().unwrap();
        assert!(store.list()[0].owner_running);
        drop(held);
        assert!(!store.list()[0].owner_running);
    }

    #[test]
    fn owner_files_of_ended_processes_without_work_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        fs::write(store.owner_lock_path(77), "").unwrap();
        let held = File::create(store.owner_lock_path(78)).unwrap();
        held.lock().unwrap();
        store.list();
        assert!(!store.owner_lock_path(77).exists());
        assert!(store.owner_lock_path(78).exists(), "its process still runs");
    }
}
