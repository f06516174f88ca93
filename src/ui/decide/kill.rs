//! Kill criteria in the Decide place: conditions written down in advance, each with a box
//! to tick when it has come true.

use crate::document::Edit;
use crate::model::KillCriterion;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{RichText, Ui};

/// Draws the list; `draft` is the text of the kill criterion being added.
pub(super) fn kill_criteria_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, draft: &mut String) {
    let criteria = &cx.session.kill_criteria;
    if criteria.is_empty() {
        ui.label(
            RichText::new("No kill criteria yet: write down what would make you stop.").weak(),
        );
    }
    for (idx, kill) in criteria.iter().enumerate() {
        ui.horizontal(|ui| {
            if cx.presenting {
                read_only_ui(ui, kill);
            } else {
                editable_ui(ui, cx, idx, kill);
            }
        });
    }
    if cx.presenting {
        return;
    }
    ui.horizontal(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(draft)
                .hint_text("e.g. the vendor cannot show 99.95 % in a trial month")
                .desired_width(ui.available_width().clamp(240.0, 630.0)),
        );
        let response = response.accessible_name("New kill criterion");
        cx.focus_on_arrival(&response);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(
            !draft.trim().is_empty(),
            egui::Button::new("Add kill criterion"),
        );
        if (add.clicked() || entered) && !draft.trim().is_empty() {
            cx.edit(Edit::AddKillCriterion(draft.trim().to_owned()));
            cx.seal();
            draft.clear();
            // The next one can be typed straight away.
            response.request_focus();
        }
    });
}

fn read_only_ui(ui: &mut Ui, kill: &KillCriterion) {
    if kill.tripped {
        ui.label(
            RichText::new("TRIPPED")
                .strong()
                .color(theme::palette(ui).kill),
        );
        ui.label(RichText::new(&kill.condition).strong());
    } else {
        ui.label(RichText::new("not tripped").weak());
        ui.label(&kill.condition);
    }
}

fn editable_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, idx: usize, kill: &KillCriterion) {
    let number = idx + 1;
    let mut tripped = kill.tripped;
    let response = ui
        .checkbox(&mut tripped, "")
        .accessible_name(format!("Kill criterion {number} has come true"));
    if response.changed() {
        cx.edit(Edit::SetKillCriterion(
            idx,
            KillCriterion {
                condition: kill.condition.clone(),
                tripped,
            },
        ));
        cx.seal();
    }
    let mut condition = kill.condition.clone();
    let mut text = egui::TextEdit::singleline(&mut condition)
        .desired_width(ui.available_width().clamp(240.0, 720.0) - 90.0);
    if kill.tripped {
        text = text.text_color(theme::palette(ui).kill);
    }
    let response = ui
        .add(text)
        .accessible_name(format!("Kill criterion {number}"));
    if response.changed() {
        cx.edit(Edit::SetKillCriterion(
            idx,
            KillCriterion {
                condition,
                tripped: kill.tripped,
            },
        ));
    }
    cx.seal_after(&response);
    let remove = ui
        .button("Remove")
        .accessible_name(format!("Remove kill criterion {number}"));
    if remove.clicked() {
        cx.edit(Edit::RemoveKillCriterion(idx));
        cx.seal();
    }
}
