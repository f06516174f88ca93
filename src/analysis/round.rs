//! A facilitated scoring round seen from outside: which cells a scope means, what the
//! reveal shows, and what the screen may show to whom while scores are hidden.
//!
//! The blind rule lives here, as [`visibility`], so every view asks one function instead of
//! each deciding for itself: while a round is hidden, nothing derived from scores (totals,
//! ranks, charts, the recommendation, robustness) may be shown, and on the round's cells
//! only the score of the rater at the keyboard. After the reveal everything is visible again.

use super::raters::{aggregate, discuss_first_cells};
use crate::model::{
    Agreement, Cell, CriterionId, OptionId, RaterId, RoundPhase, RoundScope, ScoringRound, Session,
};
use std::collections::BTreeMap;

/// The cells a round on `scope` asks for, in matrix order (options, then criteria).
///
/// [`RoundScope::DiscussFirst`] is the raters' widest disagreements so far; it is empty
/// when there are no raters' scores yet. [`RoundScope::Rerun`] is the low-agreement cells
/// of the revealed round, empty when there is none.
pub fn cells_for(session: &Session, scope: &RoundScope) -> Vec<Cell> {
    let every = |keep: &dyn Fn(&CriterionId) -> bool| -> Vec<Cell> {
        session
            .options
            .iter()
            .flat_map(|o| {
                session
                    .criteria
                    .iter()
                    .filter(|c| keep(&c.id))
                    .map(|c| Cell {
                        option: o.id.clone(),
                        criterion: c.id.clone(),
                    })
            })
            .collect()
    };
    match scope {
        RoundScope::All => every(&|_| true),
        RoundScope::Criterion(id) => every(&|c| c == id),
        RoundScope::DiscussFirst => discuss_first_cells(session)
            .into_iter()
            .map(|(option, criterion)| Cell { option, criterion })
            .collect(),
        RoundScope::Rerun => session
            .round
            .as_ref()
            .filter(|r| !r.is_scoring())
            .map_or_else(Vec::new, |r| r.low_agreement_cells(&session.criteria)),
    }
}

/// One cell as the reveal shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct RevealedCell {
    /// Which cell.
    pub cell: Cell,
    /// Every rater's score.
    pub ratings: BTreeMap<RaterId, f64>,
    /// The session's aggregate (mean or median) of the ratings; `None` without any.
    pub aggregate: Option<f64>,
    /// Lowest and highest rating; `None` without any.
    pub min_max: Option<(f64, f64)>,
    /// `(max − min)` as a fraction of the criterion's scale.
    pub spread: f64,
    /// `None` with fewer than two ratings.
    pub agreement: Option<Agreement>,
}

/// What the reveal puts on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Reveal {
    /// The round's number.
    pub number: u32,
    /// Every cell of the round, in round order.
    pub cells: Vec<RevealedCell>,
    /// The low-agreement cells, widest spread first (ties in round order): discuss these.
    pub discuss: Vec<Cell>,
}

/// The reveal of the session's round; `None` unless a round is open and revealed.
pub fn reveal(session: &Session) -> Option<Reveal> {
    let round = session.round.as_ref().filter(|r| !r.is_scoring())?;
    let cells: Vec<RevealedCell> = round
        .cells
        .iter()
        .map(|cell| revealed_cell(session, round, cell))
        .collect();
    let mut low: Vec<&RevealedCell> = cells
        .iter()
        .filter(|c| c.agreement == Some(Agreement::Low))
        .collect();
    low.sort_by(|a, b| b.spread.total_cmp(&a.spread));
    let discuss = low.into_iter().map(|c| c.cell.clone()).collect();
    Some(Reveal {
        number: round.number,
        cells,
        discuss,
    })
}

fn revealed_cell(session: &Session, round: &ScoringRound, cell: &Cell) -> RevealedCell {
    let ratings = round.ratings(&cell.option, &cell.criterion);
    let values: Vec<f64> = ratings.values().copied().collect();
    let min_max = (!values.is_empty()).then(|| {
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (min, max)
    });
    let span = session
        .criterion(&cell.criterion)
        .map_or(0.0, |c| c.scale.hi - c.scale.lo);
    let spread = match min_max {
        Some((min, max)) if span > 0.0 => (max - min) / span,
        _ => 0.0,
    };
    RevealedCell {
        cell: cell.clone(),
        aggregate: (!values.is_empty()).then(|| aggregate(session.aggregation, &values)),
        min_max,
        spread,
        agreement: round.agreement(cell, &session.criteria),
        ratings,
    }
}

/// How far each rater has got in a hidden round: counts only, never values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaterProgress {
    /// The rater.
    pub rater: RaterId,
    /// How many of the round's cells they have scored.
    pub scored: usize,
    /// Whether they said they have finished.
    pub finished: bool,
}

/// Every rater's progress in the open round, in the session's rater order; empty without
/// a round.
pub fn progress(session: &Session) -> Vec<RaterProgress> {
    let Some(round) = &session.round else {
        return Vec::new();
    };
    session
        .raters
        .iter()
        .map(|r| RaterProgress {
            rater: r.id.clone(),
            scored: round
                .cells
                .iter()
                .filter(|c| round.score(&r.id, &c.option, &c.criterion).is_some())
                .count(),
            finished: round.finished.contains(&r.id),
        })
        .collect()
}

/// What the screen may show, decided once per frame by [`visibility`].
#[derive(Clone, Debug, PartialEq)]
pub struct Visibility {
    hidden: Option<HiddenRound>,
}

#[derive(Clone, Debug, PartialEq)]
struct HiddenRound {
    cells: Vec<Cell>,
    viewer: Option<RaterId>,
}

impl Visibility {
    /// True when totals, ranks, charts, the recommendation, robustness, flip points and
    /// exports may be shown: always, except while a round's scores are hidden.
    pub fn results(&self) -> bool {
        self.hidden.is_none()
    }

    /// True when a score on this cell may be shown: the shared score (`rater: None`) or
    /// one rater's score, saved or in the round. While a round is hidden, its cells show
    /// only the viewer's own score; cells outside the round show as usual.
    pub fn score(
        &self,
        option: &OptionId,
        criterion: &CriterionId,
        rater: Option<&RaterId>,
    ) -> bool {
        let Some(hidden) = &self.hidden else {
            return true;
        };
        let in_round = hidden
            .cells
            .iter()
            .any(|c| &c.option == option && &c.criterion == criterion);
        !in_round || (rater.is_some() && rater == hidden.viewer.as_ref())
    }

    /// True while a round's scores are hidden.
    pub fn is_blind(&self) -> bool {
        self.hidden.is_some()
    }

    /// The rater whose own numbers may be shown while the round is hidden.
    pub fn viewer(&self) -> Option<&RaterId> {
        self.hidden.as_ref().and_then(|h| h.viewer.as_ref())
    }
}

/// What may be on screen for `viewer` (the rater at the keyboard, or `None` for the room):
/// everything, unless the session's round is still hidden.
pub fn visibility(session: &Session, viewer: Option<&RaterId>) -> Visibility {
    let hidden = session
        .round
        .as_ref()
        .filter(|r| r.phase == RoundPhase::Scoring)
        .map(|r| HiddenRound {
            cells: r.cells.clone(),
            viewer: viewer.cloned(),
        });
    Visibility { hidden }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Aggregation, Lens, Rater, SolutionOption};
    use chrono::{TimeZone, Utc};

    /// Options a and b on the default criteria; Ana, Bo and Cy scored a/cost hidden.
    fn session(values: [f64; 3]) -> Session {
        let mut s = Session::new("x");
        s.options.push(SolutionOption::new("a", "A", Lens::Buy));
        s.options.push(SolutionOption::new("b", "B", Lens::Kill));
        s.raters = ["ana", "bo", "cy"]
            .iter()
            .map(|id| Rater::new(id, id))
            .collect();
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut round = ScoringRound::new(
            1,
            RoundScope::Criterion(CriterionId::new("cost")),
            cells_for(&s, &RoundScope::Criterion(CriterionId::new("cost"))),
            at,
        );
        for (rater, v) in ["ana", "bo", "cy"].iter().zip(values) {
            round
                .scores
                .entry(RaterId::new(*rater))
                .or_default()
                .entry(OptionId::new("a"))
                .or_default()
                .insert(CriterionId::new("cost"), v);
        }
        s.round = Some(round);
        s
    }

    fn revealed(mut s: Session) -> Session {
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 5, 0).unwrap();
        if let Some(r) = s.round.as_mut() {
            r.phase = RoundPhase::Revealed { at };
        }
        s
    }

    #[test]
    fn a_scope_names_every_cell_it_covers_in_matrix_order() {
        let s = session([1.0, 1.0, 1.0]);
        assert_eq!(cells_for(&s, &RoundScope::All).len(), 2 * 3);
        assert_eq!(
            cells_for(&s, &RoundScope::Criterion(CriterionId::new("cost"))),
            [Cell::new("a", "cost"), Cell::new("b", "cost")]
        );
        assert!(cells_for(&s, &RoundScope::DiscussFirst).is_empty());
        assert!(
            cells_for(&s, &RoundScope::Rerun).is_empty(),
            "not revealed yet"
        );
    }

    #[test]
    fn the_reveal_shows_every_rating_the_range_and_the_documented_agreement() {
        let mut s = revealed(session([1.0, 2.0, 4.0]));
        s.aggregation = Aggregation::Median;
        let reveal = reveal(&s).expect("revealed");
        let a = &reveal.cells[0];
        assert_eq!(a.ratings.len(), 3);
        assert_eq!(a.min_max, Some((1.0, 4.0)));
        assert_eq!(a.aggregate, Some(2.0));
        assert_eq!(a.spread, 0.75);
        assert_eq!(a.agreement, Some(Agreement::Low));
        assert_eq!(reveal.cells[1].agreement, None, "nobody scored b");
        assert_eq!(reveal.discuss, [Cell::new("a", "cost")]);
        assert_eq!(cells_for(&s, &RoundScope::Rerun), [Cell::new("a", "cost")]);
    }

    #[test]
    fn nothing_is_revealed_while_the_round_is_hidden() {
        assert!(reveal(&session([1.0, 5.0, 3.0])).is_none());
    }

    #[test]
    fn while_hidden_only_the_viewers_own_number_shows_on_round_cells() {
        let s = session([1.0, 5.0, 3.0]);
        let (a, cost, impact) = (
            OptionId::new("a"),
            CriterionId::new("cost"),
            CriterionId::new("impact"),
        );
        let (ana, bo) = (RaterId::new("ana"), RaterId::new("bo"));
        let for_ana = visibility(&s, Some(&ana));
        assert!(
            !for_ana.results(),
            "totals and ranks would give scores away"
        );
        assert!(for_ana.score(&a, &cost, Some(&ana)));
        assert!(!for_ana.score(&a, &cost, Some(&bo)));
        assert!(!for_ana.score(&a, &cost, None), "nor the shared score");
        assert!(for_ana.score(&a, &impact, Some(&bo)), "outside the round");
        let room = visibility(&s, None);
        assert!(!room.score(&a, &cost, Some(&ana)) && !room.score(&a, &cost, None));
    }

    #[test]
    fn after_the_reveal_or_without_a_round_everything_is_visible() {
        let s = revealed(session([1.0, 5.0, 3.0]));
        let v = visibility(&s, None);
        assert!(v.results() && !v.is_blind());
        assert!(v.score(
            &OptionId::new("a"),
            &CriterionId::new("cost"),
            Some(&RaterId::new("bo"))
        ));
        assert!(visibility(&Session::new("x"), None).results());
    }

    #[test]
    fn progress_counts_cells_without_giving_values() {
        let s = session([1.0, 5.0, 3.0]);
        let p = progress(&s);
        assert_eq!(p.iter().map(|r| r.scored).collect::<Vec<_>>(), [1, 1, 1]);
        assert!(p.iter().all(|r| !r.finished));
    }
}
