//! The menu bar: File, Edit, View, Go and Help, all built from [`Command`]s.

use crate::export::Format;
use crate::ui::command::Command;
use crate::ui::nav::Place;
use crate::ui::view_ctx::ViewCtx;

/// Draws the menu bar; the command picked goes into `cx`.
pub fn menu_bar_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
    let info = &cx.chrome;
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
            if Command::Revert.menu_item(ui, info.has_file && info.dirty) {
                picked = Some(Command::Revert);
            }
            if Command::Recover.menu_item(ui, info.can_recover) {
                picked = Some(Command::Recover);
            }
            ui.separator();
            for format in Format::ALL {
                let command = Command::Export(format);
                if command.menu_item(ui, true) {
                    picked = Some(command);
                }
            }
            if Command::ImportCsv.menu_item(ui, !info.read_only) {
                picked = Some(Command::ImportCsv);
            }
            ui.separator();
            if Command::Quit.menu_item(ui, true) {
                picked = Some(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            for (command, label) in [
                (Command::Undo, info.undo_label.as_deref()),
                (Command::Redo, info.redo_label.as_deref()),
            ] {
                let shown = label.map_or_else(|| command.label(), str::to_owned);
                if command.menu_item_labelled(ui, &shown, label.is_some()) {
                    picked = Some(command);
                }
            }
            ui.separator();
            let editable = !info.read_only && !cx.presenting;
            for command in [
                Command::AddOption,
                Command::AddCriterion,
                Command::RecordOutcome,
            ] {
                if command.menu_item(ui, editable) {
                    picked = Some(command);
                }
            }
        });
        ui.menu_button("View", |ui| {
            for (command, on) in [
                (Command::TogglePresentation, cx.presenting),
                (Command::ToggleTheme, info.dark),
            ] {
                if command.menu_item_labelled(ui, &command.label_when(on), true) {
                    picked = Some(command);
                }
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
    if let Some(command) = picked {
        cx.command(command);
    }
}
