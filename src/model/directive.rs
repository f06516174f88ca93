//! The ask as it was given.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The vague directive, kept verbatim, with who gave it and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directive {
    /// The ask word for word, e.g. "improve availability for our live streams".
    pub ask: String,
    /// Who gave it.
    #[serde(default)]
    pub given_by: String,
    /// When it arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<NaiveDate>,
    /// The business goal behind the ask.
    #[serde(default)]
    pub business_goal: String,
    /// When an answer is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
}
