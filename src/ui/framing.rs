//! The Framing place: problem statements, metrics, constraints, non-goals, assumptions,
//! stakeholders, and the challenge questions, with the unanswered ones called out.

use crate::document::{Edit, FramingList};
use crate::model::{Assumption, Stakeholder, Stance};
use crate::ui::fields::{ListKey, list_item_input, step_with_arrows, text_input};
use crate::ui::fit;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// Runtime state of the Framing place (never saved).
#[derive(Debug, Default)]
pub struct FramingState {
    /// The challenge question being added.
    pub new_question: String,
    /// The field that takes the keyboard when it is next drawn: an item just added, or the
    /// one before an item just removed.
    focus: Option<Slot>,
}

/// A field of the Framing place that can be given the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// An item of a framing list.
    Item(FramingList, usize),
    /// An assumption's text.
    Assumption(usize),
    /// A stakeholder's name.
    Stakeholder(usize),
    /// The new question's field.
    NewQuestion,
    /// A challenge question's answer.
    Answer(usize),
}

/// Draws the framing and emits edits.
pub fn framing_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, state: &mut FramingState) {
    let framing = &cx.session.framing;
    ui.heading("Framing");
    let open = framing.unanswered().count();
    if open > 0 {
        ui.colored_label(
            theme::palette(ui).warning,
            format!("{open} challenge question(s) still unanswered"),
        );
    } else {
        ui.colored_label(
            theme::palette(ui).good,
            "Every challenge question has an answer",
        );
    }
    ui.add_space(theme::SPACE_M);
    // Asked for last frame, taken by the field it names as it is drawn this one.
    let focus = state.focus.take();
    questions_ui(ui, cx, state, focus);
    for list in FramingList::ALL {
        list_ui(ui, cx, list, focus, &mut state.focus);
    }
    assumptions_ui(ui, cx, focus, &mut state.focus);
    stakeholders_ui(ui, cx, focus, &mut state.focus);
}

/// Where the keyboard goes after `key` in item `idx` of a list of `len`: the new item
/// after it, or the item before one removed (the first, if the first was removed).
fn after_key(key: ListKey, idx: usize, len: usize) -> Option<usize> {
    match key {
        ListKey::None => None,
        ListKey::Next => Some(idx + 1),
        ListKey::RemoveEmpty if len > 1 => Some(idx.saturating_sub(1)),
        ListKey::RemoveEmpty => None,
    }
}

fn questions_ui(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    state: &mut FramingState,
    focus: Option<Slot>,
) {
    let session = cx.session;
    ui.label(egui::RichText::new("Challenge questions").strong());
    for (idx, q) in session.framing.questions.iter().enumerate() {
        ui.push_id(("question", idx), |ui| {
            let unanswered = q.answer.trim().is_empty();
            let label = ui.horizontal(|ui| {
                if unanswered {
                    ui.colored_label(theme::palette(ui).warning, "Open:")
                        .on_hover_text("Unanswered");
                }
                ui.label(&q.question)
            });
            let label_id = label.inner.id;
            if cx.presenting {
                if !unanswered {
                    ui.label(&q.answer);
                }
                return;
            }
            ui.horizontal(|ui| {
                let guess = fit::buttons_width(ui, &["Remove"]);
                let (row, answer) = fit::FieldRow::field(ui, guess, |ui| {
                    text_input(ui, cx, label_id, &q.answer, true, |t| {
                        Edit::SetAnswer(idx, t)
                    })
                });
                if focus == Some(Slot::Answer(idx)) {
                    answer.request_focus();
                }
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this question")
                    .clicked()
                {
                    cx.edit(Edit::RemoveQuestion(idx));
                }
                row.end(ui);
            });
        });
    }
    if !cx.presenting {
        let draft = &mut state.new_question;
        ui.horizontal(|ui| {
            let label = ui.label("New question");
            let width = (ui.available_width() - 140.0).clamp(160.0, 480.0);
            let response = ui
                .add(egui::TextEdit::singleline(draft).desired_width(width))
                .labelled_by(label.id);
            if focus == Some(Slot::NewQuestion) {
                response.request_focus();
            }
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Add question").clicked() || enter) && !draft.trim().is_empty() {
                cx.edit(Edit::AddQuestion(draft.trim().to_owned()));
                cx.seal();
                draft.clear();
                // A question asked is answered next.
                state.focus = Some(Slot::Answer(session.framing.questions.len()));
            } else if enter {
                // Nothing to add: the keyboard stays for the question.
                state.focus = Some(Slot::NewQuestion);
            }
        });
    }
    ui.add_space(theme::SPACE_L);
}

fn list_ui(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    list: FramingList,
    focus: Option<Slot>,
    next_focus: &mut Option<Slot>,
) {
    let items = list.items(cx.session);
    let label = ui.label(egui::RichText::new(list.label()).strong());
    ui.push_id(list.label(), |ui| {
        for (idx, item) in items.iter().enumerate() {
            if cx.presenting {
                ui.label(format!("• {item}"));
                continue;
            }
            ui.push_id(idx, |ui| {
                ui.horizontal(|ui| {
                    let guess = fit::buttons_width(ui, &["Remove"]);
                    let (row, (_, key)) = fit::FieldRow::field(ui, guess, |ui| {
                        let focused = focus == Some(Slot::Item(list, idx));
                        list_item_input(ui, cx, label.id, item, focused, |t| {
                            Edit::SetListItem(list, idx, t)
                        })
                    });
                    let remove = ui
                        .small_button("Remove")
                        .on_hover_text("Remove this item (Backspace in an empty one does too)");
                    // Remove, like Backspace in an empty item, leaves the keyboard on the
                    // item before.
                    let key = if remove.clicked() {
                        ListKey::RemoveEmpty
                    } else {
                        key
                    };
                    if key == ListKey::RemoveEmpty {
                        cx.edit(Edit::RemoveListItem(list, idx));
                        cx.seal();
                    } else if key == ListKey::Next {
                        cx.edit(Edit::AddListItem(list, idx + 1));
                        cx.seal();
                    }
                    if let Some(to) = after_key(key, idx, items.len()) {
                        *next_focus = Some(Slot::Item(list, to));
                    }
                    row.end(ui);
                });
            });
        }
        if !cx.presenting
            && ui
                .button(format!("Add to {}", list.label().to_lowercase()))
                .on_hover_text("A new item at the end (Enter in an item adds one after it)")
                .clicked()
        {
            cx.edit(Edit::AddListItem(list, items.len()));
            cx.seal();
            *next_focus = Some(Slot::Item(list, items.len()));
        }
    });
    ui.add_space(theme::SPACE_L);
}

fn assumptions_ui(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    focus: Option<Slot>,
    next_focus: &mut Option<Slot>,
) {
    let label = ui.label(egui::RichText::new("Assumptions").strong());
    let count = cx.session.framing.assumptions.len();
    for (idx, a) in cx.session.framing.assumptions.iter().enumerate() {
        if cx.presenting {
            ui.label(format!("• {} ({:.0} % sure)", a.text, a.confidence));
            continue;
        }
        ui.push_id(("assumption", idx), |ui| {
            ui.horizontal(|ui| {
                let guess =
                    fit::buttons_width(ui, &["Confidence", "Remove"]) + ui.spacing().slider_width;
                let (row, (_, key)) = fit::FieldRow::field(ui, guess, |ui| {
                    let focused = focus == Some(Slot::Assumption(idx));
                    list_item_input(ui, cx, label.id, &a.text, focused, |text| {
                        Edit::SetAssumption(
                            idx,
                            Assumption {
                                text,
                                confidence: a.confidence,
                            },
                        )
                    })
                });
                let conf_label = ui.label("Confidence");
                let mut confidence = a.confidence;
                let response = ui
                    .add(egui::Slider::new(&mut confidence, 0.0..=100.0).suffix(" %"))
                    .labelled_by(conf_label.id);
                if response.changed() {
                    cx.edit(Edit::SetAssumption(
                        idx,
                        Assumption {
                            text: a.text.clone(),
                            confidence,
                        },
                    ));
                }
                cx.seal_after(&response);
                if ui.small_button("Remove").clicked() || key == ListKey::RemoveEmpty {
                    cx.edit(Edit::RemoveAssumption(idx));
                    cx.seal();
                } else if key == ListKey::Next {
                    cx.edit(Edit::AddAssumption(idx + 1));
                    cx.seal();
                }
                if let Some(to) = after_key(key, idx, count) {
                    *next_focus = Some(Slot::Assumption(to));
                }
                row.end(ui);
            });
        });
    }
    if !cx.presenting && ui.button("Add an assumption").clicked() {
        cx.edit(Edit::AddAssumption(count));
        cx.seal();
        *next_focus = Some(Slot::Assumption(count));
    }
    ui.add_space(theme::SPACE_L);
}

/// Room a stakeholder row keeps for its labels, the Stance list and Remove.
const STANCE_AND_REMOVE_WIDTH: f32 = 420.0;

fn stakeholders_ui(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    focus: Option<Slot>,
    next_focus: &mut Option<Slot>,
) {
    ui.label(egui::RichText::new("Stakeholders").strong());
    for (idx, s) in cx.session.framing.stakeholders.iter().enumerate() {
        if cx.presenting {
            ui.label(format!("• {} ({}): {}", s.name, s.role, s.stance.label()));
            continue;
        }
        ui.push_id(("stakeholder", idx), |ui| {
            // Name and Role share what Stance and Remove leave, so the row always fits.
            let field_width = ((ui.available_width() - STANCE_AND_REMOVE_WIDTH) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                let name = ui.label("Name");
                ui.scope(|ui| {
                    ui.set_max_width(field_width);
                    let field = text_input(ui, cx, name.id, &s.name, false, |name| {
                        Edit::SetStakeholder(idx, Stakeholder { name, ..s.clone() })
                    });
                    if focus == Some(Slot::Stakeholder(idx)) {
                        field.request_focus();
                    }
                });
                let role = ui.label("Role");
                ui.scope(|ui| {
                    ui.set_max_width(field_width);
                    text_input(ui, cx, role.id, &s.role, false, |role| {
                        Edit::SetStakeholder(idx, Stakeholder { role, ..s.clone() })
                    });
                });
                let stance_label = ui.label("Stance");
                let mut stance = s.stance;
                let combo = egui::ComboBox::from_id_salt("stance")
                    .selected_text(stance.label())
                    .show_ui(ui, |ui| {
                        for option in Stance::ALL {
                            ui.selectable_value(&mut stance, option, option.label());
                        }
                    })
                    .response
                    .labelled_by(stance_label.id);
                step_with_arrows(ui, &combo, &mut stance, &Stance::ALL);
                if stance != s.stance {
                    cx.edit(Edit::SetStakeholder(
                        idx,
                        Stakeholder {
                            stance,
                            ..s.clone()
                        },
                    ));
                    cx.seal();
                }
                if ui.small_button("Remove").clicked() {
                    cx.edit(Edit::RemoveStakeholder(idx));
                }
            });
        });
    }
    if !cx.presenting && ui.button("Add a stakeholder").clicked() {
        cx.edit(Edit::AddStakeholder);
        cx.seal();
        *next_focus = Some(Slot::Stakeholder(cx.session.framing.stakeholders.len()));
    }
}
