//! What every place's view gets: the document to read, derived results, and where to put
//! the edits it wants. Views never change the session themselves.

use crate::analysis::{Ranking, Recommendation};
use crate::document::Edit;
use crate::model::{CriterionId, OptionId, Session};
use chrono::NaiveDate;

/// Something a view asks the app to do once the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Apply this edit to the document.
    Edit(Edit),
    /// End the current undo step (a text field lost focus, a drag ended).
    Seal,
}

/// The read-only inputs of a view and the intents it emits.
pub struct ViewCtx<'a> {
    /// The document.
    pub session: &'a Session,
    /// The ranking of `session`, computed once per revision.
    pub ranking: &'a Ranking,
    /// The recommendation of `session`.
    pub recommendation: &'a Recommendation,
    /// True in presentation mode: large type, no private notes, no editing chrome.
    pub presenting: bool,
    /// Today's date, passed in (used as the default for date fields).
    pub today: NaiveDate,
    /// Cells where raters disagree most, computed once per revision; empty without raters.
    pub discuss_first: &'a [(OptionId, CriterionId)],
    intents: Vec<Intent>,
}

impl<'a> ViewCtx<'a> {
    /// A context with no intents yet.
    pub fn new(
        session: &'a Session,
        ranking: &'a Ranking,
        recommendation: &'a Recommendation,
        presenting: bool,
        today: NaiveDate,
    ) -> Self {
        Self {
            session,
            ranking,
            recommendation,
            presenting,
            today,
            discuss_first: &[],
            intents: Vec::new(),
        }
    }

    /// Sets the cells to discuss first (see [`crate::analysis::raters::discuss_first_cells`]).
    pub fn with_discuss_first(mut self, cells: &'a [(OptionId, CriterionId)]) -> Self {
        self.discuss_first = cells;
        self
    }

    /// Asks for `edit` to be applied.
    pub fn edit(&mut self, edit: Edit) {
        self.intents.push(Intent::Edit(edit));
    }

    /// Asks for the current undo step to end.
    pub fn seal(&mut self) {
        self.intents.push(Intent::Seal);
    }

    /// Seals when `response` shows that a text field lost focus or a drag ended.
    pub fn seal_after(&mut self, response: &egui::Response) {
        if response.lost_focus() || response.drag_stopped() {
            self.seal();
        }
    }

    /// The intents emitted so far, in order.
    pub fn into_intents(self) -> Vec<Intent> {
        self.intents
    }

    /// The intents emitted so far, without consuming the context.
    pub fn intents(&self) -> &[Intent] {
        &self.intents
    }
}
