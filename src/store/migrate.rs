//! Format versions: parse a document written in any released format and bring it to the
//! current one, refusing versions that are newer or were never released.
//!
//! Each released format `N` older than the current one gets a step here that turns a
//! format-`N` document (parsed with its own frozen types, kept in a `vN` module) into
//! format `N + 1` text; steps run in order until the current format is reached, then the
//! current parser takes over. Format 1 is the only released format so far, so the chain is
//! empty, but the loader already goes through it, and `tests/fixtures/format/` keeps one
//! file per released version that must keep loading.

use super::error::LoadError;
use crate::model::{FORMAT_VERSION, Session};

/// One upgrade: text in format `from` to text in format `from + 1`.
struct Step {
    from: u32,
    upgrade: fn(&str) -> Result<String, ron::error::SpannedError>,
}

/// Every upgrade step, oldest first. Empty while format 1 is the only released format.
const STEPS: &[Step] = &[];

/// The oldest format this program still reads.
pub const OLDEST_FORMAT: u32 = 1;

/// Parses `text`, whose `format` field was peeked as `found`, upgrading older formats.
/// Returns the session and the version it was upgraded from, if any.
pub(crate) fn parse_any_version(
    text: &str,
    found: Option<u64>,
    file: &str,
) -> Result<(Session, Option<u32>), LoadError> {
    let found = match found {
        // No readable `format` field: let the parser name what is missing or wrong.
        None => return parse_current(text, file).map(|s| (s, None)),
        Some(v) => v,
    };
    if found > u64::from(FORMAT_VERSION) {
        return Err(LoadError::NewerFormat {
            file: file.to_owned(),
            found,
            supported: FORMAT_VERSION,
        });
    }
    // Lossless: `found` is at most FORMAT_VERSION here.
    let found = found as u32;
    if found < OLDEST_FORMAT {
        return Err(LoadError::UnknownFormat {
            file: file.to_owned(),
            found,
        });
    }
    let mut upgraded: Option<String> = None;
    for step in STEPS.iter().filter(|s| s.from >= found) {
        let input = upgraded.as_deref().unwrap_or(text);
        upgraded = Some((step.upgrade)(input).map_err(|e| syntax_error(&e, file))?);
    }
    let mut session = parse_current(upgraded.as_deref().unwrap_or(text), file)?;
    if found == FORMAT_VERSION {
        Ok((session, None))
    } else {
        session.format = FORMAT_VERSION;
        Ok((session, Some(found)))
    }
}

fn parse_current(text: &str, file: &str) -> Result<Session, LoadError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| syntax_error(&e, file))
}

/// A ron error as a located message.
pub(crate) fn syntax_error(e: &ron::error::SpannedError, file: &str) -> LoadError {
    LoadError::Syntax {
        file: file.to_owned(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    }
}
