//! A facilitated scoring round clicked through the real window: two raters score hidden,
//! the reveal shows agreement and the discuss queue, and the facilitator accepts.

use chrono::{DateTime, TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{CriterionId, Lens, LogEvent, Rater, RaterId, Session, SolutionOption};
use verdict::ui::command::Command;
use verdict::ui::nav::Place;

fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

/// One scored option and two raters.
fn app() -> VerdictApp {
    let mut session = Session::new("Improve availability of live streams");
    session.options.push(
        SolutionOption::new("buy-a-cdn", "Buy a CDN", Lens::Buy)
            .with_score("impact", 4.0)
            .with_score("cost", 3.0)
            .with_score("trust-risk", 2.0),
    );
    session.raters = vec![Rater::new("ana", "Ana"), Rater::new("bo", "Bo")];
    VerdictApp::new_for_test(session, Prefs::default()).with_clock(noon)
}

/// The window on the Matrix.
fn harness(app: VerdictApp) -> Harness<'static, VerdictApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    go(&mut harness, Place::Matrix);
    harness
}

fn click(harness: &mut Harness<'_, VerdictApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn type_into(harness: &mut Harness<'_, VerdictApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn go(harness: &mut Harness<'_, VerdictApp>, place: Place) {
    let ctx = harness.ctx.clone();
    harness.state_mut().command(&ctx, Command::GoTo(place));
    harness.run();
}

/// How many nodes anywhere in the accessibility tree show `text` in their label or value.
fn shown(harness: &Harness<'_, VerdictApp>, text: &str) -> usize {
    harness
        .query_all(By::new().include_labels().predicate(move |node| {
            node.label().is_some_and(|l| l.contains(text))
                || node.value().is_some_and(|v| v.contains(text))
        }))
        .count()
}

const ANA_COST: &str = "Ana: Buy a CDN on Cost (1 to 5)";
const BO_COST: &str = "Bo: Buy a CDN on Cost (1 to 5)";
const ANA_IMPACT: &str = "Ana: Buy a CDN on Impact (1 to 5)";
const BO_IMPACT: &str = "Bo: Buy a CDN on Impact (1 to 5)";

#[test]
fn two_raters_score_hidden_then_the_reveal_shows_agreement_and_the_facilitator_accepts() {
    let mut harness = harness(app());
    click(&mut harness, "Start scoring round");
    assert!(harness.state().document().session().round.is_some());

    // Ana's turn: her numbers only.
    click(&mut harness, "Ana's turn");
    type_into(&mut harness, ANA_COST, "1.5");
    type_into(&mut harness, ANA_IMPACT, "3.25");
    assert!(shown(&harness, "1.5") >= 1, "Ana sees her own score");
    click(&mut harness, "Finish Ana's turn");
    assert_eq!(
        shown(&harness, "1.5"),
        0,
        "between turns nobody's score shows"
    );

    // Bo's turn: Ana's numbers, totals and ranks stay off screen.
    click(&mut harness, "Bo's turn");
    assert!(harness.query_by_label(ANA_COST).is_none());
    assert_eq!(shown(&harness, "1.5"), 0, "Bo cannot see Ana's cost score");
    assert_eq!(shown(&harness, "3.25"), 0, "nor her impact score");
    type_into(&mut harness, BO_COST, "4.5");
    type_into(&mut harness, BO_IMPACT, "3.5");
    assert_eq!(shown(&harness, "1.5"), 0);
    click(&mut harness, "Finish Bo's turn");
    assert_eq!(shown(&harness, "4.5"), 0);

    // Nothing derived from scores leaks through another place either.
    go(&mut harness, Place::Decide);
    assert!(
        harness
            .query_by_label("Results are hidden during the scoring round")
            .is_some()
    );
    go(&mut harness, Place::Menu);
    assert!(
        harness.query_by_label("#1").is_none(),
        "no ranks in the menu"
    );
    go(&mut harness, Place::Matrix);

    // The reveal: every score, the range and the documented agreement per cell.
    click(&mut harness, "Reveal scores");
    assert!(shown(&harness, "1.5") >= 1 && shown(&harness, "4.5") >= 1);
    assert!(
        harness.query_by_label("1.5 – 4.5").is_some(),
        "the range of Cost"
    );
    assert!(harness.query_by_label("Discuss first").is_some());
    assert!(
        harness
            .query_by_label("1. Buy a CDN on Cost — 1.5 – 4.5")
            .is_some(),
        "Cost (3 points apart on 1–5) is first in the discuss queue"
    );
    assert_eq!(harness.query_all_by_label("⚠ low: discuss").count(), 1);
    assert_eq!(
        harness.query_all_by_label("✔ high").count(),
        1,
        "Impact: 3.25 and 3.5 are a quarter point apart"
    );

    click(&mut harness, "Accept the scores");
    let session = harness.state().document().session();
    assert!(session.round.is_none());
    let cost = &session.options[0].rater_scores;
    assert_eq!(
        cost[&RaterId::new("ana")][&CriterionId::new("cost")].likely,
        1.5
    );
    assert_eq!(
        cost[&RaterId::new("bo")][&CriterionId::new("cost")].likely,
        4.5
    );
    let revealed = session.log.iter().find_map(|e| match &e.event {
        LogEvent::RoundRevealed {
            raters,
            low_agreement,
            ..
        } => Some((raters.clone(), *low_agreement)),
        _ => None,
    });
    assert_eq!(
        revealed,
        Some((vec![RaterId::new("ana"), RaterId::new("bo")], 1)),
        "the log says who scored and how many cells to discuss"
    );
}

#[test]
fn a_timed_round_reveals_itself_when_its_time_is_up_on_any_place() {
    use std::cell::Cell;
    use std::rc::Rc;
    // The clock is shared with the test so it can move time on.
    let elapsed = Rc::new(Cell::new(0_i64));
    let clock = {
        let elapsed = Rc::clone(&elapsed);
        move || noon() + chrono::Duration::seconds(elapsed.get())
    };
    let mut harness = harness(app().with_clock(clock));
    harness.get_by_label("Timer, minutes (0 for none)").click();
    harness.run();
    harness
        .get_by_label("Timer, minutes (0 for none)")
        .type_text("2");
    harness.run();
    click(&mut harness, "Start scoring round");
    let round = harness
        .state()
        .document()
        .session()
        .round
        .clone()
        .expect("open");
    assert_eq!(round.timer_seconds, Some(120));
    assert!(harness.query_by_label("Time left 2:00").is_some());
    go(&mut harness, Place::Directive);
    elapsed.set(119);
    harness.run();
    assert!(
        harness
            .state()
            .document()
            .session()
            .hidden_round()
            .is_some()
    );
    elapsed.set(120);
    harness.run();
    let session = harness.state().document().session();
    assert!(
        session.round.as_ref().is_some_and(|r| !r.is_scoring()),
        "revealed at 2:00 though nobody was on the Matrix"
    );
}
