//! The written-argument details of one option in the Menu: who would own it, its effort and
//! time to a first result, the result expected on each success metric, its strongest case
//! and what would make it the wrong choice.

use crate::document::{Edit, OptionText};
use crate::model::{Effort, ExpectedResult, SolutionOption};
use crate::ui::fields::text_field;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// Draws the details of `option` as labelled fields; every change is an [`Edit`].
pub fn option_details_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, option: &SolutionOption) {
    egui::CollapsingHeader::new("Owner, effort and expected results")
        .id_salt("option-written")
        .default_open(true)
        .show(ui, |ui| {
            if cx.presenting {
                presented(ui, cx, option);
                return;
            }
            egui::Grid::new("option-written-grid")
                .num_columns(2)
                .spacing([theme::SPACE_XL, theme::SPACE_M])
                .show(ui, |ui| {
                    text_row(ui, cx, option, OptionText::Owner);
                    effort_row(ui, cx, option);
                    first_result_row(ui, cx, option);
                    for field in [OptionText::StrongestCase, OptionText::WrongIf] {
                        text_row(ui, cx, option, field);
                    }
                });
            expected_ui(ui, cx, option);
        });
}

fn text_row(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, option: &SolutionOption, field: OptionText) {
    let value = match field {
        OptionText::Owner => &option.owner,
        OptionText::StrongestCase => &option.strongest_case,
        OptionText::WrongIf => &option.wrong_if,
    };
    let id = option.id.clone();
    let multiline = field != OptionText::Owner;
    text_field(ui, cx, field.label(), value, multiline, move |t| {
        Edit::SetOptionText(id, field, t)
    });
    ui.end_row();
}

/// A checkbox that says whether a number is known, and the number when it is.
fn optional_number(
    ui: &mut egui::Ui,
    label: &str,
    known_text: &str,
    value: Option<f64>,
    range: std::ops::RangeInclusive<f64>,
) -> Option<Option<f64>> {
    let mut known = value.is_some();
    let mut number = value.unwrap_or(*range.start());
    let before = (known, number);
    let name = ui.label(label);
    ui.horizontal(|ui| {
        ui.checkbox(&mut known, known_text);
        if known {
            ui.add(egui::DragValue::new(&mut number).range(range).speed(0.5))
                .labelled_by(name.id);
        }
    });
    ui.end_row();
    ((known, number) != before).then_some(known.then_some(number))
}

fn effort_row(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, option: &SolutionOption) {
    let likely = option.effort.as_ref().map(|e| e.likely);
    if let Some(changed) = optional_number(
        ui,
        "Effort, person-weeks (likely)",
        "Effort known",
        likely,
        0.0..=10_000.0,
    ) {
        let effort = changed.map(|likely| {
            let mut e = option
                .effort
                .clone()
                .unwrap_or_else(|| Effort::weeks(likely));
            e.likely = likely;
            e.low = e.low.map(|low| low.min(likely));
            e.high = e.high.map(|high| high.max(likely));
            e
        });
        cx.edit(Edit::SetOptionEffort(option.id.clone(), effort));
        cx.seal();
    }
    let Some(effort) = &option.effort else { return };
    let range_label = ui.label("Effort range, person-weeks (low to high)");
    ui.horizontal(|ui| {
        let mut low = effort.low_or_likely();
        let mut high = effort.high_or_likely();
        let low_changed = ui
            .add(
                egui::DragValue::new(&mut low)
                    .range(0.0..=effort.likely)
                    .speed(0.5),
            )
            .labelled_by(range_label.id)
            .changed();
        ui.label("to");
        let high_changed = ui
            .add(
                egui::DragValue::new(&mut high)
                    .range(effort.likely..=10_000.0)
                    .speed(0.5),
            )
            .labelled_by(range_label.id)
            .changed();
        if low_changed || high_changed {
            let e = Effort {
                likely: effort.likely,
                low: (low < effort.likely).then_some(low),
                high: (high > effort.likely).then_some(high),
            };
            cx.edit(Edit::SetOptionEffort(option.id.clone(), Some(e)));
        }
    });
    ui.end_row();
}

fn first_result_row(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, option: &SolutionOption) {
    if let Some(changed) = optional_number(
        ui,
        "Weeks to a first result",
        "First result known",
        option.first_result_weeks,
        0.0..=520.0,
    ) {
        cx.edit(Edit::SetFirstResult(option.id.clone(), changed));
    }
}

/// One row per success metric: the expected result in words, a number, and whether it
/// reaches the target.
fn expected_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, option: &SolutionOption) {
    let metrics: Vec<String> = cx
        .session
        .framing
        .success_metrics
        .iter()
        .filter(|m| !m.trim().is_empty())
        .cloned()
        .collect();
    ui.add_space(theme::SPACE_M);
    ui.label(egui::RichText::new("Expected result on each success metric").strong());
    if metrics.is_empty() {
        ui.weak("Write the success metrics in Framing first; expected results are measured against them.");
        return;
    }
    for (metric_idx, metric) in metrics.iter().enumerate() {
        let current = option
            .expected_on(metric)
            .cloned()
            .unwrap_or_else(|| ExpectedResult::on(metric));
        ui.push_id(("expected", metric_idx), |ui| {
            ui.label(egui::RichText::new(metric).italics());
            ui.horizontal_wrapped(|ui| {
                let id = option.id.clone();
                let mut words = current.result.clone();
                let words_label = ui.label("Expected result");
                let response = ui
                    .add(egui::TextEdit::singleline(&mut words).desired_width(320.0))
                    .labelled_by(words_label.id);
                if response.changed() {
                    cx.edit(Edit::SetExpectedResult(
                        id.clone(),
                        ExpectedResult {
                            result: words,
                            ..current.clone()
                        },
                    ));
                }
                cx.seal_after(&response);
                let reach_label = ui.label("Reaches the target?");
                let mut reaches = current.reaches;
                let choices = [None, Some(true), Some(false)];
                let combo = egui::ComboBox::from_id_salt("reaches")
                    .selected_text(reach_word(reaches))
                    .show_ui(ui, |ui| {
                        for value in choices {
                            ui.selectable_value(&mut reaches, value, reach_word(value));
                        }
                    })
                    .response
                    .labelled_by(reach_label.id);
                crate::ui::fields::step_with_arrows(ui, &combo, &mut reaches, &choices);
                if reaches != current.reaches {
                    cx.edit(Edit::SetExpectedResult(
                        id,
                        ExpectedResult {
                            reaches,
                            ..current.clone()
                        },
                    ));
                    cx.seal();
                }
            });
        });
    }
}

fn reach_word(reaches: Option<bool>) -> &'static str {
    match reaches {
        None => "Not judged",
        Some(true) => "Reaches it",
        Some(false) => "Falls short",
    }
}

/// The details as text, for a room.
fn presented(ui: &mut egui::Ui, cx: &ViewCtx<'_>, option: &SolutionOption) {
    if !option.owner.trim().is_empty() {
        ui.label(format!("Owner: {}", option.owner.trim()));
    }
    if let Some(e) = &option.effort {
        ui.label(format!("Effort: about {} person-weeks", e.likely));
    }
    if let Some(weeks) = option.first_result_weeks {
        ui.label(format!("First result after {weeks} weeks"));
    }
    for e in option.expected_results.iter().filter(|e| !e.is_blank()) {
        ui.label(format!(
            "{}: {} ({})",
            e.metric,
            e.result,
            reach_word(e.reaches)
        ));
    }
    if !option.strongest_case.trim().is_empty() {
        ui.label(format!("Strongest case: {}", option.strongest_case.trim()));
    }
    if !option.wrong_if.trim().is_empty() {
        ui.label(format!("Wrong choice if: {}", option.wrong_if.trim()));
    }
    let _ = cx;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{rank, recommend_from};
    use crate::document::apply;
    use crate::model::{Lens, Session};
    use crate::ui::Intent;
    use chrono::{NaiveDate, TimeZone, Utc};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn session() -> Session {
        let mut s = Session::new("x");
        s.framing.success_metrics = vec!["Minutes lost per match".into()];
        s.add_option("Buy a CDN", Lens::Buy);
        s
    }

    /// The details of the first option; edits are applied between frames.
    fn harness(session: Session) -> Harness<'static, Session> {
        Harness::builder()
            .with_size(egui::vec2(1100.0, 900.0))
            .build_ui_state(
                |ui, s: &mut Session| {
                    let ranking = rank(s);
                    let advice = recommend_from(s, &ranking);
                    let today = NaiveDate::from_ymd_opt(2026, 6, 20).expect("valid date");
                    let option = s.options[0].clone();
                    let mut cx = ViewCtx::new(s, &ranking, &advice, false, today);
                    option_details_ui(ui, &mut cx, &option);
                    let now = Utc.with_ymd_and_hms(2026, 6, 20, 9, 0, 0).unwrap();
                    for intent in cx.into_intents() {
                        if let Intent::Edit(edit) = intent {
                            apply(s, edit, now).expect("edit applies");
                        }
                    }
                },
                session,
            )
    }

    #[test]
    fn owner_steelman_and_expected_result_are_written_into_the_option() {
        let mut harness = harness(session());
        harness.run();
        for (label, text) in [
            ("Owner", "Priya"),
            ("Strongest case for it", "Covers the CDN"),
            ("Expected result", "Half the minutes"),
        ] {
            harness.get_by_label(label).click();
            harness.run();
            harness.get_by_label(label).type_text(text);
            harness.run();
        }
        harness.get_by_label("Reaches the target?").click();
        harness.run();
        harness.get_by_label("Falls short").click();
        harness.run();
        let o = &harness.state().options[0];
        assert_eq!(o.owner, "Priya");
        assert_eq!(o.strongest_case, "Covers the CDN");
        let expected = o
            .expected_on("Minutes lost per match")
            .expect("an expectation");
        assert_eq!(expected.result, "Half the minutes");
        assert_eq!(expected.reaches, Some(false));
    }

    #[test]
    fn effort_is_set_by_saying_it_is_known() {
        let mut harness = harness(session());
        harness.run();
        harness.get_by_label("Effort known").click();
        harness.run();
        harness.run();
        assert_eq!(harness.state().options[0].effort, Some(Effort::weeks(0.0)));
        assert!(
            harness
                .query_all_by_label_contains("Effort range, person-weeks")
                .next()
                .is_some()
        );
    }

    #[test]
    fn without_success_metrics_the_details_say_where_to_write_them() {
        let mut s = session();
        s.framing.success_metrics.clear();
        let mut harness = harness(s);
        harness.run();
        assert!(
            harness
                .query_by_label_contains("Write the success metrics in Framing first")
                .is_some()
        );
    }
}
