//! Applying [`Command`]s: files, undo/redo, places, presentation, theme and zoom; and the
//! results of file jobs when they come back.

use super::dialogs::Picked;
use super::file_worker::{FileDone, FileJob, SaveFailure};
use super::recovery::AUTOSAVE_DELAY;
use super::verdict_app::{Notice, PathPrompt, VerdictApp};
use crate::document::Document;
use crate::export::{self, Format};
use crate::model::Session;
use crate::store::RecoveryEntry;
use crate::ui::command::Command;
use std::path::{Path, PathBuf};

/// The folder dialogs start in: `saves/` when run from a folder that has one.
fn default_dir() -> Option<PathBuf> {
    let saves = Path::new("saves");
    saves
        .is_dir()
        .then(|| std::path::absolute(saves).unwrap_or_else(|_| saves.to_path_buf()))
}

impl VerdictApp {
    /// Runs one command. `discard_ok` skips the unsaved-changes question (it was answered).
    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command, discard_ok: bool) {
        let replaces_document = matches!(
            command,
            Command::New | Command::Open | Command::OpenPath(_) | Command::Quit
        );
        if replaces_document && self.doc.is_dirty() && !discard_ok {
            self.confirm = Some(command);
            return;
        }
        match command {
            Command::New => {
                self.replace_document(Document::new(Session::new("")), None);
                self.clear_recovery();
            }
            Command::Open => match self.dialogs.pick_open(default_dir().as_deref()) {
                Picked::Path(path) => self.files.submit(FileJob::Load(path)),
                Picked::Cancelled => {}
                Picked::Unavailable => self.ask_for_path(Command::Open, "plan.ron"),
            },
            Command::OpenPath(path) => self.files.submit(FileJob::Load(path)),
            Command::Save => match self.path.clone() {
                Some(path) if !self.read_only => self.save_to(path, true),
                _ => self.run_command(ctx, Command::SaveAs, discard_ok),
            },
            Command::SaveAs => {
                let name = self.suggested_name("ron");
                match self
                    .dialogs
                    .pick_save(default_dir().as_deref(), &name, "ron")
                {
                    Picked::Path(path) => self.save_to(with_extension(path, "ron"), true),
                    Picked::Cancelled => self.after_save = None,
                    Picked::Unavailable => self.ask_for_path(Command::SaveAs, &name),
                }
            }
            Command::Export(format) => {
                let name = self.suggested_name(format.extension());
                match self
                    .dialogs
                    .pick_save(default_dir().as_deref(), &name, format.extension())
                {
                    Picked::Path(path) => self.export_to(format, path),
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.ask_for_path(Command::Export(format), &name),
                }
            }
            Command::Undo => {
                if self.doc.undo() {
                    self.last_edit = Some(std::time::Instant::now());
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.last_edit = Some(std::time::Instant::now());
                }
            }
            Command::GoTo(place) => self.place = place,
            Command::NextPlace => self.place = self.place.next(),
            Command::PreviousPlace => self.place = self.place.previous(),
            Command::TogglePresentation => self.presenting = !self.presenting,
            Command::ZoomIn => self.prefs.zoom_by(1.1),
            Command::ZoomOut => self.prefs.zoom_by(1.0 / 1.1),
            Command::ZoomReset => self.prefs.zoom = 1.0,
            Command::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::Quit => {
                // Closing is a deliberate "don't save" when there were changes, so the
                // recovery copy goes too (the window waits for that on exit).
                self.allow_close = true;
                self.clear_recovery();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        self.prefs.last_place = self.place;
        self.refresh_derived();
    }

    /// Runs what the path prompt was opened for, with the typed path.
    pub(super) fn prompt_answered(&mut self, ctx: &egui::Context, purpose: Command, path: PathBuf) {
        match purpose {
            Command::Open => self.run_command(ctx, Command::OpenPath(path), true),
            Command::SaveAs => self.save_to(with_extension(path, "ron"), true),
            Command::Export(format) => self.export_to(format, path),
            other => self.run_command(ctx, other, true),
        }
    }

    fn ask_for_path(&mut self, purpose: Command, name: &str) {
        let dir = default_dir().unwrap_or_default();
        self.prompt = Some(PathPrompt {
            purpose,
            text: dir.join(name).display().to_string(),
        });
    }

    fn suggested_name(&self, extension: &str) -> String {
        let stem = self
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| {
                let slug = crate::model::slugify(&self.doc.session().title);
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
    pub(super) fn save_to(&mut self, path: PathBuf, check: bool) {
        let same_file = self.path.as_ref() == Some(&path) && !self.read_only;
        self.files.submit(FileJob::Save {
            expected: if same_file && check {
                self.stamp.clone()
            } else {
                None
            },
            lock: !same_file,
            path,
            session: Box::new(self.doc.session().clone()),
            revision: self.doc.revision(),
        });
    }

    /// The open file's name, or "Untitled".
    pub(super) fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    fn export_to(&mut self, format: Format, path: PathBuf) {
        if self.doc.session().hidden_round().is_some() {
            self.error(
                "Not exported: a scoring round is open and its scores are hidden; reveal it on \
                 the Matrix first"
                    .into(),
            );
            return;
        }
        let today = (self.clock)().date_naive();
        let text = export::render(self.doc.session(), format, today);
        self.files.submit(FileJob::Export { path, text });
    }

    pub(super) fn replace_document(&mut self, doc: Document, path: Option<PathBuf>) {
        self.doc = doc;
        self.generation += 1;
        self.path = path;
        self.stamp = None;
        self.lock = None;
        self.read_only = false;
        self.conflict = false;
        self.last_edit = None;
        self.recovery_written = None;
        self.menu = Default::default();
        self.refresh_derived();
    }

    fn clear_recovery(&mut self) {
        self.recovery_written = Some((self.generation, self.doc.revision()));
        if let Some(path) = self.recovery_file.take() {
            self.discard_recovery_file(path);
        }
    }

    /// Deletes a recovery file in the background.
    pub(super) fn discard_recovery_file(&mut self, path: PathBuf) {
        if let Some(store) = &self.recovery {
            self.files.submit(FileJob::DiscardRecovery {
                store: store.clone(),
                path,
            });
        }
    }

    /// Applies the result of a finished file job.
    pub(super) fn file_done(&mut self, ctx: &egui::Context, done: FileDone) {
        match done {
            FileDone::Loaded { path, result } => match result {
                Ok(loaded) => {
                    let migrated_from = loaded.migrated_from;
                    self.replace_document(Document::new(*loaded.session), Some(path.clone()));
                    self.stamp = Some(loaded.stamp);
                    self.prefs.add_recent(&path);
                    self.prefs.last_file = Some(path.clone());
                    self.clear_recovery();
                    self.notice = migrated_from.map(|v| Notice {
                        text: format!(
                            "{} was written in format {v}; it was upgraded and its old \
                             version will be kept as a .bak file when you save.",
                            path.display()
                        ),
                        is_error: false,
                        offer_save_as: false,
                    });
                    match loaded.lock {
                        Ok(lock) => self.lock = Some(lock),
                        Err(message) => {
                            self.read_only = true;
                            self.error(format!("Opened read-only. {message}"));
                        }
                    }
                }
                Err(message) => self.error(format!(
                    "Could not open the file; nothing was changed.\n{message}"
                )),
            },
            FileDone::Saved {
                path,
                revision,
                result,
            } => match result {
                Ok((stamp, lock)) => {
                    self.doc.mark_saved_at(revision);
                    self.path = Some(path.clone());
                    self.stamp = Some(stamp);
                    if let Some(Ok(lock)) = lock {
                        self.lock = Some(lock);
                        self.read_only = false;
                    }
                    self.prefs.add_recent(&path);
                    self.prefs.last_file = Some(path.clone());
                    self.info(format!("Saved {}", path.display()));
                    if !self.doc.is_dirty() {
                        self.clear_recovery();
                    }
                    if let Some(next) = self.after_save.take() {
                        self.run_command(ctx, next, true);
                    }
                }
                Err(SaveFailure::ChangedOnDisk) => self.conflict = true,
                Err(SaveFailure::Failed(message)) => {
                    self.after_save = None;
                    self.notice = Some(Notice {
                        text: format!("Not saved: {message}"),
                        is_error: true,
                        offer_save_as: true,
                    });
                }
            },
            FileDone::Exported { path, result } => match result {
                Ok(()) => self.info(format!("Exported {}", path.display())),
                Err(message) => self.error(format!("Not exported: {message}")),
            },
            FileDone::RecoveryWritten { result, .. } => match result {
                Ok(path) => {
                    self.recovery_file = Some(path);
                    self.recovery_off = false;
                }
                // Said once, not after every edit; later edits keep trying quietly.
                Err(message) if !self.recovery_off => {
                    self.recovery_off = true;
                    self.error(format!(
                        "Recovery is off: unsaved work cannot be copied aside ({message}). \
                         Your work stays open here; save it to keep it."
                    ));
                }
                Err(_) => {}
            },
            FileDone::RecoveryDiscarded(result) => {
                if let Err(message) = result {
                    self.error(format!(
                        "An old recovery file could not be removed: {message}"
                    ));
                }
            }
        }
    }

    /// Writes unsaved work to the recovery file a moment after the last edit; asks for one
    /// repaint at that moment rather than repainting while idle.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        let key = (self.generation, self.doc.revision());
        if !self.doc.is_dirty() || self.recovery_written == Some(key) {
            return;
        }
        let waited = self.last_edit.map_or(AUTOSAVE_DELAY, |t| t.elapsed());
        if waited < AUTOSAVE_DELAY {
            ctx.request_repaint_after(AUTOSAVE_DELAY - waited);
            return;
        }
        let entry = RecoveryEntry {
            original: self.path.clone(),
            original_stamp: self.stamp.clone(),
            pid: std::process::id(),
            written_at: (self.clock)(),
            session: self.doc.session().clone(),
        };
        self.files.submit(FileJob::WriteRecovery {
            store: recovery.clone(),
            entry: Box::new(entry),
            revision: key.1,
        });
        self.recovery_written = Some(key);
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
