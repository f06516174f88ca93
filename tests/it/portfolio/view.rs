//! The Portfolio view, driven through the real window by label: open the shipped folder
//! from the File menu, move the capacity, see the cut line and a kill candidate, ask what
//! funding it would cost, see the folder watched, and open a session from the table.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use verdict::app::{Prefs, VerdictApp};
use verdict::model::Session;
use verdict::ui::command::Command;

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/portfolio")
}

fn harness() -> Harness<'static, VerdictApp> {
    let app = VerdictApp::new_for_test(Session::new("Something else"), Prefs::default());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1400.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
    harness.run();
    harness
}

/// Opens `folder` through File › Open portfolio… and the in-window path prompt (tests have
/// no folder dialog).
fn open_from_the_menu(harness: &mut Harness<'_, VerdictApp>, folder: &Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open portfolio…").click();
    harness.run();
    harness.get_by_label("File path").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(&folder.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    harness.run();
    // The folder is read on a worker; wait for it instead of counting frames.
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_portfolio(&ctx);
    harness.run();
}

fn set_capacity(harness: &mut Harness<'_, VerdictApp>, weeks: f64) {
    harness.state_mut().portfolio().unwrap().view.capacity = weeks;
    harness.run();
}

fn shows_cut_line(harness: &Harness<'_, VerdictApp>, used: &str, capacity: &str) -> bool {
    let line = format!("— cut line: {used} of {capacity} person-weeks —");
    harness.query_by_label(&line).is_some()
}

#[test]
fn the_portfolio_view_moves_the_cut_line_names_a_kill_candidate_and_opens_a_session() {
    let mut harness = harness();
    open_from_the_menu(&mut harness, &shipped());
    assert!(harness.query_by_label_contains("Portfolio: ").is_some());
    assert!(harness.query_all_by_label("Capacity").next().is_some());
    assert!(shows_cut_line(&harness, "57", "60"));
    assert!(
        harness
            .query_by_label_contains("Kill candidate: Mobile app cold start")
            .is_some()
    );
    // The core index started on its worker when the folder opened.
    harness.state_mut().portfolio().unwrap().wait_for_core();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("draws at 60 person-weeks")
            .is_some()
    );
    assert!(harness.query_all_by_label("100 %").next().is_some());

    // Fewer people: the cut line moves up and the portal falls below it.
    set_capacity(&mut harness, 45.0);
    assert!(!shows_cut_line(&harness, "57", "60"));
    let plan = harness
        .state_mut()
        .portfolio()
        .unwrap()
        .plan()
        .unwrap()
        .clone();
    let used = verdict::analysis::number::tenths(plan.effort);
    assert!(shows_cut_line(&harness, &used, "45"), "{used}");
    assert!(plan.effort <= 45.0 && plan.value > 0.0);
    assert!(plan.kill_candidates().count() >= 1);

    // What would funding the mobile rewrite cost?
    let buttons: Vec<_> = harness.query_all_by_label("What to drop?").collect();
    assert!(!buttons.is_empty());
    buttons[0].click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("of value lost overall")
            .is_some(),
        "{:?}",
        harness.state_mut().portfolio().unwrap().view
    );

    // The core index runs on a worker and fills the column.
    harness.get_by_label("Run").click();
    harness.run();
    harness.state_mut().portfolio().unwrap().wait_for_core();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("draws at 45 person-weeks")
            .is_some()
    );

    // A click on a directive opens that session in the editor.
    harness.get_by_label("Search that finds things").click();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().wait_for_files(&ctx);
    harness.run();
    assert_eq!(
        harness.state().document().session().title,
        "Search that finds things"
    );
    assert!(
        harness.query_all_by_label("Capacity").next().is_none(),
        "the session is shown"
    );
    harness.state_mut().command(&ctx, Command::ShowPortfolio);
    harness.run();
    assert!(harness.query_all_by_label("Capacity").next().is_some());
}

#[test]
fn a_session_saved_into_the_folder_updates_the_open_view() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(shipped()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let mut harness = harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, Command::OpenPortfolioPath(dir.path().to_path_buf()));
    harness.state_mut().wait_for_portfolio(&ctx);
    harness.run();
    assert!(harness.query_by_label("Search that finds things").is_none());
    // Someone pulls a new session into the folder.
    std::fs::copy(
        shipped().join("growth/search-relevance.ron"),
        dir.path().join("search-relevance.ron"),
    )
    .unwrap();
    std::thread::sleep(verdict::app::portfolio_window::WATCH_EVERY);
    // The next frame notices the change and reads the folder again on a worker.
    harness.run();
    harness.state_mut().wait_for_portfolio(&ctx);
    harness.run();
    assert!(harness.query_by_label("Search that finds things").is_some());
}
