//! Results computed from the document: ranking, recommendation and robustness.
//!
//! Pure functions of a [`crate::model::Session`]; nothing here is saved, and nothing here
//! reads files, the clock or a random source it was not given.

pub mod dominance;
pub mod flip_points;
pub mod matrix;
pub mod merge;
pub mod number;
pub mod pairwise;
mod rank_lookup;
pub mod raters;
mod recommendation;
pub mod robustness;
pub mod round;
mod scoring;
pub mod swing;
pub mod topsis;
pub mod uncertainty;
pub mod variation;
pub mod verdict;

pub use rank_lookup::RankLookup;
pub use recommendation::{KillReason, Recommendation, recommend, recommend_from};
pub use robustness::{RobustnessConfig, RobustnessReport, analyze};
pub use scoring::{
    RankedOption, Ranking, TIE_EPSILON, ZERO_WEIGHT_MEANING, has_weighted_criterion, normalised,
    rank, ranks_of, tie_groups, total, total_with_weights, vetoes_of,
};
