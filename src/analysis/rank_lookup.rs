//! Finding an option's row of a [`Ranking`] by the option's position, in constant time,
//! and what the ranking says about one cell.

use super::scoring::{RankedOption, Ranking};
use crate::model::CriterionId;

/// A ranking indexed by option position; built in one pass over its rows.
#[derive(Clone, Debug)]
pub struct RankLookup<'r> {
    ranking: &'r Ranking,
    /// `pos[option_idx]` is that option's position in `ranking.rows`.
    pos: Vec<usize>,
}

impl<'r> RankLookup<'r> {
    /// Indexes `ranking`.
    pub fn new(ranking: &'r Ranking) -> Self {
        let len = ranking.rows.iter().map(|r| r.option_idx + 1).max();
        let mut pos = vec![usize::MAX; len.unwrap_or(0)];
        for (p, row) in ranking.rows.iter().enumerate() {
            pos[row.option_idx] = p;
        }
        Self { ranking, pos }
    }

    /// The row of the option at `option_idx`, if the ranking has it.
    pub fn row(&self, option_idx: usize) -> Option<&'r RankedOption> {
        self.pos
            .get(option_idx)
            .and_then(|&p| self.ranking.rows.get(p))
    }

    /// True when the option at `option_idx` has no total because it lacks a score on
    /// `criterion` (a weighted criterion with neither a shared score nor raters' scores).
    pub fn leaves_unscored(&self, option_idx: usize, criterion: &CriterionId) -> bool {
        self.row(option_idx)
            .is_some_and(|row| row.missing.contains(criterion))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rank;
    use crate::model::{Lens, Session, SolutionOption};

    fn session() -> Session {
        let mut s = Session::new("x");
        for (id, impact) in [("a", 4.0), ("b", 5.0)] {
            s.options.push(
                SolutionOption::new(id, id, Lens::Buy)
                    .with_score("impact", impact)
                    .with_score("cost", 1.0)
                    .with_score("trust-risk", 1.0),
            );
        }
        s.options
            .push(SolutionOption::new("c", "c", Lens::Buy).with_score("impact", 5.0));
        s
    }

    #[test]
    fn a_row_is_found_by_the_options_position_whatever_its_rank() {
        let s = session();
        let ranking = rank(&s);
        let lookup = RankLookup::new(&ranking);
        assert_eq!(lookup.row(0).and_then(|r| r.rank), Some(2));
        assert_eq!(lookup.row(1).and_then(|r| r.rank), Some(1));
        assert_eq!(lookup.row(2).map(|r| r.id.as_str()), Some("c"));
        assert!(lookup.row(7).is_none());
    }

    #[test]
    fn a_weighted_criterion_without_a_score_leaves_the_option_unscored() {
        let mut s = session();
        let ranking = rank(&s);
        let lookup = RankLookup::new(&ranking);
        assert!(lookup.leaves_unscored(2, &CriterionId::new("cost")));
        assert!(!lookup.leaves_unscored(2, &CriterionId::new("impact")));
        assert!(!lookup.leaves_unscored(0, &CriterionId::new("cost")));
        s.criteria[1].weight = 0.0;
        let ranking = rank(&s);
        let lookup = RankLookup::new(&ranking);
        assert!(!lookup.leaves_unscored(2, &CriterionId::new("cost")));
    }
}
