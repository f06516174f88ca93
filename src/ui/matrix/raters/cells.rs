//! The matrix cells of every view but the editable consensus: a rater's aggregate, the
//! spread between raters, hidden cells in blind mode, and the cells to discuss first.

use super::{MatrixMode, RaterView};
use crate::analysis::raters::aggregate;
use crate::model::{Criterion, CriterionId, Session, SolutionOption};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{CornerRadius, Rect, RichText, Ui};

/// The "Discuss these first" line, when raters disagree enough somewhere.
pub(in crate::ui::matrix) fn discuss_line_ui(ui: &mut Ui, session: &Session, view: &RaterView) {
    if view.discuss.is_empty() {
        return;
    }
    let names: Vec<String> = view
        .discuss
        .iter()
        .filter_map(|(o, c)| {
            let option = session.option(o)?;
            let criterion = session.criterion(c)?;
            Some(crate::ui::matrix::cells::cell_name(criterion, option))
        })
        .collect();
    ui.label(
        RichText::new(format!("Discuss these first: {}", names.join("; ")))
            .color(theme::palette(ui).kill),
    )
    .on_hover_text("The cells where raters' scores differ most");
}

/// Says where the totals come from when the cells shown are not the scores they use: in the
/// shared or one rater's view, every cell a rater scored counts at the raters' aggregate.
pub(in crate::ui::matrix) fn totals_source_line_ui(
    ui: &mut Ui,
    session: &Session,
    view: &RaterView,
) {
    if view.blind_as.is_some() || !matches!(view.mode, MatrixMode::Consensus | MatrixMode::Rater(_))
    {
        return;
    }
    let rated = session
        .options
        .iter()
        .flat_map(|o| {
            session.criteria.iter().filter(|c| {
                o.rater_scores
                    .values()
                    .any(|scores| scores.contains_key(&c.id))
            })
        })
        .count();
    if rated == 0 {
        return;
    }
    let cells = if rated == 1 { "cell" } else { "cells" };
    ui.label(
        RichText::new(format!(
            "Totals and ranks use the raters' {} on the {rated} {cells} raters scored; \
             show the raters' aggregate (\"Scores shown\") to see those numbers.",
            session.aggregation.label(),
        ))
        .color(theme::palette(ui).warning),
    );
}

/// Marks a cell to discuss first with a bar along its top edge, above the line its value
/// is drawn on, so the mark never covers a digit.
pub(in crate::ui::matrix) fn discuss_mark(ui: &Ui, cell: Rect) {
    let line = ui
        .spacing()
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Body));
    if let Some(bar) = discuss_bar(cell, line) {
        ui.painter()
            .rect_filled(bar, CornerRadius::ZERO, theme::palette(ui).kill);
    }
}

/// Where a cell's discuss mark goes: a bar along the top of `cell`, as thick as
/// [`theme::DISCUSS_BAR`] allows without reaching the band of height `line` centred in the
/// cell, where every cell draws its value. `None` when the row leaves no room above it.
pub(in crate::ui::matrix) fn discuss_bar(cell: Rect, line: f32) -> Option<Rect> {
    let text_top = cell.center().y - line / 2.0;
    let bottom = (cell.top() + theme::DISCUSS_BAR).min(text_top - theme::SPACE_XS);
    (bottom - cell.top() >= 1.0)
        .then(|| Rect::from_min_max(cell.left_top(), egui::pos2(cell.right(), bottom)))
}

/// Each rater's likely score on one cell.
fn ratings(option: &SolutionOption, criterion: &CriterionId) -> Vec<f64> {
    option
        .rater_scores
        .values()
        .filter_map(|scores| scores.get(criterion).map(|s| s.likely))
        .collect()
}

/// Draws one cell of every view but the consensus (and of the consensus when hidden).
pub(in crate::ui::matrix) fn cell_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    option: &SolutionOption,
    criterion: &Criterion,
    view: &RaterView,
) {
    if view.hidden {
        ui.label(RichText::new("hidden").weak());
        return;
    }
    match &view.mode {
        // A rater's own scores are edited by the matrix's ordinary cell (`cells::Slot`).
        MatrixMode::Rater(_) => {
            ui.label(RichText::new("–").weak());
        }
        MatrixMode::Aggregate => {
            let values = ratings(option, &criterion.id);
            if values.is_empty() {
                match option.score(&criterion.id) {
                    Some(shared) => read_only_ui(ui, criterion, shared.likely, "shared score"),
                    None => {
                        ui.label(RichText::new("–").weak());
                    }
                }
            } else {
                let value = aggregate(cx.session.aggregation, &values);
                let what = format!(
                    "{} of {} raters",
                    cx.session.aggregation.label(),
                    values.len()
                );
                read_only_ui(ui, criterion, value, &what);
            }
        }
        MatrixMode::Consensus => match option.score(&criterion.id) {
            Some(shared) => read_only_ui(ui, criterion, shared.likely, "shared score"),
            None => {
                ui.label(RichText::new("–").weak());
            }
        },
        MatrixMode::Spread => {
            let values = ratings(option, &criterion.id);
            if values.len() < 2 {
                ui.label(RichText::new("–").weak())
                    .on_hover_text("Fewer than two raters scored this");
                return;
            }
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            ui.label(
                RichText::new(format!(
                    "± {}",
                    crate::ui::matrix::cells::format_value(hi - lo)
                ))
                .strong(),
            )
            .on_hover_text(format!(
                "Raters range from {} to {}",
                crate::ui::matrix::cells::format_value(lo),
                crate::ui::matrix::cells::format_value(hi)
            ));
        }
    }
}

fn read_only_ui(ui: &mut Ui, criterion: &Criterion, value: f64, what: &str) {
    let fill = theme::score_fill(
        crate::analysis::normalised(criterion, value),
        ui.visuals().dark_mode,
    );
    ui.painter().rect_filled(ui.max_rect(), 0.0, fill);
    ui.label(RichText::new(crate::ui::matrix::cells::format_value(value)).strong())
        .on_hover_text(what);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_discuss_bar_stays_above_the_line_the_value_is_drawn_on() {
        let line = 20.0;
        for height in [26.0, 32.0, 40.0, 64.0] {
            let cell = Rect::from_min_size(egui::pos2(10.0, 100.0), egui::vec2(96.0, height));
            let text_top = cell.center().y - line / 2.0;
            match discuss_bar(cell, line) {
                Some(bar) => {
                    assert!(bar.bottom() < text_top, "{height}: {bar:?}");
                    assert_eq!((bar.left(), bar.right()), (cell.left(), cell.right()));
                    assert!(bar.height() <= theme::DISCUSS_BAR);
                }
                None => assert!(text_top - cell.top() < 1.0 + theme::SPACE_XS, "{height}"),
            }
        }
        let tall = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(96.0, 40.0));
        assert_eq!(
            discuss_bar(tall, line).map(|b| b.height()),
            Some(theme::DISCUSS_BAR)
        );
    }
}
