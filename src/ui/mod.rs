//! egui views: functions named `*_ui` that read the document and emit edits and commands.

pub mod acceptability_chart;
pub mod cell_jump;
pub mod command;
pub mod decide_view;
pub mod directive_view;
pub mod fields;
pub mod framing_slide;
pub mod framing_view;
pub mod label_layout;
pub mod log_view;
pub mod markdown_view;
pub mod matrix_view;
pub mod menu_bar;
pub mod menu_view;
pub mod nav;
pub mod palette;
pub mod presentation;
pub mod robustness_view;
pub mod round_view;
pub mod summary_slide;
pub mod theme;
pub mod view_ctx;

pub use view_ctx::{Intent, ViewCtx};
