//! What follows the decision, in the Decide place: next steps with owners and due dates, the
//! review date, how reversible the decision is, who decides, is consulted and is informed;
//! and, when the review is due, the form that records what happened.

use crate::document::Edit;
use crate::model::{NextStep, Rating, Reversibility, Role, expectation, review_due};
use crate::ui::fields::{date_field, date_field_noted, text_input};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// Runtime state of the review form (never saved).
#[derive(Debug, Default)]
pub struct ReviewForm {
    happened: String,
    decision: Option<Rating>,
    outcome: Option<Rating>,
}

/// Draws the follow-up of the decision and emits edits for every change.
pub fn follow_up_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, form: &mut ReviewForm) {
    ui.heading("After the decision");
    if cx.presenting {
        presented(ui, cx);
        return;
    }
    review_ui(ui, cx, form);
    next_steps_ui(ui, cx);
    ui.add_space(theme::SPACE_L);
    egui::Grid::new("decision-follow-up")
        .num_columns(2)
        .spacing([theme::SPACE_XL, theme::SPACE_M])
        .show(ui, |ui| {
            date_field_noted(
                ui,
                cx,
                "Review date",
                cx.session.review_date,
                None,
                Edit::SetReviewDate,
            );
            ui.end_row();
            reversibility_row(ui, cx);
            for role in Role::ALL {
                names_row(ui, cx, role);
            }
        });
}

/// The width of a next step's owner field, points.
const OWNER_WIDTH: f32 = 220.0;

fn next_steps_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
    ui.label(egui::RichText::new("Next steps").strong());
    let steps = cx.session.next_steps.clone();
    if steps.is_empty() {
        ui.weak("None yet: what happens on Monday, who does it, and by when?");
    }
    // The step just added takes the keyboard when it is first drawn.
    let focus_key = ui.scope_id().with("focus-step");
    let focus_step: Option<usize> = ui.data_mut(|d| d.remove_temp(focus_key));
    for (idx, step) in steps.iter().enumerate() {
        ui.push_id(("next-step", idx), |ui| {
            let n = idx + 1;
            // Two rows: what, in the width of the place; then who, by when and Remove, each
            // of a set width, so a long step or a refused date never squeezes the others.
            ui.horizontal(|ui| {
                let mut done = step.done;
                let done_label = ui.label(format!("Step {n} done"));
                if ui
                    .checkbox(&mut done, "")
                    .labelled_by(done_label.id)
                    .changed()
                {
                    cx.edit(Edit::SetNextStep(
                        idx,
                        NextStep {
                            done,
                            ..step.clone()
                        },
                    ));
                    cx.seal();
                }
                let what = ui.label(format!("Step {n}"));
                let edited = step.clone();
                let field = text_input(ui, cx, what.id, &step.text, false, move |text| {
                    Edit::SetNextStep(idx, NextStep { text, ..edited })
                });
                if focus_step == Some(idx) {
                    field.request_focus();
                }
            });
            ui.indent(("next-step-details", idx), |ui| {
                ui.horizontal_wrapped(|ui| {
                    let who = ui.label(format!("Owner of step {n}"));
                    let edited = step.clone();
                    ui.scope(|ui| {
                        ui.set_max_width(OWNER_WIDTH);
                        text_input(ui, cx, who.id, &step.owner, false, move |owner| {
                            Edit::SetNextStep(idx, NextStep { owner, ..edited })
                        });
                    });
                    let edited = step.clone();
                    date_field(ui, cx, &format!("Step {n} due"), step.due, move |due| {
                        Edit::SetNextStep(idx, NextStep { due, ..edited })
                    });
                    if step.is_overdue(cx.today) {
                        ui.colored_label(theme::palette(ui).warning, "overdue");
                    }
                    if ui.small_button(format!("Remove step {n}")).clicked() {
                        cx.edit(Edit::RemoveNextStep(idx));
                    }
                });
            });
        });
    }
    if ui.button("Add a next step").clicked() {
        cx.edit(Edit::AddNextStep);
        cx.seal();
        ui.data_mut(|d| d.insert_temp(focus_key, steps.len()));
    }
}

fn reversibility_row(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
    let label = ui.label("Reversibility");
    let current = cx.session.reversibility;
    let mut chosen = current;
    let combo = egui::ComboBox::from_id_salt("reversibility")
        .selected_text(chosen.map_or("Not said", Reversibility::label))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "Not said");
            for r in Reversibility::ALL {
                ui.selectable_value(&mut chosen, Some(r), r.label());
            }
        })
        .response
        .labelled_by(label.id);
    let choices: Vec<Option<Reversibility>> = std::iter::once(None)
        .chain(Reversibility::ALL.into_iter().map(Some))
        .collect();
    crate::ui::fields::step_with_arrows(ui, &combo, &mut chosen, &choices);
    if chosen != current {
        cx.edit(Edit::SetReversibility(chosen));
        cx.seal();
    }
    ui.end_row();
}

/// Names separated by commas; the text being typed is kept as typed until the field loses
/// focus, so a trailing comma does not vanish mid-word.
fn names_row(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, role: Role) {
    let label = ui.label(format!("{} (comma-separated)", role.label()));
    let shown = cx.session.people.get(role).join(", ");
    let draft_id = label.id.with("draft");
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| shown.clone());
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(360.0))
        .labelled_by(label.id);
    if response.changed() {
        let names: Vec<String> = text.split(',').map(|n| n.trim().to_owned()).collect();
        cx.edit(Edit::SetPeople(role, names));
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    cx.seal_after(&response);
    ui.end_row();
}

/// When the review is due: what was expected, and a form for what happened.
fn review_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, form: &mut ReviewForm) {
    let Some(due) = review_due(cx.session, cx.today) else {
        return;
    };
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(
            theme::EMPHASIS_STROKE,
            theme::palette(ui).warning,
        ))
        .inner_margin(theme::SPACE_XL)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let why = match due.review_date {
                Some(date) => format!("The review date, {date}, has passed."),
                None => format!("{} next step(s) are overdue.", due.overdue_steps.len()),
            };
            ui.label(egui::RichText::new(format!("Time to look again. {why}")).strong());
            let expected = expectation(cx.session);
            ui.label(if expected.is_empty() {
                "Nothing was written down as the expected result.".to_owned()
            } else {
                format!("Expected when deciding: {expected}")
            });
            let label = ui.label("What happened, against the expected result?");
            ui.add(
                egui::TextEdit::multiline(&mut form.happened)
                    .desired_rows(2)
                    .desired_width(ui.available_width().min(640.0)),
            )
            .labelled_by(label.id);
            rating_row(
                ui,
                "Was it a good call with what we knew then?",
                "decision",
                &mut form.decision,
            );
            rating_row(ui, "Did it turn out well?", "outcome", &mut form.outcome);
            let ready = !form.happened.trim().is_empty();
            if let (Some(decision), Some(outcome), true) = (form.decision, form.outcome, ready) {
                if ui.button("Record the review in the log").clicked() {
                    cx.edit(Edit::RecordReview {
                        happened: form.happened.trim().to_owned(),
                        decision,
                        outcome,
                    });
                    *form = ReviewForm::default();
                }
            } else {
                ui.add_enabled(false, egui::Button::new("Record the review in the log"))
                    .on_disabled_hover_text("Say what happened and give both judgements");
            }
            ui.weak("Judge the decision and its outcome apart: a good call can turn out badly.");
        });
    ui.add_space(theme::SPACE_L);
}

fn rating_row(ui: &mut egui::Ui, question: &str, salt: &str, value: &mut Option<Rating>) {
    ui.horizontal(|ui| {
        let label = ui.label(question);
        egui::ComboBox::from_id_salt(salt)
            .selected_text(value.map_or("Choose…", Rating::label))
            .show_ui(ui, |ui| {
                for r in Rating::ALL {
                    ui.selectable_value(value, Some(r), r.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The follow-up as text, for a room.
fn presented(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let s = cx.session;
    for step in s.next_steps.iter().filter(|st| !st.done) {
        let due = step.due.map(|d| format!(", by {d}")).unwrap_or_default();
        ui.label(format!("Next: {} ({}{due})", step.text, step.owner));
    }
    if let Some(date) = s.review_date {
        ui.label(format!("We look again on {date}."));
    }
    if let Some(r) = s.reversibility {
        ui.label(r.label());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{rank, recommend_from};
    use crate::document::apply;
    use crate::model::{LogEvent, Session};
    use crate::ui::Intent;
    use chrono::{NaiveDate, TimeZone, Utc};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct Fixture {
        session: Session,
        form: ReviewForm,
    }

    /// The follow-up form on `session` on 2026-06-20; edits are applied between frames.
    fn harness(session: Session) -> Harness<'static, Fixture> {
        Harness::builder()
            .with_size(egui::vec2(1200.0, 1000.0))
            .build_ui_state(
                |ui, f: &mut Fixture| {
                    let ranking = rank(&f.session);
                    let advice = recommend_from(&f.session, &ranking);
                    let today = NaiveDate::from_ymd_opt(2026, 6, 20).expect("valid date");
                    let mut cx = ViewCtx::new(&f.session, &ranking, &advice, false, today);
                    follow_up_ui(ui, &mut cx, &mut f.form);
                    let now = Utc.with_ymd_and_hms(2026, 6, 20, 9, 0, 0).unwrap();
                    for intent in cx.into_intents() {
                        if let Intent::Edit(edit) = intent {
                            apply(&mut f.session, edit, now).expect("edit applies");
                        }
                    }
                },
                Fixture {
                    session,
                    form: ReviewForm::default(),
                },
            )
    }

    /// The shipped example, read as the window's built-in one is.
    fn example_session() -> Session {
        ron::from_str(include_str!("../../../saves/live-streams.ron"))
            .expect("the shipped example parses")
    }

    #[test]
    fn a_next_step_is_added_and_written_with_its_owner_and_due_date() {
        let mut harness = harness(Session::new("x"));
        harness.run();
        harness.get_by_label("Add a next step").click();
        harness.run();
        harness.get_by_label("Step 1").click();
        harness.run();
        harness.get_by_label("Step 1").type_text("Sign the trial");
        harness.run();
        harness.get_by_label("Owner of step 1").click();
        harness.run();
        harness.get_by_label("Owner of step 1").type_text("Priya");
        harness.run();
        harness.get_by_label("Step 1 due").click();
        harness.run();
        harness.get_by_label("Step 1 due").type_text("2026-06-01");
        harness.run();
        // A date is taken when its field is left.
        harness.key_press(egui::Key::Enter);
        harness.run();
        let step = &harness.state().session.next_steps[0];
        assert_eq!(step.text, "Sign the trial");
        assert_eq!(step.owner, "Priya");
        assert_eq!(step.due, NaiveDate::from_ymd_opt(2026, 6, 1));
        assert!(
            harness.query_by_label("overdue").is_some(),
            "due before today"
        );
    }

    #[test]
    fn the_review_date_reversibility_and_people_are_edited_in_place() {
        let mut harness = harness(Session::new("x"));
        harness.run();
        harness.get_by_label("Review date").click();
        harness.run();
        harness.get_by_label("Review date").type_text("2026-09-01");
        harness.run();
        harness.get_by_label("Deciders (comma-separated)").click();
        harness.run();
        harness
            .get_by_label("Deciders (comma-separated)")
            .type_text("Dana, Ilan");
        harness.run();
        harness.get_by_label("Reversibility").click();
        harness.run();
        harness.get_by_label("Two-way door (cheap to undo)").click();
        harness.run();
        let s = &harness.state().session;
        assert_eq!(s.review_date, NaiveDate::from_ymd_opt(2026, 9, 1));
        assert_eq!(s.people.deciders, ["Dana", "Ilan"]);
        assert_eq!(s.reversibility, Some(Reversibility::TwoWay));
    }

    #[test]
    fn a_passed_review_date_asks_what_happened_and_logs_the_review() {
        let mut session = example_session();
        session.review_date = NaiveDate::from_ymd_opt(2026, 6, 15);
        let mut harness = harness(session);
        harness.run();
        assert!(
            harness
                .query_by_label_contains("Expected when deciding: Stream availability")
                .is_some()
        );
        let question = "What happened, against the expected result?";
        harness.get_by_label(question).click();
        harness.run();
        harness
            .get_by_label(question)
            .type_text("99.94 %, one origin outage");
        harness.run();
        harness
            .get_by_label("Was it a good call with what we knew then?")
            .click();
        harness.run();
        harness.get_by_label("good").click();
        harness.run();
        harness.get_by_label("Did it turn out well?").click();
        harness.run();
        harness.get_by_label("mixed").click();
        harness.run();
        harness.get_by_label("Record the review in the log").click();
        harness.run();
        harness.run();
        let last = harness.state().session.log.last().expect("a log entry");
        assert!(matches!(
            &last.event,
            LogEvent::Reviewed { happened, decision: Rating::Good, outcome: Rating::Mixed, .. }
                if happened == "99.94 %, one origin outage"
        ));
        assert!(
            harness.query_by_label_contains("has passed").is_none(),
            "reviewed: the review date is no longer due"
        );
        assert!(
            harness
                .query_by_label_contains("1 next step(s) are overdue")
                .is_some(),
            "the overdue step still is"
        );
    }
}
