//! Tests of the criteria editor, driven by label and keyboard as a person would.

use super::*;
use crate::analysis::{rank, recommend_from};
use crate::document::apply;
use crate::model::{Lens, LogEvent, SolutionOption, WeightMethod};
use crate::ui::Intent;
use chrono::{NaiveDate, TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Fixture {
    session: Session,
    editor: CriteriaEditor,
    intents: Vec<Intent>,
    /// The error of the last edit that did not apply, as the app would show it.
    refused: Option<String>,
}

fn session() -> Session {
    let mut s = Session::new("cut our cloud bill by 20 % this year");
    s.options.push(
        SolutionOption::new("reserved", "Reserved instances", Lens::Buy)
            .with_score("impact", 4.0)
            .with_score("cost", 2.0),
    );
    s.options.push(
        SolutionOption::new("rewrite", "Rewrite the batch jobs", Lens::ReArchitect)
            .with_score("cost", 5.0),
    );
    s
}

fn harness(session: Session) -> Harness<'static, Fixture> {
    let mut editor = CriteriaEditor::default();
    editor.open();
    let fixture = Fixture {
        session,
        editor,
        intents: Vec::new(),
        refused: None,
    };
    Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(
            |ui, f: &mut Fixture| {
                let ranking = rank(&f.session);
                let advice = recommend_from(&f.session, &ranking);
                let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid date");
                let mut cx = ViewCtx::new(&f.session, &ranking, &advice, false, today);
                egui::ScrollArea::vertical().show(ui, |ui| {
                    criteria_editor_ui(ui, &mut cx, &mut f.editor);
                });
                let intents = cx.into_intents();
                let now = Utc.with_ymd_and_hms(2026, 11, 30, 16, 0, 0).unwrap();
                for intent in &intents {
                    if let Intent::Edit(edit) = intent
                        && let Err(err) = apply(&mut f.session, edit.clone(), now)
                    {
                        f.refused = Some(err.to_string());
                    }
                }
                f.intents.extend(intents);
            },
            fixture,
        )
}

fn criterion<'a>(h: &'a Harness<'static, Fixture>, id: &str) -> &'a Criterion {
    h.state()
        .session
        .criterion(&CriterionId::new(id))
        .expect("the criterion exists")
}

#[test]
fn a_criterion_with_a_unit_and_a_veto_is_added_from_the_keyboard() {
    let mut h = harness(session());
    h.run();
    assert!(
        h.get_by_label("New criterion name").is_focused(),
        "focus starts in the name"
    );
    h.get_by_label("New criterion name")
        .type_text("Annual savings");
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().session.criteria.len(), 4);
    assert!(
        h.get_by_label("New criterion name").is_focused(),
        "focus stays for the next name"
    );
    // The new criterion is open for editing: give it a unit and a money scale.
    h.get_by_label("Unit").focus();
    h.run();
    h.get_by_label("Unit").type_text("k$ / year");
    h.run();
    h.get_by_label("to").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("to").type_text("500");
    h.run();
    h.get_by_label("From").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("From").type_text("0");
    h.run();
    h.get_by_label("Apply scale").click();
    h.run();
    h.run();
    h.get_by_label("Veto").click();
    h.run();
    h.run();
    let c = criterion(&h, "annual-savings");
    assert_eq!(c.name_with_unit(), "Annual savings (k$ / year)");
    assert_eq!((c.scale.lo, c.scale.hi), (0.0, 500.0));
    assert_eq!(
        c.veto,
        Some(125.0),
        "a benefit's veto starts a quarter up its scale"
    );
    assert_eq!(c.direction, Direction::Benefit);
    assert!(h.state().refused.is_none(), "{:?}", h.state().refused);
    assert!(crate::model::validate(&h.state().session).is_empty());
}

#[test]
fn a_narrower_scale_names_the_scores_outside_and_rescales_only_when_asked() {
    let mut h = harness(session());
    h.run();
    h.get_by_label("Edit criterion Cost").click();
    h.run();
    h.get_by_label("to").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("to").type_text("3");
    h.run();
    h.get_by_label("Apply scale").click();
    h.run();
    h.run();
    let cost = CriterionId::new("cost");
    assert_eq!(criterion(&h, "cost").scale.hi, 5.0, "nothing changed yet");
    assert!(
        h.query_by_label_contains("would fall outside 1..3")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("“Rewrite the batch jobs”: 5")
            .is_some()
    );
    h.get_by_label("Rescale proportionally").click();
    h.run();
    h.run();
    let s = &h.state().session;
    assert_eq!(s.criterion(&cost).map(|c| c.scale.hi), Some(3.0));
    // 5 on 1..5 is the top, so it is 3 on 1..3; 2 on 1..5 is a quarter up, so 1.5.
    assert_eq!(s.options[1].scores[&cost].likely, 3.0);
    assert_eq!(s.options[0].scores[&cost].likely, 1.5);
    assert!(h.state().refused.is_none(), "{:?}", h.state().refused);
}

#[test]
fn a_criterion_is_flagged_as_measuring_effort_and_unflagged_again() {
    let mut h = harness(session());
    h.run();
    h.get_by_label("Edit criterion Cost").click();
    h.run();
    h.get_by_label("Measures effort").click();
    h.run();
    assert!(criterion(&h, "cost").measures_effort);
    assert!(!criterion(&h, "impact").measures_effort);
    h.get_by_label("Measures effort").click();
    h.run();
    assert!(!criterion(&h, "cost").measures_effort);
}

#[test]
fn removing_a_criterion_asks_first_naming_how_many_scores_go() {
    let mut h = harness(session());
    h.run();
    h.get_by_label("Edit criterion Cost").click();
    h.run();
    h.get_by_label("Remove Cost").click();
    h.run();
    assert!(
        h.query_by_label_contains("Remove “Cost” and its 2 scores?")
            .is_some()
    );
    h.get_by_label("Keep it").click();
    h.run();
    assert_eq!(h.state().session.criteria.len(), 3);
    h.get_by_label("Remove Cost").click();
    h.run();
    h.get_by_label("Remove criterion and 2 scores").click();
    h.run();
    h.run();
    let s = &h.state().session;
    assert_eq!(s.criteria.len(), 2);
    assert!(
        s.options
            .iter()
            .all(|o| !o.scores.contains_key(&CriterionId::new("cost")))
    );
}

#[test]
fn criteria_move_and_duplicate_from_their_buttons() {
    let mut h = harness(session());
    h.run();
    h.get_by_label("Edit criterion Cost").click();
    h.run();
    h.get_by_label("Move Cost left").click();
    h.run();
    h.run();
    let ids = |h: &Harness<'static, Fixture>| -> Vec<String> {
        h.state()
            .session
            .criteria
            .iter()
            .map(|c| c.id.to_string())
            .collect()
    };
    assert_eq!(ids(&h), ["cost", "impact", "trust-risk"]);
    h.get_by_label("Duplicate Cost").click();
    h.run();
    h.run();
    assert_eq!(ids(&h), ["cost", "cost-copy", "impact", "trust-risk"]);
    assert!(
        h.query_by_label("Edit criterion Cost (copy)").is_some(),
        "the copy is listed"
    );
    assert!(
        h.get_by_label("Name").is_focused(),
        "the copy's name takes the keyboard"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Name").type_text("Run cost");
    h.run();
    h.run();
    assert_eq!(
        criterion(&h, "cost-copy").name,
        "Run cost",
        "the copy is the one being edited"
    );
}

#[test]
fn swing_weights_follow_the_order_and_ratings_and_apply_as_one_logged_edit() {
    let mut h = harness(session());
    h.run();
    h.get_by_label("Swing weighting").click();
    h.run();
    // Cost's swing matters most, then Impact at 50, Trust risk at 50.
    h.get_by_label("Move the swing of Cost up").click();
    h.run();
    h.get_by_label("Move the swing of Cost up").click();
    h.run();
    h.get_by_label("Swing rating of Impact").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Swing rating of Impact").type_text("50");
    h.key_press(egui::Key::Enter);
    h.run();
    // Below the fold at 1024 × 768: reached from the keyboard, as a person would.
    h.get_by_label("Apply swing weights").focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    let s = &h.state().session;
    let weights: Vec<f64> = s.criteria.iter().map(|c| c.weight).collect();
    assert_eq!(weights, [25.0, 50.0, 25.0]);
    assert!(matches!(
        s.log.last().map(|e| &e.event),
        Some(LogEvent::WeightsSet {
            method: WeightMethod::Swing,
            ..
        })
    ));
    assert!(
        h.query_by_label_contains("from 5 (A multi-quarter programme) to 1")
            .is_some()
    );
}

#[test]
fn inconsistent_pairwise_judgements_are_flagged_naming_a_pair_and_still_apply() {
    let mut h = harness(session());
    h.run();
    h.get_by_label("Pairwise comparison (AHP)").click();
    h.run();
    // Impact ≫ Cost, Cost ≫ Trust risk, but Trust risk ≫ Impact: a cycle. Each slider
    // leans toward the criterion that matters more.
    for (pair, key) in [
        ("Impact vs Cost", egui::Key::ArrowLeft),
        ("Cost vs Trust risk", egui::Key::ArrowLeft),
        ("Impact vs Trust risk", egui::Key::ArrowRight),
    ] {
        h.get_by_label(pair).focus();
        h.run();
        for _ in 0..4 {
            h.key_press(key);
            h.run();
        }
    }
    assert!(
        h.query_by_label_contains("Impact matters 5× as much")
            .is_some()
    );
    assert!(h.query_by_label_contains("is above 0.10").is_some());
    assert!(h.query_by_label_contains("Most inconsistent:").is_some());
    h.get_by_label("Apply pairwise weights").focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    let s = &h.state().session;
    let Some(LogEvent::WeightsSet {
        method: WeightMethod::Pairwise { consistency_ratio },
        ..
    }) = s.log.last().map(|e| &e.event)
    else {
        panic!("a pairwise entry in the log: {:?}", s.log)
    };
    assert!(*consistency_ratio > 0.1);
    let sum: f64 = s.criteria.iter().map(|c| c.weight).sum();
    assert!((sum - 100.0).abs() < 0.02, "{sum}");
}

#[test]
fn the_matrix_opens_the_editor_even_before_there_is_anything_to_score() {
    let mut empty = Session::new("cut our cloud bill by 20 % this year");
    empty.criteria.clear();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(
            |ui, f: &mut (Session, crate::ui::matrix::MatrixState)| {
                let ranking = rank(&f.0);
                let advice = recommend_from(&f.0, &ranking);
                let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid date");
                let mut cx = ViewCtx::new(&f.0, &ranking, &advice, false, today);
                crate::ui::matrix::matrix_ui(ui, &mut cx, &mut f.1);
                let now = Utc.with_ymd_and_hms(2026, 11, 30, 16, 0, 0).unwrap();
                for intent in cx.into_intents() {
                    if let Intent::Edit(edit) = intent {
                        apply(&mut f.0, edit, now).expect("edit applies");
                    }
                }
            },
            (empty, crate::ui::matrix::MatrixState::default()),
        );
    h.run();
    h.get_by_label("Criteria…").click();
    h.run();
    assert!(h.get_by_label("New criterion name").is_focused());
    h.get_by_label("New criterion name")
        .type_text("Annual savings");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("New criterion name")
        .type_text("Migration effort");
    h.run();
    h.get_by_label("Cost").click();
    h.run();
    h.get_by_label("New criterion name").focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let s = &h.state().0;
    let added: Vec<(&str, Direction)> = s
        .criteria
        .iter()
        .map(|c| (c.name.as_str(), c.direction))
        .collect();
    assert_eq!(
        added,
        [
            ("Annual savings", Direction::Benefit),
            ("Migration effort", Direction::Cost)
        ]
    );
}

#[test]
fn a_fresh_session_can_start_from_a_shipped_criteria_set() {
    let mut fresh = Session::new("cut our cloud bill by 20 % this year");
    fresh.add_option("Reserved instances", Lens::Buy);
    let mut h = harness(fresh);
    h.run();
    h.get_by_label("Start from a set").click();
    h.run();
    h.get_by_label("Cost reduction").click();
    h.run();
    h.get_by_label("Use these criteria").click();
    h.run();
    h.run();
    let s = &h.state().session;
    assert_eq!(s.criteria.len(), 5);
    assert!(h.query_by_label("Edit criterion Annual savings").is_some());
    // Once something is scored the offer is gone: a set would take the scores with it.
    assert!(
        harness(session())
            .query_by_label("Use these criteria")
            .is_none()
    );
}

#[test]
fn every_control_of_the_editor_has_an_accessible_name() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    let mut h = harness(session());
    h.run();
    h.get_by_label("Swing weighting").click();
    h.run();
    h.get_by_label("Pairwise comparison (AHP)").click();
    h.run();
    h.get_by_label("Veto").click();
    h.run();
    h.run();
    let mut checked = 0;
    for role in [
        Role::TextInput,
        Role::MultilineTextInput,
        Role::SpinButton,
        Role::Slider,
        Role::CheckBox,
        Role::RadioButton,
        Role::Button,
        Role::ComboBox,
    ] {
        for node in h.query_all_by_role(role) {
            checked += 1;
            let name = node.accesskit_node().label().unwrap_or_default();
            assert!(
                !name.trim().is_empty(),
                "a {role:?} without a name: {node:?}"
            );
        }
    }
    assert!(checked > 30, "only {checked} controls found");
}

#[test]
fn a_new_level_meaning_takes_the_keyboard() {
    let mut h = harness(session());
    h.run();
    h.get_by_label("Edit criterion Cost").click();
    h.run();
    h.get_by_label("Remove level 3").click();
    h.run();
    h.run();
    h.get_by_label("Add a level meaning").click();
    h.run();
    h.run();
    assert!(h.get_by_label("Meaning of level 3").is_focused());
    h.get_by_label("Meaning of level 3")
        .type_text("A quarter of a team");
    h.run();
    let levels = &criterion(&h, "cost").scale.levels;
    let three = levels
        .iter()
        .find(|l| l.value == 3.0)
        .expect("level 3 is back");
    assert_eq!(three.meaning, "A quarter of a team");
}
