//! egui views: functions named `*_ui` that read the document and report what they want
//! done through the one [`ViewCtx`] they are given.
//!
//! One module per place (`directive`, `framing`, `options/`, `matrix/`, `decide/`,
//! `decision_log` with the memo's prose in `memo`), each drawn through
//! [`places::PlaceView`]; the window's chrome
//! (`menu_bar`, `nav`, `presentation`); what every command is (`command/`); how rows keep
//! inside the window (`fit`); and the design tokens (`theme`).

pub mod acceptability_chart;
pub mod blind_note;
pub mod cell_jump;
pub mod command;
pub mod criteria;
pub mod decide;
pub mod decision_log;
pub mod directive;
pub mod fields;
pub mod fit;
pub mod focus_view;
pub mod framing;
pub mod framing_slide;
pub mod label_layout;
pub mod markdown_view;
pub mod matrix;
pub mod memo;
pub mod menu_bar;
pub mod nav;
pub mod options;
pub mod outbox;
pub mod palette;
pub mod places;
pub mod portfolio;
pub mod presentation;
pub mod room;
pub mod round_view;
pub mod summary_slide;
pub mod theme;
pub mod view_ctx;

pub use outbox::{Intent, Outbox};
pub use view_ctx::ViewCtx;
