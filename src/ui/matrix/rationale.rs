//! The small window in which the rationale of one matrix cell is written: the argument
//! someone in the room can challenge.

use super::cells::Slot;
use crate::model::{CriterionId, OptionId, RaterId};
use crate::ui::view_ctx::ViewCtx;
use egui::{RichText, Ui};

/// The cell whose rationale is being written, and the text as typed so far.
#[derive(Debug)]
pub(super) struct RationaleEditor {
    option: OptionId,
    criterion: CriterionId,
    /// Whose score: `None` for the shared one.
    rater: Option<RaterId>,
    text: String,
    /// Where to put the window on its first frame (next to the cell that opened it).
    place_at: Option<egui::Pos2>,
    /// True until the text field has been given the keyboard.
    focus_pending: bool,
}

impl RationaleEditor {
    /// Starts editing the rationale of one cell (one rater's, or the shared one) from its
    /// current text.
    pub(super) fn new(
        option: OptionId,
        criterion: CriterionId,
        rater: Option<RaterId>,
        text: String,
        place_at: Option<egui::Pos2>,
    ) -> Self {
        Self {
            option,
            criterion,
            rater,
            text,
            place_at,
            focus_pending: true,
        }
    }
}

/// Draws the editor window while `editor` is open; closes it when asked or when its
/// cell (or its rater) no longer has a score. Returns the cell whose editor was closed by
/// the person (Done, Escape or the close button), for the keyboard to go back to.
pub(super) fn rationale_window_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    editor: &mut Option<RationaleEditor>,
) -> Option<(OptionId, CriterionId)> {
    let ed = editor.as_mut()?;
    let session = cx.session;
    let (Some(option), Some(criterion)) =
        (session.option(&ed.option), session.criterion(&ed.criterion))
    else {
        *editor = None;
        return None;
    };
    // A rater who is gone (removed, or undone away) takes their editor with them.
    let rater = ed.rater.as_ref().map(|id| session.rater(id));
    if rater.is_some_and(|found| found.is_none()) {
        *editor = None;
        return None;
    }
    let rater = rater.flatten();
    let slot = Slot {
        option,
        criterion,
        rater,
    };
    let Some(score) = slot.score() else {
        *editor = None;
        return None;
    };
    let cell = slot.name();
    let mut open = true;
    let mut done = false;
    let mut window = egui::Window::new(format!("Why {cell}"));
    if let Some(at) = ed.place_at.take() {
        window = window.current_pos(at + egui::vec2(16.0, 8.0));
    }
    window
        .id(egui::Id::unique("matrix-rationale-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(420.0)
        .show(ui.ctx(), |ui| {
            let value = super::cells::format_value(score.likely);
            ui.label(RichText::new(format!("{cell}: {value}")).strong());
            if let Some(meaning) = criterion.scale.meaning_of(score.likely) {
                ui.label(RichText::new(meaning).italics());
            }
            let response = ui.add(
                egui::TextEdit::multiline(&mut ed.text)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY)
                    .hint_text("The argument behind this score"),
            );
            super::cells::name_widget(&response, || format!("Rationale of {cell}"));
            // Asked until it holds: the window's first frame only measures its content.
            if ed.focus_pending {
                if response.has_focus() {
                    ed.focus_pending = false;
                } else {
                    response.request_focus();
                    ui.ctx().request_repaint();
                }
            }
            // Escape closes the window, keeping what was typed.
            let focused = response.has_focus() || response.lost_focus();
            if focused && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                done = true;
            }
            if response.changed() {
                let mut new = score.clone();
                new.rationale = ed.text.clone();
                cx.edit(slot.edit(Some(new)));
            }
            cx.seal_after(&response);
            if ui.button("Done").clicked() {
                done = true;
            }
        });
    if !open || done {
        cx.seal();
        let closed = editor
            .take()
            .map(|ed| (ed.option.clone(), ed.criterion.clone()));
        return closed;
    }
    None
}
