//! A message shown under the menu bar until dismissed.

/// A message shown under the menu bar until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// What happened, where, and what to do.
    pub text: String,
    /// Shown as an error.
    pub is_error: bool,
    /// Offer "Save As…" next to it (after a failed save).
    pub offer_save_as: bool,
}

impl Notice {
    /// An error message.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            is_error: true,
            offer_save_as: false,
        }
    }

    /// A message that something went well.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            is_error: false,
            offer_save_as: false,
        }
    }
}
