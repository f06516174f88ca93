//! The matrix from the keyboard, as a spreadsheet: no pointer events in these tests.

use super::*;
use egui::{Event, Key, Modifiers};

fn typed(harness: &mut Harness<'static, Fixture>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn pressed(harness: &mut Harness<'static, Fixture>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn likely(harness: &Harness<'static, Fixture>, option_idx: usize, criterion: &str) -> Option<f64> {
    harness.state().session.options[option_idx]
        .score(&CriterionId::new(criterion))
        .map(|s| s.likely)
}

fn focused_on(harness: &mut Harness<'static, Fixture>, label: &str) {
    harness.get_by_label(label).focus();
    harness.run();
}

#[test]
fn a_digit_typed_on_a_cell_starts_its_entry_and_enter_commits_and_moves_down() {
    let mut harness = harness(session(), false);
    harness.run();
    focused_on(&mut harness, "Impact of Buy a CDN");
    typed(&mut harness, "3");
    typed(&mut harness, ".5");
    pressed(&mut harness, Key::Enter);
    assert_eq!(likely(&harness, 0, "impact"), Some(3.5));
    assert!(
        harness
            .get_by_label("Impact of Rewrite checkout")
            .is_focused()
    );
}

#[test]
fn tab_commits_and_moves_right_so_a_row_is_scored_without_the_pointer() {
    let mut harness = harness(session(), false);
    harness.run();
    focused_on(&mut harness, "Cost of Wait and see");
    typed(&mut harness, "2");
    pressed(&mut harness, Key::Tab);
    typed(&mut harness, "4");
    pressed(&mut harness, Key::Enter);
    assert_eq!(likely(&harness, 2, "cost"), Some(2.0));
    assert_eq!(likely(&harness, 2, "trust-risk"), Some(4.0));
    assert_eq!(score_edits(&harness.state().intents).len(), 2);
}

#[test]
fn arrow_keys_move_between_cells_and_stop_at_the_edge() {
    let mut harness = harness(session(), false);
    harness.run();
    focused_on(&mut harness, "Impact of Buy a CDN");
    pressed(&mut harness, Key::ArrowDown);
    pressed(&mut harness, Key::ArrowRight);
    assert!(
        harness
            .get_by_label("Cost of Rewrite checkout")
            .is_focused()
    );
    pressed(&mut harness, Key::ArrowUp);
    pressed(&mut harness, Key::ArrowUp);
    assert!(harness.get_by_label("Cost of Buy a CDN").is_focused());
    assert!(score_edits(&harness.state().intents).is_empty());
}

#[test]
fn escape_cancels_an_entry_and_leaves_the_keyboard_on_the_cell() {
    let mut harness = harness(session(), false);
    harness.run();
    focused_on(&mut harness, "Cost of Buy a CDN");
    typed(&mut harness, "5");
    pressed(&mut harness, Key::Escape);
    assert!(score_edits(&harness.state().intents).is_empty());
    assert_eq!(likely(&harness, 0, "cost"), Some(2.0));
    assert!(harness.get_by_label("Cost of Buy a CDN").is_focused());
}

#[test]
fn delete_clears_a_cell_as_one_undoable_edit() {
    let mut harness = harness(session(), false);
    harness.run();
    focused_on(&mut harness, "Cost of Buy a CDN");
    pressed(&mut harness, Key::Delete);
    assert_eq!(
        score_edits(&harness.state().intents),
        [("buy-a-cdn", "cost", None)]
    );
    assert!(harness.state().intents.contains(&Intent::Seal));
}

#[test]
fn a_block_pasted_from_a_spreadsheet_fills_the_cells_from_the_focused_one_in_one_edit() {
    let mut harness = harness(session(), false);
    harness.run();
    focused_on(&mut harness, "Cost of Rewrite checkout");
    harness.event(Event::Paste("1\t2\r\n3\t4\r\n".into()));
    harness.run();
    assert_eq!(likely(&harness, 1, "cost"), Some(1.0));
    assert_eq!(likely(&harness, 1, "trust-risk"), Some(2.0));
    assert_eq!(likely(&harness, 2, "cost"), Some(3.0));
    assert_eq!(likely(&harness, 2, "trust-risk"), Some(4.0));
    let pastes = harness
        .state()
        .intents
        .iter()
        .filter(|i| matches!(i, Intent::Edit(Edit::SetScores(_))))
        .count();
    assert_eq!(pastes, 1);
    harness.get_by_label("Pasted 4 scores (Ctrl+Z takes them back)");
}

#[test]
fn a_pasted_block_with_a_bad_value_names_it_and_changes_nothing() {
    let mut harness = harness(session(), false);
    harness.run();
    focused_on(&mut harness, "Impact of Rewrite checkout");
    harness.event_modifiers(Event::Paste("2\t9".into()), Modifiers::COMMAND);
    harness.run();
    assert_eq!(likely(&harness, 1, "impact"), Some(5.0));
    assert!(
        harness
            .state()
            .intents
            .iter()
            .all(|i| !matches!(i, Intent::Edit(_)))
    );
    harness.get_by_label(
        "Nothing was pasted. Cost of Rewrite checkout: 9 is outside the scale of Cost, 1 to 5",
    );
}

#[test]
fn a_matrix_is_scored_row_by_row_with_digits_tab_and_enter_alone() {
    let mut s = session();
    for option in &mut s.options {
        option.scores.clear();
    }
    let mut harness = harness(s, false);
    harness.run();
    focused_on(&mut harness, "Impact of Buy a CDN");
    let rows = [["4", "2", "2"], ["5", "5", "3"], ["1", "1", "1"]];
    let mut navigation = 0;
    for row in rows {
        for (col, digit) in row.into_iter().enumerate() {
            typed(&mut harness, digit);
            pressed(&mut harness, if col < 2 { Key::Tab } else { Key::Enter });
            navigation += 1;
        }
    }
    assert_eq!(navigation, 9, "one key after each value, none to get back");
    for (option_idx, row) in rows.iter().enumerate() {
        for (criterion, digit) in ["impact", "cost", "trust-risk"].iter().zip(row) {
            let expected = digit.parse().ok();
            assert_eq!(likely(&harness, option_idx, criterion), expected);
        }
    }
}
