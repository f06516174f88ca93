//! All integration tests, in one binary.

mod architecture;
mod cli;
mod export;
mod gui;
mod reliability;
mod robustness;
mod store;
