//! Date fields take a date when they are left, never a half-typed one, and keep text that is
//! not a date in view, marked, without changing the document.

use super::flow::{checkout_session, harness, noon, press};
use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use verdict::app::{Prefs, VerdictApp};

fn deadline(harness: &egui_kittest::Harness<'_, VerdictApp>) -> Option<NaiveDate> {
    harness.state().document().session().directive.deadline
}

#[test]
fn a_date_is_taken_when_the_field_is_left_and_not_while_typing() {
    let app = VerdictApp::new_for_test(checkout_session(), Prefs::default()).with_clock(noon);
    let mut harness = harness(app);
    harness.get_by_label("Deadline").click();
    harness.run();
    harness.get_by_label("Deadline").type_text("2026-06-3");
    harness.run();
    assert_eq!(
        deadline(&harness),
        None,
        "a date on the way to another is not stored"
    );
    harness.get_by_label("Deadline").type_text("0");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(deadline(&harness), NaiveDate::from_ymd_opt(2026, 6, 30));
}

#[test]
fn text_that_is_not_a_date_stays_marked_and_changes_nothing() {
    let mut session = checkout_session();
    session.directive.deadline = NaiveDate::from_ymd_opt(2026, 6, 1);
    let app = VerdictApp::new_for_test(session, Prefs::default()).with_clock(noon);
    let mut harness = harness(app);
    harness.get_by_label("Deadline").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness.get_by_label("Deadline").type_text("2026-06-31");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(deadline(&harness), NaiveDate::from_ymd_opt(2026, 6, 1));
    harness.get_by_label("not a date (YYYY-MM-DD): still 2026-06-01");
    assert!(
        harness.query_all_by_value("2026-06-31").next().is_some(),
        "the text typed stays in the field to be fixed"
    );
}
