//! The notice under the menu bar and the modal questions: unsaved changes, a path typed in
//! the window, unsaved work to restore, and the keyboard shortcuts.

use super::verdict_app::VerdictApp;
use crate::document::Document;
use crate::ui::command::{Command, shortcuts_ui};
use crate::ui::theme;
use std::path::PathBuf;

impl VerdictApp {
    /// The notice line, with Dismiss and, after a failed save, Save As.
    pub(super) fn notice_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(notice) = &self.notice else {
            return commands;
        };
        let mut dismiss = false;
        ui.horizontal_wrapped(|ui| {
            let colour = if notice.is_error {
                theme::VETO
            } else {
                theme::GOOD
            };
            ui.colored_label(colour, &notice.text);
            if notice.offer_save_as && ui.button("Save As…").clicked() {
                commands.push(Command::SaveAs);
                dismiss = true;
            }
            if ui.small_button("Dismiss").clicked() {
                dismiss = true;
            }
        });
        if dismiss {
            self.notice = None;
        }
        commands
    }

    /// Draws whichever modal is open; returns commands to run.
    pub(super) fn modals_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let commands = Vec::new();
        if self.recovery_offer.is_some() {
            self.recovery_modal(ctx);
        } else if self.conflict {
            self.conflict_modal(ctx);
        } else if let Some(waiting) = self.confirm.clone() {
            self.confirm_modal(ctx, waiting);
        } else if self.prompt.is_some() {
            self.prompt_modal(ctx);
        } else if self.show_shortcuts {
            let response = egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
                ui.heading("Keyboard shortcuts");
                shortcuts_ui(ui);
                ui.add_space(8.0);
                ui.button("Close").clicked()
            });
            if response.inner || response.should_close() {
                self.show_shortcuts = false;
            }
        }
        commands
    }

    fn confirm_modal(&mut self, ctx: &egui::Context, waiting: Command) {
        let name = self.display_name();
        let mut answer = None;
        let response = egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!(
                "{name} has changes that are not saved. Save them before you {}?",
                match waiting {
                    Command::Quit => "close the window",
                    Command::New => "start a new session",
                    _ => "open another file",
                }
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(0);
                }
                if ui.button("Discard changes").clicked() {
                    answer = Some(1);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(2);
                }
            });
        });
        if response.should_close() && answer.is_none() {
            answer = Some(2);
        }
        match answer {
            Some(0) => {
                self.confirm = None;
                self.after_save = Some(waiting);
                self.run_command(ctx, Command::Save, true);
            }
            Some(1) => {
                self.confirm = None;
                self.run_command(ctx, waiting, true);
            }
            Some(_) => self.confirm = None,
            None => {}
        }
    }

    fn conflict_modal(&mut self, ctx: &egui::Context) {
        let name = self.display_name();
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("conflict")).show(ctx, |ui| {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "Someone else changed {name} after you opened it. Saving now would overwrite \
                 their changes."
            ));
            ui.horizontal(|ui| {
                if ui.button("Reload theirs").clicked() {
                    answer = Some(0);
                }
                if ui.button("Overwrite with mine").clicked() {
                    answer = Some(1);
                }
                if ui.button("Save mine as…").clicked() {
                    answer = Some(2);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(3);
                }
            });
        });
        let Some(answer) = answer else {
            return;
        };
        self.conflict = false;
        match (answer, self.path.clone()) {
            (0, Some(path)) => self.run_command(ctx, Command::OpenPath(path), true),
            (1, Some(path)) => self.save_to(path, false),
            (2, _) => self.run_command(ctx, Command::SaveAs, true),
            _ => self.after_save = None,
        }
    }

    fn prompt_modal(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let mut answer: Option<Option<PathBuf>> = None;
        let response = egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            ui.heading(prompt.purpose.label().trim_end_matches('…'));
            ui.label("No file chooser is available on this desktop; type the file's path.");
            let label = ui.label("File path");
            let field = ui
                .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
                .labelled_by(label.id);
            if !field.has_focus() && !field.lost_focus() {
                field.request_focus();
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let ok = ui.add_enabled(!prompt.text.trim().is_empty(), egui::Button::new("OK"));
                if ok.clicked() || (enter && !prompt.text.trim().is_empty()) {
                    answer = Some(Some(PathBuf::from(prompt.text.trim())));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(None);
                }
            });
        });
        if response.should_close() && answer.is_none() {
            answer = Some(None);
        }
        if let Some(answer) = answer {
            let purpose = prompt.purpose.clone();
            self.prompt = None;
            match answer {
                Some(path) => self.prompt_answered(ctx, purpose, path),
                None => self.after_save = None,
            }
        }
    }

    fn recovery_modal(&mut self, ctx: &egui::Context) {
        let Some(offer) = &self.recovery_offer else {
            return;
        };
        let mut answer = None;
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
                    theme::WARNING,
                    "That file has changed on disk since: restoring opens the unsaved work \
                     beside it, and saving will ask before overwriting the newer file.",
                );
            }
            ui.label("Restoring opens it as unsaved changes; the file on disk is not touched.");
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    answer = Some(true);
                }
                if ui.button("Discard it").clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                if let Some(offer) = self.recovery_offer.take() {
                    self.replace_document(Document::unsaved(offer.session), None);
                    if let Some(source) = offer.source {
                        // Saving goes through Save As (suggesting the source), so a file
                        // that changed meanwhile is never silently overwritten.
                        self.info(format!(
                            "Restored unsaved work on {}; use Save As to keep it.",
                            source.display()
                        ));
                    } else {
                        self.info("Restored unsaved work; save it to keep it.".into());
                    }
                    self.discard_recovery_file(offer.recovery_file);
                }
            }
            Some(false) => {
                if let Some(offer) = self.recovery_offer.take() {
                    self.discard_recovery_file(offer.recovery_file);
                }
            }
            None => {}
        }
    }
}
