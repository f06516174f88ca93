//! A dimension options are scored on: its weight, direction, scale and veto.

use super::ids::CriterionId;
use serde::{Deserialize, Serialize};

/// Whether a higher score is better (benefit) or worse (cost).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// Higher is better, e.g. Impact.
    Benefit,
    /// Lower is better, e.g. Cost or Trust risk.
    Cost,
}

impl Direction {
    /// A short word for tables and exports.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Benefit => "higher is better",
            Direction::Cost => "lower is better",
        }
    }
}

/// What one value on a scale means, e.g. `5 = "outage visible to every viewer"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    /// The score this meaning belongs to.
    pub value: f64,
    /// The meaning in plain words.
    pub meaning: String,
}

/// The range of allowed scores, with an optional meaning per level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Lowest allowed score.
    pub lo: f64,
    /// Highest allowed score; must be greater than `lo`.
    pub hi: f64,
    /// Described meaning of some or all levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<ScaleLevel>,
}

impl Default for Scale {
    fn default() -> Self {
        Self {
            lo: 1.0,
            hi: 5.0,
            levels: Vec::new(),
        }
    }
}

impl Scale {
    /// True when `value` lies within `lo..=hi`.
    pub fn contains(&self, value: f64) -> bool {
        value >= self.lo && value <= self.hi
    }

    /// The described meaning of the level nearest to `value`, if any level is described.
    pub fn meaning_of(&self, value: f64) -> Option<&str> {
        self.levels
            .iter()
            .min_by(|a, b| (a.value - value).abs().total_cmp(&(b.value - value).abs()))
            .map(|level| level.meaning.as_str())
    }
}

/// A dimension every option is scored on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable identity used by scores.
    pub id: CriterionId,
    /// Display name.
    pub name: String,
    /// What the criterion asks.
    #[serde(default)]
    pub description: String,
    /// Relative importance: finite and ≥ 0. Zero leaves the criterion out of totals.
    pub weight: f64,
    /// Benefit or cost.
    pub direction: Direction,
    /// Allowed scores and their meaning.
    #[serde(default)]
    pub scale: Scale,
    /// A score worse than this disqualifies the option: below it for a benefit, above it
    /// for a cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<f64>,
    /// This criterion scores the effort an option takes. A portfolio counts effort once, as
    /// the capacity it uses, so it leaves such criteria out of an option's value; the
    /// session's own ranking still uses them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub measures_effort: bool,
}

impl Criterion {
    /// A criterion on the default 1..5 scale with no veto.
    pub fn new(id: &str, name: &str, weight: f64, direction: Direction) -> Self {
        Self {
            id: CriterionId::new(id),
            name: name.to_owned(),
            description: String::new(),
            weight,
            direction,
            scale: Scale::default(),
            veto: None,
            measures_effort: false,
        }
    }

    /// True when `score` is on the wrong side of this criterion's veto threshold.
    pub fn vetoes(&self, score: f64) -> bool {
        match (self.veto, self.direction) {
            (Some(limit), Direction::Benefit) => score < limit,
            (Some(limit), Direction::Cost) => score > limit,
            (None, _) => false,
        }
    }
}
