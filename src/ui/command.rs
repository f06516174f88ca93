//! Commands: everything the menu bar, buttons, the keyboard and the dialogs can ask for.
//!
//! Each [`Command`]'s label, toggled label, tooltip and shortcuts come from one exhaustive
//! `match` in [`Command::spec`]; the menu bar, the buttons, the presentation stepper, the
//! keyboard handling and the shortcut sheet all read it, so they never disagree.

use super::nav::Place;
use crate::export::Format;
use crate::ui::theme;
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
    /// Run the first command (Open, Save As, an export) with the path typed in the window.
    UsePath(Box<Command>, PathBuf),
    /// Close the question on screen without doing anything.
    CloseDialog,
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

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
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
                format!("Write the decision summary as a {}", format.label()),
                &[],
            ),
            Command::UsePath(_, path) => spec("OK", format!("Use {}", path.display()), &[]),
            Command::CloseDialog => spec("Cancel", "Close this question and change nothing", &[]),
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
                &[presenting(Key::ArrowRight)],
            ),
            Command::PreviousPlace => spec(
                "Previous",
                "Go to the previous stage of the flow",
                &[presenting(Key::ArrowLeft)],
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
        ];
        all.extend(Format::ALL.map(Command::Export));
        all.extend([Command::Undo, Command::Redo]);
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

/// Every (command, shortcut) the keyboard listens for, those with more modifiers first, so
/// that Ctrl+Shift+Z is taken for Redo before Ctrl+Z could take it for Undo.
pub fn keymap() -> Vec<(Command, Shortcut)> {
    let mut map: Vec<(Command, Shortcut)> = Command::catalogue()
        .into_iter()
        .flat_map(|command| {
            let shortcuts = command.spec().shortcuts;
            shortcuts.into_iter().map(move |s| (command.clone(), s))
        })
        .collect();
    map.sort_by_key(|(_, shortcut)| std::cmp::Reverse(shortcut.modifier_count()));
    map
}

/// Takes the shortcuts pressed this frame out of the input and returns their commands.
/// While a text field has the keyboard, only [`When::Always`] shortcuts count.
pub fn commands_from_keyboard(ctx: &egui::Context, is_presenting: bool) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut found = Vec::new();
    ctx.input_mut(|input| {
        for (command, shortcut) in keymap() {
            let listening = match shortcut.when {
                When::Always => true,
                When::NotTyping => !typing,
                When::Presenting => is_presenting && !typing,
            };
            if listening && input.consume_shortcut(&shortcut.keys) {
                found.push(command);
            }
        }
    });
    found
}

/// The shortcut sheet's rows: each command with shortcuts, and their keys as text.
pub fn shortcut_rows(ctx: &egui::Context) -> Vec<(String, String)> {
    Command::catalogue()
        .into_iter()
        .filter_map(|command| {
            let spec = command.spec();
            if spec.shortcuts.is_empty() {
                return None;
            }
            let keys: Vec<String> = spec
                .shortcuts
                .iter()
                .map(|s| {
                    let text = ctx.format_shortcut(&s.keys);
                    match s.when {
                        When::Presenting => format!("{text} (presenting)"),
                        When::Always | When::NotTyping => text,
                    }
                })
                .collect();
            Some((spec.label, keys.join("  or  ")))
        })
        .collect()
}

/// The shortcut sheet: every command with a shortcut, one per row, and the keys that work
/// inside forms.
pub fn shortcuts_ui(ui: &mut egui::Ui) {
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for (label, keys) in shortcut_rows(ui.ctx()) {
            ui.label(label);
            ui.label(keys);
            ui.end_row();
        }
    });
    ui.add_space(theme::SPACE_M);
    ui.weak(
        "In a text field: Enter adds what was typed, Escape closes a rater's form, and \
         Ctrl+Z undoes the typing itself.",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant, payloads included; the `match` in [`Command::spec`] has no
    /// catch-all, so a new variant cannot be forgotten there.
    fn every_command() -> Vec<Command> {
        let mut all = Command::catalogue();
        all.extend([
            Command::OpenPath(PathBuf::from("plan.ron")),
            Command::SaveThen(Box::new(Command::New)),
            Command::Overwrite,
            Command::UsePath(Box::new(Command::Open), PathBuf::from("plan.ron")),
            Command::CloseDialog,
            Command::Restore,
            Command::DiscardRestorable,
        ]);
        all
    }

    #[test]
    fn every_command_has_a_label_and_a_tooltip() {
        for command in every_command() {
            let spec = command.spec();
            assert!(!spec.label.trim().is_empty(), "{command:?} has no label");
            assert!(
                !spec.tooltip.trim().is_empty(),
                "{command:?} has no tooltip"
            );
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for (command, shortcut) in keymap() {
            if let Some((_, other)) = seen.iter().find(|(keys, _)| *keys == shortcut.keys) {
                panic!("{command:?} and {other:?} share {:?}", shortcut.keys);
            }
            seen.push((shortcut.keys, command));
        }
    }

    #[test]
    fn shortcuts_with_more_modifiers_are_tried_first() {
        let counts: Vec<usize> = keymap().iter().map(|(_, s)| s.modifier_count()).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    }

    #[test]
    fn every_handled_key_is_in_the_shortcut_sheet() {
        let ctx = egui::Context::default();
        let rows = shortcut_rows(&ctx);
        for (command, shortcut) in keymap() {
            let keys = ctx.format_shortcut(&shortcut.keys);
            let label = command.label();
            assert!(
                rows.iter().any(|(l, k)| *l == label && k.contains(&keys)),
                "{label} ({keys}) is handled but not listed"
            );
        }
        for key in ["F11", "Esc"] {
            assert!(
                rows.iter().any(|(_, k)| k.contains(key)),
                "{key} is not listed"
            );
        }
    }

    #[test]
    fn toggled_labels_say_what_a_click_would_do() {
        assert_eq!(
            Command::TogglePresentation.label_when(true),
            "Leave presentation mode"
        );
        assert_eq!(Command::ToggleTheme.label_when(true), "Light theme");
        assert_eq!(Command::ToggleTheme.label_when(false), "Dark theme");
        assert_eq!(Command::Save.label_when(true), "Save");
    }

    /// The commands that one frame's key presses give.
    fn pressed(modifiers: Modifiers, key: Key, presenting: bool) -> Vec<Command> {
        let ctx = egui::Context::default();
        let mut found = Vec::new();
        let press = egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        };
        let input = egui::RawInput {
            events: vec![press],
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            found = commands_from_keyboard(ui.ctx(), presenting);
        });
        // Nothing is painted here; the fonts uploaded for the frame are not needed.
        output.textures_delta.clear();
        found
    }

    #[test]
    fn ctrl_shift_z_redoes_and_ctrl_z_undoes() {
        assert_eq!(pressed(CTRL_SHIFT, Key::Z, false), [Command::Redo]);
        assert_eq!(pressed(CTRL, Key::Z, false), [Command::Undo]);
    }

    #[test]
    fn arrows_and_escape_step_only_while_presenting() {
        assert_eq!(
            pressed(Modifiers::NONE, Key::ArrowRight, true),
            [Command::NextPlace]
        );
        assert_eq!(
            pressed(Modifiers::NONE, Key::Escape, true),
            [Command::TogglePresentation]
        );
        assert!(pressed(Modifiers::NONE, Key::ArrowRight, false).is_empty());
        assert!(pressed(Modifiers::NONE, Key::Escape, false).is_empty());
    }
}
