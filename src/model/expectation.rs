//! What an option is expected to achieve against one success metric.

use serde::{Deserialize, Serialize};

/// The result an option is expected to reach on one of the framing's success metrics.
///
/// `metric` is the success metric's text, as written in `framing.success_metrics`; renaming
/// the metric in the window renames it here too, and removing it removes this expectation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedResult {
    /// The success metric this is measured against, e.g. "Minutes lost per match below 2".
    pub metric: String,
    /// The expected result in words, e.g. "About 3 minutes lost per match by March".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// The expected result as a number in the metric's unit, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Whether this result reaches the metric's target: `Some(false)` says plainly that it
    /// falls short; `None` when nobody has judged it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaches: Option<bool>,
}

impl ExpectedResult {
    /// An expectation on `metric` with nothing filled in yet.
    pub fn on(metric: &str) -> Self {
        Self {
            metric: metric.to_owned(),
            ..Self::default()
        }
    }

    /// True when neither words, a number nor a judgement has been given.
    pub fn is_blank(&self) -> bool {
        self.result.trim().is_empty() && self.value.is_none() && self.reaches.is_none()
    }
}
