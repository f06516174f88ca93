//! The command line's only door to files: thin wrappers over [`crate::store`].

use crate::model::Session;
use crate::store::{self, LoadError, SaveError};
use std::path::Path;

/// Reads, parses and validates the session at `path`.
///
/// # Errors
/// The store's located [`LoadError`].
pub fn load(path: &Path) -> Result<Session, LoadError> {
    store::load_file(path)
}

/// The file's bytes exactly as stored, and the session they hold (with the older format it
/// was upgraded from, if any).
///
/// # Errors
/// The store's located [`LoadError`].
pub fn load_with_bytes(path: &Path) -> Result<(Vec<u8>, store::Loaded), LoadError> {
    let bytes = store::read_bytes(path)?;
    let loaded = store::load_named(&bytes, &path.display().to_string())?;
    Ok((bytes, loaded))
}

/// The text of a file that is not a session, e.g. a CSV to import.
///
/// # Errors
/// The store's located [`LoadError`].
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    store::read_text(path)
}

/// Saves `session` over `path` atomically, keeping the previous file as `NAME.bak`, only
/// while the file still holds exactly `read` (the bytes it was loaded from).
///
/// # Errors
/// The store's [`SaveError`], naming the path; `ChangedOnDisk` when someone else wrote it.
pub fn save_with_backup_over(path: &Path, session: &Session, read: &[u8]) -> Result<(), SaveError> {
    store::save_file_if_unchanged(path, session, &store::FileStamp::of_bytes(read, None))
        .map(|_| ())
}

/// The canonical RON text of `session`.
///
/// # Errors
/// Never today; kept fallible so callers do not change if serialising ever can fail.
pub fn canonical_ron(session: &Session) -> anyhow::Result<String> {
    Ok(store::to_canonical_ron(session))
}

/// Writes `text` to `path` atomically.
///
/// # Errors
/// The store's [`SaveError`], naming the path.
pub fn write_text(path: &Path, text: &str) -> Result<(), SaveError> {
    store::write_text_atomic(path, text)
}

/// Writes `text` over `path` atomically, only while the file still holds exactly `read`
/// (the bytes it was loaded from), so a version written meanwhile by someone else is kept.
///
/// # Errors
/// The store's [`SaveError`], naming the path; `ChangedOnDisk` when someone else wrote it.
pub fn replace_text(path: &Path, text: &str, read: &[u8]) -> Result<(), SaveError> {
    store::write_text_if_unchanged(path, text, &store::FileStamp::of_bytes(read, None))
}

/// Whether `a` and `b` are one existing file (through symbolic or hard links).
pub fn same_file(a: &Path, b: &Path) -> bool {
    store::is_same_file(a, b)
}

/// Saves `session` to `path`, a file that must not exist yet.
///
/// # Errors
/// When `path` exists, or the store cannot write it.
pub fn create_new(path: &Path, session: &Session) -> anyhow::Result<()> {
    match store::read_bytes(path) {
        Err(LoadError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {}
        Err(err @ LoadError::Io { .. }) => return Err(err.into()),
        _ => anyhow::bail!(
            "{}: already exists; choose another name or remove it first",
            path.display()
        ),
    }
    store::save_file(path, session)?;
    Ok(())
}

/// Writes `text` to standard output. A reader that went away (`verdict rank x | head`) is
/// not an error: the output is simply cut short.
///
/// # Errors
/// When standard output fails for another reason.
pub fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(err).context("cannot write to standard output"))
        }
        _ => Ok(()),
    }
}
