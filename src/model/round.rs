//! A facilitated scoring round: raters score a set of cells with each other's numbers
//! hidden, then the facilitator reveals them all at once.
//!
//! The round lives in the document while it is open, so a half-finished round survives a
//! save, a crash or a laptop handed round the room. Its scores stay inside the round until
//! the facilitator accepts them; only then do they become raters' scores
//! (`SolutionOption::rater_scores`) and reach the ranking. What happened to each round is
//! kept in the decision log ([`super::LogEvent::RoundStarted`] and its siblings).

use super::criterion::Criterion;
use super::ids::{CriterionId, OptionId, RaterId};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One cell of the matrix: an option's score on a criterion.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// The option.
    pub option: OptionId,
    /// The criterion.
    pub criterion: CriterionId,
}

impl Cell {
    /// The cell of `option` on `criterion`.
    pub fn new(option: &str, criterion: &str) -> Self {
        Self {
            option: OptionId::new(option),
            criterion: CriterionId::new(criterion),
        }
    }
}

/// Which cells a round asks the raters to score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundScope {
    /// Every option on every criterion.
    All,
    /// Every option on one criterion.
    Criterion(CriterionId),
    /// The cells where raters disagreed most, to discuss first.
    DiscussFirst,
    /// The cells a previous round left in low agreement, scored again after discussion.
    Rerun,
}

impl RoundScope {
    /// The scope in plain words, e.g. "every cell".
    pub fn describe(&self) -> String {
        match self {
            RoundScope::All => "every cell".into(),
            RoundScope::Criterion(id) => format!("every option on `{id}`"),
            RoundScope::DiscussFirst => "the cells to discuss first".into(),
            RoundScope::Rerun => "the cells left in low agreement".into(),
        }
    }

    /// The scope in plain words, naming a criterion by its name in `session`.
    pub fn describe_in(&self, session: &super::Session) -> String {
        match self {
            RoundScope::Criterion(id) => match session.criterion(id) {
                Some(c) => format!("every option on {}", c.name),
                None => self.describe(),
            },
            _ => self.describe(),
        }
    }
}

/// Where a round stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundPhase {
    /// Raters are entering scores; nobody sees anybody else's.
    Scoring,
    /// Every score is on screen, with agreement per cell.
    Revealed {
        /// When the facilitator revealed them.
        at: DateTime<Utc>,
    },
}

/// An open facilitated scoring round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringRound {
    /// 1 for the first round of the session, counting up; re-runs get the next number.
    pub number: u32,
    /// How the cells were chosen.
    pub scope: RoundScope,
    /// The cells to score, in matrix order.
    pub cells: Vec<Cell>,
    /// When the round started.
    pub started: DateTime<Utc>,
    /// Time allowed for scoring, in seconds; the round reveals itself when it runs out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer_seconds: Option<u32>,
    /// Whose turn it is at the keyboard; `None` between turns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<RaterId>,
    /// Raters who said they have finished, in the order they finished.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub finished: Vec<RaterId>,
    /// The hidden scores, by rater, option and criterion.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<RaterId, BTreeMap<OptionId, BTreeMap<CriterionId, f64>>>,
    /// Scoring or revealed.
    pub phase: RoundPhase,
}

impl ScoringRound {
    /// A round in its scoring phase, with no scores yet.
    pub fn new(number: u32, scope: RoundScope, cells: Vec<Cell>, started: DateTime<Utc>) -> Self {
        Self {
            number,
            scope,
            cells,
            started,
            timer_seconds: None,
            turn: None,
            finished: Vec::new(),
            scores: BTreeMap::new(),
            phase: RoundPhase::Scoring,
        }
    }

    /// True while scores are hidden.
    pub fn is_scoring(&self) -> bool {
        self.phase == RoundPhase::Scoring
    }

    /// True when `cell` is one this round asks for.
    pub fn contains(&self, option: &OptionId, criterion: &CriterionId) -> bool {
        self.cells
            .iter()
            .any(|c| &c.option == option && &c.criterion == criterion)
    }

    /// `rater`'s hidden score on a cell, if they gave one.
    pub fn score(
        &self,
        rater: &RaterId,
        option: &OptionId,
        criterion: &CriterionId,
    ) -> Option<f64> {
        self.scores.get(rater)?.get(option)?.get(criterion).copied()
    }

    /// Every score given on a cell, by rater.
    pub fn ratings(&self, option: &OptionId, criterion: &CriterionId) -> BTreeMap<RaterId, f64> {
        self.scores
            .iter()
            .filter_map(|(rater, by_option)| {
                let value = by_option.get(option)?.get(criterion)?;
                Some((rater.clone(), *value))
            })
            .collect()
    }

    /// The raters who gave at least one score, in id order.
    pub fn raters_who_scored(&self) -> Vec<RaterId> {
        self.scores
            .iter()
            .filter(|(_, by_option)| by_option.values().any(|c| !c.is_empty()))
            .map(|(rater, _)| rater.clone())
            .collect()
    }

    /// How far raters agree on `cell`, whose criterion is in `criteria`; `None` with fewer
    /// than two scores or an unknown criterion.
    pub fn agreement(&self, cell: &Cell, criteria: &[Criterion]) -> Option<Agreement> {
        let criterion = criteria.iter().find(|c| c.id == cell.criterion)?;
        let values: Vec<f64> = self
            .ratings(&cell.option, &cell.criterion)
            .into_values()
            .collect();
        Agreement::of_scores(&values, criterion.scale.lo, criterion.scale.hi)
    }

    /// The cells in low agreement, in round order: the discuss queue.
    pub fn low_agreement_cells(&self, criteria: &[Criterion]) -> Vec<Cell> {
        self.cells
            .iter()
            .filter(|cell| self.agreement(cell, criteria) == Some(Agreement::Low))
            .cloned()
            .collect()
    }

    /// When the timer runs out, if the round has one.
    pub fn deadline(&self) -> Option<DateTime<Utc>> {
        self.timer_seconds
            .map(|s| self.started + Duration::seconds(i64::from(s)))
    }

    /// Whole seconds left on the timer at `now` (0 once it has run out); `None` without one.
    pub fn seconds_left(&self, now: DateTime<Utc>) -> Option<i64> {
        self.deadline().map(|end| (end - now).num_seconds().max(0))
    }

    /// True when the round is still hidden and its timer has run out at `now`: the window
    /// then reveals it without waiting for the facilitator.
    pub fn reveal_is_due(&self, now: DateTime<Utc>) -> bool {
        self.is_scoring() && self.deadline().is_some_and(|end| now >= end)
    }
}

/// How closely raters agree on one cell, from the spread of their scores relative to the
/// criterion's scale: `(highest − lowest) / (scale.hi − scale.lo)`.
///
/// | level | spread | on a 1–5 scale | on a 0–10 scale |
/// |---|---|---|---|
/// | high | below 0.25 | less than 1 point apart | within 2 points |
/// | medium | 0.25 to below 0.5 | 1 point apart | 3 or 4 points apart |
/// | low | 0.5 or more | 2 or more points apart | 5 or more points apart |
///
/// Low-agreement cells go to the discuss queue. The thresholds are
/// [`Agreement::MEDIUM_FROM`] and [`Agreement::LOW_FROM`]; `docs/ROUNDS.md` explains them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Agreement {
    /// Raters are half the scale or more apart: discuss before accepting.
    Low,
    /// Raters differ by about a quarter of the scale.
    Medium,
    /// Raters practically agree.
    High,
}

impl Agreement {
    /// A spread at or above this (as a fraction of the scale) is medium agreement.
    pub const MEDIUM_FROM: f64 = 0.25;
    /// A spread at or above this (as a fraction of the scale) is low agreement.
    pub const LOW_FROM: f64 = 0.5;

    /// The level for a spread given as a fraction of the scale (0 = all equal, 1 = the
    /// scale's two ends). A spread that is not a number counts as low, so it is discussed.
    pub fn of_spread(spread: f64) -> Self {
        // A hair of tolerance so 1 point on a 1–5 scale (exactly 0.25) is not pushed
        // either way by rounding in the mean of fractional scores.
        const EPS: f64 = 1e-9;
        if spread.is_nan() || spread >= Self::LOW_FROM - EPS {
            Agreement::Low
        } else if spread >= Self::MEDIUM_FROM - EPS {
            Agreement::Medium
        } else {
            Agreement::High
        }
    }

    /// The level of the scores in `values` on a scale from `lo` to `hi`; `None` with fewer
    /// than two scores, since one score agrees with nothing.
    pub fn of_scores(values: &[f64], lo: f64, hi: f64) -> Option<Self> {
        if values.len() < 2 {
            return None;
        }
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let span = hi - lo;
        let spread = if span > 0.0 { (max - min) / span } else { 0.0 };
        Some(Self::of_spread(spread))
    }

    /// The word shown to people: "high", "medium" or "low".
    pub fn label(self) -> &'static str {
        match self {
            Agreement::High => "high",
            Agreement::Medium => "medium",
            Agreement::Low => "low",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 4, 10, 0, 0).unwrap() + Duration::seconds(secs)
    }

    #[test]
    fn a_timed_round_is_due_to_reveal_only_once_its_time_is_up() {
        let mut round = ScoringRound::new(1, RoundScope::All, vec![Cell::new("a", "cost")], at(0));
        assert!(!round.reveal_is_due(at(10_000)), "no timer, never due");
        round.timer_seconds = Some(120);
        assert_eq!(round.seconds_left(at(30)), Some(90));
        assert!(!round.reveal_is_due(at(119)));
        assert!(round.reveal_is_due(at(120)));
        assert_eq!(round.seconds_left(at(500)), Some(0));
        round.phase = RoundPhase::Revealed { at: at(120) };
        assert!(!round.reveal_is_due(at(500)), "already revealed");
    }

    #[test]
    fn ratings_of_a_cell_come_from_every_rater_who_scored_it() {
        let mut round = ScoringRound::new(1, RoundScope::All, vec![Cell::new("a", "cost")], at(0));
        for (rater, value) in [("ana", 2.0), ("bo", 4.0)] {
            round
                .scores
                .entry(RaterId::new(rater))
                .or_default()
                .entry(OptionId::new("a"))
                .or_default()
                .insert(CriterionId::new("cost"), value);
        }
        let ratings = round.ratings(&OptionId::new("a"), &CriterionId::new("cost"));
        assert_eq!(ratings.values().copied().collect::<Vec<_>>(), [2.0, 4.0]);
        assert!(
            round
                .ratings(&OptionId::new("a"), &CriterionId::new("impact"))
                .is_empty()
        );
        assert_eq!(round.raters_who_scored().len(), 2);
    }

    #[test]
    fn agreement_follows_the_documented_thresholds_on_a_one_to_five_scale() {
        let level = |values: &[f64]| Agreement::of_scores(values, 1.0, 5.0);
        assert_eq!(level(&[3.0]), None, "one score agrees with nothing");
        assert_eq!(level(&[3.0, 3.0]), Some(Agreement::High));
        assert_eq!(level(&[3.0, 3.5]), Some(Agreement::High));
        assert_eq!(level(&[3.0, 4.0]), Some(Agreement::Medium));
        assert_eq!(level(&[2.0, 3.0, 3.9]), Some(Agreement::Medium));
        assert_eq!(level(&[2.0, 4.0]), Some(Agreement::Low));
        assert_eq!(level(&[1.0, 5.0]), Some(Agreement::Low));
    }

    #[test]
    fn agreement_is_relative_to_the_scale_not_to_raw_points() {
        assert_eq!(
            Agreement::of_scores(&[4.0, 6.0], 0.0, 10.0),
            Some(Agreement::High)
        );
        assert_eq!(
            Agreement::of_scores(&[4.0, 7.0], 0.0, 10.0),
            Some(Agreement::Medium)
        );
        assert_eq!(
            Agreement::of_scores(&[4.0, 9.0], 0.0, 10.0),
            Some(Agreement::Low)
        );
        assert_eq!(Agreement::of_spread(f64::NAN), Agreement::Low);
    }
}
