//! The matrix as a spreadsheet's grid, without drawing: where the arrow keys lead, what a
//! typed value means on a criterion's scale, and which scores a pasted block sets.

use super::cells::Slot;
use crate::document::Edit;
use crate::model::{Criterion, Rater, Score, Session};

/// A cell by position: its option's row and its criterion's column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CellAt {
    /// The option's position.
    pub option_idx: usize,
    /// The criterion's position.
    pub criterion_idx: usize,
}

/// A step of the keyboard's cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    Up,
    Down,
    Left,
    Right,
}

impl CellAt {
    /// The cell one `step` away; at the edge of the matrix the cursor stays where it is.
    pub fn stepped(self, step: Step, n_options: usize, n_criteria: usize) -> CellAt {
        let CellAt {
            option_idx: row,
            criterion_idx: col,
        } = self;
        let (row, col) = match step {
            Step::Up => (row.saturating_sub(1), col),
            Step::Down => ((row + 1).min(n_options.saturating_sub(1)), col),
            Step::Left => (row, col.saturating_sub(1)),
            Step::Right => (row, (col + 1).min(n_criteria.saturating_sub(1))),
        };
        CellAt {
            option_idx: row,
            criterion_idx: col,
        }
    }
}

/// How the keyboard leaves a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Move {
    /// An arrow key.
    Arrow(Step),
    /// Tab or Shift+Tab: along the row.
    Tab(Step),
    /// Enter or Shift+Enter: down or up.
    Enter(Step),
}

/// Where the keyboard goes next, remembering in `anchor` the column a run of Tabs began in:
/// as in a spreadsheet, Enter after typing along a row goes down to where that row began,
/// so a matrix is scored digit, Tab, digit, Tab, digit, Enter, row after row.
pub(super) fn next_cell(
    at: CellAt,
    how: Move,
    anchor: &mut Option<usize>,
    n_options: usize,
    n_criteria: usize,
) -> CellAt {
    match how {
        Move::Arrow(step) => {
            *anchor = None;
            at.stepped(step, n_options, n_criteria)
        }
        // Tab past the end of a row goes on at the start of the next, as the keyboard does
        // between the cells when nothing is being typed.
        Move::Tab(Step::Right)
            if at.criterion_idx + 1 >= n_criteria && at.option_idx + 1 < n_options =>
        {
            *anchor = None;
            CellAt {
                option_idx: at.option_idx + 1,
                criterion_idx: 0,
            }
        }
        Move::Tab(Step::Left) if at.criterion_idx == 0 && at.option_idx > 0 => {
            *anchor = None;
            CellAt {
                option_idx: at.option_idx - 1,
                criterion_idx: n_criteria.saturating_sub(1),
            }
        }
        Move::Tab(step) => {
            anchor.get_or_insert(at.criterion_idx);
            at.stepped(step, n_options, n_criteria)
        }
        Move::Enter(step) => {
            let column = anchor.take().unwrap_or(at.criterion_idx);
            CellAt {
                criterion_idx: column,
                ..at.stepped(step, n_options, n_criteria)
            }
        }
    }
}

/// The value typed into a cell of `criterion`, or why it cannot be its score. Nothing is
/// clamped: a value outside the scale is refused with the scale it must lie in.
pub(super) fn parse_value(text: &str, criterion: &Criterion) -> Result<f64, String> {
    let text = text.trim();
    let value: f64 = text
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("“{text}” is not a number"))?;
    let scale = &criterion.scale;
    if !scale.contains(value) {
        let short = crate::analysis::number::short;
        return Err(format!(
            "{} is outside the scale of {}, {} to {}",
            short(value),
            criterion.name,
            short(scale.lo),
            short(scale.hi)
        ));
    }
    Ok(value)
}

/// `value` as the slot's new likely score, keeping its range and rationale; a range end
/// the value passes follows it, and the returned note says so.
pub(super) fn with_likely(slot: Slot<'_>, value: f64) -> (Score, Option<String>) {
    let Some(old) = slot.score() else {
        return (Score::point(value), None);
    };
    let mut new = old.clone();
    new.likely = value;
    let short = crate::analysis::number::short;
    let mut notes = Vec::new();
    if let Some(low) = new.low.filter(|low| *low > value) {
        notes.push(format!(
            "low follows from {} to {}",
            short(low),
            short(value)
        ));
        new.low = Some(value);
    }
    if let Some(high) = new.high.filter(|high| *high < value) {
        notes.push(format!(
            "high follows from {} to {}",
            short(high),
            short(value)
        ));
        new.high = Some(value);
    }
    let note = (!notes.is_empty()).then(|| format!("{}: {}", slot.name(), notes.join(", ")));
    (new, note)
}

/// One end of a score's range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum End {
    /// The pessimistic end, at most the likely value.
    Low,
    /// The optimistic end, at least the likely value.
    High,
}

impl End {
    fn label(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::High => "high",
        }
    }
}

/// `old` with its `end` of the range at `value`. Nothing is clamped: a low typed above the
/// likely value (or a high below it) takes the likely value along, and the other end too
/// when the value passes it, as a likely value typed past an end takes that end along.
/// The note names the cell `name` and says what followed.
pub(super) fn with_range_end(
    name: &str,
    old: &Score,
    end: End,
    value: f64,
) -> (Score, Option<String>) {
    let mut new = old.clone();
    let short = crate::analysis::number::short;
    let mut notes = Vec::new();
    let mut follow = |what: &str, from: f64, to: &mut f64| {
        notes.push(format!(
            "{what} follows from {} to {}",
            short(from),
            short(value)
        ));
        *to = value;
    };
    match end {
        End::Low => {
            new.low = Some(value);
            if value > new.likely {
                follow("likely", new.likely, &mut new.likely);
            }
            if let Some(high) = new.high.as_mut().filter(|high| **high < value) {
                follow("high", *high, high);
            }
        }
        End::High => {
            new.high = Some(value);
            if value < new.likely {
                follow("likely", new.likely, &mut new.likely);
            }
            if let Some(low) = new.low.as_mut().filter(|low| **low > value) {
                follow("low", *low, low);
            }
        }
    }
    let note = (!notes.is_empty()).then(|| {
        format!(
            "{name}: {} set to {}, so {}",
            end.label(),
            short(value),
            notes.join(", ")
        )
    });
    (new, note)
}

/// Rows of tab-separated cells, as a spreadsheet copies a block; a final line break is not
/// an empty row.
pub(super) fn split_block(text: &str) -> Vec<Vec<&str>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    text.split('\n')
        .map(|line| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            line.split('\t').map(str::trim).collect()
        })
        .collect()
}

/// The one edit that puts a pasted block into the matrix with its top-left cell at `at`,
/// for the shared scores (`rater` `None`) or one rater's. Empty cells of the block leave
/// their cell alone. Returns the edit and how many scores it sets.
///
/// # Errors
/// When the block does not fit below and right of `at`, or any value is not a number on
/// its criterion's scale: every bad cell is named, and nothing is to change.
pub(super) fn paste_edit(
    session: &Session,
    rater: Option<&Rater>,
    at: CellAt,
    text: &str,
) -> Result<(Edit, usize), String> {
    let block = split_block(text);
    let n_rows = block.len();
    let n_cols = block.iter().map(Vec::len).max().unwrap_or(0);
    let room_rows = session.options.len().saturating_sub(at.option_idx);
    let room_cols = session.criteria.len().saturating_sub(at.criterion_idx);
    if n_rows > room_rows || n_cols > room_cols {
        return Err(format!(
            "The pasted block is {n_rows} × {n_cols} (rows × columns) but there is room \
             for {room_rows} × {room_cols} from here: nothing was pasted"
        ));
    }
    let mut edits = Vec::new();
    let mut errors = Vec::new();
    for (row, cells) in block.iter().enumerate() {
        let option = &session.options[at.option_idx + row];
        for (col, text) in cells.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let criterion = &session.criteria[at.criterion_idx + col];
            let slot = Slot {
                option,
                criterion,
                rater,
            };
            match parse_value(text, criterion) {
                Ok(value) => edits.push(slot.edit(Some(with_likely(slot, value).0))),
                Err(why) => errors.push(format!("{}: {why}", slot.name())),
            }
        }
    }
    if !errors.is_empty() {
        return Err(format!("Nothing was pasted. {}", errors.join("; ")));
    }
    let n = edits.len();
    Ok((Edit::SetScores(edits), n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, Lens, SolutionOption};

    fn session() -> Session {
        let mut s = Session::new("cut the cloud bill");
        for (id, title) in [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")] {
            s.options
                .push(SolutionOption::new(id, title, Lens::Buy).with_score("impact", 2.0));
        }
        s
    }

    const AT_ORIGIN: CellAt = CellAt {
        option_idx: 0,
        criterion_idx: 0,
    };

    #[test]
    fn tab_past_the_end_of_a_row_goes_on_at_the_start_of_the_next_and_back() {
        let mut anchor = None;
        let end_of_first = CellAt {
            option_idx: 0,
            criterion_idx: 2,
        };
        let next = next_cell(end_of_first, Move::Tab(Step::Right), &mut anchor, 3, 3);
        assert_eq!(
            next,
            CellAt {
                option_idx: 1,
                criterion_idx: 0
            }
        );
        let back = next_cell(next, Move::Tab(Step::Left), &mut anchor, 3, 3);
        assert_eq!(back, end_of_first);
        // The very last cell has nowhere to go on to.
        let last = CellAt {
            option_idx: 2,
            criterion_idx: 2,
        };
        assert_eq!(
            next_cell(last, Move::Tab(Step::Right), &mut anchor, 3, 3),
            last
        );
    }

    #[test]
    fn a_low_above_the_likely_value_takes_the_likely_value_and_a_passed_high_along() {
        let score = Score {
            low: Some(2.0),
            high: Some(4.0),
            ..Score::point(3.0)
        };
        let (inside, note) = with_range_end("Impact of Alpha", &score, End::Low, 2.5);
        assert_eq!(
            (inside.low, inside.likely, inside.high),
            (Some(2.5), 3.0, Some(4.0))
        );
        assert_eq!(note, None, "nothing follows inside the range");
        let (past, note) = with_range_end("Impact of Alpha", &score, End::Low, 5.0);
        assert_eq!(
            (past.low, past.likely, past.high),
            (Some(5.0), 5.0, Some(5.0))
        );
        assert_eq!(
            note.as_deref(),
            Some(
                "Impact of Alpha: low set to 5, so likely follows from 3 to 5, \
                 high follows from 4 to 5"
            )
        );
    }

    #[test]
    fn a_high_below_the_likely_value_takes_the_likely_value_along_and_keeps_the_rationale() {
        let score = Score {
            rationale: "pilot".into(),
            ..Score::point(3.0)
        };
        let (new, note) = with_range_end("Cost of Beta", &score, End::High, 2.0);
        assert_eq!((new.low, new.likely, new.high), (None, 2.0, Some(2.0)));
        assert_eq!(new.rationale, "pilot");
        assert_eq!(
            note.as_deref(),
            Some("Cost of Beta: high set to 2, so likely follows from 3 to 2")
        );
    }

    #[test]
    fn the_cursor_moves_one_cell_and_stops_at_the_edges() {
        let at = CellAt {
            option_idx: 1,
            criterion_idx: 2,
        };
        assert_eq!(at.stepped(Step::Up, 3, 3).option_idx, 0);
        assert_eq!(at.stepped(Step::Down, 3, 3).option_idx, 2);
        assert_eq!(at.stepped(Step::Left, 3, 3).criterion_idx, 1);
        assert_eq!(at.stepped(Step::Right, 3, 3), at, "last column");
        assert_eq!(AT_ORIGIN.stepped(Step::Up, 3, 3), AT_ORIGIN);
        assert_eq!(AT_ORIGIN.stepped(Step::Left, 3, 3), AT_ORIGIN);
    }

    #[test]
    fn enter_after_a_run_of_tabs_goes_down_to_the_column_the_run_began_in() {
        let mut anchor = None;
        let mut at = CellAt {
            option_idx: 0,
            criterion_idx: 1,
        };
        for how in [Move::Tab(Step::Right), Move::Tab(Step::Right)] {
            at = next_cell(at, how, &mut anchor, 7, 4);
        }
        assert_eq!(at.criterion_idx, 3);
        at = next_cell(at, Move::Enter(Step::Down), &mut anchor, 7, 4);
        assert_eq!((at.option_idx, at.criterion_idx), (1, 1));
        assert_eq!(anchor, None);
        at = next_cell(at, Move::Tab(Step::Right), &mut anchor, 7, 4);
        at = next_cell(at, Move::Arrow(Step::Down), &mut anchor, 7, 4);
        at = next_cell(at, Move::Enter(Step::Down), &mut anchor, 7, 4);
        assert_eq!(
            (at.option_idx, at.criterion_idx),
            (3, 2),
            "an arrow ends the run"
        );
    }

    #[test]
    fn a_typed_value_outside_the_scale_is_refused_naming_the_scale() {
        let s = session();
        let impact = &s.criteria[0];
        assert_eq!(parse_value(" 4.5 ", impact), Ok(4.5));
        assert_eq!(
            parse_value("9", impact),
            Err("9 is outside the scale of Impact, 1 to 5".to_owned())
        );
        assert_eq!(
            parse_value("four", impact),
            Err("“four” is not a number".to_owned())
        );
        assert!(parse_value("NaN", impact).is_err());
    }

    #[test]
    fn a_new_likely_value_drags_a_range_end_it_passes_and_says_so() {
        let mut s = session();
        let score = Score {
            low: Some(2.0),
            high: Some(3.0),
            rationale: "quote".into(),
            ..Score::point(2.5)
        };
        s.options[0]
            .scores
            .insert(CriterionId::new("impact"), score);
        let slot = Slot {
            option: &s.options[0],
            criterion: &s.criteria[0],
            rater: None,
        };
        let (new, note) = with_likely(slot, 4.0);
        assert_eq!((new.low, new.likely, new.high), (Some(2.0), 4.0, Some(4.0)));
        assert_eq!(new.rationale, "quote");
        assert_eq!(
            note.as_deref(),
            Some("Impact of Alpha: high follows from 3 to 4")
        );
        assert_eq!(with_likely(slot, 2.5).1, None);
    }

    #[test]
    fn a_spreadsheet_block_splits_into_rows_of_cells() {
        assert_eq!(
            split_block("1\t2\r\n3\t\r\n"),
            vec![vec!["1", "2"], vec!["3", ""]]
        );
        assert_eq!(split_block("5"), vec![vec!["5"]]);
    }

    #[test]
    fn a_pasted_block_sets_its_cells_as_one_edit_and_skips_empty_ones() {
        let mut s = session();
        let at = CellAt {
            option_idx: 1,
            criterion_idx: 0,
        };
        let (edit, n) = paste_edit(&s, None, at, "4\t1\n\t5\n").expect("fits");
        assert_eq!(n, 3);
        let now = chrono::DateTime::UNIX_EPOCH;
        crate::document::apply(&mut s, edit, now).expect("applies");
        let likely = |o: usize, c: &str| s.options[o].score(&CriterionId::new(c)).map(|x| x.likely);
        assert_eq!(likely(0, "impact"), Some(2.0), "above the block");
        assert_eq!(likely(1, "impact"), Some(4.0));
        assert_eq!(likely(1, "cost"), Some(1.0));
        assert_eq!(likely(2, "impact"), Some(2.0), "empty in the block");
        assert_eq!(likely(2, "cost"), Some(5.0));
    }

    #[test]
    fn a_block_with_a_bad_value_or_too_big_names_the_problem_and_sets_nothing() {
        let s = session();
        let at = CellAt {
            option_idx: 2,
            criterion_idx: 1,
        };
        let err = paste_edit(&s, None, at, "1\t2\n3\t4").expect_err("too big");
        assert!(err.contains("2 × 2") && err.contains("1 × 2"), "{err}");
        let err = paste_edit(&s, None, AT_ORIGIN, "1\t7\nx").expect_err("bad values");
        assert!(err.contains("Cost of Alpha: 7 is outside"), "{err}");
        assert!(err.contains("Impact of Beta: “x” is not a number"), "{err}");
    }

    #[test]
    fn scores_set_together_apply_all_or_none() {
        let mut s = session();
        let before = s.clone();
        let set = |option: &str, value: f64| {
            Edit::SetScore(
                crate::model::OptionId::new(option),
                CriterionId::new("cost"),
                Some(Score::point(value)),
            )
        };
        let edit = Edit::SetScores(vec![set("a", 2.0), set("b", 9.0)]);
        assert!(crate::document::apply(&mut s, edit, chrono::DateTime::UNIX_EPOCH).is_err());
        assert_eq!(s, before, "the good score was not kept either");
    }
}
