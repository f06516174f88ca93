//! The notice line: it never moves the place under the pointer, and a "Saved …" stops showing
//! once the document changes again.

use super::flow::{answer_path_prompt, checkout_session, harness, noon, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use verdict::app::{Prefs, VerdictApp};

#[test]
fn saved_goes_away_at_the_next_edit_and_the_place_does_not_move_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default()).with_clock(noon);
    let mut harness = harness(app);
    let title_top = harness.get_by_label("Session title").rect().top();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    answer_path_prompt(&mut harness, &dir.path().join("checkout.ron"));
    let notice = harness
        .state()
        .notice()
        .expect("a notice says it was saved");
    assert!(notice.text.starts_with("Saved"), "{}", notice.text);
    assert_eq!(
        harness.get_by_label("Session title").rect().top(),
        title_top,
        "the notice does not push the place down"
    );
    harness.get_by_label("Session title").click();
    harness.run();
    harness.get_by_label("Session title").type_text(" again");
    harness.run();
    assert!(
        harness.state().notice().is_none(),
        "no longer true once edited"
    );
}
