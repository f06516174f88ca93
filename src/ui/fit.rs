//! Rows that keep inside the window: how much width a field may take so that the controls
//! after it on its row still fit, and how wide a run of buttons is.
//!
//! egui lays a row out left to right and never wraps a `horizontal` one, so a field that
//! takes all the available width pushes whatever follows it past the right edge. A field
//! asks [`field_width`] instead, or is drawn inside [`leaving`], with the width of what
//! follows it reserved.

use super::theme;
use egui::{TextStyle, TextWrapMode, Ui, WidgetText};

/// The width from the cursor to the right edge of what can be seen of `ui`: its available
/// width, but never past its clip rectangle (a grid cell's available width is unbounded).
pub fn room(ui: &Ui) -> f32 {
    let to_edge = ui.clip_rect().right() - ui.cursor().left();
    ui.available_width().min(to_edge).max(0.0)
}

/// The width a text field may take with `reserve` points left on its row after it: never
/// below [`theme::FIELD_MIN_WIDTH`] (it stays usable) nor above [`theme::FIELD_MAX_WIDTH`].
pub fn field_width(ui: &Ui, reserve: f32) -> f32 {
    (room(ui) - reserve).clamp(theme::FIELD_MIN_WIDTH, theme::FIELD_MAX_WIDTH)
}

/// Draws `add` in a scope whose width leaves `reserve` points on the row after it, so a
/// field inside that takes the available width shrinks instead of pushing the rest out.
pub fn leaving<R>(ui: &mut Ui, reserve: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let width = (room(ui) - reserve).max(theme::FIELD_MIN_WIDTH);
    ui.scope(|ui| {
        ui.set_max_width(width);
        add(ui)
    })
    .inner
}

/// The width buttons labelled `labels` take side by side on a row, with the spacing before
/// each of them.
pub fn buttons_width(ui: &Ui, labels: &[&str]) -> f32 {
    let padding = 2.0 * ui.spacing().button_padding.x;
    labels
        .iter()
        .map(|label| text_width(ui, label, TextStyle::Button) + padding)
        .sum::<f32>()
        + gaps(ui, labels.len())
}

/// The width plain labels reading `labels` take side by side on a row, with the spacing
/// before each of them.
pub fn labels_width(ui: &Ui, labels: &[&str]) -> f32 {
    labels
        .iter()
        .map(|label| text_width(ui, label, TextStyle::Body))
        .sum::<f32>()
        + gaps(ui, labels.len())
}

/// The width of a slider with its value beside it, and the spacing before it.
pub fn slider_width(ui: &Ui) -> f32 {
    let spacing = ui.spacing();
    spacing.slider_width + spacing.interact_size.x + 2.0 * spacing.item_spacing.x
}

fn gaps(ui: &Ui, n: usize) -> f32 {
    n as f32 * ui.spacing().item_spacing.x
}

fn text_width(ui: &Ui, text: &str, style: TextStyle) -> f32 {
    WidgetText::from(text)
        .into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, style)
        .size()
        .x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_a_panel<R>(width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
        let ctx = egui::Context::default();
        let mut result = None;
        let mut add = Some(add);
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(width, 400.0),
            )),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            if let Some(add) = add.take() {
                egui::CentralPanel::default().show(ui, |ui| result = Some(add(ui)));
            }
        });
        // No painter here takes the font atlas; let it go.
        output.textures_delta.clear();
        result.expect("the panel was drawn")
    }

    #[test]
    fn a_field_leaves_the_room_its_row_reserves() {
        let (room, width) = in_a_panel(800.0, |ui| (room(ui), field_width(ui, 300.0)));
        assert!(room > 700.0 && room <= 800.0, "room {room}");
        assert_eq!(width, room - 300.0);
    }

    #[test]
    fn a_field_keeps_its_minimum_when_the_row_is_full() {
        let width = in_a_panel(300.0, |ui| field_width(ui, 500.0));
        assert_eq!(width, theme::FIELD_MIN_WIDTH);
    }

    #[test]
    fn a_field_stops_growing_at_its_maximum() {
        let width = in_a_panel(3000.0, |ui| field_width(ui, 0.0));
        assert_eq!(width, theme::FIELD_MAX_WIDTH);
    }

    #[test]
    fn a_grid_cell_has_room_only_to_the_visible_edge() {
        let room = in_a_panel(600.0, |ui| {
            egui::Grid::new("g")
                .show(ui, |ui| {
                    ui.label("A label");
                    room(ui)
                })
                .inner
        });
        assert!(room < 600.0, "room {room}");
    }

    #[test]
    fn a_label_is_narrower_than_a_button_reading_the_same() {
        let (label, button) = in_a_panel(600.0, |ui| {
            (
                labels_width(ui, &["Remove"]),
                buttons_width(ui, &["Remove"]),
            )
        });
        assert!(label > 0.0 && button > label, "{label} {button}");
    }

    #[test]
    fn longer_labels_make_wider_buttons() {
        let (short, long) = in_a_panel(600.0, |ui| {
            (
                buttons_width(ui, &["Up"]),
                buttons_width(ui, &["Up", "Duplicate"]),
            )
        });
        assert!(short > 0.0 && long > short, "{short} {long}");
    }
}
