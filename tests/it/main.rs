//! All integration tests, in one binary.

mod architecture;
mod cli;
mod criteria;
mod export;
mod gui;
mod portfolio;
mod properties;
mod reliability;
mod review;
mod robustness;
mod rules;
mod snapshots;
mod store;
mod weights;
