//! Applying [`Command`]s: files, undo/redo, places, presentation, theme and zoom, and the
//! answers to the window's questions.

use super::dialogs::Picked;
use super::file_worker::FileJob;
use super::open_document::{Access, Dialog};
use super::verdict_app::VerdictApp;
use crate::document::Document;
use crate::export::{self, Format};
use crate::model::Session;
use crate::store;
use crate::ui::command::Command;
use crate::ui::nav::Place;
use std::path::{Path, PathBuf};
use std::time::Instant;

impl VerdictApp {
    /// Runs one command. `discard_ok` skips the unsaved-changes question (it was answered).
    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command, discard_ok: bool) {
        let replaces_document = matches!(
            command,
            Command::New
                | Command::Open
                | Command::OpenPath(_)
                | Command::Revert
                | Command::Restore
                | Command::Quit
        );
        if replaces_document && self.open.doc.is_dirty() && !discard_ok {
            self.open.dialog = Some(Dialog::UnsavedChanges(command));
            return;
        }
        match command {
            Command::New => {
                self.replace_document(Document::new(Session::new("")), Access::NeverSaved);
            }
            Command::Open => match self.dialogs.pick_open(self.default_dir().as_deref()) {
                Picked::Path(path) => self.load(path),
                Picked::Cancelled => {}
                Picked::Unavailable => self.ask_for_path(Command::Open, "plan.ron"),
            },
            Command::OpenPath(path) => {
                if let Some(portfolio) = self.portfolio.as_mut() {
                    portfolio.visible = false;
                }
                self.load(path);
            }
            Command::OpenPortfolio => {
                match self.dialogs.pick_folder(self.default_dir().as_deref()) {
                    Picked::Path(path) => self.open_portfolio(ctx, &path),
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.ask_for_path(Command::OpenPortfolio, "portfolio"),
                }
            }
            Command::OpenPortfolioPath(path) => self.open_portfolio(ctx, &path),
            Command::ShowPortfolio => {
                if let Some(portfolio) = self.portfolio.as_mut() {
                    portfolio.visible = true;
                }
            }
            Command::Revert => {
                if let Some(path) = self.open.path().cloned() {
                    self.load(path);
                }
            }
            Command::Recover => self.look_for_recovery(),
            Command::Save => match &self.open.access {
                Access::Editable { path, .. } => self.save_to(path.clone(), true),
                Access::ReadOnly { .. } | Access::NeverSaved => {
                    self.run_command(ctx, Command::SaveAs, discard_ok);
                }
            },
            Command::SaveThen(next) => {
                self.open.dialog = None;
                self.open.after_save = Some(*next);
                self.run_command(ctx, Command::Save, true);
            }
            Command::SaveAs => {
                let name = self.suggested_name("ron");
                match self
                    .dialogs
                    .pick_save(self.default_dir().as_deref(), &name, "ron")
                {
                    Picked::Path(path) => self.save_to(with_extension(path, "ron"), true),
                    Picked::Cancelled => self.open.after_save = None,
                    Picked::Unavailable => self.ask_for_path(Command::SaveAs, &name),
                }
            }
            Command::Overwrite => {
                self.open.dialog = None;
                if let Some(path) = self.open.path().cloned() {
                    self.save_to(path, false);
                }
            }
            Command::Export(format) => {
                // The memo is named apart, so it never lands on the record's file.
                let name = match format {
                    Format::Memo | Format::MemoHtml => {
                        self.suggested_name(&format!("memo.{}", format.extension()))
                    }
                    _ => self.suggested_name(format.extension()),
                };
                match self.dialogs.pick_save(
                    self.default_dir().as_deref(),
                    &name,
                    format.extension(),
                ) {
                    Picked::Path(path) => self.export_to(format, path),
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.ask_for_path(Command::Export(format), &name),
                }
            }
            Command::ImportCsv => match self.dialogs.pick_csv(self.default_dir().as_deref()) {
                Picked::Path(path) => self.read_csv(path),
                Picked::Cancelled => {}
                Picked::Unavailable => self.ask_for_path(Command::ImportCsv, "matrix.csv"),
            },
            Command::AddOption => {
                if !self.presenting {
                    self.go_to(Place::Menu);
                    self.open.places.menu.focus_new_title = true;
                }
            }
            Command::RecordOutcome => {
                if !self.presenting {
                    self.go_to(Place::Decide);
                    self.open.places.decide.ask_to_record();
                }
            }
            Command::AddCriterion => {
                if !self.presenting {
                    self.go_to(Place::Matrix);
                    self.open.places.matrix.criteria.open();
                }
            }
            Command::UsePath(purpose, path) => self.path_chosen(ctx, *purpose, path),
            Command::CloseDialog => {
                self.open.dialog = None;
                self.open.after_save = None;
            }
            Command::DismissNotice => {
                if self.open.notice.take().is_none() {
                    self.notice = None;
                }
            }
            Command::Restore => self.restore(),
            Command::DiscardRestorable => {
                if let Some(offer) = self.recovery_offer.take() {
                    self.discard_recovery_file(offer.recovery_file);
                }
            }
            Command::Undo => {
                if self.open.doc.undo() {
                    self.open.last_edit = Some(Instant::now());
                }
            }
            Command::Redo => {
                if self.open.doc.redo() {
                    self.open.last_edit = Some(Instant::now());
                }
            }
            Command::GoTo(place) => self.switch_to(ctx, place),
            Command::NextPlace => self.switch_to(ctx, self.open.place.next()),
            Command::PreviousPlace => self.switch_to(ctx, self.open.place.previous()),
            Command::TogglePresentation => self.presenting = !self.presenting,
            Command::ZoomIn => self.prefs.zoom_by(1.1),
            Command::ZoomOut => self.prefs.zoom_by(1.0 / 1.1),
            Command::ZoomReset => self.prefs.zoom = 1.0,
            Command::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::Quit => {
                // Closing is a deliberate "don't save" when there were changes, so the
                // recovery copy goes too (the window waits for that on exit).
                self.open.dialog = None;
                self.allow_close = true;
                self.clear_recovery();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        self.refresh_derived();
    }

    /// Loads `path` in the background; it replaces the open document when it arrives.
    fn load(&mut self, path: PathBuf) {
        let asked_at = self.open.key();
        self.files.submit(FileJob::Load { path, asked_at });
    }

    /// Shows `place` with nothing holding the keyboard, so the next Tab goes to the place's
    /// first field (a field of the place left behind would otherwise keep it).
    fn switch_to(&mut self, ctx: &egui::Context, place: Place) {
        if place != self.open.place
            && let Some(id) = ctx.memory(|m| m.focused())
        {
            ctx.memory_mut(|m| m.surrender_focus(id));
        }
        self.go_to(place);
    }

    fn go_to(&mut self, place: Place) {
        self.open.place = place;
        if let Some(path) = self.open.path() {
            self.prefs.remember_place(path, place);
        }
    }

    /// Runs what the path prompt was opened for, with the typed path.
    fn path_chosen(&mut self, ctx: &egui::Context, purpose: Command, path: PathBuf) {
        match purpose {
            Command::Open => self.run_command(ctx, Command::OpenPath(path), true),
            Command::OpenPortfolio => self.open_portfolio(ctx, &path),
            Command::SaveAs => self.save_to(with_extension(path, "ron"), true),
            Command::Export(format) => self.export_to(format, path),
            Command::ImportCsv => self.read_csv(path),
            other => self.run_command(ctx, other, true),
        }
    }

    fn ask_for_path(&mut self, purpose: Command, name: &str) {
        let dir = self.default_dir().unwrap_or_default();
        self.open.dialog = Some(Dialog::PathPrompt {
            purpose,
            text: dir.join(name).display().to_string(),
        });
    }

    /// The folder dialogs start in: the open file's folder, else `saves/` when run from a
    /// folder that has one, else the folder the program was started in.
    fn default_dir(&self) -> Option<PathBuf> {
        if let Some(parent) = self.open.path().and_then(|p| p.parent())
            && !parent.as_os_str().is_empty()
        {
            return Some(parent.to_path_buf());
        }
        store::existing_folder(Path::new("saves")).or_else(store::working_folder)
    }

    fn suggested_name(&self, extension: &str) -> String {
        let stem = self
            .open
            .path()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| {
                let slug = crate::model::slugify(&self.open.doc.session().title);
                if slug.is_empty() {
                    "decision".to_owned()
                } else {
                    slug
                }
            });
        format!("{stem}.{extension}")
    }

    /// Saves to `path`. Saving over the open file first checks that nobody changed it
    /// (unless `check` is false: the user chose to overwrite); saving to another file takes
    /// its edit lock.
    fn save_to(&mut self, path: PathBuf, check: bool) {
        let open = &self.open;
        let same_file = matches!(&open.access, Access::Editable { path: p, .. } if *p == path);
        self.files.submit(FileJob::Save {
            document: open.serial,
            expected: if same_file && check {
                open.stamp.clone()
            } else {
                None
            },
            lock: !same_file,
            path,
            session: Box::new(open.doc.session().clone()),
            revision: open.doc.revision(),
        });
    }

    /// Reads a CSV matrix in the background; [`Self::import_csv`] applies it when it arrives.
    fn read_csv(&mut self, path: PathBuf) {
        self.files.submit(FileJob::ReadText {
            document: self.open.serial,
            path,
        });
    }

    fn export_to(&mut self, format: Format, path: PathBuf) {
        if self.open.doc.session().hidden_round().is_some() {
            self.error(
                "Not exported: a scoring round is open and its scores are hidden; reveal it on \
                 the Matrix first"
                    .into(),
            );
            return;
        }
        let today = (self.clock)().date_naive();
        let text = export::render(self.open.doc.session(), format, today);
        self.files.submit(FileJob::Export {
            document: self.open.serial,
            path,
            text,
        });
    }
}

/// `path` with `extension` added when it has none.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}
