//! The Matrix place: options × criteria, scores, weights, totals and ranks.

use super::view_ctx::ViewCtx;

/// Runtime state of the matrix (never saved).
#[derive(Debug, Default)]
pub struct MatrixState {}

/// Draws the matrix and emits edits for changed scores and weights.
pub fn matrix_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, state: &mut MatrixState) {
    let _ = (cx, state);
    ui.label("Matrix");
}
