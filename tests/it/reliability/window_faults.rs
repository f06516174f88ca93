//! The window meeting faults: a full disk, a read-only file, a recovery folder it may not
//! write. It says so, keeps the unsaved work and its dirty marker, and a later Save As to
//! another place works.
//!
//! The full disk is met in this process (root mounts it); the permission faults run as
//! `nobody` through `permission::run_case`, which re-runs this binary on the cases below.

use super::permission::run_case;
use super::sandbox::{SmallDisk, chmod, give_away, names_in, unprivileged_tree};
use chrono::{DateTime, TimeZone, Utc};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use verdict::app::recovery::AUTOSAVE_DELAY;
use verdict::app::{Prefs, VerdictApp};
use verdict::export::Format;
use verdict::model::Session;
use verdict::store::{self, RecoveryStore};
use verdict::ui::command::Command;

fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()
}

fn session() -> Session {
    let mut session = Session::new("Keep the decision record safe");
    session.title = "Two-hour meeting".into();
    session
}

fn window(app: VerdictApp) -> Harness<'static, VerdictApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(
            |ui, app: &mut VerdictApp| app.draw(ui),
            app.with_clock(noon),
        );
    harness.run();
    harness
}

/// Draws frames until the file jobs started so far have finished and been applied.
fn settle(harness: &mut Harness<'_, VerdictApp>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_files(&ctx);
    harness.run();
}

fn open(harness: &mut Harness<'_, VerdictApp>, path: &Path) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::OpenPath(path.to_path_buf()));
    settle(harness);
    assert_eq!(harness.state().path().map(|p| p.as_path()), Some(path));
}

fn type_into_title(harness: &mut Harness<'_, VerdictApp>, text: &str) {
    harness.get_by_label("Session title").click();
    harness.run();
    harness.get_by_label("Session title").type_text(text);
    harness.run();
}

/// Lets the autosave delay pass and waits for the recovery copy to be attempted.
fn let_autosave_run(harness: &mut Harness<'_, VerdictApp>) {
    std::thread::sleep(AUTOSAVE_DELAY);
    harness.run();
    settle(harness);
}

fn notice(harness: &Harness<'_, VerdictApp>) -> String {
    harness
        .state()
        .notice()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

/// Ctrl+S, then waits for the save.
fn save(harness: &mut Harness<'_, VerdictApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    settle(harness);
}

/// Clicks "Save As…" on the failure notice and types `path` into the path prompt.
fn save_as_from_the_notice(harness: &mut Harness<'_, VerdictApp>, path: &Path) {
    harness.get_by_label("Save As…").click();
    harness.run();
    answer_the_path_prompt(harness, path);
}

/// Types `path` into the in-window path prompt (no file dialog in tests), confirms it and
/// waits for the file job it starts.
fn answer_the_path_prompt(harness: &mut Harness<'_, VerdictApp>, path: &Path) {
    harness.get_by_label("File path").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    harness.step();
    settle(harness);
}

/// After a failed save: the edit is still there, unsaved, and marked so.
fn keeps_unsaved_work(harness: &Harness<'_, VerdictApp>, title: &str) {
    let app = harness.state();
    assert_eq!(app.document().session().title, title);
    assert!(app.document().is_dirty());
    assert!(app.window_title().contains('•'), "{}", app.window_title());
}

/// After Save As to `path`: saved there, clean, and the file holds the edit.
fn saved_to(harness: &Harness<'_, VerdictApp>, path: &Path, title: &str) {
    let app = harness.state();
    assert_eq!(app.path().map(|p| p.as_path()), Some(path));
    assert!(!app.document().is_dirty(), "{}", notice(harness));
    assert!(!app.window_title().contains('•'));
    assert_eq!(store::load_file(path).unwrap().title, title);
}

#[test]
fn a_window_on_a_full_disk_says_so_keeps_the_unsaved_work_and_saves_elsewhere() {
    let Some(disk) = SmallDisk::mount() else {
        return;
    };
    let path = disk.path().join("meeting.ron");
    store::save_file(&path, &session()).unwrap();
    let before = fs::read(&path).unwrap();
    let recovery = RecoveryStore::new(disk.path().join("recovery"));
    let app = VerdictApp::new_for_test(Session::new(""), Prefs::default())
        .with_recovery(recovery.clone());
    let mut harness = window(app);
    open(&mut harness, &path);

    // The first recovery copy fits; then the disk fills up.
    type_into_title(&mut harness, " (draft)");
    let_autosave_run(&mut harness);
    let copies = recovery.list();
    assert_eq!(copies.len(), 1);
    let copy_before = fs::read(&copies[0].path).unwrap();
    disk.fill();

    type_into_title(&mut harness, " with the decision");
    let_autosave_run(&mut harness);
    let said = notice(&harness);
    assert!(said.starts_with("Recovery is off"), "{said}");
    assert!(said.contains("the disk is full"), "{said}");
    assert_eq!(fs::read(&copies[0].path).unwrap(), copy_before);

    save(&mut harness);
    let said = notice(&harness);
    assert!(said.starts_with("Not saved"), "{said}");
    assert!(said.contains(&path.display().to_string()), "{said}");
    assert!(said.contains("the disk is full"), "{said}");
    let title = "Two-hour meeting (draft) with the decision";
    keeps_unsaved_work(&harness, title);
    assert_eq!(fs::read(&path).unwrap(), before, "the file, byte for byte");
    assert!(
        names_in(disk.path())
            .iter()
            .all(|n| !n.ends_with(".tmp") && !n.ends_with(".bak")),
        "{:?}",
        names_in(disk.path())
    );

    // Exporting onto the full disk fails the same way and changes nothing in the window.
    let export = disk.path().join("meeting.md");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::Export(Format::Markdown));
    harness.run();
    answer_the_path_prompt(&mut harness, &export);
    let said = notice(&harness);
    assert!(said.starts_with("Not exported"), "{said}");
    assert!(said.contains(&export.display().to_string()), "{said}");
    assert!(said.contains("the disk is full"), "{said}");
    assert!(!export.exists());
    keeps_unsaved_work(&harness, title);

    let elsewhere = tempfile::tempdir().unwrap();
    let other = elsewhere.path().join("meeting.ron");
    save(&mut harness);
    save_as_from_the_notice(&mut harness, &other);
    saved_to(&harness, &other, title);
}

#[test]
fn a_window_asked_to_open_a_pipe_or_a_folder_says_so_at_once_and_keeps_its_document() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let folder = dir.path().join("folder.ron");
    fs::create_dir(&folder).unwrap();
    let mut harness = window(VerdictApp::new_for_test(session(), Prefs::default()));
    type_into_title(&mut harness, " (draft)");
    for (path, kind) in [(&fifo, "a named pipe (FIFO)"), (&folder, "a folder")] {
        let ctx = harness.ctx.clone();
        let asked = std::time::Instant::now();
        harness
            .state_mut()
            .command(&ctx, Command::OpenPath(path.clone()));
        // Unsaved changes: the window asks first; discarding them is not what this is about.
        harness.run();
        if let Some(button) = harness.query_by_label("Discard changes") {
            button.click();
            harness.run();
        }
        settle(&mut harness);
        assert!(asked.elapsed() < std::time::Duration::from_secs(10));
        let said = notice(&harness);
        assert!(said.starts_with("Could not open the file"), "{said}");
        assert!(said.contains(&path.display().to_string()), "{said}");
        assert!(said.contains(&format!("this is {kind}")), "{said}");
    }
    keeps_unsaved_work(&harness, "Two-hour meeting (draft)");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names_in(dir.path()), ["folder.ron", "pipe.ron"]);
}

/// Run as `nobody` by `permission::run_case`: `dir/secret.ron` may not be read.
pub fn open_an_unreadable_file(dir: &Path) {
    let path = dir.join("secret.ron");
    let mut harness = window(VerdictApp::new_for_test(session(), Prefs::default()));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::OpenPath(path.clone()));
    settle(&mut harness);
    let said = notice(&harness);
    assert!(said.starts_with("Could not open the file"), "{said}");
    assert!(said.contains(&path.display().to_string()), "{said}");
    assert!(said.contains("you are not allowed to read it"), "{said}");
    assert_eq!(harness.state().path(), None);
    assert_eq!(harness.state().document().session(), &session());
}

#[test]
fn a_window_asked_to_open_an_unreadable_file_says_why_and_keeps_its_document() {
    let dir = unprivileged_tree();
    let path = dir.path().join("secret.ron");
    store::save_file(&path, &session()).unwrap();
    give_away(&path);
    chmod(&path, 0o200);
    run_case("window-open-unreadable-file", dir.path());
    chmod(&path, 0o600);
    assert_eq!(store::load_file(&path).unwrap(), session());
}

/// Run as `nobody` by `permission::run_case`: `dir/recovery` may not be written.
pub fn recovery_folder_read_only(dir: &Path) {
    let recovery = RecoveryStore::new(dir.join("recovery"));
    let app = VerdictApp::new_for_test(session(), Prefs::default()).with_recovery(recovery.clone());
    let mut harness = window(app);
    type_into_title(&mut harness, " (draft)");
    let_autosave_run(&mut harness);
    let said = notice(&harness);
    assert!(said.starts_with("Recovery is off"), "{said}");
    assert!(
        said.contains("you are not allowed to write there"),
        "{said}"
    );
    assert!(
        said.contains(&recovery.dir().display().to_string()),
        "{said}"
    );
    keeps_unsaved_work(&harness, "Two-hour meeting (draft)");

    // It keeps working, and says it once, not after every edit.
    harness.get_by_label("Dismiss").click();
    harness.run();
    type_into_title(&mut harness, " v2");
    let_autosave_run(&mut harness);
    assert_eq!(harness.state().notice(), None, "said once");
    keeps_unsaved_work(&harness, "Two-hour meeting (draft) v2");

    let ctx = harness.ctx.clone();
    harness.state_mut().command(&ctx, Command::SaveAs);
    harness.run();
    let path = dir.join("meeting.ron");
    answer_the_path_prompt(&mut harness, &path);
    saved_to(&harness, &path, "Two-hour meeting (draft) v2");
}

/// Run as `nobody` by `permission::run_case`: `dir/meeting.ron` is read-only and
/// `dir/later.ron`, writable when opened, is made read-only while it is open.
pub fn save_over_a_read_only_file(dir: &Path) {
    // Read-only from the start: the window says so when it opens the file, and Save asks
    // for another name instead of failing at the end of the meeting.
    let path = dir.join("meeting.ron");
    let mut harness = window(VerdictApp::new_for_test(Session::new(""), Prefs::default()));
    open(&mut harness, &path);
    assert!(harness.state().is_read_only());
    assert!(harness.state().window_title().contains("(read-only)"));
    let said = notice(&harness);
    assert!(said.starts_with("Opened read-only"), "{said}");
    assert!(said.contains(&path.display().to_string()), "{said}");
    assert!(said.contains("Save As"), "{said}");
    type_into_title(&mut harness, " (decided)");
    keeps_unsaved_work(&harness, "Two-hour meeting (decided)");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let other = dir.join("meeting-decided.ron");
    answer_the_path_prompt(&mut harness, &other);
    saved_to(&harness, &other, "Two-hour meeting (decided)");

    // Made read-only while open: the save fails plainly and keeps everything.
    let later = dir.join("later.ron");
    open(&mut harness, &later);
    assert!(!harness.state().is_read_only());
    chmod(&later, 0o444);
    type_into_title(&mut harness, " (late)");
    save(&mut harness);
    let said = notice(&harness);
    assert!(said.starts_with("Not saved"), "{said}");
    assert!(said.contains(&later.display().to_string()), "{said}");
    assert!(said.contains("read-only"), "{said}");
    keeps_unsaved_work(&harness, "Two-hour meeting (late)");
    let elsewhere = dir.join("later-2.ron");
    save_as_from_the_notice(&mut harness, &elsewhere);
    saved_to(&harness, &elsewhere, "Two-hour meeting (late)");
}

/// Run as `nobody` by `permission::run_case`: `dir/shut/` may not be written.
pub fn open_in_a_read_only_folder(dir: &Path) {
    let path = dir.join("shut").join("meeting.ron");
    let mut harness = window(VerdictApp::new_for_test(Session::new(""), Prefs::default()));
    open(&mut harness, &path);
    assert!(harness.state().is_read_only());
    let said = notice(&harness);
    assert!(said.starts_with("Opened read-only"), "{said}");
    assert!(
        said.contains("you are not allowed to write in its folder"),
        "{said}"
    );
    type_into_title(&mut harness, " (decided)");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let other = dir.join("meeting.ron");
    answer_the_path_prompt(&mut harness, &other);
    saved_to(&harness, &other, "Two-hour meeting (decided)");
}

#[test]
fn a_window_on_a_file_in_a_read_only_folder_opens_it_read_only_and_saves_elsewhere() {
    let dir = unprivileged_tree();
    let shut = dir.path().join("shut");
    fs::create_dir(&shut).unwrap();
    let path = shut.join("meeting.ron");
    store::save_file(&path, &session()).unwrap();
    give_away(&path);
    give_away(&shut);
    chmod(&shut, 0o555);
    let before = fs::read(&path).unwrap();
    run_case("window-read-only-folder", dir.path());
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(names_in(&shut), ["meeting.ron"]);
    chmod(&shut, 0o755);
}

#[test]
fn a_window_whose_recovery_folder_is_read_only_says_recovery_is_off_and_keeps_working() {
    let dir = unprivileged_tree();
    let recovery = dir.path().join("recovery");
    fs::create_dir(&recovery).unwrap();
    give_away(&recovery);
    chmod(&recovery, 0o555);
    run_case("window-recovery-folder-read-only", dir.path());
    assert!(names_in(&recovery).is_empty());
    chmod(&recovery, 0o755);
}

#[test]
fn a_window_on_a_read_only_file_says_so_at_open_and_one_made_read_only_later_keeps_the_work() {
    let dir = unprivileged_tree();
    let mut before = Vec::new();
    for (name, mode) in [("meeting.ron", 0o444), ("later.ron", 0o644)] {
        let path = dir.path().join(name);
        store::save_file(&path, &session()).unwrap();
        give_away(&path);
        chmod(&path, mode);
        before.push((path.clone(), fs::read(&path).unwrap()));
    }
    run_case("window-save-read-only-file", dir.path());
    for (path, bytes) in before {
        assert_eq!(fs::read(&path).unwrap(), bytes, "{}", path.display());
    }
}
