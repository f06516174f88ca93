//! The contest behind every robustness analysis: the options that could be recommended and
//! the criteria they are compared on, as dense normalised arrays.
//!
//! Only options that are fully scored and not vetoed take part, because only they can be
//! recommended (see [`super::recommend`]); the others are listed in
//! [`DecisionMatrix::excluded`] with the reason. Criteria with a weight above 0 always take
//! part; a criterion with weight 0 takes part only when every contesting option has a score
//! on it (otherwise giving it weight would leave someone unscored).

use super::scoring::{TIE_EPSILON, normalised, rank};
use crate::model::{CriterionId, OptionId, Session};
use serde::Serialize;

/// Why an option is left out of the robustness analyses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ExclusionReason {
    /// It has no score on these weighted criteria.
    Unscored {
        /// The criteria it lacks a score on.
        missing: Vec<CriterionId>,
    },
    /// A veto threshold disqualifies it.
    Vetoed {
        /// The criteria whose veto it breaks.
        by: Vec<CriterionId>,
    },
}

/// An option left out of the contest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excluded {
    /// The option.
    pub option: OptionId,
    /// Why.
    pub reason: ExclusionReason,
}

/// Options × criteria, normalised to 0..1 where 1 is best, row-major (`option * n + criterion`).
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionMatrix {
    /// Positions in `session.options` of the contesting options, in document order.
    pub option_idx: Vec<usize>,
    /// Their ids.
    pub option_ids: Vec<OptionId>,
    /// Positions in `session.criteria` of the criteria taking part.
    pub criterion_idx: Vec<usize>,
    /// Their ids.
    pub criterion_ids: Vec<CriterionId>,
    /// The session's weights of those criteria.
    pub weights: Vec<f64>,
    /// Normalised likely scores.
    pub likely: Vec<f64>,
    /// Normalised worst case of each range (the likely value when there is no range).
    pub worst: Vec<f64>,
    /// Normalised best case of each range.
    pub best: Vec<f64>,
    /// Raw likely scores, as written in the document.
    pub raw: Vec<f64>,
    /// Options left out, with the reason.
    pub excluded: Vec<Excluded>,
    /// Criteria with weight 0 left out because some contesting option has no score on them.
    pub criteria_left_out: Vec<CriterionId>,
}

impl DecisionMatrix {
    /// Builds the contest of `session` (use the aggregated session when there are raters).
    pub fn from_session(session: &Session) -> Self {
        let ranking = rank(session);
        let mut option_idx = Vec::new();
        let mut excluded = Vec::new();
        for (idx, option) in session.options.iter().enumerate() {
            let Some(row) = ranking.row_for(idx) else {
                continue;
            };
            let reason = if !row.is_scored() {
                Some(ExclusionReason::Unscored {
                    missing: row.missing.clone(),
                })
            } else if row.is_vetoed() {
                Some(ExclusionReason::Vetoed {
                    by: row.vetoed_by.clone(),
                })
            } else {
                None
            };
            match reason {
                Some(reason) => excluded.push(Excluded {
                    option: option.id.clone(),
                    reason,
                }),
                None => option_idx.push(idx),
            }
        }
        let mut criterion_idx = Vec::new();
        let mut criteria_left_out = Vec::new();
        for (c_idx, criterion) in session.criteria.iter().enumerate() {
            let all_scored = option_idx
                .iter()
                .all(|&o| session.options[o].score(&criterion.id).is_some());
            if all_scored {
                criterion_idx.push(c_idx);
            } else {
                // Only weight-0 criteria can get here: contesting options are fully scored.
                criteria_left_out.push(criterion.id.clone());
            }
        }
        let n = criterion_idx.len();
        let cells = option_idx.len() * n;
        let mut matrix = Self {
            option_ids: option_idx
                .iter()
                .map(|&o| session.options[o].id.clone())
                .collect(),
            criterion_ids: criterion_idx
                .iter()
                .map(|&c| session.criteria[c].id.clone())
                .collect(),
            weights: criterion_idx
                .iter()
                .map(|&c| session.criteria[c].weight.max(0.0))
                .collect(),
            likely: Vec::with_capacity(cells),
            worst: Vec::with_capacity(cells),
            best: Vec::with_capacity(cells),
            raw: Vec::with_capacity(cells),
            option_idx,
            criterion_idx,
            excluded,
            criteria_left_out,
        };
        for &o in &matrix.option_idx {
            let option = &session.options[o];
            for &c in &matrix.criterion_idx {
                let criterion = &session.criteria[c];
                // Checked above: every contesting option has a score on every kept criterion.
                let Some(score) = option.score(&criterion.id) else {
                    continue;
                };
                let a = normalised(criterion, score.low_or_likely());
                let b = normalised(criterion, score.high_or_likely());
                matrix.likely.push(normalised(criterion, score.likely));
                matrix.worst.push(a.min(b));
                matrix.best.push(a.max(b));
                matrix.raw.push(score.likely);
            }
        }
        matrix
    }

    /// Number of contesting options.
    pub fn n_options(&self) -> usize {
        self.option_idx.len()
    }

    /// Number of criteria taking part.
    pub fn n_criteria(&self) -> usize {
        self.criterion_idx.len()
    }

    /// The normalised likely score of contesting option `i` on criterion `j`.
    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.likely[i * self.n_criteria() + j]
    }

    /// Totals 0..100 of every contesting option with `weights` (same rules as the ranking).
    pub fn totals_with(&self, weights: &[f64]) -> Vec<f64> {
        let sum: f64 = weights.iter().filter(|w| **w > 0.0).sum();
        (0..self.n_options())
            .map(|i| {
                if sum <= 0.0 {
                    return 0.0;
                }
                let dot: f64 = weights
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| **w > 0.0)
                    .map(|(j, w)| w * self.at(i, j))
                    .sum();
                100.0 * dot / sum
            })
            .collect()
    }

    /// Totals with the session's weights.
    pub fn totals(&self) -> Vec<f64> {
        self.totals_with(&self.weights)
    }

    /// Contest positions ordered best first (ties in document order), as the ranking does.
    pub fn order(&self) -> Vec<usize> {
        let totals = self.totals();
        let mut order: Vec<usize> = (0..self.n_options()).collect();
        order.sort_by(|&a, &b| {
            let (ta, tb) = (totals[a], totals[b]);
            if (ta - tb).abs() <= TIE_EPSILON {
                a.cmp(&b)
            } else {
                tb.total_cmp(&ta)
            }
        });
        order
    }

    /// True when the first two in [`Self::order`] share the top rank.
    pub fn top_is_tied(&self) -> bool {
        let order = self.order();
        let totals = self.totals();
        order.len() >= 2 && (totals[order[0]] - totals[order[1]]).abs() <= TIE_EPSILON
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, Score, SolutionOption};

    #[test]
    fn unscored_and_vetoed_options_are_left_out_with_the_reason() {
        let mut s = Session::new("x");
        s.criteria[2].veto = Some(4.0);
        s.options.push(
            SolutionOption::new("ok", "Ok", Lens::Buy)
                .with_score("impact", 4.0)
                .with_score("cost", 2.0)
                .with_score("trust-risk", 2.0),
        );
        s.options.push(
            SolutionOption::new("risky", "Risky", Lens::Buy)
                .with_score("impact", 5.0)
                .with_score("cost", 1.0)
                .with_score("trust-risk", 5.0),
        );
        s.options
            .push(SolutionOption::new("blank", "Blank", Lens::Buy).with_score("impact", 3.0));
        let m = DecisionMatrix::from_session(&s);
        assert_eq!(m.option_ids, [OptionId::new("ok")]);
        assert_eq!(m.excluded.len(), 2);
        assert!(matches!(
            m.excluded[0].reason,
            ExclusionReason::Vetoed { .. }
        ));
        assert!(matches!(
            m.excluded[1].reason,
            ExclusionReason::Unscored { .. }
        ));
    }

    #[test]
    fn ranges_are_oriented_so_worst_is_below_best_for_cost_criteria() {
        let mut s = Session::new("x");
        let mut cost = Score::point(3.0);
        cost.low = Some(2.0);
        cost.high = Some(5.0);
        let mut option = SolutionOption::new("a", "A", Lens::Buy)
            .with_score("impact", 3.0)
            .with_score("trust-risk", 1.0);
        option.scores.insert(CriterionId::new("cost"), cost);
        s.options.push(option);
        let m = DecisionMatrix::from_session(&s);
        assert_eq!((m.worst[1], m.likely[1], m.best[1]), (0.0, 0.5, 0.75));
        assert_eq!(m.totals(), [100.0 * (0.5 * 0.5 + 0.25 * 0.5 + 0.25)]);
    }
}
