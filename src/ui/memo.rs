//! The narrative memo's prose, in Log & share: one field per memo section (an empty one is
//! generated from the data when exported) and a length meter against the six-page budget.

use crate::analysis::number::fixed;
use crate::document::Edit;
use crate::export::{MemoLength, WORDS_PER_PAGE};
use crate::model::MemoSection;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// Draws the memo's prose fields and its length meter (`cx.memo_length`, counted by the
/// window once per revision against the robustness verdict it keeps, so typing here never
/// draws the 10,000 samples again).
pub fn memo_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
    egui::CollapsingHeader::new("Narrative memo: prose and length")
        .id_salt("memo-prose")
        .show(ui, |ui| {
            if let Some(length) = cx.memo_length {
                length_meter_ui(ui, length);
            }
            if cx.presenting {
                return;
            }
            ui.weak(
                "Sections left empty are written from the session's data (the memo says \
                 once which ones); Tenets is left out unless written.",
            );
            for section in MemoSection::ALL {
                let label = ui.label(egui::RichText::new(section.heading()).strong());
                let mut text = cx.session.memo.get(section).to_owned();
                let response = ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .hint_text(if section == MemoSection::Tenets {
                                "Left out unless written"
                            } else {
                                "Drawn from the data unless written"
                            })
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

/// "Memo length: 3.8 of 6 pages (1916 words at 500 a page)", with a bar that turns to a warning over the budget.
pub fn length_meter_ui(ui: &mut egui::Ui, length: MemoLength) {
    let share = (length.pages / length.budget as f64).min(1.0) as f32;
    let text = format!(
        "Memo length: {} of {} pages ({} words at {WORDS_PER_PAGE} a page)",
        fixed(length.pages, 1),
        length.budget,
        length.words
    );
    let mut bar = egui::ProgressBar::new(share).text(text.clone());
    if length.over_budget() {
        bar = bar.fill(theme::palette(ui).warning);
    }
    ui.add(bar.desired_width(ui.available_width().min(520.0)))
        .on_hover_text(text);
    if length.over_budget() {
        ui.colored_label(
            theme::palette(ui).warning,
            "Over the six-page budget: cut before the meeting.",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{rank, recommend_from};
    use crate::document::apply;
    use crate::export::{memo_length, robustness_report};
    use crate::model::Session;
    use crate::ui::Intent;
    use chrono::{NaiveDate, TimeZone, Utc};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// The shipped example, read as the window's built-in one is.
    fn example_session() -> Session {
        ron::from_str(include_str!("../../saves/live-streams.ron"))
            .expect("the shipped example parses")
    }

    #[test]
    fn the_memo_meter_counts_pages_and_prose_written_for_a_section_is_kept() {
        let session = example_session();
        // Typing prose leaves the robustness verdict as it is: drawn once, as the window does.
        let report = robustness_report(&session);
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1000.0, 1600.0))
            .build_ui_state(
                move |ui, s: &mut Session| {
                    let ranking = rank(s);
                    let advice = recommend_from(s, &ranking);
                    let today = NaiveDate::from_ymd_opt(2026, 6, 20).expect("valid date");
                    let length = memo_length(s, &report);
                    let mut cx = ViewCtx::new(s, &ranking, &advice, false, today)
                        .with_memo_length(Some(length));
                    egui::ScrollArea::vertical().show(ui, |ui| memo_ui(ui, &mut cx));
                    let now = Utc.with_ymd_and_hms(2026, 6, 20, 9, 0, 0).unwrap();
                    for intent in cx.into_intents() {
                        if let Intent::Edit(edit) = intent {
                            apply(s, edit, now).expect("edit applies");
                        }
                    }
                },
                session,
            );
        harness.run();
        harness
            .get_by_label("Narrative memo: prose and length")
            .click();
        harness.run();
        let length = memo_length(harness.state(), &robustness_report(harness.state()));
        let meter = format!("Memo length: {} of 6 pages", fixed(length.pages, 1));
        assert!(harness.query_by_label_contains(&meter).is_some(), "{meter}");
        harness.get_by_label("Tenets").click();
        harness.run();
        harness
            .get_by_label("Tenets")
            .type_text("We protect the renewal first.");
        harness.run();
        assert_eq!(harness.state().memo.tenets, "We protect the renewal first.");
    }
}
