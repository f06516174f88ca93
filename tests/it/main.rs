//! All integration tests, in one binary.

mod architecture;
mod cli;
mod export;
mod gui;
mod properties;
mod reliability;
mod robustness;
mod rules;
mod snapshots;
mod store;
