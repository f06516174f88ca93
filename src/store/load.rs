//! Reading a document: size cap, BOM and CRLF, format check, parse, migrate, validate.

use super::MAX_FILE_BYTES;
use super::error::LoadError;
use super::migrate;
use super::path_kind::{OpenError, open_regular};
use super::peek::peek_format;
use crate::model::{Session, validate};
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

/// The name used in messages for bytes that did not come from a file.
pub const INPUT_NAME: &str = "<input>";

/// A document read from bytes, and whether it had to be upgraded from an older format.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The session, always in the current format.
    pub session: Session,
    /// The format version the bytes were written in, when older than the current one.
    /// Keep a backup before saving over such a file ([`super::save_file`] does).
    pub migrated_from: Option<u32>,
}

/// Parses and validates a document held in memory; errors name the input `<input>`.
///
/// Accepts a leading UTF-8 byte-order mark and CRLF line endings. Never panics and never
/// reads past [`MAX_FILE_BYTES`].
///
/// # Errors
/// Any [`LoadError`] except `Io`; `Invalid` lists every semantic problem.
pub fn load_document(bytes: &[u8]) -> Result<Session, LoadError> {
    load_named(bytes, INPUT_NAME).map(|loaded| loaded.session)
}

/// Like [`load_document`], naming `file` in errors and reporting a migration.
///
/// # Errors
/// As [`load_document`].
pub fn load_named(bytes: &[u8], file: &str) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_owned(),
            len: bytes.len() as u64,
            cap: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        LoadError::NotUtf8 {
            file: file.to_owned(),
            line,
            col,
        }
    })?;
    let text: Cow<'_, str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let found = peek_format(text.as_bytes());
    let (session, migrated_from) = migrate::parse_any_version(&text, found, file)?;
    let issues = validate(&session);
    if !issues.is_empty() {
        return Err(LoadError::Invalid {
            file: file.to_owned(),
            issues,
        });
    }
    Ok(Loaded {
        session,
        migrated_from,
    })
}

/// Reads a whole file, refusing files over [`MAX_FILE_BYTES`] both by their reported size
/// and while reading (a file that grows or lies about its size is still cut off).
///
/// Only regular files are read: a folder, a named pipe, a device or a socket is refused at
/// once, without waiting for a writer. A file whose size or modification time changes while
/// it is read (someone is still writing it) is refused rather than parsed half-written.
///
/// # Errors
/// [`LoadError::Io`], [`LoadError::NotAFile`], [`LoadError::TooLarge`] or
/// [`LoadError::ChangedWhileReading`], naming `path`.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let file_name = path.display().to_string();
    let io = |source| LoadError::Io {
        file: file_name.clone(),
        source,
    };
    let too_large = |len| LoadError::TooLarge {
        file: file_name.clone(),
        len,
        cap: MAX_FILE_BYTES,
    };
    let file = open_regular(path).map_err(|e| match e {
        OpenError::NotAFile(kind) => LoadError::NotAFile {
            file: file_name.clone(),
            kind,
        },
        OpenError::Io(source) => io(source),
    })?;
    let before = file.metadata().map_err(io)?;
    if before.len() > MAX_FILE_BYTES {
        return Err(too_large(before.len()));
    }
    let mut bytes = Vec::with_capacity(before.len() as usize);
    (&file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let after = file.metadata().map_err(io)?;
    let changed = bytes.len() as u64 != before.len()
        || after.len() != before.len()
        || after.modified().ok() != before.modified().ok();
    if changed {
        return Err(LoadError::ChangedWhileReading { file: file_name });
    }
    Ok(bytes)
}

/// Reads a text file other than a session (e.g. a CSV to import) under the same size cap,
/// without its byte-order mark.
///
/// # Errors
/// [`LoadError::Io`], [`LoadError::TooLarge`], or [`LoadError::NotUtf8`] naming the line and
/// column of the first byte that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = read_bytes(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let (line, col) = line_col(&bytes[..e.valid_up_to()]);
            Err(LoadError::NotUtf8 {
                file: path.display().to_string(),
                line,
                col,
            })
        }
    }
}

/// Reads, parses and validates the document at `path`; errors name the path.
///
/// # Errors
/// Any [`LoadError`].
pub fn load_file(path: &Path) -> Result<Session, LoadError> {
    load_file_info(path).map(|loaded| loaded.session)
}

/// Like [`load_file`], also telling whether the file was in an older format.
///
/// # Errors
/// Any [`LoadError`].
pub fn load_file_info(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read_bytes(path)?;
    load_named(&bytes, &path.display().to_string())
}

/// 1-based line and column (in characters) just after `prefix`.
pub(crate) fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count();
    let last_line = match prefix.iter().rposition(|&b| b == b'\n') {
        Some(nl) => &prefix[nl + 1..],
        None => prefix,
    };
    let col = 1 + String::from_utf8_lossy(last_line).chars().count();
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, SolutionOption};
    use crate::store::to_canonical_ron;

    fn sample() -> Session {
        let mut s = Session::new("keep streams up");
        s.options.push(
            SolutionOption::new("buy-cdn", "Buy a CDN", Lens::Buy)
                .with_score("impact", 4.0)
                .with_score("cost", 1.1 + 0.2),
        );
        s
    }

    #[test]
    fn canonical_text_loads_back_equal() {
        let s = sample();
        assert_eq!(load_document(to_canonical_ron(&s).as_bytes()).unwrap(), s);
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let s = sample();
        let text = format!("\u{feff}{}", to_canonical_ron(&s).replace('\n', "\r\n"));
        assert_eq!(load_document(text.as_bytes()).unwrap(), s);
    }

    #[test]
    fn a_syntax_error_is_located() {
        let text = to_canonical_ron(&sample()).replacen("title:", "title", 1);
        let err = load_document(text.as_bytes()).unwrap_err();
        assert!(matches!(err, LoadError::Syntax { line: 3, .. }), "{err}");
        assert!(err.to_string().starts_with("<input>:3:"), "{err}");
    }

    #[test]
    fn a_newer_format_is_refused_by_version() {
        let text = to_canonical_ron(&sample()).replacen("format: 1", "format: 7", 1);
        let text = text.replacen("title:", "brand_new_field: [1, 2], title:", 1);
        let err = load_document(text.as_bytes()).unwrap_err();
        assert!(
            err.to_string()
                .contains("written by a newer Verdict (format 7); this program reads format 1"),
            "{err}"
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err = load_document(b"(format: 1,\n  title: \"\xff\")").unwrap_err();
        assert_eq!(err.to_string().split(": ").next(), Some("<input>:2:11"));
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("ab\nçd".as_bytes()), (2, 3));
        assert_eq!(line_col(b""), (1, 1));
    }
}
