//! The window's side of the Portfolio view: opening a folder, watching it, drawing the view
//! and turning what it asks for into commands.

use super::portfolio_window::{PortfolioLoad, PortfolioWindow};
use super::verdict_app::VerdictApp;
use crate::ui::command::Command;
use crate::ui::portfolio::{PortfolioAction, portfolio_ui};
use crate::ui::view_ctx::ViewCtx;
use std::path::Path;
use std::time::Instant;

impl VerdictApp {
    /// Starts reading `root` as the portfolio; it is shown once read and solved.
    pub(super) fn open_portfolio(&mut self, ctx: &egui::Context, root: &Path) {
        self.portfolio_load = Some(PortfolioLoad::start(root.to_path_buf(), ctx, None));
    }

    /// Installs a portfolio that finished loading: shown, its core index started, files
    /// that could not be read named (on a first open).
    fn install_portfolio(&mut self, ctx: &egui::Context, load: PortfolioLoad) {
        let reload = load.is_reload();
        match load.finish() {
            Ok(mut window) => {
                if !reload {
                    window.visible = true;
                }
                let root = window.root().to_path_buf();
                let left_out = window.folder.problems.len();
                // The core index starts at once on its worker; the table fills in when done.
                window.start_core(ctx);
                if let Some(old) = self.portfolio.as_mut() {
                    old.cancel_core();
                }
                self.portfolio = Some(window);
                // An earlier failure to open a portfolio is no longer true once one opens.
                if !reload
                    && self
                        .open
                        .notice
                        .as_ref()
                        .is_some_and(|n| n.is_error && n.text.contains("folder of session files"))
                {
                    self.open.notice = None;
                }
                if left_out > 0 && !reload {
                    self.error(format!(
                        "{}: {left_out} file(s) could not be read and are left out; they are \
                         listed at the top of the Portfolio view.",
                        root.display()
                    ));
                }
            }
            Err(err) if reload => {
                self.error(format!("The portfolio could not be read again: {err}."));
            }
            Err(err) => self.error(format!("{err}; choose a folder of session files.")),
        }
    }

    /// Reads the open portfolio again on a worker, keeping its view.
    fn reload_portfolio(&mut self, ctx: &egui::Context) {
        if let Some(window) = self.portfolio.as_mut() {
            let keep = window.keep_for_reload();
            let root = window.root().to_path_buf();
            self.portfolio_load = Some(PortfolioLoad::start(root, ctx, Some(keep)));
        }
    }

    /// Waits for a portfolio being read and installs it (tests use it instead of waiting
    /// for repaints).
    pub fn wait_for_portfolio(&mut self, ctx: &egui::Context) {
        if let Some(load) = self.portfolio_load.take() {
            self.install_portfolio(ctx, load);
        }
    }

    /// Installs a portfolio that finished loading, and reloads the open one when a file in
    /// its folder changed (a save in another window, a `git pull`); keeps looking while the
    /// view is shown.
    pub(super) fn watch_portfolio(&mut self, ctx: &egui::Context) {
        if self
            .portfolio_load
            .as_ref()
            .is_some_and(PortfolioLoad::is_finished)
            && let Some(load) = self.portfolio_load.take()
        {
            self.install_portfolio(ctx, load);
        }
        let Some(window) = self.portfolio.as_mut() else {
            return;
        };
        if !window.visible || self.portfolio_load.is_some() {
            return;
        }
        ctx.request_repaint_after(super::portfolio_window::WATCH_EVERY);
        let asked = std::mem::take(&mut window.reload_requested);
        if asked || window.folder_changed(Instant::now()) {
            self.reload_portfolio(ctx);
        }
    }
}

/// Draws the Portfolio view of `window`; a session clicked open goes into the outbox as a
/// command, the rest (the core-index worker, hiding, a reload) is the window's own state.
pub(super) fn portfolio_view_ui(
    ui: &mut egui::Ui,
    window: &mut PortfolioWindow,
    cx: &mut ViewCtx<'_>,
) {
    let progress = window.poll_core(ui.ctx());
    let mut view = window.view.clone();
    // Down only: the sessions table scrolls sideways on its own, so the rest of the view
    // keeps to the window's width.
    let actions = egui::ScrollArea::vertical()
        .id_salt("portfolio")
        .auto_shrink([false, false])
        .show(ui, |ui| match window.screen(progress) {
            Some(screen) => portfolio_ui(ui, &screen, &mut view),
            None => Vec::new(),
        })
        .inner;
    window.view = view;
    for action in actions {
        match action {
            PortfolioAction::OpenSession(relative) => {
                cx.command(Command::OpenPath(window.path_of(&relative)));
            }
            PortfolioAction::RunCoreIndex => window.start_core(ui.ctx()),
            PortfolioAction::CancelCoreIndex => window.cancel_core(),
            PortfolioAction::Reload => window.reload_requested = true,
            PortfolioAction::Hide => window.visible = false,
        }
    }
}
