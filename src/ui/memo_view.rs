//! The narrative memo's prose, in Log & share: one field per memo section (an empty one is
//! generated from the data when exported) and a length meter against the six-page budget.

use super::theme;
use super::view_ctx::ViewCtx;
use crate::document::Edit;
use crate::export::{MemoLength, WORDS_PER_PAGE, memo_length};
use crate::model::MemoSection;

/// Draws the memo's prose fields and its length meter.
pub fn memo_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
    egui::CollapsingHeader::new("Narrative memo: prose and length")
        .id_salt("memo-prose")
        .show(ui, |ui| {
            // Only counted while the section is open.
            length_meter_ui(ui, memo_length(cx.session));
            if cx.presenting {
                return;
            }
            ui.weak("Sections left empty are written from the session's data, and marked so.");
            for section in MemoSection::ALL {
                let label = ui.label(egui::RichText::new(section.heading()).strong());
                let mut text = cx.session.memo.get(section).to_owned();
                let response = ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .hint_text("Generated from the data")
                            .desired_rows(2)
                            .desired_width(ui.available_width().min(640.0)),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    cx.edit(Edit::SetMemoProse(section, text));
                }
                cx.seal_after(&response);
            }
        });
}

/// "3.9 of 6 pages (1,946 words)", with a bar that turns to a warning over the budget.
pub fn length_meter_ui(ui: &mut egui::Ui, length: MemoLength) {
    let share = (length.pages / length.budget as f64).min(1.0) as f32;
    let text = format!(
        "Memo length: {:.1} of {} pages ({} words at {WORDS_PER_PAGE} a page)",
        length.pages, length.budget, length.words
    );
    let mut bar = egui::ProgressBar::new(share).text(text.clone());
    if length.over_budget() {
        bar = bar.fill(theme::WARNING);
    }
    ui.add(bar.desired_width(ui.available_width().min(520.0)))
        .on_hover_text(text);
    if length.over_budget() {
        ui.colored_label(
            theme::WARNING,
            "Over the six-page budget: cut before the meeting.",
        );
    }
}
