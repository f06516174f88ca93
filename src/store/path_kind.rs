//! What a path really is, before anything is read or replaced.
//!
//! Only regular files are read and replaced. A folder, a named pipe, a device or a socket is
//! refused by name; pipes and devices are opened without blocking (`O_NONBLOCK`) and checked
//! on the open handle, so a FIFO with no writer never freezes a load. Symbolic links are
//! followed link by link, so a save writes through to the file a link points at (even one
//! not created yet) and the link itself stays.

use std::fs::{self, File, FileType, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// How many links in a row are followed before giving up (Linux's own limit).
const MAX_LINKS: usize = 40;

/// What `file_type` is when it is not a regular file, in words for a message; `None` for a
/// regular file.
pub(crate) fn not_a_file(file_type: &FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    if file_type.is_symlink() {
        return Some("a symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Why a path cannot be read as a session.
#[derive(Debug)]
pub(crate) enum OpenError {
    /// It is something else than a regular file.
    NotAFile(&'static str),
    /// The system refused.
    Io(io::Error),
}

/// Opens `path` for reading if it is a regular file, without ever blocking on a pipe or a
/// device: the type is checked before opening and again on the open handle.
pub(crate) fn open_regular(path: &Path) -> Result<File, OpenError> {
    let meta = fs::metadata(path).map_err(OpenError::Io)?;
    if let Some(kind) = not_a_file(&meta.file_type()) {
        return Err(OpenError::NotAFile(kind));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Replaced by a pipe since the check above: opening still returns at once.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(OpenError::Io)?;
    let meta = file.metadata().map_err(OpenError::Io)?;
    match not_a_file(&meta.file_type()) {
        Some(kind) => Err(OpenError::NotAFile(kind)),
        None => Ok(file),
    }
}

/// The path a write to `path` really lands on: symbolic links are followed one by one
/// (relative ones from the link's own folder), so a link to a file that does not exist yet
/// still gives that file's path. `None` when the links lead to each other in a loop.
///
/// # Errors
/// When a link cannot be read.
pub(crate) fn follow_links(path: &Path) -> io::Result<Option<PathBuf>> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) => folder.join(target),
                    None => target,
                };
            }
            _ => return Ok(Some(current)),
        }
    }
    Ok(None)
}

/// Whether this process may write the existing regular file at `path`, as the system
/// decides it (permissions, access lists, the superuser). The file is opened for writing
/// and closed untouched: it is about to be replaced anyway.
pub(crate) fn may_write(path: &Path) -> io::Result<bool> {
    match OpenOptions::new().write(true).open(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Ok(false),
        Err(e) => Err(e),
    }
}

/// Whether `a` and `b` name the same existing file, through links and hard links alike.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            a.dev() == b.dev() && a.ino() == b.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => fs::canonicalize(a).ok() == fs::canonicalize(b).ok(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_link_is_followed_from_its_own_folder_even_to_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("real/plan.ron", dir.path().join("link.ron")).unwrap();
            std::os::unix::fs::symlink("link.ron", dir.path().join("second.ron")).unwrap();
            assert_eq!(
                follow_links(&dir.path().join("second.ron")).unwrap(),
                Some(dir.path().join("real/plan.ron"))
            );
        }
        let plain = dir.path().join("plain.ron");
        assert_eq!(follow_links(&plain).unwrap(), Some(plain));
    }

    #[cfg(unix)]
    #[test]
    fn links_that_loop_are_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("b.ron", dir.path().join("a.ron")).unwrap();
        std::os::unix::fs::symlink("a.ron", dir.path().join("b.ron")).unwrap();
        assert_eq!(follow_links(&dir.path().join("a.ron")).unwrap(), None);
    }

    #[test]
    fn a_folder_is_named_as_one() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            open_regular(dir.path()),
            Err(OpenError::NotAFile("a folder"))
        ));
    }
}
