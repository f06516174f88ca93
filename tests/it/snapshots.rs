//! Image snapshots of the window, rendered headless by egui_kittest's wgpu renderer (Mesa's
//! lavapipe on the CPU in CI) and compared with the PNGs under `tests/snapshots/`.
//!
//! A layout change shows up as a failing test with a diff image beside the snapshot; a
//! reviewer opens the PNGs. After an intended change, `UPDATE_SNAPSHOTS=1 cargo test --test
//! it snapshots::` rewrites them.

use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions, SnapshotResults};
use std::path::PathBuf;
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{Lens, Session, SolutionOption};
use verdict::store;
use verdict::ui::command::Command;
use verdict::ui::nav::Place;

/// The projector-sized window every snapshot is taken at.
const SIZE: egui::Vec2 = egui::vec2(1280.0, 720.0);

/// Per-pixel colour distance (as egui_kittest measures it) a snapshot tolerates: enough
/// for anti-aliasing differences between Mesa versions, far below a moved widget.
const THRESHOLD: f32 = 2.0;
/// Pixels allowed past the threshold: about a word's worth at body size.
const MAX_FAILED_PIXELS: usize = 400;

fn options() -> SnapshotOptions {
    SnapshotOptions::new()
        .threshold(THRESHOLD)
        .max_failed_pixels(MAX_FAILED_PIXELS)
        .output_path(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"))
}

/// `session` on `place`, in the dark or light theme.
struct Shown {
    app: VerdictApp,
    place: Place,
}

fn app(session: Session, place: Place, dark: bool) -> Shown {
    let prefs = Prefs {
        dark,
        ..Prefs::default()
    };
    Shown {
        app: VerdictApp::new_for_test(session, prefs),
        place,
    }
}

fn shipped(name: &str) -> Session {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name);
    store::load_file(&path).expect("the shipped session loads")
}

/// Forty options with scores spread over the scales: a crowded matrix and chart.
fn forty_options() -> Session {
    let mut session = Session::new("Cut the cost of running the data platform");
    session.title = "Forty options".into();
    let lenses = Lens::BUILT_IN;
    for i in 0..40_u32 {
        let title = format!("Option {:02}: {}", i + 1, lenses[i as usize % 7].label());
        let mut option = SolutionOption::new(
            &format!("option-{i}"),
            &title,
            lenses[i as usize % 7].clone(),
        );
        for (criterion, step) in [("impact", 3), ("cost", 2), ("trust-risk", 4)] {
            let score = 1.0 + f64::from((i * step + i / 5) % 5);
            option = option.with_score(criterion, score);
        }
        session.options.push(option);
    }
    session
}

fn harness(shown: Shown, presenting: bool) -> Harness<'static, VerdictApp> {
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_max_steps(12)
        .wgpu()
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), shown.app);
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::GoTo(shown.place));
    harness.run();
    if presenting {
        let ctx = harness.ctx.clone();
        harness
            .state_mut()
            .command(&ctx, Command::TogglePresentation);
        harness.run();
    }
    harness
}

fn file_name(place: Place) -> &'static str {
    match place {
        Place::Directive => "directive",
        Place::Framing => "framing",
        Place::Menu => "menu",
        Place::Matrix => "matrix",
        Place::Decide => "decide",
        Place::Log => "log",
    }
}

/// Every place of `session`, normal and presenting, in `theme`, as `PREFIX-PLACE-MODE-THEME`.
fn every_place(
    results: &mut SnapshotResults,
    session: &Session,
    prefix: &str,
    places: &[Place],
    dark: bool,
) {
    let theme = if dark { "dark" } else { "light" };
    for presenting in [false, true] {
        let mode = if presenting { "presenting" } else { "normal" };
        for &place in places {
            let mut harness = harness(app(session.clone(), place, dark), presenting);
            let name = format!("{prefix}{}-{mode}-{theme}", file_name(place));
            harness.snapshot_options(name, &options());
            results.extend_harness(&mut harness);
        }
    }
}

#[test]
fn every_place_of_the_live_streams_session_looks_as_it_did_in_the_light_theme() {
    let mut results = SnapshotResults::new();
    every_place(
        &mut results,
        &shipped("live-streams.ron"),
        "",
        &Place::ALL,
        false,
    );
    results.unwrap();
}

#[test]
fn every_place_of_the_live_streams_session_looks_as_it_did_in_the_dark_theme() {
    let mut results = SnapshotResults::new();
    every_place(
        &mut results,
        &shipped("live-streams.ron"),
        "",
        &Place::ALL,
        true,
    );
    results.unwrap();
}

#[test]
fn forty_options_crowd_the_matrix_and_the_charts_as_they_did() {
    let session = forty_options();
    let places = [Place::Menu, Place::Matrix, Place::Decide];
    let mut results = SnapshotResults::new();
    every_place(&mut results, &session, "forty-", &places, false);
    every_place(&mut results, &session, "forty-", &places, true);
    results.unwrap();
}

/// The live-streams session with raters Ana and Bo and a round on Cost: Ana has scored two
/// cells hidden and it is Bo's turn; `revealed` moves on to after Bo scored and the reveal.
fn round_session(revealed: bool) -> Session {
    use verdict::document::{Edit, RoundEdit, apply};
    use verdict::model::{Cell, CriterionId, OptionId, Rater, RaterId, RoundScope};
    let mut session = shipped("live-streams.ron");
    session.raters = vec![Rater::new("ana", "Ana"), Rater::new("bo", "Bo")];
    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 4, 10, 0, 0).unwrap();
    let cells: Vec<Cell> = session
        .options
        .iter()
        .map(|o| Cell::new(o.id.as_str(), "cost"))
        .collect();
    let ids: Vec<OptionId> = cells.iter().map(|c| c.option.clone()).collect();
    let mut step = |edit: RoundEdit| apply(&mut session, Edit::Round(edit), at).unwrap();
    step(RoundEdit::Start {
        scope: RoundScope::Criterion(CriterionId::new("cost")),
        cells,
        timer_seconds: None,
    });
    let score = |rater: &str, option: &OptionId, value: f64| {
        RoundEdit::SetScore(
            RaterId::new(rater),
            option.clone(),
            CriterionId::new("cost"),
            Some(value),
        )
    };
    for (n, id) in ids.iter().enumerate() {
        step(score("ana", id, 1.0 + (n % 5) as f64));
    }
    step(RoundEdit::FinishTurn(RaterId::new("ana")));
    step(RoundEdit::SetTurn(Some(RaterId::new("bo"))));
    if revealed {
        for (n, id) in ids.iter().enumerate() {
            step(score("bo", id, 1.0 + ((n * 3) % 5) as f64));
        }
        step(RoundEdit::Reveal);
    }
    session
}

#[test]
fn a_scoring_round_looks_as_it_did_hidden_and_revealed() {
    let mut results = SnapshotResults::new();
    for (revealed, name) in [(false, "round-hidden"), (true, "round-revealed")] {
        for presenting in [false, true] {
            let mode = if presenting { "presenting" } else { "normal" };
            let app = app(round_session(revealed), Place::Matrix, false);
            let mut harness = harness(app, presenting);
            harness.snapshot_options(format!("{name}-{mode}-light"), &options());
            results.extend_harness(&mut harness);
        }
    }
    results.unwrap();
}

#[test]
fn the_summary_slide_looks_as_it_did() {
    let mut results = SnapshotResults::new();
    for dark in [false, true] {
        let theme = if dark { "dark" } else { "light" };
        let mut harness = harness(app(shipped("live-streams.ron"), Place::Decide, dark), true);
        verdict::ui::presentation::show_summary(&harness.ctx, Some(Place::Decide));
        harness.run();
        harness.snapshot_options(format!("summary-slide-{theme}"), &options());
        results.extend_harness(&mut harness);
    }
    results.unwrap();
}

#[test]
fn the_robustness_charts_look_as_they_did_normal_and_presenting() {
    use verdict::analysis::robustness::{RobustnessConfig, analyze};
    use verdict::analysis::{rank, recommend_from};
    use verdict::ui::decide::robustness::{RobustnessSettings, robustness_ui};
    use verdict::ui::view_ctx::{RobustnessShown, ViewCtx};
    let session = shipped("live-streams.ron");
    let report = analyze(&session, &RobustnessConfig::default());
    let ranking = rank(&session);
    let advice = recommend_from(&session, &ranking);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
    let mut results = SnapshotResults::new();
    for presenting in [false, true] {
        let mode = if presenting { "presenting" } else { "normal" };
        let mut settings = RobustnessSettings::default();
        let mut harness = Harness::builder().with_size(SIZE).wgpu().build_ui(|ui| {
            verdict::ui::presentation::apply_style(ui.ctx(), false, 1.0, presenting);
            let mut cx = ViewCtx::new(&session, &ranking, &advice, presenting, today);
            let shown = RobustnessShown {
                report: Some(&report),
                progress: None,
            };
            egui::ScrollArea::vertical().show(ui, |ui| {
                robustness_ui(ui, &mut cx, shown, &mut settings);
            });
        });
        harness.run();
        harness.snapshot_options(format!("robustness-{mode}-light"), &options());
        results.extend_harness(&mut harness);
    }
    results.unwrap();
}

#[test]
fn the_raters_matrix_its_discuss_marks_and_blind_scoring_look_as_they_did() {
    let mut results = SnapshotResults::new();
    let mut harness = harness(
        app(shipped("raters/merged.ron"), Place::Matrix, false),
        false,
    );
    harness.snapshot_options("raters-matrix-discuss-light", &options());
    results.extend_harness(&mut harness);
    for label in ["Scores shown", "Ana Silva", "Blind"] {
        harness.get_by_label(label).click();
        harness.run();
    }
    harness.snapshot_options("raters-matrix-blind-light", &options());
    results.extend_harness(&mut harness);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::GoTo(Place::Decide));
    harness.run();
    harness.snapshot_options("raters-decide-blind-light", &options());
    results.extend_harness(&mut harness);
    results.unwrap();
}
