//! Labelled input widgets shared by the editing places.
//!
//! Every field gets an accessible name from the label drawn beside it (`labelled_by`), emits
//! an [`Edit`] when its value changes, and ends the undo step when it loses focus, so a
//! stretch of typing is one undo step.

use crate::document::Edit;
use crate::model::parse_date;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use chrono::NaiveDate;

/// A label and a text field bound to `value`; `edit` turns the new text into an edit.
/// Use inside a two-column [`egui::Grid`] or a horizontal layout.
pub fn text_field(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    label: &str,
    value: &str,
    multiline: bool,
    edit: impl FnOnce(String) -> Edit,
) -> egui::Response {
    let label = ui.label(label);
    text_input(ui, cx, label.id, value, multiline, edit)
}

/// A text field named by the widget `label_id` (a label drawn elsewhere, e.g. a question).
pub fn text_input(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    label_id: egui::Id,
    value: &str,
    multiline: bool,
    edit: impl FnOnce(String) -> Edit,
) -> egui::Response {
    let mut text = value.to_owned();
    let width = crate::ui::fit::field_width(ui, 0.0);
    let widget = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui.add(widget.desired_width(width)).labelled_by(label_id);
    if response.changed() {
        cx.edit(edit(text));
    }
    cx.seal_after(&response);
    response
}

/// A label and a `YYYY-MM-DD` field for an optional date; an empty field clears it.
///
/// The date is taken when the field is left (Enter, Tab or a click elsewhere), never while
/// typing, so a half-typed "2026-06-3" on the way to "2026-06-31" is never stored. Text that is
/// not a date stays in the field, marked, and the document keeps its date until it is fixed.
pub fn date_field(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    label: &str,
    value: Option<NaiveDate>,
    edit: impl FnOnce(Option<NaiveDate>) -> Edit,
) -> egui::Response {
    let label = ui.label(label);
    let shown = value.map(|d| d.to_string()).unwrap_or_default();
    let draft_id = label.id.with("draft");
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| shown.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("YYYY-MM-DD")
                .desired_width(120.0),
        )
        .labelled_by(label.id);
    let parsed = if text.trim().is_empty() {
        Some(None)
    } else {
        parse_date(&text).ok().map(Some)
    };
    if response.lost_focus()
        && let Some(date) = parsed
        && date != value
    {
        cx.edit(edit(date));
        cx.seal();
    }
    let keep_draft = response.has_focus() || (parsed.is_none() && text != shown);
    if keep_draft {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    if parsed.is_none() && !response.has_focus() {
        let kept = if shown.is_empty() {
            "not a date (YYYY-MM-DD): nothing saved".to_owned()
        } else {
            format!("not a date (YYYY-MM-DD): still {shown}")
        };
        ui.colored_label(theme::palette(ui).warning, kept);
    }
    response
}
