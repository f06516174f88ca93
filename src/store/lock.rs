//! One editor per document: an OS advisory lock on a lock file next to it.
//!
//! The lock file is `.NAME.lock` in the document's folder (the folder of the file a symbolic
//! link points at, for a link) and holds the id of the process
//! that owns it. The lock itself is the operating system's (`File::try_lock`), so it is
//! released the moment the process exits or is killed; a leftover lock file without a
//! lock on it means nothing and is simply taken over.

use super::path_kind::{follow_links, may_write};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Why a document could not be locked for editing.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds the lock.
    #[error(
        "{file}: already open in another Verdict window{}; open it read-only, or close it \
         there first",
        match pid { Some(pid) => format!(" (process {pid})"), None => String::new() }
    )]
    InUse {
        /// The document.
        file: String,
        /// The process that holds it, if it wrote its id.
        pid: Option<u32>,
    },
    /// The document's own permissions do not let this user change it.
    #[error(
        "{file}: the file is read-only (its permissions do not let you change it); save \
         your changes under another name with Save As, or make it writable and open it again"
    )]
    ReadOnlyFile {
        /// The document.
        file: String,
    },
    /// The folder the document would be in does not exist.
    #[error("{file}: the folder {folder} does not exist; choose a folder that does")]
    NoFolder {
        /// The document.
        file: String,
        /// The missing folder.
        folder: String,
    },
    /// The lock file could not be created or locked (e.g. a read-only folder).
    #[error(
        "{file}: cannot be edited in place: {}; open it read-only and keep changes with \
         Save As",
        lock_cause(.source)
    )]
    Io {
        /// The document.
        file: String,
        /// What the operating system said.
        source: io::Error,
    },
}

/// Why the lock file could not be made, in plain words.
fn lock_cause(source: &io::Error) -> String {
    match source.kind() {
        io::ErrorKind::PermissionDenied => {
            format!("you are not allowed to write in its folder ({source})")
        }
        io::ErrorKind::ReadOnlyFilesystem => format!("the disk is read-only ({source})"),
        _ => format!("its lock file could not be made ({source})"),
    }
}

/// Held while a document is open for editing; dropping it releases the lock and removes
/// the lock file.
#[derive(Debug)]
pub struct DocumentLock {
    file: File,
    lock_path: PathBuf,
}

/// The lock file used for `document`: `.NAME.lock` next to it, or next to the file it
/// points at when it is a symbolic link, so opening one file by two paths finds one lock.
pub fn lock_path(document: &Path) -> PathBuf {
    let real = follow_links(document)
        .ok()
        .flatten()
        .unwrap_or_else(|| document.to_path_buf());
    let name = real.file_name().unwrap_or_default().to_string_lossy();
    real.with_file_name(format!(".{name}.lock"))
}

impl DocumentLock {
    /// Takes the edit lock on `document` (which need not exist yet).
    ///
    /// # Errors
    /// [`LockError::InUse`] when another process (or another lock in this process) holds
    /// it, naming that process when known; [`LockError::ReadOnlyFile`] when the document
    /// exists and this user may not write it, so it is never edited for hours only to fail
    /// at the save; [`LockError::NoFolder`] when its folder does not exist;
    /// [`LockError::Io`] when the folder is not writable.
    pub fn acquire(document: &Path) -> Result<Self, LockError> {
        let lock_path = lock_path(document);
        let name = document.display().to_string();
        if let Some(folder) = document.parent().filter(|f| !f.as_os_str().is_empty())
            && !folder.is_dir()
        {
            return Err(LockError::NoFolder {
                file: name,
                folder: folder.display().to_string(),
            });
        }
        let is_file = fs::metadata(document).is_ok_and(|m| m.is_file());
        if is_file && matches!(may_write(document), Ok(false)) {
            return Err(LockError::ReadOnlyFile { file: name });
        }
        let io_err = |source| LockError::Io {
            file: name.clone(),
            source,
        };
        // A lock file removed by its owner between our open and our lock is retried.
        for _ in 0..8 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
                .map_err(io_err)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(LockError::InUse {
                        file: name,
                        pid: read_pid(&mut file),
                    });
                }
                Err(fs::TryLockError::Error(e)) => return Err(io_err(e)),
            }
            if !same_file(&file, &lock_path) {
                continue;
            }
            file.set_len(0)
                .and_then(|()| file.rewind())
                .and_then(|()| write!(file, "{}", std::process::id()))
                .and_then(|()| file.flush())
                .map_err(io_err)?;
            return Ok(Self { file, lock_path });
        }
        Err(io_err(io::Error::other(
            "the lock file keeps being replaced by another process",
        )))
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.lock_path
    }
}

impl Drop for DocumentLock {
    fn drop(&mut self) {
        // Remove first, then unlock, so nobody can lock a file that is about to vanish
        // without noticing (see `same_file`).
        let _ = fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// Who holds the lock on `document`, if anyone: `Some(pid)` (or `Some(None)` when the
/// holder is unknown) while it is locked, `None` when it is free.
pub fn lock_holder(document: &Path) -> Option<Option<u32>> {
    let mut file = File::open(lock_path(document)).ok()?;
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            None
        }
        Err(_) => Some(read_pid(&mut file)),
    }
}

fn read_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Whether the open `file` is still the one at `path` (not removed and recreated).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}
