//! Starting the window: which session to show first, and the eframe hooks (frame, saving
//! preferences, closing).

use super::file_worker::FileJob;
use super::prefs::Prefs;
use super::verdict_app::VerdictApp;
use crate::model::Session;
use crate::store;
use std::path::PathBuf;

/// The shipped example, opened on the very first run.
pub const EXAMPLE_PATH: &str = "saves/live-streams.ron";

/// The example built into the program, for when it is run away from its folder.
const EXAMPLE_TEXT: &str = include_str!("../../saves/live-streams.ron");

/// The built-in example session, or an empty one should it ever fail to load.
pub fn example_session() -> Session {
    store::load_named(EXAMPLE_TEXT.as_bytes(), "live-streams.ron")
        .map(|loaded| loaded.session)
        .unwrap_or_else(|_| Session::new(""))
}

/// What to open at start: the file given, else the last session, else the example on
/// disk; `None` means "use the built-in example".
pub fn first_file(given: Option<PathBuf>, prefs: &Prefs) -> Option<PathBuf> {
    given
        .or_else(|| prefs.last_file.clone().and_then(store::existing_file))
        .or_else(|| store::existing_file(PathBuf::from(EXAMPLE_PATH)))
}

impl VerdictApp {
    /// The app as the window starts it: preferences from eframe storage, recovery in the
    /// data folder, and `file` (or the last session, or the example) loading in the
    /// background.
    pub fn start(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        // `verdict DIR` opens the folder as a portfolio, over the example session.
        if let Some(dir) = file.as_ref().filter(|f| crate::store::is_folder(f)) {
            let mut app = Self::start(cc, None);
            app.open_portfolio(&cc.egui_ctx, dir);
            return app;
        }
        let prefs = Prefs::load(cc.storage);
        let open = first_file(file, &prefs);
        let initial = if open.is_some() {
            Session::new("")
        } else {
            example_session()
        };
        let folders = super::review_list::review_folders(&prefs.recent);
        let mut app = Self::new(initial, prefs);
        let today = (app.clock)().date_naive();
        app.reviews =
            super::review_list::ReviewList::start(folders, today, Some(cc.egui_ctx.clone()));
        if let Some(recovery) = app.recovery.clone() {
            app = app.with_recovery(recovery);
        }
        if let Some(path) = open {
            app.files.set_waker(&cc.egui_ctx);
            let asked_at = app.open.key();
            app.files.submit(FileJob::Load { path, asked_at });
        }
        app
    }
}

impl eframe::App for VerdictApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.store(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Let a save or the recovery copy that is under way finish before the process ends.
        self.files.wait_all(std::time::Duration::from_secs(5));
    }
}

/// The window's options: a sensible size, the glow renderer, files can be dropped in.
pub fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Verdict")
            .with_app_id("verdict")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    }
}
