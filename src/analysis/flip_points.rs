//! Flip points: how far one weight, or one score, must move before the leader changes.
//!
//! **Weights.** Move the weight `w` of one criterion while the others stay as they are (so
//! they keep their ratios). With `W'` the sum of the other weights and `p = w / (W' + w)`
//! the criterion's share, every option's total is a straight line in `p`:
//! `T(p) = 100 · ((1 − p) · a + p · n)`, where `a` is its total without the criterion and `n`
//! its normalised score on it. The leader changes where the first other line crosses the
//! leader's, which has the closed form `p* = p₀ − d₀ / s` (`d₀` the gap at the current
//! share, `s` the difference of slopes). Looking up and down from `p₀` gives the nearest
//! crossing each way, or none: the criterion "never flips" the leader that way.
//!
//! **Scores.** For the leader and its runner-up, the smallest single-score change that makes
//! them equal: lower one of the leader's scores or raise one of the runner-up's, each
//! measured as a fraction of the criterion's scale.

use super::matrix::DecisionMatrix;
use crate::model::{CriterionId, Direction, OptionId, Session};
use serde::Serialize;

/// Slopes closer to zero than this are parallel lines: they never cross.
const PARALLEL: f64 = 1e-12;
/// A crossing this close to share 0 or 1 is a tie at the edge, not a flip: no weight lies
/// beyond it.
const EDGE: f64 = 1e-9;

/// Where a weight change makes another option the leader.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlipPoint {
    /// The weight at which the new leader ties with the old one; beyond it, it leads.
    pub weight: f64,
    /// That weight as a share of all weights, 0..1.
    pub share: f64,
    /// `weight` minus the current weight.
    pub weight_change: f64,
    /// `share` minus the current share, in share units (0.1 = ten percentage points).
    pub share_change: f64,
    /// The option that takes the lead.
    pub new_leader: OptionId,
}

/// The flip points of one criterion's weight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeightFlip {
    /// The criterion.
    pub criterion: CriterionId,
    /// Its current weight.
    pub weight: f64,
    /// Its current share of all weights, 0..1.
    pub share: f64,
    /// Raising the weight: the first flip, or `None` when it never flips.
    pub up: Option<FlipPoint>,
    /// Lowering the weight: the first flip, or `None` when it never flips.
    pub down: Option<FlipPoint>,
}

impl WeightFlip {
    /// The nearer of the two flips, by share change.
    pub fn nearest(&self) -> Option<&FlipPoint> {
        match (&self.up, &self.down) {
            (Some(u), Some(d)) if d.share_change.abs() < u.share_change.abs() => Some(d),
            (Some(u), _) => Some(u),
            (None, d) => d.as_ref(),
        }
    }
}

/// A single-score change that makes the runner-up equal to the leader.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreFlip {
    /// Whose score changes (the leader or the runner-up).
    pub option: OptionId,
    /// On which criterion.
    pub criterion: CriterionId,
    /// The score now.
    pub from: f64,
    /// The score at which the two tie; any further and they swap.
    pub to: f64,
    /// The size of the change as a fraction of the criterion's scale, 0..1.
    pub scale_fraction: f64,
}

/// The weight flip points of every criterion in the contest, in criterion order.
///
/// Empty when fewer than two options contest.
pub fn weight_flips(matrix: &DecisionMatrix) -> Vec<WeightFlip> {
    let m = matrix.n_options();
    if m < 2 {
        return Vec::new();
    }
    let leader = matrix.order()[0];
    (0..matrix.n_criteria())
        .map(|j| weight_flip(matrix, leader, j))
        .collect()
}

fn weight_flip(matrix: &DecisionMatrix, leader: usize, j: usize) -> WeightFlip {
    let n = matrix.n_criteria();
    let w = matrix.weights[j];
    let others: f64 = (0..n).filter(|&k| k != j).map(|k| matrix.weights[k]).sum();
    let mut flip = WeightFlip {
        criterion: matrix.criterion_ids[j].clone(),
        weight: w,
        share: if others + w > 0.0 {
            w / (others + w)
        } else {
            0.0
        },
        up: None,
        down: None,
    };
    if others <= 0.0 {
        // The only weighted criterion: no other weight to keep a ratio with.
        return flip;
    }
    let p0 = flip.share;
    let without = |i: usize| -> f64 {
        (0..n)
            .filter(|&k| k != j)
            .map(|k| matrix.weights[k] * matrix.at(i, k))
            .sum::<f64>()
            / others
    };
    let line = |i: usize| {
        let a = without(i);
        (a, matrix.at(i, j) - a)
    };
    let (a_l, s_l) = line(leader);
    let mut up: Option<(f64, f64, usize)> = None;
    let mut down: Option<(f64, f64, usize)> = None;
    for i in (0..matrix.n_options()).filter(|&i| i != leader) {
        let (a_i, s_i) = line(i);
        let slope = s_i - s_l;
        if slope.abs() < PARALLEL {
            continue;
        }
        let gap = (a_i + p0 * s_i) - (a_l + p0 * s_l);
        let p_star = (p0 - gap / slope).clamp(0.0, 1.0);
        if slope > 0.0 && p_star < 1.0 - EDGE {
            let better = match up {
                None => true,
                Some((p, s, _)) => p_star < p - PARALLEL || (p_star <= p + PARALLEL && slope > s),
            };
            if better {
                up = Some((p_star, slope, i));
            }
        } else if slope < 0.0 && p_star > EDGE {
            let better = match down {
                None => true,
                Some((p, s, _)) => p_star > p + PARALLEL || (p_star >= p - PARALLEL && slope < s),
            };
            if better {
                down = Some((p_star, slope, i));
            }
        }
    }
    let point = |(p, _, i): (f64, f64, usize)| {
        let weight = p * others / (1.0 - p);
        FlipPoint {
            weight,
            share: p,
            weight_change: weight - w,
            share_change: p - p0,
            new_leader: matrix.option_ids[i].clone(),
        }
    };
    flip.up = up.map(point);
    flip.down = down.map(point);
    flip
}

/// Single-score changes that tie the runner-up with the leader, smallest first.
///
/// Empty when fewer than two options contest or no single score can close the gap.
pub fn score_flips(session: &Session, matrix: &DecisionMatrix) -> Vec<ScoreFlip> {
    let order = matrix.order();
    if order.len() < 2 {
        return Vec::new();
    }
    let (leader, runner_up) = (order[0], order[1]);
    let totals = matrix.totals();
    let gap = totals[leader] - totals[runner_up];
    let weight_sum: f64 = matrix.weights.iter().filter(|w| **w > 0.0).sum();
    if weight_sum <= 0.0 {
        return Vec::new();
    }
    let mut flips = Vec::new();
    for (j, &c_idx) in matrix.criterion_idx.iter().enumerate() {
        let w = matrix.weights[j];
        if w <= 0.0 {
            continue;
        }
        let criterion = &session.criteria[c_idx];
        let span = criterion.scale.hi - criterion.scale.lo;
        let needed = gap * weight_sum / (100.0 * w);
        // Lowering the leader, or raising the runner-up, by `needed` in normalised units.
        for (i, sign) in [(leader, -1.0), (runner_up, 1.0)] {
            let n_new = matrix.at(i, j) + sign * needed;
            if !(-1e-12..=1.0 + 1e-12).contains(&n_new) {
                continue;
            }
            let n_new = n_new.clamp(0.0, 1.0);
            let to = match criterion.direction {
                Direction::Benefit => criterion.scale.lo + n_new * span,
                Direction::Cost => criterion.scale.hi - n_new * span,
            };
            flips.push(ScoreFlip {
                option: matrix.option_ids[i].clone(),
                criterion: criterion.id.clone(),
                from: matrix.raw[i * matrix.n_criteria() + j],
                to,
                scale_fraction: needed,
            });
        }
    }
    flips.sort_by(|a, b| a.scale_fraction.total_cmp(&b.scale_fraction));
    flips
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, SolutionOption};

    fn session(rows: &[(&str, f64, f64, f64)]) -> Session {
        let mut s = Session::new("x");
        for (id, impact, cost, risk) in rows {
            s.options.push(
                SolutionOption::new(id, id, Lens::Buy)
                    .with_score("impact", *impact)
                    .with_score("cost", *cost)
                    .with_score("trust-risk", *risk),
            );
        }
        s
    }

    #[test]
    fn a_hand_worked_weight_flip_matches_the_closed_form() {
        // Weights 50/25/25. a: n = (1, 0, 0.5) → 62.5; b: n = (0.5, 1, 1) → 75.
        // Impact share p: a = (1−p)·0.25 + p, b = (1−p)·1 + p·0.5 → tie at p = 0.6.
        let s = session(&[("a", 5.0, 5.0, 3.0), ("b", 3.0, 1.0, 1.0)]);
        let m = DecisionMatrix::from_session(&s);
        let flips = weight_flips(&m);
        let impact = &flips[0];
        let up = impact.up.as_ref().expect("raising impact favours a");
        assert!((up.share - 0.6).abs() < 1e-12);
        // Others sum to 50, so weight = 0.6 · 50 / 0.4 = 75.
        assert!((up.weight - 75.0).abs() < 1e-9);
        assert_eq!(up.new_leader.as_str(), "a");
        assert!(impact.down.is_none());
    }

    #[test]
    fn the_smallest_score_flip_closes_the_gap_exactly() {
        let s = session(&[("a", 5.0, 5.0, 3.0), ("b", 3.0, 1.0, 1.0)]);
        let m = DecisionMatrix::from_session(&s);
        let flips = score_flips(&s, &m);
        // b leads by 12.5 points; impact weighs half, so lowering b's impact by a quarter of
        // the scale (3 → 2) ties them.
        let first = &flips[0];
        assert_eq!(
            (first.option.as_str(), first.criterion.as_str()),
            ("b", "impact")
        );
        assert!((first.to - 2.0).abs() < 1e-12);
        assert!((first.scale_fraction - 0.25).abs() < 1e-12);
    }
}
