//! Weighted-sum scoring and ranking. These semantics are fixed:
//!
//! - a score is normalised on its criterion's *scale*, not on the observed values, so adding
//!   an option never reorders the others: benefit `n = (s − lo) / (hi − lo)`, cost
//!   `n = (hi − s) / (hi − lo)`;
//! - total = `100 × Σ w·n / Σ w` over criteria with weight > 0; a criterion with weight 0
//!   counts in no total (its veto still applies, see below); when no criterion has a weight
//!   above 0 nothing is ranked at all ([`Ranking::no_weight`]);
//! - ties are grouped by [`tie_groups`]: sorted by total, a group is every option within
//!   [`TIE_EPSILON`] of the group's highest total, and ranks are competition ranks over
//!   groups (1, 1, 3); an option missing a score on a weighted criterion is unscored and not
//!   ranked;
//! - a score beyond any criterion's veto threshold — weight 0 or not — vetoes the option: it
//!   keeps its rank but is never recommended.

use crate::model::{Criterion, CriterionId, Direction, OptionId, Session, SolutionOption};

/// What weight 0 means, in the words every surface uses.
pub const ZERO_WEIGHT_MEANING: &str = "Weight 0: this criterion counts in no total and no \
     robustness analysis; its veto, if it has one, still disqualifies (a must-have that is \
     not scored).";

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
///
/// The one definition of a tie, used by every surface: see [`tie_groups`].
pub fn ranks_of(totals: &[Option<f64>]) -> Vec<Option<usize>> {
    let mut ranks = vec![None; totals.len()];
    for (rank, members) in tie_groups(totals) {
        for idx in members {
            ranks[idx] = Some(rank);
        }
    }
    ranks
}

/// The tie groups of `totals`, best first, each as its competition rank and the positions
/// of its members in ascending order; `None` totals belong to no group.
///
/// Sorted by total, a group starts at the highest total not yet grouped and takes every
/// total within [`TIE_EPSILON`] of that highest one. A group's rank is one more than the
/// number of totals in the groups above it (1, 1, 3). Totals chained closer than
/// [`TIE_EPSILON`] to their neighbours but not to the group's head start a new group, so
/// grouping never depends on the order the totals are listed in.
///
/// # Example
/// ```
/// use verdict::analysis::tie_groups;
/// let groups = tie_groups(&[Some(50.0), Some(50.0 + 6e-10), Some(50.0 + 1.2e-9), Some(40.0)]);
/// assert_eq!(groups, [(1, vec![1, 2]), (3, vec![0]), (4, vec![3])]);
/// ```
pub fn tie_groups(totals: &[Option<f64>]) -> Vec<(usize, Vec<usize>)> {
    let mut order: Vec<(usize, f64)> = totals
        .iter()
        .enumerate()
        .filter_map(|(idx, t)| t.map(|t| (idx, t)))
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut placed = 0;
    let mut start = 0;
    while start < order.len() {
        let head = order[start].1;
        let end = start
            + order[start..]
                .iter()
                .take_while(|(_, t)| *t >= head - TIE_EPSILON)
                .count();
        let mut members: Vec<usize> = order[start..end].iter().map(|(idx, _)| *idx).collect();
        members.sort_unstable();
        groups.push((placed + 1, members));
        placed += end - start;
        start = end;
    }
    groups
}

/// True when some criterion of `session` has a weight above 0, so options can be ranked.
pub fn has_weighted_criterion(session: &Session) -> bool {
    session
        .criteria
        .iter()
        .any(|c| c.weight.is_finite() && c.weight > 0.0)
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
    /// True when no criterion has a weight above 0: then no option has a total or a rank.
    pub no_weight: bool,
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

    /// The number of ranked options.
    pub fn n_ranked(&self) -> usize {
        self.ranked().count()
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
    let no_weight = !has_weighted_criterion(session);
    let results: Vec<Result<f64, Vec<CriterionId>>> =
        session.options.iter().map(|o| total(session, o)).collect();
    // Without any weight every total would be a meaningless 0: nothing is ranked.
    let totals: Vec<Option<f64>> = results
        .iter()
        .map(|r| r.as_ref().ok().copied().filter(|_| !no_weight))
        .collect();
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
    Ranking { rows, no_weight }
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

    #[test]
    fn chained_near_ties_group_around_the_highest_total_with_competition_ranks() {
        let totals = [
            Some(50.0),
            Some(50.0 + 6e-10),
            Some(50.0 + 1.2e-9),
            Some(50.0 + 1.8e-9),
            None,
        ];
        // Head 50 + 1.8e-9 takes everything down to 50 + 0.8e-9; the next head, 50 + 6e-10,
        // takes 50 too.
        assert_eq!(
            tie_groups(&totals),
            [(1, vec![2, 3]), (3, vec![0, 1])],
            "groups"
        );
        assert_eq!(
            ranks_of(&totals),
            [Some(3), Some(3), Some(1), Some(1), None]
        );
    }

    #[test]
    fn ranks_skip_after_a_tie_and_do_not_depend_on_the_listed_order() {
        let totals = [Some(40.0), Some(70.0), Some(55.0), Some(70.0), Some(55.0)];
        assert_eq!(
            ranks_of(&totals),
            [Some(5), Some(1), Some(3), Some(1), Some(3)]
        );
        let mut reversed = totals;
        reversed.reverse();
        let mut back = ranks_of(&reversed);
        back.reverse();
        assert_eq!(back, ranks_of(&totals));
    }

    #[test]
    fn a_session_whose_weights_are_all_zero_ranks_nothing() {
        let mut s = session_of(&[
            ("a", Lens::Buy, 5.0, 1.0, 1.0),
            ("b", Lens::Buy, 1.0, 5.0, 5.0),
        ]);
        for c in &mut s.criteria {
            c.weight = 0.0;
        }
        let ranking = rank(&s);
        assert!(ranking.no_weight);
        assert!(
            ranking
                .rows
                .iter()
                .all(|r| r.rank.is_none() && r.total.is_none() && r.missing.is_empty())
        );
        assert_eq!(ranking.n_ranked(), 0);
    }

    #[test]
    fn a_veto_on_a_zero_weight_criterion_still_disqualifies() {
        let mut s = session_of(&[
            ("a", Lens::Buy, 5.0, 1.0, 5.0),
            ("b", Lens::Buy, 3.0, 3.0, 1.0),
        ]);
        s.criteria[2].weight = 0.0;
        s.criteria[2].veto = Some(4.0);
        let ranking = rank(&s);
        assert_eq!(ranking.rows[0].id.as_str(), "a");
        assert_eq!(ranking.rows[0].total, Some(100.0));
        assert!(ranking.rows[0].is_vetoed());
    }
}
