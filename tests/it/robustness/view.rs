//! The Robustness view on its own, driven through its accessibility tree.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use verdict::analysis::robustness::{RobustnessConfig, RobustnessReport, analyze};
use verdict::analysis::{rank, recommend_from};
use verdict::model::{Lens, Session, SolutionOption};
use verdict::ui::decide::robustness::{RobustnessSettings, WeightChoice, robustness_ui};
use verdict::ui::outbox::Intent;
use verdict::ui::view_ctx::{RobustnessShown, ViewCtx};

fn session() -> Session {
    let mut s = Session::new("improve availability of live streams");
    for (id, title, lens, impact, cost, risk) in [
        ("cdn", "Buy a multi-CDN service", Lens::Buy, 5.0, 2.0, 1.0),
        (
            "rewrite",
            "Rebuild the origin",
            Lens::ReArchitect,
            2.0,
            5.0,
            4.0,
        ),
        ("drills", "Game-day drills", Lens::Process, 3.0, 2.0, 2.0),
    ] {
        s.options.push(
            SolutionOption::new(id, title, lens)
                .with_score("impact", impact)
                .with_score("cost", cost)
                .with_score("trust-risk", risk),
        );
    }
    s
}

struct State {
    settings: RobustnessSettings,
    intents: Vec<Intent>,
    progress: Option<f32>,
}

/// Draws the view as Decide does and returns what it asked for.
fn draw(
    ui: &mut egui::Ui,
    s: &Session,
    report: Option<&RobustnessReport>,
    progress: Option<f32>,
    settings: &mut RobustnessSettings,
) -> Vec<Intent> {
    let ranking = rank(s);
    let advice = recommend_from(s, &ranking);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date");
    let mut cx = ViewCtx::new(s, &ranking, &advice, false, today);
    robustness_ui(ui, &mut cx, RobustnessShown { report, progress }, settings);
    cx.into_intents()
}

#[test]
fn the_view_shows_the_verdict_flips_acceptability_topsis_and_dominance() {
    let s = session();
    let report = analyze(&s, &RobustnessConfig::default());
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut State| {
            state.intents = draw(ui, &s, Some(&report), state.progress, &mut state.settings);
        },
        State {
            settings: RobustnessSettings::default(),
            intents: Vec::new(),
            progress: None,
        },
    );
    harness.run();
    harness.get_by_label_contains("Clear winner: “Buy a multi-CDN service”");
    harness.get_by_label_contains("Impact (now 50 %, weight 50)");
    // Point scores and fixed weights: every sample is the same ranking, and the view says so
    // instead of "wins 100 %".
    harness.get_by_label_contains("Monte Carlo has nothing to vary");
    assert!(
        harness
            .query_by_label("“Buy a multi-CDN service” wins 100 % of samples")
            .is_none()
    );
    harness.get_by_label("TOPSIS agrees: “Buy a multi-CDN service” wins both ways");
    harness.get_by_label_contains("“Rebuild the origin” is dominated by");
    // Inputs carry their names.
    harness.get_by_role_and_label(Role::SpinButton, "Samples");
    harness.get_by_role_and_label(Role::SpinButton, "Seed");
    assert!(harness.query_by_label("Cancel").is_none());
}

#[test]
fn cancel_appears_while_monte_carlo_runs_and_reports_the_click() {
    let s = session();
    let report = analyze(&s, &RobustnessConfig { monte_carlo: None });
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut State| {
            let intents = draw(ui, &s, Some(&report), state.progress, &mut state.settings);
            state.intents.extend(intents);
        },
        State {
            settings: RobustnessSettings::default(),
            intents: Vec::new(),
            progress: Some(0.25),
        },
    );
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().intents.contains(&Intent::CancelAnalysis));
}

#[test]
fn choosing_any_weights_changes_the_config() {
    let s = session();
    let report = analyze(&s, &RobustnessConfig { monte_carlo: None });
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut State| {
            state.intents = draw(ui, &s, Some(&report), None, &mut state.settings);
        },
        State {
            settings: RobustnessSettings::default(),
            intents: Vec::new(),
            progress: None,
        },
    );
    harness.run();
    harness.get_by_label("Monte Carlo weights").click();
    harness.run();
    harness.get_by_label("Any weights").click();
    harness.run();
    assert_eq!(harness.state().settings.weights, WeightChoice::Any);
    let asked = harness.state().settings.config();
    assert!(
        harness.state().intents.contains(&Intent::Analyse(asked)),
        "the analysis for the new settings is asked for"
    );
}

#[test]
fn without_a_report_the_view_says_it_is_working() {
    let s = session();
    let mut settings = RobustnessSettings::default();
    let mut harness = Harness::new_ui(|ui| {
        draw(ui, &s, None, None, &mut settings);
    });
    harness.run();
    harness.get_by_label("Working out how robust the winner is…");
}

#[test]
fn one_score_range_gives_monte_carlo_something_to_vary_and_its_shares_are_shown() {
    let mut s = session();
    let cost = verdict::model::CriterionId::new("cost");
    if let Some(score) = s.options[2].scores.get_mut(&cost) {
        score.low = Some(1.0);
        score.high = Some(4.0);
    }
    let report = analyze(&s, &RobustnessConfig::default());
    let mut settings = RobustnessSettings::default();
    let mut harness = Harness::new_ui(|ui| {
        draw(ui, &s, Some(&report), None, &mut settings);
    });
    harness.run();
    assert!(harness.query_by_label_contains("nothing to vary").is_none());
    assert!(
        harness
            .query_all_by_label_contains("“Buy a multi-CDN service” wins")
            .next()
            .is_some()
    );
}
