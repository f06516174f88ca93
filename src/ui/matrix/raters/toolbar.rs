//! The matrix toolbar's rater controls: which scores are shown, mean or median, blind
//! mode, and the forms to add or edit a rater.

use super::forms::{add_rater_ui, edit_rater_ui};
use super::{MatrixMode, RaterState};
use crate::document::Edit;
use crate::model::{Aggregation, Session};
use crate::ui::view_ctx::ViewCtx;
use egui::Ui;

/// The toolbar's rater controls: view selector, mean/median, blind mode, "Add rater" and
/// the line naming the cells to discuss first.
pub(in crate::ui::matrix) fn toolbar_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut RaterState) {
    let session = cx.session;
    if cx.presenting {
        return;
    }
    if !session.raters.is_empty() {
        mode_selector_ui(ui, session, state);
        match &state.mode {
            MatrixMode::Aggregate => aggregation_ui(ui, cx),
            MatrixMode::Rater(id) => {
                let id = id.clone();
                let mut blind = state.blind_as.as_ref() == Some(&id);
                let response = ui
                    .checkbox(&mut blind, "Blind")
                    .on_hover_text("Hide other raters' scores, the aggregate and the spread");
                if response.changed() {
                    state.blind_as = blind.then(|| id.clone());
                }
                edit_rater_ui(ui, cx, state, &id);
            }
            _ => {}
        }
    }
    if state.edit_form.is_none() {
        add_rater_ui(ui, cx, state);
    }
}

fn mode_label(session: &Session, mode: &MatrixMode) -> String {
    match mode {
        MatrixMode::Consensus => "Consensus".to_owned(),
        MatrixMode::Aggregate => format!("Aggregate ({})", session.aggregation.label()),
        MatrixMode::Rater(id) => session.rater_name(id),
        MatrixMode::Spread => "Spread".to_owned(),
    }
}

fn mode_selector_ui(ui: &mut Ui, session: &Session, state: &mut RaterState) {
    let mut modes = vec![MatrixMode::Consensus, MatrixMode::Aggregate];
    modes.extend(
        session
            .raters
            .iter()
            .map(|r| MatrixMode::Rater(r.id.clone())),
    );
    modes.push(MatrixMode::Spread);
    let combo = egui::ComboBox::from_label("Scores shown")
        .selected_text(mode_label(session, &state.mode))
        .show_ui(ui, |ui| {
            for mode in &modes {
                let label = mode_label(session, mode);
                ui.selectable_value(&mut state.mode, mode.clone(), label);
            }
        })
        .response;
    crate::ui::fields::step_with_arrows(ui, &combo, &mut state.mode, &modes);
}

fn aggregation_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) {
    let current = cx.session.aggregation;
    for (aggregation, label) in [(Aggregation::Mean, "Mean"), (Aggregation::Median, "Median")] {
        if ui.radio(current == aggregation, label).clicked() && current != aggregation {
            cx.edit(Edit::SetAggregation(aggregation));
            cx.seal();
        }
    }
}
