//! Image snapshots of the window, rendered headless by egui_kittest's wgpu renderer (Mesa's
//! lavapipe on the CPU in CI) and compared with the PNGs under `tests/snapshots/`.
//!
//! A layout change shows up as a failing test with a diff image beside the snapshot; a
//! reviewer opens the PNGs. After an intended change, `UPDATE_SNAPSHOTS=1 cargo test --test
//! it snapshots::` rewrites them.

use egui_kittest::{Harness, SnapshotOptions};
use std::path::PathBuf;
use verdict::app::{Prefs, VerdictApp};
use verdict::store;
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

/// A shipped session opened on `place`, in the dark or light theme.
fn shipped(name: &str, place: Place, dark: bool) -> VerdictApp {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name);
    let session = store::load_file(&path).expect("the shipped session loads");
    let prefs = Prefs {
        dark,
        last_place: place,
        ..Prefs::default()
    };
    VerdictApp::new_for_test(session, prefs)
}

fn harness(app: VerdictApp, dark: bool) -> Harness<'static, VerdictApp> {
    let theme = if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_theme(theme)
        .with_max_steps(12)
        .wgpu()
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    harness
}

#[test]
fn the_matrix_of_the_live_streams_session_looks_as_it_did() {
    let app = shipped("live-streams.ron", Place::Matrix, false);
    let mut harness = harness(app, false);
    harness.run();
    harness.snapshot_options("matrix-normal-light", &options());
}
