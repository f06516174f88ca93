//! The criteria editor: a window, opened from the Matrix, in which criteria are added,
//! renamed, described, reordered, duplicated and removed, and each one's direction, unit,
//! scale, level meanings and veto are set. Its Weights part derives every weight at once by
//! swing weighting or pairwise comparison.
//!
//! Like every view it only reads the session and pushes edits; drafts that are not edits
//! yet (the scale being typed, the order of swings, pairwise judgements) live in
//! [`CriteriaEditor`], which is never saved.

mod scale;
mod weights;

use super::theme;
use super::view_ctx::ViewCtx;
use crate::document::Edit;
use crate::model::{CriteriaSet, Criterion, CriterionId, Direction, Session};
use egui::{Key, RichText, Ui};

/// Runtime state of the criteria editor (never saved).
#[derive(Debug, Default)]
pub struct CriteriaEditor {
    /// Whether the window is shown.
    pub open: bool,
    selected: Option<CriterionId>,
    new_name: String,
    new_is_cost: bool,
    focus_new_name: bool,
    /// The selected criterion's Name takes the keyboard on the next frame (after Duplicate).
    focus_name: bool,
    confirm_remove: Option<CriterionId>,
    /// The shipped criteria set picked to start from (by name).
    set_choice: Option<String>,
    /// Whether some widget had the keyboard when the editor was last drawn.
    focused_last_frame: bool,
    scale: scale::ScaleDraft,
    weights: weights::WeightsDraft,
}

impl CriteriaEditor {
    /// Opens the window with the cursor in "New criterion name".
    pub fn open(&mut self) {
        self.open = true;
        self.focus_new_name = true;
    }
}

/// Sets the accessible name of a widget whose visible text does not say enough.
pub(crate) fn set_name(response: &egui::Response, name: impl FnOnce() -> String) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name()));
}

/// How many scores (shared and raters') rest on `criterion`.
pub fn scores_on(session: &Session, criterion: &CriterionId) -> usize {
    session
        .options
        .iter()
        .map(|o| {
            usize::from(o.scores.contains_key(criterion))
                + o.rater_scores
                    .values()
                    .filter(|scores| scores.contains_key(criterion))
                    .count()
        })
        .sum()
}

/// Draws the window while it is open.
pub fn criteria_window_ui(ctx: &egui::Context, cx: &mut ViewCtx<'_>, ed: &mut CriteriaEditor) {
    if !ed.open || cx.presenting {
        return;
    }
    // Escape first leaves a text field (egui drops the focus before views run, so the last
    // frame's focus tells); pressed again, with nothing focused, it closes the editor.
    let escaped = !ed.focused_last_frame && ctx.input(|i| i.key_pressed(Key::Escape));
    let mut open = !escaped;
    egui::Window::new("Criteria")
        .id(egui::Id::unique("criteria-editor-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .vscroll(true)
        .default_width(560.0)
        .default_height(620.0)
        .show(ctx, |ui| {
            crate::ui::focus_view::keep_focus_in_view(ui, |ui| criteria_editor_ui(ui, cx, ed));
        });
    ed.focused_last_frame = ctx.memory(|m| m.focused().is_some());
    if !open {
        ed.open = false;
        ed.confirm_remove = None;
        cx.seal();
    }
}

/// The editor's content: add, the list, the selected criterion's definition, the weights.
pub fn criteria_editor_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ed: &mut CriteriaEditor) {
    let session = cx.session;
    if ed
        .selected
        .as_ref()
        .is_none_or(|id| session.criterion(id).is_none())
    {
        ed.selected = session.criteria.first().map(|c| c.id.clone());
    }
    add_criterion_ui(ui, cx, ed);
    criteria_set_ui(ui, cx, ed);
    ui.separator();
    list_ui(ui, session, ed);
    let selected = ed.selected.as_ref().and_then(|id| session.criterion(id));
    if let Some(criterion) = selected {
        ui.separator();
        definition_ui(ui, cx, ed, criterion);
    }
    ui.separator();
    weights::weights_ui(ui, cx, &mut ed.weights);
}

fn add_criterion_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ed: &mut CriteriaEditor) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("New criterion");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut ed.new_name)
                    .hint_text("e.g. Annual savings")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        set_name(&response, || "New criterion name".to_owned());
        if std::mem::take(&mut ed.focus_new_name) {
            response.request_focus();
        }
        ui.radio_value(&mut ed.new_is_cost, false, "Benefit");
        ui.radio_value(&mut ed.new_is_cost, true, "Cost");
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let clicked = ui
            .add_enabled(
                !ed.new_name.trim().is_empty(),
                egui::Button::new("Add criterion"),
            )
            .clicked();
        if (entered || clicked) && !ed.new_name.trim().is_empty() {
            let name = ed.new_name.trim().to_owned();
            let direction = if ed.new_is_cost {
                Direction::Cost
            } else {
                Direction::Benefit
            };
            // The id the edit will give it, so the new criterion opens for editing.
            ed.selected = Some(cx.session.new_criterion_id(&name));
            cx.edit(Edit::AddCriterion(name, direction));
            cx.seal();
            ed.new_name.clear();
            // Keep typing: the next name goes straight into the same field.
            ed.focus_new_name = true;
        }
    });
}

/// "Start from a set": offered until the first score, since a set replaces every criterion.
fn criteria_set_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ed: &mut CriteriaEditor) {
    let scored = cx
        .session
        .options
        .iter()
        .any(|o| !o.scores.is_empty() || !o.rater_scores.is_empty());
    if scored {
        return;
    }
    let sets = CriteriaSet::shipped();
    let chosen = ed
        .set_choice
        .as_deref()
        .and_then(CriteriaSet::named)
        .unwrap_or(CriteriaSet::default_set());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Start from a set");
        let combo = egui::ComboBox::from_id_salt("criteria-set")
            .selected_text(&chosen.title)
            .show_ui(ui, |ui| {
                for set in sets {
                    ui.selectable_value(&mut ed.set_choice, Some(set.name.clone()), &set.title)
                        .on_hover_text(&set.description);
                }
            });
        combo.response.labelled_by(label.id);
        let replace = ui.button("Use these criteria").on_hover_text(format!(
            "Replaces the criteria with: {} (nothing is scored yet, so nothing is lost)",
            chosen
                .criteria
                .iter()
                .map(Criterion::name_with_unit)
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if replace.clicked() {
            cx.edit(Edit::UseCriteriaSet(chosen.name.clone()));
            cx.seal();
            ed.selected = None;
            ed.weights = weights::WeightsDraft::default();
        }
    });
}

fn list_ui(ui: &mut Ui, session: &Session, ed: &mut CriteriaEditor) {
    if session.criteria.is_empty() {
        ui.label("No criteria yet: add the first one above.");
        return;
    }
    let total: f64 = session.criteria.iter().map(|c| c.weight.max(0.0)).sum();
    ui.horizontal_wrapped(|ui| {
        for criterion in &session.criteria {
            let share = if total > 0.0 {
                100.0 * criterion.weight.max(0.0) / total
            } else {
                0.0
            };
            let chosen = ed.selected.as_ref() == Some(&criterion.id);
            let text = format!("{} · {share:.0} %", criterion.name_with_unit());
            let response = ui.selectable_label(chosen, text);
            set_name(&response, || format!("Edit criterion {}", criterion.name));
            if response.clicked() {
                ed.selected = Some(criterion.id.clone());
                ed.confirm_remove = None;
            }
        }
    });
}

/// A copy of `criterion` changed by `change`, as a [`Edit::SetCriterion`].
fn changed(criterion: &Criterion, change: impl FnOnce(&mut Criterion)) -> Edit {
    let mut new = criterion.clone();
    change(&mut new);
    Edit::SetCriterion(criterion.id.clone(), new)
}

fn definition_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ed: &mut CriteriaEditor, c: &Criterion) {
    let session = cx.session;
    let idx = session.criterion_idx(&c.id).unwrap_or(0);
    ui.label(RichText::new(c.name_with_unit()).strong());
    ui.horizontal_wrapped(|ui| {
        let name = &c.name;
        let up = ui.add_enabled(idx > 0, egui::Button::new("Move left"));
        set_name(&up, || format!("Move {name} left"));
        if up.clicked() {
            cx.edit(Edit::MoveCriterion(c.id.clone(), idx - 1));
        }
        let down = ui.add_enabled(
            idx + 1 < session.criteria.len(),
            egui::Button::new("Move right"),
        );
        set_name(&down, || format!("Move {name} right"));
        if down.clicked() {
            cx.edit(Edit::MoveCriterion(c.id.clone(), idx + 1));
        }
        let duplicate = ui
            .button("Duplicate")
            .on_hover_text("A copy with the same scale and scores, at weight 0");
        set_name(&duplicate, || format!("Duplicate {name}"));
        if duplicate.clicked() {
            ed.selected = Some(session.new_criterion_id(&format!("{name} (copy)")));
            ed.focus_name = true;
            cx.edit(Edit::DuplicateCriterion(c.id.clone()));
        }
        let remove = ui.button("Remove…");
        set_name(&remove, || format!("Remove {name}"));
        if remove.clicked() {
            ed.confirm_remove = Some(c.id.clone());
        }
    });
    if ed.confirm_remove.as_ref() == Some(&c.id) {
        confirm_remove_ui(ui, cx, ed, c);
    }
    egui::Grid::new("criterion-definition")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let name = super::fields::text_field(ui, cx, "Name", &c.name, false, |text| {
                changed(c, |n| n.name = text)
            });
            // Once the copy is the criterion shown, it takes the keyboard.
            if ed.focus_name && c.name.ends_with("(copy)") {
                name.request_focus();
                ed.focus_name = false;
            }
            ui.end_row();
            super::fields::text_field(ui, cx, "Description", &c.description, true, |text| {
                changed(c, |n| n.description = text)
            });
            ui.end_row();
            super::fields::text_field(ui, cx, "Unit", &c.unit, false, |text| {
                changed(c, |n| n.unit = text)
            })
            .on_hover_text("What the scores count, e.g. k$ / year, engineer-weeks, %");
            ui.end_row();
            ui.label("Direction");
            ui.horizontal_wrapped(|ui| {
                for (direction, text) in [
                    (Direction::Benefit, "Benefit: higher is better"),
                    (Direction::Cost, "Cost: lower is better"),
                ] {
                    if ui.radio(c.direction == direction, text).clicked()
                        && c.direction != direction
                    {
                        cx.edit(changed(c, |n| n.direction = direction));
                        cx.seal();
                    }
                }
            });
            ui.end_row();
            ui.label("Portfolio");
            let mut effort = c.measures_effort;
            let flag = ui.checkbox(&mut effort, "Measures effort").on_hover_text(
                "A portfolio counts effort once, as the person-weeks an option takes, so it \
                 leaves this criterion out of the option's value",
            );
            if flag.changed() {
                cx.edit(changed(c, |n| n.measures_effort = effort));
                cx.seal();
            }
            ui.end_row();
        });
    scale::scale_ui(ui, cx, &mut ed.scale, c);
}

fn confirm_remove_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ed: &mut CriteriaEditor, c: &Criterion) {
    let n = scores_on(cx.session, &c.id);
    let scores = match n {
        0 => "no scores".to_owned(),
        1 => "its 1 score".to_owned(),
        n => format!("its {n} scores"),
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(
            RichText::new(format!(
                "Remove “{}” and {scores}? Undo (Ctrl+Z) brings them back.",
                c.name
            ))
            .color(theme::palette(ui).warning),
        );
        ui.horizontal(|ui| {
            let confirm = if n == 0 {
                "Remove criterion".to_owned()
            } else {
                format!(
                    "Remove criterion and {n} {}",
                    if n == 1 { "score" } else { "scores" }
                )
            };
            if ui.button(confirm).clicked() {
                cx.edit(Edit::RemoveCriterion(c.id.clone()));
                cx.seal();
                ed.confirm_remove = None;
                ed.selected = None;
            }
            if ui.button("Keep it").clicked() {
                ed.confirm_remove = None;
            }
        });
    });
}

#[cfg(test)]
mod tests;
