//! The menu bar: File, Edit, View, Go and Help, all built from [`Command`]s.

use super::command::Command;
use super::nav::Place;
use crate::export::Format;
use std::path::PathBuf;

/// What the menu bar shows besides the commands themselves.
#[derive(Debug, Default)]
pub struct MenuBarInfo {
    /// "Undo: change Cost of …", or `None` when there is nothing to undo.
    pub undo_label: Option<String>,
    /// "Redo: …", or `None`.
    pub redo_label: Option<String>,
    /// Recent files, newest first.
    pub recent: Vec<PathBuf>,
    /// True in presentation mode.
    pub presenting: bool,
    /// True with the dark theme.
    pub dark: bool,
    /// True when the document cannot be saved over its file (opened read-only).
    pub read_only: bool,
    /// True when a portfolio is open (its view can be shown again).
    pub has_portfolio: bool,
}

/// Draws the menu bar; returns the command picked, if any.
pub fn menu_bar_ui(ui: &mut egui::Ui, info: &MenuBarInfo) -> Option<Command> {
    let mut picked = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for command in [Command::New, Command::Open] {
                if command.menu_item(ui, true) {
                    picked = Some(command);
                }
            }
            ui.menu_button("Open recent", |ui| {
                if info.recent.is_empty() {
                    ui.weak("No recent files");
                }
                for path in &info.recent {
                    let command = Command::OpenPath(path.clone());
                    if command.menu_item(ui, true) {
                        picked = Some(command);
                    }
                }
            });
            if Command::OpenPortfolio.menu_item(ui, true) {
                picked = Some(Command::OpenPortfolio);
            }
            if info.has_portfolio && Command::ShowPortfolio.menu_item(ui, true) {
                picked = Some(Command::ShowPortfolio);
            }
            ui.separator();
            if Command::Save.menu_item(ui, !info.read_only) {
                picked = Some(Command::Save);
            }
            if Command::SaveAs.menu_item(ui, true) {
                picked = Some(Command::SaveAs);
            }
            ui.separator();
            for format in Format::ALL {
                let command = Command::Export(format);
                if command.menu_item(ui, true) {
                    picked = Some(command);
                }
            }
            ui.separator();
            if Command::Quit.menu_item(ui, true) {
                picked = Some(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            let undo = info.undo_label.as_deref();
            if Command::Undo.menu_item_labelled(ui, undo.unwrap_or("Undo"), undo.is_some()) {
                picked = Some(Command::Undo);
            }
            let redo = info.redo_label.as_deref();
            if Command::Redo.menu_item_labelled(ui, redo.unwrap_or("Redo"), redo.is_some()) {
                picked = Some(Command::Redo);
            }
        });
        ui.menu_button("View", |ui| {
            let presentation = if info.presenting {
                "Leave presentation mode"
            } else {
                "Presentation mode"
            };
            if Command::TogglePresentation.menu_item_labelled(ui, presentation, true) {
                picked = Some(Command::TogglePresentation);
            }
            let theme = if info.dark {
                "Light theme"
            } else {
                "Dark theme"
            };
            if Command::ToggleTheme.menu_item_labelled(ui, theme, true) {
                picked = Some(Command::ToggleTheme);
            }
            ui.separator();
            for command in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
                if command.menu_item(ui, true) {
                    picked = Some(command);
                }
            }
        });
        ui.menu_button("Go", |ui| {
            for place in Place::ALL {
                let command = Command::GoTo(place);
                if command.menu_item(ui, true) {
                    picked = Some(command);
                }
            }
        });
        ui.menu_button("Help", |ui| {
            if Command::ToggleShortcuts.menu_item(ui, true) {
                picked = Some(Command::ToggleShortcuts);
            }
        });
    });
    picked
}
