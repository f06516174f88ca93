//! The matrix's sticky header: one column per criterion with its direction and an editable
//! weight.

use crate::document::Edit;
use crate::model::{Criterion, Direction, Session};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{DragValue, Label, RichText, Ui};
use egui_extras::TableRow;

/// Paints a small arrow before a criterion's name: up for a benefit, down for a cost.
/// (Painted, because the default fonts have no arrow glyphs.)
fn direction_arrow_ui(ui: &mut Ui, direction: Direction) {
    let height = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(height * 0.6, height), egui::Sense::hover());
    let stroke = egui::Stroke::new(theme::MARK_STROKE, ui.visuals().strong_text_color());
    let (from, to) = match direction {
        Direction::Benefit => (rect.center_bottom(), rect.center_top()),
        Direction::Cost => (rect.center_top(), rect.center_bottom()),
    };
    let from = from + (to - from) * 0.1;
    ui.painter().arrow(from, (to - from) * 0.9, stroke);
    response.on_hover_text(match direction {
        Direction::Benefit => "Benefit: higher is better",
        Direction::Cost => "Cost: lower is better",
    });
}

/// Draws the header row: rank, option, the criteria, total.
pub(super) fn header_ui(row: &mut TableRow<'_, '_>, cx: &mut ViewCtx<'_>) {
    row.col(|ui| {
        ui.label(RichText::new("#").strong())
            .on_hover_text("Rank by weighted total");
    });
    row.col(|ui| {
        ui.label(RichText::new("Option").strong());
    });
    for criterion in &cx.session.criteria {
        row.col(|ui| criterion_header_ui(ui, cx, criterion));
    }
    row.col(|ui| {
        ui.label(RichText::new("Total").strong())
            .on_hover_text("Weighted total out of 100");
    });
}

fn criterion_header_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, criterion: &Criterion) {
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = theme::SPACE_XS;
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = theme::SPACE_XS;
            direction_arrow_ui(ui, criterion.direction);
            ui.add(Label::new(RichText::new(&criterion.name).strong()).truncate())
                .on_hover_ui(|ui| criterion_help_ui(ui, criterion));
        });
        if cx.presenting {
            ui.label(format!("weight {}", share(cx.session, criterion)));
            return;
        }
        let locked = cx.session.weights_locked;
        let mut weight = criterion.weight;
        let response = ui
            .horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = theme::SPACE_XS;
                if locked {
                    lock_mark_ui(ui);
                }
                ui.add(
                    DragValue::new(&mut weight)
                        .range(0.0..=f64::INFINITY)
                        .speed(0.5)
                        .max_decimals(2)
                        .custom_formatter(|v, _| super::cells::format_value(v))
                        .prefix("w "),
                )
            })
            .inner;
        super::cells::name_widget(&response, || {
            let mark = if locked { " (locked)" } else { "" };
            format!("Weight of {}{mark}", criterion.name)
        });
        if response.changed() && weight != criterion.weight && weight >= 0.0 {
            cx.edit(Edit::SetWeight(criterion.id.clone(), weight));
        }
        cx.seal_after(&response);
        response.on_hover_ui(|ui| {
            ui.label(format!(
                "Weight {}: {} of the total",
                super::cells::format_value(criterion.weight),
                share(cx.session, criterion)
            ));
            if criterion.weight <= 0.0 {
                ui.label(crate::analysis::ZERO_WEIGHT_MEANING);
            }
            if locked {
                ui.label("Weights are locked: a change is recorded in the decision log.");
            }
        });
    });
}

/// Paints a small padlock (the default fonts have no lock glyph) with a tooltip.
fn lock_mark_ui(ui: &mut Ui) {
    let height = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(height * 0.7, height), egui::Sense::hover());
    let color = ui.visuals().strong_text_color();
    let body = egui::Rect::from_min_max(
        egui::pos2(rect.left() + 1.0, rect.center().y - 1.0),
        egui::pos2(rect.right() - 1.0, rect.bottom() - 2.0),
    );
    ui.painter().rect_filled(body, 1.0, color);
    let shackle = egui::Rect::from_min_max(
        egui::pos2(body.left() + 2.0, rect.top() + 3.0),
        egui::pos2(body.right() - 2.0, body.top() + 2.0),
    );
    ui.painter().rect_stroke(
        shackle,
        egui::CornerRadius {
            nw: 3,
            ne: 3,
            sw: 0,
            se: 0,
        },
        egui::Stroke::new(theme::MARK_STROKE, color),
        egui::StrokeKind::Middle,
    );
    super::cells::name_widget(&response, || "Weights locked".to_owned());
    response.on_hover_text("Weights are locked: a change is recorded in the decision log.");
}

/// The criterion's weight as a percentage of all weights, e.g. "25 %".
fn share(session: &Session, criterion: &Criterion) -> String {
    let percent = 100.0 * session.weight_share(&criterion.id);
    format!("{} %", crate::analysis::number::fixed(percent, 0))
}

fn criterion_help_ui(ui: &mut Ui, criterion: &Criterion) {
    ui.set_max_width(320.0);
    ui.label(RichText::new(&criterion.name).strong());
    if !criterion.description.is_empty() {
        ui.label(&criterion.description);
    }
    let unit = criterion.unit.trim();
    ui.label(format!(
        "{} · scale {} to {}{}{unit}",
        criterion.direction.label(),
        super::cells::format_value(criterion.scale.lo),
        super::cells::format_value(criterion.scale.hi),
        if unit.is_empty() { "" } else { " " }
    ));
    if let Some(veto) = criterion.veto {
        let side = match criterion.direction {
            Direction::Benefit => "below",
            Direction::Cost => "above",
        };
        ui.label(format!(
            "Veto: a score {side} {} disqualifies an option",
            super::cells::format_value(veto)
        ));
    }
    for level in &criterion.scale.levels {
        ui.label(format!(
            "{} = {}",
            super::cells::format_value(level.value),
            level.meaning
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weight_is_shown_as_its_share_of_all_weights() {
        let mut s = Session::new("x");
        for (criterion, weight) in s.criteria.iter_mut().zip([1.0, 1.0, 1.0]) {
            criterion.weight = weight;
        }
        assert_eq!(share(&s, &s.criteria[0]), "33 %");
        s.criteria[1].weight = 2.0;
        assert_eq!(share(&s, &s.criteria[1]), "50 %");
        for criterion in &mut s.criteria {
            criterion.weight = 0.0;
        }
        assert_eq!(share(&s, &s.criteria[0]), "0 %");
    }
}
