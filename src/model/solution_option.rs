//! One possible answer to the directive, the kind of answer it is, and its scores.

use super::effort::Effort;
use super::expectation::ExpectedResult;
use super::ids::{CriterionId, OptionId, RaterId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of answer an option is. The menu is complete when every lens has been looked at.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lens {
    /// Change the system itself.
    ReArchitect,
    /// Buy a third-party product or service.
    Buy,
    /// Move engineers from lower-priority work.
    Reallocate,
    /// Solve a different problem that still reaches the business goal.
    Reframe,
    /// Change process or organisation rather than code.
    Process,
    /// Keep things as they are.
    DoNothing,
    /// Stop the project.
    Kill,
    /// Anything else, with the user's own label.
    Custom(String),
}

impl Lens {
    /// The seven built-in lenses, in menu order.
    pub const BUILT_IN: [Lens; 7] = [
        Lens::ReArchitect,
        Lens::Buy,
        Lens::Reallocate,
        Lens::Reframe,
        Lens::Process,
        Lens::DoNothing,
        Lens::Kill,
    ];

    /// The name shown to people.
    pub fn label(&self) -> &str {
        match self {
            Lens::ReArchitect => "Re-architect",
            Lens::Buy => "Buy",
            Lens::Reallocate => "Reallocate people",
            Lens::Reframe => "Reframe",
            Lens::Process => "Process / organisation",
            Lens::DoNothing => "Do nothing",
            Lens::Kill => "Kill",
            Lens::Custom(label) if label.trim().is_empty() => "Custom",
            Lens::Custom(label) => label,
        }
    }

    /// True for the two lenses whose winning means the project should stop.
    pub fn means_stopping(&self) -> bool {
        matches!(self, Lens::DoNothing | Lens::Kill)
    }
}

/// One option's score on one criterion: a likely value and an optional range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The most likely value; this is what totals use.
    pub likely: f64,
    /// Pessimistic-to-optimistic range, used by uncertainty analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Upper end of the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Why this score: the argument someone can challenge.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
}

impl Score {
    /// A point score with no range and no rationale.
    pub fn point(likely: f64) -> Self {
        Self {
            likely,
            low: None,
            high: None,
            rationale: String::new(),
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

/// One possible answer to the directive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SolutionOption {
    /// Stable identity.
    pub id: OptionId,
    /// Short name shown everywhere.
    pub title: String,
    /// The kind of answer.
    pub lens: Lens,
    /// What it would mean to do this.
    #[serde(default)]
    pub description: String,
    /// Scores by criterion id.
    #[serde(default)]
    pub scores: BTreeMap<CriterionId, Score>,
    /// Private notes: hidden in presentation mode and left out of exports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Each rater's own scores, by rater then criterion; empty without raters.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rater_scores: BTreeMap<RaterId, BTreeMap<CriterionId, Score>>,
    /// The team's time it takes, in person-weeks; `None` when not estimated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    /// Who would own the work if this option is chosen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Weeks from starting until the first result can be seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_result_weeks: Option<f64>,
    /// The result expected against each success metric.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected_results: Vec<ExpectedResult>,
    /// The best argument for this option, put as its champion would (the steelman).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub strongest_case: String,
    /// What, if it came true, would make this the wrong choice (the tripwire).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wrong_if: String,
}

impl SolutionOption {
    /// An unscored option.
    pub fn new(id: &str, title: &str, lens: Lens) -> Self {
        Self {
            id: OptionId::new(id),
            title: title.to_owned(),
            lens,
            description: String::new(),
            scores: BTreeMap::new(),
            notes: String::new(),
            rater_scores: BTreeMap::new(),
            effort: None,
            owner: String::new(),
            first_result_weeks: None,
            expected_results: Vec::new(),
            strongest_case: String::new(),
            wrong_if: String::new(),
        }
    }

    /// Builder-style: sets the likely score for one criterion.
    pub fn with_score(mut self, criterion: &str, likely: f64) -> Self {
        self.scores
            .insert(CriterionId::new(criterion), Score::point(likely));
        self
    }

    /// The expected result against the success metric `metric`, if one was written.
    pub fn expected_on(&self, metric: &str) -> Option<&ExpectedResult> {
        self.expected_results.iter().find(|e| e.metric == metric)
    }

    /// The score on `criterion`, if any.
    pub fn score(&self, criterion: &CriterionId) -> Option<&Score> {
        self.scores.get(criterion)
    }
}
