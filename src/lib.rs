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
//! | [`export`] | Markdown / HTML / CSV / JSON as strings | `model`, `analysis`, `portfolio` |
//! | [`store`] | RON files: load, validate, atomic save, locks, recovery | `model` |
//! | [`document`] | edits, undo/redo, dirty flag | `model` |
//! | [`ui`] | egui views: read the document, emit edits and commands | all of the above but `store` |
//! | [`app`] | the eframe/rfd glue that applies commands | everything |
//! | [`cli`] | the `verdict` subcommands | `model`, `analysis`, `portfolio`, `export`, `store` |
//!
//! Invariants, checked by `tests/it/architecture.rs`:
//! - `model`, `analysis`, `portfolio`, `store`, `export` and `document` know nothing of egui, eframe or rfd;
//! - nothing outside `store` touches the filesystem;
//! - nothing reads the clock or a random source except `app` and `cli`, which pass them in.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod document;
pub mod export;
pub mod model;
pub mod portfolio;
pub mod store;
pub mod ui;
