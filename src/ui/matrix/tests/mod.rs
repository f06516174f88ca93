//! Tests of the Matrix place, drawn on its own through egui_kittest.

mod keys;
mod raters;

use super::*;
use crate::analysis::{rank, recommend_from};
use crate::document::{Edit, apply};
use crate::model::{Lens, Score, SolutionOption};
use crate::ui::Intent;
use chrono::{NaiveDate, TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The document, the matrix's state and every intent the view has emitted; edits are
/// applied between frames as the app does.
struct Fixture {
    session: Session,
    state: MatrixState,
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
        SolutionOption::new("rewrite", "Rewrite checkout", Lens::ReArchitect)
            .with_score("impact", 5.0)
            .with_score("cost", 5.0)
            .with_score("trust-risk", 5.0),
    );
    s.options.push(
        SolutionOption::new("wait", "Wait and see", Lens::DoNothing).with_score("impact", 1.0),
    );
    s.criteria[2].veto = Some(4.0);
    s
}

fn harness(session: Session, presenting: bool) -> Harness<'static, Fixture> {
    let fixture = Fixture {
        session,
        state: MatrixState::default(),
        intents: Vec::new(),
        presenting,
    };
    Harness::builder()
        .with_size(egui::vec2(1200.0, 500.0))
        .build_ui_state(
            |ui, f: &mut Fixture| {
                let ranking = rank(&f.session);
                let advice = recommend_from(&f.session, &ranking);
                let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date");
                let discuss = crate::analysis::raters::discuss_first_cells(&f.session);
                let mut cx = ViewCtx::new(&f.session, &ranking, &advice, f.presenting, today)
                    .with_discuss_first(&discuss);
                matrix_ui(ui, &mut cx, &mut f.state);
                let intents = cx.into_intents();
                let now = Utc.with_ymd_and_hms(2026, 11, 26, 15, 0, 0).unwrap();
                for intent in &intents {
                    match intent {
                        Intent::Edit(edit) => {
                            apply(&mut f.session, edit.clone(), now).expect("edit applies");
                        }
                        Intent::Focus(id) => ui.memory_mut(|m| m.request_focus(*id)),
                        _ => {}
                    }
                }
                f.intents.extend(intents);
            },
            fixture,
        )
}

fn score_edits(intents: &[Intent]) -> Vec<(&str, &str, Option<f64>)> {
    intents
        .iter()
        .filter_map(|i| match i {
            Intent::Edit(Edit::SetScore(o, c, s)) => {
                Some((o.as_str(), c.as_str(), s.as_ref().map(|s| s.likely)))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn typing_a_score_into_its_cell_emits_the_score_edit_and_ends_the_undo_step() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Cost of Buy a CDN").click();
    harness.run();
    harness.get_by_label("Cost of Buy a CDN").type_text("3");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let intents = &harness.state().intents;
    assert_eq!(
        score_edits(intents).last(),
        Some(&("buy-a-cdn", "cost", Some(3.0)))
    );
    let edit_at = intents
        .iter()
        .rposition(|i| matches!(i, Intent::Edit(Edit::SetScore(..))))
        .expect("an edit");
    assert_eq!(intents.get(edit_at + 1), Some(&Intent::Seal));
    let cost = harness.state().session.options[0].score(&CriterionId::new("cost"));
    assert_eq!(cost.map(|s| s.likely), Some(3.0));
}

#[test]
fn a_typed_score_outside_the_scale_is_refused_with_a_message_and_changes_nothing() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Impact of Buy a CDN").click();
    harness.run();
    harness.get_by_label("Impact of Buy a CDN").type_text("9");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(score_edits(&harness.state().intents).is_empty());
    harness
        .get_by_label("Impact of Buy a CDN: 9 is outside the scale of Impact, 1 to 5; not changed");
    assert!(
        harness.get_by_label("Impact of Buy a CDN").is_focused(),
        "the field keeps the keyboard to be corrected"
    );
}

#[test]
fn a_weight_typed_into_its_header_emits_a_weight_edit() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Weight of Cost").click();
    harness.run();
    harness.get_by_label("Weight of Cost").type_text("40");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let weights: Vec<_> = harness
        .state()
        .intents
        .iter()
        .filter_map(|i| match i {
            Intent::Edit(Edit::SetWeight(c, w)) => Some((c.as_str(), *w)),
            _ => None,
        })
        .collect();
    assert_eq!(weights.last(), Some(&("cost", 40.0)));
}

#[test]
fn locking_the_weights_marks_their_editors_and_logs_a_later_change() {
    let mut harness = harness(session(), false);
    harness.run();
    assert!(harness.query_by_label("Weight of Cost (locked)").is_none());
    harness.get_by_label("Lock weights").click();
    harness.run();
    harness.run();
    assert!(harness.state().session.weights_locked);
    assert!(
        harness
            .state()
            .intents
            .contains(&Intent::Edit(Edit::SetWeightsLocked(true)))
    );
    harness.get_by_label("Weight of Cost (locked)").click();
    harness.run();
    harness
        .get_by_label("Weight of Cost (locked)")
        .type_text("40");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let log = &harness.state().session.log;
    assert!(log.iter().any(|e| matches!(
        &e.event,
        crate::model::LogEvent::WeightChanged { to, .. } if *to == 40.0
    )));
}

#[test]
fn a_vetoed_row_says_which_criterion_vetoes_it() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Vetoed by Trust risk");
    assert_eq!(
        harness.query_all_by_label("Vetoed by Trust risk").count(),
        1
    );
}

#[test]
fn an_unscored_row_is_marked_and_its_empty_cell_takes_a_typed_score() {
    let mut harness = harness(session(), false);
    harness.run();
    assert!(harness.query_all_by_label("unscored").count() >= 1);
    harness.get_by_label("Cost of Wait and see").click();
    harness.run();
    assert!(
        score_edits(&harness.state().intents).is_empty(),
        "a click records nothing"
    );
    harness.get_by_label("Cost of Wait and see").type_text("4");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let edits = score_edits(&harness.state().intents);
    assert_eq!(edits, [("wait", "cost", Some(4.0))]);
}

#[test]
fn a_rationale_written_in_its_window_is_saved_with_the_score() {
    let mut harness = harness(session(), false);
    harness.run();
    let button = "Open rationale of Cost of Buy a CDN";
    assert!(harness.query_by_label(button).is_none());
    harness.get_by_label("Cost of Buy a CDN").hover();
    harness.run();
    harness.get_by_label(button).click();
    harness.run();
    harness
        .get_by_label("Rationale of Cost of Buy a CDN")
        .click();
    harness.run();
    harness
        .get_by_label("Rationale of Cost of Buy a CDN")
        .type_text("Vendor quote");
    harness.run();
    let score = harness.state().session.options[0].score(&CriterionId::new("cost"));
    assert_eq!(
        score,
        Some(&Score {
            rationale: "Vendor quote".into(),
            ..Score::point(2.0)
        })
    );
}

#[test]
fn r_on_a_cell_opens_its_rationale() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Impact of Buy a CDN").focus();
    harness.run();
    harness.key_press(egui::Key::R);
    harness.event(egui::Event::Text("r".into()));
    harness.run();
    assert!(
        harness
            .query_by_label("Rationale of Impact of Buy a CDN")
            .is_some()
    );
}

#[test]
fn ranges_add_low_and_high_editors_that_keep_the_likely_value_inside() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Ranges (low / likely / high)").click();
    harness.run();
    let mut type_into = |label: &str, text: &str| {
        harness.get_by_label(label).click();
        harness.run();
        harness.get_by_label(label).type_text(text);
        harness.key_press(egui::Key::Enter);
        harness.run();
    };
    type_into("Impact of Buy a CDN, low", "2");
    type_into("Impact of Buy a CDN", "1");
    let score = harness.state().session.options[0].score(&CriterionId::new("impact"));
    let range = score.map(|s| (s.low, s.likely, s.high));
    assert_eq!(range, Some((Some(1.0), 1.0, None)));
}

#[test]
fn presenting_shows_values_without_editors() {
    let mut harness = harness(session(), true);
    harness.run();
    assert!(harness.query_by_label("Cost of Buy a CDN").is_none());
    assert!(harness.query_by_label("Weight of Cost").is_none());
    assert!(harness.query_by_label("Vetoed by Trust risk").is_some());
}

#[test]
fn a_cell_raters_scored_is_not_missing_without_a_shared_score() {
    let mut s = raters::rated();
    s.options[0].scores.remove(&CriterionId::new("impact"));
    let mut harness = harness(s, true);
    harness.run();
    // Only "Wait and see" lacks Cost and Trust risk; Impact of Buy a CDN has raters' scores.
    assert_eq!(harness.query_all_by_label("missing").count(), 2);
}
