//! Semantic checks of a parsed session, each problem named by its document path.
//!
//! Parsing proves the file has the right shape; these checks prove it makes sense:
//! unique valid ids, finite numbers, scores inside their scales and ranges in order.

use super::criterion::Criterion;
use super::ids::is_valid_slug;
use super::outcome::{LogEvent, Outcome};
use super::session::{FORMAT_VERSION, Session};
use std::collections::HashSet;
use std::fmt;

/// One semantic problem, located by its path in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationIssue {
    /// Where, e.g. `options[2].scores.cost`.
    pub path: String,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every semantic problem in `session`, in document order; empty when it is valid.
pub fn validate(session: &Session) -> Vec<ValidationIssue> {
    let mut issues = Issues::default();
    if session.format == 0 || session.format > FORMAT_VERSION {
        issues.push(
            "format".into(),
            format!(
                "format {} is not one this program reads (it reads 1 to {FORMAT_VERSION})",
                session.format
            ),
        );
    }
    check_criteria(session, &mut issues);
    check_options(session, &mut issues);
    check_framing(session, &mut issues);
    check_outcome(session, &mut issues);
    check_raters(session, &mut issues);
    check_stakes(session, &mut issues);
    check_round(session, &mut issues);
    issues.0
}

#[derive(Default)]
struct Issues(Vec<ValidationIssue>);

impl Issues {
    fn push(&mut self, path: String, message: String) {
        self.0.push(ValidationIssue { path, message });
    }

    fn finite(&mut self, path: impl FnOnce() -> String, value: f64) -> bool {
        if value.is_finite() {
            true
        } else {
            self.push(path(), format!("{value} is not a finite number"));
            false
        }
    }
}

fn check_id(issues: &mut Issues, path: String, id: &str, seen: &mut HashSet<String>) {
    if !is_valid_slug(id) {
        issues.push(
            path,
            format!("id {id:?} must be lowercase letters, digits and single hyphens (at most 64)"),
        );
    } else if !seen.insert(id.to_owned()) {
        issues.push(path, format!("id {id:?} is used twice; ids must be unique"));
    }
}

fn check_criteria(session: &Session, issues: &mut Issues) {
    let mut seen = HashSet::new();
    for (c_idx, c) in session.criteria.iter().enumerate() {
        let at = |field: &str| format!("criteria[{c_idx}].{field}");
        check_id(issues, at("id"), c.id.as_str(), &mut seen);
        if issues.finite(|| at("weight"), c.weight) && c.weight < 0.0 {
            issues.push(
                at("weight"),
                format!("weight {} is negative; use 0 or more", c.weight),
            );
        }
        let lo_ok = issues.finite(|| at("scale.lo"), c.scale.lo);
        let hi_ok = issues.finite(|| at("scale.hi"), c.scale.hi);
        if lo_ok && hi_ok && c.scale.lo >= c.scale.hi {
            issues.push(
                at("scale"),
                format!(
                    "scale {}..{} is empty: lo must be below hi",
                    c.scale.lo, c.scale.hi
                ),
            );
        }
        for (l_idx, level) in c.scale.levels.iter().enumerate() {
            let path = || format!("criteria[{c_idx}].scale.levels[{l_idx}].value");
            if issues.finite(path, level.value) && !c.scale.contains(level.value) {
                issues.push(
                    path(),
                    format!("level {} is outside the scale", level.value),
                );
            }
        }
        if let Some(veto) = c.veto {
            issues.finite(|| at("veto"), veto);
        }
    }
}

fn check_options(session: &Session, issues: &mut Issues) {
    let mut seen = HashSet::new();
    for (o_idx, option) in session.options.iter().enumerate() {
        check_id(
            issues,
            format!("options[{o_idx}].id"),
            option.id.as_str(),
            &mut seen,
        );
        for (criterion_id, score) in &option.scores {
            let path = format!("options[{o_idx}].scores.{criterion_id}");
            match session.criterion(criterion_id) {
                None => issues.push(
                    path,
                    format!("score for unknown criterion {:?}", criterion_id.as_str()),
                ),
                Some(criterion) => check_score(issues, &path, criterion, score),
            }
        }
        if let Some(effort) = &option.effort {
            check_effort(issues, &format!("options[{o_idx}].effort"), effort);
        }
        if let Some(weeks) = option.first_result_weeks {
            let path = || format!("options[{o_idx}].first_result_weeks");
            if issues.finite(path, weeks) && weeks < 0.0 {
                issues.push(
                    path(),
                    format!("{weeks} weeks is negative; the time to a first result is 0 or more"),
                );
            }
        }
        check_expected_results(session, o_idx, issues);
    }
}

fn check_expected_results(session: &Session, o_idx: usize, issues: &mut Issues) {
    let metrics = &session.framing.success_metrics;
    let mut seen = HashSet::new();
    for (e_idx, expected) in session.options[o_idx].expected_results.iter().enumerate() {
        let at = |field: &str| format!("options[{o_idx}].expected_results[{e_idx}].{field}");
        if !metrics.contains(&expected.metric) {
            issues.push(
                at("metric"),
                format!(
                    "{:?} is not one of the success metrics; use a metric's exact text from \
                     framing.success_metrics",
                    expected.metric
                ),
            );
        } else if !seen.insert(expected.metric.as_str()) {
            issues.push(
                at("metric"),
                format!(
                    "{:?} has a second expected result; keep one per metric",
                    expected.metric
                ),
            );
        }
        if let Some(value) = expected.value {
            issues.finite(|| at("value"), value);
        }
    }
}

fn check_effort(issues: &mut Issues, path: &str, effort: &super::Effort) {
    let mut ok = true;
    for (name, value) in [
        ("likely", Some(effort.likely)),
        ("low", effort.low),
        ("high", effort.high),
    ] {
        let Some(value) = value else { continue };
        let field = || format!("{path}.{name}");
        if !issues.finite(field, value) {
            ok = false;
        } else if value < 0.0 {
            ok = false;
            issues.push(
                field(),
                format!("{value} person-weeks is negative; effort is 0 or more"),
            );
        }
    }
    if ok && !(effort.low_or_likely() <= effort.likely && effort.likely <= effort.high_or_likely())
    {
        issues.push(
            path.to_owned(),
            format!(
                "range out of order: need low ≤ likely ≤ high, got {} / {} / {}",
                effort.low_or_likely(),
                effort.likely,
                effort.high_or_likely()
            ),
        );
    }
}

/// The largest stakes accepted, in the portfolio's value unit: a trillion leaves room for
/// any real business case while keeping portfolio sums exact (they are counted in
/// thousandths of the unit, in 64-bit integers).
pub const MAX_STAKES: f64 = 1e12;

fn check_stakes(session: &Session, issues: &mut Issues) {
    let Some(stakes) = session.stakes else {
        return;
    };
    if issues.finite(|| "stakes".to_owned(), stakes) && !(0.0..=MAX_STAKES).contains(&stakes) {
        issues.push(
            "stakes".into(),
            format!("stakes {stakes} must be 0 or more and at most {MAX_STAKES:e}"),
        );
    }
}

fn check_score(issues: &mut Issues, path: &str, criterion: &Criterion, score: &super::Score) {
    let mut ok = true;
    for (name, value) in [
        ("likely", Some(score.likely)),
        ("low", score.low),
        ("high", score.high),
    ] {
        let Some(value) = value else { continue };
        let field = || format!("{path}.{name}");
        if !issues.finite(field, value) {
            ok = false;
        } else if !criterion.scale.contains(value) {
            ok = false;
            issues.push(
                field(),
                format!(
                    "{value} is outside the scale {}..{} of {:?}",
                    criterion.scale.lo, criterion.scale.hi, criterion.name
                ),
            );
        }
    }
    if ok && !(score.low_or_likely() <= score.likely && score.likely <= score.high_or_likely()) {
        issues.push(
            path.to_owned(),
            format!(
                "range out of order: need low ≤ likely ≤ high, got {} / {} / {}",
                score.low_or_likely(),
                score.likely,
                score.high_or_likely()
            ),
        );
    }
}

fn check_framing(session: &Session, issues: &mut Issues) {
    for (a_idx, a) in session.framing.assumptions.iter().enumerate() {
        let path = || format!("framing.assumptions[{a_idx}].confidence");
        if issues.finite(path, a.confidence) && !(0.0..=100.0).contains(&a.confidence) {
            issues.push(
                path(),
                format!("confidence {} must be 0 to 100 (percent)", a.confidence),
            );
        }
    }
}

fn check_outcome(session: &Session, issues: &mut Issues) {
    if let Outcome::Chosen { option, .. } = &session.outcome
        && session.option(option).is_none()
    {
        issues.push(
            "outcome.option".into(),
            format!(
                "chosen option {:?} is not in the options list",
                option.as_str()
            ),
        );
    }
    for (e_idx, entry) in session.log.iter().enumerate() {
        if let LogEvent::WeightChanged { from, to, .. } = &entry.event {
            issues.finite(|| format!("log[{e_idx}].event.from"), *from);
            issues.finite(|| format!("log[{e_idx}].event.to"), *to);
        }
        if let LogEvent::WeightsSet { method, weights } = &entry.event {
            if let super::outcome::WeightMethod::Pairwise { consistency_ratio } = method {
                issues.finite(
                    || format!("log[{e_idx}].event.method.consistency_ratio"),
                    *consistency_ratio,
                );
            }
            for (w_idx, (_, weight)) in weights.iter().enumerate() {
                issues.finite(|| format!("log[{e_idx}].event.weights[{w_idx}]"), *weight);
            }
        }
    }
}

fn check_raters(session: &Session, issues: &mut Issues) {
    let mut seen = HashSet::new();
    for (r_idx, rater) in session.raters.iter().enumerate() {
        check_id(
            issues,
            format!("raters[{r_idx}].id"),
            rater.id.as_str(),
            &mut seen,
        );
    }
    for (o_idx, option) in session.options.iter().enumerate() {
        for (rater, scores) in &option.rater_scores {
            let at = format!("options[{o_idx}].rater_scores.{rater}");
            if session.rater(rater).is_none() {
                issues.push(
                    at.clone(),
                    format!(
                        "scores by unknown rater {:?}; add them to `raters` or remove these scores",
                        rater.as_str()
                    ),
                );
            }
            for (criterion_id, score) in scores {
                let path = format!("{at}.{criterion_id}");
                match session.criterion(criterion_id) {
                    None => issues.push(
                        path,
                        format!("score for unknown criterion {:?}", criterion_id.as_str()),
                    ),
                    Some(criterion) => check_score(issues, &path, criterion, score),
                }
            }
        }
    }
}

fn check_round(session: &Session, issues: &mut Issues) {
    let Some(round) = &session.round else { return };
    let unknown_rater = |issues: &mut Issues, path: String, rater: &super::RaterId| {
        if session.rater(rater).is_none() {
            issues.push(
                path,
                format!(
                    "unknown rater {:?}; add them to `raters` or remove them from the round",
                    rater.as_str()
                ),
            );
        }
    };
    for (idx, cell) in round.cells.iter().enumerate() {
        if session.option(&cell.option).is_none() {
            issues.push(
                format!("round.cells[{idx}].option"),
                format!("there is no option with id {:?}", cell.option.as_str()),
            );
        }
        if session.criterion(&cell.criterion).is_none() {
            issues.push(
                format!("round.cells[{idx}].criterion"),
                format!(
                    "there is no criterion with id {:?}",
                    cell.criterion.as_str()
                ),
            );
        }
    }
    if let Some(rater) = &round.turn {
        unknown_rater(issues, "round.turn".into(), rater);
    }
    for (idx, rater) in round.finished.iter().enumerate() {
        unknown_rater(issues, format!("round.finished[{idx}]"), rater);
    }
    for (rater, by_option) in &round.scores {
        let at = format!("round.scores.{rater}");
        unknown_rater(issues, at.clone(), rater);
        for (option, by_criterion) in by_option {
            for (criterion_id, value) in by_criterion {
                let path = format!("{at}.{option}.{criterion_id}");
                if !round.contains(option, criterion_id) {
                    issues.push(
                        path,
                        "a score for a cell this round does not ask for".into(),
                    );
                    continue;
                }
                let Some(criterion) = session.criterion(criterion_id) else {
                    continue;
                };
                if issues.finite(|| path.clone(), *value) && !criterion.scale.contains(*value) {
                    issues.push(
                        path,
                        format!(
                            "{value} is outside the scale {}..{} of {:?}",
                            criterion.scale.lo, criterion.scale.hi, criterion.name
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, Effort, Lens, Score, SolutionOption};

    fn paths(session: &Session) -> Vec<String> {
        validate(session).into_iter().map(|i| i.path).collect()
    }

    #[test]
    fn a_new_session_is_valid() {
        assert!(validate(&Session::new("x")).is_empty());
    }

    #[test]
    fn bad_numbers_are_named_by_their_path() {
        let mut s = Session::new("x");
        s.criteria[0].weight = f64::NAN;
        s.criteria[1].weight = -1.0;
        s.options
            .push(SolutionOption::new("a", "A", Lens::Buy).with_score("cost", 9.0));
        s.options
            .push(SolutionOption::new("b", "B", Lens::Buy).with_score("nope", 3.0));
        let mut ranged = Score::point(2.0);
        ranged.low = Some(3.0);
        s.options[1]
            .scores
            .insert(CriterionId::new("impact"), ranged);
        assert_eq!(
            paths(&s),
            [
                "criteria[0].weight",
                "criteria[1].weight",
                "options[0].scores.cost.likely",
                "options[1].scores.impact",
                "options[1].scores.nope",
            ]
        );
    }

    #[test]
    fn effort_must_be_finite_not_negative_and_in_order() {
        let mut s = Session::new("x");
        for (id, effort) in [
            (
                "ok",
                Effort {
                    likely: 4.0,
                    low: Some(3.0),
                    high: Some(8.0),
                },
            ),
            ("negative", Effort::weeks(-1.0)),
            (
                "nan-high",
                Effort {
                    likely: 2.0,
                    low: None,
                    high: Some(f64::NAN),
                },
            ),
            (
                "reversed",
                Effort {
                    likely: 2.0,
                    low: Some(5.0),
                    high: None,
                },
            ),
        ] {
            let mut option = SolutionOption::new(id, id, Lens::Buy);
            option.effort = Some(effort);
            s.options.push(option);
        }
        assert_eq!(
            paths(&s),
            [
                "options[1].effort.likely",
                "options[2].effort.high",
                "options[3].effort",
            ]
        );
    }

    #[test]
    fn stakes_must_be_finite_and_not_negative() {
        let mut s = Session::new("x");
        s.stakes = Some(250.0);
        assert!(paths(&s).is_empty());
        for bad in [-1.0, f64::INFINITY, 2e12] {
            s.stakes = Some(bad);
            assert_eq!(paths(&s), ["stakes"], "{bad}");
        }
    }

    #[test]
    fn rater_scores_are_checked_like_scores_and_must_name_a_rater() {
        let mut s = Session::new("x");
        s.raters.push(crate::model::Rater::new("ana", "Ana"));
        s.raters.push(crate::model::Rater::new("ana", "Ana again"));
        let mut option = SolutionOption::new("a", "A", Lens::Buy);
        for (rater, criterion, value) in [("ana", "cost", 9.0), ("bo", "impact", 3.0)] {
            option
                .rater_scores
                .entry(crate::model::RaterId::new(rater))
                .or_default()
                .insert(CriterionId::new(criterion), Score::point(value));
        }
        s.options.push(option);
        assert_eq!(
            paths(&s),
            [
                "raters[1].id",
                "options[0].rater_scores.ana.cost.likely",
                "options[0].rater_scores.bo",
            ]
        );
    }

    #[test]
    fn duplicate_and_malformed_ids_are_reported() {
        let mut s = Session::new("x");
        s.options.push(SolutionOption::new("a", "A", Lens::Buy));
        s.options
            .push(SolutionOption::new("a", "A again", Lens::Buy));
        s.options
            .push(SolutionOption::new("Not A Slug", "C", Lens::Buy));
        assert_eq!(paths(&s), ["options[1].id", "options[2].id"]);
    }

    #[test]
    fn expected_results_must_name_a_success_metric_once_with_a_finite_value() {
        let mut s = Session::new("x");
        s.framing
            .success_metrics
            .push("Minutes lost per match".into());
        let mut option = SolutionOption::new("a", "A", Lens::Buy);
        option.first_result_weeks = Some(-2.0);
        option.expected_results = vec![
            crate::model::ExpectedResult {
                value: Some(f64::INFINITY),
                ..crate::model::ExpectedResult::on("Minutes lost per match")
            },
            crate::model::ExpectedResult::on("Minutes lost per match"),
            crate::model::ExpectedResult::on("Minutes lost"),
        ];
        s.options.push(option);
        assert_eq!(
            paths(&s),
            [
                "options[0].first_result_weeks",
                "options[0].expected_results[0].value",
                "options[0].expected_results[1].metric",
                "options[0].expected_results[2].metric",
            ]
        );
    }
}
