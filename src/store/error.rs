//! What can go wrong reading or writing a document, worded for the person who has to fix it.

use crate::model::ValidationIssue;
use std::fmt;
use std::io;

/// Why a document could not be loaded.
///
/// `Display` gives one line per problem, each starting with the file name, so the command
/// line can print it as is; [`LoadError::lines`] gives the same lines one by one.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{file}: cannot read the file: {}", read_cause(.source))]
    Io {
        /// The file, as given.
        file: String,
        /// What the operating system said.
        source: io::Error,
    },
    /// The file is bigger than [`super::MAX_FILE_BYTES`].
    #[error(
        "{file}: the file is {len} bytes, over the {cap}-byte limit for a session; \
         check that it is a Verdict session"
    )]
    TooLarge {
        /// The file, as given.
        file: String,
        /// Its size, or the number of bytes read before giving up.
        len: u64,
        /// The limit.
        cap: u64,
    },
    /// The path is a folder, a named pipe, a device or a socket: refused before reading, so
    /// nothing blocks waiting for a writer.
    #[error(
        "{file}: this is {kind}, not a file; nothing was read: {}",
        open_instead(kind)
    )]
    NotAFile {
        /// The path, as given.
        file: String,
        /// What it is instead, e.g. "a folder" or "a named pipe (FIFO)".
        kind: &'static str,
    },
    /// The file changed (grew, shrank or was rewritten) while it was being read.
    #[error(
        "{file}: the file changed while it was being read (something is still writing \
         it); nothing was loaded: wait until that is finished, then try again"
    )]
    ChangedWhileReading {
        /// The file, as given.
        file: String,
    },
    /// The bytes are not UTF-8 text.
    #[error("{file}:{line}:{col}: the file is not UTF-8 text; save it as UTF-8 and try again")]
    NotUtf8 {
        /// The file, as given.
        file: String,
        /// Line of the first bad byte, from 1.
        line: usize,
        /// Column of the first bad byte, from 1.
        col: usize,
    },
    /// The text is not RON of the session's shape (includes unknown and missing fields).
    #[error("{file}:{line}:{col}: {message}")]
    Syntax {
        /// The file, as given.
        file: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        col: usize,
        /// What the parser expected or found.
        message: String,
    },
    /// The file was written by a newer Verdict.
    #[error(
        "{file}: written by a newer Verdict (format {found}); this program reads format \
         {supported}: update Verdict to open it (the file was left untouched)"
    )]
    NewerFormat {
        /// The file, as given.
        file: String,
        /// The format version in the file (saturated to `u64::MAX` if absurdly large).
        found: u64,
        /// The newest format this program reads.
        supported: u32,
    },
    /// The `format` field holds a version that was never released.
    #[error("{file}: format {found} is not a Verdict format version (versions start at 1)")]
    UnknownFormat {
        /// The file, as given.
        file: String,
        /// The version found.
        found: u32,
    },
    /// The file parsed but does not make sense; one issue per line.
    #[error("{}", InvalidLines { file, issues })]
    Invalid {
        /// The file, as given.
        file: String,
        /// Every problem, in document order.
        issues: Vec<ValidationIssue>,
    },
}

struct InvalidLines<'a> {
    file: &'a str,
    issues: &'a [ValidationIssue],
}

impl fmt::Display for InvalidLines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{}: {issue}", self.file)?;
        }
        Ok(())
    }
}

impl LoadError {
    /// The message as separate lines, one per problem, each naming the file.
    pub fn lines(&self) -> Vec<String> {
        self.to_string().lines().map(str::to_owned).collect()
    }

    /// The file name this error starts with.
    pub fn file(&self) -> &str {
        match self {
            LoadError::Io { file, .. }
            | LoadError::NotAFile { file, .. }
            | LoadError::ChangedWhileReading { file }
            | LoadError::TooLarge { file, .. }
            | LoadError::NotUtf8 { file, .. }
            | LoadError::Syntax { file, .. }
            | LoadError::NewerFormat { file, .. }
            | LoadError::UnknownFormat { file, .. }
            | LoadError::Invalid { file, .. } => file,
        }
    }

    /// The same error naming `file` instead; used when bytes turn out to come from a file.
    pub fn with_file(mut self, name: &str) -> Self {
        match &mut self {
            LoadError::Io { file, .. }
            | LoadError::NotAFile { file, .. }
            | LoadError::ChangedWhileReading { file }
            | LoadError::TooLarge { file, .. }
            | LoadError::NotUtf8 { file, .. }
            | LoadError::Syntax { file, .. }
            | LoadError::NewerFormat { file, .. }
            | LoadError::UnknownFormat { file, .. }
            | LoadError::Invalid { file, .. } => name.clone_into(file),
        }
        self
    }
}

/// Why a document or export could not be written. Nothing was deleted and the previous
/// file, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A filesystem step failed; `step` says which, and the message says why in plain
    /// words (a full disk, no permission, a read-only disk) and what to do.
    #[error(
        "{file}: could not {step}: {}; nothing was changed: {}",
        WriteCause(.source),
        write_advice(.source)
    )]
    Io {
        /// The target file.
        file: String,
        /// What was being done, e.g. "create a temporary file in the folder".
        step: &'static str,
        /// What the operating system said.
        source: io::Error,
    },
    /// The target is a folder, a named pipe, a device or a socket.
    #[error("{file}: this is {kind}, not a file; nothing was written: choose a file name")]
    NotAFile {
        /// The path as given.
        file: String,
        /// What it is instead, e.g. "a folder" or "a named pipe (FIFO)".
        kind: &'static str,
    },
    /// The target file exists and may not be written (its permissions say read-only).
    #[error(
        "{file}: the file is read-only; nothing was written: save under another name, or \
         make it writable first"
    )]
    ReadOnlyFile {
        /// The target file.
        file: String,
    },
    /// The target changed on disk after it was read, so replacing it would lose that change.
    #[error(
        "{file}: the file changed on disk since it was read; nothing was written: reload \
         it, or save under another name"
    )]
    ChangedOnDisk {
        /// The target file.
        file: String,
    },
    /// The target path has no file name or no parent folder.
    #[error("{file}: not a file path; choose a file name to save to")]
    NotAFilePath {
        /// The path as given.
        file: String,
    },
}

impl SaveError {
    /// The underlying operating-system error, if any.
    pub fn io_kind(&self) -> Option<io::ErrorKind> {
        match self {
            SaveError::Io { source, .. } => Some(source.kind()),
            SaveError::NotAFile { .. }
            | SaveError::ReadOnlyFile { .. }
            | SaveError::ChangedOnDisk { .. }
            | SaveError::NotAFilePath { .. } => None,
        }
    }
}

/// What to open instead of something that is not a file.
fn open_instead(kind: &str) -> &'static str {
    if kind == "a folder" {
        "open a session file inside it"
    } else {
        "Verdict reads only regular files; save what it gives into a file and open that"
    }
}

/// Why a read failed, in plain words, with the system's own message in brackets.
fn read_cause(source: &io::Error) -> String {
    match source.kind() {
        io::ErrorKind::PermissionDenied => format!(
            "you are not allowed to read it ({source}); ask its owner for read permission, \
             or open a copy"
        ),
        io::ErrorKind::NotFound => format!("there is no such file ({source})"),
        _ => source.to_string(),
    }
}

/// Why a write failed, in plain words, with the system's own message in brackets.
struct WriteCause<'a>(&'a io::Error);

impl fmt::Display for WriteCause<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = self.0;
        match source.kind() {
            io::ErrorKind::StorageFull
            | io::ErrorKind::QuotaExceeded
            | io::ErrorKind::FileTooLarge => write!(f, "the disk is full ({source})"),
            io::ErrorKind::PermissionDenied => {
                write!(f, "you are not allowed to write there ({source})")
            }
            io::ErrorKind::ReadOnlyFilesystem => write!(f, "the disk is read-only ({source})"),
            io::ErrorKind::NotFound => write!(f, "the folder does not exist ({source})"),
            _ => write!(f, "{source}"),
        }
    }
}

/// What to do after a failed write.
fn write_advice(source: &io::Error) -> &'static str {
    match source.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded | io::ErrorKind::FileTooLarge => {
            "free some space, or save somewhere else"
        }
        io::ErrorKind::PermissionDenied => {
            "save somewhere else, or ask for write permission on the folder"
        }
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::NotFound => "save somewhere else",
        _ => "check the disk, or save somewhere else",
    }
}
