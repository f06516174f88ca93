//! Presentation mode: the stepper shown instead of the editing chrome, and the style
//! (large type, high contrast) for the shared screen.

use super::command::Command;
use super::nav::Place;
use super::theme;

/// The bar at the top while presenting: previous / next through the six places and a way
/// out. Returns the command clicked, if any.
pub fn stepper_ui(ui: &mut egui::Ui, place: Place) -> Option<Command> {
    let mut picked = None;
    ui.horizontal(|ui| {
        let previous = ui.add_enabled(place != Place::Directive, egui::Button::new("Previous"));
        if previous.clicked() {
            picked = Some(Command::PreviousPlace);
        }
        for step in Place::ALL {
            if ui
                .add(egui::Button::selectable(step == place, step.label()))
                .clicked()
            {
                picked = Some(Command::GoTo(step));
            }
        }
        if ui
            .add_enabled(place != Place::Log, egui::Button::new("Next"))
            .clicked()
        {
            picked = Some(Command::NextPlace);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let summary = summary_shown(ui.ctx());
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
                show_summary(ui.ctx(), !summary);
            }
            ui.label(
                egui::RichText::new(format!("{} of {}", place.index() + 1, Place::ALL.len()))
                    .strong(),
            );
            if ui
                .button("Leave")
                .on_hover_text(Command::TogglePresentation.tooltip_with_shortcut(ui.ctx()))
                .clicked()
            {
                picked = Some(Command::TogglePresentation);
            }
        });
    });
    if picked.is_some() {
        show_summary(ui.ctx(), false);
    }
    picked
}

fn summary_key() -> egui::Id {
    egui::Id::unique("verdict-summary-slide")
}

/// True while the summary slide is shown instead of the current place.
pub fn summary_shown(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp(summary_key())).unwrap_or(false)
}

/// Shows or hides the summary slide.
pub fn show_summary(ctx: &egui::Context, shown: bool) {
    ctx.data_mut(|d| d.insert_temp(summary_key(), shown));
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
        let (text, background) = if dark {
            (egui::Color32::WHITE, egui::Color32::BLACK)
        } else {
            (egui::Color32::BLACK, egui::Color32::WHITE)
        };
        visuals.override_text_color = Some(text);
        visuals.panel_fill = background;
        visuals.window_fill = background;
        visuals.extreme_bg_color = background;
        visuals.selection.bg_fill = theme::ACCENT;
    }
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
                FontId::new(body * 0.75, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(body, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(body, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(body * 0.9, FontFamily::Monospace),
            ),
            (
                TextStyle::Heading,
                FontId::new(body * 1.6, FontFamily::Proportional),
            ),
        ]
        .into();
    });
    ctx.set_zoom_factor(zoom);
}
