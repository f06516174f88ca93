//! Applying the edits of an option's details and of what follows the decision: owners,
//! effort, expected results, next steps, review date, reversibility, people, memo prose and
//! reviews. Called only by [`super::edit::apply`].

use super::edit::{Edit, EditError, OptionText, item_mut, option_mut, remove_at};
use crate::model::{NextStep, Session};
use chrono::{DateTime, Utc};

/// Applies one of the edits listed in [`super::edit::apply`]'s dispatch to this module.
pub(super) fn apply(
    session: &mut Session,
    edit: Edit,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    match edit {
        Edit::SetOptionText(id, field, text) => {
            let option = option_mut(session, &id)?;
            *match field {
                OptionText::Owner => &mut option.owner,
                OptionText::StrongestCase => &mut option.strongest_case,
                OptionText::WrongIf => &mut option.wrong_if,
            } = text;
        }
        Edit::SetOptionEffort(id, effort) => {
            if let Some(e) = &effort {
                let values = [Some(e.likely), e.low, e.high];
                if values
                    .into_iter()
                    .flatten()
                    .any(|v| !v.is_finite() || v < 0.0)
                {
                    return Err(EditError::BadNumber(
                        "effort is a number of person-weeks, 0 or more".into(),
                    ));
                }
                if e.low_or_likely() > e.likely || e.likely > e.high_or_likely() {
                    return Err(EditError::BadNumber("need low ≤ likely ≤ high".into()));
                }
            }
            option_mut(session, &id)?.effort = effort;
        }
        Edit::SetFirstResult(id, weeks) => {
            if weeks.is_some_and(|w| !w.is_finite() || w < 0.0) {
                return Err(EditError::BadNumber(
                    "the time to a first result is a number of weeks, 0 or more".into(),
                ));
            }
            option_mut(session, &id)?.first_result_weeks = weeks;
        }
        Edit::SetExpectedResult(id, expected) => {
            if !session.framing.success_metrics.contains(&expected.metric) {
                return Err(EditError::BadNumber(format!(
                    "{:?} is not one of the success metrics",
                    expected.metric
                )));
            }
            if expected.value.is_some_and(|v| !v.is_finite()) {
                return Err(EditError::BadNumber(
                    "the expected value must be a finite number".into(),
                ));
            }
            let results = &mut option_mut(session, &id)?.expected_results;
            let at = results.iter().position(|e| e.metric == expected.metric);
            match (at, expected.is_blank()) {
                (Some(idx), true) => {
                    results.remove(idx);
                }
                (Some(idx), false) => results[idx] = expected,
                (None, true) => {}
                (None, false) => results.push(expected),
            }
        }
        Edit::AddNextStep => session.next_steps.push(NextStep::default()),
        Edit::SetNextStep(idx, step) => *item_mut(&mut session.next_steps, idx)? = step,
        Edit::RemoveNextStep(idx) => remove_at(&mut session.next_steps, idx)?,
        Edit::SetReviewDate(date) => session.review_date = date,
        Edit::SetReversibility(r) => session.reversibility = r,
        Edit::SetPeople(role, names) => {
            *session.people.get_mut(role) = names
                .into_iter()
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect();
        }
        Edit::SetMemoProse(section, text) => *session.memo.get_mut(section) = text,
        Edit::RecordReview {
            happened,
            decision,
            outcome,
        } => session.record_review(happened, decision, outcome, now),
        other => unreachable!("{other:?} is applied by edit::apply, not here"),
    }
    Ok(())
}

/// A success metric was renamed from `old` to `new`: expected results follow it, unless
/// another metric still reads `old`.
pub(super) fn rename_metric(session: &mut Session, old: &str, new: &str) {
    if old == new || session.framing.success_metrics.iter().any(|m| m == old) {
        return;
    }
    for option in &mut session.options {
        let clash = option.expected_results.iter().any(|e| e.metric == new);
        for expected in &mut option.expected_results {
            if expected.metric == old && !clash {
                expected.metric = new.to_owned();
            }
        }
        // Two metrics merged into one text: keep the expectation already on `new`.
        option.expected_results.retain(|e| e.metric != old);
    }
}

/// A success metric reading `old` was removed: expectations on it go too, unless another
/// metric still reads `old`.
pub(super) fn forget_metric(session: &mut Session, old: &str) {
    if session.framing.success_metrics.iter().any(|m| m == old) {
        return;
    }
    for option in &mut session.options {
        option.expected_results.retain(|e| e.metric != old);
    }
}

#[cfg(test)]
mod tests {
    use super::super::edit::{FramingList, apply};
    use super::*;
    use crate::model::{ExpectedResult, Lens, LogEvent, Outcome, Rating};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    fn session() -> Session {
        let mut s = Session::new("ask");
        s.framing.success_metrics = vec!["Minutes lost".into(), "Churn".into()];
        s.add_option("Buy a CDN", Lens::Buy);
        s
    }

    fn expect(s: &mut Session, metric: &str, result: &str) -> Result<(), EditError> {
        let id = s.options[0].id.clone();
        let expected = ExpectedResult {
            result: result.into(),
            ..ExpectedResult::on(metric)
        };
        apply(s, Edit::SetExpectedResult(id, expected), now())
    }

    #[test]
    fn an_expected_result_follows_its_metric_when_renamed_and_goes_when_removed() {
        let mut s = session();
        expect(&mut s, "Minutes lost", "half").unwrap();
        let rename = Edit::SetListItem(
            FramingList::SuccessMetrics,
            0,
            "Minutes lost per match".into(),
        );
        apply(&mut s, rename, now()).unwrap();
        assert_eq!(
            s.options[0].expected_results[0].metric,
            "Minutes lost per match"
        );
        apply(
            &mut s,
            Edit::RemoveListItem(FramingList::SuccessMetrics, 0),
            now(),
        )
        .unwrap();
        assert!(s.options[0].expected_results.is_empty());
        assert!(crate::model::validate(&s).is_empty());
    }

    #[test]
    fn a_blank_expected_result_removes_it_and_an_unknown_metric_is_refused() {
        let mut s = session();
        expect(&mut s, "Churn", "down 1 %").unwrap();
        expect(&mut s, "Churn", "down 2 %").unwrap();
        assert_eq!(s.options[0].expected_results.len(), 1);
        assert_eq!(s.options[0].expected_results[0].result, "down 2 %");
        expect(&mut s, "Churn", "  ").unwrap();
        assert!(s.options[0].expected_results.is_empty());
        assert!(expect(&mut s, "Revenue", "up").is_err());
    }

    #[test]
    fn effort_and_first_result_refuse_negative_or_disordered_numbers() {
        let mut s = session();
        let id = s.options[0].id.clone();
        let bad = crate::model::Effort {
            likely: 2.0,
            low: Some(3.0),
            high: None,
        };
        assert!(apply(&mut s, Edit::SetOptionEffort(id.clone(), Some(bad)), now()).is_err());
        assert!(apply(&mut s, Edit::SetFirstResult(id.clone(), Some(-1.0)), now()).is_err());
        apply(&mut s, Edit::SetFirstResult(id, Some(3.0)), now()).unwrap();
        assert_eq!(s.options[0].first_result_weeks, Some(3.0));
    }

    #[test]
    fn a_review_is_logged_with_the_expectation_written_at_decision_time() {
        let mut s = session();
        expect(&mut s, "Minutes lost", "half the target").unwrap();
        let option = s.options[0].id.clone();
        s.outcome = Outcome::Chosen {
            option,
            rationale: String::new(),
        };
        let review = Edit::RecordReview {
            happened: "a third of the target".into(),
            decision: Rating::Good,
            outcome: Rating::Mixed,
        };
        apply(&mut s, review, now()).unwrap();
        let entry = s.log.last().unwrap();
        assert_eq!(entry.at, now());
        assert!(matches!(
            &entry.event,
            LogEvent::Reviewed { expected, decision: Rating::Good, outcome: Rating::Mixed, .. }
                if expected == "Minutes lost: half the target"
        ));
    }

    #[test]
    fn people_are_trimmed_and_empty_names_dropped() {
        let mut s = session();
        let names = vec![" Dana ".into(), String::new(), "Ilan".into()];
        apply(
            &mut s,
            Edit::SetPeople(crate::model::Role::Consulted, names),
            now(),
        )
        .unwrap();
        assert_eq!(s.people.consulted, ["Dana", "Ilan"]);
    }
}
