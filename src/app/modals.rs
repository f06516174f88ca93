//! The notice under the menu bar and the modal questions: unsaved changes, a file changed
//! on disk, a path typed in the window, unsaved work to restore, and the keyboard
//! shortcuts. Each answer goes into the frame's outbox as a command.

use super::notice::Notice;
use super::open_document::Dialog;
use super::recovery::RecoveryOffer;
use super::verdict_app::VerdictApp;
use crate::ui::command::{Command, shortcuts_ui};
use crate::ui::outbox::{Intent, Outbox};
use crate::ui::theme;
use std::path::PathBuf;

/// The notice line (the document's, else the window's), with Dismiss and, after a failed
/// save, Save As.
pub(super) fn notice_ui(ui: &mut egui::Ui, notice: Option<&Notice>, out: &mut Outbox) {
    let Some(shown) = notice else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let colour = if shown.is_error {
            theme::palette(ui).error
        } else {
            theme::palette(ui).good
        };
        ui.colored_label(colour, &shown.text);
        if shown.offer_save_as && ui.button(Command::SaveAs.label()).clicked() {
            out.command(Command::DismissNotice);
            out.command(Command::SaveAs);
        }
        if ui.small_button(Command::DismissNotice.label()).clicked() {
            out.command(Command::DismissNotice);
        }
    });
}

/// A button labelled as `command` is; pushes it (as answered) when clicked.
fn answer_button(ui: &mut egui::Ui, out: &mut Outbox, command: Command) {
    if ui
        .button(command.label())
        .on_hover_text(command.tooltip())
        .clicked()
    {
        out.push(Intent::Confirmed(command));
    }
}

impl VerdictApp {
    /// Draws whichever modal is open; answers go into `out`.
    pub(super) fn modals_ui(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        let name = self.open.display_name();
        let serial = self.open.serial;
        // A question about the open document comes first: restoring unsaved work may have
        // to ask about the document's own unsaved changes.
        if let Some(dialog) = &mut self.open.dialog {
            match dialog {
                Dialog::UnsavedChanges(waiting) => confirm_modal(ctx, &name, waiting, out),
                Dialog::ChangedOnDisk => conflict_modal(ctx, &name, out),
                Dialog::PathPrompt { purpose, text } => {
                    prompt_modal(ctx, serial, purpose, text, out);
                }
            }
        } else if let Some(offer) = &self.recovery_offer {
            recovery_modal(ctx, offer, out);
        } else if self.show_shortcuts {
            let response = egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
                ui.heading("Keyboard shortcuts");
                // The list is longer than a small window: it scrolls between the heading
                // and Close, which stay in view.
                let room = ctx.content_rect().height() * SHEET_SHARE;
                egui::ScrollArea::vertical()
                    .max_height(room)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        crate::ui::focus_view::scroll_with_keys(ui, room);
                        shortcuts_ui(ui);
                    });
                ui.add_space(theme::SPACE_L);
                ui.button("Close").clicked()
            });
            if response.inner || response.should_close() {
                out.command(Command::ToggleShortcuts);
            }
        }
    }
}

/// The share of the window's height the shortcut list may take.
const SHEET_SHARE: f32 = 0.7;

fn confirm_modal(ctx: &egui::Context, name: &str, waiting: &Command, out: &mut Outbox) {
    let response = egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!(
            "{name} has changes that are not saved. Save them before you {}?",
            match waiting {
                Command::Quit => "close the window",
                Command::New => "start a new session",
                Command::Revert => "go back to the saved file",
                Command::Restore => "restore other unsaved work",
                _ => "open another file",
            }
        ));
        ui.add_space(theme::SPACE_L);
        ui.horizontal(|ui| {
            answer_button(ui, out, Command::SaveThen(Box::new(waiting.clone())));
            if ui.button("Discard changes").clicked() {
                out.push(Intent::Confirmed(waiting.clone()));
            }
            answer_button(ui, out, Command::CloseDialog);
        });
    });
    if response.should_close() {
        out.command(Command::CloseDialog);
    }
}

fn conflict_modal(ctx: &egui::Context, name: &str, out: &mut Outbox) {
    egui::Modal::new(egui::Id::unique("conflict")).show(ctx, |ui| {
        ui.heading("The file changed on disk");
        ui.label(format!(
            "Someone else changed {name} after you opened it. Saving now would overwrite \
             their changes."
        ));
        ui.horizontal(|ui| {
            if ui.button("Reload theirs").clicked() {
                out.push(Intent::Confirmed(Command::Revert));
            }
            answer_button(ui, out, Command::Overwrite);
            if ui.button("Save mine as…").clicked() {
                out.push(Intent::Confirmed(Command::SaveAs));
            }
            answer_button(ui, out, Command::CloseDialog);
        });
    });
}

/// The path typed in the window. Its field is keyed by the document's `serial`, so its
/// text and undo never reach another document's prompt.
fn prompt_modal(
    ctx: &egui::Context,
    serial: u64,
    purpose: &Command,
    text: &mut String,
    out: &mut Outbox,
) {
    let mut answer: Option<Option<PathBuf>> = None;
    let id = egui::Id::unique(("path-prompt", serial));
    let response = egui::Modal::new(id).show(ctx, |ui| {
        ui.heading(purpose.label().trim_end_matches('…'));
        let what = if matches!(purpose, Command::OpenPortfolio) {
            "folder"
        } else {
            "file"
        };
        ui.label(format!(
            "No file chooser is available on this desktop; type the {what}'s path."
        ));
        let label = ui.label("File path");
        let field = ui
            .add(egui::TextEdit::singleline(text).desired_width(420.0))
            .labelled_by(label.id);
        if !field.has_focus() && !field.lost_focus() {
            out.push(Intent::Focus(field.id));
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let typed = text.trim();
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(!typed.is_empty(), egui::Button::new("OK"));
            if ok.clicked() || (enter && !typed.is_empty()) {
                answer = Some(Some(PathBuf::from(typed)));
            }
            if ui.button(Command::CloseDialog.label()).clicked() {
                answer = Some(None);
            }
        });
    });
    if response.should_close() && answer.is_none() {
        answer = Some(None);
    }
    match answer {
        Some(Some(path)) => out.push(Intent::Confirmed(Command::UsePath(
            Box::new(purpose.clone()),
            path,
        ))),
        Some(None) => out.command(Command::CloseDialog),
        None => {}
    }
}

fn recovery_modal(ctx: &egui::Context, offer: &RecoveryOffer, out: &mut Outbox) {
    egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        ui.heading("Restore unsaved work?");
        let from = offer.source.as_ref().map_or_else(
            || "an untitled session".to_owned(),
            |p| p.display().to_string(),
        );
        ui.label(format!(
            "Verdict did not close cleanly last time. There is unsaved work on {from} \
             (“{}”, {} options).",
            offer.session.title,
            offer.session.options.len()
        ));
        if offer.source_changed {
            ui.colored_label(
                theme::palette(ui).warning,
                "That file has changed on disk since: restoring opens the unsaved work \
                 beside it, and saving will ask before overwriting the newer file.",
            );
        }
        ui.label("Restoring opens it as unsaved changes; the file on disk is not touched.");
        ui.horizontal(|ui| {
            // Restoring replaces the open document, so it asks about unsaved changes.
            if ui
                .button(Command::Restore.label())
                .on_hover_text(Command::Restore.tooltip())
                .clicked()
            {
                out.command(Command::Restore);
            }
            answer_button(ui, out, Command::DiscardRestorable);
        });
    });
}
