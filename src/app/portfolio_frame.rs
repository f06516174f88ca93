//! The window's side of the Portfolio view: opening a folder, watching it, drawing the view
//! and turning what it asks for into commands.

use super::portfolio_window::PortfolioWindow;
use super::verdict_app::VerdictApp;
use crate::ui::command::Command;
use crate::ui::portfolio::{PortfolioAction, portfolio_ui};
use std::path::Path;
use std::time::Instant;

impl VerdictApp {
    /// Opens `root` as the portfolio and shows it; a folder that cannot be read leaves the
    /// current one (if any) and says why.
    pub(super) fn open_portfolio(&mut self, ctx: &egui::Context, root: &Path) {
        match PortfolioWindow::open(root) {
            Ok(mut window) => {
                let left_out = window.folder.problems.len();
                if let Some(old) = self.portfolio.as_mut() {
                    old.cancel_core();
                }
                window.visible = true;
                // The core index starts at once on its worker; the table fills in when done.
                window.start_core(ctx);
                self.portfolio = Some(window);
                if left_out > 0 {
                    self.error(format!(
                        "{}: {left_out} file(s) could not be read and are left out; they are \
                         listed at the top of the Portfolio view.",
                        root.display()
                    ));
                }
            }
            Err(err) => self.error(format!("{err}; choose a folder of session files.")),
        }
    }

    /// Reloads the open portfolio when a file in its folder changed (a save in another
    /// window, a `git pull`), and keeps looking while the view is shown.
    pub(super) fn watch_portfolio(&mut self, ctx: &egui::Context) {
        let Some(window) = self.portfolio.as_mut() else {
            return;
        };
        if !window.visible {
            return;
        }
        ctx.request_repaint_after(super::portfolio_window::WATCH_EVERY);
        if window.folder_changed(Instant::now()) {
            match window.reload() {
                // The core index of the old sessions no longer holds: run it again.
                Ok(()) => window.start_core(ctx),
                Err(err) => self.error(format!("The portfolio could not be read again: {err}.")),
            }
        }
    }

    /// Draws the Portfolio view and returns the commands it leads to.
    pub(super) fn portfolio_view_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let Some(window) = self.portfolio.as_mut() else {
            return Vec::new();
        };
        let progress = window.poll_core(ui.ctx());
        let mut view = window.view.clone();
        let actions = egui::ScrollArea::both()
            .id_salt("portfolio")
            .auto_shrink([false, false])
            .show(ui, |ui| match window.screen(progress) {
                Some(screen) => portfolio_ui(ui, &screen, &mut view),
                None => Vec::new(),
            })
            .inner;
        window.view = view;
        let mut commands = Vec::new();
        for action in actions {
            match action {
                PortfolioAction::OpenSession(relative) => {
                    commands.push(Command::OpenPath(window.path_of(&relative)));
                }
                PortfolioAction::RunCoreIndex => window.start_core(ui.ctx()),
                PortfolioAction::CancelCoreIndex => window.cancel_core(),
                PortfolioAction::Reload => match window.reload() {
                    Ok(()) => window.start_core(ui.ctx()),
                    Err(err) => {
                        let text = format!("The portfolio could not be read again: {err}.");
                        self.error(text);
                        return commands;
                    }
                },
                PortfolioAction::Hide => window.visible = false,
            }
        }
        commands
    }
}
