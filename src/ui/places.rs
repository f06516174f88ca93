//! The six places as views of one open document: every place keeps its own state (drafts,
//! selections, open forms) in a [`PlaceStates`], and every place draws through the same
//! [`PlaceView::ui`].

use crate::ui::decide::robustness::robustness_ui;
use crate::ui::decide::{DecideState, decide_ui};
use crate::ui::decision_log::{LogState, log_ui};
use crate::ui::directive::directive_ui;
use crate::ui::framing::{FramingState, framing_ui};
use crate::ui::matrix::{MatrixState, matrix_ui};
use crate::ui::nav::Place;
use crate::ui::options::{MenuState, menu_ui};
use crate::ui::view_ctx::ViewCtx;

/// A place's view: draws the place for one document and reports through `cx`.
pub trait PlaceView {
    /// Draws the place into `ui`, filling the space it is given.
    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>);
}

/// The Directive place keeps no drafts: each of its fields edits the document directly.
#[derive(Debug, Default)]
pub struct DirectiveState;

/// The state of every place for one open document (never saved).
#[derive(Debug, Default)]
pub struct PlaceStates {
    /// The Directive place.
    pub directive: DirectiveState,
    /// The Framing place: the question being added.
    pub framing: FramingState,
    /// The Menu place: the selected option and the option being added.
    pub menu: MenuState,
    /// The Matrix place: ranges, raters' view and forms, the rationale being written, and
    /// the criteria editor's drafts (scale being typed, swing order, pairwise judgements).
    pub matrix: MatrixState,
    /// The Decide place: the outcome form, the kill criterion being added, the analysis
    /// settings.
    pub decide: DecideState,
    /// The Log & share place: the note being written.
    pub log: LogState,
}

impl PlaceStates {
    /// The view of `place`.
    pub fn view_mut(&mut self, place: Place) -> &mut dyn PlaceView {
        match place {
            Place::Directive => &mut self.directive,
            Place::Framing => &mut self.framing,
            Place::Menu => &mut self.menu,
            Place::Matrix => &mut self.matrix,
            Place::Decide => &mut self.decide,
            Place::Log => &mut self.log,
        }
    }
}

/// Draws `add` in the place's vertical scroll area. While presenting, with nothing typed
/// into, the arrows and Home / End scroll it (Page Up / Down and the side arrows step places).
fn scrolled(ui: &mut egui::Ui, presenting: bool, add: impl FnOnce(&mut egui::Ui)) {
    let page = ui.available_height();
    egui::ScrollArea::vertical()
        .id_salt("place")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::focus_view::scroll_while_presenting(ui, presenting, page);
            crate::ui::focus_view::keep_focus_in_view(ui, add);
        });
}

impl PlaceView for DirectiveState {
    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        scrolled(ui, cx.presenting, |ui| directive_ui(ui, cx));
    }
}

impl PlaceView for FramingState {
    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        scrolled(ui, cx.presenting, |ui| framing_ui(ui, cx, self));
    }
}

impl PlaceView for MenuState {
    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        menu_ui(ui, cx, self);
    }
}

impl PlaceView for MatrixState {
    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        matrix_ui(ui, cx, self);
    }
}

impl PlaceView for DecideState {
    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        scrolled(ui, cx.presenting, |ui| {
            decide_ui(ui, cx, self);
            if let Some(shown) = cx.robustness {
                ui.separator();
                robustness_ui(ui, cx, shown, &mut self.robustness);
            }
        });
    }
}

impl PlaceView for LogState {
    fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        log_ui(ui, cx, self);
    }
}
