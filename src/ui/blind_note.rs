//! What the screen shows where blind scoring hides something: one plain sentence and the
//! control that reveals it, the same in the Matrix and on the places that show results.

use crate::model::{RaterId, Session};
use egui::{RichText, Ui};

/// The sentence that stands where a hidden number or chart would be.
pub const HIDDEN: &str = "Hidden while raters score blind — Reveal to show";

/// Draws the sentence and a "Reveal" button; true when Reveal was clicked.
pub fn blind_line_ui(ui: &mut Ui) -> bool {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(HIDDEN).strong());
        ui.button("Reveal")
            .on_hover_text("End blind scoring: every rater's scores and every result show again")
            .clicked()
    })
    .inner
}

/// Draws the sentence and its Reveal button, then who is scoring blind and what it hides;
/// true when Reveal was clicked. `what` names the hidden things ("the recommendation").
pub fn blind_note_ui(ui: &mut Ui, session: &Session, rater: &RaterId, what: &str) -> bool {
    let reveal = blind_line_ui(ui);
    ui.label(
        RichText::new(format!(
            "{} is scoring blind: {what} stay hidden until revealed, so nobody's scores are \
             swayed by anyone else's.",
            session.rater_name(rater)
        ))
        .weak(),
    );
    reveal
}
