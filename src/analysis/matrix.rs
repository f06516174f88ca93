//! The contest behind every robustness analysis: the options that could be recommended and
//! the criteria they are compared on, as dense normalised arrays.
//!
//! Only options that are fully scored and not vetoed take part, because only they can be
//! recommended (see [`super::recommend`]); the others are listed in
//! [`DecisionMatrix::excluded`] with the reason. Only criteria with a weight above 0 take
//! part: a criterion with weight 0 counts in no total, so it has no share in Monte Carlo
//! (whatever the weight mode), TOPSIS, dominance or flip points either; its veto still
//! applies, through the ranking. The contest keeps each option's rank from the ranking, so
//! its ties are the ranking's tie groups ([`super::tie_groups`]).

use super::scoring::{normalised, rank};
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
    /// Criteria with weight 0, left out of every analysis (their vetoes still apply).
    pub criteria_left_out: Vec<CriterionId>,
    /// Each contesting option's total with the session's weights, from the ranking.
    pub session_totals: Vec<f64>,
    /// Each contesting option's rank in the ranking of all options (shared on ties).
    pub ranks: Vec<usize>,
}

impl DecisionMatrix {
    /// Builds the contest of `session` (use the aggregated session when there are raters).
    pub fn from_session(session: &Session) -> Self {
        let ranking = rank(session);
        let mut option_idx = Vec::new();
        let mut excluded = Vec::new();
        let mut session_totals = Vec::new();
        let mut ranks = Vec::new();
        for (idx, option) in session.options.iter().enumerate() {
            let Some(row) = ranking.row_for(idx) else {
                continue;
            };
            if ranking.no_weight {
                // Nothing is ranked: nothing contests, and nobody is to blame for it.
                continue;
            }
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
                None => {
                    option_idx.push(idx);
                    // A ranked row has both.
                    session_totals.push(row.total.unwrap_or_default());
                    ranks.push(row.rank.unwrap_or(usize::MAX));
                }
            }
        }
        let mut criterion_idx = Vec::new();
        let mut criteria_left_out = Vec::new();
        for (c_idx, criterion) in session.criteria.iter().enumerate() {
            if criterion.weight.is_finite() && criterion.weight > 0.0 {
                criterion_idx.push(c_idx);
            } else {
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
            session_totals,
            ranks,
        };
        for &o in &matrix.option_idx {
            let option = &session.options[o];
            for &c in &matrix.criterion_idx {
                let criterion = &session.criteria[c];
                // A contesting option is scored on every weighted criterion.
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

    /// Totals with the session's weights: the ranking's totals.
    pub fn totals(&self) -> Vec<f64> {
        self.session_totals.clone()
    }

    /// Contest positions ordered as the ranking orders them: by rank, document order within
    /// a tie.
    pub fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.n_options()).collect();
        order.sort_by_key(|&i| (self.ranks[i], self.option_idx[i]));
        order
    }

    /// True when the first two in [`Self::order`] share the top rank.
    pub fn top_is_tied(&self) -> bool {
        let order = self.order();
        order.len() >= 2 && self.ranks[order[0]] == self.ranks[order[1]]
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
