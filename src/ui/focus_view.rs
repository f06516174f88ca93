//! Keeps the widget with the keyboard on screen: egui gives focus to a widget below the fold
//! without scrolling to it, so a person tabbing down a long place would type out of sight.

use egui::{Id, Rect, Ui};

/// Draws `add` (the content of a scroll area) and, when the keyboard has just moved to a
/// widget of that content that lies outside the visible part, scrolls it into view.
pub fn keep_focus_in_view<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    let key = ui.scope_id().with("focus-in-view");
    let focused = ui.ctx().memory(|m| m.focused());
    let (last_focused, content) = ui
        .data(|d| d.get_temp::<(Option<Id>, Option<Rect>)>(key))
        .unwrap_or_default();
    let quiet = ui.data(|d| d.get_temp::<Id>(Id::unique(QUIET)));
    if let (Some(id), Some(content)) = (focused, content)
        && last_focused != Some(id)
        && quiet != Some(id)
        && let Some(widget) = ui.ctx().read_response(id)
        && content.contains_rect(widget.rect)
        && !ui.clip_rect().contains_rect(widget.rect)
    {
        ui.scroll_to_rect(widget.rect.expand(crate::ui::theme::SPACE_XL), None);
    }
    let inner = add(ui);
    let content = ui.min_rect();
    ui.data_mut(|d| d.insert_temp(key, (focused, Some(content))));
    inner
}

/// Where the widget that was given the keyboard without scrolling to it is remembered.
const QUIET: &str = "focus-in-view-quiet";

/// Gives `response`'s widget the keyboard without scrolling to it: a place just opened
/// starts at its top.
pub fn leave_scroll_alone(response: &egui::Response) {
    response
        .ctx
        .data_mut(|d| d.insert_temp(Id::unique(QUIET), response.id));
}

/// Scrolls the scroll area `ui` is the content of with the keyboard: the arrows by a line,
/// Page Up/Down by most of `page`, Home and End to either end.
pub fn scroll_with_keys(ui: &mut egui::Ui, page: f32) {
    use egui::Key;
    let line = ui.text_style_height(&egui::TextStyle::Body) * 2.0;
    let far = 1.0e6;
    let delta = ui.input(|i| {
        [
            (Key::ArrowDown, -line),
            (Key::ArrowUp, line),
            (Key::PageDown, -page * 0.9),
            (Key::PageUp, page * 0.9),
            (Key::End, -far),
            (Key::Home, far),
        ]
        .into_iter()
        .filter(|(key, _)| i.key_pressed(*key))
        .map(|(_, delta)| delta)
        .sum::<f32>()
    });
    if delta != 0.0 {
        ui.scroll_with_delta(egui::vec2(0.0, delta));
    }
}

/// While presenting, with no text field at work, the keys of [`scroll_with_keys`] scroll the
/// place or slide `ui` is the content of (Page Up / Down step places instead, taken earlier).
pub fn scroll_while_presenting(ui: &mut Ui, presenting: bool, page: f32) {
    if presenting && !ui.ctx().text_edit_focused() {
        scroll_with_keys(ui, page);
    }
}
