//! RON files: the only code that touches the filesystem.
