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

/// The keys of fields and lists, for the shortcut sheet: what is pressed, and what it does.
pub const FIELD_KEYS: [(&str, &str); 7] = [
    (
        "Tab  /  Shift+Tab",
        "Next / previous control; from nowhere, the place's first field",
    ),
    (
        "Enter",
        "In a list item: start the next item; in a \"New …\" field: add it",
    ),
    ("Shift+Enter", "In a list item: break the line"),
    ("Backspace", "In an empty list item: remove it"),
    (
        "Up  /  Down",
        "On a drop-down list: the previous / next choice",
    ),
    (
        "Space",
        "Press the button or tick the box with the keyboard",
    ),
    (
        "Ctrl+Z  /  Ctrl+Shift+Z",
        "Undo / redo the last change to the session, in a field too \
         (a \"New …\" field undoes its own typing)",
    ),
];

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
    let id = ui.next_auto_id();
    session_undo_keys(ui, cx, id);
    let response = ui
        .add(widget.id(id).desired_width(width))
        .labelled_by(label_id);
    cx.focus_on_arrival(&response);
    if response.changed() {
        cx.edit(edit(text));
    }
    cx.seal_after(&response);
    response
}

/// What a key pressed in a list item asks of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKey {
    /// Nothing.
    None,
    /// Enter: start a new item after this one.
    Next,
    /// Backspace in an empty item: remove it.
    RemoveEmpty,
}

/// One item of a bulleted list (problem statements, metrics, assumptions…): a field that
/// wraps and grows with its text. Enter asks for the next item, Shift+Enter breaks the
/// line, Backspace in an empty item asks for it to go; `focus` gives it the keyboard with
/// the cursor at the end.
pub fn list_item_input(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    label_id: egui::Id,
    value: &str,
    focus: bool,
    edit: impl FnOnce(String) -> Edit,
) -> (egui::Response, ListKey) {
    let id = ui.scope_id().with("list-item");
    let mut key = ListKey::None;
    if ui.memory(|m| m.has_focus(id)) {
        if take_key(ui, egui::Key::Enter) {
            key = ListKey::Next;
        } else if value.is_empty() && take_key(ui, egui::Key::Backspace) {
            key = ListKey::RemoveEmpty;
        }
    }
    session_undo_keys(ui, cx, id);
    if focus {
        put_cursor_at_end(ui.ctx(), id, value);
    }
    let mut text = value.to_owned();
    let width = crate::ui::fit::field_width(ui, 0.0);
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id(id)
                .desired_rows(1)
                .desired_width(width)
                .return_key(egui::KeyboardShortcut::new(
                    egui::Modifiers::SHIFT,
                    egui::Key::Enter,
                )),
        )
        .labelled_by(label_id);
    if focus {
        response.request_focus();
    } else {
        cx.focus_on_arrival(&response);
    }
    if response.changed() {
        cx.edit(edit(text));
    }
    if response.lost_focus() || key != ListKey::None {
        cx.seal();
    }
    (response, key)
}

/// In a field bound to the session, Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo the
/// session, this field's typing included: one history, and an emptied field is never
/// written back as a new change that throws the redo away.
fn session_undo_keys(ui: &egui::Ui, cx: &mut ViewCtx<'_>, id: egui::Id) {
    use crate::ui::command::Command;
    if !ui.memory(|m| m.has_focus(id)) {
        return;
    }
    // The keys of the commands themselves; Redo first, since Ctrl+Z also matches Ctrl+Shift+Z.
    for command in [Command::Redo, Command::Undo] {
        let pressed = command
            .spec()
            .shortcuts
            .iter()
            .any(|shortcut| ui.input_mut(|i| i.consume_shortcut(&shortcut.keys)));
        if pressed {
            cx.command(command);
            return;
        }
    }
}

/// Takes a press of `key` with no modifiers out of this frame's input; true if there was one.
pub fn take_key(ui: &egui::Ui, key: egui::Key) -> bool {
    ui.input_mut(|input| {
        let before = input.events.len();
        input.events.retain(|event| {
            !matches!(
                event,
                egui::Event::Key { key: k, pressed: true, modifiers, .. }
                    if *k == key && modifiers.is_none()
            )
        });
        input.events.len() != before
    })
}

/// Puts the cursor of the text field `id` after the last character of `text`.
fn put_cursor_at_end(ctx: &egui::Context, id: egui::Id, text: &str) {
    let end = egui::text::CCursor::new(text.chars().count());
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(end)));
    egui::TextEdit::store_state(ctx, id, state);
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
    date_input(ui, cx, label.id, value, None, edit)
}

/// Like [`date_field`], for a cell of a two-column grid: the field and what is said about
/// it (a refused date, or `note`, e.g. "before the day it was received") share the second
/// column, the words wrapping under the field when the row is narrow.
pub fn date_field_noted(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    label: &str,
    value: Option<NaiveDate>,
    note: Option<String>,
    edit: impl FnOnce(Option<NaiveDate>) -> Edit,
) -> egui::Response {
    let label = ui.label(label);
    // The field and what is said about it share one cell of a grid, wrapping when narrow.
    ui.horizontal_wrapped(|ui| date_input(ui, cx, label.id, value, note, edit))
        .inner
}

/// A warning beside a field, kept whole: in a wrapping row it moves to the next line
/// rather than breaking a letter a line.
fn warning(ui: &mut egui::Ui, text: String) {
    let color = theme::palette(ui).warning;
    ui.add(
        egui::Label::new(egui::RichText::new(text).color(color))
            .wrap_mode(egui::TextWrapMode::Extend),
    );
}

fn date_input(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    label_id: egui::Id,
    value: Option<NaiveDate>,
    note: Option<String>,
    edit: impl FnOnce(Option<NaiveDate>) -> Edit,
) -> egui::Response {
    let shown = value.map(|d| d.to_string()).unwrap_or_default();
    let draft_id = label_id.with("draft");
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| shown.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("YYYY-MM-DD")
                .desired_width(120.0),
        )
        .labelled_by(label_id);
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
        warning(ui, kept);
    } else if let Some(note) = note {
        warning(ui, note);
    }
    response
}

/// Lets the up and down arrow keys step a closed drop-down list (`response`, while it has
/// the keyboard) through `choices`, as a desktop drop-down does; true when `value` changed.
pub fn step_with_arrows<T: PartialEq + Clone>(
    ui: &egui::Ui,
    response: &egui::Response,
    value: &mut T,
    choices: &[T],
) -> bool {
    if !response.has_focus() || choices.is_empty() {
        return false;
    }
    // The arrows are the list's while it has the keyboard, not focus moves.
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                vertical_arrows: true,
                ..Default::default()
            },
        );
    });
    let down = take_key(ui, egui::Key::ArrowDown);
    let up = take_key(ui, egui::Key::ArrowUp);
    let at = choices.iter().position(|c| c == value);
    let to = match (down, up, at) {
        (true, false, Some(i)) => (i + 1).min(choices.len() - 1),
        (false, true, Some(i)) => i.saturating_sub(1),
        (true, false, None) | (false, true, None) => 0,
        _ => return false,
    };
    if at == Some(to) {
        return false;
    }
    *value = choices[to].clone();
    true
}
