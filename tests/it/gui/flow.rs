//! Flows through the real app state, driven by egui_kittest and found by label.

use chrono::{DateTime, TimeZone, Utc};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{
    Assumption, Lens, LogEntry, LogEvent, OptionId, Outcome, Session, SolutionOption, Stakeholder,
    Stance,
};
use verdict::ui::command::Command;
use verdict::ui::nav::Place;

pub(super) fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

/// A session with one option that scores 4 / 3 / 3 on impact, cost and trust risk.
pub(super) fn checkout_session() -> Session {
    let mut session = Session::new("Make checkout faster");
    session.title = "Checkout".into();
    session.options.push(
        SolutionOption::new("tune-the-database", "Tune the database", Lens::ReArchitect)
            .with_score("impact", 4.0)
            .with_score("cost", 3.0)
            .with_score("trust-risk", 3.0),
    );
    session
}

pub(super) fn harness(app: VerdictApp) -> Harness<'static, VerdictApp> {
    // A file worker may finish between two frames of one `run`; the notice it brings takes
    // a few frames more to settle than the default allows.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    harness
}

fn rank_of(app: &VerdictApp, id: &str) -> Option<usize> {
    let idx = app.document().session().option_idx(&OptionId::new(id))?;
    app.ranking().row_for(idx).and_then(|row| row.rank)
}

pub(super) fn press(harness: &mut Harness<'_, VerdictApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn an_option_added_in_the_menu_is_scored_ranked_killed_undone_redone_and_saved() {
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default()).with_clock(noon);
    let mut harness = harness(app);

    // Menu: add an option by typing its title.
    harness.get_by_label("3  Menu").click();
    harness.run();
    harness.get_by_label("New option title").click();
    harness.run();
    harness
        .get_by_label("New option title")
        .type_text("Buy a CDN");
    harness.run();
    harness.get_by_label("Add option").click();
    harness.run();
    assert_eq!(
        rank_of(harness.state(), "buy-a-cdn"),
        None,
        "unscored, so unranked"
    );
    assert_eq!(harness.state().document().session().options.len(), 2);

    // Matrix: score it at the middle of every scale, typing along the row, then raise
    // its impact.
    press(&mut harness, Modifiers::COMMAND, Key::Num4);
    assert_eq!(harness.state().place(), Place::Matrix);
    harness.get_by_label("Impact of Buy a CDN").click();
    harness.run();
    for (criterion, key) in [
        ("Impact", Key::Tab),
        ("Cost", Key::Tab),
        ("Trust risk", Key::Enter),
    ] {
        harness
            .get_by_label(&format!("{criterion} of Buy a CDN"))
            .type_text("3");
        harness.run();
        harness.key_press(key);
        harness.run();
    }
    assert_eq!(rank_of(harness.state(), "buy-a-cdn"), Some(2));
    harness.get_by_label("Impact of Buy a CDN").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Impact of Buy a CDN").type_text("5");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        rank_of(harness.state(), "buy-a-cdn"),
        Some(1),
        "raising impact lifts it"
    );

    // Decide: kill the project with a rationale.
    harness.get_by_label("5  Decide").click();
    harness.run();
    harness.get_by_label("Kill the project").click();
    harness.run();
    harness.get_by_label("Rationale").click();
    harness.run();
    harness
        .get_by_label("Rationale")
        .type_text("Checkout is fast enough");
    harness.run();
    harness.get_by_label("Record outcome").click();
    harness.run();
    let killed = Outcome::Killed {
        rationale: "Checkout is fast enough".into(),
    };
    assert_eq!(harness.state().document().session().outcome, killed);
    assert_eq!(harness.state().document().session().log.len(), 1);
    assert_eq!(
        harness.state().document().undo_label().as_deref(),
        Some("Undo: set the outcome to Killed")
    );

    // Undo and redo from the keyboard (no text field has focus after clicking a button).
    harness.get_by_label("1  Directive").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().document().session().outcome,
        Outcome::Undecided
    );
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(harness.state().document().session().outcome, killed);
    assert!(harness.state().window_title().contains('•'), "unsaved");

    // Save: no file dialog here, so the path is typed in the window.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checkout.ron");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    answer_path_prompt(&mut harness, &path);
    let text = std::fs::read_to_string(&path).expect("the file was written");
    let saved = verdict::store::load_document(text.as_bytes()).unwrap();
    assert_eq!(saved, *harness.state().document().session());
    assert!(text.contains("Killed"), "{text}");
    assert!(text.contains("title: \"Buy a CDN\""), "{text}");
    assert_eq!(harness.state().window_title(), "checkout.ron — Verdict");
}

#[test]
fn a_bad_file_shows_its_located_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format: 1, title: \"x\",\n  directive: oops)\n").unwrap();
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default());
    let before = app.document().session().clone();
    let mut harness = harness(app);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::OpenPath(path.clone()));
    harness.state_mut().wait_for_files(&ctx);
    harness.run();
    let notice = harness.state().notice().expect("an error is shown").clone();
    assert!(notice.is_error);
    assert!(notice.text.contains("broken.ron:2:"), "{}", notice.text);
    assert_eq!(*harness.state().document().session(), before);
    assert!(harness.query_by_label_contains("broken.ron:2:").is_some());
}

#[test]
fn opening_with_unsaved_changes_asks_first_and_cancel_keeps_them() {
    let mut app = VerdictApp::new_for_test(checkout_session(), Prefs::default());
    let ctx = egui::Context::default();
    app.command(&ctx, Command::GoTo(Place::Directive));
    let mut harness = harness(app);
    harness.get_by_label("Session title").click();
    harness.run();
    harness.get_by_label("Session title").type_text(" v2");
    harness.run();
    assert!(harness.state().document().is_dirty());
    press(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(
        harness.query_by_label("Discard changes").is_some(),
        "asks first"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().document().session().title, "Checkout v2");
    press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(harness.state().document().session().options.len(), 0);
}

#[test]
fn presentation_mode_hides_editing_chrome_and_private_notes_and_leaving_restores_them() {
    let mut session = checkout_session();
    session.notes = "private: the VP prefers buying".into();
    let app = VerdictApp::new_for_test(session, Prefs::default());
    let mut harness = harness(app);
    harness
        .get_by_label("Private notes (never shown when presenting, never exported)")
        .click();
    harness.run();
    assert!(harness.query_by_label("File").is_some());
    press(&mut harness, Modifiers::NONE, Key::F11);
    assert!(harness.state().is_presenting());
    assert!(harness.query_by_label("File").is_none(), "no menu bar");
    assert!(
        harness.query_by_label("Session title").is_none(),
        "no editing fields"
    );
    assert!(
        harness.query_by_label_contains("VP prefers").is_none(),
        "notes hidden"
    );
    assert!(harness.query_by_label("Next").is_some(), "a stepper");
    harness.get_by_label("Next").click();
    harness.run();
    assert_eq!(harness.state().place(), Place::Framing);
    press(&mut harness, Modifiers::COMMAND, Key::P);
    assert!(!harness.state().is_presenting());
    assert!(harness.query_by_label("File").is_some());
}

#[test]
fn every_place_draws_with_every_input_named() {
    let mut session = checkout_session();
    let framing = &mut session.framing;
    framing
        .problem_statements
        .push("Checkout p95 is 4 s".into());
    framing.assumptions.push(Assumption {
        text: "Mobile users drop first".into(),
        confidence: 60.0,
    });
    framing.stakeholders.push(Stakeholder {
        name: "Dana".into(),
        role: "VP Payments".into(),
        stance: Stance::Sceptic,
    });
    session.log.push(LogEntry {
        at: noon(),
        event: LogEvent::Note {
            text: "Kick-off".into(),
        },
    });
    let app = VerdictApp::new_for_test(session, Prefs::default());
    let mut harness = harness(app);
    for (n, key) in [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
    ]
    .into_iter()
    .enumerate()
    {
        press(&mut harness, Modifiers::COMMAND, key);
        assert_eq!(harness.state().place(), Place::ALL[n]);
    }
    // Every `run` above also checked that each visible input has an accessible name; the
    // menu's option details add a few more inputs.
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    harness.get_by_label("#1").click();
    harness.run();
    assert!(harness.query_by_label("Description").is_some());
    assert!(
        harness.query_by_label_contains("Kick-off").is_none(),
        "Log is not shown"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num6);
    assert!(
        harness
            .query_all_by_label_contains("Kick-off")
            .next()
            .is_some()
    );
}

/// Types `path` into the in-window path prompt (there is no file dialog in tests), confirms
/// it, and waits for the file job it starts.
pub(super) fn answer_path_prompt(harness: &mut Harness<'_, VerdictApp>, path: &std::path::Path) {
    harness.get_by_label("File path").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    // One frame takes the click and starts the job; the worker is then waited for.
    harness.step();
    settle_files(harness);
}

/// Draws frames until the file jobs started so far have finished and been applied.
pub(super) fn settle_files(harness: &mut Harness<'_, VerdictApp>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_files(&ctx);
    harness.run();
}

#[test]
fn unsaved_work_is_written_aside_soon_after_the_last_edit() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = verdict::store::RecoveryStore::new(dir.path());
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default())
        .with_recovery(recovery.clone());
    let mut harness = harness(app);
    harness.get_by_label("Session title").click();
    harness.run();
    harness.get_by_label("Session title").type_text(" (draft)");
    harness.run();
    assert!(recovery.list().is_empty(), "not written while typing");
    std::thread::sleep(verdict::app::recovery::AUTOSAVE_DELAY);
    harness.run();
    settle_files(&mut harness);
    let listings = recovery.list();
    assert_eq!(listings.len(), 1);
    let entry = listings[0].entry.as_ref().unwrap();
    assert_eq!(entry.session.title, "Checkout (draft)");
    assert!(
        listings[0].owner_running,
        "not offered while this window is open"
    );
}

#[test]
fn saving_over_a_file_someone_else_changed_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    verdict::store::save_file(&path, &checkout_session()).unwrap();
    let app = VerdictApp::new_for_test(Session::new(""), Prefs::default());
    let mut harness = harness(app);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::OpenPath(path.clone()));
    settle_files(&mut harness);
    assert_eq!(harness.state().path(), Some(&path));
    assert!(!harness.state().is_read_only());

    let mut theirs = checkout_session();
    theirs.title = "Their version".into();
    verdict::store::save_file(&path, &theirs).unwrap();
    harness.get_by_label("Session title").click();
    harness.run();
    harness.get_by_label("Session title").type_text(" (mine)");
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    settle_files(&mut harness);
    assert!(
        harness.query_by_label("Reload theirs").is_some(),
        "asks first"
    );
    assert_eq!(
        verdict::store::load_file(&path).unwrap().title,
        "Their version"
    );
    harness.get_by_label("Overwrite with mine").click();
    harness.run();
    settle_files(&mut harness);
    assert_eq!(
        verdict::store::load_file(&path).unwrap().title,
        "Checkout (mine)"
    );
}

#[test]
fn a_file_open_in_another_window_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    verdict::store::save_file(&path, &checkout_session()).unwrap();
    let _other_window = verdict::store::DocumentLock::acquire(&path).unwrap();
    let app = VerdictApp::new_for_test(Session::new(""), Prefs::default());
    let mut harness = harness(app);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::OpenPath(path.clone()));
    settle_files(&mut harness);
    assert_eq!(harness.state().document().session().title, "Checkout");
    assert!(harness.state().is_read_only());
    assert!(harness.state().window_title().contains("read-only"));
}

#[test]
fn an_idle_window_asks_for_no_repaint_on_any_place() {
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default());
    let mut harness = harness(app);
    for place in Place::ALL {
        let ctx = harness.ctx.clone();
        harness.state_mut().command(&ctx, Command::GoTo(place));
        harness.run();
        harness.step();
        let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        assert_eq!(
            delay,
            std::time::Duration::MAX,
            "{place:?} keeps repainting"
        );
    }
}

#[test]
fn work_left_by_a_crashed_window_is_offered_at_start_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = verdict::store::RecoveryStore::new(dir.path());
    let mut draft = checkout_session();
    draft.title = "Crashed draft".into();
    recovery
        .write(&verdict::store::RecoveryEntry {
            original: None,
            original_stamp: None,
            // Above the kernel's process-id limit, so certainly not running.
            pid: 4_194_400,
            written_at: noon(),
            session: draft,
        })
        .unwrap();
    let app = VerdictApp::new_for_test(Session::new(""), Prefs::default())
        .with_recovery(recovery.clone());
    let mut harness = harness(app);
    assert!(harness.query_by_label("Restore unsaved work?").is_some());
    harness.get_by_label("Restore").click();
    harness.run();
    settle_files(&mut harness);
    assert_eq!(harness.state().document().session().title, "Crashed draft");
    assert!(
        harness.state().document().is_dirty(),
        "restored work is unsaved"
    );
    // The crashed window's copy is gone; this window keeps its own copy of the unsaved work.
    assert_eq!(
        verdict::app::recovery::find_offer(&recovery),
        None,
        "the offer is not made twice"
    );
    let listings = recovery.list();
    assert_eq!(listings.len(), 1);
    assert!(listings[0].owner_running);
}

#[test]
fn zoom_follows_the_keyboard_and_is_kept_in_the_preferences() {
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default());
    let mut harness = harness(app);
    press(&mut harness, Modifiers::COMMAND, Key::Equals);
    let zoomed = harness.state().prefs().zoom;
    assert!(zoomed > 1.0, "zoom {zoomed}");
    assert_eq!(harness.ctx.zoom_factor(), zoomed);
    press(&mut harness, Modifiers::COMMAND, Key::Num0);
    assert_eq!(harness.state().prefs().zoom, 1.0);
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default());
    let mut harness = harness(app);
    harness.get_by_label("Session title").click();
    harness.run();
    harness.get_by_label("Session title").type_text("!");
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "{commands:?}"
    );
    harness.run();
    assert!(
        harness.query_by_label("Discard changes").is_some(),
        "asks first"
    );
    harness.get_by_label("Discard changes").click();
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::Close),
        "{commands:?}"
    );
}

#[test]
fn the_markdown_summary_is_exported_from_log_and_share() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("decision.md");
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default());
    let mut harness = harness(app);
    press(&mut harness, Modifiers::COMMAND, Key::Num6);
    harness.get_by_label("Export Markdown…").click();
    harness.run();
    answer_path_prompt(&mut harness, &path);
    let text = std::fs::read_to_string(&path).expect("the export was written");
    assert!(text.starts_with("---\nstatus: \"proposed\"\n"), "{text}");
    assert!(text.contains("\n# Checkout\n"), "{text}");
    assert!(text.contains("Tune the database"), "{text}");
    assert!(
        !harness.state().document().is_dirty(),
        "exporting is not an edit"
    );
}

/// A file dropped onto the window, as the windowing layer would report it.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_session_file_dropped_onto_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped.ron");
    let mut dropped = checkout_session();
    dropped.title = "Dropped in".into();
    verdict::store::save_file(&path, &dropped).unwrap();
    let app = VerdictApp::new_for_test(Session::new(""), Prefs::default());
    let mut harness = harness(app);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    harness.run();
    settle_files(&mut harness);
    assert_eq!(harness.state().document().session().title, "Dropped in");
    assert_eq!(harness.state().path(), Some(&path));
    assert_eq!(harness.state().window_title(), "dropped.ron — Verdict");
}

#[test]
fn decide_shows_how_robust_the_winner_is() {
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default()).with_robustness();
    let mut harness = harness(app);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    // The worker asks for repaints while it runs, so on a busy machine the frames may not
    // settle within one `run`: step without insisting that they do.
    harness.run_ok();
    assert!(harness.query_by_label("Robustness").is_some());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while harness.query_by_label_contains("Working out").is_some() {
        assert!(
            std::time::Instant::now() < deadline,
            "no report within 30 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_ok();
    }
}

#[test]
fn looking_for_unsaved_work_when_there_is_none_says_so_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = verdict::store::RecoveryStore::new(dir.path());
    let app =
        VerdictApp::new_for_test(checkout_session(), Prefs::default()).with_recovery(recovery);
    let mut harness = harness(app);
    harness.get_by_label("Session title").click();
    harness.run();
    harness.get_by_label("Session title").type_text(" (mine)");
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().command(&ctx, Command::Recover);
    harness.run();
    assert!(
        harness.query_by_label("Discard changes").is_none(),
        "nothing to ask"
    );
    assert!(harness.query_by_label_contains("No unsaved work").is_some());
    assert_eq!(
        harness.state().document().session().title,
        "Checkout (mine)"
    );
}
