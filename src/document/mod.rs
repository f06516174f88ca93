//! The open document: edits applied in one place, undo/redo, dirty flag, and matrices read
//! from CSV text into an edit. No egui, no files.

mod criteria_edits;
mod csv_import;
mod edit;
mod history;

pub use criteria_edits::{OutsideScore, as_percentages, scores_outside};
pub use csv_import::{ImportIssue, ImportRow, MatrixImport, parse_matrix_csv};
pub use edit::{DirectiveField, Edit, EditError, FramingList, apply};
pub use history::{Document, MAX_UNDO};
