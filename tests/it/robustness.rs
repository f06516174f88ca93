//! Integration tests: robustness — hand-worked examples, properties, the view and the CLI.

mod analyze_cli;
mod examples;
mod properties;
mod view;
