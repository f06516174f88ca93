//! What every export says, computed once: the ranking, the recommendation, the status line,
//! and plain-word readings of scores. Formats only decide how to write it down.

use crate::analysis::robustness::RobustnessReport;
use crate::analysis::verdict::Verdict as RobustnessVerdict;
use crate::analysis::{self, Ranking, Recommendation};
use crate::model::{
    Criterion, CriterionId, Direction, LogEvent, NextStep, OptionId, Outcome, Session,
    SolutionOption,
};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// How an option does on one criterion, for pros and cons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Judgement {
    /// In the best part of the scale.
    Good,
    /// In the middle of the scale.
    Neutral,
    /// In the worst part of the scale.
    Bad,
}

impl Judgement {
    /// The MADR word for it.
    pub(super) fn word(self) -> &'static str {
        match self {
            Judgement::Good => "Good",
            Judgement::Neutral => "Neutral",
            Judgement::Bad => "Bad",
        }
    }
}

/// The computed results an export shows next to the document.
pub(super) struct Summary<'a> {
    /// The document.
    pub session: &'a Session,
    /// The ranking of every option.
    pub ranking: Ranking,
    /// The advice.
    pub recommendation: Recommendation,
    /// How robust the winner is: the verdict `verdict analyze` gives with its defaults.
    pub robustness: RobustnessVerdict,
    /// The whole robustness report the verdict was drawn from.
    pub report: RobustnessReport,
    /// The date the export is made.
    pub today: NaiveDate,
}

impl<'a> Summary<'a> {
    /// Computes the results for `session`, with the robustness verdict drawn by
    /// [`standard_report`].
    pub(super) fn new(session: &'a Session, today: NaiveDate) -> Self {
        Self::with_report(session, today, standard_report(session))
    }

    /// The results with a robustness `report` the caller already holds, which must be
    /// [`standard_report`] of the same session (the window keeps one per analysed state, so
    /// typing memo prose does not draw 10,000 samples again).
    pub(super) fn with_report(
        session: &'a Session,
        today: NaiveDate,
        report: RobustnessReport,
    ) -> Self {
        let ranking = analysis::rank(session);
        let recommendation = analysis::recommend_from(session, &ranking);
        Self {
            session,
            ranking,
            recommendation,
            robustness: report.verdict.clone(),
            report,
            today,
        }
    }

    /// The leader's share of Monte Carlo samples won, when it was run.
    pub(super) fn p_best(&self) -> Option<f64> {
        let leader = self.report.leader.as_ref()?;
        Some(self.report.monte_carlo.as_ref()?.of(leader)?.p_best)
    }

    /// How the robustness was checked, in one sentence that names the Monte Carlo settings
    /// and the leader's P(best), e.g. "… 10,000 Monte Carlo samples (seed 1): “A” wins 83 %
    /// of them."
    pub(super) fn robustness_method(&self) -> String {
        let Some(mc) = &self.report.monte_carlo else {
            return "Checked with weight flip points, a TOPSIS cross-check and dominance; \
                    there was no option to simulate."
                .to_owned();
        };
        let mut text = format!(
            "Checked with weight flip points, a TOPSIS cross-check, dominance and {} Monte \
             Carlo samples (seed {}, the set weights), as verdict analyze does by default",
            thousands(mc.config.samples),
            mc.config.seed
        );
        if analysis::variation::nothing_to_vary(self.session, &mc.config.weights) {
            text.push_str(
                ", which had nothing to vary: no score has a range and the weights are fixed",
            );
        // The leader's share, unless the verdict line beside this one already says it.
        } else if let (Some(leader), Some(p)) = (&self.report.leader, self.p_best()) {
            let share = analysis::number::percent(p);
            if !self.robustness.line.contains(&format!("wins {share}")) {
                text.push_str(&format!(
                    ": “{}” wins {share} of them",
                    self.option_title(leader.as_str())
                ));
            }
        }
        text.push('.');
        text
    }

    /// The robustness reasons that the verdict line does not already say.
    pub(super) fn robustness_reasons(&self) -> Vec<String> {
        self.robustness
            .reasons
            .iter()
            .filter(|r| !self.robustness.line.contains(r.as_str()))
            .cloned()
            .collect()
    }

    /// The session title, or the directive when the title is empty.
    pub(super) fn title(&self) -> &str {
        let s = self.session;
        if !s.title.trim().is_empty() {
            &s.title
        } else if !s.directive.ask.trim().is_empty() {
            &s.directive.ask
        } else {
            "Untitled decision"
        }
    }

    /// The status in decision-record words, e.g. "accepted" or "deferred until 2026-03-01".
    pub(super) fn status(&self) -> String {
        match &self.session.outcome {
            Outcome::Undecided => "proposed".to_owned(),
            Outcome::Chosen { .. } => "accepted".to_owned(),
            Outcome::Killed { .. } => "rejected (project killed)".to_owned(),
            Outcome::Deferred { until, .. } => format!("deferred until {until}"),
            Outcome::Reframe { .. } => "sent back to be reframed".to_owned(),
        }
    }

    /// The record's date: the day the outcome last changed, or the export day when it never
    /// has.
    pub(super) fn record_date(&self) -> NaiveDate {
        self.session.decided_on().unwrap_or(self.today)
    }

    /// The title of the option with id `id`, or the id itself when there is none.
    pub(super) fn option_title(&self, id: &str) -> String {
        self.session.option_title(&OptionId::new(id)).to_owned()
    }

    /// The name of the criterion with id `id`, or the id itself when there is none.
    pub(super) fn criterion_name(&self, id: &str) -> String {
        self.session
            .criterion_name(&CriterionId::new(id))
            .to_owned()
    }

    /// Each criterion's share of the total weight in percent (0 when no weight is positive).
    pub(super) fn weight_share(&self, criterion: &Criterion) -> f64 {
        100.0 * self.session.weight_share(&criterion.id)
    }

    /// The flags of the option at `option_idx`: "vetoed", "unscored", both or none.
    pub(super) fn flags(&self, option_idx: usize) -> Vec<&'static str> {
        let mut flags = Vec::new();
        if let Some(row) = self.ranking.row_for(option_idx) {
            if row.is_vetoed() {
                flags.push("vetoed");
            }
            if !row.is_scored() {
                flags.push("unscored");
            }
        }
        flags
    }

    /// What the matrix shows when raters scored, e.g. "Scores are the mean of 2 raters where
    /// raters scored, as the ranking uses them; other cells hold the shared score."; `None`
    /// when nobody scored as a rater.
    pub(super) fn matrix_note(&self) -> Option<String> {
        let session = self.session;
        let raters: BTreeSet<_> = session
            .options
            .iter()
            .flat_map(|o| o.rater_scores.keys())
            .collect();
        if raters.is_empty() {
            return None;
        }
        let who = match raters.len() {
            1 => "1 rater".to_owned(),
            n => format!("{n} raters"),
        };
        let shared_only = session.options.iter().any(|o| {
            o.scores
                .keys()
                .any(|c| !o.rater_scores.values().any(|scores| scores.contains_key(c)))
        });
        let mut note = format!(
            "Scores are the {} of {who} where raters scored, as the ranking uses them",
            session.aggregation.label()
        );
        note.push_str(if shared_only {
            "; other cells hold the shared score."
        } else {
            "."
        });
        Some(note)
    }

    /// The plain warning that scores or weights changed after the outcome was last recorded,
    /// e.g. "Scores changed after this decision was recorded (1 change on 2026-11-30: …): the
    /// ranking below is today's."; `None` while undecided or when nothing changed since.
    ///
    /// The log holds accepted scoring rounds and weight changes; a score typed into the
    /// matrix outside a round is not logged, so it cannot be told here.
    pub(super) fn changed_after_decision(&self) -> Option<String> {
        let session = self.session;
        if session.outcome == Outcome::Undecided {
            return None;
        }
        let decided = session
            .log
            .iter()
            .rposition(|e| matches!(e.event, LogEvent::OutcomeChanged { .. }))?;
        let mut scores = false;
        let mut weights = false;
        let mut changes = Vec::new();
        let mut days = BTreeSet::new();
        for entry in &session.log[decided + 1..] {
            let what = match &entry.event {
                LogEvent::RoundAccepted { number, cells } => {
                    scores = true;
                    format!(
                        "scoring round {number} accepted for {cells} {}",
                        if *cells == 1 { "cell" } else { "cells" }
                    )
                }
                LogEvent::WeightChanged {
                    criterion,
                    from,
                    to,
                } => {
                    weights = true;
                    format!(
                        "weight of “{}” from {} to {}",
                        self.criterion_name(criterion.as_str()),
                        number(*from),
                        number(*to)
                    )
                }
                LogEvent::WeightsSet { method, .. } => {
                    weights = true;
                    format!("weights set again by {}", method.label())
                }
                _ => continue,
            };
            days.insert(entry.at.date_naive());
            changes.push(what);
        }
        let what = match (scores, weights) {
            (true, true) => "Scores and weights",
            (true, false) => "Scores",
            (false, true) => "Weights",
            (false, false) => return None,
        };
        let days: Vec<String> = days.iter().map(NaiveDate::to_string).collect();
        let count = match changes.len() {
            1 => "1 change".to_owned(),
            n => format!("{n} changes"),
        };
        Some(format!(
            "{what} changed after this decision was recorded ({count} on {}: {}): the ranking \
             below is today's, not the one the deciders saw.",
            days.join(" and "),
            changes.join("; ")
        ))
    }

    /// A log event in plain words, naming options and criteria by their titles.
    pub(super) fn describe(&self, event: &LogEvent) -> String {
        match event {
            LogEvent::OutcomeChanged { to } => {
                let what = match to {
                    Outcome::Undecided => "Outcome reset to undecided".to_owned(),
                    Outcome::Chosen { option, .. } => {
                        format!("Chose “{}”", self.option_title(option.as_str()))
                    }
                    Outcome::Killed { .. } => "Killed the project".to_owned(),
                    Outcome::Deferred { until, .. } => format!("Deferred until {until}"),
                    Outcome::Reframe { .. } => "Sent back to be reframed".to_owned(),
                };
                if to.rationale().trim().is_empty() {
                    what
                } else {
                    format!("{what}: {}", to.rationale())
                }
            }
            LogEvent::WeightChanged {
                criterion,
                from,
                to,
            } => format!(
                "Weight of “{}” changed from {from} to {to} after results were seen",
                self.criterion_name(criterion.as_str())
            ),
            LogEvent::WeightsSet { method, weights } => {
                let list: Vec<String> = weights
                    .iter()
                    .map(|(criterion, weight)| {
                        format!(
                            "“{}” {}",
                            self.criterion_name(criterion.as_str()),
                            number(*weight)
                        )
                    })
                    .collect();
                format!("Weights set by {}: {}", method.label(), list.join(", "))
            }
            LogEvent::Note { text } => text.clone(),
            LogEvent::RoundStarted { .. }
            | LogEvent::RoundRevealed { .. }
            | LogEvent::RoundAccepted { .. }
            | LogEvent::RoundCancelled { .. } => event.describe_in(self.session),
            LogEvent::Reviewed { .. } => event.describe(),
        }
    }
}

/// The robustness report every export states: exactly what `verdict analyze` reports for
/// the same session with its default settings (10,000 samples, seed 1). Exports draw the
/// analysis only here.
pub fn standard_report(session: &Session) -> RobustnessReport {
    analysis::robustness::standard(session)
}

/// How `option` does on `criterion`, or `None` when it has no score there.
pub(super) fn judge(criterion: &Criterion, option: &SolutionOption) -> Option<Judgement> {
    let score = option.score(&criterion.id)?;
    let n = analysis::normalised(criterion, score.likely);
    Some(if n >= 0.6 {
        Judgement::Good
    } else if n <= 0.4 {
        Judgement::Bad
    } else {
        Judgement::Neutral
    })
}

/// A count with thousands separated by commas, e.g. `10,000`.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A number without trailing zeros, e.g. `4`, `2.5`, `0.125`.
pub(super) fn number(value: f64) -> String {
    analysis::number::exact(value)
}

/// A number of weeks in words: "1 week", "2.5 weeks".
pub(super) fn weeks(value: f64) -> String {
    if value == 1.0 {
        "1 week".to_owned()
    } else {
        format!("{} weeks", number(value))
    }
}

/// A score as people read it: at most one decimal, trailing zeros dropped, e.g. `4`,
/// `1.3` for a mean of raters' 1, 1 and 2.
pub(super) fn score_number(value: f64) -> String {
    let text = analysis::number::fixed(value, 1);
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// A value on `criterion`'s scale as people read it, with the criterion's unit when it has
/// one: "220 k$ / year", "4". Every export writes a criterion's value through this.
pub(super) fn value_in_unit(criterion: &Criterion, value: f64) -> String {
    match criterion.unit.trim() {
        "" => score_number(value),
        unit => format!("{} {unit}", score_number(value)),
    }
}

/// One next step in words, e.g. "Open the fast lane — Jonas, by 2026-12-11", or with
/// "owner needed" when nobody has taken it; a step already done ends with "(done)".
pub(super) fn next_step_words(step: &NextStep) -> String {
    let mut text = step.text.trim().trim_end_matches(['.', ';']).to_owned();
    let owner = step.owner.trim();
    match (owner.is_empty(), step.due) {
        (false, Some(due)) => text.push_str(&format!(" — {owner}, by {due}")),
        (false, None) => text.push_str(&format!(" — {owner}")),
        (true, Some(due)) => text.push_str(&format!(" — by {due}, owner needed")),
        (true, None) => text.push_str(" — owner needed"),
    }
    if step.done {
        text.push_str(" (done)");
    }
    text
}

/// Every next step with text, in the order written, in [`next_step_words`].
pub(super) fn next_steps(session: &Session) -> Vec<String> {
    session
        .next_steps
        .iter()
        .filter(|step| !step.text.trim().is_empty())
        .map(next_step_words)
        .collect()
}

/// The session as the exports show it: where raters scored, their aggregate (what the
/// ranking uses), with every written rationale kept — the shared score's first, labelled,
/// then each rater's.
pub(super) fn scored(session: &Session) -> Cow<'_, Session> {
    let mut out = analysis::raters::aggregated(session);
    if matches!(out, Cow::Borrowed(_)) {
        return out;
    }
    let shown = out.to_mut();
    for (option, original) in shown.options.iter_mut().zip(&session.options) {
        for (criterion, shared) in &original.scores {
            let why = shared.rationale.trim();
            let Some(score) = option.scores.get_mut(criterion) else {
                continue;
            };
            let raters_scored = original
                .rater_scores
                .values()
                .any(|scores| scores.contains_key(criterion));
            if why.is_empty() || !raters_scored {
                continue;
            }
            let own = format!("Shared score {}: {why}", score_number(shared.likely));
            score.rationale = if score.rationale.trim().is_empty() {
                own
            } else {
                format!("{own}\n{}", score.rationale)
            };
        }
    }
    out
}

/// The criterion's direction and scale in a few words, e.g. "lower is better, 1–5".
pub(super) fn scale_words(criterion: &Criterion) -> String {
    let arrow = match criterion.direction {
        Direction::Benefit => "higher is better",
        Direction::Cost => "lower is better",
    };
    let unit = criterion.unit.trim();
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    format!(
        "{arrow}, {}–{}{unit}",
        number(criterion.scale.lo),
        number(criterion.scale.hi)
    )
}

/// `text` ending with a full stop, unless it already ends with one or another end mark.
pub(super) fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// `text` without surrounding space or a final full stop or semicolon, for use inside a
/// sentence: "Expected on 95 % of days (measured over 20 days): …", never "….:".
pub(super) fn clause(text: &str) -> String {
    text.trim().trim_end_matches(['.', ';']).trim().to_owned()
}

/// The described meaning of exactly this level of `criterion`'s scale, if there is one.
pub(super) fn exact_meaning(criterion: &Criterion, value: f64) -> Option<&str> {
    criterion
        .scale
        .levels
        .iter()
        .find(|level| (level.value - value).abs() < 1e-9)
        .map(|level| level.meaning.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, LogEntry, OptionId};
    use chrono::{TimeZone, Utc};

    fn logged(day: u32, event: LogEvent) -> LogEntry {
        LogEntry {
            at: Utc
                .with_ymd_and_hms(2026, 11, day, 12, 0, 0)
                .single()
                .expect("a valid time"),
            event,
        }
    }

    fn chosen() -> Outcome {
        Outcome::Chosen {
            option: OptionId::new("a"),
            rationale: String::new(),
        }
    }

    fn decided_then(later: Vec<LogEntry>) -> Session {
        let mut s = Session::new("x");
        s.outcome = chosen();
        s.log
            .push(logged(1, LogEvent::OutcomeChanged { to: chosen() }));
        s.log.extend(later);
        s
    }

    fn note(s: &Session) -> Option<String> {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("a valid date");
        Summary::new(s, today).changed_after_decision()
    }

    #[test]
    fn a_weight_changed_after_the_decision_is_named_with_its_day() {
        let s = decided_then(vec![logged(
            3,
            LogEvent::WeightChanged {
                criterion: CriterionId::new("cost"),
                from: 1.0,
                to: 2.5,
            },
        )]);
        assert_eq!(
            note(&s).as_deref(),
            Some(
                "Weights changed after this decision was recorded (1 change on 2026-11-03: \
                 weight of “Cost” from 1 to 2.5): the ranking below is today's, not the one \
                 the deciders saw."
            )
        );
    }

    #[test]
    fn rounds_and_weights_on_two_days_are_counted_together() {
        let s = decided_then(vec![
            logged(
                2,
                LogEvent::RoundAccepted {
                    number: 1,
                    cells: 1,
                },
            ),
            logged(4, LogEvent::Note { text: "n".into() }),
            logged(
                5,
                LogEvent::RoundAccepted {
                    number: 2,
                    cells: 3,
                },
            ),
        ]);
        let text = note(&s).expect("a note");
        assert!(
            text.starts_with(
                "Scores changed after this decision was recorded (2 changes on 2026-11-02 and \
                 2026-11-05: scoring round 1 accepted for 1 cell; scoring round 2 accepted for \
                 3 cells)"
            ),
            "{text}"
        );
    }

    #[test]
    fn nothing_is_noted_when_the_decision_came_after_the_changes_or_was_never_made() {
        let mut s = decided_then(Vec::new());
        s.log.insert(
            0,
            logged(
                1,
                LogEvent::RoundAccepted {
                    number: 1,
                    cells: 4,
                },
            ),
        );
        assert_eq!(note(&s), None);
        s.log.push(logged(
            2,
            LogEvent::RoundAccepted {
                number: 2,
                cells: 4,
            },
        ));
        assert!(note(&s).is_some());
        s.outcome = Outcome::Undecided;
        assert_eq!(note(&s), None);
    }

    #[test]
    fn a_next_step_says_who_when_and_whether_it_is_done() {
        let mut step = NextStep {
            text: "Sign the contract.".into(),
            owner: String::new(),
            due: NaiveDate::from_ymd_opt(2027, 1, 8),
            done: false,
        };
        assert_eq!(
            next_step_words(&step),
            "Sign the contract — by 2027-01-08, owner needed"
        );
        step.owner = "Jonas".into();
        step.done = true;
        assert_eq!(
            next_step_words(&step),
            "Sign the contract — Jonas, by 2027-01-08 (done)"
        );
    }

    #[test]
    fn a_value_carries_its_criterion_unit_when_there_is_one() {
        let mut c = Criterion::new("run", "Yearly run cost", 1.0, Direction::Cost);
        assert_eq!(value_in_unit(&c, 4.25), "4.3");
        c.unit = " k$ / year ".into();
        assert_eq!(value_in_unit(&c, 220.0), "220 k$ / year");
    }

    #[test]
    fn a_scale_is_described_in_its_unit() {
        let mut c = Criterion::new("savings", "Annual savings", 1.0, Direction::Benefit);
        assert_eq!(scale_words(&c), "higher is better, 1–5");
        c.scale.lo = 0.0;
        c.scale.hi = 500.0;
        c.unit = "k$ / year".into();
        assert_eq!(scale_words(&c), "higher is better, 0–500 k$ / year");
    }
}
