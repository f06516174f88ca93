//! Verdict turns a vague directive into a defensible decision: frame the problem, widen the
//! menu of options, score them, see how robust the winner is, and record an explicit outcome.
//!
//! # Architecture
//!
//! Layers point one way; each line says what a layer may use.
//!
//! | layer | what it is | may use |
//! |---|---|---|
//! | [`model`] | the document: plain serde data, validation | serde, chrono |
//! | [`analysis`] | ranking, recommendation, robustness: pure functions of the model | `model` |
//! | [`portfolio`] | a folder of sessions: the funded set, frontier, core index; pure | `model`, `analysis` |
//! | [`export`] | the decision record and the memo (Markdown / HTML), CSV, JSON, as strings | `model`, `analysis`, `portfolio` |
//! | [`import`] | CSV text read into options and scores, checked against the session | `model` |
//! | [`store`] | RON files: load, validate, atomic save, locks, recovery, the sessions of a folder | `model` |
//! | [`document`] | edits, undo/redo, dirty flag | `model`, `import` |
//! | [`ui`] | egui views: read the document, report through one outbox | `model`, `analysis`, `portfolio`, `export`, `document` |
//! | [`app`] | the eframe/rfd glue: one open document, applies the outbox | everything |
//! | [`cli`] | the `verdict` subcommands | `model`, `analysis`, `portfolio`, `export`, `import`, `store` |
//!
//! `main.rs` uses only `app` and `cli`. How a frame flows and where state lives is told in
//! `ARCHITECTURE.md` at the root.
//!
//! Invariants, checked by `tests/it/architecture.rs`:
//! - every layer imports only the `crate::` modules its row allows;
//! - `model`, `analysis`, `portfolio`, `store`, `export`, `import` and `document` know
//!   nothing of egui, eframe or rfd;
//! - nothing outside `store` touches the filesystem or asks it what exists;
//! - nothing reads the clock or a random source except `app` and `cli`, which pass them in;
//! - no view names a colour: colours are tokens in `ui::theme`.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod document;
pub mod export;
pub mod import;
pub mod model;
pub mod portfolio;
pub mod store;
pub mod ui;
