//! Loading, saving and exporting off the UI thread: each job runs on its own thread and
//! reports back through a channel, waking the UI when it is done.

use crate::model::Session;
use crate::store;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Work for the file thread.
#[derive(Debug)]
pub enum FileJob {
    /// Read, parse and validate a session.
    Load(PathBuf),
    /// Save `session` (the document at `revision`) to a file.
    Save {
        /// Where.
        path: PathBuf,
        /// What.
        session: Box<Session>,
        /// The document revision being saved.
        revision: u64,
    },
    /// Write an export.
    Export {
        /// Where.
        path: PathBuf,
        /// The rendered text.
        text: String,
    },
    /// Write the recovery copy of unsaved work (empty `text` clears it).
    Recovery {
        /// The recovery file.
        path: PathBuf,
        /// The canonical RON of the session, or empty.
        text: String,
        /// The document revision written.
        revision: u64,
    },
}

/// What a finished job reports. Errors are the store's located messages.
#[derive(Debug)]
pub enum FileDone {
    /// A load finished.
    Loaded {
        /// The file.
        path: PathBuf,
        /// The session and the format it was migrated from, or the error.
        result: Result<(Box<Session>, Option<u32>), String>,
    },
    /// A save finished.
    Saved {
        /// The file.
        path: PathBuf,
        /// The revision that was saved.
        revision: u64,
        /// Success or the error.
        result: Result<(), String>,
    },
    /// An export finished.
    Exported {
        /// The file.
        path: PathBuf,
        /// Success or the error.
        result: Result<(), String>,
    },
    /// The recovery copy was written.
    RecoveryWritten {
        /// The revision written.
        revision: u64,
        /// Success or the error.
        result: Result<(), String>,
    },
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

    /// How many jobs have not reported yet.
    pub fn pending(&self) -> usize {
        self.pending
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
        FileJob::Load(path) => {
            let result = store::load_file_info(&path)
                .map(|loaded| (Box::new(loaded.session), loaded.migrated_from))
                .map_err(|e| e.to_string());
            FileDone::Loaded { path, result }
        }
        FileJob::Save {
            path,
            session,
            revision,
        } => {
            let result = store::save_file(&path, &session).map_err(|e| e.to_string());
            FileDone::Saved {
                path,
                revision,
                result,
            }
        }
        FileJob::Export { path, text } => {
            let result = store::write_text_atomic(&path, &text).map_err(|e| e.to_string());
            FileDone::Exported { path, result }
        }
        FileJob::Recovery {
            path,
            text,
            revision,
        } => {
            let result = write_recovery(&path, &text);
            FileDone::RecoveryWritten { revision, result }
        }
    }
}

/// Writes a recovery file atomically, creating the data folder on first use.
fn write_recovery(path: &std::path::Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        // The store writes files but does not create folders; the user's data folder may
        // not exist yet on a first run.
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    store::write_text_atomic(path, text).map_err(|e| e.to_string())
}
