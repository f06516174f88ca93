//! Several raters: the aggregate the ranking uses, and where raters disagree most.
//!
//! How ranking uses raters: [`aggregated`] builds a copy of the session whose `scores`
//! hold, for every cell at least one rater scored, the raters' mean or median (as the
//! session chooses) as the likely value and the lowest low to the highest high as the range
//! — so disagreement becomes uncertainty in Monte Carlo. Cells no rater scored keep the
//! shared score. The fixed ranking rules then apply unchanged. A session without rater
//! scores is returned as it is, borrowed.

use crate::model::{Aggregation, CriterionId, OptionId, RaterId, Score, Session};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Cells whose raters differ by at least this fraction of the scale are worth discussing.
pub const DISCUSS_SPREAD: f64 = 0.25;
/// At most this many cells are listed under "discuss these first".
pub const DISCUSS_MAX: usize = 5;

/// How far raters agree on one cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CellSpread {
    /// The option.
    pub option: OptionId,
    /// The criterion.
    pub criterion: CriterionId,
    /// Each rater's likely score.
    pub ratings: BTreeMap<RaterId, f64>,
    /// Their mean or median.
    pub aggregate: f64,
    /// Lowest rating.
    pub min: f64,
    /// Highest rating.
    pub max: f64,
    /// `(max − min)` as a fraction of the criterion's scale, 0..1.
    pub spread: f64,
}

/// Agreement across all cells.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RaterSummary {
    /// How cells are aggregated.
    pub aggregation: Aggregation,
    /// The session's raters, in order.
    pub raters: Vec<RaterId>,
    /// Cells with more than one rating, largest disagreement first.
    pub cells: Vec<CellSpread>,
    /// The cells to discuss first: spread ≥ [`DISCUSS_SPREAD`], at most [`DISCUSS_MAX`].
    pub discuss_first: Vec<CellSpread>,
}

/// The mean or median of `values` (which must not be empty).
pub fn aggregate(aggregation: Aggregation, values: &[f64]) -> f64 {
    match aggregation {
        Aggregation::Mean => values.iter().sum::<f64>() / values.len().max(1) as f64,
        Aggregation::Median => {
            let mut sorted = values.to_vec();
            sorted.sort_by(f64::total_cmp);
            let mid = sorted.len() / 2;
            match sorted.len() {
                0 => 0.0,
                len if len % 2 == 1 => sorted[mid],
                _ => (sorted[mid - 1] + sorted[mid]) / 2.0,
            }
        }
    }
}

/// True when any option carries a rater's score.
pub fn has_rater_scores(session: &Session) -> bool {
    session.options.iter().any(|o| !o.rater_scores.is_empty())
}

/// The session the ranking should use: raters' scores aggregated into `scores`.
pub fn aggregated(session: &Session) -> Cow<'_, Session> {
    if !has_rater_scores(session) {
        return Cow::Borrowed(session);
    }
    let mut out = session.clone();
    for option in &mut out.options {
        let mut by_criterion: BTreeMap<CriterionId, Vec<(&RaterId, &Score)>> = BTreeMap::new();
        for (rater, scores) in &option.rater_scores {
            for (criterion, score) in scores {
                by_criterion
                    .entry(criterion.clone())
                    .or_default()
                    .push((rater, score));
            }
        }
        let mut merged = BTreeMap::new();
        for (criterion, ratings) in by_criterion {
            let likely: Vec<f64> = ratings.iter().map(|(_, s)| s.likely).collect();
            let centre = aggregate(session.aggregation, &likely);
            let low = ratings
                .iter()
                .map(|(_, s)| s.low_or_likely())
                .fold(f64::INFINITY, f64::min);
            let high = ratings
                .iter()
                .map(|(_, s)| s.high_or_likely())
                .fold(f64::NEG_INFINITY, f64::max);
            let rationale: Vec<String> = ratings
                .iter()
                .filter(|(_, s)| !s.rationale.is_empty())
                .map(|(rater, s)| format!("{}: {}", session.rater_name(rater), s.rationale))
                .collect();
            let mut score = Score::point(centre);
            score.low = (low < centre).then_some(low);
            score.high = (high > centre).then_some(high);
            score.rationale = rationale.join("\n");
            merged.insert(criterion, score);
        }
        option.scores.extend(merged);
    }
    Cow::Owned(out)
}

/// Agreement per cell; `None` when no option carries a rater's score.
pub fn rater_summary(session: &Session) -> Option<RaterSummary> {
    if !has_rater_scores(session) {
        return None;
    }
    let mut cells = Vec::new();
    for option in &session.options {
        for criterion in &session.criteria {
            let ratings: BTreeMap<RaterId, f64> = option
                .rater_scores
                .iter()
                .filter_map(|(rater, scores)| {
                    scores.get(&criterion.id).map(|s| (rater.clone(), s.likely))
                })
                .collect();
            if ratings.len() < 2 {
                continue;
            }
            let values: Vec<f64> = ratings.values().copied().collect();
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let span = criterion.scale.hi - criterion.scale.lo;
            cells.push(CellSpread {
                option: option.id.clone(),
                criterion: criterion.id.clone(),
                aggregate: aggregate(session.aggregation, &values),
                min,
                max,
                spread: if span > 0.0 { (max - min) / span } else { 0.0 },
                ratings,
            });
        }
    }
    // Stable sort: equal spreads stay in document order.
    cells.sort_by(|a, b| b.spread.total_cmp(&a.spread));
    let discuss_first = cells
        .iter()
        .filter(|c| c.spread >= DISCUSS_SPREAD)
        .take(DISCUSS_MAX)
        .cloned()
        .collect();
    Some(RaterSummary {
        aggregation: session.aggregation,
        raters: session.raters.iter().map(|r| r.id.clone()).collect(),
        cells,
        discuss_first,
    })
}

/// The cells to discuss first as `(option, criterion)` pairs, widest disagreement first;
/// empty without raters' scores. The app computes this once per document revision.
pub fn discuss_first_cells(session: &Session) -> Vec<(OptionId, CriterionId)> {
    rater_summary(session).map_or_else(Vec::new, |summary| {
        summary
            .discuss_first
            .into_iter()
            .map(|cell| (cell.option, cell.criterion))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, Rater, SolutionOption};

    fn rated(aggregation: Aggregation) -> Session {
        let mut s = Session::new("x");
        s.aggregation = aggregation;
        s.raters = vec![
            Rater::new("ana", "Ana"),
            Rater::new("bo", "Bo"),
            Rater::new("cy", "Cy"),
        ];
        let mut option = SolutionOption::new("cdn", "CDN", Lens::Buy)
            .with_score("cost", 2.0)
            .with_score("trust-risk", 2.0);
        for (rater, impact) in [("ana", 2.0), ("bo", 3.0), ("cy", 5.0)] {
            option
                .rater_scores
                .entry(RaterId::new(rater))
                .or_default()
                .insert(CriterionId::new("impact"), Score::point(impact));
        }
        s.options.push(option);
        s
    }

    #[test]
    fn the_aggregate_is_the_mean_or_median_with_the_raters_range() {
        let mean = aggregated(&rated(Aggregation::Mean)).into_owned();
        let impact = &mean.options[0].scores[&CriterionId::new("impact")];
        assert!((impact.likely - 10.0 / 3.0).abs() < 1e-12);
        assert_eq!((impact.low, impact.high), (Some(2.0), Some(5.0)));
        let median = aggregated(&rated(Aggregation::Median)).into_owned();
        assert_eq!(
            median.options[0].scores[&CriterionId::new("impact")].likely,
            3.0
        );
    }

    #[test]
    fn a_session_without_rater_scores_is_used_as_it_is() {
        let s = Session::new("x");
        assert!(matches!(aggregated(&s), Cow::Borrowed(_)));
        assert!(rater_summary(&s).is_none());
    }

    #[test]
    fn the_widest_disagreement_is_discussed_first() {
        let summary = rater_summary(&rated(Aggregation::Mean)).expect("has raters");
        assert_eq!(summary.discuss_first.len(), 1);
        assert_eq!(summary.discuss_first[0].spread, 0.75);
    }
}
