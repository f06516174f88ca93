//! The scale part of the criteria editor: the range lo..hi in the criterion's unit, the
//! meaning of each level, and the veto.
//!
//! A new range is typed, then applied. When scores (or level meanings, or the veto) would
//! fall outside it, nothing changes: the editor names them and offers to rescale everything
//! proportionally, or to keep the current scale while they are fixed. Nothing is clamped.

use super::set_name;
use crate::document::{Edit, scores_outside};
use crate::model::{Criterion, CriterionId, Direction, Scale, ScaleLevel, Session};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{DragValue, RichText, Ui};

/// The range being typed for one criterion, and the offer made when it does not fit.
#[derive(Debug, Default)]
pub(super) struct ScaleDraft {
    criterion: Option<CriterionId>,
    lo: String,
    hi: String,
    problem: Option<String>,
    offer: Option<RescaleOffer>,
    /// The level just added, whose meaning takes the keyboard next.
    focus_level: Option<f64>,
}

/// A range that would leave things outside it, and what.
#[derive(Debug)]
struct RescaleOffer {
    lo: f64,
    hi: f64,
    /// One line per thing outside, e.g. "“Buy a CDN” 4 (options[0].scores.cost.likely)".
    outside: Vec<String>,
}

/// A number as people type it: no trailing zeros, at most four decimals.
fn number(value: f64) -> String {
    let rounded = (value * 10_000.0).round() / 10_000.0;
    format!("{rounded}")
}

/// Everything on `c` that `scale` would leave outside: scores, level meanings, the veto.
fn left_outside(session: &Session, c: &Criterion, scale: &Scale) -> Vec<String> {
    let mut outside: Vec<String> = scores_outside(session, &c.id, scale)
        .into_iter()
        .map(|o| format!("{}: {}", o.whose(session), number(o.value)))
        .collect();
    for level in c.scale.levels.iter().filter(|l| !scale.contains(l.value)) {
        outside.push(format!("the meaning of level {}", number(level.value)));
    }
    if let Some(veto) = c.veto.filter(|v| !scale.contains(*v)) {
        outside.push(format!("the veto at {}", number(veto)));
    }
    outside
}

pub(super) fn scale_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, draft: &mut ScaleDraft, c: &Criterion) {
    let current = (c.scale.lo, c.scale.hi);
    if draft.criterion.as_ref() != Some(&c.id) {
        *draft = ScaleDraft {
            criterion: Some(c.id.clone()),
            lo: number(current.0),
            hi: number(current.1),
            ..ScaleDraft::default()
        };
    }
    let unit = if c.unit.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", c.unit.trim())
    };
    ui.label(RichText::new(format!("Scale{unit}")).strong());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("From");
        let from = ui
            .add(egui::TextEdit::singleline(&mut draft.lo).desired_width(80.0))
            .labelled_by(label.id);
        let label = ui.label("to");
        let to = ui
            .add(egui::TextEdit::singleline(&mut draft.hi).desired_width(80.0))
            .labelled_by(label.id);
        // Enter in either end applies the scale, as the button does.
        let entered =
            (from.lost_focus() || to.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let parsed = (
            draft.lo.trim().parse::<f64>(),
            draft.hi.trim().parse::<f64>(),
        );
        let differs = !matches!(parsed, (Ok(lo), Ok(hi)) if (lo, hi) == current);
        let apply = ui
            .add_enabled(differs, egui::Button::new("Apply scale"))
            .on_hover_text("Enter in either end applies it too");
        if entered {
            // The keyboard stays where it was, for the next change.
            if from.lost_focus() {
                from.request_focus();
            } else {
                to.request_focus();
            }
        } else if apply.clicked() {
            // The button greys out once applied, which would drop the keyboard: it goes
            // back to the scale's upper end instead.
            to.request_focus();
        }
        if (apply.clicked() || entered) && differs {
            draft.offer = None;
            draft.problem = None;
            match parsed {
                (Ok(lo), Ok(hi)) if lo.is_finite() && hi.is_finite() && lo < hi => {
                    let mut candidate = c.clone();
                    candidate.scale.lo = lo;
                    candidate.scale.hi = hi;
                    let outside = left_outside(cx.session, c, &candidate.scale);
                    if outside.is_empty() {
                        cx.edit(Edit::SetCriterion(c.id.clone(), candidate));
                        cx.seal();
                    } else {
                        draft.offer = Some(RescaleOffer { lo, hi, outside });
                    }
                }
                (Ok(lo), Ok(hi)) if lo.is_finite() && hi.is_finite() => {
                    draft.problem = Some(format!(
                        "{} is not below {}: the scale runs from its lowest to its highest value",
                        number(lo),
                        number(hi)
                    ));
                }
                _ => {
                    draft.problem = Some(
                        "both ends must be numbers, e.g. 0 and 500 (a dot for decimals)".into(),
                    );
                }
            }
        }
    });
    if let Some(problem) = &draft.problem {
        ui.label(RichText::new(problem).color(theme::palette(ui).error));
    }
    if let Some(offer) = draft.offer.take() {
        if offer_ui(ui, cx, c, &offer) {
            // Decided either way: the fields show the criterion's scale again.
            draft.criterion = None;
        } else {
            draft.offer = Some(offer);
        }
    }
    levels_ui(ui, cx, c, &mut draft.focus_level);
    veto_ui(ui, cx, c);
}

/// Shows the offer; true once it has been answered.
fn offer_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, c: &Criterion, offer: &RescaleOffer) -> bool {
    let (lo, hi) = (offer.lo, offer.hi);
    let mut answered = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let n = offer.outside.len();
        ui.label(
            RichText::new(format!(
                "{n} {} would fall outside {}..{}:",
                if n == 1 { "thing" } else { "things" },
                number(lo),
                number(hi)
            ))
            .color(theme::palette(ui).warning),
        );
        for line in offer.outside.iter().take(8) {
            ui.label(format!("  • {line}"));
        }
        if n > 8 {
            ui.label(format!("  … and {} more", n - 8));
        }
        ui.label(format!(
            "Rescale moves every score, level and the veto from {}..{} to {}..{}, each keeping \
             its place between worst and best. Or keep the current scale and change those \
             first.",
            number(c.scale.lo),
            number(c.scale.hi),
            number(lo),
            number(hi)
        ));
        ui.horizontal_wrapped(|ui| {
            if ui.button("Rescale proportionally").clicked() {
                cx.edit(Edit::RescaleCriterion(c.id.clone(), lo, hi));
                cx.seal();
                answered = true;
            }
            if ui.button("Keep the current scale").clicked() {
                answered = true;
            }
        });
    });
    answered
}

/// A value on the scale not yet described: the first of eleven evenly spaced points.
fn free_level(scale: &Scale) -> f64 {
    let step = scale.span() / 10.0;
    (0..=10)
        .map(|k| scale.lo + step * f64::from(k))
        .map(|v| if scale.span() >= 4.0 { v.round() } else { v })
        .find(|v| scale.contains(*v) && !scale.levels.iter().any(|l| l.value == *v))
        .unwrap_or(scale.lo)
}

fn levels_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, c: &Criterion, focus: &mut Option<f64>) {
    ui.label(RichText::new("What the levels mean").strong())
        .on_hover_text("Shown when scoring, and in words for swing weighting");
    let mut change: Option<Vec<ScaleLevel>> = None;
    let speed = (c.scale.span() / 100.0).max(0.01);
    for (l_idx, level) in c.scale.levels.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut value = level.value;
            let response = ui.add(
                DragValue::new(&mut value)
                    .range(c.scale.lo..=c.scale.hi)
                    .speed(speed)
                    .custom_formatter(|v, _| number(v)),
            );
            set_name(&response, || format!("Level {} value", l_idx + 1));
            if response.changed() && value != level.value {
                let mut levels = c.scale.levels.clone();
                levels[l_idx].value = value;
                change = Some(levels);
            }
            cx.seal_after(&response);
            let mut meaning = level.meaning.clone();
            let width = (ui.available_width() - 80.0).max(120.0);
            let response = ui.add(
                egui::TextEdit::singleline(&mut meaning)
                    .hint_text("What this level means")
                    .desired_width(width),
            );
            set_name(&response, || {
                format!("Meaning of level {}", number(level.value))
            });
            if *focus == Some(level.value) {
                response.request_focus();
                *focus = None;
            }
            if response.changed() {
                let mut levels = c.scale.levels.clone();
                levels[l_idx].meaning = meaning;
                change = Some(levels);
            }
            cx.seal_after(&response);
            let remove = ui.small_button("Remove");
            set_name(&remove, || format!("Remove level {}", number(level.value)));
            if remove.clicked() {
                let mut levels = c.scale.levels.clone();
                levels.remove(l_idx);
                change = Some(levels);
            }
        });
    }
    if ui.button("Add a level meaning").clicked() {
        let mut levels = c.scale.levels.clone();
        let value = free_level(&c.scale);
        levels.push(ScaleLevel {
            value,
            meaning: String::new(),
        });
        // The new level's meaning is what comes next: it takes the keyboard.
        *focus = Some(value);
        levels.sort_by(|a, b| a.value.total_cmp(&b.value));
        change = Some(levels);
    }
    if let Some(levels) = change {
        cx.edit(super::changed(c, |n| n.scale.levels = levels));
    }
}

fn veto_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, c: &Criterion) {
    ui.horizontal_wrapped(|ui| {
        let mut on = c.veto.is_some();
        let toggle = ui
            .checkbox(&mut on, "Veto")
            .on_hover_text("A must-have: an option on the wrong side of it is disqualified");
        if toggle.changed() {
            let quarter = c.scale.span() / 4.0;
            let start = match c.direction {
                Direction::Benefit => c.scale.lo + quarter,
                Direction::Cost => c.scale.hi - quarter,
            };
            cx.edit(super::changed(c, |n| n.veto = on.then_some(start)));
            cx.seal();
        }
        let Some(veto) = c.veto else {
            return;
        };
        let side = match c.direction {
            Direction::Benefit => "below",
            Direction::Cost => "above",
        };
        let label = ui.label(format!("an option scoring {side}"));
        let mut value = veto;
        let response = ui
            .add(
                DragValue::new(&mut value)
                    .range(c.scale.lo..=c.scale.hi)
                    .speed((c.scale.span() / 100.0).max(0.01))
                    .custom_formatter(|v, _| number(v)),
            )
            .labelled_by(label.id);
        set_name(&response, || format!("Veto of {}", c.name));
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            // Enter takes the value and keeps the keyboard here, as in the scale's fields.
            response.request_focus();
        }
        if response.changed() && value != veto {
            cx.edit(super::changed(c, |n| n.veto = Some(value)));
        }
        cx.seal_after(&response);
        let vetoed = cx
            .session
            .options
            .iter()
            .filter(|o| o.score(&c.id).is_some_and(|s| c.vetoes(s.likely)))
            .count();
        ui.label(format!(
            "is disqualified ({vetoed} {} now)",
            if vetoed == 1 { "option" } else { "options" }
        ));
    });
}
