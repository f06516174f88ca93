//! The open document: edits applied in one place, undo/redo, dirty flag. No egui, no files.

mod edit;
mod history;
mod round_edit;

pub use edit::{DirectiveField, Edit, EditError, FramingList, apply};
pub use history::{Document, MAX_UNDO};
pub use round_edit::RoundEdit;
