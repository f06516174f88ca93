//! A second method beside the weighted sum: classic TOPSIS.
//!
//! Each criterion's raw scores are divided by their Euclidean norm (vector normalisation),
//! multiplied by the criterion's share of the weights; the ideal takes the best value of
//! each column (highest for a benefit, lowest for a cost), the anti-ideal the worst. An
//! option's closeness is `D⁻ / (D⁺ + D⁻)`, its distance to the anti-ideal over the sum of
//! both distances: 1 is the ideal itself. When TOPSIS and the weighted sum pick different
//! winners, the choice depends on the method, which is worth saying out loud.

use super::matrix::DecisionMatrix;
use crate::model::{Direction, OptionId, Session};
use serde::Serialize;

/// One option's TOPSIS closeness.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopsisScore {
    /// The option.
    pub option: OptionId,
    /// Closeness to the ideal, 0..1.
    pub closeness: f64,
}

/// TOPSIS beside the weighted sum.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopsisCheck {
    /// Every contesting option, in document order.
    pub scores: Vec<TopsisScore>,
    /// The TOPSIS winner (first in document order on a tie).
    pub winner: OptionId,
    /// The weighted-sum winner.
    pub weighted_sum_winner: OptionId,
    /// True when both methods pick the same winner.
    pub agrees: bool,
}

/// Closeness of each row of `values` (`rows × benefit.len()`, row-major raw scores).
///
/// `weights` are relative (they are divided by their sum); `benefit[j]` says whether a higher
/// value is better on column `j`. A column of zeros contributes nothing; when every option
/// is both ideal and anti-ideal the closeness is 0.
pub fn closeness(values: &[f64], weights: &[f64], benefit: &[bool]) -> Vec<f64> {
    let n = benefit.len();
    if n == 0 {
        return Vec::new();
    }
    let rows = values.len() / n;
    let weight_sum: f64 = weights.iter().filter(|w| **w > 0.0).sum();
    let mut weighted = vec![0.0; values.len()];
    for j in 0..n {
        let w = if weight_sum > 0.0 {
            weights[j].max(0.0) / weight_sum
        } else {
            0.0
        };
        let norm = (0..rows)
            .map(|i| values[i * n + j].powi(2))
            .sum::<f64>()
            .sqrt();
        for i in 0..rows {
            weighted[i * n + j] = if norm > 0.0 {
                w * values[i * n + j] / norm
            } else {
                0.0
            };
        }
    }
    let weighted_ref = &weighted;
    let column = |j: usize| (0..rows).map(move |i| weighted_ref[i * n + j]);
    let (ideal, anti): (Vec<f64>, Vec<f64>) = (0..n)
        .map(|j| {
            let max = column(j).fold(f64::NEG_INFINITY, f64::max);
            let min = column(j).fold(f64::INFINITY, f64::min);
            if benefit[j] { (max, min) } else { (min, max) }
        })
        .unzip();
    (0..rows)
        .map(|i| {
            let row = &weighted[i * n..(i + 1) * n];
            let dist = |target: &[f64]| {
                row.iter()
                    .zip(target)
                    .map(|(v, t)| (v - t).powi(2))
                    .sum::<f64>()
                    .sqrt()
            };
            let (plus, minus) = (dist(&ideal), dist(&anti));
            if plus + minus > 0.0 {
                minus / (plus + minus)
            } else {
                0.0
            }
        })
        .collect()
}

/// TOPSIS on the contest, compared with the weighted sum; `None` with no contesting option.
pub fn topsis(session: &Session, matrix: &DecisionMatrix) -> Option<TopsisCheck> {
    let weighted_sum_winner = matrix.option_ids.get(*matrix.order().first()?)?.clone();
    let benefit: Vec<bool> = matrix
        .criterion_idx
        .iter()
        .map(|&c| session.criteria[c].direction == Direction::Benefit)
        .collect();
    let close = closeness(&matrix.raw, &matrix.weights, &benefit);
    let mut best = 0;
    for (i, c) in close.iter().enumerate() {
        if *c > close[best] + super::TIE_EPSILON {
            best = i;
        }
    }
    let winner = matrix.option_ids[best].clone();
    Some(TopsisCheck {
        scores: matrix
            .option_ids
            .iter()
            .zip(&close)
            .map(|(option, &closeness)| TopsisScore {
                option: option.clone(),
                closeness,
            })
            .collect(),
        agrees: winner == weighted_sum_winner,
        winner,
        weighted_sum_winner,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_worked_two_by_two_example_matches_exactly() {
        // Column norms 5 and 5 → normalised (0.6, 0.8) and (0.8, 0.6), halved by the
        // weights. Ideal (0.4, 0.4), anti-ideal (0.3, 0.3): each option is 0.1 from both,
        // so both closeness values are 0.5.
        let c = closeness(&[3.0, 4.0, 4.0, 3.0], &[1.0, 1.0], &[true, true]);
        assert!((c[0] - 0.5).abs() < 1e-12 && (c[1] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn a_dominating_option_is_the_ideal() {
        let c = closeness(&[5.0, 1.0, 2.0, 4.0], &[2.0, 1.0], &[true, false]);
        assert_eq!(c, [1.0, 0.0]);
    }
}
