//! The application state and the frame: draw every part, then apply what the views asked.

use super::analysis_worker::AnalysisWorker;
use super::dialogs::{FileDialogs, NativeDialogs, PromptOnly};
use super::file_worker::FileWorker;
use super::frame::dropped_files;
use super::prefs::Prefs;
use super::recovery::{RecoveryOffer, find_offer};
use crate::analysis::{Ranking, Recommendation, rank, recommend_from};
use crate::document::Document;
use crate::export::{self, Format};
use crate::model::{CriterionId, OptionId, Session};
use crate::store::{DocumentLock, FileStamp, RecoveryStore};
use crate::ui::Intent;
use crate::ui::command::{Command, commands_from_keyboard};
use crate::ui::decide_view::DecideState;
use crate::ui::log_view::LogState;
use crate::ui::matrix_view::MatrixState;
use crate::ui::menu_view::MenuState;
use crate::ui::nav::Place;
use crate::ui::presentation::apply_style;
use crate::ui::robustness_view::RobustnessSettings;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::time::Instant;

/// A message shown under the menu bar until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// What happened, where, and what to do.
    pub text: String,
    /// Shown as an error.
    pub is_error: bool,
    /// Offer "Save As…" next to it (after a failed save).
    pub offer_save_as: bool,
}

/// Results computed from the document, refreshed only when it changes.
pub(super) struct Derived {
    pub(super) key: (u64, u64),
    pub(super) ranking: Ranking,
    pub(super) recommendation: Recommendation,
    pub(super) discuss_first: Vec<(OptionId, CriterionId)>,
    pub(super) summary: Option<((u64, u64), String)>,
}

/// A path typed in the window because no file dialog could be shown.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PathPrompt {
    pub(super) purpose: Command,
    pub(super) text: String,
}

/// The Verdict window's state: the open document, preferences, and runtime state.
pub struct VerdictApp {
    pub(super) doc: Document,
    /// Bumped whenever `doc` is replaced, so caches keyed by revision stay honest.
    pub(super) generation: u64,
    pub(super) path: Option<PathBuf>,
    pub(super) prefs: Prefs,
    pub(super) place: Place,
    pub(super) presenting: bool,
    pub(super) derived: Derived,
    pub(super) menu: MenuState,
    pub(super) matrix: MatrixState,
    pub(super) decide: DecideState,
    pub(super) log: LogState,
    pub(super) files: FileWorker,
    pub(super) dialogs: Box<dyn FileDialogs>,
    pub(super) prompt: Option<PathPrompt>,
    /// A command waiting for an answer about unsaved changes.
    pub(super) confirm: Option<Command>,
    /// A command to run once the save in progress succeeds.
    pub(super) after_save: Option<Command>,
    pub(super) notice: Option<Notice>,
    /// The file as loaded or last saved, for the external-change check.
    pub(super) stamp: Option<FileStamp>,
    /// The edit lock on `path`; `None` with a path means the file is open read-only.
    pub(super) lock: Option<DocumentLock>,
    /// Opened read-only (another window has it): Save goes to Save As.
    pub(super) read_only: bool,
    /// The file changed on disk since it was loaded; asking reload / overwrite / save as.
    pub(super) conflict: bool,
    pub(super) recovery: Option<RecoveryStore>,
    pub(super) recovery_offer: Option<RecoveryOffer>,
    /// The recovery file this run wrote last, deleted after a save.
    pub(super) recovery_file: Option<PathBuf>,
    /// (generation, revision) last written to the recovery file.
    pub(super) recovery_written: Option<(u64, u64)>,
    /// The last copy for recovery failed (the user was told once).
    pub(super) recovery_off: bool,
    pub(super) last_edit: Option<Instant>,
    pub(super) allow_close: bool,
    pub(super) show_shortcuts: bool,
    pub(super) title_sent: String,
    pub(super) style_applied: Option<(bool, u32, bool)>,
    pub(super) clock: Box<dyn Fn() -> DateTime<Utc>>,
    pub(super) started: bool,
    /// The background robustness analysis shown in Decide; `None` leaves it out.
    pub(super) analysis: Option<AnalysisWorker>,
    pub(super) robustness: RobustnessSettings,
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
        let place = prefs.last_place;
        let doc = Document::new(session);
        let derived = derive(&doc, (0, 0));
        Self {
            doc,
            generation: 0,
            path: None,
            prefs,
            place,
            presenting: false,
            derived,
            menu: MenuState::default(),
            matrix: MatrixState::default(),
            decide: DecideState::default(),
            log: LogState::default(),
            files: FileWorker::default(),
            dialogs: Box::new(PromptOnly),
            prompt: None,
            confirm: None,
            after_save: None,
            notice: None,
            stamp: None,
            lock: None,
            read_only: false,
            conflict: false,
            recovery: None,
            recovery_offer: None,
            recovery_file: None,
            recovery_written: None,
            recovery_off: false,
            last_edit: None,
            allow_close: false,
            show_shortcuts: false,
            title_sent: String::new(),
            style_applied: None,
            clock: Box::new(Utc::now),
            started: false,
            analysis: None,
            robustness: RobustnessSettings::default(),
            portfolio: None,
            portfolio_load: None,
        }
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

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The open portfolio, if any.
    pub fn portfolio(&mut self) -> Option<&mut super::portfolio_window::PortfolioWindow> {
        self.portfolio.as_mut()
    }

    /// The file the document belongs to, if any.
    pub fn path(&self) -> Option<&PathBuf> {
        self.path.as_ref()
    }

    /// The preferences (saved by eframe between runs).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// True when the file is open read-only because another window is editing it.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The place shown.
    pub fn place(&self) -> Place {
        self.place
    }

    /// True in presentation mode.
    pub fn is_presenting(&self) -> bool {
        self.presenting
    }

    /// The message shown under the menu bar, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Unsaved work found at start and not answered yet.
    pub fn recovery_offer(&self) -> Option<&RecoveryOffer> {
        self.recovery_offer.as_ref()
    }

    /// The window title: `NAME — Verdict`, with `•` when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let dirty = if self.doc.is_dirty() { " •" } else { "" };
        let read_only = if self.read_only { " (read-only)" } else { "" };
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

    /// Draws one frame of the whole window and applies what it asked for.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            self.started = true;
            self.files.set_waker(&ctx);
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        for done in self.files.poll() {
            self.file_done(&ctx, done);
        }
        self.watch_portfolio(&ctx);
        let mut commands = commands_from_keyboard(&ctx);
        commands.extend(self.presentation_keys(&ctx));
        commands.extend(dropped_files(&ctx));
        self.handle_close_request(&ctx);
        self.refresh_style(&ctx);
        self.refresh_title(&ctx);
        self.refresh_derived();

        let intents = self.panels_ui(ui, &mut commands);
        commands.extend(self.modals_ui(&ctx));
        self.apply_intents(intents);
        for command in commands {
            self.run_command(&ctx, command, false);
        }
        self.autosave(&ctx);
    }

    fn apply_intents(&mut self, intents: Vec<Intent>) {
        for intent in intents {
            match intent {
                Intent::Edit(edit) => {
                    let rev = self.doc.revision();
                    match self.doc.apply(edit, (self.clock)()) {
                        Ok(()) if self.doc.revision() != rev => {
                            self.last_edit = Some(Instant::now());
                        }
                        Ok(()) => {}
                        Err(err) => self.error(format!("That change was not made: {err}.")),
                    }
                }
                Intent::Seal => self.doc.seal(),
            }
        }
        self.refresh_derived();
    }

    /// Recomputes ranking, recommendation and (on the Log place) the summary when the
    /// document changed since they were computed.
    pub(super) fn refresh_derived(&mut self) {
        let key = (self.generation, self.doc.revision());
        if self.derived.key != key {
            let summary = self.derived.summary.take();
            self.derived = derive(&self.doc, key);
            self.derived.summary = summary;
        }
        if self.place == Place::Log && self.derived.summary.as_ref().is_none_or(|(k, _)| *k != key)
        {
            let today = (self.clock)().date_naive();
            let text = export::render(self.doc.session(), Format::Markdown, today);
            self.derived.summary = Some((key, text));
        }
    }

    fn refresh_style(&mut self, ctx: &egui::Context) {
        let wanted = (self.prefs.dark, self.prefs.zoom.to_bits(), self.presenting);
        if self.style_applied != Some(wanted) {
            apply_style(ctx, self.prefs.dark, self.prefs.zoom, self.presenting);
            self.style_applied = Some(wanted);
        }
    }

    fn refresh_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Command::Quit);
        }
    }

    pub(super) fn error(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: true,
            offer_save_as: false,
        });
    }

    pub(super) fn info(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: false,
            offer_save_as: false,
        });
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
        summary: None,
    }
}
