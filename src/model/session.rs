//! The whole decision session: one document, one RON file.

use super::criteria_set::CriteriaSet;
use super::criterion::Criterion;
use super::directive::Directive;
use super::follow_up::{NextStep, People, Reversibility};
use super::framing::{ChallengeQuestion, Framing};
use super::ids::{CriterionId, OptionId, RaterId, unique_slug};
use super::memo::MemoProse;
use super::outcome::{KillCriterion, LogEntry, LogEvent, Outcome};
use super::rater::{Aggregation, Rater};
use super::round::ScoringRound;
use super::solution_option::{Lens, SolutionOption};
use super::templates::Templates;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The save-file format this program writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// A decision session from directive to outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Save-file format version; see [`FORMAT_VERSION`].
    pub format: u32,
    /// A short name for the session.
    pub title: String,
    /// The ask as given.
    pub directive: Directive,
    /// What we decided the problem really is.
    #[serde(default)]
    pub framing: Framing,
    /// Dimensions options are scored on.
    pub criteria: Vec<Criterion>,
    /// The menu of possible answers.
    #[serde(default)]
    pub options: Vec<SolutionOption>,
    /// Conditions that mean the project should stop.
    #[serde(default)]
    pub kill_criteria: Vec<KillCriterion>,
    /// The decision.
    #[serde(default)]
    pub outcome: Outcome,
    /// What happens next, with owners and due dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<NextStep>,
    /// When the decision is looked at again; the kill criteria are re-checked then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_date: Option<NaiveDate>,
    /// How hard the decision is to undo, when someone has said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reversibility: Option<Reversibility>,
    /// Deciders, consulted and informed.
    #[serde(default, skip_serializing_if = "People::is_empty")]
    pub people: People,
    /// Prose written for sections of the narrative memo.
    #[serde(default, skip_serializing_if = "MemoProse::is_empty")]
    pub memo: MemoProse,
    /// Dated record of outcome changes and notes.
    #[serde(default)]
    pub log: Vec<LogEntry>,
    /// Private notes: hidden in presentation mode and left out of exports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Weights were locked before scoring; later weight changes are logged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weights_locked: bool,
    /// People who score independently; empty when the session has one voice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raters: Vec<Rater>,
    /// How raters' scores are combined into the scores the ranking uses.
    #[serde(default, skip_serializing_if = "Aggregation::is_mean")]
    pub aggregation: Aggregation,
    /// What fully reaching the business goal is worth, in the portfolio's value unit;
    /// `None` when not estimated (the session is then left out of portfolio selection).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stakes: Option<f64>,
    /// The facilitated scoring round in progress, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<ScoringRound>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new("")
    }
}

impl Session {
    /// A new session for `ask`, with the default criteria, the shipped challenge questions
    /// and no options.
    pub fn new(ask: &str) -> Self {
        Self::with_criteria(ask, CriteriaSet::default_set())
    }

    /// A new session for `ask` starting from the criteria of `set`, with the shipped
    /// challenge questions and no options.
    pub fn with_criteria(ask: &str, set: &CriteriaSet) -> Self {
        let templates = Templates::shipped();
        Self {
            format: FORMAT_VERSION,
            title: String::new(),
            directive: Directive {
                ask: ask.to_owned(),
                ..Directive::default()
            },
            framing: Framing {
                questions: templates
                    .challenge_questions
                    .iter()
                    .map(|q| ChallengeQuestion {
                        question: q.clone(),
                        answer: String::new(),
                    })
                    .collect(),
                ..Framing::default()
            },
            criteria: set.criteria.clone(),
            options: Vec::new(),
            kill_criteria: Vec::new(),
            outcome: Outcome::Undecided,
            next_steps: Vec::new(),
            review_date: None,
            reversibility: None,
            people: People::default(),
            memo: MemoProse::default(),
            log: Vec::new(),
            notes: String::new(),
            weights_locked: false,
            raters: Vec::new(),
            aggregation: Aggregation::Mean,
            stakes: None,
            round: None,
        }
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: &CriterionId) -> Option<&Criterion> {
        self.criteria.iter().find(|c| &c.id == id)
    }

    /// Position of the criterion with this id.
    pub fn criterion_idx(&self, id: &CriterionId) -> Option<usize> {
        self.criteria.iter().position(|c| &c.id == id)
    }

    /// The option with this id.
    pub fn option(&self, id: &OptionId) -> Option<&SolutionOption> {
        self.options.iter().find(|o| &o.id == id)
    }

    /// Position of the option with this id.
    pub fn option_idx(&self, id: &OptionId) -> Option<usize> {
        self.options.iter().position(|o| &o.id == id)
    }

    /// The rater with this id.
    pub fn rater(&self, id: &RaterId) -> Option<&Rater> {
        self.raters.iter().find(|r| &r.id == id)
    }

    /// The option's title, or its id when it is not in the session.
    pub fn option_title<'a>(&'a self, id: &'a OptionId) -> &'a str {
        self.option(id).map_or(id.as_str(), |o| o.title.as_str())
    }

    /// The criterion's name, or its id when it is not in the session.
    pub fn criterion_name<'a>(&'a self, id: &'a CriterionId) -> &'a str {
        self.criterion(id).map_or(id.as_str(), |c| c.name.as_str())
    }

    /// The criterion's share of all the weights, from 0 to 1; a weight that is negative or
    /// not a number counts as 0, and so does an unknown criterion.
    pub fn weight_share(&self, id: &CriterionId) -> f64 {
        let usable = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
        let total: f64 = self.criteria.iter().map(|c| usable(c.weight)).sum();
        match self.criterion(id) {
            Some(c) if total > 0.0 => usable(c.weight) / total,
            _ => 0.0,
        }
    }

    /// The rater's name as shown, or their id when they are not in the session.
    pub fn rater_name(&self, id: &RaterId) -> String {
        self.rater(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }

    /// A fresh option id derived from `title`, unique in this session.
    pub fn new_option_id(&self, title: &str) -> OptionId {
        OptionId(unique_slug(
            title,
            self.options.iter().map(|o| o.id.as_str()),
        ))
    }

    /// A fresh criterion id derived from `name`, unique in this session.
    pub fn new_criterion_id(&self, name: &str) -> CriterionId {
        CriterionId(unique_slug(
            name,
            self.criteria.iter().map(|c| c.id.as_str()),
        ))
    }

    /// Adds an option with a fresh id and returns that id.
    pub fn add_option(&mut self, title: &str, lens: Lens) -> OptionId {
        let id = self.new_option_id(title);
        self.options
            .push(SolutionOption::new(id.as_str(), title, lens));
        id
    }

    /// The lenses no option uses yet, in menu order.
    pub fn missing_lenses(&self) -> Vec<Lens> {
        Lens::BUILT_IN
            .into_iter()
            .filter(|lens| !self.options.iter().any(|o| &o.lens == lens))
            .collect()
    }

    /// The open round while its scores are still hidden.
    pub fn hidden_round(&self) -> Option<&ScoringRound> {
        self.round.as_ref().filter(|r| r.is_scoring())
    }

    /// The number the next scoring round gets: one more than any round logged or open.
    pub fn next_round_number(&self) -> u32 {
        let logged = self.log.iter().filter_map(|e| match &e.event {
            LogEvent::RoundStarted { number, .. } => Some(*number),
            _ => None,
        });
        let open = self.round.iter().map(|r| r.number);
        logged.chain(open).max().unwrap_or(0) + 1
    }

    /// True when any kill criterion has tripped.
    pub fn any_kill_criterion_tripped(&self) -> bool {
        self.kill_criteria.iter().any(|k| k.tripped)
    }

    /// When the outcome last changed: the date of the decision as it stands, from the log.
    pub fn decided_on(&self) -> Option<NaiveDate> {
        self.log
            .iter()
            .filter(|e| matches!(e.event, LogEvent::OutcomeChanged { .. }))
            .map(|e| e.at.date_naive())
            .next_back()
    }

    /// Sets the outcome and, if it changed, logs the change at `at`. Returns whether it changed.
    pub fn set_outcome(&mut self, outcome: Outcome, at: DateTime<Utc>) -> bool {
        if self.outcome == outcome {
            return false;
        }
        self.outcome = outcome.clone();
        self.log.push(LogEntry {
            at,
            event: LogEvent::OutcomeChanged { to: outcome },
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_new_session_has_the_default_criteria_and_questions() {
        let s = Session::new("make checkout faster");
        let ids: Vec<_> = s.criteria.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["impact", "cost", "trust-risk"]);
        assert!(s.framing.questions.len() >= 4);
        assert_eq!(s.missing_lenses().len(), 7);
    }

    #[test]
    fn every_outcome_change_is_logged_once() {
        let mut s = Session::new("x");
        let t = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let killed = Outcome::Killed {
            rationale: "not worth it".into(),
        };
        assert!(s.set_outcome(killed.clone(), t));
        assert!(!s.set_outcome(killed, t));
        assert_eq!(s.log.len(), 1);
        assert_eq!(s.log[0].at, t);
    }

    #[test]
    fn added_options_get_unique_ids() {
        let mut s = Session::new("x");
        let a = s.add_option("Buy a CDN", Lens::Buy);
        let b = s.add_option("Buy a CDN", Lens::Buy);
        assert_eq!(a.as_str(), "buy-a-cdn");
        assert_eq!(b.as_str(), "buy-a-cdn-2");
        assert_eq!(s.missing_lenses().len(), 6);
    }
}
