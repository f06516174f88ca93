//! The open document: edits applied in one place, undo/redo, dirty flag. No egui, no files.

mod history;
mod edit;

pub use history::{Document, MAX_UNDO};
pub use edit::{DirectiveField, Edit, EditError, FramingList, apply};
