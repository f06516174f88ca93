//! Nothing typed for one decision reaches another: every place's drafts, the path prompt
//! and the undo history are left behind when another session takes the window, whichever
//! way it comes (Open, New, Revert, Recover).

use super::flow::{checkout_session, harness, noon, press, settle_files};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use verdict::app::{Prefs, VerdictApp};
use verdict::store::{RecoveryEntry, RecoveryStore};
use verdict::ui::command::Command;

/// In every draft, so that one search finds any of them.
const MARK: &str = "Zebra";

fn type_into(harness: &mut Harness<'_, VerdictApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Types a draft into every place that keeps one (a cell's rationale into its open editor
/// window, what happened into the review form of the decision due for review), edits the document so it has an undo history, and leaves the path
/// prompt open with a typed path.
fn type_everywhere(harness: &mut Harness<'_, VerdictApp>) {
    press(harness, Modifiers::COMMAND, Key::Num2);
    type_into(harness, "New question", "Zebra question");
    press(harness, Modifiers::COMMAND, Key::Num3);
    type_into(harness, "New option title", "Zebra option");
    press(harness, Modifiers::COMMAND, Key::Num4);
    harness.get_by_label("Cost of Tune the database").hover();
    harness.run();
    harness
        .get_by_label("Open rationale of Cost of Tune the database")
        .click();
    harness.run();
    type_into(
        harness,
        "Rationale of Cost of Tune the database",
        "Zebra cell rationale",
    );
    harness.get_by_label("Add rater…").click();
    harness.run();
    type_into(harness, "New rater's name", "Zebra rater");
    press(harness, Modifiers::COMMAND, Key::Num5);
    type_into(harness, "Rationale", "Zebra rationale");
    type_into(harness, "New kill criterion", "Zebra kill");
    type_into(
        harness,
        "What happened, against the expected result?",
        "Zebra happened",
    );
    press(harness, Modifiers::COMMAND, Key::Num6);
    type_into(harness, "Note", "Zebra note");
    press(harness, Modifiers::COMMAND, Key::Num1);
    type_into(harness, "Session title", " Zebra title");
    press(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    type_into(harness, "File path", "Zebra path");
    assert!(harness.state().document().undo_label().is_some());
    assert!(on_screen(harness, MARK), "the drafts are typed");
}

/// True when any widget's name or value on screen contains `text`.
fn on_screen(harness: &Harness<'_, VerdictApp>, text: &str) -> bool {
    let holds = |found: Option<String>| found.is_some_and(|s| s.contains(text));
    harness
        .query_all(
            by().include_labels()
                .predicate(move |node| holds(node.label()) || holds(node.value())),
        )
        .next()
        .is_some()
}

/// Runs `command` as the person would: the unsaved title is discarded when asked.
fn replace_with(harness: &mut Harness<'_, VerdictApp>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().command(&ctx, command);
    harness.run();
    if harness.query_by_label("Discard changes").is_some() {
        harness.get_by_label("Discard changes").click();
        harness.run();
    }
    settle_files(harness);
}

/// The new session holds none of the drafts, on any place, nor the old undo history.
fn assert_nothing_crossed(harness: &mut Harness<'_, VerdictApp>) {
    let state = format!("{:?}", harness.state().open_document());
    assert!(!state.contains(MARK), "a draft crossed: {state}");
    assert_eq!(harness.state().document().undo_label(), None);
    assert!(
        harness.query_by_label("File path").is_none(),
        "the path prompt closed"
    );
    for key in [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
    ] {
        press(harness, Modifiers::COMMAND, key);
        assert!(
            !on_screen(harness, MARK),
            "a draft is on screen on {:?}",
            harness.state().place()
        );
    }
    press(harness, Modifiers::COMMAND, Key::Z);
    assert!(!on_screen(harness, MARK), "undo brought a draft back");
}

/// A window on `plan.ron` (the checkout session) in a fresh folder.
fn window_on_a_file(dir: &std::path::Path) -> Harness<'static, VerdictApp> {
    let path = dir.join("plan.ron");
    let mut session = checkout_session();
    // Due for review, so Decide shows the review form and its draft.
    session.review_date = chrono::NaiveDate::from_ymd_opt(2026, 11, 1);
    verdict::store::save_file(&path, &session).unwrap();
    let app = VerdictApp::new_for_test(verdict::model::Session::new(""), Prefs::default())
        .with_clock(noon)
        .with_recovery(RecoveryStore::new(dir.join("recovery")));
    let mut harness = harness(app);
    replace_with(&mut harness, Command::OpenPath(path));
    assert_eq!(harness.state().document().session().title, "Checkout");
    harness
}

#[test]
fn drafts_do_not_follow_into_another_opened_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on_a_file(dir.path());
    let other = dir.path().join("other.ron");
    let mut session = checkout_session();
    session.title = "Other decision".into();
    verdict::store::save_file(&other, &session).unwrap();
    type_everywhere(&mut harness);
    replace_with(&mut harness, Command::OpenPath(other));
    assert_eq!(harness.state().document().session().title, "Other decision");
    assert_nothing_crossed(&mut harness);
}

#[test]
fn drafts_do_not_follow_into_a_new_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on_a_file(dir.path());
    type_everywhere(&mut harness);
    replace_with(&mut harness, Command::New);
    assert_eq!(harness.state().path(), None);
    assert_nothing_crossed(&mut harness);
}

#[test]
fn drafts_do_not_survive_reverting_to_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on_a_file(dir.path());
    type_everywhere(&mut harness);
    replace_with(&mut harness, Command::Revert);
    assert_eq!(harness.state().document().session().title, "Checkout");
    assert!(!harness.state().document().is_dirty());
    assert_nothing_crossed(&mut harness);
}

#[test]
fn drafts_do_not_follow_into_recovered_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on_a_file(dir.path());
    let mut crashed = checkout_session();
    crashed.title = "Crashed draft".into();
    RecoveryStore::new(dir.path().join("recovery"))
        .write(&RecoveryEntry {
            original: None,
            original_stamp: None,
            // Above the kernel's process-id limit, so certainly not running.
            pid: 4_194_400,
            written_at: noon(),
            session: crashed,
        })
        .unwrap();
    type_everywhere(&mut harness);
    // The menu cannot be reached while the path prompt is open: close it as a person would.
    harness.get_by_label("Cancel").click();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().command(&ctx, Command::Recover);
    harness.run();
    harness.get_by_label("Restore").click();
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    settle_files(&mut harness);
    assert_eq!(harness.state().document().session().title, "Crashed draft");
    let state = format!("{:?}", harness.state().open_document());
    assert!(!state.contains(MARK), "a draft crossed: {state}");
    // Restored work is unsaved, but it brings no undo history of its own.
    assert_eq!(harness.state().document().undo_label(), None);
    assert_nothing_crossed(&mut harness);
}

#[test]
fn a_new_session_starts_on_directive_and_a_recent_file_where_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on_a_file(dir.path());
    let plan = dir.path().join("plan.ron");
    press(&mut harness, Modifiers::COMMAND, Key::Num4);
    replace_with(&mut harness, Command::New);
    assert_eq!(harness.state().place(), verdict::ui::nav::Place::Directive);
    replace_with(&mut harness, Command::OpenPath(plan));
    assert_eq!(harness.state().place(), verdict::ui::nav::Place::Matrix);
}

#[test]
fn a_scrolled_place_starts_at_the_top_in_the_next_session() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    verdict::store::save_file(&plan, &checkout_session()).unwrap();
    let app = VerdictApp::new_for_test(verdict::model::Session::new(""), Prefs::default());
    // Short enough that Decide scrolls.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 500.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    replace_with(&mut harness, Command::OpenPath(plan));
    press(&mut harness, Modifiers::COMMAND, Key::Num5);
    let top = harness.get_by_label("Recommendation").rect().top();
    harness.get_by_label("Record outcome").scroll_to_me();
    harness.run();
    let scrolled = harness
        .query_by_label("Recommendation")
        .map(|n| n.rect().top());
    assert!(
        scrolled.is_none_or(|y| y < top),
        "the page scrolled ({scrolled:?} from {top})"
    );
    // Read again, the file opens where it was left (Decide), but scrolled to the top.
    replace_with(&mut harness, Command::Revert);
    assert_eq!(harness.state().place(), verdict::ui::nav::Place::Decide);
    assert!(
        !harness.state().is_read_only(),
        "the window keeps its own lock"
    );
    assert_eq!(harness.get_by_label("Recommendation").rect().top(), top);
}

#[test]
fn notices_about_one_session_do_not_follow_into_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on_a_file(dir.path());
    let exported = dir.path().join("decision.md");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::Export(verdict::export::Format::Markdown));
    harness.run();
    // The prompt starts in the session's own folder.
    let suggested = harness
        .get_by_label("File path")
        .value()
        .unwrap_or_default();
    assert!(
        suggested.starts_with(&dir.path().display().to_string()),
        "{suggested}"
    );
    harness.get_by_label("File path").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&exported.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    harness.step();
    settle_files(&mut harness);
    let said = harness.state().notice().map(|n| n.text.clone());
    assert!(
        said.as_deref().is_some_and(|t| t.starts_with("Exported")),
        "{said:?}"
    );
    replace_with(&mut harness, Command::New);
    assert_eq!(harness.state().notice(), None);
    assert!(harness.query_by_label_contains("Exported").is_none());
}
