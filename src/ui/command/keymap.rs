//! The keyboard: which key presses become which commands (more modifiers win), and the
//! shortcut sheet that lists every one of them.

use super::{Command, Shortcut, When};
use crate::ui::outbox::Outbox;
use crate::ui::theme;

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

/// Takes the shortcuts pressed this frame out of the input and puts their commands into
/// `out`. While a text field has the keyboard, only [`When::Always`] shortcuts count.
pub fn keyboard_input(ctx: &egui::Context, is_presenting: bool, out: &mut Outbox) {
    // Typing means a text field has the keyboard; a focused button or Matrix cell still
    // lets Ctrl+Z and the other document shortcuts through.
    let typing = ctx.text_edit_focused();
    ctx.input_mut(|input| {
        for (command, shortcut) in keymap() {
            let listening = match shortcut.when {
                When::Always => true,
                When::NotTyping => !typing,
                When::Presenting => is_presenting && !typing,
            };
            if listening && input.consume_shortcut(&shortcut.keys) {
                out.command(command);
            }
        }
    });
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
    ui.strong("In the Matrix, on a score cell");
    egui::Grid::new("cell-shortcuts")
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in crate::ui::matrix::CELL_KEYS {
                ui.label(what);
                ui.label(keys);
                ui.end_row();
            }
        });
    ui.add_space(theme::SPACE_M);
    ui.strong("In fields and lists");
    egui::Grid::new("field-shortcuts")
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in crate::ui::fields::FIELD_KEYS {
                ui.label(what);
                ui.label(keys);
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::super::spec::{CTRL, CTRL_SHIFT};
    use super::*;
    use crate::ui::outbox::Intent;
    use egui::{Key, KeyboardShortcut, Modifiers};
    use std::path::PathBuf;

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
            Command::DismissNotice,
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
        let mut out = Outbox::default();
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
            keyboard_input(ui.ctx(), presenting, &mut out);
        });
        // Nothing is painted here; the fonts uploaded for the frame are not needed.
        output.textures_delta.clear();
        out.into_intents()
            .into_iter()
            .filter_map(|intent| match intent {
                Intent::Command(command) => Some(command),
                _ => None,
            })
            .collect()
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
