//! The Decide place: ranking chart, impact-versus-cost chart, recommendation, kill criteria
//! and the outcome.

#[path = "impact_cost_chart.rs"]
pub mod impact_cost_chart;
#[path = "decide_kill.rs"]
mod kill;
#[path = "decide_outcome.rs"]
mod outcome;
#[path = "ranking_chart.rs"]
pub mod ranking_chart;

use super::theme;
use super::view_ctx::ViewCtx;
use crate::analysis::Recommendation;
use egui::{RichText, Ui};
use outcome::{OutcomeForm, OutcomeKind};

/// Runtime state of the Decide place (never saved).
#[derive(Debug, Default)]
pub struct DecideState {
    form: OutcomeForm,
    kill_draft: String,
}

/// Two charts sit side by side when the place is at least this wide, points.
const SIDE_BY_SIDE_WIDTH: f32 = 900.0;

/// Draws the Decide place and emits edits for kill criteria and the outcome.
pub fn decide_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut DecideState) {
    egui::ScrollArea::vertical()
        .id_salt("decide-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            recommendation_ui(ui, cx, state);
            ui.add_space(12.0);
            charts_ui(ui, cx);
            ui.add_space(12.0);
            ui.heading("Kill criteria");
            kill::kill_criteria_ui(ui, cx, &mut state.kill_draft);
            ui.add_space(12.0);
            ui.heading("Outcome");
            outcome::outcome_ui(ui, cx, &mut state.form);
        });
}

/// The advice in plain words, framed in the accent colour, or the kill colour for Kill.
fn recommendation_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut DecideState) {
    let advice = cx.recommendation;
    let color = if advice.is_kill() {
        theme::KILL
    } else {
        theme::ACCENT
    };
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(2.0, color))
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Recommendation").small().weak());
            let plain = advice.plain(cx.session);
            ui.label(RichText::new(&plain).heading().strong().color(color));
            ui.label(
                RichText::new("Advice from the numbers; the outcome below is yours to record.")
                    .small()
                    .weak(),
            );
            if !cx.presenting && ui.button("Start the outcome from this advice").clicked() {
                let (kind, option) = match advice {
                    Recommendation::Choose { option, .. } => {
                        (OutcomeKind::Choose, Some(option.clone()))
                    }
                    Recommendation::Kill { .. } => (OutcomeKind::Kill, None),
                };
                state.form.take_advice(kind, option, plain);
            }
        });
}

fn charts_ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let side_by_side = ui.available_width() >= SIDE_BY_SIDE_WIDTH;
    let chart_height = if cx.presenting { 420.0 } else { 320.0 };
    let ranking = |ui: &mut Ui| {
        ui.heading("Ranking");
        ranking_chart::ranking_chart_ui(ui, cx);
    };
    let impact = |ui: &mut Ui| {
        ui.heading("Impact versus cost");
        impact_cost_chart::impact_cost_chart_ui(ui, cx, chart_height);
    };
    if side_by_side {
        ui.columns(2, |columns| {
            ranking(&mut columns[0]);
            impact(&mut columns[1]);
        });
    } else {
        ranking(ui);
        ui.add_space(12.0);
        impact(ui);
    }
}
