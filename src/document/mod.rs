//! The open document: edits applied in one place, undo/redo, dirty flag. No egui, no files.
