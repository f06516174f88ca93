//! Loading, saving and exporting off the UI thread: each job runs on its own thread and
//! reports back through a channel, waking the UI when it is done.

use crate::model::Session;
use crate::store::{self, DiskState, DocumentLock, FileStamp, RecoveryEntry, RecoveryStore};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Work for the file thread.
#[derive(Debug)]
pub enum FileJob {
    /// Read, parse and validate a session, stamp it, and take its edit lock.
    Load {
        /// The file.
        path: PathBuf,
        /// The open document (serial, revision) when the load was asked for.
        asked_at: (u64, u64),
    },
    /// Save `session` (the document at `revision`) to a file.
    Save {
        /// The open document saved (its serial).
        document: u64,
        /// Where.
        path: PathBuf,
        /// What.
        session: Box<Session>,
        /// The document revision being saved.
        revision: u64,
        /// The file as it was loaded or last saved; a different file on disk stops the
        /// save with [`SaveFailure::ChangedOnDisk`]. `None` overwrites whatever is there.
        expected: Option<FileStamp>,
        /// Take the edit lock on `path` (a Save As to a new file).
        lock: bool,
    },
    /// Write an export.
    Export {
        /// The open document exported (its serial).
        document: u64,
        /// Where.
        path: PathBuf,
        /// The rendered text.
        text: String,
    },
    /// Read a text file to import, e.g. a CSV matrix.
    ReadText {
        /// The open document it is for (its serial).
        document: u64,
        /// The file.
        path: PathBuf,
    },
    /// Write unsaved work to the recovery folder.
    WriteRecovery {
        /// The open document written aside (its serial).
        document: u64,
        /// The recovery folder.
        store: RecoveryStore,
        /// What to write.
        entry: Box<RecoveryEntry>,
        /// The document revision written.
        revision: u64,
    },
    /// Delete a recovery file.
    DiscardRecovery {
        /// The recovery folder.
        store: RecoveryStore,
        /// The recovery file.
        path: PathBuf,
    },
}

/// A session read from a file, with what the app needs to save it back safely.
#[derive(Debug)]
pub struct LoadedFile {
    /// The session.
    pub session: Box<Session>,
    /// The older format it was upgraded from, if any.
    pub migrated_from: Option<u32>,
    /// The file as read, for the external-change check before saving.
    pub stamp: FileStamp,
    /// The edit lock, or why it could not be taken (the document then opens read-only).
    pub lock: Result<DocumentLock, String>,
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveFailure {
    /// Someone else changed the file since it was loaded or saved.
    ChangedOnDisk,
    /// The store's located message.
    Failed(String),
}

/// What a finished job reports. Errors are the store's located messages.
#[derive(Debug)]
pub enum FileDone {
    /// A load finished.
    Loaded {
        /// The file.
        path: PathBuf,
        /// The open document (serial, revision) when the load was asked for.
        asked_at: (u64, u64),
        /// The session, or the error.
        result: Result<LoadedFile, String>,
    },
    /// A save finished.
    Saved {
        /// The open document saved (its serial).
        document: u64,
        /// The file.
        path: PathBuf,
        /// The revision that was saved.
        revision: u64,
        /// The stamp of what was written and the new lock (if one was asked for), or why not.
        result: SaveResult,
    },
    /// An export finished.
    Exported {
        /// The open document exported (its serial).
        document: u64,
        /// The file.
        path: PathBuf,
        /// Success or the error.
        result: Result<(), String>,
    },
    /// A text file to import was read.
    TextRead {
        /// The open document it was read for (its serial).
        document: u64,
        /// The file.
        path: PathBuf,
        /// Its text, or the error.
        result: Result<String, String>,
    },
    /// The recovery copy was written (its path) or not.
    RecoveryWritten {
        /// The open document written aside (its serial).
        document: u64,
        /// The revision written.
        revision: u64,
        /// The recovery file or the error.
        result: Result<PathBuf, String>,
    },
    /// A recovery file was deleted (or the error).
    RecoveryDiscarded(Result<(), String>),
}

/// Runs [`FileJob`]s on background threads.
pub struct FileWorker {
    sender: Sender<FileDone>,
    receiver: Receiver<FileDone>,
    pending: usize,
    waker: Option<egui::Context>,
}

impl Default for FileWorker {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            pending: 0,
            waker: None,
        }
    }
}

impl FileWorker {
    /// Wakes `ctx` whenever a job finishes, so the UI needs no polling repaints.
    pub fn set_waker(&mut self, ctx: &egui::Context) {
        self.waker = Some(ctx.clone());
    }

    /// Starts `job` on a new thread.
    pub fn submit(&mut self, job: FileJob) {
        self.pending += 1;
        let sender = self.sender.clone();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            // The receiver lives as long as the app; a send error means it is closing.
            let _ = sender.send(run(job));
            if let Some(ctx) = waker {
                ctx.request_repaint();
            }
        });
    }

    /// The jobs that finished since the last call.
    pub fn poll(&mut self) -> Vec<FileDone> {
        let done: Vec<FileDone> = self.receiver.try_iter().collect();
        self.pending -= done.len().min(self.pending);
        done
    }

    /// Waits up to `timeout` for every pending job; returns what finished.
    pub fn wait_all(&mut self, timeout: Duration) -> Vec<FileDone> {
        let deadline = Instant::now() + timeout;
        let mut done = Vec::new();
        while self.pending > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok(item) => {
                    self.pending -= 1;
                    done.push(item);
                }
                Err(_) => break,
            }
        }
        done
    }
}

fn run(job: FileJob) -> FileDone {
    match job {
        FileJob::Load { path, asked_at } => {
            let result = store::load_file_stamped(&path)
                .map(|(loaded, stamp)| LoadedFile {
                    session: Box::new(loaded.session),
                    migrated_from: loaded.migrated_from,
                    stamp,
                    lock: DocumentLock::acquire(&path).map_err(|e| e.to_string()),
                })
                .map_err(|e| e.to_string());
            FileDone::Loaded {
                path,
                asked_at,
                result,
            }
        }
        FileJob::Save {
            document,
            path,
            session,
            revision,
            expected,
            lock,
        } => {
            let result = save(&path, &session, expected.as_ref(), lock);
            FileDone::Saved {
                document,
                path,
                revision,
                result,
            }
        }
        FileJob::Export {
            document,
            path,
            text,
        } => {
            let result = store::write_text_atomic(&path, &text).map_err(|e| e.to_string());
            FileDone::Exported {
                document,
                path,
                result,
            }
        }
        FileJob::ReadText { document, path } => {
            let result = store::read_text(&path).map_err(|e| e.to_string());
            FileDone::TextRead {
                document,
                path,
                result,
            }
        }
        FileJob::WriteRecovery {
            document,
            store,
            entry,
            revision,
        } => FileDone::RecoveryWritten {
            document,
            revision,
            result: store.write(&entry).map_err(|e| e.to_string()),
        },
        FileJob::DiscardRecovery { store, path } => {
            FileDone::RecoveryDiscarded(store.discard(&path).map_err(|e| e.to_string()))
        }
    }
}

/// What a save reports: the stamp of what was written and the new lock (if one was asked
/// for), or why not.
pub type SaveResult = Result<(FileStamp, Option<Result<DocumentLock, String>>), SaveFailure>;

fn save(path: &Path, session: &Session, expected: Option<&FileStamp>, lock: bool) -> SaveResult {
    if let Some(expected) = expected {
        match store::check_unchanged(path, expected) {
            Ok(DiskState::Unchanged | DiskState::Missing) => {}
            Ok(DiskState::Changed(_)) => return Err(SaveFailure::ChangedOnDisk),
            Err(e) => return Err(SaveFailure::Failed(e.to_string())),
        }
    }
    let lock = lock.then(|| DocumentLock::acquire(path).map_err(|e| e.to_string()));
    if let Some(Err(message)) = &lock {
        return Err(SaveFailure::Failed(message.clone()));
    }
    // Checked again just before the file is replaced, for a writer that came in between.
    let saved = match expected {
        Some(expected) => store::save_file_if_unchanged(path, session, expected),
        None => store::save_file_stamped(path, session),
    };
    let stamp = saved.map_err(|e| match e {
        store::SaveError::ChangedOnDisk { .. } => SaveFailure::ChangedOnDisk,
        e => SaveFailure::Failed(e.to_string()),
    })?;
    Ok((stamp, lock))
}
