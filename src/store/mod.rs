//! RON files: the only code that touches the filesystem.
//!
//! - [`load_document`] / [`load_file`]: size cap, BOM and CRLF accepted, a newer `format`
//!   refused before anything else is read, older formats migrated, then
//!   [`crate::model::validate`]. Errors are [`LoadError`]s whose lines read
//!   `FILE:LINE:COL: message` (syntax, unknown or missing fields) or `FILE: path: message`
//!   (semantic problems); [`LoadError::lines`] gives them one by one.
//! - [`to_canonical_ron`]: the one serializer; same session, same bytes.
//! - [`save_file`] / [`write_text_atomic`]: atomic writes; `save_file` keeps `NAME.bak`;
//!   the `_if_unchanged` forms refuse to replace a file someone else changed meanwhile.
//!   Only regular files are read or replaced; a symbolic link is written through.
//! - [`FileStamp`], [`check_unchanged`]: notice someone else's change before saving.
//! - [`DocumentLock`]: one editor per document, released when its process dies.
//! - [`RecoveryStore`]: unsaved work kept aside for after a crash.
//! - [`session_files`], [`sessions_due`]: the sessions in a folder, for the review list.
//! - [`LoadJob`]: loading on a worker thread, with a cancel.
//! - [`load_portfolio`]: every session of a folder, in parallel, and its `portfolio.ron`.
//!
//! The promises these keep, and the tests that prove them, are listed in
//! `docs/RELIABILITY.md`; the file format is described in `docs/FORMAT.md`.

mod atomic;
mod canonical;
mod error;
mod folder;
mod load;
mod lock;
mod migrate;
mod path_kind;
mod path_serde;
mod peek;
mod portfolio;
mod recovery;
mod stamp;

pub use atomic::{
    backup_path, save_file, save_file_if_unchanged, save_file_stamped, stale_temps,
    write_text_atomic, write_text_if_unchanged,
};
pub use canonical::to_canonical_ron;
pub use error::{LoadError, SaveError};
pub use folder::{DueList, DueSession, session_files, sessions_due};
pub use load::{
    INPUT_NAME, Loaded, load_document, load_file, load_file_info, load_named, read_bytes, read_text,
};
pub use lock::{DocumentLock, LockError, lock_holder, lock_path};
pub use migrate::OLDEST_FORMAT;
pub use path_kind::is_same_file;
pub use portfolio::{
    FolderError, FolderProblem, PortfolioFolder, is_folder, load_portfolio, portfolio_files,
    portfolio_stamps,
};
pub use recovery::{RecoveryEntry, RecoveryListing, RecoveryStore};
pub use stamp::{DiskState, FileStamp, check_unchanged, load_file_stamped};

/// The largest session file accepted, in bytes (16 MiB). A generated session of 1,000
/// options scored on 12 criteria takes about 1 MiB, so this leaves plenty of room while
/// keeping a wrong or hostile file from exhausting memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// `path` when it names an existing file, else `None` (for choosing what to open).
pub fn existing_file(path: std::path::PathBuf) -> Option<std::path::PathBuf> {
    path.is_file().then_some(path)
}

/// `path` made absolute when it names an existing folder, else `None` (for choosing
/// where file dialogs start).
pub fn existing_folder(path: &std::path::Path) -> Option<std::path::PathBuf> {
    path.is_dir()
        .then(|| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// The folder the program was started in, as an absolute path, so a path suggested to the
/// user always says where the file will go.
pub fn working_folder() -> Option<std::path::PathBuf> {
    std::env::current_dir().ok()
}
