//! Shaping criteria in the real app state from the keyboard: the Add criterion shortcut
//! opens the criteria editor on the Matrix with the cursor in the name field.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{Direction, Session};
use verdict::ui::nav::Place;

fn harness(app: VerdictApp) -> Harness<'static, VerdictApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    harness
}

#[test]
fn the_add_criterion_shortcut_opens_the_editor_ready_to_type_from_any_place() {
    let session = Session::new("Cut our cloud bill by 20 % this year");
    let mut h = harness(VerdictApp::new_for_test(session, Prefs::default()));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.run();
    assert_eq!(h.state().place(), Place::Matrix);
    assert!(h.get_by_label("New criterion name").is_focused());
    h.get_by_label("New criterion name")
        .type_text("Annual savings");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("New criterion name")
        .type_text("Migration effort");
    h.key_press(Key::Enter);
    h.run();
    let names: Vec<(String, Direction)> = h
        .state()
        .document()
        .session()
        .criteria
        .iter()
        .map(|c| (c.name.clone(), c.direction))
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert_eq!(names[3].0, "Annual savings");
    assert_eq!(names[4].0, "Migration effort");
    assert_eq!(
        h.state().document().undo_label().as_deref(),
        Some("Undo: add criterion Migration effort")
    );
}

#[test]
fn the_shortcut_sheet_lists_add_criterion() {
    let mut h = harness(VerdictApp::new_for_test(
        Session::new("x"),
        Prefs::default(),
    ));
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Add criterion…").is_some());
}

#[test]
fn escape_leaves_the_name_field_then_closes_the_editor() {
    let mut h = harness(VerdictApp::new_for_test(
        Session::new("x"),
        Prefs::default(),
    ));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.run();
    assert!(h.get_by_label("New criterion name").is_focused());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.get_by_label("New criterion name").is_focused());
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("New criterion name").is_none(),
        "the editor closed"
    );
    assert_eq!(h.state().place(), Place::Matrix);
}
