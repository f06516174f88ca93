//! Applying [`Command`]s: files, undo/redo, places, presentation, theme and zoom, the
//! answers to the window's questions; and the results of file jobs when they come back.

use super::dialogs::Picked;
use super::file_worker::{FileDone, FileJob, LoadedFile, SaveFailure};
use super::notice::Notice;
use super::open_document::{Access, Dialog, OpenDocument};
use super::recovery::{AUTOSAVE_DELAY, find_offer};
use super::verdict_app::VerdictApp;
use crate::document::Document;
use crate::export::{self, Format};
use crate::model::Session;
use crate::store::{self, RecoveryEntry};
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
                | Command::Recover
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
                Picked::Path(path) => self.files.submit(FileJob::Load(path)),
                Picked::Cancelled => {}
                Picked::Unavailable => self.ask_for_path(Command::Open, "plan.ron"),
            },
            Command::OpenPath(path) => self.files.submit(FileJob::Load(path)),
            Command::Revert => {
                if let Some(path) = self.open.path().cloned() {
                    self.files.submit(FileJob::Load(path));
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
                let name = self.suggested_name(format.extension());
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
            Command::UsePath(purpose, path) => self.path_chosen(ctx, *purpose, path),
            Command::CloseDialog => {
                self.open.dialog = None;
                self.open.after_save = None;
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
            Command::GoTo(place) => self.go_to(place),
            Command::NextPlace => self.go_to(self.open.place.next()),
            Command::PreviousPlace => self.go_to(self.open.place.previous()),
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
            Command::SaveAs => self.save_to(with_extension(path, "ron"), true),
            Command::Export(format) => self.export_to(format, path),
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
    /// folder that has one.
    fn default_dir(&self) -> Option<PathBuf> {
        if let Some(parent) = self.open.path().and_then(|p| p.parent())
            && !parent.as_os_str().is_empty()
        {
            return Some(parent.to_path_buf());
        }
        store::existing_folder(Path::new("saves"))
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

    fn export_to(&mut self, format: Format, path: PathBuf) {
        let today = (self.clock)().date_naive();
        let text = export::render(self.open.doc.session(), format, today);
        self.files.submit(FileJob::Export {
            document: self.open.serial,
            path,
            text,
        });
    }

    /// Puts `doc` on screen in place of the open document and everything about it. The
    /// old document's recovery copy goes: replacing it was the person's choice.
    fn replace_document(&mut self, doc: Document, access: Access) -> &mut OpenDocument {
        let serial = self.next_serial;
        self.next_serial += 1;
        let mut open = OpenDocument::new(doc, serial);
        open.access = access;
        let old = std::mem::replace(&mut self.open, open);
        if let Some(path) = old.recovery_file {
            self.discard_recovery_file(path);
        }
        if let Some(worker) = &mut self.analysis {
            worker.forget();
        }
        self.refresh_derived();
        &mut self.open
    }

    fn opened(&mut self, path: PathBuf, loaded: LoadedFile) {
        let (access, refused) = match loaded.lock {
            Ok(lock) => (
                Access::Editable {
                    path: path.clone(),
                    lock,
                },
                None,
            ),
            Err(message) => (Access::ReadOnly { path: path.clone() }, Some(message)),
        };
        let place = self.prefs.place_of(&path);
        self.prefs.add_recent(&path);
        self.prefs.last_file = Some(path.clone());
        let open = self.replace_document(Document::new(*loaded.session), access);
        open.stamp = Some(loaded.stamp);
        open.place = place.unwrap_or(Place::Directive);
        open.notice = match (refused, loaded.migrated_from) {
            (Some(message), _) => Some(Notice::error(format!("Opened read-only. {message}"))),
            (None, Some(v)) => Some(Notice::info(format!(
                "{} was written in format {v}; it was upgraded and its old version will be \
                 kept as a .bak file when you save.",
                path.display()
            ))),
            (None, None) => None,
        };
        self.refresh_derived();
    }

    /// Offers the newest unsaved work left by a window that did not close cleanly.
    fn look_for_recovery(&mut self) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        self.recovery_offer = find_offer(recovery);
        if self.recovery_offer.is_none() {
            self.info("No unsaved work from another window was found.".into());
        }
    }

    /// Opens the offered unsaved work as unsaved changes.
    fn restore(&mut self) {
        let Some(offer) = self.recovery_offer.take() else {
            return;
        };
        self.replace_document(Document::unsaved(offer.session), Access::NeverSaved);
        if let Some(source) = offer.source {
            // Saving goes through Save As (suggesting the source), so a file that changed
            // meanwhile is never silently overwritten.
            self.info(format!(
                "Restored unsaved work on {}; use Save As to keep it.",
                source.display()
            ));
        } else {
            self.info("Restored unsaved work; save it to keep it.".into());
        }
        self.discard_recovery_file(offer.recovery_file);
    }

    fn clear_recovery(&mut self) {
        self.open.recovery_written = Some(self.open.doc.revision());
        if let Some(path) = self.open.recovery_file.take() {
            self.discard_recovery_file(path);
        }
    }

    /// Deletes a recovery file in the background.
    fn discard_recovery_file(&mut self, path: PathBuf) {
        if let Some(store) = &self.recovery {
            self.files.submit(FileJob::DiscardRecovery {
                store: store.clone(),
                path,
            });
        }
    }

    /// Applies the result of a finished file job. Results about a document that is no
    /// longer open change nothing on screen but errors.
    pub(super) fn file_done(&mut self, ctx: &egui::Context, done: FileDone) {
        match done {
            FileDone::Loaded { path, result } => match result {
                Ok(loaded) => self.opened(path, loaded),
                Err(message) => self.error(format!(
                    "Could not open the file; nothing was changed.\n{message}"
                )),
            },
            FileDone::Saved {
                document, result, ..
            } if document != self.open.serial => {
                if let Err(SaveFailure::Failed(message)) = result {
                    self.notice = Some(Notice::error(format!("Not saved: {message}")));
                }
            }
            FileDone::Saved {
                path,
                revision,
                result,
                ..
            } => self.saved(ctx, path, revision, result),
            FileDone::Exported {
                document,
                path,
                result,
            } => match result {
                Ok(()) if document == self.open.serial => {
                    self.info(format!("Exported {}", path.display()));
                }
                Ok(()) => {}
                Err(message) => self.error(format!("Not exported: {message}")),
            },
            FileDone::RecoveryWritten {
                document, result, ..
            } => match result {
                Ok(path) if document == self.open.serial => self.open.recovery_file = Some(path),
                // The work of a document closed meanwhile: closing it dropped that work.
                Ok(path) => self.discard_recovery_file(path),
                Err(message) => self.error(format!(
                    "Unsaved work could not be copied for recovery: {message}; save soon."
                )),
            },
            FileDone::RecoveryDiscarded(result) => {
                if let Err(message) = result {
                    self.notice = Some(Notice::error(format!(
                        "An old recovery file could not be removed: {message}"
                    )));
                }
            }
        }
    }

    fn saved(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        revision: u64,
        result: super::file_worker::SaveResult,
    ) {
        match result {
            Ok((stamp, lock)) => {
                let open = &mut self.open;
                open.doc.mark_saved_at(revision);
                open.stamp = Some(stamp);
                match lock {
                    Some(Ok(lock)) => {
                        open.access = Access::Editable {
                            path: path.clone(),
                            lock,
                        }
                    }
                    // Saved over its own file: the lock held stays.
                    None => {}
                    // The save takes the lock before writing, so this does not happen;
                    // should it, the file is still not ours to edit.
                    Some(Err(_)) => open.access = Access::ReadOnly { path: path.clone() },
                }
                self.prefs.add_recent(&path);
                self.prefs.last_file = Some(path.clone());
                self.prefs.remember_place(&path, self.open.place);
                self.info(format!("Saved {}", path.display()));
                if !self.open.doc.is_dirty() {
                    self.clear_recovery();
                }
                if let Some(next) = self.open.after_save.take() {
                    self.run_command(ctx, next, true);
                }
            }
            Err(SaveFailure::ChangedOnDisk) => self.open.dialog = Some(Dialog::ChangedOnDisk),
            Err(SaveFailure::Failed(message)) => {
                self.open.after_save = None;
                self.open.notice = Some(Notice {
                    text: format!("Not saved: {message}"),
                    is_error: true,
                    offer_save_as: true,
                });
            }
        }
    }

    /// Writes unsaved work to the recovery file a moment after the last edit; asks for one
    /// repaint at that moment rather than repainting while idle.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        let open = &self.open;
        let revision = open.doc.revision();
        if !open.doc.is_dirty() || open.recovery_written == Some(revision) {
            return;
        }
        let waited = open.last_edit.map_or(AUTOSAVE_DELAY, |t| t.elapsed());
        if waited < AUTOSAVE_DELAY {
            ctx.request_repaint_after(AUTOSAVE_DELAY - waited);
            return;
        }
        let entry = RecoveryEntry {
            original: open.path().cloned(),
            original_stamp: open.stamp.clone(),
            pid: std::process::id(),
            written_at: (self.clock)(),
            session: open.doc.session().clone(),
        };
        self.files.submit(FileJob::WriteRecovery {
            document: open.serial,
            store: recovery.clone(),
            entry: Box::new(entry),
            revision,
        });
        self.open.recovery_written = Some(revision);
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
