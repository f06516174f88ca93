//! The application state: the open document, and what belongs to the window whatever
//! document is open (preferences, presentation, workers, dialogs of the desktop).

use super::analysis_worker::AnalysisWorker;
use super::dialogs::{FileDialogs, NativeDialogs, PromptOnly};
use super::file_worker::FileWorker;
use super::notice::Notice;
use super::open_document::OpenDocument;
use super::prefs::Prefs;
use super::record_cache::RecordCache;
use super::recovery::{RecoveryOffer, find_offer};
use crate::analysis::{Ranking, Recommendation, rank, recommend_from};
use crate::document::Document;
use crate::model::{CriterionId, OptionId, Session};
use crate::store::RecoveryStore;
use crate::ui::command::Command;
use crate::ui::nav::Place;
use chrono::{DateTime, Utc};

/// Results computed from the document, refreshed only when it changes.
pub(super) struct Derived {
    /// The document (serial, revision) they were computed for.
    pub(super) key: (u64, u64),
    pub(super) ranking: Ranking,
    pub(super) recommendation: Recommendation,
    pub(super) discuss_first: Vec<(OptionId, CriterionId)>,
    /// The session with raters' scores aggregated, when raters scored: the scores the
    /// ranking uses, for the views that draw them.
    pub(super) scored: Option<Session>,
    /// The record and memo length Log & share shows, kept across revisions.
    pub(super) record: RecordCache,
}

/// The Verdict window's state: the open document, preferences, and runtime state.
pub struct VerdictApp {
    /// The document on screen with all its state; replaced whole by New, Open, Revert,
    /// Reload and Recover.
    pub(super) open: OpenDocument,
    /// The serial the next open document gets.
    pub(super) next_serial: u64,
    pub(super) prefs: Prefs,
    pub(super) presenting: bool,
    pub(super) derived: Derived,
    pub(super) files: FileWorker,
    pub(super) dialogs: Box<dyn FileDialogs>,
    /// A message about the window rather than the document (e.g. a recovery file that
    /// could not be removed).
    pub(super) notice: Option<Notice>,
    pub(super) recovery: Option<RecoveryStore>,
    pub(super) recovery_offer: Option<RecoveryOffer>,
    /// The last copy for recovery failed (the user was told once).
    pub(super) recovery_off: bool,
    pub(super) allow_close: bool,
    pub(super) show_shortcuts: bool,
    pub(super) title_sent: String,
    pub(super) style_applied: Option<(bool, u32, bool)>,
    pub(super) clock: Box<dyn Fn() -> DateTime<Utc>>,
    pub(super) started: bool,
    /// The document (by serial) drawn last frame, so that a document new to the window
    /// gives its place's first field the keyboard.
    pub(super) serial_drawn: Option<u64>,
    /// The background robustness analysis shown in Decide; `None` leaves it out.
    pub(super) analysis: Option<AnalysisWorker>,
    /// Sessions due for review, found on start.
    pub(super) reviews: super::review_list::ReviewList,
    /// The folder of sessions open as a portfolio, if any.
    pub(super) portfolio: Option<super::portfolio_window::PortfolioWindow>,
    /// A portfolio being read on a worker.
    pub(super) portfolio_load: Option<super::portfolio_window::PortfolioLoad>,
}

impl VerdictApp {
    /// An app on `session` with `prefs`, native dialogs, recovery in the user's data folder
    /// and the system clock. The caller loads any file.
    pub fn new(session: Session, prefs: Prefs) -> Self {
        let mut app = Self::new_for_test(session, prefs);
        app.dialogs = Box::new(NativeDialogs);
        app.recovery = RecoveryStore::in_user_data_dir();
        app.clock = Box::new(Utc::now);
        app.analysis = Some(AnalysisWorker::new());
        app
    }

    /// An app with no file dialogs (every file request opens the in-window path prompt),
    /// no recovery file, no background robustness analysis, and the system clock; for
    /// tests and benchmarks.
    pub fn new_for_test(session: Session, prefs: Prefs) -> Self {
        let open = OpenDocument::new(Document::new(session), 0);
        let derived = derive(&open.doc, open.key());
        Self {
            open,
            next_serial: 1,
            prefs,
            presenting: false,
            derived,
            files: FileWorker::default(),
            dialogs: Box::new(PromptOnly),
            notice: None,
            recovery: None,
            recovery_offer: None,
            recovery_off: false,
            allow_close: false,
            show_shortcuts: false,
            title_sent: String::new(),
            style_applied: None,
            clock: Box::new(Utc::now),
            started: false,
            serial_drawn: None,
            analysis: None,
            reviews: super::review_list::ReviewList::default(),
            portfolio: None,
            portfolio_load: None,
        }
    }

    /// The open portfolio, if any.
    pub fn portfolio(&mut self) -> Option<&mut super::portfolio_window::PortfolioWindow> {
        self.portfolio.as_mut()
    }

    /// Replaces the clock (tests pass a fixed one).
    pub fn with_clock(mut self, clock: impl Fn() -> DateTime<Utc> + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// Replaces the file dialogs.
    pub fn with_dialogs(mut self, dialogs: impl FileDialogs + 'static) -> Self {
        self.dialogs = Box::new(dialogs);
        self
    }

    /// Keeps the recovery copy in this folder and offers what an earlier run left there.
    pub fn with_recovery(mut self, recovery: RecoveryStore) -> Self {
        self.recovery_offer = find_offer(&recovery);
        self.recovery = Some(recovery);
        self
    }

    /// Runs the robustness analysis in the background and shows it in Decide.
    pub fn with_robustness(mut self) -> Self {
        self.analysis = Some(AnalysisWorker::new());
        self
    }

    /// The ranking of the current document.
    pub fn ranking(&self) -> &Ranking {
        &self.derived.ranking
    }

    /// The open document with its history.
    pub fn document(&self) -> &Document {
        &self.open.doc
    }

    /// The open document with everything the window keeps about it.
    pub fn open_document(&self) -> &OpenDocument {
        &self.open
    }

    /// The file the document belongs to, if any.
    pub fn path(&self) -> Option<&std::path::PathBuf> {
        self.open.path()
    }

    /// The preferences (saved by eframe between runs).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// True when the file is open read-only because another window is editing it.
    pub fn is_read_only(&self) -> bool {
        self.open.access.is_read_only()
    }

    /// The place shown.
    pub fn place(&self) -> Place {
        self.open.place
    }

    /// True in presentation mode.
    pub fn is_presenting(&self) -> bool {
        self.presenting
    }

    /// The message shown under the menu bar, if any: the document's, else the window's.
    pub fn notice(&self) -> Option<&Notice> {
        self.open.notice.as_ref().or(self.notice.as_ref())
    }

    /// Unsaved work found at start and not answered yet.
    pub fn recovery_offer(&self) -> Option<&RecoveryOffer> {
        self.recovery_offer.as_ref()
    }

    /// The window title: `NAME — Verdict`, with `•` when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let name = self.open.display_name();
        let dirty = if self.open.doc.is_dirty() { " •" } else { "" };
        let read_only = if self.is_read_only() {
            " (read-only)"
        } else {
            ""
        };
        format!("{name}{dirty}{read_only} — Verdict")
    }

    /// Runs `command` as if it had been picked from the menu.
    pub fn command(&mut self, ctx: &egui::Context, command: Command) {
        self.run_command(ctx, command, false);
    }

    /// Blocks until running loads and saves finish (up to 10 s) and applies their results;
    /// tests use it instead of waiting for repaints.
    pub fn wait_for_files(&mut self, ctx: &egui::Context) {
        for done in self.files.wait_all(std::time::Duration::from_secs(10)) {
            self.file_done(ctx, done);
        }
    }

    /// Recomputes ranking, recommendation and (on the Log place) the summary when the
    /// document changed since they were computed.
    pub(super) fn refresh_derived(&mut self) {
        let key = self.open.key();
        if self.derived.key != key {
            let record = std::mem::take(&mut self.derived.record);
            self.derived = derive(&self.open.doc, key);
            self.derived.record = record;
        }
        // The record (and the standard verdict it states) is drawn where it is read: on Log
        // & share, and while presenting, for the summary slide.
        if self.open.place == Place::Log || self.presenting {
            let today = (self.clock)().date_naive();
            self.derived
                .record
                .refresh(key, self.open.doc.session(), today);
        }
    }

    /// Shows an error about the document on screen.
    pub(super) fn error(&mut self, text: String) {
        self.open.notice = Some(Notice::error(text));
    }

    /// Shows a message about the document on screen.
    pub(super) fn info(&mut self, text: String) {
        self.open.notice = Some(Notice::info(text));
    }
}

fn derive(doc: &Document, key: (u64, u64)) -> Derived {
    let ranking = rank(doc.session());
    let recommendation = recommend_from(doc.session(), &ranking);
    Derived {
        key,
        ranking,
        recommendation,
        discuss_first: crate::analysis::raters::discuss_first_cells(doc.session()),
        scored: match crate::analysis::raters::aggregated(doc.session()) {
            std::borrow::Cow::Owned(scored) => Some(scored),
            std::borrow::Cow::Borrowed(_) => None,
        },
        record: RecordCache::default(),
    }
}
