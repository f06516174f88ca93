//! The Directive place: the ask verbatim, who gave it, when, the goal behind it, the deadline.

use crate::document::{DirectiveField, Edit};
use crate::ui::fields::{date_field_noted, text_field};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// Draws the directive form and emits edits for every changed field.
pub fn directive_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
    let session = cx.session;
    let directive = &session.directive;
    ui.heading("Directive");
    ui.weak("Write the ask down exactly as it was given, before deciding what it means.");
    ui.add_space(theme::SPACE_L);
    if cx.presenting {
        presented(ui, cx);
        return;
    }
    egui::Grid::new("directive")
        .num_columns(2)
        .spacing([theme::SPACE_XL, theme::SPACE_L])
        .show(ui, |ui| {
            text_field(
                ui,
                cx,
                "Session title",
                &session.title,
                false,
                Edit::SetTitle,
            );
            ui.end_row();
            text_field(ui, cx, "The ask, verbatim", &directive.ask, true, |t| {
                Edit::SetDirectiveText(DirectiveField::Ask, t)
            });
            ui.end_row();
            text_field(ui, cx, "Given by", &directive.given_by, false, |t| {
                Edit::SetDirectiveText(DirectiveField::GivenBy, t)
            });
            ui.end_row();
            date_field_noted(
                ui,
                cx,
                "Received",
                directive.received,
                None,
                Edit::SetReceived,
            );
            ui.end_row();
            text_field(
                ui,
                cx,
                "Business goal",
                &directive.business_goal,
                true,
                |t| Edit::SetDirectiveText(DirectiveField::BusinessGoal, t),
            );
            ui.end_row();
            let early = match (directive.received, directive.deadline) {
                (Some(received), Some(deadline)) if deadline < received => {
                    Some(format!("before the day it was received ({received})"))
                }
                _ => None,
            };
            date_field_noted(
                ui,
                cx,
                "Deadline",
                directive.deadline,
                early,
                Edit::SetDeadline,
            );
            ui.end_row();
            stakes_field(ui, cx, session.stakes);
            ui.end_row();
        });
    ui.add_space(theme::SPACE_XL);
    ui.separator();
    ui.collapsing(
        "Private notes (never shown when presenting, never exported)",
        |ui| {
            let label = ui.label("Notes");
            crate::ui::fields::text_input(ui, cx, label.id, &session.notes, true, Edit::SetNotes);
        },
    );
}

/// What reaching the goal is worth, for a portfolio of sessions: not estimated until
/// "Estimated" is ticked.
fn stakes_field(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, stakes: Option<f64>) {
    let label = ui.label("Stakes");
    ui.horizontal(|ui| {
        let mut set = stakes.is_some();
        let mut value = stakes.unwrap_or(0.0);
        let toggle = ui.checkbox(&mut set, "Estimated").on_hover_text(
            "What fully reaching the business goal is worth, in the portfolio's value unit; \
             a portfolio weighs this session's options by it",
        );
        let drag = ui
            .add_enabled(
                set,
                egui::DragValue::new(&mut value).range(0.0..=crate::model::MAX_STAKES),
            )
            .labelled_by(label.id);
        if toggle.changed() || (set && drag.changed()) {
            cx.edit(Edit::SetStakes(set.then_some(value)));
        }
        if toggle.changed() || drag.drag_stopped() || drag.lost_focus() {
            cx.seal();
        }
    });
}

/// The read-only version shown to a room.
fn presented(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let d = &cx.session.directive;
    if !cx.session.title.is_empty() {
        ui.label(egui::RichText::new(&cx.session.title).strong());
    }
    ui.label(egui::RichText::new(format!("“{}”", d.ask)).size(theme::QUOTE_SIZE));
    let mut who = String::new();
    if !d.given_by.is_empty() {
        who = format!("— {}", d.given_by);
    }
    if let Some(received) = d.received {
        who.push_str(&format!(", {received}"));
    }
    if !who.is_empty() {
        ui.label(who);
    }
    ui.add_space(theme::SPACE_XL);
    if !d.business_goal.is_empty() {
        ui.label(egui::RichText::new("Business goal").strong());
        ui.label(&d.business_goal);
    }
    if let Some(deadline) = d.deadline {
        ui.label(format!("Deadline: {deadline}"));
    }
}
