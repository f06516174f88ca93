//! Presentation mode as the room sees it: nothing to edit on any place, and every option in
//! the impact-versus-cost chart named on screen without hovering.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use std::path::PathBuf;
use verdict::app::{Prefs, VerdictApp};
use verdict::store;
use verdict::ui::command::Command;
use verdict::ui::nav::Place;

/// Widgets that change something when typed into, dragged or ticked.
const EDITABLE: [Role; 8] = [
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SearchInput,
    Role::SpinButton,
    Role::Slider,
    Role::CheckBox,
    Role::ComboBox,
    Role::RadioButton,
];

fn shipped(name: &str) -> verdict::model::Session {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name);
    store::load_file(&path).expect("the shipped session loads")
}

fn presenting(session: verdict::model::Session) -> Harness<'static, VerdictApp> {
    let app = VerdictApp::new_for_test(session, Prefs::default());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    command(&mut harness, Command::TogglePresentation);
    assert!(harness.state().is_presenting());
    harness
}

fn command(harness: &mut Harness<'_, VerdictApp>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().command(&ctx, command);
    harness.run();
}

#[test]
fn no_place_offers_anything_to_edit_while_presenting() {
    for session in ["live-streams.ron", "checkout-rewrite-kill.ron"] {
        let mut harness = presenting(shipped(session));
        for place in Place::ALL {
            command(&mut harness, Command::GoTo(place));
            for role in EDITABLE {
                let found: Vec<String> = harness
                    .query_all(By::new().role(role))
                    .map(|n| format!("{n:?}"))
                    .collect();
                assert!(
                    found.is_empty(),
                    "{session}, {place:?}: {role:?} while presenting: {found:?}"
                );
            }
        }
    }
}

#[test]
fn every_option_in_the_impact_cost_chart_is_named_without_hovering() {
    let session = shipped("live-streams.ron");
    let titles: Vec<String> = session
        .options
        .iter()
        .filter(|o| !o.scores.is_empty())
        .map(|o| o.title.clone())
        .collect();
    let mut harness = presenting(session);
    command(&mut harness, Command::GoTo(Place::Decide));
    let labels: Vec<String> = harness
        .query_all(By::new().predicate(|n| n.value().is_some_and(|v| v.contains(": Impact "))))
        .filter_map(|n| n.value())
        .collect();
    for title in &titles {
        assert!(
            labels.iter().any(|l| l
                .split(": Impact ")
                .next()
                .is_some_and(|names| { names.split(", ").any(|name| name == title) })),
            "“{title}” is not labelled in the chart; chart labels: {labels:?}"
        );
    }
}

#[test]
fn a_scoring_round_on_the_shared_screen_offers_nothing_to_type_into() {
    use verdict::model::{Cell, Rater, RaterId, RoundScope, ScoringRound};
    let mut session = shipped("live-streams.ron");
    session.raters = vec![Rater::new("ana", "Ana"), Rater::new("bo", "Bo")];
    let started = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 4, 10, 0, 0).unwrap();
    let id = session.options[0].id.clone();
    let mut round = ScoringRound::new(
        1,
        RoundScope::All,
        vec![Cell::new(id.as_str(), "cost")],
        started,
    );
    round.turn = Some(RaterId::new("ana"));
    session.round = Some(round);
    let mut harness = presenting(session);
    command(&mut harness, Command::GoTo(Place::Matrix));
    assert!(harness.query_by_label("Reveal scores").is_some());
    for role in EDITABLE {
        assert_eq!(
            harness.query_all(By::new().role(role)).count(),
            0,
            "{role:?}"
        );
    }
}

#[test]
fn the_summary_slide_states_the_standard_robustness_check_the_record_states() {
    let session = super::flow::checkout_session();
    let standard = verdict::analysis::robustness::standard(&session)
        .verdict
        .line;
    let app = verdict::app::VerdictApp::new_for_test(session, verdict::app::Prefs::default())
        .with_clock(super::flow::noon);
    let mut harness = super::flow::harness(app);
    super::flow::press(&mut harness, egui::Modifiers::NONE, egui::Key::F11);
    harness.get_by_label("Summary slide").click();
    harness.run();
    assert!(
        harness.query_by_label(&standard).is_some(),
        "the slide says: {standard}"
    );
}

#[test]
fn while_presenting_the_arrows_scroll_a_long_place_and_page_down_steps_on() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let session = store::load_file(&root.join("saves/live-streams.ron")).unwrap();
    let app = VerdictApp::new_for_test(session, Prefs::default()).with_clock(super::flow::noon);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    super::flow::press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Num5);
    super::flow::press(&mut harness, egui::Modifiers::NONE, egui::Key::F11);
    let end = |h: &Harness<'_, VerdictApp>| {
        h.query_all_by_label("Kill criteria")
            .last()
            .map(|n| n.rect().top())
    };
    assert!(end(&harness).is_none_or(|y| y > 768.0), "starts at the top");
    super::flow::press(&mut harness, egui::Modifiers::NONE, egui::Key::End);
    harness.run();
    let y = end(&harness).expect("Kill criteria drawn");
    assert!(y < 768.0, "End scrolled to the end: Kill criteria at {y}");
    assert_eq!(
        harness.state().place(),
        Place::Decide,
        "the arrows do not step"
    );
    super::flow::press(&mut harness, egui::Modifiers::NONE, egui::Key::PageDown);
    assert_eq!(harness.state().place(), Place::Log, "Page Down steps on");
}
