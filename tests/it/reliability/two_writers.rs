//! Two writers on one file: two `verdict fmt` at once, and the window saving while
//! `verdict fmt` rewrites the file. The result is always one complete version; a writer
//! that finds the file changed under it says so and writes nothing; and the window notices
//! a rewrite before its next save, as it does for any edit made elsewhere.

use super::sandbox::{assert_exit, names_in, stderr, verdict_bin};
use crate::store::generate::generated_session;
use chrono::{TimeZone, Utc};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::fs;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use verdict::app::{Prefs, VerdictApp};
use verdict::model::Session;
use verdict::store;
use verdict::ui::command::Command as AppCommand;

fn spawn_fmt(path: &Path) -> Child {
    Command::new(verdict_bin())
        .arg("fmt")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A `verdict fmt` that ran beside another writer either formatted the file, found nothing
/// to do, or found the file changed under it and wrote nothing.
fn formatted_or_stood_aside(out: &Output, path: &Path) -> bool {
    let text = stderr(out);
    if out.status.success() {
        return String::from_utf8_lossy(&out.stdout).contains("formatted");
    }
    assert_exit(out, 1);
    assert!(text.starts_with(&path.display().to_string()), "{text}");
    assert!(
        text.contains("changed on disk since it was read")
            || text.contains("changed while it was being read"),
        "{text}"
    );
    false
}

#[test]
fn two_verdict_fmt_at_once_leave_one_complete_canonical_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let canonical = store::to_canonical_ron(&generated_session(120, 8, 3));
    let crlf = canonical.replace('\n', "\r\n");
    let (mut both_wrote, mut one_stood_aside) = (0, 0);
    for round in 0..25 {
        fs::write(&path, &crlf).unwrap();
        let (a, b) = (spawn_fmt(&path), spawn_fmt(&path));
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        let wrote = [&a, &b]
            .iter()
            .filter(|out| formatted_or_stood_aside(out, &path))
            .count();
        assert!(wrote >= 1, "round {round}: nobody formatted the file");
        if wrote == 2 {
            both_wrote += 1;
        } else if !a.status.success() || !b.status.success() {
            one_stood_aside += 1;
        }
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            canonical,
            "round {round}"
        );
        assert_eq!(names_in(dir.path()), ["plan.ron"], "round {round}");
    }
    println!(
        "two fmt at once, 25 rounds: both wrote in {both_wrote}, one stood aside in \
         {one_stood_aside}"
    );
}

fn noon() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()
}

fn window_on(path: &Path) -> Harness<'static, VerdictApp> {
    let app = VerdictApp::new_for_test(Session::new(""), Prefs::default()).with_clock(noon);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, AppCommand::OpenPath(path.to_path_buf()));
    settle(&mut harness);
    harness
}

fn settle(harness: &mut Harness<'_, VerdictApp>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_files(&ctx);
    harness.run();
}

fn edit_title(harness: &mut Harness<'_, VerdictApp>, text: &str) {
    harness.get_by_label("Session title").click();
    harness.run();
    harness.get_by_label("Session title").type_text(text);
    harness.run();
}

fn press_save(harness: &mut Harness<'_, VerdictApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
}

fn asks_about_the_change(harness: &Harness<'_, VerdictApp>) -> bool {
    harness.query_by_label("Reload theirs").is_some()
}

#[test]
fn a_window_notices_a_verdict_fmt_rewrite_before_its_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let session = generated_session(5, 3, 7);
    let crlf = store::to_canonical_ron(&session).replace('\n', "\r\n");
    fs::write(&path, &crlf).unwrap();
    let mut harness = window_on(&path);
    edit_title(&mut harness, " (mine)");

    let out = spawn_fmt(&path).wait_with_output().unwrap();
    assert_exit(&out, 0);
    let formatted = fs::read(&path).unwrap();
    press_save(&mut harness);
    settle(&mut harness);
    assert!(asks_about_the_change(&harness), "the rewrite was noticed");
    assert_eq!(
        fs::read(&path).unwrap(),
        formatted,
        "theirs is kept until asked"
    );
    assert!(harness.state().document().is_dirty());
}

#[test]
fn a_window_saving_while_verdict_fmt_rewrites_leaves_one_complete_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let session = generated_session(150, 10, 9);
    let theirs = store::to_canonical_ron(&session);
    let (mut window_won, mut fmt_won) = (0, 0);
    // The window saves at once, or after fmt has had a moment: both orders get their turn.
    for (round, delay_ms) in [0u64, 0, 30, 100, 300, 600].into_iter().enumerate() {
        fs::write(&path, theirs.replace('\n', "\r\n")).unwrap();
        let mut harness = window_on(&path);
        edit_title(&mut harness, &format!(" r{round}"));
        let mine = store::to_canonical_ron(harness.state().document().session());

        let fmt = spawn_fmt(&path);
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        press_save(&mut harness);
        settle(&mut harness);
        let out = fmt.wait_with_output().unwrap();
        let fmt_wrote = formatted_or_stood_aside(&out, &path);

        let now = fs::read_to_string(&path).unwrap();
        assert!(
            now == mine || now == theirs,
            "round {round}: the file is neither version"
        );
        let names = names_in(dir.path());
        assert!(
            names.iter().all(|n| !n.ends_with(".tmp")),
            "round {round}: {names:?}"
        );
        if now == mine {
            window_won += 1;
            assert!(!harness.state().document().is_dirty(), "round {round}");
        } else {
            fmt_won += 1;
            assert!(
                fmt_wrote,
                "round {round}: fmt's version without fmt writing"
            );
            // The window either asked already, or asks at its next save.
            if !asks_about_the_change(&harness) {
                press_save(&mut harness);
                settle(&mut harness);
                assert!(asks_about_the_change(&harness), "round {round}");
            }
            assert_eq!(fs::read_to_string(&path).unwrap(), theirs, "round {round}");
        }
        drop(harness);
        let _ = fs::remove_file(store::backup_path(&path));
    }
    println!(
        "window and fmt together, 6 rounds: the window's save won {window_won}, fmt's {fmt_won}"
    );
}
