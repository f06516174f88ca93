//! The edits that run a facilitated scoring round, and the one function that applies them.
//!
//! A round goes: [`RoundEdit::Start`] on a set of cells → raters take turns
//! ([`RoundEdit::SetTurn`], [`RoundEdit::SetScore`], [`RoundEdit::FinishTurn`]) with each
//! other's numbers hidden → [`RoundEdit::Reveal`] → after discussion either
//! [`RoundEdit::Accept`] (the scores become raters' scores) or [`RoundEdit::Rerun`] (the
//! agreed cells are accepted and a new round opens on the low-agreement ones). Every step
//! that matters later is logged with its time.

use super::edit::EditError;
use crate::model::{
    Cell, CriterionId, LogEntry, LogEvent, OptionId, RaterId, RoundPhase, RoundScope, Score,
    ScoringRound, Session,
};
use chrono::{DateTime, Utc};

/// One step of a facilitated scoring round.
#[derive(Clone, Debug, PartialEq)]
pub enum RoundEdit {
    /// Open a round on `cells` (chosen by `scope`), with an optional timer in seconds.
    Start {
        /// How the cells were chosen, for the log.
        scope: RoundScope,
        /// The cells to score; at least one.
        cells: Vec<Cell>,
        /// Time allowed, after which the round reveals itself.
        timer_seconds: Option<u32>,
    },
    /// Hand the keyboard to a rater, or to nobody between turns.
    SetTurn(Option<RaterId>),
    /// Record (or clear, with `None`) a rater's hidden score on one cell.
    SetScore(RaterId, OptionId, CriterionId, Option<f64>),
    /// The rater has finished: their turn ends.
    FinishTurn(RaterId),
    /// Put every hidden score on screen.
    Reveal,
    /// Make the round's scores the raters' scores and close it.
    Accept,
    /// Accept the cells raters agreed on and open a new round on the low-agreement ones.
    Rerun,
    /// Abandon the round, discarding its scores.
    Cancel,
}

impl RoundEdit {
    /// What the step does, for "Undo: …". Never names a score, so the Edit menu cannot
    /// give away a hidden one.
    pub fn label(&self, session: &Session) -> String {
        match self {
            RoundEdit::Start { .. } => "start a scoring round".into(),
            RoundEdit::SetTurn(Some(r)) => format!("hand the round to {}", session.rater_name(r)),
            RoundEdit::SetTurn(None) => "end the turn".into(),
            RoundEdit::SetScore(r, ..) => {
                format!("record {}'s hidden score", session.rater_name(r))
            }
            RoundEdit::FinishTurn(r) => format!("finish {}'s turn", session.rater_name(r)),
            RoundEdit::Reveal => "reveal the round".into(),
            RoundEdit::Accept => "accept the round".into(),
            RoundEdit::Rerun => "re-run the round on the cells to discuss".into(),
            RoundEdit::Cancel => "cancel the round".into(),
        }
    }

    /// Typing in one hidden cell merges into one undo step.
    pub fn merge_key(&self) -> Option<String> {
        match self {
            RoundEdit::SetScore(r, o, c, _) => Some(format!("round-score:{r}:{o}:{c}")),
            _ => None,
        }
    }
}

/// Applies one round step to `session`; on error nothing changes.
pub(super) fn apply_round(
    session: &mut Session,
    edit: RoundEdit,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    match edit {
        RoundEdit::Start {
            scope,
            cells,
            timer_seconds,
        } => start(session, scope, cells, timer_seconds, now)?,
        RoundEdit::SetTurn(rater) => {
            if let Some(r) = &rater {
                known_rater(session, r)?;
            }
            hidden_round_mut(session)?.turn = rater;
        }
        RoundEdit::SetScore(rater, option, criterion, value) => {
            set_score(session, rater, option, criterion, value)?;
        }
        RoundEdit::FinishTurn(rater) => {
            known_rater(session, &rater)?;
            let round = hidden_round_mut(session)?;
            if round.turn.as_ref() == Some(&rater) {
                round.turn = None;
            }
            if !round.finished.contains(&rater) {
                round.finished.push(rater);
            }
        }
        RoundEdit::Reveal => {
            let low_agreement = hidden_round(session)?
                .low_agreement_cells(&session.criteria)
                .len();
            let round = hidden_round_mut(session)?;
            round.phase = RoundPhase::Revealed { at: now };
            round.turn = None;
            let event = LogEvent::RoundRevealed {
                number: round.number,
                raters: round.raters_who_scored(),
                low_agreement,
            };
            log(session, now, event);
        }
        RoundEdit::Accept => {
            let round = revealed_round(session)?.clone();
            let accepted = accept_cells(session, &round, &round.cells);
            session.round = None;
            log(
                session,
                now,
                LogEvent::RoundAccepted {
                    number: round.number,
                    cells: accepted,
                },
            );
        }
        RoundEdit::Rerun => {
            let round = revealed_round(session)?.clone();
            let low = round.low_agreement_cells(&session.criteria);
            if low.is_empty() {
                return Err(EditError::Round(
                    "no cell is in low agreement; accept the round instead".into(),
                ));
            }
            let agreed: Vec<Cell> = round
                .cells
                .iter()
                .filter(|c| !low.contains(c))
                .cloned()
                .collect();
            let accepted = accept_cells(session, &round, &agreed);
            session.round = None;
            log(
                session,
                now,
                LogEvent::RoundAccepted {
                    number: round.number,
                    cells: accepted,
                },
            );
            start(session, RoundScope::Rerun, low, round.timer_seconds, now)?;
        }
        RoundEdit::Cancel => {
            let number = session
                .round
                .take()
                .ok_or_else(|| EditError::Round("no scoring round is open".into()))?
                .number;
            log(session, now, LogEvent::RoundCancelled { number });
        }
    }
    Ok(())
}

fn start(
    session: &mut Session,
    scope: RoundScope,
    cells: Vec<Cell>,
    timer_seconds: Option<u32>,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if session.round.is_some() {
        return Err(EditError::Round(
            "a scoring round is already open; accept or cancel it first".into(),
        ));
    }
    if session.raters.len() < 2 {
        return Err(EditError::Round(
            "a scoring round needs at least two raters; add them under Raters".into(),
        ));
    }
    if cells.is_empty() {
        return Err(EditError::Round("the round has no cells to score".into()));
    }
    for cell in &cells {
        if session.option(&cell.option).is_none() {
            return Err(EditError::UnknownOption(cell.option.to_string()));
        }
        if session.criterion(&cell.criterion).is_none() {
            return Err(EditError::UnknownCriterion(cell.criterion.to_string()));
        }
    }
    if timer_seconds == Some(0) {
        return Err(EditError::BadNumber(
            "a round timer needs at least one second".into(),
        ));
    }
    let number = session.next_round_number();
    let mut round = ScoringRound::new(number, scope.clone(), cells, now);
    round.timer_seconds = timer_seconds;
    let n_cells = round.cells.len();
    session.round = Some(round);
    log(
        session,
        now,
        LogEvent::RoundStarted {
            number,
            scope,
            cells: n_cells,
        },
    );
    Ok(())
}

fn set_score(
    session: &mut Session,
    rater: RaterId,
    option: OptionId,
    criterion: CriterionId,
    value: Option<f64>,
) -> Result<(), EditError> {
    known_rater(session, &rater)?;
    let c = session
        .criterion(&criterion)
        .ok_or_else(|| EditError::UnknownCriterion(criterion.to_string()))?;
    if let Some(v) = value
        && (!v.is_finite() || !c.scale.contains(v))
    {
        return Err(EditError::BadNumber(format!(
            "scores on {} must be within {}..{}",
            c.name, c.scale.lo, c.scale.hi
        )));
    }
    let round = hidden_round_mut(session)?;
    if !round.contains(&option, &criterion) {
        return Err(EditError::Round(format!(
            "this round does not ask for `{option}` on `{criterion}`"
        )));
    }
    let by_option = round.scores.entry(rater.clone()).or_default();
    match value {
        Some(v) => {
            by_option.entry(option).or_default().insert(criterion, v);
        }
        None => {
            if let Some(by_criterion) = by_option.get_mut(&option) {
                by_criterion.remove(&criterion);
                if by_criterion.is_empty() {
                    by_option.remove(&option);
                }
            }
            if by_option.is_empty() {
                round.scores.remove(&rater);
            }
        }
    }
    Ok(())
}

/// Writes each rater's round score on `cells` into their raters' scores (keeping any range
/// and rationale they had there, clamped so the range still holds the new value); returns
/// how many cells received at least one score.
fn accept_cells(session: &mut Session, round: &ScoringRound, cells: &[Cell]) -> usize {
    let mut accepted = 0;
    for cell in cells {
        let ratings = round.ratings(&cell.option, &cell.criterion);
        if ratings.is_empty() {
            continue;
        }
        let Some(option) = session.options.iter_mut().find(|o| o.id == cell.option) else {
            continue;
        };
        accepted += 1;
        for (rater, value) in ratings {
            let slot = option
                .rater_scores
                .entry(rater)
                .or_default()
                .entry(cell.criterion.clone())
                .or_insert_with(|| Score::point(value));
            slot.likely = value;
            slot.low = slot.low.map(|low| low.min(value));
            slot.high = slot.high.map(|high| high.max(value));
        }
    }
    accepted
}

fn log(session: &mut Session, at: DateTime<Utc>, event: LogEvent) {
    session.log.push(LogEntry { at, event });
}

fn known_rater(session: &Session, rater: &RaterId) -> Result<(), EditError> {
    match session.rater(rater) {
        Some(_) => Ok(()),
        None => Err(EditError::UnknownRater(rater.to_string())),
    }
}

fn hidden_round(session: &Session) -> Result<&ScoringRound, EditError> {
    match &session.round {
        Some(round) if round.is_scoring() => Ok(round),
        Some(_) => Err(EditError::Round(
            "the round has been revealed; accept it, re-run it or cancel it".into(),
        )),
        None => Err(EditError::Round("no scoring round is open".into())),
    }
}

fn hidden_round_mut(session: &mut Session) -> Result<&mut ScoringRound, EditError> {
    hidden_round(session)?;
    session
        .round
        .as_mut()
        .ok_or_else(|| EditError::Round("no scoring round is open".into()))
}

fn revealed_round(session: &Session) -> Result<&ScoringRound, EditError> {
    match &session.round {
        Some(round) if !round.is_scoring() => Ok(round),
        Some(_) => Err(EditError::Round(
            "the round's scores are still hidden; reveal them first".into(),
        )),
        None => Err(EditError::Round("no scoring round is open".into())),
    }
}

#[cfg(test)]
#[path = "round_edit_tests.rs"]
mod tests;
