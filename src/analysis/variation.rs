//! Whether a Monte Carlo run has anything to vary: without score ranges and with fixed
//! weights every sample is the same ranking, and "wins 100 %" would only repeat it.

use super::raters::aggregated;
use super::uncertainty::WeightMode;
use crate::model::Session;

/// True when no score the ranking uses has a range (after raters are aggregated, so
/// raters' disagreement counts as a range) and `weights` are fixed.
pub fn nothing_to_vary(session: &Session, weights: &WeightMode) -> bool {
    if !matches!(weights, WeightMode::Fixed) {
        return false;
    }
    let session = aggregated(session);
    !session.options.iter().any(|o| {
        o.scores
            .values()
            .any(|s| s.low_or_likely() < s.likely || s.high_or_likely() > s.likely)
    })
}

/// What to tell people instead of a Monte Carlo result that varied nothing.
pub const NOTHING_TO_VARY: &str = "Monte Carlo has nothing to vary: no score has a range \
    and the weights are fixed, so every sample ranks the options the same way. Give it \
    something to vary: enter low and high values for the scores you are unsure of (on the \
    Matrix, tick \"Ranges (low / likely / high)\"), or let the weights vary (\"Weights ±20 %\" \
    or \"Any weights\").";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, Score, SolutionOption};

    fn session() -> Session {
        let mut s = Session::new("x");
        s.options.push(
            SolutionOption::new("a", "A", Lens::Buy)
                .with_score("impact", 4.0)
                .with_score("cost", 2.0),
        );
        s
    }

    #[test]
    fn point_scores_with_fixed_weights_leave_nothing_to_vary() {
        assert!(nothing_to_vary(&session(), &WeightMode::Fixed));
        assert!(!nothing_to_vary(&session(), &WeightMode::Simplex));
        assert!(!nothing_to_vary(
            &session(),
            &WeightMode::Jitter { percent: 20.0 }
        ));
    }

    #[test]
    fn one_score_range_gives_it_something_to_vary() {
        let mut s = session();
        let mut score = Score::point(2.0);
        score.high = Some(3.0);
        s.options[0]
            .scores
            .insert(crate::model::CriterionId::new("cost"), score);
        assert!(!nothing_to_vary(&s, &WeightMode::Fixed));
    }
}
