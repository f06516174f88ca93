//! Integration tests: store — broken files, saving, and properties of the RON format.

pub mod broken;
pub mod generate;
mod fuzz_regressions;
mod properties;
mod save;
