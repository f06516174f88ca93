//! The one serializer: deterministic pretty RON with `\n` newlines.

use crate::model::Session;
use ron::ser::PrettyConfig;

/// The canonical text of `session`: pretty RON, 4-space indent, `\n` newlines on every
/// platform, no struct names, escaped strings, a final newline.
///
/// The same session always gives the same bytes, and loading them gives back an equal
/// session (every finite `f64` is written in its shortest round-trip form).
pub fn to_canonical_ron(session: &Session) -> String {
    let config = PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .struct_names(false)
        .escape_strings(true)
        .depth_limit(usize::MAX);
    let mut text = match ron::ser::to_string_pretty(session, config) {
        Ok(text) => text,
        // The session is plain data (strings, numbers, vectors, string-keyed maps) that
        // RON can always represent; an error here would be a bug in the model.
        Err(e) => unreachable!("a session always serializes to RON: {e}"),
    };
    text.push('\n');
    text
}
