//! Integration tests: store — broken files, saving, and properties of the RON format.

mod broken;
mod generate;
mod properties;
mod save;
