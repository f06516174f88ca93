//! Swing weighting: weights from how much each criterion's swing from worst to best matters.
//!
//! People first order the criteria by how much they would value moving an option from the
//! worst to the best level of each; the top swing is worth 100 and every other swing is
//! rated 0–100 against it. The weights are the ratings divided by their sum. Unlike typed
//! weights, the question asked is about the ranges on the scales, which is what a weighted
//! sum of normalised scores actually trades off. See `docs/WEIGHTS.md`.

use crate::model::{Criterion, Direction};

/// The worst and best level of a criterion, in numbers and, where the scale describes
/// them, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Swing {
    /// The worst value: the scale's low end for a benefit, its high end for a cost.
    pub worst: f64,
    /// The best value.
    pub best: f64,
    /// What the worst level means, when the scale describes it.
    pub worst_meaning: Option<String>,
    /// What the best level means, when the scale describes it.
    pub best_meaning: Option<String>,
}

impl Swing {
    /// The swing of `criterion` from its worst to its best level.
    pub fn of(criterion: &Criterion) -> Self {
        let scale = &criterion.scale;
        let (worst, best) = match criterion.direction {
            Direction::Benefit => (scale.lo, scale.hi),
            Direction::Cost => (scale.hi, scale.lo),
        };
        // Only a level described at exactly that value speaks for it.
        let meaning = |value: f64| {
            scale
                .levels
                .iter()
                .find(|level| level.value == value)
                .map(|level| level.meaning.clone())
        };
        Self {
            worst,
            best,
            worst_meaning: meaning(worst),
            best_meaning: meaning(best),
        }
    }

    /// "5 (A multi-quarter programme) → 1 (Days of one person's time)", with the unit
    /// after bare numbers.
    pub fn describe(&self, unit: &str) -> String {
        let (worst, best) = self.ends(unit);
        format!("{worst} → {best}")
    }

    /// The worst and the best end in words, e.g. `("5 (A multi-quarter programme)", "1
    /// (Days of one person's time)")`, each number followed by `unit` when it has one.
    pub fn ends(&self, unit: &str) -> (String, String) {
        let end = |value: f64, meaning: &Option<String>| {
            let number = if unit.trim().is_empty() {
                format!("{value}")
            } else {
                format!("{value} {}", unit.trim())
            };
            match meaning {
                Some(words) => format!("{number} ({words})"),
                None => number,
            }
        };
        (
            end(self.worst, &self.worst_meaning),
            end(self.best, &self.best_meaning),
        )
    }
}

/// Why a set of swing ratings gives no weights.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SwingError {
    /// There is nothing to weigh.
    #[error("there are no criteria to weigh")]
    Empty,
    /// A rating is not a number from 0 to 100.
    #[error("swing {position}: rating {value} must be a number from 0 to 100")]
    OutOfRange {
        /// 1-based position in the list.
        position: usize,
        /// The rating given.
        value: f64,
    },
    /// Every rating is 0, so no swing matters more than another.
    #[error("every swing is rated 0: rate the swing that matters most 100")]
    AllZero,
}

/// Weights summing to 1 from swing ratings on 0–100, one per criterion in the same order.
///
/// # Errors
/// When there are no ratings, a rating is outside 0–100 or not finite, or all are 0.
///
/// # Example
/// ```
/// use verdict::analysis::swing::swing_weights;
/// let w = swing_weights(&[100.0, 60.0, 40.0]).unwrap();
/// assert_eq!(w, [0.5, 0.3, 0.2]);
/// ```
pub fn swing_weights(ratings: &[f64]) -> Result<Vec<f64>, SwingError> {
    if ratings.is_empty() {
        return Err(SwingError::Empty);
    }
    if let Some((idx, &value)) = ratings
        .iter()
        .enumerate()
        .find(|(_, v)| !(0.0..=100.0).contains(*v))
    {
        return Err(SwingError::OutOfRange {
            position: idx + 1,
            value,
        });
    }
    let sum: f64 = ratings.iter().sum();
    if sum <= 0.0 {
        return Err(SwingError::AllZero);
    }
    Ok(ratings.iter().map(|r| r / sum).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Session;

    #[test]
    fn ratings_are_normalised_to_weights_that_sum_to_one() {
        let w = swing_weights(&[100.0, 50.0, 0.0, 50.0]).unwrap();
        assert_eq!(w, [0.5, 0.25, 0.0, 0.25]);
    }

    #[test]
    fn ratings_outside_0_to_100_or_all_zero_give_no_weights() {
        assert_eq!(
            swing_weights(&[100.0, 120.0]),
            Err(SwingError::OutOfRange {
                position: 2,
                value: 120.0
            })
        );
        assert!(matches!(
            swing_weights(&[f64::NAN]),
            Err(SwingError::OutOfRange { position: 1, .. })
        ));
        assert_eq!(swing_weights(&[0.0, 0.0]), Err(SwingError::AllZero));
        assert_eq!(swing_weights(&[]), Err(SwingError::Empty));
    }

    #[test]
    fn a_cost_swings_from_its_high_end_to_its_low_end_in_words() {
        let s = Session::new("x");
        let cost = Swing::of(&s.criteria[1]);
        assert_eq!((cost.worst, cost.best), (5.0, 1.0));
        assert_eq!(
            cost.describe(""),
            "5 (A multi-quarter programme) → 1 (Days of one person's time)"
        );
        let impact = Swing::of(&s.criteria[0]);
        assert_eq!((impact.worst, impact.best), (1.0, 5.0));
    }

    #[test]
    fn an_undescribed_end_is_shown_as_a_number_with_its_unit() {
        let mut c = Criterion::new("savings", "Savings", 1.0, Direction::Benefit);
        c.scale.lo = 0.0;
        c.scale.hi = 500.0;
        assert_eq!(
            Swing::of(&c).describe("k$ / year"),
            "0 k$ / year → 500 k$ / year"
        );
    }
}
