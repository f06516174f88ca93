//! The Decide place: ranking chart, impact-versus-cost chart, recommendation, kill criteria
//! and the outcome.

use super::view_ctx::ViewCtx;

/// Runtime state of the Decide place (never saved).
#[derive(Debug, Default)]
pub struct DecideState {}

/// Draws the Decide place and emits edits for kill criteria and the outcome.
pub fn decide_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, state: &mut DecideState) {
    let _ = (cx, state);
    ui.label("Decide");
}
