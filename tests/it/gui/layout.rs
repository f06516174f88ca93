//! Controls stay inside the window: rows shrink their fields instead of pushing what follows
//! off the right edge.

use super::flow::{checkout_session, noon, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{Stakeholder, Stance};

#[test]
fn a_stakeholder_row_keeps_its_stance_and_remove_inside_the_window() {
    let mut session = checkout_session();
    session.framing.stakeholders.push(Stakeholder {
        name: "Priya Raman, VP Payments and the checkout roadmap owner".into(),
        role: "Signs off the budget for the whole checkout programme this year".into(),
        stance: Stance::Neutral,
    });
    for width in [1024.0, 1600.0] {
        let app = VerdictApp::new_for_test(session.clone(), Prefs::default()).with_clock(noon);
        let mut harness = Harness::builder()
            .with_size(egui::vec2(width, 768.0))
            .with_max_steps(12)
            .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
        harness.run();
        press(&mut harness, Modifiers::COMMAND, Key::Num2);
        for label in ["Stance", "Remove"] {
            let node = harness
                .query_all_by_label(label)
                .last()
                .unwrap_or_else(|| panic!("{label} is on the Framing place"));
            let right = node.rect().right();
            assert!(
                right <= width,
                "{label} ends at {right}, past the {width} window"
            );
        }
    }
}
