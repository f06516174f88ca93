//! The open document: edits applied in one place, undo/redo, dirty flag. No egui, no files.

mod criteria_edits;
mod edit;
mod history;

pub use criteria_edits::{OutsideScore, as_percentages, scores_outside};
pub use edit::{DirectiveField, Edit, EditError, FramingList, apply};
pub use history::{Document, MAX_UNDO};
