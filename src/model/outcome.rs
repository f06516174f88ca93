//! The explicit outcome, kill criteria, and the decision log.

use super::ids::{CriterionId, OptionId, RaterId};
use super::review::Rating;
use super::round::RoundScope;
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
    /// A facilitated scoring round started.
    RoundStarted {
        /// The round's number in this session.
        number: u32,
        /// How its cells were chosen.
        scope: RoundScope,
        /// How many cells it asks for.
        cells: usize,
    },
    /// A round's hidden scores were put on screen.
    RoundRevealed {
        /// The round's number.
        number: u32,
        /// Who had scored, in id order.
        raters: Vec<RaterId>,
        /// Cells left in low agreement, sent to the discuss queue.
        low_agreement: usize,
    },
    /// The facilitator accepted a round's scores: they became the raters' scores.
    RoundAccepted {
        /// The round's number.
        number: u32,
        /// How many cells were accepted.
        cells: usize,
    },
    /// A round was abandoned; its scores were discarded.
    RoundCancelled {
        /// The round's number.
        number: u32,
    },
    /// The decision was looked at again after the fact.
    Reviewed {
        /// What was expected at decision time, as it was written then.
        #[serde(default)]
        expected: String,
        /// What actually happened, against the expected result.
        happened: String,
        /// Was it a good call with what we knew then?
        decision: Rating,
        /// Did it turn out well?
        outcome: Rating,
    },
}

impl LogEvent {
    /// The entry in plain words, naming options and raters by id.
    pub fn describe(&self) -> String {
        self.describe_with(|id| format!("`{id}`"), |id| format!("`{id}`"))
    }

    /// The entry in plain words, naming options by their title and raters by their name in
    /// `session` (by id when they have since been deleted).
    pub fn describe_in(&self, session: &super::Session) -> String {
        self.describe_with(
            |id| {
                session
                    .option(id)
                    .map_or_else(|| format!("`{id}`"), |o| format!("“{}”", o.title))
            },
            |id| session.rater_name(id),
        )
    }

    fn describe_with(
        &self,
        option_name: impl Fn(&OptionId) -> String,
        rater_name: impl Fn(&RaterId) -> String,
    ) -> String {
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
            LogEvent::RoundStarted {
                number,
                scope,
                cells,
            } => format!(
                "Scoring round {number} started on {} ({cells} {})",
                scope.describe(),
                plural(*cells, "cell", "cells")
            ),
            LogEvent::RoundRevealed {
                number,
                raters,
                low_agreement,
            } => {
                let who = if raters.is_empty() {
                    "nobody had scored".to_owned()
                } else {
                    let names: Vec<String> = raters.iter().map(&rater_name).collect();
                    format!("scored by {}", names.join(", "))
                };
                format!(
                    "Scoring round {number} revealed, {who}; {low_agreement} {} in low agreement",
                    plural(*low_agreement, "cell", "cells")
                )
            }
            LogEvent::RoundAccepted { number, cells } => format!(
                "Scoring round {number} accepted: {cells} {} now hold the raters' scores",
                plural(*cells, "cell", "cells")
            ),
            LogEvent::RoundCancelled { number } => {
                format!("Scoring round {number} cancelled; its scores were discarded")
            }
            LogEvent::Reviewed {
                happened,
                decision,
                outcome,
                ..
            } => review_words(happened, *decision, *outcome),
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// A review in one line: what happened, then the two judgements kept apart.
pub fn review_words(happened: &str, decision: Rating, outcome: Rating) -> String {
    format!(
        "Reviewed: {}. Decision quality (a good call with what we knew then?): {}; \
         outcome quality: {}",
        happened.trim().trim_end_matches('.'),
        decision.label(),
        outcome.label()
    )
}
