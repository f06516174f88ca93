//! Drawing one frame: the chrome (menu bar, navigation or presentation stepper) around the
//! current place, and the input that becomes commands (presentation keys, dropped files).

use super::verdict_app::VerdictApp;
use crate::ui::command::Command;
use crate::ui::decide_view::decide_ui;
use crate::ui::directive_view::directive_ui;
use crate::ui::framing_slide::framing_slide_ui;
use crate::ui::framing_view::framing_ui;
use crate::ui::log_view::log_ui;
use crate::ui::matrix_view::matrix_ui;
use crate::ui::menu_bar::{MenuBarInfo, menu_bar_ui};
use crate::ui::menu_view::menu_ui;
use crate::ui::nav::{Place, nav_ui};
use crate::ui::presentation::{show_summary, stepper_ui, summary_shown};
use crate::ui::robustness_view::{RobustnessAction, robustness_ui};
use crate::ui::round_view::{results_hidden_ui, round_start_ui, round_timer_tick, round_ui};
use crate::ui::summary_slide::summary_slide_ui;
use crate::ui::{Intent, ViewCtx};

impl VerdictApp {
    pub(super) fn panels_ui(
        &mut self,
        ui: &mut egui::Ui,
        commands: &mut Vec<Command>,
    ) -> Vec<Intent> {
        if self.presenting {
            egui::Panel::top("stepper").show(ui, |ui| {
                commands.extend(stepper_ui(ui, self.place));
            });
        } else {
            egui::Panel::top("menu-bar").show(ui, |ui| {
                let info = MenuBarInfo {
                    undo_label: self.doc.undo_label(),
                    redo_label: self.doc.redo_label(),
                    recent: self.prefs.recent.clone(),
                    presenting: self.presenting,
                    dark: self.prefs.dark,
                    read_only: self.read_only,
                };
                commands.extend(menu_bar_ui(ui, &info));
                commands.extend(self.notice_ui(ui));
            });
            egui::Panel::left("nav")
                .resizable(false)
                .exact_size(170.0)
                .show(ui, |ui| {
                    let open = self.doc.session().framing.unanswered().count();
                    commands.extend(nav_ui(ui, self.place, open));
                });
        }
        let mut intents = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            intents = self.place_ui(ui, commands);
        });
        intents
    }

    fn place_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) -> Vec<Intent> {
        let now = (self.clock)();
        let today = now.date_naive();
        let Self {
            doc,
            derived,
            menu,
            matrix,
            decide,
            log,
            place,
            presenting,
            analysis,
            robustness,
            generation,
            ..
        } = self;
        let doc_key = (*generation << 40) ^ doc.revision();
        let mut cx = ViewCtx::new(
            doc.session(),
            &derived.ranking,
            &derived.recommendation,
            *presenting,
            today,
        )
        .with_discuss_first(&derived.discuss_first);
        let scrolled = |ui: &mut egui::Ui, add: &mut dyn FnMut(&mut egui::Ui)| {
            egui::ScrollArea::vertical()
                .id_salt("place")
                .auto_shrink([false, false])
                .show(ui, |ui| add(ui));
        };
        round_timer_tick(ui.ctx(), &mut cx, now);
        if *presenting && summary_shown(ui.ctx()) {
            if let Some(round) = doc.session().hidden_round() {
                results_hidden_ui(ui, round);
            } else {
                let report = analysis.as_ref().and_then(|w| w.report());
                scrolled(ui, &mut |ui| summary_slide_ui(ui, &cx, report));
            }
            return cx.into_intents();
        }
        if let Some(round) = doc.session().hidden_round()
            && matches!(place, Place::Decide | Place::Log)
        {
            results_hidden_ui(ui, round);
            return cx.into_intents();
        }
        match place {
            Place::Directive => scrolled(ui, &mut |ui| directive_ui(ui, &mut cx)),
            Place::Framing if *presenting => {
                scrolled(ui, &mut |ui| framing_slide_ui(ui, doc.session()));
            }
            Place::Framing => scrolled(ui, &mut |ui| framing_ui(ui, &mut cx)),
            Place::Menu => menu_ui(ui, &mut cx, menu),
            Place::Matrix if doc.session().round.is_some() => {
                scrolled(ui, &mut |ui| round_ui(ui, &mut cx, now));
            }
            Place::Matrix => {
                round_start_ui(ui, &mut cx);
                matrix_ui(ui, &mut cx, matrix);
            }
            Place::Decide => scrolled(ui, &mut |ui| {
                decide_ui(ui, &mut cx, decide);
                if let Some(worker) = analysis.as_mut() {
                    ui.separator();
                    let session = doc.session();
                    worker.update(session, doc_key, &robustness.config(), ui.ctx());
                    let report = worker.report();
                    let action = robustness_ui(
                        ui,
                        session,
                        report,
                        worker.progress(),
                        robustness,
                        *presenting,
                    );
                    match action {
                        RobustnessAction::Cancel => worker.cancel(),
                        RobustnessAction::ShowMatrix => commands.push(Command::GoTo(Place::Matrix)),
                        RobustnessAction::None => {}
                    }
                }
            }),
            Place::Log => {
                let summary = derived
                    .summary
                    .as_ref()
                    .map_or("", |(_, text)| text.as_str());
                commands.extend(log_ui(ui, &mut cx, log, summary));
            }
        }
        cx.into_intents()
    }

    /// Arrow keys and Page Up / Page Down step through the places while presenting (when no
    /// field has the keyboard).
    pub(super) fn presentation_keys(&self, ctx: &egui::Context) -> Vec<Command> {
        if !self.presenting || ctx.egui_wants_keyboard_input() {
            return Vec::new();
        }
        let found = ctx.input_mut(|i| {
            let mut found = Vec::new();
            // A presentation clicker sends Page Down / Page Up (some send the arrows).
            let next = [
                egui::Key::ArrowRight,
                egui::Key::ArrowDown,
                egui::Key::PageDown,
            ];
            let previous = [egui::Key::ArrowLeft, egui::Key::ArrowUp, egui::Key::PageUp];
            if next
                .into_iter()
                .any(|key| i.consume_key(egui::Modifiers::NONE, key))
            {
                found.push(Command::NextPlace);
            }
            if previous
                .into_iter()
                .any(|key| i.consume_key(egui::Modifiers::NONE, key))
            {
                found.push(Command::PreviousPlace);
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
                found.push(Command::TogglePresentation);
            }
            found
        });
        if !found.is_empty() {
            // Stepping leaves the summary slide for the place stepped to.
            show_summary(ctx, false);
        }
        found
    }
}

/// `.ron` files dropped onto the window, as open commands.
pub(super) fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
            .take(1)
            .map(Command::OpenPath)
            .collect()
    })
}
