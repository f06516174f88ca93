//! Rows that keep inside the window: how much width a field may take so that the controls
//! after it on its row still fit, and how wide a run of buttons is.
//!
//! egui lays a row out left to right and never wraps a `horizontal` one, so a field that
//! takes all the available width pushes whatever follows it past the right edge. A field
//! asks [`field_width`] instead, or is drawn by [`FieldRow::field`] (which measures what
//! follows it) or inside [`leaving`], with the width of what follows it reserved.

use super::theme;
use egui::{Id, TextStyle, TextWrapMode, Ui, WidgetText};

/// The width from the cursor to the right edge of what can be seen of `ui`: its available
/// width, but never past its clip rectangle, nor under the scroll bar that floats over the
/// right edge of a scroll area.
pub fn room(ui: &Ui) -> f32 {
    let scroll = &ui.spacing().scroll;
    let visible = ui.clip_rect().right().min(ui.max_rect().right());
    let edge = visible - scroll.bar_inner_margin - scroll.bar_width - scroll.bar_outer_margin;
    ui.available_width().min(edge - ui.cursor().left()).max(0.0)
}

/// A row whose text field takes the width the controls after it leave. What they take is
/// measured every frame and reserved on the next, so the field makes room for whatever
/// follows it, whatever the font or the labels; the first frame reserves a guess.
///
/// ```text
/// ui.horizontal(|ui| {
///     let guess = fit::buttons_width(ui, &["Remove"]);
///     let (row, _) = FieldRow::field(ui, guess, |ui| text_input(..));
///     ui.small_button("Remove");
///     row.end(ui);
/// });
/// ```
#[must_use = "call `end` once the row's last control is drawn"]
pub struct FieldRow {
    id: Id,
    field_right: f32,
}

impl FieldRow {
    /// Draws the row's field with `add`, leaving what the rest of the row took last frame
    /// (`guess` on the first).
    pub fn field<R>(ui: &mut Ui, guess: f32, add: impl FnOnce(&mut Ui) -> R) -> (Self, R) {
        let id = ui.unique_id().with("fit-field-row");
        let reserve = ui.data(|d| d.get_temp::<f32>(id)).unwrap_or(guess);
        let inner = leaving(ui, reserve, add);
        let row = Self {
            id,
            field_right: ui.min_rect().right(),
        };
        (row, inner)
    }

    /// Measures what was drawn after the field, for the next frame.
    pub fn end(self, ui: &mut Ui) {
        let after = (ui.min_rect().right() - self.field_right).max(0.0);
        ui.data_mut(|d| d.insert_temp(self.id, after));
    }
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

    /// Draws `add` in a central panel of a window `width` wide, `frames` times; returns
    /// what the last frame returned.
    fn frames<R>(width: f32, frames: usize, mut add: impl FnMut(&mut Ui) -> R) -> R {
        let ctx = egui::Context::default();
        let mut result = None;
        for _ in 0..frames {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(width, 400.0),
                )),
                ..Default::default()
            };
            let mut output = ctx.run_ui(input, |ui| {
                egui::CentralPanel::default().show(ui, |ui| result = Some(add(ui)));
            });
            // No painter here takes the font atlas; let it go.
            output.textures_delta.clear();
        }
        result.expect("the panel was drawn")
    }

    /// Draws `add` once (egui may run a frame's passes twice; the first one counts).
    fn in_a_panel<R>(width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
        let mut add = Some(add);
        let mut out = None;
        frames(width, 1, |ui| {
            if let Some(add) = add.take() {
                out = Some(add(ui));
            }
        });
        out.expect("drawn once")
    }

    /// A row of a field that wants all the room, then a wide button; returns the panel's
    /// right edge and the button's.
    fn field_then_button(ui: &mut Ui) -> (f32, f32) {
        let edge = ui.clip_rect().right();
        let button = ui
            .horizontal(|ui| {
                let (row, ()) = FieldRow::field(ui, 0.0, |ui| {
                    let mut text = String::from("a field");
                    let width = field_width(ui, 0.0);
                    ui.add(egui::TextEdit::singleline(&mut text).desired_width(width));
                });
                let button = ui.button("A button with a long label after the field");
                row.end(ui);
                button.rect.right()
            })
            .inner;
        (edge, button)
    }

    #[test]
    fn a_field_row_makes_room_for_what_followed_its_field_last_frame() {
        let (edge, first) = frames(700.0, 1, field_then_button);
        assert!(
            first > edge,
            "the first frame guessed nothing: {first} within {edge}"
        );
        let (edge, later) = frames(700.0, 2, field_then_button);
        assert!(later <= edge, "the button ends at {later}, past {edge}");
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
    fn a_field_in_a_scroll_area_stops_short_of_its_scroll_bar() {
        let (edge, right) = frames(600.0, 3, |ui| {
            egui::ScrollArea::vertical()
                .show(ui, |ui| {
                    let mut text = String::from("a field");
                    let width = field_width(ui, 0.0);
                    let field = ui.add(egui::TextEdit::singleline(&mut text).desired_width(width));
                    (ui.clip_rect().right(), field.rect.right())
                })
                .inner
        });
        let bar = egui::Style::default().spacing.scroll.bar_width;
        assert!(
            right <= edge - bar,
            "the field ends at {right}, under the bar at {edge}"
        );
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
