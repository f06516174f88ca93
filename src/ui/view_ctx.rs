//! What every view gets: the document to read, results derived from it, what the window
//! shows around it, and the one [`Outbox`] where it puts everything it wants done.

use crate::analysis::robustness::RobustnessReport;
use crate::analysis::{RankLookup, Ranking, Recommendation};
use crate::document::Edit;
use crate::export::MemoLength;
use crate::model::{CriterionId, OptionId, RaterId, Session};
use crate::ui::command::Command;
use crate::ui::nav::Place;
use crate::ui::outbox::{Intent, Outbox};
use chrono::NaiveDate;
use std::path::PathBuf;

/// What the window shows around the place: read by the menu bar, the navigation and the
/// presentation stepper.
#[derive(Clone, Debug, Default)]
pub struct Chrome {
    /// The place shown.
    pub place: Place,
    /// "Undo: change Cost of …", or `None` when there is nothing to undo.
    pub undo_label: Option<String>,
    /// "Redo: …", or `None`.
    pub redo_label: Option<String>,
    /// Recent files, newest first.
    pub recent: Vec<PathBuf>,
    /// True with the dark theme.
    pub dark: bool,
    /// True when the document cannot be saved over its file (opened read-only).
    pub read_only: bool,
    /// True when the document has a file it can be reverted to.
    pub has_file: bool,
    /// True when the document has changes that are not saved.
    pub dirty: bool,
    /// True when a recovery folder is in use (unsaved work can be looked for).
    pub can_recover: bool,
    /// True when a portfolio is open (its view can be shown again).
    pub has_portfolio: bool,
}

/// How a place was arrived at, for where the keyboard goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// The document is new to the window (a fresh window, a file opened or reverted).
    Opened,
    /// Tab was pressed while nothing had the keyboard.
    Tabbed,
}

/// The robustness analysis as the Decide place shows it.
#[derive(Clone, Copy, Debug)]
pub struct RobustnessShown<'a> {
    /// The newest report; `None` until the first one arrives.
    pub report: Option<&'a RobustnessReport>,
    /// Monte Carlo progress 0..1 while it runs.
    pub progress: Option<f32>,
}

/// The read-only inputs of a view and the outbox it fills.
pub struct ViewCtx<'a> {
    /// The document.
    pub session: &'a Session,
    /// The ranking of `session`, computed once per revision.
    pub ranking: &'a Ranking,
    /// The ranking's rows by option position, for constant-time lookups.
    pub ranks: RankLookup<'a>,
    /// The recommendation of `session`.
    pub recommendation: &'a Recommendation,
    /// True in presentation mode: large type, no private notes, no editing chrome.
    pub presenting: bool,
    /// Today's date, passed in (used as the default for date fields).
    pub today: NaiveDate,
    /// Cells where raters disagree most, computed once per revision; empty without raters.
    pub discuss_first: &'a [(OptionId, CriterionId)],
    /// The scores the ranking uses: `session` with raters' scores aggregated where raters
    /// scored (computed once per revision), else `session` itself.
    pub scored: &'a Session,
    /// The Markdown decision record, computed once per revision while Log & share is shown.
    pub summary: &'a str,
    /// The background robustness analysis, when the window runs one.
    pub robustness: Option<RobustnessShown<'a>>,
    /// The narrative memo's length, computed once per revision while Log & share is shown.
    pub memo_length: Option<MemoLength>,
    /// The line of the standard robustness verdict (the one the record states), while Log &
    /// share is shown or presenting.
    pub standard_verdict: Option<&'a str>,
    /// What the window shows around the place.
    pub chrome: Chrome,
    /// How the place was arrived at this frame, until a field has taken the keyboard.
    arrived: Option<Arrival>,
    /// The rater scoring blind in the Matrix, if one is: until they reveal, nothing derived
    /// from scores (totals, ranks, charts, the recommendation, the record) may be shown.
    pub blind: Option<RaterId>,
    out: Outbox,
}

/// The ranking a blind view looks ranks up in: it has no rows, so no view finds a rank.
static NO_RANKING: Ranking = Ranking {
    rows: Vec::new(),
    no_weight: false,
};

impl<'a> ViewCtx<'a> {
    /// A context with an empty outbox.
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
            ranks: RankLookup::new(ranking),
            recommendation,
            presenting,
            today,
            discuss_first: &[],
            scored: session,
            summary: "",
            robustness: None,
            memo_length: None,
            standard_verdict: None,
            chrome: Chrome::default(),
            arrived: None,
            blind: None,
            out: Outbox::default(),
        }
    }

    /// Sets the cells to discuss first (see [`crate::analysis::raters::discuss_first_cells`]).
    pub fn with_discuss_first(mut self, cells: &'a [(OptionId, CriterionId)]) -> Self {
        self.discuss_first = cells;
        self
    }

    /// Sets the session with raters' scores aggregated, when it differs from `session`.
    pub fn with_scored(mut self, scored: Option<&'a Session>) -> Self {
        if let Some(scored) = scored {
            self.scored = scored;
        }
        self
    }

    /// Sets the decision record shown in Log & share.
    pub fn with_summary(mut self, summary: &'a str) -> Self {
        self.summary = summary;
        self
    }

    /// Sets the memo length shown in Log & share.
    pub fn with_memo_length(mut self, length: Option<MemoLength>) -> Self {
        self.memo_length = length;
        self
    }

    /// Sets the standard robustness verdict's line.
    pub fn with_standard_verdict(mut self, line: Option<&'a str>) -> Self {
        self.standard_verdict = line;
        self
    }

    /// Shows the robustness analysis in Decide.
    pub fn with_robustness(mut self, robustness: RobustnessShown<'a>) -> Self {
        self.robustness = Some(robustness);
        self
    }

    /// Sets what the window shows around the place.
    pub fn with_chrome(mut self, chrome: Chrome) -> Self {
        self.chrome = chrome;
        self
    }

    /// Marks this frame as the first of the place, so its first field takes the keyboard.
    pub fn with_arrival(mut self, arrived: Option<Arrival>) -> Self {
        self.arrived = arrived.filter(|_| !self.presenting);
        self
    }

    /// Gives `response`'s widget the keyboard when it is the first field drawn on arriving
    /// at the place; every field that can come first calls this. A document just opened
    /// keeps its page at the top, even when that field is further down.
    pub fn focus_on_arrival(&mut self, response: &egui::Response) {
        match self.arrived.take() {
            Some(Arrival::Opened) => {
                response.request_focus();
                crate::ui::focus_view::leave_scroll_alone(response);
            }
            Some(Arrival::Tabbed) => response.request_focus(),
            None => {}
        }
    }

    /// True, once, on arriving at the place: for a place whose first field is not drawn
    /// yet when it decides where the keyboard goes (the Matrix's first cell).
    pub fn take_arrival(&mut self) -> bool {
        self.arrived.take().is_some()
    }

    /// Sets the rater scoring blind. While one is, [`Self::ranks`] finds no rank for any
    /// option, so a view that shows ranks in passing (the Menu's list) shows none.
    pub fn with_blind(mut self, rater: Option<RaterId>) -> Self {
        if rater.is_some() {
            self.ranks = RankLookup::new(&NO_RANKING);
        }
        self.blind = rater;
        self
    }

    /// Starts from intents gathered before the views draw (keyboard, dropped files).
    pub fn with_outbox(mut self, out: Outbox) -> Self {
        self.out = out;
        self
    }

    /// Asks for `edit` to be applied.
    pub fn edit(&mut self, edit: Edit) {
        self.out.push(Intent::Edit(edit));
    }

    /// Asks for the current undo step to end.
    pub fn seal(&mut self) {
        self.out.push(Intent::Seal);
    }

    /// Seals when `response` shows that a text field lost focus or a drag ended.
    pub fn seal_after(&mut self, response: &egui::Response) {
        if response.lost_focus() || response.drag_stopped() {
            self.seal();
        }
    }

    /// Asks for `command` to run.
    pub fn command(&mut self, command: Command) {
        self.out.command(command);
    }

    /// Asks for the keyboard focus to go to the widget `id`.
    pub fn focus(&mut self, id: egui::Id) {
        self.out.push(Intent::Focus(id));
    }

    /// Asks for anything else.
    pub fn push(&mut self, intent: Intent) {
        self.out.push(intent);
    }

    /// The outbox, for drawing that follows the views (dialogs).
    pub fn outbox(&mut self) -> &mut Outbox {
        &mut self.out
    }

    /// The intents emitted so far, in order.
    pub fn into_intents(self) -> Vec<Intent> {
        self.out.into_intents()
    }

    /// The outbox with everything emitted so far.
    pub fn into_outbox(self) -> Outbox {
        self.out
    }
}
