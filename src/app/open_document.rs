//! The document on screen and everything that belongs to it: its history, its file, the
//! questions open about it, and every place's drafts. New, Open, Revert, Reload and
//! Recover replace the whole value, so nothing typed for one decision reaches another.

use super::notice::Notice;
use crate::document::Document;
use crate::store::{DocumentLock, FileStamp};
use crate::ui::command::Command;
use crate::ui::nav::Place;
use crate::ui::places::PlaceStates;
use std::path::PathBuf;
use std::time::Instant;

/// How the document may be written back to its file.
#[derive(Debug)]
pub enum Access {
    /// Not saved to a file yet: Save asks where.
    NeverSaved,
    /// Open for editing; the lock keeps other windows from editing the same file.
    Editable {
        /// The file.
        path: PathBuf,
        /// Held while the document is open.
        lock: DocumentLock,
    },
    /// Another window edits the file: Save goes to Save As.
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
}

impl Access {
    /// The file, if there is one.
    pub fn path(&self) -> Option<&PathBuf> {
        match self {
            Access::NeverSaved => None,
            Access::Editable { path, .. } | Access::ReadOnly { path } => Some(path),
        }
    }

    /// True when the file may not be saved over.
    pub fn is_read_only(&self) -> bool {
        matches!(self, Access::ReadOnly { .. })
    }
}

/// A question about the document that waits for an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The document has unsaved changes and this command would drop them.
    UnsavedChanges(Command),
    /// The file changed on disk since it was loaded or saved.
    ChangedOnDisk,
    /// No file chooser could be shown: the path is typed in the window.
    PathPrompt {
        /// The command the path is for (Open, Save As, an export).
        purpose: Command,
        /// The path as typed so far.
        text: String,
    },
}

/// One open document and all its state in the window.
#[derive(Debug)]
pub struct OpenDocument {
    /// The session with its undo history and revision.
    pub doc: Document,
    /// Distinct for every document opened in this window: keys caches and salts widget
    /// ids, so scroll offsets and text-field state start afresh.
    pub serial: u64,
    /// The file and whether it may be written.
    pub access: Access,
    /// The file as loaded or last saved, for the external-change check.
    pub stamp: Option<FileStamp>,
    /// The question open about the document, if any.
    pub dialog: Option<Dialog>,
    /// A command to run once the save in progress succeeds.
    pub after_save: Option<Command>,
    /// What happened to this document last (saved, exported, opened read-only…).
    pub notice: Option<Notice>,
    /// The recovery file holding this document's unsaved work, deleted after a save.
    pub recovery_file: Option<PathBuf>,
    /// The revision last written to the recovery file.
    pub recovery_written: Option<u64>,
    /// When the document was last changed, for the recovery copy's delay.
    pub last_edit: Option<Instant>,
    /// The place shown.
    pub place: Place,
    /// Every place's drafts, selections and forms.
    pub places: PlaceStates,
}

impl OpenDocument {
    /// `doc` on the Directive place with nothing typed anywhere.
    pub fn new(doc: Document, serial: u64) -> Self {
        Self {
            doc,
            serial,
            access: Access::NeverSaved,
            stamp: None,
            dialog: None,
            after_save: None,
            notice: None,
            recovery_file: None,
            recovery_written: None,
            last_edit: None,
            place: Place::Directive,
            places: PlaceStates::default(),
        }
    }

    /// The file, if there is one.
    pub fn path(&self) -> Option<&PathBuf> {
        self.access.path()
    }

    /// The file's name, or "Untitled".
    pub fn display_name(&self) -> String {
        self.path().and_then(|p| p.file_name()).map_or_else(
            || "Untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Identifies this document at its current revision, for caches.
    pub fn key(&self) -> (u64, u64) {
        (self.serial, self.doc.revision())
    }
}
