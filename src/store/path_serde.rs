//! A file path in a recovery entry, whatever bytes its name holds.
//!
//! serde writes a `PathBuf` only when it is UTF-8 and fails otherwise, which would turn
//! recovery off for a document whose name is not. Here a UTF-8 path is written as a string,
//! as before, and any other as a byte string (`b"..."` in RON); both read back exactly.

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use std::fmt;
use std::path::PathBuf;

/// Writes `path` as a string when it is UTF-8, as its raw bytes otherwise.
///
/// # Errors
/// Whatever the serializer reports.
pub(crate) fn serialize<S: Serializer>(path: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
    let Some(path) = path else {
        return s.serialize_none();
    };
    match path.to_str() {
        Some(text) => s.serialize_some(text),
        None => s.serialize_some(&RawBytes(path.as_os_str().as_encoded_bytes())),
    }
}

/// Reads what [`serialize`] wrote.
///
/// # Errors
/// When the value is neither `None`, a string nor bytes.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
    d.deserialize_option(OptionVisitor)
}

struct RawBytes<'a>(&'a [u8]);

impl serde::Serialize for RawBytes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

struct OptionVisitor;

impl<'de> Visitor<'de> for OptionVisitor {
    type Value = Option<PathBuf>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("None, or Some with a path as a string or as bytes")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(PathVisitor).map(Some)
    }
}

struct PathVisitor;

impl<'de> Visitor<'de> for PathVisitor {
    type Value = PathBuf;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a path as a string or as bytes")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<PathBuf, E> {
        Ok(PathBuf::from(text))
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<PathBuf, E> {
        path_from_bytes(bytes.to_vec())
    }

    fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<PathBuf, E> {
        path_from_bytes(bytes)
    }
}

#[cfg(unix)]
fn path_from_bytes<E: de::Error>(bytes: Vec<u8>) -> Result<PathBuf, E> {
    use std::os::unix::ffi::OsStringExt;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn path_from_bytes<E: de::Error>(bytes: Vec<u8>) -> Result<PathBuf, E> {
    String::from_utf8(bytes)
        .map(PathBuf::from)
        .map_err(|_| E::custom("a path that is not valid text on this system"))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Holder {
        #[serde(with = "super")]
        path: Option<PathBuf>,
    }

    fn round_trip(path: Option<PathBuf>) -> (String, Holder) {
        let text = ron::to_string(&Holder { path }).unwrap();
        let back = ron::from_str(&text).unwrap();
        (text, back)
    }

    #[test]
    fn a_utf8_path_is_written_as_a_string_and_read_back() {
        let (text, back) = round_trip(Some(PathBuf::from("plans/é.ron")));
        assert_eq!(text, "(path:Some(\"plans/é.ron\"))");
        assert_eq!(back.path, Some(PathBuf::from("plans/é.ron")));
    }

    #[test]
    fn a_path_with_bytes_that_are_not_utf8_round_trips_exactly() {
        let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"plans/caf\xe9.ron"));
        let (text, back) = round_trip(Some(odd.clone()));
        assert!(text.contains("b\""), "{text}");
        assert_eq!(back.path, Some(odd));
        assert_eq!(round_trip(None).1.path, None);
    }
}
