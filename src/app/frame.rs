//! One frame of the window: input becomes intents, the views draw and add theirs to the
//! same outbox, and the app applies the outbox once everything is drawn.

use super::modals::notice_ui;
use super::verdict_app::VerdictApp;
use crate::analysis::robustness::RobustnessConfig;
use crate::ui::command::{Command, keyboard_input};
use crate::ui::menu_bar::menu_bar_ui;
use crate::ui::nav::{Place, nav_ui};
use crate::ui::outbox::{Intent, Outbox};
use crate::ui::presentation::{apply_style, stepper_ui};
use crate::ui::room::room_ui;
use crate::ui::theme;
use crate::ui::view_ctx::{Arrival, Chrome, RobustnessShown, ViewCtx};
use std::time::Instant;

impl VerdictApp {
    /// Draws one frame of the whole window and applies what it asked for.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            self.started = true;
            self.files.set_waker(&ctx);
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        for done in self.files.poll() {
            self.file_done(&ctx, done);
        }
        self.watch_portfolio(&ctx);
        let mut out = Outbox::default();
        keyboard_input(&ctx, self.presenting, &mut out);
        dropped_files(&ctx, &mut out);
        self.handle_close_request(&ctx, &mut out);
        self.refresh_style(&ctx);
        self.refresh_title(&ctx);
        self.refresh_derived();

        let mut out = self.views_ui(ui, out);
        self.modals_ui(&ctx, &mut out);
        self.reviews.ui(&ctx, &mut out);
        self.apply(&ctx, out);
        self.autosave(&ctx);
    }

    /// Draws the chrome and the current place of the open document.
    fn views_ui(&mut self, ui: &mut egui::Ui, out: Outbox) -> Outbox {
        let now = (self.clock)();
        let today = now.date_naive();
        let chrome = Chrome {
            place: self.open.place,
            undo_label: self.open.doc.undo_label(),
            redo_label: self.open.doc.redo_label(),
            recent: self.prefs.recent.clone(),
            dark: self.prefs.dark,
            read_only: self.open.access.is_read_only(),
            has_file: self.open.path().is_some(),
            dirty: self.open.doc.is_dirty(),
            can_recover: self.recovery.is_some(),
            has_portfolio: self.portfolio.is_some(),
        };
        let arrived = self.arrival(ui.ctx());
        let Self {
            open,
            derived,
            presenting,
            analysis,
            notice,
            portfolio,
            ..
        } = self;
        let summary = derived.record.record();
        let mut cx = ViewCtx::new(
            open.doc.session(),
            &derived.ranking,
            &derived.recommendation,
            *presenting,
            today,
        )
        .with_discuss_first(&derived.discuss_first)
        .with_scored(derived.scored.as_ref())
        .with_summary(summary)
        .with_memo_length(derived.record.memo_length())
        .with_standard_verdict(derived.record.verdict_line())
        .with_chrome(chrome)
        .with_arrival(arrived)
        .with_blind(open.places.matrix.blind_rater(open.doc.session()))
        .with_outbox(out);
        if let Some(worker) = analysis.as_ref() {
            cx = cx.with_robustness(RobustnessShown {
                report: worker.report(),
                progress: worker.progress(),
            });
        }
        if *presenting {
            egui::Panel::top("stepper").show(ui, |ui| stepper_ui(ui, &mut cx));
        } else {
            egui::Panel::top("menu-bar").show(ui, |ui| menu_bar_ui(ui, &mut cx));
            // The notice sits at the bottom: showing or dismissing it never moves what is
            // under the pointer at the top of the place.
            if let Some(shown) = open.notice.as_ref().or(notice.as_ref()) {
                egui::Panel::bottom("notice")
                    .show(ui, |ui| notice_ui(ui, Some(shown), cx.outbox()));
            }
            egui::Panel::left("nav")
                .resizable(false)
                .exact_size(theme::NAV_WIDTH)
                .show(ui, |ui| nav_ui(ui, &mut cx));
        }
        let view = open.places.view_mut(open.place);
        egui::CentralPanel::default().show(ui, |ui| match portfolio {
            Some(window) if window.visible && !*presenting => {
                super::portfolio_frame::portfolio_view_ui(ui, window, &mut cx);
            }
            // Everything egui remembers about the place's widgets (scroll offsets, text
            // cursors and their undo) is keyed under the document's serial.
            _ => {
                // Presenting keeps scroll offsets of its own, so the room starts every place
                // at its top whatever was being edited further down.
                ui.push_id((open.serial, *presenting), |ui| {
                    if !room_ui(ui, &mut cx, now) {
                        view.ui(ui, &mut cx);
                    }
                });
            }
        });
        cx.into_outbox()
    }

    /// True when the place's first field should take the keyboard this frame: the document
    /// is new to the window (a fresh window, a file opened), or Tab is pressed while nothing
    /// has the keyboard (so Tab enters the place rather than the menu bar).
    fn arrival(&mut self, ctx: &egui::Context) -> Option<Arrival> {
        let fresh = self.serial_drawn.replace(self.open.serial) != Some(self.open.serial);
        let place_shown = self.open.dialog.is_none()
            && self.recovery_offer.is_none()
            && !self.presenting
            && !self.portfolio.as_ref().is_some_and(|p| p.visible);
        if !place_shown {
            return None;
        }
        let tab_into_place = ctx.memory(|m| m.focused().is_none())
            && ctx.input(|i| i.key_pressed(egui::Key::Tab) && i.modifiers.is_none());
        if tab_into_place {
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
        // Over the place, the criteria editor's window has the keyboard's attention.
        let editor = &mut self.open.places.matrix.criteria;
        if editor.open && self.open.place == Place::Matrix {
            if tab_into_place {
                editor.open();
            }
            return None;
        }
        if tab_into_place {
            Some(Arrival::Tabbed)
        } else {
            fresh.then_some(Arrival::Opened)
        }
    }

    /// Applies the frame's outbox in order, then refreshes what is derived from the
    /// document.
    fn apply(&mut self, ctx: &egui::Context, out: Outbox) {
        let mut analyse: Option<RobustnessConfig> = None;
        for intent in out.into_intents() {
            match intent {
                Intent::Edit(edit) => {
                    let doc = &mut self.open.doc;
                    let rev = doc.revision();
                    match doc.apply(edit, (self.clock)()) {
                        Ok(()) if doc.revision() != rev => {
                            self.open.last_edit = Some(Instant::now());
                            // "Saved …" or "Exported …" is no longer true of the document
                            // once it changes; errors stay until dismissed.
                            if self.open.notice.as_ref().is_some_and(|n| !n.is_error) {
                                self.open.notice = None;
                            }
                        }
                        Ok(()) => {}
                        Err(err) => self.error(format!("That change was not made: {err}.")),
                    }
                }
                Intent::Seal => self.open.doc.seal(),
                Intent::Command(command) => self.run_command(ctx, command, false),
                Intent::Confirmed(command) => {
                    // An answer closes the question it answers.
                    self.open.dialog = None;
                    self.run_command(ctx, command, true);
                }
                Intent::Analyse(config) => analyse = Some(config),
                Intent::CancelAnalysis => {
                    if let Some(worker) = &mut self.analysis {
                        worker.cancel();
                    }
                }
                Intent::Focus(id) => ctx.memory_mut(|m| m.request_focus(id)),
                Intent::RevealBlind => self.open.places.matrix.reveal(),
            }
        }
        self.refresh_derived();
        if let (Some(config), Some(worker)) = (analyse, self.analysis.as_mut()) {
            let (serial, revision) = self.open.key();
            worker.update(
                self.open.doc.session(),
                (serial << 40) ^ revision,
                &config,
                ctx,
            );
        }
    }

    fn refresh_style(&mut self, ctx: &egui::Context) {
        let wanted = (self.prefs.dark, self.prefs.zoom.to_bits(), self.presenting);
        if self.style_applied != Some(wanted) {
            apply_style(ctx, self.prefs.dark, self.prefs.zoom, self.presenting);
            self.style_applied = Some(wanted);
        }
    }

    fn refresh_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    /// Closing the window with unsaved changes is held back and asked about first.
    fn handle_close_request(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.open.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            out.command(Command::Quit);
        }
    }
}

/// A `.ron` file dropped onto the window asks to be opened.
fn dropped_files(ctx: &egui::Context, out: &mut Outbox) {
    let dropped = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
    });
    if let Some(path) = dropped {
        out.command(Command::OpenPath(path));
    }
}
