//! Replacing the open document, the results of file jobs when they come back, and the
//! recovery copy of unsaved work.

use super::file_worker::{FileDone, FileJob, LoadedFile, SaveFailure, SaveResult};
use super::notice::Notice;
use super::open_document::{Access, Dialog, OpenDocument};
use super::recovery::{AUTOSAVE_DELAY, find_offer};
use super::verdict_app::VerdictApp;
use crate::document::{Document, Edit};
use crate::store::RecoveryEntry;
use crate::ui::nav::Place;
use std::path::PathBuf;
use std::time::Instant;

impl VerdictApp {
    /// Puts `doc` on screen in place of the open document and everything about it. The
    /// old document's recovery copy goes: replacing it was the person's choice.
    pub(super) fn replace_document(&mut self, doc: Document, access: Access) -> &mut OpenDocument {
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
        // Reading the open file again (Revert, Reload) finds its lock taken by this very
        // window: the lock passes from the old document to the new one.
        let lock = match loaded.lock {
            Ok(lock) => Ok(lock),
            Err(message) => match std::mem::replace(&mut self.open.access, Access::NeverSaved) {
                Access::Editable { path: held, lock } if held == path => Ok(lock),
                other => {
                    self.open.access = other;
                    Err(message)
                }
            },
        };
        let (access, refused) = match lock {
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
    pub(super) fn look_for_recovery(&mut self) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        self.recovery_offer = find_offer(recovery);
        if self.recovery_offer.is_none() {
            self.info("No unsaved work from another window was found.".into());
        }
    }

    /// Opens the offered unsaved work as unsaved changes.
    pub(super) fn restore(&mut self) {
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

    pub(super) fn clear_recovery(&mut self) {
        self.open.recovery_written = Some(self.open.doc.revision());
        if let Some(path) = self.open.recovery_file.take() {
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

    /// Applies the result of a finished file job. Results about a document that is no
    /// longer open change nothing on screen but errors.
    pub(super) fn file_done(&mut self, ctx: &egui::Context, done: FileDone) {
        match done {
            FileDone::Loaded {
                path,
                asked_at,
                result,
            } => match result {
                // Work typed while the file was loading is not dropped without a question.
                Ok(_) if asked_at != self.open.key() && self.open.doc.is_dirty() => {
                    self.error(format!(
                        "{} was not opened: the session on screen changed while it loaded. \
                         Save or discard those changes, then open it again.",
                        path.display()
                    ));
                }
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
            FileDone::TextRead {
                document,
                path,
                result,
            } => match result {
                Ok(text) if document == self.open.serial => self.import_csv(&path, &text),
                Ok(_) => self.error(format!(
                    "Nothing was imported from {}: the session it was for is no longer open.",
                    path.display()
                )),
                Err(message) => self.error(format!("Nothing was imported: {message}")),
            },
            FileDone::RecoveryWritten {
                document, result, ..
            } => match result {
                Ok(path) if document == self.open.serial => {
                    self.open.recovery_file = Some(path);
                    self.recovery_off = false;
                }
                // The work of a document closed meanwhile: closing it dropped that work.
                Ok(path) => self.discard_recovery_file(path),
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
                    self.notice = Some(Notice::error(format!(
                        "An old recovery file could not be removed: {message}"
                    )));
                }
            }
        }
    }

    /// Applies a CSV matrix to the open document as one undoable edit, or shows every bad
    /// row and changes nothing.
    fn import_csv(&mut self, path: &std::path::Path, text: &str) {
        if self.open.access.is_read_only() {
            self.error("This session is open read-only: nothing was imported.".to_owned());
            return;
        }
        match crate::import::parse_matrix_csv(text, self.open.doc.session()) {
            Ok(import) => {
                let summary = import.summary();
                let doc = &mut self.open.doc;
                doc.seal();
                match doc.apply(Edit::ImportMatrix(import), (self.clock)()) {
                    Ok(()) => {
                        doc.seal();
                        self.open.last_edit = Some(Instant::now());
                        self.info(format!("Imported {}: {summary}", path.display()));
                    }
                    Err(err) => self.error(format!("Nothing was imported: {err}.")),
                }
                self.refresh_derived();
            }
            Err(issues) => {
                let mut lines: Vec<String> = issues
                    .iter()
                    .take(12)
                    .map(|issue| format!("{}:{issue}", path.display()))
                    .collect();
                if issues.len() > 12 {
                    lines.push(format!("… and {} more", issues.len() - 12));
                }
                self.error(format!(
                    "Nothing was imported: {} {} in the CSV.\n{}",
                    issues.len(),
                    if issues.len() == 1 {
                        "problem"
                    } else {
                        "problems"
                    },
                    lines.join("\n")
                ));
            }
        }
    }

    fn saved(&mut self, ctx: &egui::Context, path: PathBuf, revision: u64, result: SaveResult) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Prefs;
    use crate::document::Edit;
    use crate::model::Session;
    use crate::store;
    use chrono::TimeZone;

    /// `plan.ron` as a finished load would bring it back.
    fn loaded(dir: &std::path::Path) -> (PathBuf, LoadedFile) {
        let path = dir.join("plan.ron");
        let mut session = Session::new("make checkout faster");
        session.title = "From disk".into();
        store::save_file(&path, &session).unwrap();
        let (file, stamp) = store::load_file_stamped(&path).unwrap();
        let loaded = LoadedFile {
            session: Box::new(file.session),
            migrated_from: None,
            stamp,
            lock: Err("not needed here".into()),
        };
        (path, loaded)
    }

    fn typed_title(app: &mut VerdictApp, title: &str) {
        let noon = chrono::Utc
            .with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
            .unwrap();
        app.open
            .doc
            .apply(Edit::SetTitle(title.into()), noon)
            .unwrap();
    }

    #[test]
    fn a_file_that_arrives_after_new_typing_does_not_replace_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = VerdictApp::new_for_test(Session::new(""), Prefs::default());
        let asked_at = app.open.key();
        typed_title(&mut app, "Typed while it loaded");
        let (path, loaded) = loaded(dir.path());
        let ctx = egui::Context::default();
        app.file_done(
            &ctx,
            FileDone::Loaded {
                path,
                asked_at,
                result: Ok(loaded),
            },
        );
        assert_eq!(app.open.doc.session().title, "Typed while it loaded");
        let notice = app.open.notice.as_ref().expect("a notice says why");
        assert!(notice.text.contains("was not opened"), "{}", notice.text);
    }

    #[test]
    fn a_file_asked_for_over_unsaved_work_replaces_it_when_nothing_changed_since() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = VerdictApp::new_for_test(Session::new(""), Prefs::default());
        typed_title(&mut app, "Discarded on purpose");
        let asked_at = app.open.key();
        let (path, loaded) = loaded(dir.path());
        let ctx = egui::Context::default();
        app.file_done(
            &ctx,
            FileDone::Loaded {
                path: path.clone(),
                asked_at,
                result: Ok(loaded),
            },
        );
        assert_eq!(app.open.doc.session().title, "From disk");
        assert_eq!(app.open.path(), Some(&path));
        assert!(app.open.access.is_read_only(), "the lock was refused");
    }
}
