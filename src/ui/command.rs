//! Commands: everything the menu bar, the keyboard and the help overlay can ask for.
//!
//! Each [`Command`] carries its own label, tooltip and shortcut, so the three never disagree.
//! Views return commands; the app applies them once the frame is drawn.

use super::nav::Place;
use crate::export::Format;
use egui::{Key, KeyboardShortcut, Modifiers};
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
    /// Save to the current file (asks for a name when there is none).
    Save,
    /// Save under a new name.
    SaveAs,
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
    /// Export the decision summary in this format.
    Export(Format),
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

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

const fn key(modifiers: Modifiers, logical_key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, logical_key)
}

impl Command {
    /// Commands that have a shortcut, most modifiers first so that Ctrl+Shift+Z is tried
    /// before Ctrl+Z.
    pub fn with_shortcuts() -> Vec<Command> {
        let mut all = vec![
            Command::SaveAs,
            Command::Redo,
            Command::New,
            Command::Open,
            Command::Save,
            Command::Undo,
            Command::TogglePresentation,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::ToggleShortcuts,
            Command::Quit,
        ];
        all.extend(Place::ALL.map(Command::GoTo));
        all
    }

    /// The name in menus and the help overlay.
    pub fn label(&self) -> String {
        match self {
            Command::New => "New".into(),
            Command::Open => "Open…".into(),
            Command::OpenPath(path) => path.display().to_string(),
            Command::OpenPortfolio => "Open portfolio…".into(),
            Command::OpenPortfolioPath(path) => format!("Portfolio {}", path.display()),
            Command::ShowPortfolio => "Portfolio view".into(),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save As…".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::GoTo(place) => place.label().into(),
            Command::NextPlace => "Next".into(),
            Command::PreviousPlace => "Previous".into(),
            Command::TogglePresentation => "Presentation mode".into(),
            Command::Export(format) => format!("Export {}…", format.label()),
            Command::ZoomIn => "Zoom in".into(),
            Command::ZoomOut => "Zoom out".into(),
            Command::ZoomReset => "Actual size".into(),
            Command::ToggleTheme => "Switch dark / light theme".into(),
            Command::ToggleShortcuts => "Keyboard shortcuts".into(),
            Command::Quit => "Quit".into(),
        }
    }

    /// One sentence on what the command does.
    pub fn tooltip(&self) -> String {
        match self {
            Command::New => "Start a new session from the default criteria".into(),
            Command::Open => "Open a session file (.ron)".into(),
            Command::OpenPath(path) => format!("Open {}", path.display()),
            Command::OpenPortfolio => {
                "Open a folder of sessions: which work to fund with the people you have".into()
            }
            Command::OpenPortfolioPath(path) => {
                format!("Open {} as a portfolio", path.display())
            }
            Command::ShowPortfolio => "Back to the open portfolio".into(),
            Command::Save => "Save the session to its file".into(),
            Command::SaveAs => "Save the session under a new name".into(),
            Command::Undo => "Undo the last change to the session".into(),
            Command::Redo => "Redo the last undone change".into(),
            Command::GoTo(place) => place.purpose().into(),
            Command::NextPlace => "Go to the next stage of the flow".into(),
            Command::PreviousPlace => "Go to the previous stage of the flow".into(),
            Command::TogglePresentation => {
                "Large type, high contrast, private notes hidden, for screen sharing".into()
            }
            Command::Export(format) => {
                format!("Write the decision summary as a {}", format.label())
            }
            Command::ZoomIn => "Make everything bigger".into(),
            Command::ZoomOut => "Make everything smaller".into(),
            Command::ZoomReset => "Back to the normal size".into(),
            Command::ToggleTheme => "Switch between the dark and the light theme".into(),
            Command::ToggleShortcuts => "List every keyboard shortcut".into(),
            Command::Quit => "Close the window; asks first when there are unsaved changes".into(),
        }
    }

    /// The main keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        Some(match self {
            Command::New => key(CTRL, Key::N),
            Command::Open => key(CTRL, Key::O),
            Command::Save => key(CTRL, Key::S),
            Command::SaveAs => key(CTRL_SHIFT, Key::S),
            Command::Undo => key(CTRL, Key::Z),
            Command::Redo => key(CTRL_SHIFT, Key::Z),
            Command::GoTo(place) => key(
                CTRL,
                [
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                ][place.index()],
            ),
            Command::TogglePresentation => key(Modifiers::NONE, Key::F11),
            Command::ZoomIn => key(CTRL, Key::Plus),
            Command::ZoomOut => key(CTRL, Key::Minus),
            Command::ZoomReset => key(CTRL, Key::Num0),
            Command::ToggleShortcuts => key(Modifiers::NONE, Key::F1),
            Command::Quit => key(CTRL, Key::Q),
            _ => return None,
        })
    }

    /// Further shortcuts that do the same (Ctrl+Y for redo, Ctrl+P for presentation,
    /// Ctrl+= for zoom in, since plus needs Shift on most keyboards).
    pub fn alternative_shortcuts(&self) -> Vec<KeyboardShortcut> {
        match self {
            Command::Redo => vec![key(CTRL, Key::Y)],
            Command::TogglePresentation => vec![key(CTRL, Key::P)],
            Command::ZoomIn => vec![key(CTRL, Key::Equals)],
            _ => Vec::new(),
        }
    }

    /// True for commands that a focused text field handles itself (its own undo).
    pub fn yields_to_text_fields(&self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
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
}

/// Takes the shortcuts pressed this frame out of the input and returns their commands.
/// While a text field has the keyboard, undo and redo are left to it.
pub fn commands_from_keyboard(ctx: &egui::Context) -> Vec<Command> {
    let text_focused = ctx.egui_wants_keyboard_input();
    let mut found = Vec::new();
    ctx.input_mut(|input| {
        for command in Command::with_shortcuts() {
            if text_focused && command.yields_to_text_fields() {
                continue;
            }
            let shortcuts = command
                .shortcut()
                .into_iter()
                .chain(command.alternative_shortcuts());
            for shortcut in shortcuts {
                if input.consume_shortcut(&shortcut) {
                    found.push(command.clone());
                    break;
                }
            }
        }
    });
    found
}

/// The help overlay's content: every command with a shortcut, one per row.
pub fn shortcuts_ui(ui: &mut egui::Ui) {
    // Shown in the order people look for them, not the order they are matched in.
    let mut commands = vec![
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Undo,
        Command::Redo,
    ];
    commands.extend(Place::ALL.map(Command::GoTo));
    commands.extend([
        Command::TogglePresentation,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleShortcuts,
        Command::Quit,
    ]);
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for command in commands {
            let Some(shortcut) = command.shortcut() else {
                continue;
            };
            let mut keys = vec![ui.ctx().format_shortcut(&shortcut)];
            keys.extend(
                command
                    .alternative_shortcuts()
                    .iter()
                    .map(|s| ui.ctx().format_shortcut(s)),
            );
            ui.label(command.label());
            ui.label(keys.join("  or  "));
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<KeyboardShortcut> = Vec::new();
        for command in Command::with_shortcuts() {
            for shortcut in command
                .shortcut()
                .into_iter()
                .chain(command.alternative_shortcuts())
            {
                assert!(!seen.contains(&shortcut), "{command:?} reuses {shortcut:?}");
                seen.push(shortcut);
            }
        }
    }

    #[test]
    fn ctrl_shift_z_is_tried_before_ctrl_z() {
        let order = Command::with_shortcuts();
        let redo = order.iter().position(|c| *c == Command::Redo);
        let undo = order.iter().position(|c| *c == Command::Undo);
        assert!(redo < undo);
    }
}
