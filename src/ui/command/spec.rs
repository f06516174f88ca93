//! What each command is called, what it does, and which keys ask for it: one exhaustive
//! `match` with no catch-all, so a new command cannot be forgotten.

use super::Command;
use crate::export::Format;
use crate::ui::nav::Place;
use egui::{Key, KeyboardShortcut, Modifiers};

/// When a shortcut is listened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Always, even while typing.
    Always,
    /// Unless a text field has the keyboard (it has its own undo, arrows, Escape).
    NotTyping,
    /// While presenting, unless a text field has the keyboard.
    Presenting,
}

/// One key combination for a command and when it applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// When they are listened for.
    pub when: When,
}

impl Shortcut {
    /// How many modifiers it needs; a shortcut with more wins over one with fewer.
    pub fn modifier_count(&self) -> usize {
        let m = self.keys.modifiers;
        [m.alt, m.shift, m.command || m.ctrl || m.mac_cmd]
            .into_iter()
            .filter(|held| *held)
            .count()
    }
}

/// Everything shown or matched for one command.
#[derive(Clone, Debug, PartialEq)]
pub struct CommandSpec {
    /// The name in menus, on buttons and in the shortcut sheet.
    pub label: String,
    /// The name while what it toggles is on (e.g. "Leave presentation mode").
    pub toggled_label: Option<&'static str>,
    /// One sentence on what it does.
    pub tooltip: String,
    /// Its shortcuts, the main one first.
    pub shortcuts: Vec<Shortcut>,
}

pub(super) const CTRL: Modifiers = Modifiers::COMMAND;
pub(super) const CTRL_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

const fn always(modifiers: Modifiers, key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(modifiers, key),
        when: When::Always,
    }
}

const fn not_typing(modifiers: Modifiers, key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(modifiers, key),
        when: When::NotTyping,
    }
}

const fn presenting(key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, key),
        when: When::Presenting,
    }
}

/// Ctrl+1 … Ctrl+6, one per place.
const PLACE_KEYS: [Key; 6] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
];

/// A command's label, tooltip and shortcuts, as literals.
fn spec(
    label: impl Into<String>,
    tooltip: impl Into<String>,
    shortcuts: &[Shortcut],
) -> CommandSpec {
    CommandSpec {
        label: label.into(),
        toggled_label: None,
        tooltip: tooltip.into(),
        shortcuts: shortcuts.to_vec(),
    }
}

/// The short name of a format on export buttons and menu items.
fn format_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Html => "HTML",
        Format::Csv => "CSV",
        Format::Json => "JSON",
        Format::Memo => "Memo (Markdown)",
        Format::MemoHtml => "Memo (HTML)",
    }
}

impl Command {
    /// Everything shown or matched for this command.
    pub fn spec(&self) -> CommandSpec {
        match self {
            Command::New => spec(
                "New",
                "Start a new session from the default criteria",
                &[always(CTRL, Key::N)],
            ),
            Command::Open => spec(
                "Open…",
                "Open a session file (.ron)",
                &[always(CTRL, Key::O)],
            ),
            Command::OpenPath(path) => spec(
                path.display().to_string(),
                format!("Open {}", path.display()),
                &[],
            ),
            Command::OpenPortfolio => spec(
                "Open portfolio…",
                "Open a folder of sessions: which work to fund with the people you have",
                &[],
            ),
            Command::OpenPortfolioPath(path) => spec(
                format!("Portfolio {}", path.display()),
                format!("Open {} as a portfolio", path.display()),
                &[],
            ),
            Command::ShowPortfolio => spec("Portfolio view", "Back to the open portfolio", &[]),
            Command::Revert => spec(
                "Revert to saved",
                "Read the file again, dropping the changes not saved",
                &[],
            ),
            Command::Recover => spec(
                "Recover unsaved work…",
                "Look for unsaved work left by a window that did not close cleanly",
                &[],
            ),
            Command::Save => spec(
                "Save",
                "Save the session to its file",
                &[always(CTRL, Key::S)],
            ),
            Command::SaveAs => spec(
                "Save As…",
                "Save the session under a new name",
                &[always(CTRL_SHIFT, Key::S)],
            ),
            Command::SaveThen(_) => spec("Save", "Save the changes first", &[]),
            Command::Overwrite => spec(
                "Overwrite with mine",
                "Save over the file, replacing the other changes",
                &[],
            ),
            Command::Export(format) => spec(
                format!("Export {}…", format_name(*format)),
                format!("Write the session as a {}", format.label()),
                &[],
            ),
            Command::ImportCsv => spec(
                "Import CSV…",
                "Add and update options and scores from a CSV shaped like the CSV export; \
                 nothing changes if any row is bad",
                &[],
            ),
            Command::AddOption => spec(
                "Add option…",
                "Show the Menu with the cursor in the new option's title",
                &[always(CTRL_SHIFT, Key::O)],
            ),
            Command::RecordOutcome => spec(
                "Record outcome",
                "Record the outcome written in Decide, or show what it still needs",
                &[always(CTRL, Key::Enter)],
            ),
            Command::AddCriterion => spec(
                "Add criterion…",
                "Open the criteria editor to add, shape and weigh criteria",
                &[always(CTRL_SHIFT, Key::C)],
            ),
            Command::UsePath(_, path) => spec("OK", format!("Use {}", path.display()), &[]),
            Command::CloseDialog => spec("Cancel", "Close this question and change nothing", &[]),
            Command::DismissNotice => spec("Dismiss", "Hide this message", &[]),
            Command::Restore => spec("Restore", "Open the unsaved work as unsaved changes", &[]),
            Command::DiscardRestorable => {
                spec("Discard it", "Delete the unsaved work for good", &[])
            }
            Command::Undo => spec(
                "Undo",
                "Undo the last change to the session",
                &[not_typing(CTRL, Key::Z)],
            ),
            Command::Redo => spec(
                "Redo",
                "Redo the last undone change",
                &[not_typing(CTRL_SHIFT, Key::Z), not_typing(CTRL, Key::Y)],
            ),
            Command::GoTo(place) => spec(
                place.label(),
                place.purpose(),
                &[always(CTRL, PLACE_KEYS[place.index()])],
            ),
            Command::NextPlace => spec(
                "Next",
                "Go to the next stage of the flow",
                // A presentation clicker sends Page Down or the right arrow; the down and up
                // arrows scroll a place that is longer than the screen.
                &[presenting(Key::ArrowRight), presenting(Key::PageDown)],
            ),
            Command::PreviousPlace => spec(
                "Previous",
                "Go to the previous stage of the flow",
                &[presenting(Key::ArrowLeft), presenting(Key::PageUp)],
            ),
            Command::TogglePresentation => CommandSpec {
                toggled_label: Some("Leave presentation mode"),
                ..spec(
                    "Presentation mode",
                    "Large type, high contrast, private notes hidden, for screen sharing",
                    &[
                        always(Modifiers::NONE, Key::F11),
                        always(CTRL, Key::P),
                        presenting(Key::Escape),
                    ],
                )
            },
            Command::ZoomIn => spec(
                "Zoom in",
                "Make everything bigger",
                // Ctrl+= too, since plus needs Shift on most keyboards.
                &[always(CTRL, Key::Plus), always(CTRL, Key::Equals)],
            ),
            Command::ZoomOut => spec(
                "Zoom out",
                "Make everything smaller",
                &[always(CTRL, Key::Minus)],
            ),
            Command::ZoomReset => spec(
                "Actual size",
                "Back to the normal size",
                &[always(CTRL, Key::Num0)],
            ),
            Command::ToggleTheme => CommandSpec {
                toggled_label: Some("Light theme"),
                ..spec(
                    "Dark theme",
                    "Switch between the dark and the light theme",
                    &[],
                )
            },
            Command::ToggleShortcuts => spec(
                "Keyboard shortcuts",
                "List every keyboard shortcut",
                &[always(Modifiers::NONE, Key::F1)],
            ),
            Command::Quit => spec(
                "Quit",
                "Close the window; asks first when there are unsaved changes",
                &[always(CTRL, Key::Q)],
            ),
        }
    }

    /// Every command a person can ask for without naming a file, in the order the
    /// shortcut sheet lists them. A command added to [`Command`] belongs here unless it
    /// carries a path or answers a question on screen.
    pub fn catalogue() -> Vec<Command> {
        let mut all = vec![
            Command::New,
            Command::Open,
            Command::Save,
            Command::SaveAs,
            Command::Revert,
            Command::Recover,
            Command::OpenPortfolio,
        ];
        all.extend(Format::ALL.map(Command::Export));
        all.extend([
            Command::ImportCsv,
            Command::Undo,
            Command::Redo,
            Command::AddOption,
            Command::AddCriterion,
            Command::RecordOutcome,
        ]);
        all.extend(Place::ALL.map(Command::GoTo));
        all.extend([
            Command::PreviousPlace,
            Command::NextPlace,
            Command::TogglePresentation,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::ToggleTheme,
            Command::ToggleShortcuts,
            Command::Quit,
        ]);
        all
    }
}
