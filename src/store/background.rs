//! Loading off the UI thread, with a cancel, so opening a file never freezes the window.
//!
//! Reading is bounded by [`super::MAX_FILE_BYTES`] and parsing by ron's recursion limit, so
//! a job always ends; cancelling makes it stop at the next step and drop its result.

use super::error::LoadError;
use super::load::{Loaded, load_named, read_bytes};
use super::stamp::FileStamp;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// What a finished [`LoadJob`] gives: the document and the stamp of the bytes it came from.
pub type LoadResult = Result<(Loaded, FileStamp), LoadError>;

/// A document being loaded on its own thread. Poll it once per frame with
/// [`LoadJob::try_take`]; drop or [`LoadJob::cancel`] it to give up.
#[derive(Debug)]
pub struct LoadJob {
    path: PathBuf,
    cancelled: Arc<AtomicBool>,
    result: Receiver<LoadResult>,
}

/// The state of a [`LoadJob`] when polled.
#[derive(Debug)]
pub enum LoadPoll {
    /// Still reading or parsing.
    Running,
    /// Finished; the job is spent.
    Done(Box<LoadResult>),
    /// Cancelled, or the worker thread is gone; nothing will come.
    Gone,
}

impl LoadJob {
    /// Starts loading `path` on a new thread.
    pub fn start(path: &Path) -> Self {
        let (send, result) = mpsc::channel();
        let cancelled = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancelled);
        let owned = path.to_path_buf();
        let on_spawn_failure = send.clone();
        let spawned = std::thread::Builder::new()
            .name("verdict-load".into())
            .spawn(move || {
                if let Some(outcome) = load_unless_cancelled(&owned, &flag) {
                    // The job may have been dropped meanwhile: nobody to tell then.
                    let _ = send.send(outcome);
                }
            });
        if let Err(source) = spawned {
            let _ = on_spawn_failure.send(Err(LoadError::Io {
                file: path.display().to_string(),
                source,
            }));
        }
        Self {
            path: path.to_path_buf(),
            cancelled,
            result,
        }
    }

    /// The file being loaded.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Asks the worker to stop; its result, if any, is dropped.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the job has a result ready, without blocking.
    pub fn poll(&self) -> LoadPoll {
        if self.cancelled.load(Ordering::Relaxed) {
            return LoadPoll::Gone;
        }
        match self.result.try_recv() {
            Ok(result) => LoadPoll::Done(Box::new(result)),
            Err(TryRecvError::Empty) => LoadPoll::Running,
            Err(TryRecvError::Disconnected) => LoadPoll::Gone,
        }
    }

    /// Blocks until the job ends; `None` when it was cancelled. For tests and the CLI.
    pub fn wait(self) -> Option<LoadResult> {
        if self.cancelled.load(Ordering::Relaxed) {
            return None;
        }
        self.result.recv().ok()
    }
}

impl Drop for LoadJob {
    fn drop(&mut self) {
        self.cancel();
    }
}

fn load_unless_cancelled(path: &Path, cancelled: &AtomicBool) -> Option<LoadResult> {
    let bytes = match read_bytes(path) {
        Ok(bytes) => bytes,
        Err(e) => return Some(Err(e)),
    };
    if cancelled.load(Ordering::Relaxed) {
        return None;
    }
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let stamp = FileStamp::of_bytes(&bytes, modified);
    let loaded = load_named(&bytes, &path.display().to_string());
    if cancelled.load(Ordering::Relaxed) {
        return None;
    }
    Some(loaded.map(|l| (l, stamp)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Session;

    #[test]
    fn a_background_load_gives_the_document_and_its_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        crate::store::save_file(&path, &Session::new("x")).unwrap();
        let job = LoadJob::start(&path);
        let (loaded, stamp) = job.wait().unwrap().unwrap();
        assert_eq!(loaded.session, Session::new("x"));
        assert_eq!(stamp.len, std::fs::metadata(&path).unwrap().len());
    }

    #[test]
    fn a_failed_background_load_reports_the_error_and_a_cancelled_one_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let job = LoadJob::start(&dir.path().join("missing.ron"));
        assert!(matches!(job.wait(), Some(Err(LoadError::Io { .. }))));
        let job = LoadJob::start(&dir.path().join("missing.ron"));
        job.cancel();
        assert!(matches!(job.poll(), LoadPoll::Gone));
        assert!(job.wait().is_none());
    }
}
