//! egui views: functions named `*_ui` that read the document and emit edits and commands.

pub mod decide_view;
pub mod matrix_view;
pub mod robustness_view;
pub mod theme;
pub mod view_ctx;

pub use view_ctx::{Intent, ViewCtx};
