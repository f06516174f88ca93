//! The matrix with several raters: views, forms, blind mode, disagreement.

use super::*;
use egui_kittest::kittest::NodeT;

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
    assert_eq!(
        harness.query_all_by_label("hidden").count(),
        3,
        "only the totals, built from everyone's scores"
    );
    harness.get_by_label("Blind").click();
    harness.run();
    choose_view(&mut harness, "Spread");
    assert!(harness.query_by_label("± 4").is_some());
}

/// Every text on screen that reads as a number ("3.33", "± 4", "#2", "12").
fn numbers_shown(harness: &Harness<'static, Fixture>) -> Vec<String> {
    harness
        .query_all_by(|_| true)
        .filter_map(|node| {
            let node = node.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .filter(|text| is_number(text))
        .collect()
}

fn is_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '±' | '#' | ' ' | '-' | '–'))
}

#[test]
fn blind_mode_hides_totals_and_ranks_in_the_raters_own_view_until_revealed() {
    let mut harness = harness(rated(), false);
    harness.run();
    let shown = numbers_shown(&harness);
    assert!(
        shown.contains(&"1".to_owned()),
        "the rank of the leader: {shown:?}"
    );
    choose_view(&mut harness, "Ana");
    harness.get_by_label("Blind").click();
    harness.run();
    assert_eq!(numbers_shown(&harness), Vec::<String>::new());
    assert!(harness.query_by_label("3 unscored").is_none());
    for view in ["Bo", "Aggregate (mean)", "Spread", "Consensus"] {
        choose_view(&mut harness, view);
        assert_eq!(numbers_shown(&harness), Vec::<String>::new(), "{view}");
        harness.get_by_label(crate::ui::blind_note::HIDDEN);
    }
    harness.get_by_label("Reveal").click();
    harness.run();
    assert!(
        harness
            .query_by_label(crate::ui::blind_note::HIDDEN)
            .is_none()
    );
    assert!(harness.query_by_label("hidden").is_none());
    let shown = numbers_shown(&harness);
    assert!(shown.contains(&"1".to_owned()), "ranks are back: {shown:?}");
    assert!(harness.state().state.raters.blind_as.is_none());
}

#[test]
fn a_raters_empty_cell_records_nothing_when_left_with_escape_or_a_click_elsewhere() {
    let mut harness = harness(rated(), false);
    harness.run();
    choose_view(&mut harness, "Bo");
    let cell = "Cost of Buy a CDN by Bo";
    harness.get_by_label(cell).click();
    harness.run();
    assert!(
        harness.get_by_label(cell).is_focused(),
        "the cell is typed into"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label(cell).click();
    harness.run();
    harness
        .get_by_label("Trust risk of Wait and see by Bo")
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    let edits = harness
        .state()
        .intents
        .iter()
        .filter(|i| matches!(i, Intent::Edit(_)))
        .count();
    assert_eq!(edits, 0);
    let bo = &harness.state().session.options[0].rater_scores[&crate::model::RaterId::new("bo")];
    assert_eq!(
        bo.keys().map(CriterionId::as_str).collect::<Vec<_>>(),
        ["impact"]
    );
    assert!(harness.state().session.options[2].rater_scores.is_empty());
}

#[test]
fn removing_the_last_rater_from_the_spread_view_returns_to_the_shared_scores() {
    let mut one = rated();
    one.raters.truncate(1);
    one.options[0]
        .rater_scores
        .retain(|id, _| id.as_str() == "ana");
    let mut harness = harness(one, false);
    harness.run();
    choose_view(&mut harness, "Spread");
    assert!(
        harness.query_by_label("Impact of Buy a CDN").is_none(),
        "read-only"
    );
    // The rater goes while the spread is on view, as undoing their addition does.
    harness.state_mut().session.raters.clear();
    harness.state_mut().session.options[0].rater_scores.clear();
    harness.run();
    assert!(harness.query_by_label("Scores shown").is_none());
    assert!(
        harness.query_by_label("Impact of Buy a CDN").is_some(),
        "editable again"
    );
    assert_eq!(
        harness.state().state.raters.mode,
        super::MatrixMode::Consensus
    );
}

#[test]
fn removing_the_last_rater_from_their_own_view_returns_to_the_shared_scores() {
    let mut one = rated();
    one.raters.truncate(1);
    one.options[0]
        .rater_scores
        .retain(|id, _| id.as_str() == "ana");
    let mut harness = harness(one, false);
    harness.run();
    choose_view(&mut harness, "Ana");
    harness.get_by_label("Edit rater…").click();
    harness.run();
    harness.get_by_label("Remove…").click();
    harness.run();
    harness.get_by_label("Remove Ana and 1 score").click();
    harness.run();
    harness.run();
    assert!(harness.state().session.raters.is_empty());
    assert!(harness.query_by_label("Scores shown").is_none());
    assert!(harness.query_by_label("Impact of Buy a CDN").is_some());
    assert!(harness.query_by_label("Edit rater…").is_none());
}

#[test]
fn a_low_typed_above_the_likely_value_takes_it_along_in_one_edit_and_says_so() {
    let mut harness = harness(rated(), false);
    harness.run();
    choose_view(&mut harness, "Bo");
    harness.get_by_label("Ranges (low / likely / high)").click();
    harness.run();
    let low = "Impact of Buy a CDN by Bo, low";
    harness.get_by_label(low).click();
    harness.run();
    harness.get_by_label(low).type_text("5");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    let rater_edits = |harness: &Harness<'static, Fixture>| {
        harness
            .state()
            .intents
            .iter()
            .filter(|i| matches!(i, Intent::Edit(Edit::SetRaterScore(..))))
            .count()
    };
    assert_eq!(rater_edits(&harness), 1, "one edit, so one undo step");
    let bo_id = crate::model::RaterId::new("bo");
    let impact =
        &harness.state().session.options[0].rater_scores[&bo_id][&CriterionId::new("impact")];
    assert_eq!(
        (impact.low, impact.likely, impact.high),
        (Some(5.0), 5.0, None)
    );
    harness.get_by_label("Impact of Buy a CDN by Bo: low set to 5, so likely follows from 4 to 5");
    let high = "Impact of Buy a CDN by Bo, high";
    harness.get_by_label(high).click();
    harness.run();
    harness.get_by_label(high).type_text("9");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(rater_edits(&harness), 1, "refused");
    harness.get_by_label(
        "Impact of Buy a CDN by Bo, high: 9 is outside the scale of Impact, 1 to 5; not changed",
    );
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
fn the_mark_on_a_cell_to_discuss_sits_above_its_digits_and_never_covers_them() {
    let mut harness = harness(rated(), false);
    harness.run();
    choose_view(&mut harness, "Spread");
    let text = harness.get_by_label("± 4").rect();
    let dark = harness.ctx.global_style().visuals.dark_mode;
    let kill = crate::ui::theme::palette_for(dark).kill;
    let image = harness.render().expect("the matrix renders");
    let scale = harness.ctx.pixels_per_point();
    // Pixels of the mark's colour inside `rect`.
    let marked = |rect: egui::Rect| {
        let (x0, y0) = ((rect.left() * scale) as u32, (rect.top() * scale) as u32);
        let (x1, y1) = (
            (rect.right() * scale) as u32,
            (rect.bottom() * scale) as u32,
        );
        let mut n = 0;
        for y in y0..y1.min(image.height()) {
            for x in x0..x1.min(image.width()) {
                let [r, g, b, _] = image.get_pixel(x, y).0;
                let close = |a: u8, b: u8| a.abs_diff(b) < 24;
                n += usize::from(close(r, kill.r()) && close(g, kill.g()) && close(b, kill.b()));
            }
        }
        n
    };
    assert_eq!(marked(text), 0, "no mark over the digits");
    let above = egui::Rect::from_min_max(
        egui::pos2(text.left(), text.top() - 14.0),
        egui::pos2(text.right(), text.top()),
    );
    assert!(marked(above) > 0, "the mark is just above the value");
}
