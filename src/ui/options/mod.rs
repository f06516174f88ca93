//! The Menu place: every option, grouped by lens with counts; add, duplicate, delete,
//! reorder; and a button that fills the lenses nobody has covered yet.
//!
//! Rows are virtualised (only the visible ones are laid out), so a menu of hundreds of
//! options costs the same per frame as a short one.

mod details;

use crate::document::Edit;
use crate::model::{Lens, OptionId, Session};
use crate::ui::fields::text_input;
use crate::ui::fit;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// Runtime state of the Menu place (never saved).
#[derive(Debug, Default)]
pub struct MenuState {
    /// The option whose details are open.
    pub selected: Option<OptionId>,
    /// Title typed for the next new option.
    pub new_title: String,
    /// Lens for the next new option.
    pub new_lens: Option<Lens>,
    /// "New option title" takes the keyboard when it is next drawn.
    pub focus_new_title: bool,
    /// Enter was pressed with no title typed: say what is missing until one is.
    title_missing: bool,
}

/// One line of the flattened, grouped list.
enum Row {
    Group { lens: Lens, count: usize },
    Option(usize),
}

/// The least height of a row; large type (presenting, zoom) makes rows taller.
const ROW_HEIGHT: f32 = 26.0;

/// The height of one row of the list at the current text size.
fn row_height(ui: &egui::Ui) -> f32 {
    ROW_HEIGHT.max(ui.text_style_height(&egui::TextStyle::Body) + theme::SPACE_L)
}

/// Draws the menu and emits edits for added, changed, moved and deleted options.
pub fn menu_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, state: &mut MenuState) {
    let session = cx.session;
    ui.heading("Menu");
    let missing = session.missing_lenses();
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} option{} across {} of {} lenses.",
            session.options.len(),
            if session.options.len() == 1 { "" } else { "s" },
            Lens::BUILT_IN.len() - missing.len(),
            Lens::BUILT_IN.len()
        ));
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(Lens::label).collect();
            ui.colored_label(
                theme::palette(ui).warning,
                format!("Not covered: {}", names.join(", ")),
            );
            if !cx.presenting
                && ui
                    .button("Cover the missing lenses")
                    .on_hover_text("Add a starter option for every lens nobody has used yet")
                    .clicked()
            {
                cx.edit(Edit::CoverMissingLenses);
            }
        }
    });
    if !cx.presenting {
        add_option_ui(ui, cx, state);
    }
    ui.separator();
    let rows = grouped_rows(session);
    let has_details = state
        .selected
        .as_ref()
        .is_some_and(|id| session.option(id).is_some());
    // The list takes what its rows need, up to most of the height when details are open,
    // so a short menu shows every option above the details.
    let row_h = row_height(ui);
    let rows_height = rows.len() as f32 * (row_h + ui.spacing().item_spacing.y);
    let list_height = if has_details {
        rows_height.min(ui.available_height() * 0.6).max(120.0)
    } else {
        ui.available_height()
    };
    egui::ScrollArea::vertical()
        .id_salt("menu-rows")
        .max_height(list_height)
        .auto_shrink([false, false])
        .show_rows(ui, row_h, rows.len(), |ui, range| {
            for row in &rows[range] {
                match row {
                    Row::Group { lens, count } => {
                        ui.horizontal(|ui| {
                            ui.set_height(row_h);
                            ui.label(
                                egui::RichText::new(format!("{} ({count})", lens.label())).strong(),
                            );
                        });
                    }
                    Row::Option(option_idx) => option_row_ui(ui, cx, state, *option_idx),
                }
            }
        });
    if has_details {
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("menu-details")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                crate::ui::focus_view::keep_focus_in_view(ui, |ui| details_ui(ui, cx, state));
            });
    }
}

fn grouped_rows(session: &Session) -> Vec<Row> {
    let mut lenses: Vec<Lens> = Lens::BUILT_IN.to_vec();
    for option in &session.options {
        if !lenses.contains(&option.lens) {
            lenses.push(option.lens.clone());
        }
    }
    let mut rows = Vec::with_capacity(session.options.len() + lenses.len());
    for lens in lenses {
        let members: Vec<usize> = (0..session.options.len())
            .filter(|&i| session.options[i].lens == lens)
            .collect();
        if members.is_empty() {
            continue;
        }
        rows.push(Row::Group {
            lens,
            count: members.len(),
        });
        rows.extend(members.into_iter().map(Row::Option));
    }
    rows
}

fn add_option_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, state: &mut MenuState) {
    ui.horizontal(|ui| {
        let label = ui.label("New option title");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.new_title)
                    .hint_text("e.g. Buy a CDN")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus_new_title) {
            response.request_focus();
        } else {
            cx.focus_on_arrival(&response);
        }
        let lens_label = ui.label("Lens");
        let lens = state.new_lens.get_or_insert(Lens::ReArchitect);
        lens_combo(ui, "new-lens", lens, lens_label.id);
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let title = state.new_title.trim().to_owned();
        if (ui
            .add_enabled(!title.is_empty(), egui::Button::new("Add option"))
            .clicked()
            || enter)
            && !title.is_empty()
        {
            cx.edit(Edit::AddOption {
                title,
                lens: lens.clone(),
            });
            cx.seal();
            state.new_title.clear();
            // The next title can be typed straight away, as in a list.
            state.focus_new_title = true;
        } else if enter {
            state.title_missing = true;
            state.focus_new_title = true;
        }
        state.title_missing &= state.new_title.trim().is_empty();
        if state.title_missing {
            ui.colored_label(
                crate::ui::theme::palette(ui).warning,
                "Type the option's title first",
            );
        }
    });
}

/// A lens picker: the seven built-in lenses and "Custom…", whose own name is typed beside it.
fn lens_combo(ui: &mut egui::Ui, salt: &str, lens: &mut Lens, label: egui::Id) {
    let combo = egui::ComboBox::from_id_salt(salt)
        .selected_text(lens.label().to_owned())
        .show_ui(ui, |ui| {
            for option in Lens::BUILT_IN {
                let text = option.label().to_owned();
                ui.selectable_value(lens, option, text);
            }
            let custom = matches!(lens, Lens::Custom(_));
            if ui.selectable_label(custom, "Custom…").clicked() && !custom {
                *lens = Lens::Custom(String::new());
            }
        })
        .response
        .labelled_by(label)
        .on_hover_text("Up and down arrows change the lens while the list has the keyboard");
    crate::ui::fields::step_with_arrows(ui, &combo, lens, &Lens::BUILT_IN);
    if let Lens::Custom(name) = lens {
        let name_label = ui.label("Custom lens name");
        ui.add(
            egui::TextEdit::singleline(name)
                .hint_text("e.g. Partner with another team")
                .desired_width(180.0),
        )
        .labelled_by(name_label.id);
    }
}

fn option_row_ui(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    state: &mut MenuState,
    option_idx: usize,
) {
    let session = cx.session;
    let option = &session.options[option_idx];
    let id = option.id.clone();
    ui.push_id(&id, |ui| {
        ui.horizontal(|ui| {
            ui.set_height(row_height(ui));
            // Ranks stay hidden while a scoring round is.
            let blind = session.hidden_round().is_some();
            let rank = cx
                .ranks
                .row(option_idx)
                .and_then(|r| r.rank)
                .filter(|_| !blind)
                .map_or_else(|| "–".to_owned(), |r| format!("#{r}"));
            let selected = state.selected.as_ref() == Some(&id);
            if ui
                .add(egui::Button::selectable(selected, rank))
                .on_hover_text("Show the description and notes")
                .clicked()
            {
                state.selected = if selected { None } else { Some(id.clone()) };
            }
            if cx.presenting {
                ui.add(egui::Label::new(&option.title).truncate());
                return;
            }
            let label = ui.label(format!("Option {}", option_idx + 1));
            let title_id = id.clone();
            let guess = fit::buttons_width(ui, &["Up", "Down", "Duplicate", "Delete"]);
            let (row, _) = fit::FieldRow::field(ui, guess, |ui| {
                text_input(ui, cx, label.id, &option.title, false, |t| {
                    Edit::SetOptionTitle(title_id, t)
                })
            });
            if option.title.trim().is_empty() {
                ui.colored_label(theme::palette(ui).warning, "needs a title");
            }
            let up = ui
                .add_enabled(option_idx > 0, egui::Button::new("Up").small())
                .on_hover_text("Move up");
            if up.clicked() {
                cx.edit(Edit::MoveOption(id.clone(), option_idx - 1));
            }
            let down = ui
                .add_enabled(
                    option_idx + 1 < session.options.len(),
                    egui::Button::new("Down").small(),
                )
                .on_hover_text("Move down");
            if down.clicked() {
                cx.edit(Edit::MoveOption(id.clone(), option_idx + 1));
            }
            if ui.small_button("Duplicate").clicked() {
                cx.edit(Edit::DuplicateOption(id.clone()));
            }
            if ui.small_button("Delete").clicked() {
                cx.edit(Edit::RemoveOption(id.clone()));
            }
            row.end(ui);
        });
    });
}

fn details_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, state: &mut MenuState) {
    let Some(option) = state.selected.as_ref().and_then(|id| cx.session.option(id)) else {
        return;
    };
    let id = option.id.clone();
    ui.label(egui::RichText::new(&option.title).strong());
    if cx.presenting {
        ui.label(&option.description);
        details::option_details_ui(ui, cx, option);
        return;
    }
    egui::Grid::new("option-details")
        .num_columns(2)
        .show(ui, |ui| {
            let lens_label = ui.label("Lens of the selected option");
            let mut lens = option.lens.clone();
            lens_combo(ui, "details-lens", &mut lens, lens_label.id);
            if lens != option.lens {
                cx.edit(Edit::SetOptionLens(id.clone(), lens));
            }
            ui.end_row();
            let description = ui.label("Description");
            let for_description = id.clone();
            text_input(ui, cx, description.id, &option.description, true, |t| {
                Edit::SetOptionDescription(for_description, t)
            });
            ui.end_row();
            let notes = ui.label("Private notes");
            text_input(ui, cx, notes.id, &option.notes, true, |t| {
                Edit::SetOptionNotes(id, t)
            });
            ui.end_row();
        });
    details::option_details_ui(ui, cx, option);
}
