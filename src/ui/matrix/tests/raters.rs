//! The matrix with several raters: views, forms, blind mode, disagreement.

use super::*;

/// The usual session with three raters who disagree widely on Impact of Buy a CDN.
pub(super) fn rated() -> Session {
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
    harness.get_by_label("Cost of Buy a CDN by Bo").click();
    harness.run();
    let bo_id = crate::model::RaterId::new("bo");
    let before = harness.state().session.options[0].rater_scores.get(&bo_id);
    assert!(
        before.is_none_or(|scores| !scores.contains_key(&CriterionId::new("cost"))),
        "a click records nothing"
    );
    harness
        .get_by_label("Cost of Buy a CDN by Bo")
        .type_text("3");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let option = &harness.state().session.options[0];
    let bo = &option.rater_scores[&bo_id];
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
    let cost = harness.state().session.options[0].score(&CriterionId::new("cost"));
    assert_eq!(cost, None);
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
