//! Weighted-sum scoring and ranking. These semantics are fixed:
//!
//! - a score is normalised on its criterion's *scale*, not on the observed values, so adding
//!   an option never reorders the others: benefit `n = (s − lo) / (hi − lo)`, cost
//!   `n = (hi − s) / (hi − lo)`;
//! - total = `100 × Σ w·n / Σ w` over criteria with weight > 0 (0 when no weight is > 0);
//! - totals within [`TIE_EPSILON`] share a rank (1, 1, 3); an option missing a score on a
//!   weighted criterion is unscored and not ranked;
//! - a score beyond any criterion's veto threshold vetoes the option: it keeps its rank but
//!   is never recommended.

use crate::model::{Criterion, CriterionId, Direction, OptionId, Session, SolutionOption};

/// Totals closer than this are a tie.
pub const TIE_EPSILON: f64 = 1e-9;

/// A score mapped to 0..1 on its criterion's scale, where 1 is best.
pub fn normalised(criterion: &Criterion, score: f64) -> f64 {
    let span = criterion.scale.hi - criterion.scale.lo;
    if span <= 0.0 || !span.is_finite() {
        return 0.0;
    }
    let n = match criterion.direction {
        Direction::Benefit => (score - criterion.scale.lo) / span,
        Direction::Cost => (criterion.scale.hi - score) / span,
    };
    n.clamp(0.0, 1.0)
}

/// The weighted total of one option using `weights` (one per criterion, in order), or the
/// ids of the weighted criteria it has no score for.
pub fn total_with_weights(
    criteria: &[Criterion],
    weights: &[f64],
    option: &SolutionOption,
    value: impl Fn(&crate::model::Score) -> f64,
) -> Result<f64, Vec<CriterionId>> {
    let mut sum = 0.0;
    let mut weight_sum = 0.0;
    let mut missing = Vec::new();
    for (criterion, &w) in criteria.iter().zip(weights) {
        if w <= 0.0 || !w.is_finite() {
            continue;
        }
        match option.score(&criterion.id) {
            Some(score) => {
                sum += w * normalised(criterion, value(score));
                weight_sum += w;
            }
            None => missing.push(criterion.id.clone()),
        }
    }
    if !missing.is_empty() {
        Err(missing)
    } else if weight_sum > 0.0 {
        Ok(100.0 * sum / weight_sum)
    } else {
        Ok(0.0)
    }
}

/// The weighted total of one option with the session's own weights and likely scores.
pub fn total(session: &Session, option: &SolutionOption) -> Result<f64, Vec<CriterionId>> {
    let weights: Vec<f64> = session.criteria.iter().map(|c| c.weight).collect();
    total_with_weights(&session.criteria, &weights, option, |s| s.likely)
}

/// Ranks (1-based, shared on ties) for a list of totals; `None` stays unranked.
pub fn ranks_of(totals: &[Option<f64>]) -> Vec<Option<usize>> {
    totals
        .iter()
        .map(|t| {
            t.map(|mine| {
                1 + totals
                    .iter()
                    .flatten()
                    .filter(|&&other| other > mine + TIE_EPSILON)
                    .count()
            })
        })
        .collect()
}

/// One option's place in the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedOption {
    /// Position in `session.options`.
    pub option_idx: usize,
    /// The option's id.
    pub id: OptionId,
    /// Weighted total 0..100; `None` when unscored.
    pub total: Option<f64>,
    /// 1-based rank, shared on ties; `None` when unscored.
    pub rank: Option<usize>,
    /// Criteria whose veto threshold this option's score breaks.
    pub vetoed_by: Vec<CriterionId>,
    /// Weighted criteria it has no score for.
    pub missing: Vec<CriterionId>,
}

impl RankedOption {
    /// True when a veto disqualifies it.
    pub fn is_vetoed(&self) -> bool {
        !self.vetoed_by.is_empty()
    }

    /// True when it has a total and a rank.
    pub fn is_scored(&self) -> bool {
        self.total.is_some()
    }
}

/// Every option, ranked ones first by rank (document order within a tie), then unscored ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    /// Ordered rows.
    pub rows: Vec<RankedOption>,
}

impl Ranking {
    /// The row for the option at `option_idx`.
    pub fn row_for(&self, option_idx: usize) -> Option<&RankedOption> {
        self.rows.iter().find(|r| r.option_idx == option_idx)
    }

    /// Rows that have a rank.
    pub fn ranked(&self) -> impl Iterator<Item = &RankedOption> {
        self.rows.iter().filter(|r| r.rank.is_some())
    }
}

/// Ranks every option of `session` by weighted total. When options carry raters' scores,
/// their aggregate ([`super::raters::aggregated`]) is what is ranked.
///
/// # Example
/// ```
/// use verdict::model::{Lens, Session, SolutionOption};
/// let mut s = Session::new("make checkout faster");
/// s.options.push(SolutionOption::new("a", "A", Lens::Buy)
///     .with_score("impact", 5.0).with_score("cost", 1.0).with_score("trust-risk", 1.0));
/// let ranking = verdict::analysis::rank(&s);
/// assert_eq!(ranking.rows[0].total, Some(100.0));
/// ```
pub fn rank(session: &Session) -> Ranking {
    // With several raters, the ranking uses their aggregate (mean or median per cell).
    let session: &Session = &super::raters::aggregated(session);
    let results: Vec<Result<f64, Vec<CriterionId>>> =
        session.options.iter().map(|o| total(session, o)).collect();
    let totals: Vec<Option<f64>> = results.iter().map(|r| r.as_ref().ok().copied()).collect();
    let ranks = ranks_of(&totals);
    let mut rows: Vec<RankedOption> = session
        .options
        .iter()
        .enumerate()
        .map(|(option_idx, option)| RankedOption {
            option_idx,
            id: option.id.clone(),
            total: totals[option_idx],
            rank: ranks[option_idx],
            vetoed_by: vetoes_of(session, option),
            missing: results[option_idx].clone().err().unwrap_or_default(),
        })
        .collect();
    rows.sort_by_key(|r| (r.rank.unwrap_or(usize::MAX), r.option_idx));
    Ranking { rows }
}

/// The criteria whose veto threshold `option` breaks, in criterion order.
pub fn vetoes_of(session: &Session, option: &SolutionOption) -> Vec<CriterionId> {
    session
        .criteria
        .iter()
        .filter(|c| option.score(&c.id).is_some_and(|s| c.vetoes(s.likely)))
        .map(|c| c.id.clone())
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Lens, SolutionOption};

    /// A session with the default criteria (50/25/25) and options given as
    /// `(id, lens, impact, cost, trust-risk)`.
    pub(crate) fn session_of(options: &[(&str, Lens, f64, f64, f64)]) -> Session {
        let mut s = Session::new("test");
        for (id, lens, impact, cost, risk) in options {
            s.options.push(
                SolutionOption::new(id, id, lens.clone())
                    .with_score("impact", *impact)
                    .with_score("cost", *cost)
                    .with_score("trust-risk", *risk),
            );
        }
        s
    }

    fn order(ranking: &Ranking) -> Vec<(&str, Option<usize>)> {
        ranking
            .rows
            .iter()
            .map(|r| (r.id.as_str(), r.rank))
            .collect()
    }

    #[test]
    fn normalisation_uses_the_scale_and_direction() {
        let s = Session::new("x");
        assert_eq!(normalised(&s.criteria[0], 5.0), 1.0);
        assert_eq!(normalised(&s.criteria[0], 3.0), 0.5);
        assert_eq!(normalised(&s.criteria[1], 1.0), 1.0);
        assert_eq!(normalised(&s.criteria[1], 4.0), 0.25);
    }

    #[test]
    fn totals_are_weighted_means_out_of_100() {
        let s = session_of(&[("a", Lens::Buy, 5.0, 3.0, 1.0)]);
        // 50·1 + 25·0.5 + 25·1 = 87.5 of 100
        assert_eq!(total(&s, &s.options[0]), Ok(87.5));
    }

    #[test]
    fn equal_totals_share_a_rank_and_the_next_rank_is_skipped() {
        let s = session_of(&[
            ("low", Lens::Buy, 1.0, 5.0, 5.0),
            ("a", Lens::Buy, 4.0, 2.0, 2.0),
            ("b", Lens::Process, 4.0, 2.0, 2.0),
        ]);
        assert_eq!(
            order(&rank(&s)),
            [("a", Some(1)), ("b", Some(1)), ("low", Some(3))]
        );
    }

    #[test]
    fn an_option_missing_a_weighted_score_is_unscored_and_listed_last() {
        let mut s = session_of(&[
            ("a", Lens::Buy, 1.0, 5.0, 5.0),
            ("b", Lens::Buy, 5.0, 1.0, 1.0),
        ]);
        s.options[1].scores.remove(&CriterionId::new("cost"));
        let ranking = rank(&s);
        assert_eq!(order(&ranking), [("a", Some(1)), ("b", None)]);
        assert_eq!(ranking.rows[1].missing, [CriterionId::new("cost")]);
    }

    #[test]
    fn a_missing_score_on_a_zero_weight_criterion_does_not_matter() {
        let mut s = session_of(&[("a", Lens::Buy, 5.0, 1.0, 1.0)]);
        s.criteria[2].weight = 0.0;
        s.options[0].scores.remove(&CriterionId::new("trust-risk"));
        assert_eq!(rank(&s).rows[0].total, Some(100.0));
    }

    #[test]
    fn a_vetoed_option_keeps_its_rank() {
        let mut s = session_of(&[
            ("a", Lens::Buy, 5.0, 1.0, 5.0),
            ("b", Lens::Buy, 3.0, 3.0, 1.0),
        ]);
        s.criteria[2].veto = Some(4.0);
        let ranking = rank(&s);
        assert_eq!(ranking.rows[0].id.as_str(), "a");
        assert_eq!(ranking.rows[0].vetoed_by, [CriterionId::new("trust-risk")]);
        assert!(!ranking.rows[1].is_vetoed());
    }
}
