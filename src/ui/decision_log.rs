//! The Log & share place: the dated decision log, a note field, the decision record drawn
//! as a document (the exported Markdown, rendered), and an export button for every format.

use crate::document::Edit;
use crate::export::Format;
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// Runtime state of the Log & share place (never saved).
#[derive(Debug, Default)]
pub struct LogState {
    /// The note being typed.
    pub draft_note: String,
}

/// Draws the log, the summary (`cx.summary`, computed once per revision) and the export
/// buttons.
pub fn log_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, state: &mut LogState) {
    ui.heading("Log & share");
    if !cx.presenting {
        ui.horizontal_wrapped(|ui| {
            for format in Format::ALL {
                let export = Command::Export(format);
                if export.button(ui, &export.label(), true) {
                    cx.command(export);
                }
            }
        });
    }
    ui.add_space(theme::SPACE_M);
    crate::ui::memo::memo_ui(ui, cx);
    ui.add_space(theme::SPACE_M);
    let summary = cx.summary;
    ui.columns(2, |columns| {
        decision_log_ui(&mut columns[0], cx, state);
        summary_ui(&mut columns[1], summary);
    });
}

/// Room the note row keeps for its label and "Add note".
const NOTE_BUTTON_WIDTH: f32 = 90.0;

fn decision_log_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, state: &mut LogState) {
    ui.label(egui::RichText::new("Decision log").strong());
    if !cx.presenting {
        ui.horizontal(|ui| {
            let label = ui.label("Note");
            // A note may run to a few lines: the field wraps, Enter adds it, Shift+Enter
            // breaks the line.
            let id = ui.scope_id().with("note");
            let enter =
                ui.memory(|m| m.has_focus(id)) && crate::ui::fields::take_key(ui, egui::Key::Enter);
            let width = (ui.available_width() - NOTE_BUTTON_WIDTH).max(120.0);
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut state.draft_note)
                        .id(id)
                        .desired_rows(1)
                        .desired_width(width)
                        .return_key(egui::KeyboardShortcut::new(
                            egui::Modifiers::SHIFT,
                            egui::Key::Enter,
                        )),
                )
                .labelled_by(label.id);
            cx.focus_on_arrival(&response);
            let note = state.draft_note.trim().to_owned();
            if (ui.button("Add note").clicked() || enter) && !note.is_empty() {
                cx.edit(Edit::AddLogNote(note));
                cx.seal();
                state.draft_note.clear();
                response.request_focus();
            }
        });
    }
    let log = &cx.session.log;
    if log.is_empty() {
        ui.weak("Nothing logged yet: outcome changes and late weight changes appear here.");
    }
    egui::ScrollArea::vertical()
        .id_salt("decision-log")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for entry in log.iter().rev() {
                ui.horizontal_wrapped(|ui| {
                    ui.weak(entry.at.format("%Y-%m-%d %H:%M UTC").to_string());
                    ui.label(entry.event.describe_in(cx.session));
                });
            }
        });
}

fn summary_ui(ui: &mut egui::Ui, summary: &str) {
    ui.label(egui::RichText::new("Decision record").strong());
    egui::ScrollArea::vertical()
        .id_salt("summary")
        .auto_shrink([false, false])
        .show(ui, |ui| super::markdown_view::markdown_ui(ui, summary));
}
