//! Commands: everything the menu bar, buttons, the keyboard and the dialogs can ask for.
//!
//! Each [`Command`]'s label, toggled label, tooltip and shortcuts come from one exhaustive
//! `match` ([`Command::spec`]); the menu bar, the buttons, the presentation
//! stepper, the keyboard handling and the shortcut sheet ([`keymap`]) all read it, so they
//! never disagree.

mod keymap;
mod spec;

pub use keymap::{keyboard_input, keymap, shortcut_rows, shortcuts_ui};
pub use spec::{CommandSpec, Shortcut, When};

use crate::export::Format;
use crate::ui::nav::Place;
use egui::KeyboardShortcut;
use std::path::PathBuf;

/// Something the user asks the app to do (as opposed to an edit of the document).
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start a new, empty session.
    New,
    /// Open a session file chosen in a dialog.
    Open,
    /// Open this session file.
    OpenPath(PathBuf),
    /// Open a folder of sessions as a portfolio, chosen in a dialog.
    OpenPortfolio,
    /// Open this folder as a portfolio.
    OpenPortfolioPath(PathBuf),
    /// Show the open portfolio again.
    ShowPortfolio,
    /// Read the file again, dropping the changes made since it was loaded or saved.
    Revert,
    /// Look for unsaved work that a window which did not close cleanly left behind.
    Recover,
    /// Save to the current file (asks for a name when there is none).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Save, then run the command that was waiting for the unsaved changes.
    SaveThen(Box<Command>),
    /// Save over the file even though someone else changed it on disk.
    Overwrite,
    /// Export the decision summary in this format.
    Export(Format),
    /// Add and update options and scores from a CSV file shaped like the CSV export.
    ImportCsv,
    /// Show the Menu with the cursor in "New option title".
    AddOption,
    /// Open the criteria editor on the Matrix with the cursor in "New criterion name".
    AddCriterion,
    /// Record the outcome written in Decide's form, or show the form where it is not
    /// complete yet.
    RecordOutcome,
    /// Run the first command (Open, Save As, an export) with the path typed in the window.
    UsePath(Box<Command>, PathBuf),
    /// Close the question on screen without doing anything.
    CloseDialog,
    /// Hide the message under the menu bar.
    DismissNotice,
    /// Open the unsaved work found in the recovery folder.
    Restore,
    /// Delete the unsaved work found in the recovery folder.
    DiscardRestorable,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show this place.
    GoTo(Place),
    /// Show the next place in the flow.
    NextPlace,
    /// Show the previous place in the flow.
    PreviousPlace,
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Bigger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Normal text size.
    ZoomReset,
    /// Switch between the dark and the light theme.
    ToggleTheme,
    /// Show or hide the list of keyboard shortcuts.
    ToggleShortcuts,
    /// Close the window (asks first when there are unsaved changes).
    Quit,
}

impl Command {
    /// The name in menus and on buttons.
    pub fn label(&self) -> String {
        self.spec().label
    }

    /// The name to show when what the command toggles is `on`.
    pub fn label_when(&self, on: bool) -> String {
        let spec = self.spec();
        match spec.toggled_label {
            Some(toggled) if on => toggled.to_owned(),
            _ => spec.label,
        }
    }

    /// One sentence on what the command does.
    pub fn tooltip(&self) -> String {
        self.spec().tooltip
    }

    /// The main keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.spec().shortcuts.first().map(|s| s.keys)
    }

    /// The tooltip followed by the shortcut, e.g. "Save the session to its file (Ctrl+S)".
    pub fn tooltip_with_shortcut(&self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(shortcut) => format!("{} ({})", self.tooltip(), ctx.format_shortcut(&shortcut)),
            None => self.tooltip(),
        }
    }

    /// A menu button for the command, with its shortcut on the right; true when clicked.
    pub fn menu_item(&self, ui: &mut egui::Ui, enabled: bool) -> bool {
        self.menu_item_labelled(ui, &self.label(), enabled)
    }

    /// Like [`Command::menu_item`] with another label (e.g. "Undo: change Cost of …").
    pub fn menu_item_labelled(&self, ui: &mut egui::Ui, label: &str, enabled: bool) -> bool {
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        ui.add_enabled(enabled, button)
            .on_hover_text(self.tooltip())
            .clicked()
    }

    /// A button for the command with its tooltip and shortcut; true when clicked.
    pub fn button(&self, ui: &mut egui::Ui, label: &str, enabled: bool) -> bool {
        ui.add_enabled(enabled, egui::Button::new(label))
            .on_hover_text(self.tooltip_with_shortcut(ui.ctx()))
            .clicked()
    }
}
