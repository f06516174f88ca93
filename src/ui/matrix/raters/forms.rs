//! The rater forms: add a rater, or rename one and change their role, or remove them
//! with all their scores.

use super::{RaterForm, RaterState};
use crate::document::Edit;
use crate::model::RaterId;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{RichText, Ui};

/// "Edit rater…": rename the rater on view, change their role, or remove them with all
/// their scores (after a second, confirming click; Ctrl+Z brings them back).
pub(super) fn edit_rater_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    state: &mut RaterState,
    id: &RaterId,
) {
    let Some(rater) = cx.session.rater(id) else {
        return;
    };
    let form = match &mut state.edit_form {
        Some(form) if &form.id == id => form,
        _ => {
            state.edit_form = None;
            if ui
                .button("Edit rater…")
                .on_hover_text(format!(
                    "Rename {} or remove them and their scores",
                    rater.name
                ))
                .clicked()
            {
                state.edit_form = Some(RaterForm {
                    id: id.clone(),
                    name: rater.name.clone(),
                    role: rater.role.clone(),
                    confirm_remove: false,
                });
                state.focus_first_field = true;
            }
            return;
        }
    };
    let focus = &mut state.focus_first_field;
    let (enter, escape) =
        name_and_role_ui(ui, cx, focus, &mut form.name, &mut form.role, "Rater's");
    let (name, role) = (form.name.trim(), form.role.trim());
    let changed = name != rater.name || role != rater.role;
    let ready = !name.is_empty() && changed;
    let save = ui.add_enabled(ready, egui::Button::new("Save"));
    if save.clicked() || (enter && ready) {
        cx.edit(Edit::SetRater(id.clone(), name.to_owned(), role.to_owned()));
        cx.seal();
        state.edit_form = None;
        return;
    }
    if form.confirm_remove {
        let scores: usize = cx
            .session
            .options
            .iter()
            .filter_map(|o| o.rater_scores.get(id))
            .map(|scores| scores.len())
            .sum();
        let plural = if scores == 1 { "" } else { "s" };
        let confirm = egui::Button::new(
            RichText::new(format!("Remove {} and {scores} score{plural}", rater.name))
                .color(theme::palette(ui).kill),
        );
        if ui.add(confirm).clicked() {
            cx.edit(Edit::RemoveRater(id.clone()));
            cx.seal();
            state.edit_form = None;
            return;
        }
    } else if ui
        .button("Remove…")
        .on_hover_text("Remove this rater and every score they gave")
        .clicked()
    {
        form.confirm_remove = true;
    }
    if ui.button("Cancel").clicked() || escape {
        state.edit_form = None;
    }
}

/// A rater form's name and role fields, named "`whose` name" and "`whose` role"; the
/// name takes the focus when the form has just opened. Returns whether Enter or Escape
/// ended the editing of either field this frame.
fn name_and_role_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    focus_name: &mut bool,
    name: &mut String,
    role: &mut String,
    whose: &str,
) -> (bool, bool) {
    let name_field = ui.add(
        egui::TextEdit::singleline(name)
            .hint_text("name")
            .desired_width(90.0),
    );
    crate::ui::matrix::cells::name_widget(&name_field, || format!("{whose} name"));
    if std::mem::take(focus_name) {
        cx.focus(name_field.id);
    }
    let role_field = ui.add(
        egui::TextEdit::singleline(role)
            .hint_text("role (optional)")
            .desired_width(90.0),
    );
    crate::ui::matrix::cells::name_widget(&role_field, || format!("{whose} role"));
    if !(name_field.lost_focus() || role_field.lost_focus()) {
        return (false, false);
    }
    ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
        )
    })
}

pub(super) fn add_rater_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut RaterState) {
    let Some((name, role)) = &mut state.form else {
        if ui.button("Add rater…").clicked() {
            state.form = Some((String::new(), String::new()));
            state.focus_first_field = true;
        }
        return;
    };
    let focus = &mut state.focus_first_field;
    let (enter, escape) = name_and_role_ui(ui, cx, focus, name, role, "New rater's");
    let ready = !name.trim().is_empty();
    if ui.add_enabled(ready, egui::Button::new("Add")).clicked() || (enter && ready) {
        cx.edit(Edit::AddRater(
            name.trim().to_owned(),
            role.trim().to_owned(),
        ));
        cx.seal();
        state.form = None;
    } else if ui.button("Cancel").clicked() || escape {
        state.form = None;
    }
}
