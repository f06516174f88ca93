//! The whole decision on one slide, for the end of a screen-shared meeting: the directive,
//! the recommendation beside the recorded outcome, the top three options and how robust
//! the winner is, in one line.

use super::view_ctx::ViewCtx;
use crate::analysis::number::fixed;
use crate::model::Outcome;
use egui::{RichText, Ui};

/// How many options the slide lists.
const TOP: usize = 3;

/// Draws the slide; its robustness line is the standard check the record states.
pub fn summary_slide_ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let session = cx.session;
    let title = if session.title.trim().is_empty() {
        "Decision summary"
    } else {
        session.title.as_str()
    };
    ui.heading(RichText::new(title).strong());
    ui.label(RichText::new(format!("“{}”", session.directive.ask.trim())).italics());
    if !session.directive.business_goal.trim().is_empty() {
        ui.label(format!(
            "Business goal: {}",
            session.directive.business_goal.trim()
        ));
    }
    ui.add_space(super::theme::SPACE_XL);
    let left_aligned = egui::Layout::top_down(egui::Align::LEFT);
    ui.columns(2, |columns| {
        columns[0].with_layout(left_aligned, |ui| {
            ui.label(RichText::new("Recommendation").strong());
            ui.label(cx.recommendation.plain(session));
        });
        columns[1].with_layout(left_aligned, |ui| {
            ui.label(RichText::new("Decision").strong());
            ui.label(outcome_line(session, &session.outcome));
        });
    });
    ui.add_space(super::theme::SPACE_XL);
    ui.label(RichText::new(format!("Top {TOP}")).strong());
    let mut ranked: Vec<_> = cx.ranking.ranked().collect();
    ranked.sort_by_key(|r| r.rank);
    if ranked.is_empty() {
        ui.label("No option is scored yet.");
    }
    for row in ranked.into_iter().take(TOP) {
        let Some(option) = session.options.get(row.option_idx) else {
            continue;
        };
        let veto = if row.is_vetoed() { " (vetoed)" } else { "" };
        ui.label(format!(
            "{}. {} — {}{veto}",
            row.rank.unwrap_or(0),
            option.title,
            row.total.map_or_else(|| "–".to_owned(), |t| fixed(t, 1))
        ));
    }
    ui.add_space(super::theme::SPACE_XL);
    ui.label(RichText::new("Robustness").strong());
    // The standard check, as the exported record states it, whatever was explored on Decide.
    ui.label(
        cx.standard_verdict
            .unwrap_or("Working out how robust the winner is…"),
    );
}

/// The decision in one line: what was decided and why.
pub fn outcome_line(session: &crate::model::Session, outcome: &Outcome) -> String {
    let (what, why) = outcome_parts(session, outcome);
    if why.is_empty() {
        what
    } else {
        format!("{what}: {why}")
    }
}

/// The outcome in two parts: what was decided ("Chosen: X", "Killed", …) and its rationale
/// (empty when none was written), for layouts that set the two apart.
pub fn outcome_parts<'a>(
    session: &crate::model::Session,
    outcome: &'a Outcome,
) -> (String, &'a str) {
    let what = match outcome {
        Outcome::Undecided => return ("Not decided yet".into(), ""),
        Outcome::Chosen { option, .. } => format!("Chosen: {}", session.option_title(option)),
        Outcome::Killed { .. } => "Killed".to_owned(),
        Outcome::Deferred { until, .. } => format!("Deferred until {until}"),
        Outcome::Reframe { .. } => "Sent back to be reframed".to_owned(),
    };
    (what, outcome.rationale().trim())
}
