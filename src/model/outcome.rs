//! The explicit outcome, kill criteria, and the decision log.

use super::ids::{CriterionId, OptionId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What the people in the room decided. The recommendation is advice; this is the decision.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// No decision yet.
    #[default]
    Undecided,
    /// Go ahead with one option.
    Chosen {
        /// The chosen option.
        option: OptionId,
        /// Why.
        rationale: String,
    },
    /// Stop the project.
    Killed {
        /// Why.
        rationale: String,
    },
    /// Decide later.
    Deferred {
        /// The date to decide by.
        until: NaiveDate,
        /// Why.
        rationale: String,
    },
    /// Send it back to be framed again.
    Reframe {
        /// Why.
        rationale: String,
    },
}

impl Outcome {
    /// One word for the kind of outcome.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Undecided => "Undecided",
            Outcome::Chosen { .. } => "Chosen",
            Outcome::Killed { .. } => "Killed",
            Outcome::Deferred { .. } => "Deferred",
            Outcome::Reframe { .. } => "Reframe",
        }
    }

    /// The rationale, empty for [`Outcome::Undecided`].
    pub fn rationale(&self) -> &str {
        match self {
            Outcome::Undecided => "",
            Outcome::Chosen { rationale, .. }
            | Outcome::Killed { rationale }
            | Outcome::Deferred { rationale, .. }
            | Outcome::Reframe { rationale } => rationale,
        }
    }
}

/// A condition written down in advance that, if it comes true, means the project should stop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KillCriterion {
    /// The condition, e.g. "the vendor cannot show 99.95 % in a trial month".
    pub condition: String,
    /// Whether it has come true.
    #[serde(default)]
    pub tripped: bool,
}

/// One dated entry in the decision log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// When it happened, UTC.
    pub at: DateTime<Utc>,
    /// What happened.
    pub event: LogEvent,
}

/// How a set of weights was derived from comparisons rather than typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WeightMethod {
    /// Swing weighting: each criterion's swing from worst to best level rated 0–100 against
    /// the swing that matters most; the weights are the ratings normalised.
    Swing,
    /// Pairwise comparison (AHP): the principal eigenvector of the judgements.
    Pairwise {
        /// Saaty's consistency ratio of the judgements; above 0.10 they contradict each other.
        consistency_ratio: f64,
    },
}

impl WeightMethod {
    /// The method in words, e.g. "pairwise comparison (CR 0.04)".
    pub fn label(&self) -> String {
        match self {
            WeightMethod::Swing => "swing weighting".to_owned(),
            WeightMethod::Pairwise { consistency_ratio } => {
                format!("pairwise comparison (CR {consistency_ratio:.2})")
            }
        }
    }
}

/// What a log entry records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LogEvent {
    /// The outcome changed to this.
    OutcomeChanged {
        /// The new outcome.
        to: Outcome,
    },
    /// A weight changed after results had been seen.
    WeightChanged {
        /// Which criterion.
        criterion: CriterionId,
        /// The weight before.
        from: f64,
        /// The weight after.
        to: f64,
    },
    /// Every weight was set at once by a comparison method.
    WeightsSet {
        /// How the weights were derived.
        method: WeightMethod,
        /// The new weight of each criterion, in criteria order.
        weights: Vec<(CriterionId, f64)>,
    },
    /// A free-text note.
    Note {
        /// The note.
        text: String,
    },
}

impl LogEvent {
    /// The entry in plain words, naming options by id.
    pub fn describe(&self) -> String {
        self.describe_with(|id| format!("`{id}`"))
    }

    /// The entry in plain words, naming options by their title in `session` (by id when the
    /// option has since been deleted).
    pub fn describe_in(&self, session: &super::Session) -> String {
        self.describe_with(|id| {
            session
                .option(id)
                .map_or_else(|| format!("`{id}`"), |o| format!("“{}”", o.title))
        })
    }

    fn describe_with(&self, option_name: impl Fn(&OptionId) -> String) -> String {
        match self {
            LogEvent::OutcomeChanged { to } => match to {
                Outcome::Undecided => "Outcome reset to undecided".to_owned(),
                Outcome::Chosen { option, rationale } => {
                    format!("Chose option {}: {rationale}", option_name(option))
                }
                Outcome::Killed { rationale } => format!("Killed the project: {rationale}"),
                Outcome::Deferred { until, rationale } => {
                    format!("Deferred until {until}: {rationale}")
                }
                Outcome::Reframe { rationale } => format!("Sent back to reframe: {rationale}"),
            },
            LogEvent::WeightChanged {
                criterion,
                from,
                to,
            } => {
                format!(
                    "Weight of `{criterion}` changed from {from} to {to} after results were seen"
                )
            }
            LogEvent::WeightsSet { method, weights } => {
                let list: Vec<String> = weights
                    .iter()
                    .map(|(criterion, weight)| format!("`{criterion}` {weight}"))
                    .collect();
                format!("Weights set by {}: {}", method.label(), list.join(", "))
            }
            LogEvent::Note { text } => text.clone(),
        }
    }
}
