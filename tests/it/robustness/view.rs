//! The Robustness view on its own, driven through its accessibility tree.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use verdict::analysis::robustness::{RobustnessConfig, analyze};
use verdict::model::{Lens, Session, SolutionOption};
use verdict::ui::robustness_view::{
    RobustnessAction, RobustnessSettings, WeightChoice, robustness_ui,
};

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
    action: RobustnessAction,
    progress: Option<f32>,
}

#[test]
fn the_view_shows_the_verdict_flips_acceptability_topsis_and_dominance() {
    let s = session();
    let report = analyze(&s, &RobustnessConfig::default());
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut State| {
            state.action = robustness_ui(
                ui,
                &s,
                Some(&report),
                state.progress,
                &mut state.settings,
                false,
            );
        },
        State {
            settings: RobustnessSettings::default(),
            action: RobustnessAction::None,
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
            let action = robustness_ui(
                ui,
                &s,
                Some(&report),
                state.progress,
                &mut state.settings,
                false,
            );
            if action != RobustnessAction::None {
                state.action = action;
            }
        },
        State {
            settings: RobustnessSettings::default(),
            action: RobustnessAction::None,
            progress: Some(0.25),
        },
    );
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().action, RobustnessAction::Cancel);
}

#[test]
fn choosing_any_weights_changes_the_config() {
    let s = session();
    let report = analyze(&s, &RobustnessConfig { monte_carlo: None });
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut State| {
            robustness_ui(ui, &s, Some(&report), None, &mut state.settings, false);
        },
        State {
            settings: RobustnessSettings::default(),
            action: RobustnessAction::None,
            progress: None,
        },
    );
    harness.run();
    harness.get_by_label("Monte Carlo weights").click();
    harness.run();
    harness.get_by_label("Any weights").click();
    harness.run();
    assert_eq!(harness.state().settings.weights, WeightChoice::Any);
}

#[test]
fn without_a_report_the_view_says_it_is_working() {
    let s = session();
    let mut settings = RobustnessSettings::default();
    let mut harness = Harness::new_ui(|ui| {
        robustness_ui(ui, &s, None, None, &mut settings, false);
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
        robustness_ui(ui, &s, Some(&report), None, &mut settings, false);
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
