//! The open document: edits applied in one place, undo/redo, dirty flag. No egui, no files.

mod edit;
mod follow_up;
mod history;
mod round_edit;

pub use edit::{
    DirectiveField, Edit, EditError, FramingList, OptionText, OutsideScore, apply, as_percentages,
    scores_outside,
};
pub use history::{Document, MAX_UNDO};
pub use round_edit::RoundEdit;
