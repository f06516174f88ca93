//! The open document: edits applied in one place, undo/redo, dirty flag. No egui, no files.

mod edit;
mod history;

pub use edit::{
    DirectiveField, Edit, EditError, FramingList, OutsideScore, apply, as_percentages,
    scores_outside,
};
pub use history::{Document, MAX_UNDO};
