//! The six places of the decision flow and the side navigation between them.

use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use serde::{Deserialize, Serialize};

/// One stage of the flow, shown as one place in the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    /// The ask as it was given.
    #[default]
    Directive,
    /// What the problem really is.
    Framing,
    /// The options, grouped by lens.
    Menu,
    /// Options × criteria scores.
    Matrix,
    /// Ranking, robustness and the outcome.
    Decide,
    /// The decision log and the summary to share.
    Log,
}

impl Place {
    /// Every place, in flow order (Ctrl+1 … Ctrl+6).
    pub const ALL: [Place; 6] = [
        Place::Directive,
        Place::Framing,
        Place::Menu,
        Place::Matrix,
        Place::Decide,
        Place::Log,
    ];

    /// The name shown in the navigation.
    pub fn label(self) -> &'static str {
        match self {
            Place::Directive => "Directive",
            Place::Framing => "Framing",
            Place::Menu => "Menu",
            Place::Matrix => "Matrix",
            Place::Decide => "Decide",
            Place::Log => "Log & share",
        }
    }

    /// What the place is for, one line.
    pub fn purpose(self) -> &'static str {
        match self {
            Place::Directive => "The ask as it was given, who gave it and why",
            Place::Framing => "Problem, metrics, constraints and the questions to answer first",
            Place::Menu => "Every kind of answer, grouped by lens",
            Place::Matrix => "Score every option on every criterion",
            Place::Decide => "Ranking, robustness, kill criteria and the outcome",
            Place::Log => "The decision log and the summary to share",
        }
    }

    /// Position in [`Place::ALL`].
    pub fn index(self) -> usize {
        Place::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The next place, staying on the last one.
    pub fn next(self) -> Place {
        Place::ALL[(self.index() + 1).min(Place::ALL.len() - 1)]
    }

    /// The previous place, staying on the first one.
    pub fn previous(self) -> Place {
        Place::ALL[self.index().saturating_sub(1)]
    }
}

/// Draws the side navigation; a click asks to go to that place.
pub fn nav_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
    let current = cx.chrome.place;
    let unanswered = cx.session.framing.unanswered().count();
    ui.add_space(theme::SPACE_S);
    for place in Place::ALL {
        let command = Command::GoTo(place);
        let mut text = format!("{}  {}", place.index() + 1, place.label());
        if place == Place::Framing && unanswered > 0 {
            text.push_str(&format!("  ({unanswered} open)"));
        }
        let response = ui
            .add_sized(
                [ui.available_width(), theme::NAV_ROW_HEIGHT],
                egui::Button::selectable(place == current, text),
            )
            .on_hover_text(command.tooltip_with_shortcut(ui.ctx()));
        if response.clicked() {
            cx.command(command);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_stops_at_both_ends_of_the_flow() {
        assert_eq!(Place::Directive.previous(), Place::Directive);
        assert_eq!(Place::Directive.next(), Place::Framing);
        assert_eq!(Place::Log.next(), Place::Log);
        assert_eq!(Place::Log.previous(), Place::Decide);
    }
}
