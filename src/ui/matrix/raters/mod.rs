//! Several raters in the matrix: which scores the cells show (the consensus, the raters'
//! aggregate, one rater's own, or how far raters spread), blind mode, the cells to discuss
//! first, and adding a rater.
//!
//! Per frame this does one pass over the document only when it has raters (for the cells
//! to discuss first); everything else is worked out per visible cell.
mod cells;
mod forms;
mod toolbar;

pub(super) use cells::{cell_ui, discuss_line_ui, discuss_mark, totals_source_line_ui};
pub(super) use toolbar::toolbar_ui;

use crate::model::{CriterionId, OptionId, Rater, RaterId, Session};

/// Which scores the matrix shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) enum MatrixMode {
    /// The shared scores, edited directly (the only view without raters).
    #[default]
    Consensus,
    /// The raters' mean or median, read-only.
    Aggregate,
    /// One rater's own scores, edited as theirs.
    Rater(RaterId),
    /// How far raters differ on each cell (highest minus lowest), read-only.
    Spread,
}

/// The raters' part of the matrix state (never saved).
#[derive(Debug, Default)]
pub(super) struct RaterState {
    /// The view chosen.
    pub mode: MatrixMode,
    /// While set, only this rater's own scores are visible.
    pub blind_as: Option<RaterId>,
    /// The "Add rater" form, while open: name and role typed so far.
    form: Option<(String, String)>,
    /// The form editing the rater on view, while open.
    edit_form: Option<RaterForm>,
    /// A form has just opened: its first field asks for the keyboard focus.
    focus_first_field: bool,
}

/// Renaming or removing one rater: the name and role as typed so far, and whether the
/// removal waits for its confirming click.
#[derive(Debug)]
struct RaterForm {
    id: RaterId,
    name: String,
    role: String,
    confirm_remove: bool,
}

/// What the cells need to know this frame.
#[derive(Debug)]
pub(super) struct RaterView {
    /// The view to draw (already checked against the document's raters).
    pub mode: MatrixMode,
    /// True when blind mode hides this view's cells.
    pub hidden: bool,
    /// The rater scoring blind, if one is: totals and ranks are hidden in every view then,
    /// the rater's own included, since they are built from everyone's scores.
    pub blind_as: Option<RaterId>,
    /// Cells where raters disagree most, widest first.
    pub discuss: Vec<(OptionId, CriterionId)>,
}

impl RaterView {
    /// Checks the state against `session`; `discuss_first` are the cells the analysis
    /// names (computed once per revision), shown unless blind mode would give them away.
    pub fn new(
        session: &Session,
        discuss_first: &[(OptionId, CriterionId)],
        state: &mut RaterState,
    ) -> Self {
        let known = |id: &RaterId| session.rater(id).is_some();
        let gone = match &state.mode {
            MatrixMode::Rater(id) => !known(id),
            // Without raters the aggregate and the spread have nothing to show.
            MatrixMode::Aggregate | MatrixMode::Spread => session.raters.is_empty(),
            MatrixMode::Consensus => false,
        };
        if gone {
            state.mode = MatrixMode::Consensus;
        }
        if state.blind_as.as_ref().is_some_and(|id| !known(id)) {
            state.blind_as = None;
        }
        if state.edit_form.as_ref().is_some_and(|f| !known(&f.id)) {
            state.edit_form = None;
        }
        let hidden = match (&state.blind_as, &state.mode) {
            (None, _) => false,
            (Some(me), MatrixMode::Rater(id)) => me != id,
            (Some(_), _) => true,
        };
        let discuss = if session.raters.is_empty() || state.blind_as.is_some() {
            Vec::new()
        } else {
            discuss_first.to_vec()
        };
        Self {
            mode: state.mode.clone(),
            hidden,
            blind_as: state.blind_as.clone(),
            discuss,
        }
    }

    /// The rater whose own scores the view edits, if it is one rater's view.
    pub fn rater<'s>(&self, session: &'s Session) -> Option<&'s Rater> {
        match &self.mode {
            MatrixMode::Rater(id) => session.rater(id),
            _ => None,
        }
    }

    /// True when the cell is among those to discuss first.
    pub fn is_discussed(&self, option: &OptionId, criterion: &CriterionId) -> bool {
        self.discuss
            .iter()
            .any(|(o, c)| o == option && c == criterion)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::raters::discuss_first_cells;
    use crate::model::{Lens, Rater, Score, SolutionOption};

    /// Three raters on two options; `seed` varies who scores what.
    fn session(seed: usize) -> Session {
        let mut s = Session::new("x");
        for id in ["ana", "bo", "cy"] {
            s.raters.push(Rater::new(id, id));
        }
        for o in 0..4 {
            let mut option = SolutionOption::new(&format!("o{o}"), &format!("O{o}"), Lens::Buy);
            for (r, rater) in ["ana", "bo", "cy"].into_iter().enumerate() {
                for (c, criterion) in s.criteria.iter().enumerate() {
                    if (seed + o + r + c).is_multiple_of(4) {
                        continue;
                    }
                    let value = ((seed * 7 + o * 3 + r * (o + 1) + c) % 5 + 1) as f64;
                    option
                        .rater_scores
                        .entry(RaterId::new(rater))
                        .or_default()
                        .insert(criterion.id.clone(), Score::point(value));
                }
            }
            s.options.push(option);
        }
        s
    }

    /// A seed whose session has cells to discuss, and those cells.
    fn disagreeing_session() -> (Session, Vec<(OptionId, CriterionId)>) {
        (0..12)
            .map(session)
            .map(|s| {
                let cells = discuss_first_cells(&s);
                (s, cells)
            })
            .find(|(_, cells)| !cells.is_empty())
            .expect("some seed gives a disagreement")
    }

    #[test]
    fn the_cells_the_analysis_names_are_marked_when_not_blind() {
        let (s, cells) = disagreeing_session();
        let mut state = RaterState::default();
        let view = RaterView::new(&s, &cells, &mut state);
        assert_eq!(view.discuss, cells);
        assert!(view.is_discussed(&cells[0].0, &cells[0].1));
    }

    #[test]
    fn blind_mode_hides_every_view_but_the_blind_raters_own() {
        let (s, cells) = disagreeing_session();
        let mut state = RaterState {
            mode: MatrixMode::Rater(RaterId::new("ana")),
            blind_as: Some(RaterId::new("ana")),
            ..RaterState::default()
        };
        let view = RaterView::new(&s, &cells, &mut state);
        assert!(!view.hidden);
        assert!(
            view.discuss.is_empty(),
            "disagreement gives others' scores away"
        );
        for mode in [
            MatrixMode::Consensus,
            MatrixMode::Aggregate,
            MatrixMode::Spread,
            MatrixMode::Rater(RaterId::new("bo")),
        ] {
            state.mode = mode;
            assert!(RaterView::new(&s, &cells, &mut state).hidden);
        }
    }

    #[test]
    fn the_aggregate_and_spread_views_fall_back_to_the_consensus_once_the_last_rater_is_gone() {
        let mut s = session(0);
        s.raters.clear();
        for mode in [MatrixMode::Aggregate, MatrixMode::Spread] {
            let mut state = RaterState {
                mode,
                ..RaterState::default()
            };
            assert_eq!(
                RaterView::new(&s, &[], &mut state).mode,
                MatrixMode::Consensus
            );
            assert_eq!(state.mode, MatrixMode::Consensus);
        }
    }

    #[test]
    fn a_view_of_a_rater_who_is_gone_falls_back_to_the_consensus() {
        let s = session(0);
        let mut state = RaterState {
            mode: MatrixMode::Rater(RaterId::new("zed")),
            blind_as: Some(RaterId::new("zed")),
            ..RaterState::default()
        };
        let view = RaterView::new(&s, &[], &mut state);
        assert_eq!(view.mode, MatrixMode::Consensus);
        assert!(!view.hidden);
        assert_eq!(state.blind_as, None);
    }
}
