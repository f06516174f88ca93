//! Presentation mode: the stepper shown instead of the editing chrome, and the style
//! (large type, high contrast) for the shared screen.

use crate::ui::command::Command;
use crate::ui::nav::Place;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// The bar at the top while presenting: previous / next through the six places and a way
/// out.
pub fn stepper_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
    let place = cx.chrome.place;
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        if Command::PreviousPlace.button(
            ui,
            &Command::PreviousPlace.label(),
            place != Place::Directive,
        ) {
            picked = Some(Command::PreviousPlace);
        }
        for step in Place::ALL {
            let command = Command::GoTo(step);
            if ui
                .add(egui::Button::selectable(step == place, command.label()))
                .on_hover_text(command.tooltip_with_shortcut(ui.ctx()))
                .clicked()
            {
                picked = Some(command);
            }
        }
        if Command::NextPlace.button(ui, &Command::NextPlace.label(), place != Place::Log) {
            picked = Some(Command::NextPlace);
        }
        // After the places, in reading order; the row wraps on a narrow screen instead of
        // drawing these over the place buttons.
        ui.separator();
        let summary = summary_shown(ui.ctx(), place);
        let toggle = if summary {
            "Back to the places"
        } else {
            "Summary slide"
        };
        if ui
            .add(egui::Button::selectable(summary, toggle))
            .on_hover_text("The whole decision on one slide")
            .clicked()
        {
            show_summary(ui.ctx(), (!summary).then_some(place));
        }
        // Whole: on a narrow screen "3 of 6" moves to the next line rather than splitting.
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!("{} of {}", place.index() + 1, Place::ALL.len()))
                    .strong(),
            )
            .extend(),
        );
        let leave = Command::TogglePresentation;
        if leave.button(ui, "Leave", true) {
            picked = Some(leave);
        }
    });
    if let Some(command) = picked {
        cx.command(command);
    }
}

fn summary_key() -> egui::Id {
    egui::Id::unique("verdict-summary-slide")
}

/// True while the summary slide is shown instead of `place`. The slide belongs to the place
/// it was opened on, so stepping to another place (by click, key or clicker) leaves it.
pub fn summary_shown(ctx: &egui::Context, place: Place) -> bool {
    ctx.data(|d| d.get_temp::<Option<Place>>(summary_key()))
        .flatten()
        == Some(place)
}

/// Shows the summary slide over `place`, or hides it with `None`.
pub fn show_summary(ctx: &egui::Context, over: Option<Place>) {
    ctx.data_mut(|d| d.insert_temp(summary_key(), over));
}

/// The look of the whole window for a theme, a zoom and whether it is being presented.
/// Everything is derived from these three, so leaving presentation restores the rest.
pub fn apply_style(ctx: &egui::Context, dark: bool, zoom: f32, presenting: bool) {
    let theme_choice = if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    ctx.set_theme(theme_choice);
    let mut visuals = theme_choice.default_visuals();
    if presenting {
        let palette = theme::palette_for(dark);
        let (text, background) = (palette.presenting_text, palette.presenting_background);
        visuals.override_text_color = Some(text);
        visuals.panel_fill = background;
        visuals.window_fill = background;
        visuals.extreme_bg_color = background;
        visuals.selection.bg_fill = palette.accent;
    }
    // A steady cursor: a blinking one would wake the window twice a second while a field
    // waits for typing, and an idle window uses no processor time.
    visuals.text_cursor.blink = false;
    ctx.set_visuals(visuals);
    let body = if presenting {
        theme::PRESENTING_BODY_SIZE
    } else {
        theme::BODY_SIZE
    };
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(body * theme::SMALL_SCALE, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(body, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(body, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(body * theme::MONOSPACE_SCALE, FontFamily::Monospace),
            ),
            (
                TextStyle::Heading,
                FontId::new(body * theme::HEADING_SCALE, FontFamily::Proportional),
            ),
        ]
        .into();
    });
    ctx.set_zoom_factor(zoom);
}
