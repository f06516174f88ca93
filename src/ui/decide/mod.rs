//! The Decide place: ranking chart, impact-versus-cost chart, recommendation, kill criteria
//! and the outcome.

mod follow_up;
pub mod impact_cost_chart;
mod kill;
mod outcome;
pub mod ranking_chart;
pub mod robustness;

use crate::analysis::Recommendation;
use crate::ui::blind_note::{blind_line_ui, blind_note_ui};
use crate::ui::decide::robustness::RobustnessSettings;
use crate::ui::outbox::Intent;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{RichText, Ui};
use outcome::{OutcomeForm, OutcomeKind};

/// Runtime state of the Decide place (never saved).
#[derive(Debug, Default)]
pub struct DecideState {
    form: OutcomeForm,
    kill_draft: String,
    /// The robustness analysis settings.
    pub robustness: RobustnessSettings,
    review: follow_up::ReviewForm,
}

impl DecideState {
    /// Records the outcome form's decision when it is drawn next, or takes the keyboard to
    /// what it still needs.
    pub fn ask_to_record(&mut self) {
        self.form.record_asked = true;
    }
}

/// Two charts sit side by side when the place is at least this wide, points.
const SIDE_BY_SIDE_WIDTH: f32 = 900.0;

/// Draws the Decide place and emits edits for kill criteria and the outcome. The place
/// grows downwards; the caller puts it in a vertical scroll area (with whatever follows it).
pub fn decide_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut DecideState) {
    if cx.presenting {
        // The room first sees the advice and the decision side by side, then the charts.
        // Left-aligned: justified columns would stretch the letters of a long sentence.
        let left_aligned = egui::Layout::top_down(egui::Align::LEFT);
        ui.columns(2, |columns| {
            columns[0].with_layout(left_aligned, |ui| recommendation_ui(ui, cx, state));
            columns[1].with_layout(left_aligned, |ui| recorded_outcome_ui(ui, cx));
        });
        ui.add_space(theme::SPACE_XL);
        charts_ui(ui, cx);
        ui.add_space(theme::SPACE_XL);
        ui.heading("Kill criteria");
        kill::kill_criteria_ui(ui, cx, &mut state.kill_draft);
        return;
    }
    recommendation_ui(ui, cx, state);
    ui.add_space(theme::SPACE_XL);
    charts_ui(ui, cx);
    ui.add_space(theme::SPACE_XL);
    ui.heading("Kill criteria");
    kill::kill_criteria_ui(ui, cx, &mut state.kill_draft);
    ui.add_space(theme::SPACE_XL);
    ui.heading("Outcome");
    outcome::outcome_ui(ui, cx, &mut state.form);
    ui.add_space(theme::SPACE_XL);
    follow_up::follow_up_ui(ui, cx, &mut state.review);
}

/// The advice in plain words, framed in the accent colour, or the kill colour for Kill.
/// While a rater scores blind, the frame holds the note saying what is hidden instead.
fn recommendation_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut DecideState) {
    if let Some(rater) = cx.blind.clone() {
        egui::Frame::group(ui.style())
            .inner_margin(theme::SPACE_XL)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new("Recommendation").small().weak());
                let what = "the recommendation, the ranking, both charts, robustness and \
                            flip points";
                if blind_note_ui(ui, cx.session, &rater, what) {
                    cx.push(Intent::RevealBlind);
                }
            });
        return;
    }
    let advice = cx.recommendation;
    let color = if advice.is_kill() {
        theme::palette(ui).kill
    } else {
        theme::palette(ui).accent
    };
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(theme::EMPHASIS_STROKE, color))
        .inner_margin(theme::SPACE_XL)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Recommendation").small().weak());
            let plain = advice.plain(cx.session);
            ui.label(RichText::new(&plain).heading().strong().color(color));
            ui.label(
                RichText::new("Advice from the numbers; the decision is yours to record.")
                    .small()
                    .weak(),
            );
            let start = match advice {
                Recommendation::Choose { option, .. } => {
                    Some((OutcomeKind::Choose, Some(option.clone())))
                }
                Recommendation::Kill { .. } => Some((OutcomeKind::Kill, None)),
                // Nothing is ranked: there is no advice to start from.
                Recommendation::NothingRanked => None,
            };
            if let Some((kind, option)) = start
                && !cx.presenting
            {
                // The place's first control: Tab into Decide starts here, at the top.
                let button = ui.button("Start the outcome from this advice");
                cx.focus_on_arrival(&button);
                if button.clicked() {
                    state.form.take_advice(kind, option, plain);
                }
            }
        });
}

/// The recorded outcome, framed like the recommendation beside it.
fn recorded_outcome_ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(
            theme::EMPHASIS_STROKE,
            ui.visuals().strong_text_color(),
        ))
        .inner_margin(theme::SPACE_XL)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Decision").small().weak());
            let (what, why) = super::summary_slide::outcome_parts(cx.session, &cx.session.outcome);
            // Left-aligned, not justified: a long rationale must not stretch its letters.
            ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                ui.label(RichText::new(what).heading().strong());
                if !why.is_empty() {
                    ui.label(why);
                }
            });
        });
}

fn charts_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) {
    if cx.blind.is_some() {
        ui.heading("Ranking and impact versus cost");
        if blind_line_ui(ui) {
            cx.push(Intent::RevealBlind);
        }
        return;
    }
    let cx = &*cx;
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
        ui.add_space(theme::SPACE_XL);
        impact(ui);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{rank, recommend_from};
    use crate::document::{Edit, apply};
    use crate::model::{KillCriterion, Lens, Outcome, Session, SolutionOption};
    use crate::ui::Intent;
    use chrono::{NaiveDate, TimeZone, Utc};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// The document, the place's state and every intent emitted; edits are applied between
    /// frames as the app does.
    struct Fixture {
        session: Session,
        state: DecideState,
        intents: Vec<Intent>,
        presenting: bool,
    }

    fn session() -> Session {
        let mut s = Session::new("make checkout faster");
        s.options.push(
            SolutionOption::new("buy-a-cdn", "Buy a CDN", Lens::Buy)
                .with_score("impact", 4.0)
                .with_score("cost", 2.0)
                .with_score("trust-risk", 2.0),
        );
        s.options.push(
            SolutionOption::new("wait", "Wait and see", Lens::DoNothing)
                .with_score("impact", 1.0)
                .with_score("cost", 1.0)
                .with_score("trust-risk", 1.0),
        );
        s.kill_criteria.push(KillCriterion {
            condition: "budget frozen".into(),
            tripped: false,
        });
        s
    }

    fn harness(session: Session, presenting: bool) -> Harness<'static, Fixture> {
        let fixture = Fixture {
            session,
            state: DecideState::default(),
            intents: Vec::new(),
            presenting,
        };
        Harness::builder()
            .with_size(egui::vec2(1200.0, 1400.0))
            .build_ui_state(
                |ui, f: &mut Fixture| {
                    let ranking = rank(&f.session);
                    let advice = recommend_from(&f.session, &ranking);
                    let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date");
                    let mut cx = ViewCtx::new(&f.session, &ranking, &advice, f.presenting, today);
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        decide_ui(ui, &mut cx, &mut f.state);
                    });
                    let intents = cx.into_intents();
                    let now = Utc.with_ymd_and_hms(2026, 11, 26, 15, 0, 0).unwrap();
                    for intent in &intents {
                        if let Intent::Edit(edit) = intent {
                            apply(&mut f.session, edit.clone(), now).expect("edit applies");
                        }
                    }
                    f.intents.extend(intents);
                },
                fixture,
            )
    }

    fn edits(intents: &[Intent]) -> Vec<&Edit> {
        intents
            .iter()
            .filter_map(|i| match i {
                Intent::Edit(edit) => Some(edit),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn recording_kill_with_a_rationale_emits_the_killed_outcome() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Kill the project").click();
        harness.run();
        harness.get_by_label("Rationale").click();
        harness.run();
        harness
            .get_by_label("Rationale")
            .type_text("A CDN cannot fix a slow database");
        harness.run();
        harness.get_by_label("Record outcome").click();
        harness.run();
        let killed = Outcome::Killed {
            rationale: "A CDN cannot fix a slow database".into(),
        };
        assert_eq!(
            edits(&harness.state().intents),
            [&Edit::SetOutcome(killed.clone())]
        );
        let session = &harness.state().session;
        assert_eq!(session.outcome, killed);
        assert!(
            harness
                .query_by_label_contains("Killed the project: A CDN cannot fix")
                .is_some()
        );
    }

    #[test]
    fn an_outcome_without_a_rationale_cannot_be_recorded() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Kill the project").click();
        harness.run();
        harness.get_by_label("Record outcome").click();
        harness.run();
        assert!(edits(&harness.state().intents).is_empty());
        assert!(
            harness
                .query_by_label_contains("Write a rationale")
                .is_some()
        );
    }

    #[test]
    fn choosing_an_option_records_it_by_id() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Option to go ahead with").click();
        harness.run();
        harness.get_by_label("Buy a CDN").click();
        harness.run();
        harness.get_by_label("Rationale").click();
        harness.run();
        harness
            .get_by_label("Rationale")
            .type_text("Fastest to ship");
        harness.run();
        harness.get_by_label("Record outcome").click();
        harness.run();
        assert!(matches!(
            &harness.state().session.outcome,
            Outcome::Chosen { option, .. } if option.as_str() == "buy-a-cdn"
        ));
    }

    #[test]
    fn deferring_takes_a_typed_date() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Defer to a date").click();
        harness.run();
        let date = harness.get_by_label("Decide by (YYYY-MM-DD)");
        assert_eq!(date.value().as_deref(), Some("2026-12-10"));
        harness.get_by_label("Rationale").click();
        harness.run();
        harness
            .get_by_label("Rationale")
            .type_text("Wait for the audit");
        harness.run();
        harness.get_by_label("Record outcome").click();
        harness.run();
        let until = NaiveDate::from_ymd_opt(2026, 12, 10).expect("valid date");
        assert!(matches!(
            &harness.state().session.outcome,
            Outcome::Deferred { until: u, .. } if *u == until
        ));
    }

    #[test]
    fn ticking_a_kill_criterion_trips_it_and_turns_the_advice_to_kill() {
        let mut harness = harness(session(), false);
        harness.run();
        assert!(
            harness
                .query_by_label_contains("Choose “Buy a CDN”")
                .is_some()
        );
        harness
            .get_by_label("Kill criterion 1 has come true")
            .click();
        harness.run();
        assert!(harness.state().session.kill_criteria[0].tripped);
        assert!(
            harness
                .query_by_label_contains("Kill: a kill criterion has come true")
                .is_some()
        );
    }

    #[test]
    fn a_kill_criterion_can_be_added_and_removed() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("New kill criterion").click();
        harness.run();
        harness
            .get_by_label("New kill criterion")
            .type_text("vendor misses the SLA");
        harness.run();
        harness.get_by_label("Add kill criterion").click();
        harness.run();
        harness.get_by_label("Remove kill criterion 1").click();
        harness.run();
        let conditions: Vec<&str> = harness
            .state()
            .session
            .kill_criteria
            .iter()
            .map(|k| k.condition.as_str())
            .collect();
        assert_eq!(conditions, ["vendor misses the SLA"]);
    }

    #[test]
    fn presenting_hides_the_outcome_form_but_keeps_the_advice() {
        let mut harness = harness(session(), true);
        harness.run();
        assert!(harness.query_by_label("Record outcome").is_none());
        assert!(harness.query_by_label("New kill criterion").is_none());
        assert!(
            harness
                .query_by_label_contains("Choose “Buy a CDN”")
                .is_some()
        );
    }
}
