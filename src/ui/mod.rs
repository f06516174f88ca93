//! egui views: functions named `*_ui` that read the document and emit edits and commands.

pub mod robustness_view;
