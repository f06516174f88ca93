//! Integration tests: store — broken files, saving, and properties of the RON format.

pub mod broken;
mod format_doc;
mod fuzz_regressions;
pub mod generate;
mod properties;
mod round_file;
mod save;
