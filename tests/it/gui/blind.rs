//! Blind scoring outside a facilitated round, clicked through the real window: while a
//! rater scores blind no number built from anyone else's scores shows on any place, and
//! Reveal brings them all back.

use super::flow::{harness, noon, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{CriterionId, Lens, Rater, RaterId, Score, Session, SolutionOption};
use verdict::ui::blind_note::HIDDEN;
use verdict::ui::command::Command;
use verdict::ui::nav::Place;

/// Two scored options and two raters who have scored Impact.
fn rated() -> Session {
    let mut session = Session::new("Improve availability of live streams");
    session.title = "Live streams".into();
    session.options.push(
        SolutionOption::new("buy-a-cdn", "Buy a CDN", Lens::Buy)
            .with_score("impact", 4.0)
            .with_score("cost", 3.0)
            .with_score("trust-risk", 2.0),
    );
    session.options.push(
        SolutionOption::new("tune", "Tune the encoder", Lens::ReArchitect)
            .with_score("impact", 3.0)
            .with_score("cost", 1.0)
            .with_score("trust-risk", 1.0),
    );
    session.raters = vec![Rater::new("ana", "Ana"), Rater::new("bo", "Bo")];
    for (rater, impact) in [("ana", 2.0), ("bo", 5.0)] {
        for option in &mut session.options {
            option
                .rater_scores
                .entry(RaterId::new(rater))
                .or_default()
                .insert(CriterionId::new("impact"), Score::point(impact));
        }
    }
    session
}

fn go(harness: &mut Harness<'_, VerdictApp>, place: Place) {
    let ctx = harness.ctx.clone();
    harness.state_mut().command(&ctx, Command::GoTo(place));
    harness.run();
}

fn click(harness: &mut Harness<'_, VerdictApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn choose_view(harness: &mut Harness<'_, VerdictApp>, view: &str) {
    click(harness, "Scores shown");
    click(harness, view);
}

/// Every text anywhere in the window that reads as a number: "66.7", "± 3", "#1", "2".
fn numbers_shown(harness: &Harness<'_, VerdictApp>) -> Vec<String> {
    harness
        .query_all(By::new().include_labels().predicate(|_| true))
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
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | '±' | '#' | ' ' | '-' | '–'))
}

fn shown(harness: &Harness<'_, VerdictApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn blind_scoring_hides_every_result_on_every_place_and_while_presenting_until_revealed() {
    let app = VerdictApp::new_for_test(rated(), Prefs::default())
        .with_clock(noon)
        .with_robustness();
    let mut harness = harness(app);
    go(&mut harness, Place::Matrix);
    assert!(!numbers_shown(&harness).is_empty(), "totals and ranks show");
    choose_view(&mut harness, "Ana");
    click(&mut harness, "Blind");

    for view in ["Ana", "Bo", "Aggregate (mean)", "Spread", "Consensus"] {
        choose_view(&mut harness, view);
        assert_eq!(
            numbers_shown(&harness),
            Vec::<String>::new(),
            "Matrix, {view}"
        );
        assert!(shown(&harness, HIDDEN), "{view}");
    }
    for place in [Place::Decide, Place::Log, Place::Menu] {
        go(&mut harness, place);
        assert_eq!(numbers_shown(&harness), Vec::<String>::new(), "{place:?}");
    }
    go(&mut harness, Place::Decide);
    assert_eq!(
        harness.query_all_by_label(HIDDEN).count(),
        3,
        "where the recommendation, the charts and robustness would be"
    );
    assert!(!shown(&harness, "Choose “"), "no advice");
    assert!(
        harness.query_by_label("Impact versus cost").is_none(),
        "no charts"
    );
    assert!(!shown(&harness, "Buy a CDN"), "not even the winner's name");
    assert!(
        shown(&harness, "Kill criteria"),
        "the rest of the place is there"
    );

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::TogglePresentation);
    harness.run();
    for place in [Place::Matrix, Place::Decide] {
        go(&mut harness, place);
        assert_eq!(
            numbers_shown(&harness),
            Vec::<String>::new(),
            "presenting {place:?}"
        );
        assert!(shown(&harness, HIDDEN), "presenting {place:?}");
    }

    // Reveal, reachable while presenting, brings every result back.
    harness
        .query_all_by_label("Reveal")
        .next()
        .expect("a Reveal button")
        .click();
    // The robustness analysis starts again and asks for frames while it runs.
    harness.run_ok();
    harness.run_ok();
    assert!(!shown(&harness, HIDDEN));
    assert!(shown(&harness, "Choose “"), "the advice is back");
    assert!(
        harness.query_by_label("Impact versus cost").is_some(),
        "the charts are back"
    );
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::GoTo(Place::Matrix));
    harness.run_ok();
    let numbers = numbers_shown(&harness);
    assert!(
        numbers.iter().any(|n| n.contains('.')),
        "totals: {numbers:?}"
    );
}

#[test]
fn undoing_the_addition_of_the_only_rater_returns_the_matrix_to_the_shared_scores() {
    let mut session = rated();
    session.raters.clear();
    for option in &mut session.options {
        option.rater_scores.clear();
    }
    let app = VerdictApp::new_for_test(session, Prefs::default()).with_clock(noon);
    let mut harness = harness(app);
    go(&mut harness, Place::Matrix);
    click(&mut harness, "Add rater…");
    harness.run();
    harness.get_by_label("New rater's name").type_text("Ana");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run();
    assert_eq!(harness.state().document().session().raters.len(), 1);
    choose_view(&mut harness, "Spread");
    assert!(harness.query_by_label("Impact of Buy a CDN").is_none());

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().document().session().raters.is_empty());
    assert!(harness.query_by_label("Scores shown").is_none());
    assert!(
        harness.query_by_label("Impact of Buy a CDN").is_some(),
        "the shared scores, editable again"
    );
    assert!(
        numbers_shown(&harness).iter().any(|n| n.contains('.')),
        "totals, not a column of dashes"
    );
}
