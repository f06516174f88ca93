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
            state.action =
                robustness_ui(ui, &s, Some(&report), state.progress, &mut state.settings);
        },
        State {
            settings: RobustnessSettings::default(),
            action: RobustnessAction::None,
            progress: None,
        },
    );
    harness.run();
    harness.get_by_label_contains("Clear winner: “Buy a multi-CDN service”");
    harness.get_by_label_contains("Impact (now 50 %)");
    harness.get_by_label("“Buy a multi-CDN service” wins 100 % of samples");
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
            let action = robustness_ui(ui, &s, Some(&report), state.progress, &mut state.settings);
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
            robustness_ui(ui, &s, Some(&report), None, &mut state.settings);
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
        robustness_ui(ui, &s, None, None, &mut settings);
    });
    harness.run();
    harness.get_by_label("Working out how robust the winner is…");
}
