//! The one outbox of a frame: everything the input and the views want done, in order.
//!
//! Views never change the session, the window or a worker themselves: they push
//! [`Intent`]s, and the app applies the whole outbox once the frame is drawn.

use crate::analysis::robustness::RobustnessConfig;
use crate::document::Edit;
use crate::ui::command::Command;

/// Something a view asks the app to do once the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Apply this edit to the document.
    Edit(Edit),
    /// End the current undo step (a text field lost focus, a drag ended).
    Seal,
    /// Run this command (asks first when it would drop unsaved changes).
    Command(Command),
    /// Run this command without asking about unsaved changes: the person just answered.
    Confirmed(Command),
    /// Keep the robustness analysis of the document up to date with these settings.
    Analyse(RobustnessConfig),
    /// Stop the running Monte Carlo analysis.
    CancelAnalysis,
    /// Give the keyboard focus to this widget.
    Focus(egui::Id),
    /// End blind scoring in the Matrix: every score and result is shown again.
    RevealBlind,
}

/// The intents of one frame, in the order they were asked for.
#[derive(Debug, Default)]
pub struct Outbox {
    intents: Vec<Intent>,
}

impl Outbox {
    /// Adds one intent.
    pub fn push(&mut self, intent: Intent) {
        self.intents.push(intent);
    }

    /// Asks for `command` to run.
    pub fn command(&mut self, command: Command) {
        self.push(Intent::Command(command));
    }

    /// Takes the intents out, in order.
    pub fn into_intents(self) -> Vec<Intent> {
        self.intents
    }
}
