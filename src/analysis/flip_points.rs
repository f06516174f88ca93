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
//! **Scores.** For the leader and its runner-up, the smallest single-score change after which
//! the leader is no longer first: lower one of the leader's scores or raise one of the
//! runner-up's, each measured as a fraction of the criterion's scale. Lowering the leader
//! may cross one of its veto thresholds before the totals cross: then the leader changes at
//! the veto, and the flip says so ([`FlipKind::Veto`]).

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

/// How a score change takes first place from the leader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum FlipKind {
    /// The totals cross: at `to` the two tie, just past it the new leader is ahead.
    Crossing,
    /// The leader's score crosses its veto threshold: at `to` it is still allowed, just past
    /// it the leader is vetoed and the new leader is the best option left.
    Veto,
}

/// A single-score change after which the leader is no longer first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreFlip {
    /// Whose score changes (the leader or the runner-up).
    pub option: OptionId,
    /// On which criterion.
    pub criterion: CriterionId,
    /// The score now.
    pub from: f64,
    /// The flip point: any further and the leader changes.
    pub to: f64,
    /// The size of the change as a fraction of the criterion's scale, 0..1.
    pub scale_fraction: f64,
    /// Whether the leader changes because the totals cross or because of a veto.
    pub by: FlipKind,
    /// The option that leads just past `to`.
    pub new_leader: OptionId,
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

/// The smallest single-score changes after which the leader is no longer first, smallest
/// first.
///
/// Per criterion, two candidates: lowering the leader's score, and raising the runner-up's.
/// Lowering the leader stops at whichever comes first on the way: the score at which the
/// runner-up's total catches up ([`FlipKind::Crossing`]), or the leader's veto threshold
/// on that criterion, past which it is disqualified ([`FlipKind::Veto`]; this holds for a
/// criterion with weight 0 too, since its veto still applies). A change that would leave
/// the scale is no candidate. Empty when fewer than two options contest.
pub fn score_flips(session: &Session, matrix: &DecisionMatrix) -> Vec<ScoreFlip> {
    let order = matrix.order();
    if order.len() < 2 {
        return Vec::new();
    }
    let (leader, runner_up) = (order[0], order[1]);
    let totals = matrix.totals();
    let gap = totals[leader] - totals[runner_up];
    let weight_sum: f64 = matrix.weights.iter().filter(|w| **w > 0.0).sum();
    let column = |c_idx: usize| matrix.criterion_idx.iter().position(|&c| c == c_idx);
    let leader_option = &session.options[matrix.option_idx[leader]];
    let runner_up_id = matrix.option_ids[runner_up].clone();
    let mut flips = Vec::new();
    for (c_idx, criterion) in session.criteria.iter().enumerate() {
        let span = criterion.scale.hi - criterion.scale.lo;
        if span <= 0.0 || !span.is_finite() {
            continue;
        }
        let raw_of = |n: f64| match criterion.direction {
            Direction::Benefit => criterion.scale.lo + n * span,
            Direction::Cost => criterion.scale.hi - n * span,
        };
        // The normalised change that closes the gap on this criterion, if it is weighted.
        let needed = column(c_idx)
            .filter(|_| weight_sum > 0.0)
            .map(|j| (j, gap * weight_sum / (100.0 * matrix.weights[j])));
        let crossing = |i: usize, sign: f64| {
            let (j, needed) = needed?;
            let n_new = matrix.at(i, j) + sign * needed;
            (-1e-12..=1.0 + 1e-12)
                .contains(&n_new)
                .then(|| raw_of(n_new.clamp(0.0, 1.0)))
        };
        // Lowering the leader: the crossing or its veto, whichever comes first.
        if let Some(from) = leader_option.score(&criterion.id).map(|s| s.likely) {
            let veto = criterion.veto.filter(|&v| match criterion.direction {
                // Past the threshold must still lie on the scale.
                Direction::Benefit => v > criterion.scale.lo && v <= from,
                Direction::Cost => v < criterion.scale.hi && v >= from,
            });
            let cross = crossing(leader, -1.0);
            let (to, by) = match (cross, veto) {
                (Some(to), Some(v)) if (v - from).abs() > (to - from).abs() => {
                    (Some(to), FlipKind::Crossing)
                }
                (_, Some(v)) => (Some(v), FlipKind::Veto),
                (cross, None) => (cross, FlipKind::Crossing),
            };
            if let Some(to) = to {
                flips.push(ScoreFlip {
                    option: leader_option.id.clone(),
                    criterion: criterion.id.clone(),
                    from,
                    to,
                    scale_fraction: (to - from).abs() / span,
                    by,
                    new_leader: runner_up_id.clone(),
                });
            }
        }
        // Raising the runner-up moves away from its vetoes: only a crossing.
        if let (Some(to), Some((j, _))) = (crossing(runner_up, 1.0), needed) {
            let from = matrix.raw[runner_up * matrix.n_criteria() + j];
            flips.push(ScoreFlip {
                option: runner_up_id.clone(),
                criterion: criterion.id.clone(),
                from,
                to,
                scale_fraction: (to - from).abs() / span,
                by: FlipKind::Crossing,
                new_leader: runner_up_id.clone(),
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

    #[test]
    fn lowering_the_leader_stops_at_its_veto_when_the_veto_comes_first() {
        // a: 50·1 + 25·1 + 25·0.5 = 87.5; b: 37.5 + 18.75 + 18.75 = 75. Raising a's trust
        // risk ties them at 5, but above 3.5 a is vetoed.
        let mut s = session(&[("a", 5.0, 1.0, 3.0), ("b", 4.0, 2.0, 2.0)]);
        s.criteria[2].veto = Some(3.5);
        let m = DecisionMatrix::from_session(&s);
        let flips = score_flips(&s, &m);
        let risk = flips
            .iter()
            .find(|f| f.option.as_str() == "a" && f.criterion.as_str() == "trust-risk")
            .expect("a flip on a's trust risk");
        assert_eq!((risk.by, risk.to), (FlipKind::Veto, 3.5));
        assert!((risk.scale_fraction - 0.125).abs() < 1e-12);
        assert_eq!(risk.new_leader.as_str(), "b");
        // Lowering a's impact ties them at 4, before its veto at 3.5.
        s.criteria[2].veto = None;
        s.criteria[0].veto = Some(3.5);
        let m = DecisionMatrix::from_session(&s);
        let flips = score_flips(&s, &m);
        let impact = flips
            .iter()
            .find(|f| f.option.as_str() == "a" && f.criterion.as_str() == "impact")
            .expect("a flip on a's impact");
        assert_eq!(impact.by, FlipKind::Crossing);
        assert!((impact.to - 4.0).abs() < 1e-12);
    }

    #[test]
    fn a_veto_on_a_zero_weight_criterion_is_a_flip_point_too() {
        let mut s = session(&[("a", 5.0, 1.0, 3.0), ("b", 4.0, 2.0, 2.0)]);
        s.criteria[2].weight = 0.0;
        s.criteria[2].veto = Some(4.0);
        let m = DecisionMatrix::from_session(&s);
        let flips = score_flips(&s, &m);
        let risk: Vec<_> = flips
            .iter()
            .filter(|f| f.criterion.as_str() == "trust-risk")
            .collect();
        assert_eq!(risk.len(), 1, "{flips:?}");
        assert_eq!(
            (risk[0].by, risk[0].from, risk[0].to),
            (FlipKind::Veto, 3.0, 4.0)
        );
        assert!(
            weight_flips(&m)
                .iter()
                .all(|f| f.criterion.as_str() != "trust-risk")
        );
    }
}
