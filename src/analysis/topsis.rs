//! A second method beside the weighted sum: classic TOPSIS.
//!
//! Scores are first measured from their scale's lower bound (`s − lo`), so re-expressing a
//! scale (a −5..5 criterion written as 0..10, scores and bounds together) changes nothing,
//! as it changes nothing in the weighted sum; on a scale that starts at 0 this is the
//! textbook method unchanged. Then each criterion's values are divided by their Euclidean
//! norm (vector normalisation),
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
    /// The TOPSIS winner: when one of the weighted sum's top group ties for the highest
    /// closeness, that option; else the first in document order of those that do.
    pub winner: OptionId,
    /// The weighted-sum winner (the one TOPSIS also picks, when it is in the top group).
    pub weighted_sum_winner: OptionId,
    /// True when both methods pick the same winner.
    pub agrees: bool,
}

/// Closeness of each row of `values` (`rows × benefit.len()`, row-major raw scores).
///
/// `weights` are relative (they are divided by their sum); `benefit[j]` says whether a higher
/// value is better on column `j`. A column of zeros contributes nothing; when every option
/// is both ideal and anti-ideal the closeness is 0. (The textbook formula divides a zero
/// column by a zero norm, and gives not-a-number; leaving the column out is the only
/// reading that keeps every closeness a number.)
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
    let order = matrix.order();
    let first = *order.first()?;
    let benefit: Vec<bool> = matrix
        .criterion_idx
        .iter()
        .map(|&c| session.criteria[c].direction == Direction::Benefit)
        .collect();
    let lower_bounds: Vec<f64> = matrix
        .criterion_idx
        .iter()
        .map(|&c| session.criteria[c].scale.lo)
        .collect();
    let n = matrix.n_criteria();
    let from_lower_bound: Vec<f64> = matrix
        .raw
        .iter()
        .enumerate()
        .map(|(cell, raw)| raw - lower_bounds[cell % n])
        .collect();
    let close = closeness(&from_lower_bound, &matrix.weights, &benefit);
    // TOPSIS agrees when one of the weighted sum's top group (its tie group) also ties for
    // the highest closeness, so the answer never depends on the order of the options.
    let max = close.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let at_top = |i: usize| close[i] >= max - super::TIE_EPSILON;
    let shared = order
        .iter()
        .copied()
        .take_while(|&i| matrix.ranks[i] == matrix.ranks[first])
        .find(|&i| at_top(i));
    let (best, ws_best) = match shared {
        Some(i) => (i, i),
        None => ((0..close.len()).find(|&i| at_top(i))?, first),
    };
    let winner = matrix.option_ids[best].clone();
    let weighted_sum_winner = matrix.option_ids[ws_best].clone();
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

    #[test]
    fn re_expressing_a_scale_changes_no_closeness() {
        use crate::model::{Criterion, Lens, Session, SolutionOption};
        let build = |shift: f64| {
            let mut s = Session::new("x");
            let mut a = Criterion::new("a", "A", 2.0, Direction::Benefit);
            a.scale.lo = -5.0 + shift;
            a.scale.hi = 5.0 + shift;
            a.scale.levels.clear();
            s.criteria = vec![a, Criterion::new("cost", "Cost", 1.0, Direction::Cost)];
            for (id, v, cost) in [("p", -4.0, 2.0), ("q", 3.0, 4.0), ("r", 0.0, 1.0)] {
                s.options.push(
                    SolutionOption::new(id, id, Lens::Buy)
                        .with_score("a", v + shift)
                        .with_score("cost", cost),
                );
            }
            s
        };
        let closeness_of = |s: &Session| {
            let m = DecisionMatrix::from_session(s);
            topsis(s, &m).expect("options contest").scores
        };
        let (minus, plus) = (closeness_of(&build(0.0)), closeness_of(&build(5.0)));
        for (x, y) in minus.iter().zip(&plus) {
            assert!(
                (x.closeness - y.closeness).abs() < 1e-12,
                "{minus:?} {plus:?}"
            );
        }
    }
}
