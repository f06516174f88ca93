//! Looking at a decision again: when it is due, what was expected, and the two judgements a
//! review keeps apart — was it a good call with what we knew then, and did it turn out well.

use super::outcome::LogEntry;
use super::outcome::{LogEvent, Outcome};
use super::session::Session;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A judgement given at review, of the decision or of its outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    /// Good.
    Good,
    /// Partly good.
    Mixed,
    /// Poor.
    Poor,
}

impl Rating {
    /// All ratings, best first.
    pub const ALL: [Rating; 3] = [Rating::Good, Rating::Mixed, Rating::Poor];

    /// The word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Good => "good",
            Rating::Mixed => "mixed",
            Rating::Poor => "poor",
        }
    }
}

impl Session {
    /// Logs a review at `at`: what happened and the two judgements, with the expectation
    /// recorded at decision time (see [`expectation`]) copied in as it reads now.
    pub fn record_review(
        &mut self,
        happened: String,
        decision: Rating,
        outcome: Rating,
        at: DateTime<Utc>,
    ) {
        let expected = expectation(self);
        self.log.push(LogEntry {
            at,
            event: LogEvent::Reviewed {
                expected,
                happened,
                decision,
                outcome,
            },
        });
    }
}

/// Why a session is waiting to be looked at again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewDue {
    /// The review date, when it has passed and no review has been logged since.
    pub review_date: Option<NaiveDate>,
    /// Positions in `next_steps` of the steps past their due date and not done.
    pub overdue_steps: Vec<usize>,
}

/// Why `session` needs looking at on `today`, or `None` when nothing is due.
///
/// The review date is due from that day on until a review is logged on or after it; a next
/// step is overdue from the day after its due date until it is marked done.
pub fn review_due(session: &Session, today: NaiveDate) -> Option<ReviewDue> {
    let review_date = session
        .review_date
        .filter(|&date| date <= today && !reviewed_since(session, date));
    let overdue_steps: Vec<usize> = session
        .next_steps
        .iter()
        .enumerate()
        .filter(|(_, step)| step.is_overdue(today))
        .map(|(idx, _)| idx)
        .collect();
    (review_date.is_some() || !overdue_steps.is_empty()).then_some(ReviewDue {
        review_date,
        overdue_steps,
    })
}

fn reviewed_since(session: &Session, date: NaiveDate) -> bool {
    session
        .log
        .iter()
        .any(|e| matches!(e.event, LogEvent::Reviewed { .. }) && e.at.date_naive() >= date)
}

/// The expectation recorded at decision time, in one line: for a chosen option, its expected
/// result against each success metric; for a kill, the rationale; empty when none was written.
pub fn expectation(session: &Session) -> String {
    match &session.outcome {
        Outcome::Chosen { option, .. } => session
            .option(option)
            .map(|o| {
                o.expected_results
                    .iter()
                    .filter(|e| !e.is_blank())
                    .map(|e| {
                        let words = if e.result.trim().is_empty() {
                            e.value.map(|v| v.to_string()).unwrap_or_default()
                        } else {
                            e.result.trim().to_owned()
                        };
                        let metric = e.metric.trim().trim_end_matches('.');
                        format!("{metric}: {}", words.trim_end_matches('.'))
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        other => other.rationale().trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ExpectedResult, Lens, LogEntry, NextStep, SolutionOption};
    use chrono::{TimeZone, Utc};

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn reviewed_on(session: &mut Session, m: u32, d: u32) {
        session.log.push(LogEntry {
            at: Utc.with_ymd_and_hms(2026, m, d, 9, 0, 0).unwrap(),
            event: LogEvent::Reviewed {
                expected: String::new(),
                happened: "As hoped".into(),
                decision: Rating::Good,
                outcome: Rating::Good,
            },
        });
    }

    #[test]
    fn a_passed_review_date_is_due_until_a_review_is_logged_on_or_after_it() {
        let mut s = Session::new("x");
        s.review_date = Some(date(3, 1));
        assert_eq!(review_due(&s, date(2, 28)), None);
        assert_eq!(
            review_due(&s, date(3, 1)).and_then(|d| d.review_date),
            Some(date(3, 1))
        );
        reviewed_on(&mut s, 2, 20);
        assert!(
            review_due(&s, date(3, 5)).is_some(),
            "an earlier review does not count"
        );
        reviewed_on(&mut s, 3, 2);
        assert_eq!(review_due(&s, date(3, 5)), None);
    }

    #[test]
    fn overdue_next_steps_make_a_session_due_even_without_a_review_date() {
        let mut s = Session::new("x");
        s.next_steps.push(NextStep {
            text: "a".into(),
            due: Some(date(3, 1)),
            ..NextStep::default()
        });
        s.next_steps.push(NextStep {
            text: "b".into(),
            due: Some(date(1, 1)),
            done: true,
            ..NextStep::default()
        });
        let due = review_due(&s, date(3, 2)).unwrap();
        assert_eq!(due.review_date, None);
        assert_eq!(due.overdue_steps, [0]);
    }

    #[test]
    fn the_expectation_is_the_chosen_options_expected_results() {
        let mut s = Session::new("x");
        let mut o = SolutionOption::new("cdn", "CDN", Lens::Buy);
        o.expected_results.push(ExpectedResult {
            result: "half the target".into(),
            ..ExpectedResult::on("Minutes lost")
        });
        o.expected_results.push(ExpectedResult::on("Cost"));
        s.options.push(o);
        s.outcome = Outcome::Chosen {
            option: "cdn".into(),
            rationale: "cheap".into(),
        };
        assert_eq!(expectation(&s), "Minutes lost: half the target");
    }
}
