//! People who score independently, and how their scores are combined.
//!
//! Each rater's scores live on the option, in `SolutionOption::rater_scores`, keyed by
//! [`RaterId`]. A session without raters works exactly as before: `scores` are the scores.

use super::ids::RaterId;
use serde::{Deserialize, Serialize};

/// Someone who scores the options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rater {
    /// Stable identity used as the key of their scores.
    pub id: RaterId,
    /// Their name as shown.
    pub name: String,
    /// Their role, e.g. "SRE lead"; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

impl Rater {
    /// A rater with no role.
    pub fn new(id: &str, name: &str) -> Self {
        Self {
            id: RaterId::new(id),
            name: name.to_owned(),
            role: String::new(),
        }
    }
}

/// How raters' scores on one cell become the score the ranking uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Aggregation {
    /// The arithmetic mean.
    #[default]
    Mean,
    /// The median: one outlier cannot pull it.
    Median,
}

impl Aggregation {
    /// True for the default, [`Aggregation::Mean`] (then the file need not say it).
    pub fn is_mean(&self) -> bool {
        *self == Aggregation::Mean
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Aggregation::Mean => "mean",
            Aggregation::Median => "median",
        }
    }
}
