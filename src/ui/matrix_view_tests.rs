//! Tests of `matrix_view`.

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
    assert_eq!(intents.last(), Some(&Intent::Seal));
    let cost = harness.state().session.options[0].score(&CriterionId::new("cost"));
    assert_eq!(cost.map(|s| s.likely), Some(3.0));
}

#[test]
fn a_typed_score_outside_the_scale_is_clamped_to_it() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Impact of Buy a CDN").click();
    harness.run();
    harness.get_by_label("Impact of Buy a CDN").type_text("9");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let edits = score_edits(&harness.state().intents);
    assert_eq!(edits.last(), Some(&("buy-a-cdn", "impact", Some(5.0))));
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

/// The usual session with three raters who disagree widely on Impact of Buy a CDN.
fn rated() -> Session {
    let mut s = session();
    for (id, name) in [("ana", "Ana"), ("bo", "Bo"), ("cy", "Cy")] {
        s.raters.push(crate::model::Rater::new(id, name));
    }
    for (rater, impact) in [("ana", 1.0), ("bo", 4.0), ("cy", 5.0)] {
        s.options[0]
            .rater_scores
            .entry(crate::model::RaterId::new(rater))
            .or_default()
            .insert(CriterionId::new("impact"), Score::point(impact));
    }
    s
}

fn choose_view(harness: &mut Harness<'static, Fixture>, view: &str) {
    harness.get_by_label("Scores shown").click();
    harness.run();
    harness.get_by_label(view).click();
    harness.run();
}

#[test]
fn without_raters_only_an_add_rater_button_shows_and_it_adds_one() {
    let mut harness = harness(session(), false);
    harness.run();
    assert!(harness.query_by_label("Scores shown").is_none());
    harness.get_by_label("Add rater…").click();
    harness.run();
    harness.get_by_label("New rater's name").click();
    harness.run();
    harness.get_by_label("New rater's name").type_text("Ana");
    harness.run();
    harness.get_by_label("Add").click();
    harness.run();
    harness.run();
    let raters = &harness.state().session.raters;
    assert_eq!(raters.len(), 1);
    assert_eq!(
        (raters[0].id.as_str(), raters[0].name.as_str()),
        ("ana", "Ana")
    );
    assert!(harness.query_by_label("Scores shown").is_some());
}

#[test]
fn a_rater_view_scores_as_that_rater_and_leaves_the_consensus_alone() {
    let mut harness = harness(rated(), false);
    harness.run();
    choose_view(&mut harness, "Bo");
    assert!(
        harness
            .query_by_label("Impact of Buy a CDN by Bo")
            .is_some()
    );
    harness.get_by_label("Set Cost of Buy a CDN by Bo").click();
    harness.run();
    let option = &harness.state().session.options[0];
    let bo = &option.rater_scores[&crate::model::RaterId::new("bo")];
    assert_eq!(bo[&CriterionId::new("cost")].likely, 3.0);
    assert_eq!(
        option.score(&CriterionId::new("cost")).map(|s| s.likely),
        Some(2.0)
    );
    assert!(score_edits(&harness.state().intents).is_empty());
}

#[test]
fn a_rater_writes_their_own_range_and_rationale() {
    // Turning ranges on after the table was drawn also widens its columns, so the
    // rationale button after the high value stays inside its cell and can be clicked.
    let mut harness = harness(rated(), false);
    harness.run();
    choose_view(&mut harness, "Bo");
    harness.get_by_label("Ranges (low / likely / high)").click();
    harness.run();
    let low = "Impact of Buy a CDN by Bo, low";
    harness.get_by_label(low).click();
    harness.run();
    harness.get_by_label(low).type_text("3");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Impact of Buy a CDN by Bo").hover();
    harness.run();
    harness
        .get_by_label("Open rationale of Impact of Buy a CDN by Bo")
        .click();
    harness.run();
    let field = "Rationale of Impact of Buy a CDN by Bo";
    harness.get_by_label(field).click();
    harness.run();
    harness.get_by_label(field).type_text("Saw the pilot");
    harness.run();
    let option = &harness.state().session.options[0];
    let bo = &option.rater_scores[&crate::model::RaterId::new("bo")];
    assert_eq!(
        bo[&CriterionId::new("impact")],
        Score {
            low: Some(3.0),
            rationale: "Saw the pilot".into(),
            ..Score::point(4.0)
        }
    );
    assert_eq!(
        option.score(&CriterionId::new("impact")),
        Some(&Score::point(4.0)),
        "the shared score is untouched"
    );
}

#[test]
fn a_rater_is_renamed_and_removed_with_their_scores_from_the_toolbar() {
    let mut harness = harness(rated(), false);
    harness.run();
    choose_view(&mut harness, "Bo");
    harness.get_by_label("Edit rater…").click();
    harness.run();
    harness.get_by_label("Rater's name").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Rater's name").type_text("Bo Chen");
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().session.raters[1].name, "Bo Chen");
    assert!(
        harness
            .query_by_label("Impact of Buy a CDN by Bo Chen")
            .is_some()
    );
    harness.get_by_label("Edit rater…").click();
    harness.run();
    harness.get_by_label("Remove…").click();
    harness.run();
    assert_eq!(harness.state().session.raters.len(), 3, "asks first");
    harness.get_by_label("Remove Bo Chen and 1 score").click();
    harness.run();
    harness.run();
    let session = &harness.state().session;
    let ids: Vec<&str> = session.raters.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["ana", "cy"]);
    assert!(
        session.options[0]
            .rater_scores
            .keys()
            .all(|r| r.as_str() != "bo")
    );
    assert!(
        harness.query_by_label("Edit rater…").is_none(),
        "back to the consensus"
    );
}

#[test]
fn a_score_is_cleared_from_its_context_menu() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Cost of Buy a CDN").click_secondary();
    harness.run();
    harness.get_by_label("Clear this score").click();
    harness.run();
    harness.run();
    assert_eq!(
        score_edits(&harness.state().intents).last(),
        Some(&("buy-a-cdn", "cost", None))
    );
    assert!(harness.query_by_label("Set Cost of Buy a CDN").is_some());
}

#[test]
fn the_aggregate_view_shows_mean_or_median_and_the_spread_view_the_range() {
    let mut harness = harness(rated(), false);
    harness.run();
    choose_view(&mut harness, "Aggregate (mean)");
    assert!(harness.query_by_label("3.33").is_some());
    assert!(
        harness.query_by_label("Impact of Buy a CDN").is_none(),
        "read-only"
    );
    harness.get_by_label("Median").click();
    harness.run();
    harness.run();
    assert_eq!(
        harness.state().session.aggregation,
        crate::model::Aggregation::Median
    );
    assert!(harness.query_by_label("4").is_some());
    assert!(harness.query_by_label("3.33").is_none());
    choose_view(&mut harness, "Spread");
    assert!(harness.query_by_label("± 4").is_some());
}

#[test]
fn the_widest_disagreement_is_named_as_the_one_to_discuss_first() {
    let mut harness = harness(rated(), false);
    harness.run();
    let line = "Discuss these first: Impact of Buy a CDN";
    assert!(harness.query_by_label(line).is_some());
    choose_view(&mut harness, "Spread");
    assert!(
        harness.query_by_label(line).is_some(),
        "shown in every view"
    );
    let mut agreeing = rated();
    for scores in agreeing.options[0].rater_scores.values_mut() {
        scores.insert(CriterionId::new("impact"), Score::point(4.0));
    }
    let mut harness = super::tests::harness(agreeing, false);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Discuss these first")
            .is_none()
    );
}

#[test]
fn blind_mode_hides_everything_but_the_raters_own_scores() {
    let mut harness = harness(rated(), false);
    harness.run();
    choose_view(&mut harness, "Ana");
    harness.get_by_label("Blind").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Impact of Buy a CDN by Ana")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Discuss these first")
            .is_none()
    );
    for view in ["Bo", "Aggregate (mean)", "Spread", "Consensus"] {
        choose_view(&mut harness, view);
        assert!(harness.query_all_by_label("hidden").count() >= 9, "{view}");
        assert!(harness.query_by_label("± 4").is_none());
        assert!(
            harness
                .query_by_label("Impact of Buy a CDN by Bo")
                .is_none()
        );
        assert!(harness.query_by_label("Impact of Buy a CDN").is_none());
    }
    choose_view(&mut harness, "Ana");
    assert!(harness.query_by_label("hidden").is_none());
    harness.get_by_label("Blind").click();
    harness.run();
    choose_view(&mut harness, "Spread");
    assert!(harness.query_by_label("± 4").is_some());
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
fn an_unscored_row_is_marked_and_its_empty_cell_offers_a_score() {
    let mut harness = harness(session(), false);
    harness.run();
    assert!(harness.query_all_by_label("unscored").count() >= 1);
    harness.get_by_label("Set Cost of Wait and see").click();
    harness.run();
    let edits = score_edits(&harness.state().intents);
    assert_eq!(edits, [("wait", "cost", Some(3.0))]);
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
fn the_rationale_button_is_reached_from_its_value_with_the_keyboard() {
    let mut harness = harness(session(), false);
    harness.run();
    let button = "Open rationale of Impact of Buy a CDN";
    assert!(harness.query_by_label(button).is_none());
    harness.get_by_label("Impact of Buy a CDN").focus();
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(harness.get_by_label(button).is_focused());
    harness.key_press(egui::Key::Enter);
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
    let mut s = rated();
    s.options[0].scores.remove(&CriterionId::new("impact"));
    let mut harness = harness(s, true);
    harness.run();
    // Only "Wait and see" lacks Cost and Trust risk; Impact of Buy a CDN has raters' scores.
    assert_eq!(harness.query_all_by_label("missing").count(), 2);
}

#[test]
fn the_add_rater_form_takes_the_keyboard_enter_adds_and_escape_cancels() {
    let mut harness = harness(session(), false);
    harness.run();
    harness.get_by_label("Add rater…").click();
    harness.run();
    harness.run();
    assert!(harness.get_by_label("New rater's name").is_focused());
    harness.get_by_label("New rater's name").type_text("Ana");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(harness.state().session.raters.len(), 1);
    assert!(harness.query_by_label("New rater's name").is_none());
    harness.get_by_label("Add rater…").click();
    harness.run();
    harness.run();
    harness.get_by_label("New rater's name").type_text("Bo");
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.run();
    assert!(harness.query_by_label("New rater's name").is_none());
    assert_eq!(harness.state().session.raters.len(), 1);
}

#[test]
fn the_rank_lookup_follows_a_changed_ranking() {
    let mut s = session();
    s.options[2] = SolutionOption::new("wait", "Wait and see", Lens::DoNothing)
        .with_score("impact", 5.0)
        .with_score("cost", 1.0)
        .with_score("trust-risk", 1.0);
    let mut lookup = RankLookup::default();
    let ranking = rank(&s);
    assert_eq!(lookup.row(&ranking, 0).map(|r| r.rank), Some(Some(2)));
    s.options[2].scores.remove(&CriterionId::new("cost"));
    let ranking = rank(&s);
    assert_eq!(lookup.row(&ranking, 0).map(|r| r.rank), Some(Some(1)));
    assert_eq!(lookup.row(&ranking, 7), None);
}
