//! How much of the team's time an option takes, in person-weeks.

use serde::{Deserialize, Serialize};

/// An option's effort in person-weeks: a likely value and an optional range.
///
/// Portfolio selection counts the likely value against the capacity; the range feeds the
/// uncertainty analysis (a triangular draw between low, likely and high).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effort {
    /// The most likely number of person-weeks.
    pub likely: f64,
    /// The optimistic end of the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// The pessimistic end of the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
}

impl Effort {
    /// A point estimate with no range.
    pub fn weeks(likely: f64) -> Self {
        Self {
            likely,
            low: None,
            high: None,
        }
    }

    /// The low end, falling back to the likely value.
    pub fn low_or_likely(&self) -> f64 {
        self.low.unwrap_or(self.likely)
    }

    /// The high end, falling back to the likely value.
    pub fn high_or_likely(&self) -> f64 {
        self.high.unwrap_or(self.likely)
    }
}
