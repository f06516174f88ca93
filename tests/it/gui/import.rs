//! File > Import CSV… in the real app state: a good matrix becomes one undoable edit; a bad
//! one is shown row by row and changes nothing.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{CriterionId, Lens, Session, SolutionOption};

fn session() -> Session {
    let mut session = Session::new("Cut our cloud bill by 20 % this year");
    session.options.push(
        SolutionOption::new("reserved", "Reserved instances", Lens::Buy).with_score("cost", 2.0),
    );
    session
}

fn harness(app: VerdictApp) -> Harness<'static, VerdictApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    harness
}

/// File > Import CSV…, then the in-window path prompt (tests have no file dialog).
fn import(harness: &mut Harness<'_, VerdictApp>, path: &std::path::Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import CSV…").click();
    harness.run();
    harness.get_by_label("File path").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    harness.step();
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_files(&ctx);
    harness.run();
}

#[test]
fn a_csv_matrix_imported_from_the_file_menu_is_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("matrix.csv");
    std::fs::write(
        &csv,
        "id,title,lens,Impact,Cost\nreserved,,,4,3\n,Spot fleet,Buy,3,2\n",
    )
    .unwrap();
    let mut harness = harness(VerdictApp::new_for_test(session(), Prefs::default()));
    import(&mut harness, &csv);
    let doc = harness.state().document();
    let s = doc.session();
    assert_eq!(s.options.len(), 2);
    assert_eq!(s.options[0].scores[&CriterionId::new("cost")].likely, 3.0);
    assert_eq!(s.options[1].title, "Spot fleet");
    assert_eq!(
        doc.undo_label().as_deref(),
        Some("Undo: import 2 rows from CSV")
    );
    assert!(
        harness
            .query_by_label_contains("1 option added, 1 updated, 4 scores set")
            .is_some()
    );
}

#[test]
fn a_bad_csv_shows_every_bad_row_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("matrix.csv");
    std::fs::write(&csv, "title,Impact,Savings\nA,9,1\n").unwrap();
    let mut harness = harness(VerdictApp::new_for_test(session(), Prefs::default()));
    import(&mut harness, &csv);
    assert_eq!(harness.state().document().session(), &session());
    assert!(!harness.state().document().is_dirty());
    assert!(
        harness
            .query_by_label_contains("Nothing was imported: 1 problem in the CSV.")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("matrix.csv:1:14: column “Savings”")
            .is_some()
    );
}
