//! What a file looked like when we last read or wrote it, to notice someone else's change.

use super::error::LoadError;
use super::load::{Loaded, load_named, read_bytes};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and content hash of a file at one moment.
///
/// Take one when loading ([`load_file_stamped`]) and saving ([`super::save_file_stamped`]);
/// before the next save call [`check_unchanged`]: if the file changed in between, ask the
/// user whether to reload, overwrite or save elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileStamp {
    /// Length in bytes.
    pub len: u64,
    /// Modification time, when the filesystem reports one.
    pub modified: Option<SystemTime>,
    /// 64-bit FNV-1a hash of the content; stable across runs and versions.
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of `bytes` as read from a file modified at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            len: bytes.len() as u64,
            modified,
            hash: fnv1a(bytes),
        }
    }

    /// The stamp of the file at `path` now.
    ///
    /// # Errors
    /// [`LoadError::Io`] or [`LoadError::TooLarge`].
    pub fn read(path: &Path) -> Result<Self, LoadError> {
        let bytes = read_bytes(path)?;
        Ok(Self::of_bytes(&bytes, modified(path)))
    }
}

/// What [`check_unchanged`] found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// Same content as the stamp (a touched but identical file counts as unchanged).
    Unchanged,
    /// Someone changed the file; this is its stamp now.
    Changed(FileStamp),
    /// The file is gone (deleted or renamed).
    Missing,
}

/// Compares the file at `path` with `stamp` taken when it was loaded or last saved.
///
/// # Errors
/// [`LoadError`] when the file exists but cannot be read.
pub fn check_unchanged(path: &Path, stamp: &FileStamp) -> Result<DiskState, LoadError> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DiskState::Missing),
        Ok(meta) if meta.len() != stamp.len => {
            return Ok(DiskState::Changed(FileStamp {
                len: meta.len(),
                modified: meta.modified().ok(),
                hash: FileStamp::read(path)?.hash,
            }));
        }
        _ => {}
    }
    let now = FileStamp::read(path)?;
    if now.len == stamp.len && now.hash == stamp.hash {
        Ok(DiskState::Unchanged)
    } else {
        Ok(DiskState::Changed(now))
    }
}

/// Loads `path` and stamps exactly the bytes that were parsed.
///
/// # Errors
/// Any [`LoadError`].
pub fn load_file_stamped(path: &Path) -> Result<(Loaded, FileStamp), LoadError> {
    let bytes = read_bytes(path)?;
    let stamp = FileStamp::of_bytes(&bytes, modified(path));
    let loaded = load_named(&bytes, &path.display().to_string())?;
    Ok((loaded, stamp))
}

/// Stamp of the text just written to `path`.
pub(crate) fn stamp_written(path: &Path, text: &[u8]) -> FileStamp {
    FileStamp::of_bytes(text, modified(path))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// 64-bit FNV-1a: simple, stable, and fast enough for files under the size cap.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_same_length_edit_changes_the_stamp() {
        let a = FileStamp::of_bytes(b"weight: 1.0", None);
        let b = FileStamp::of_bytes(b"weight: 2.0", None);
        assert_eq!(a.len, b.len);
        assert_ne!(a.hash, b.hash);
    }
}
