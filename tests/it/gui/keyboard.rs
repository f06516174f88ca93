//! A whole decision from the keyboard alone: no pointer event from the first key to the saved
//! file. Every key is counted, navigation apart from what is typed, so a change that makes
//! the journey longer shows up here.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{Direction, Lens, Outcome, Session};

/// The window and the keys pressed so far.
struct Keyboard {
    h: Harness<'static, VerdictApp>,
    /// Keys that move, open, choose or confirm (Tab, arrows, Enter, shortcuts…).
    navigation: usize,
    /// Characters typed into fields.
    typed: usize,
}

impl Keyboard {
    fn new(app: VerdictApp) -> Self {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1024.0, 768.0))
            .with_max_steps(12)
            .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
        h.run();
        Self {
            h,
            navigation: 0,
            typed: 0,
        }
    }

    fn press(&mut self, key: Key) {
        self.chord(Modifiers::NONE, key);
    }

    fn chord(&mut self, modifiers: Modifiers, key: Key) {
        self.h.key_press_modifiers(modifiers, key);
        self.h.run();
        self.navigation += 1;
    }

    /// Types `text` into whatever has the keyboard.
    fn type_text(&mut self, text: &str) {
        self.h.event(Event::Text(text.to_owned()));
        self.h.run();
        self.typed += text.chars().count();
    }

    /// The label of the widget with the keyboard, if any.
    fn focused(&self) -> Option<String> {
        self.h
            .query_by(|n| n.is_focused())
            .and_then(|n| n.accesskit_node().label())
    }

    fn assert_focus(&self, label: &str) {
        assert_eq!(
            self.focused().as_deref(),
            Some(label),
            "where the keyboard is"
        );
    }

    /// Presses Tab until `label` has the keyboard, as a person would, at most `limit` times.
    fn tab_to(&mut self, label: &str, limit: usize) {
        let mut seen = Vec::new();
        for _ in 0..limit {
            if self.focused().as_deref() == Some(label) {
                return;
            }
            self.press(Key::Tab);
            seen.push(self.focused().unwrap_or_else(|| "nothing".into()));
        }
        assert_eq!(
            self.focused().as_deref(),
            Some(label),
            "{limit} Tabs did not reach {label}; they went through {seen:?}"
        );
    }

    fn session(&self) -> &Session {
        self.h.state().document().session()
    }
}

#[test]
fn a_decision_goes_from_an_empty_session_to_a_saved_file_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("streams.ron");
    let app =
        VerdictApp::new_for_test(Session::new(""), Prefs::default()).with_clock(super::flow::noon);
    let mut k = Keyboard::new(app);

    // Directive: a fresh window starts in the first field.
    k.assert_focus("Session title");
    k.type_text("Live streams");
    k.press(Key::Tab);
    k.assert_focus("The ask, verbatim");
    k.type_text("Improve availability for our live streams");

    // Framing: Tab enters the place; Enter in a problem statement starts the next.
    k.chord(Modifiers::COMMAND, Key::Num2);
    k.press(Key::Tab);
    k.tab_to("Add to problem statements", 12);
    k.press(Key::Space);
    k.type_text("Three of five outages started at our single CDN");
    k.press(Key::Enter);
    k.type_text("Failover takes longer than the player's retry window");

    // Menu: five options across lenses; the title field keeps the keyboard after each.
    k.chord(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    k.assert_focus("New option title");
    for (title, steps_down) in [
        ("Rebuild the origin packager", 0),
        ("Buy a multi-CDN service", 1),
        ("Run a failover drill before every match", 3),
        ("Do nothing", 1),
        ("Kill the project", 1),
    ] {
        if steps_down > 0 {
            k.press(Key::Tab);
            k.assert_focus("Lens");
            for _ in 0..steps_down {
                k.press(Key::ArrowDown);
            }
            k.chord(Modifiers::SHIFT, Key::Tab);
            k.assert_focus("New option title");
        }
        k.type_text(title);
        k.press(Key::Enter);
        k.assert_focus("New option title");
    }
    let lenses: Vec<Lens> = k.session().options.iter().map(|o| o.lens.clone()).collect();
    assert_eq!(
        lenses,
        [
            Lens::ReArchitect,
            Lens::Buy,
            Lens::Process,
            Lens::DoNothing,
            Lens::Kill
        ]
    );

    // A criterion with a unit, a scale in that unit and a veto.
    k.chord(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    k.assert_focus("New criterion name");
    k.type_text("Minutes lost per match");
    k.press(Key::Tab);
    k.press(Key::Tab);
    k.assert_focus("Cost");
    k.press(Key::Space);
    k.chord(Modifiers::SHIFT, Key::Tab);
    k.chord(Modifiers::SHIFT, Key::Tab);
    k.press(Key::Enter);
    k.tab_to("Unit", 30);
    k.type_text("minutes");
    k.tab_to("From", 10);
    k.chord(Modifiers::COMMAND, Key::A);
    k.type_text("0");
    k.press(Key::Tab);
    k.chord(Modifiers::COMMAND, Key::A);
    k.type_text("60");
    k.press(Key::Enter);
    k.tab_to("Veto", 30);
    k.press(Key::Space);
    k.press(Key::Tab);
    k.assert_focus("Veto of Minutes lost per match");
    k.chord(Modifiers::COMMAND, Key::A);
    k.type_text("30");
    k.press(Key::Enter);
    let criterion = k.session().criteria.last().unwrap().clone();
    assert_eq!(criterion.name, "Minutes lost per match");
    assert_eq!(criterion.unit, "minutes");
    assert_eq!(criterion.direction, Direction::Cost);
    assert_eq!((criterion.scale.lo, criterion.scale.hi), (0.0, 60.0));
    assert_eq!(criterion.veto, Some(30.0));

    // Swing weighting: the first swing is worth 100, the others are rated against it.
    k.tab_to("Swing weighting", 40);
    k.press(Key::Space);
    for (name, rating) in [
        ("Cost", "80"),
        ("Trust risk", "60"),
        ("Minutes lost per match", "40"),
    ] {
        k.tab_to(&format!("Swing rating of {name}"), 6);
        k.chord(Modifiers::COMMAND, Key::A);
        k.type_text(rating);
    }
    k.tab_to("Apply swing weights", 6);
    k.press(Key::Space);
    let shares: Vec<f64> = {
        let session = k.session();
        session
            .criteria
            .iter()
            .map(|c| session.weight_share(&c.id))
            .collect()
    };
    for (share, expected) in shares.iter().zip([100.0, 80.0, 60.0, 40.0]) {
        // Stored to four decimals.
        assert!((share - expected / 280.0).abs() < 1e-3, "{shares:?}");
    }
    // Escape leaves the field, then closes the editor.
    k.press(Key::Escape);
    k.press(Key::Escape);

    // Matrix: Tab enters at the first cell; digits, Tab along a row, Enter to the next row.
    k.chord(Modifiers::COMMAND, Key::Num4);
    k.press(Key::Tab);
    k.assert_focus("Impact of Rebuild the origin packager");
    let rows = [
        ["4", "4", "3", "20"],
        ["4", "3", "2", "5"],
        ["2", "1", "1", "25"],
        ["1", "1", "1", "45"],
        ["1", "1", "1", "0"],
    ];
    for row in rows {
        for (col, value) in row.iter().enumerate() {
            k.type_text(value);
            k.press(if col + 1 == row.len() {
                Key::Enter
            } else {
                Key::Tab
            });
        }
    }
    let scored: usize = k.session().options.iter().map(|o| o.scores.len()).sum();
    assert_eq!(scored, 20, "every cell scored");

    // Decide: Tab enters at the top, on the advice; the kill criteria come after the charts.
    k.chord(Modifiers::COMMAND, Key::Num5);
    k.press(Key::Tab);
    k.assert_focus("Start the outcome from this advice");
    k.tab_to("New kill criterion", 10);
    k.type_text("The league drops the availability clause");
    k.press(Key::Enter);
    assert_eq!(k.session().kill_criteria.len(), 1);

    // Ctrl+Enter shows what the outcome still needs: the rationale, then the option.
    k.chord(Modifiers::COMMAND, Key::Enter);
    k.assert_focus("Rationale");
    k.type_text("Covers the CDN outages, and a paid trial month is a cheap way out");
    k.chord(Modifiers::SHIFT, Key::Tab);
    k.assert_focus("Option to go ahead with");
    k.press(Key::ArrowDown);
    k.press(Key::ArrowDown);
    k.chord(Modifiers::COMMAND, Key::Enter);
    let buy = k.session().options[1].id.clone();
    assert!(
        matches!(&k.session().outcome, Outcome::Chosen { option, .. } if *option == buy),
        "{:?}",
        k.session().outcome
    );

    // Save: no file yet, so the path prompt asks for one.
    k.chord(Modifiers::COMMAND, Key::S);
    k.assert_focus("File path");
    k.chord(Modifiers::COMMAND, Key::A);
    k.type_text(&path.display().to_string());
    k.press(Key::Enter);
    super::flow::settle_files(&mut k.h);

    let saved = verdict::store::load_file(&path).expect("the session was saved");
    assert_eq!(saved.title, "Live streams");
    assert_eq!(
        saved.directive.ask,
        "Improve availability for our live streams"
    );
    assert_eq!(saved.framing.problem_statements.len(), 2);
    assert_eq!(saved.options.len(), 5);
    assert_eq!(saved.criteria.len(), 4);
    assert_eq!(saved.criteria[3].veto, Some(30.0));
    assert_eq!(saved.kill_criteria.len(), 1);
    assert_eq!(saved.outcome, k.session().outcome);
    assert!(
        saved.options[4].scores.values().all(|s| s.likely >= 0.0),
        "scored as typed"
    );
    // Today: 124 keys of navigation (Tab, arrows, Enter, Space, shortcuts) for 462 typed
    // characters; the 20 cells of the matrix take one key each.
    println!(
        "{} navigation keys, {} characters typed",
        k.navigation, k.typed
    );
    assert!(k.navigation <= 130, "{} navigation keys", k.navigation);
}

fn window(session: Session) -> Keyboard {
    Keyboard::new(VerdictApp::new_for_test(session, Prefs::default()).with_clock(super::flow::noon))
}

#[test]
fn tabbing_down_a_long_place_scrolls_the_field_with_the_keyboard_into_view() {
    let mut session = super::flow::checkout_session();
    for n in 0..12 {
        session.framing.problem_statements.push(format!(
            "Problem {n}: a long statement of what goes wrong and for whom"
        ));
    }
    let mut k = window(session);
    k.chord(Modifiers::COMMAND, Key::Num2);
    k.press(Key::Tab);
    k.tab_to("Add a stakeholder", 80);
    let rect = k.h.get_by_label("Add a stakeholder").rect();
    assert!(
        rect.bottom() <= 768.0 && rect.top() >= 0.0,
        "Add a stakeholder is at {rect:?}, outside the 768-point window"
    );
}

#[test]
fn ctrl_enter_takes_the_keyboard_to_what_the_outcome_still_needs() {
    let mut k = window(super::flow::checkout_session());
    k.chord(Modifiers::COMMAND, Key::Enter);
    k.assert_focus("Rationale");
    k.type_text("Fastest way to a lower p95");
    k.chord(Modifiers::COMMAND, Key::Enter);
    k.assert_focus("Option to go ahead with");
    k.press(Key::ArrowDown);
    k.chord(Modifiers::COMMAND, Key::Enter);
    assert!(matches!(k.session().outcome, Outcome::Chosen { .. }));
    // Undoing the decision empties the form again rather than leaving it ready to record.
    k.press(Key::Escape);
    k.chord(Modifiers::COMMAND, Key::Z);
    assert_eq!(k.session().outcome, Outcome::Undecided);
    assert_eq!(
        k.h.get_by_label("Rationale").value().as_deref(),
        Some(""),
        "the form follows the undone outcome"
    );
}

#[test]
fn a_new_next_step_takes_the_keyboard() {
    let mut k = window(super::flow::checkout_session());
    k.chord(Modifiers::COMMAND, Key::Num5);
    k.press(Key::Tab);
    k.tab_to("Add a next step", 40);
    k.press(Key::Space);
    k.assert_focus("Step 1");
    k.type_text("Book the load test");
    assert_eq!(k.session().next_steps[0].text, "Book the load test");
}

#[test]
fn shift_tab_from_the_first_column_leaves_the_matrix() {
    let mut k = window(super::flow::checkout_session());
    k.chord(Modifiers::COMMAND, Key::Num4);
    k.press(Key::Tab);
    k.assert_focus("Impact of Tune the database");
    k.chord(Modifiers::SHIFT, Key::Tab);
    let now = k.focused().unwrap_or_default();
    assert!(
        !now.ends_with("of Tune the database"),
        "Shift+Tab stayed in the table, on {now}"
    );
    // And Tab from the last column leaves it the other way.
    k.press(Key::Tab);
    k.assert_focus("Impact of Tune the database");
    k.press(Key::Tab);
    k.press(Key::Tab);
    k.assert_focus("Trust risk of Tune the database");
    k.press(Key::Tab);
    let now = k.focused().unwrap_or_default();
    assert!(
        !now.ends_with("of Tune the database"),
        "Tab stayed in the table, on {now}"
    );
}

#[test]
fn tab_with_nothing_focused_goes_into_the_criteria_editor_when_it_is_open() {
    let mut k = window(super::flow::checkout_session());
    k.chord(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    k.assert_focus("New criterion name");
    k.press(Key::Escape);
    assert_eq!(k.focused(), None);
    k.press(Key::Tab);
    k.assert_focus("New criterion name");
}

#[test]
fn ctrl_z_on_a_focused_matrix_cell_undoes_the_last_change() {
    let mut k = window(super::flow::checkout_session());
    k.chord(Modifiers::COMMAND, Key::Num4);
    k.press(Key::Tab);
    k.assert_focus("Impact of Tune the database");
    k.press(Key::Delete);
    let impact = verdict::model::CriterionId::new("impact");
    assert!(k.session().options[0].score(&impact).is_none(), "cleared");
    k.chord(Modifiers::COMMAND, Key::Z);
    assert_eq!(
        k.session().options[0].score(&impact).map(|s| s.likely),
        Some(4.0),
        "Ctrl+Z on the focused cell brings the score back"
    );
    k.assert_focus("Impact of Tune the database");
}

#[test]
fn a_question_asked_is_answered_next() {
    let mut session = super::flow::checkout_session();
    session.framing.problem_statements = vec!["p95 is 4 s".into(), "Carts time out".into()];
    let mut k = window(session);
    k.chord(Modifiers::COMMAND, Key::Num2);
    k.press(Key::Tab);
    k.tab_to("New question", 20);
    k.type_text("Who pays if we are late?");
    k.press(Key::Enter);
    k.assert_focus("Who pays if we are late?");
    k.type_text("Nobody; the date is ours");
    let last = k.session().framing.questions.last().unwrap().clone();
    assert_eq!(last.answer, "Nobody; the date is ours");
}

#[test]
fn escape_in_a_rationale_window_gives_the_keyboard_back_to_its_cell() {
    let mut k = window(super::flow::checkout_session());
    k.chord(Modifiers::COMMAND, Key::Num4);
    k.press(Key::Tab);
    k.press(Key::ArrowRight);
    k.assert_focus("Cost of Tune the database");
    // A real keyboard sends R as a key and as the text "r"; the cell reads the text.
    k.h.key_press(Key::R);
    k.type_text("r");
    k.assert_focus("Rationale of Cost of Tune the database");
    k.type_text("Two weeks of one DBA");
    k.press(Key::Escape);
    k.assert_focus("Cost of Tune the database");
    let cost = verdict::model::CriterionId::new("cost");
    assert_eq!(
        k.session().options[0]
            .score(&cost)
            .map(|s| s.rationale.as_str()),
        Some("Two weeks of one DBA"),
        "the R that opened the window is not in its text"
    );
    k.press(Key::ArrowRight);
    k.assert_focus("Trust risk of Tune the database");
}

#[test]
fn another_decision_cannot_be_recorded_on_the_last_ones_rationale() {
    let mut k = window(super::flow::checkout_session());
    k.chord(Modifiers::COMMAND, Key::Enter);
    k.type_text("Fastest way to a lower p95");
    k.chord(Modifiers::SHIFT, Key::Tab);
    k.press(Key::ArrowDown);
    k.chord(Modifiers::COMMAND, Key::Enter);
    assert!(matches!(k.session().outcome, Outcome::Chosen { .. }));
    // Switch to Kill with the same words: refused, and the keyboard goes to the rationale.
    k.h.get_by_label("Kill the project").click();
    k.h.run();
    k.chord(Modifiers::COMMAND, Key::Enter);
    assert!(
        matches!(k.session().outcome, Outcome::Chosen { .. }),
        "not killed"
    );
    k.assert_focus("Rationale");
    assert!(
        k.h.query_by_label_contains("is the one recorded for the current decision")
            .is_some()
    );
}

#[test]
fn the_shortcut_sheet_scrolls_with_the_keyboard_to_its_last_row() {
    let mut k = window(super::flow::checkout_session());
    k.press(Key::F1);
    let last = "Undo / redo the last change to the session, in a field too (a \"New …\" field \
                undoes its own typing)";
    let bottom = |k: &Keyboard| k.h.get_by_label(last).rect().bottom();
    assert!(bottom(&k) > 768.0, "the last row starts below the window");
    k.press(Key::End);
    k.h.run();
    assert!(
        bottom(&k) <= 768.0,
        "End scrolls to the last row, now at {}",
        bottom(&k)
    );
}

#[test]
fn ctrl_z_in_a_field_undoes_the_session_and_ctrl_shift_z_brings_it_back() {
    let mut k = window(super::flow::checkout_session());
    k.assert_focus("Session title");
    k.chord(Modifiers::NONE, Key::End);
    k.type_text(" DRAFT");
    assert_eq!(k.session().title, "Checkout DRAFT");
    k.chord(Modifiers::COMMAND, Key::Z);
    assert_eq!(k.session().title, "Checkout", "the typing is undone");
    assert_eq!(
        k.h.state().document().undo_label(),
        None,
        "undone in the session's history, not typed back as a new change"
    );
    // Nothing older to undo: the field is not emptied, and the redo survives.
    k.chord(Modifiers::COMMAND, Key::Z);
    assert_eq!(k.session().title, "Checkout");
    k.chord(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(k.session().title, "Checkout DRAFT", "redone");
    k.assert_focus("Session title");
}
