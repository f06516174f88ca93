//! One cell of the matrix: a score coloured by its normalised value, its editors (likely,
//! and low/high when ranges are shown), its rationale on hover, or an offer to score it
//! when it is empty. The same cell edits the shared score or one rater's own (a [`Slot`]).

use super::entry::{EntryState, entry_ui};
use super::grid::{self, End};
use crate::analysis::normalised;
use crate::document::Edit;
use crate::model::{Criterion, Rater, Score, SolutionOption};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{DragValue, Response, RichText, Stroke, StrokeKind, Ui};

/// Whose score a cell shows and edits: the shared one, or one rater's own.
#[derive(Clone, Copy, Debug)]
pub(super) struct Slot<'a> {
    pub option: &'a SolutionOption,
    pub criterion: &'a Criterion,
    /// `None` for the shared score.
    pub rater: Option<&'a Rater>,
}

impl<'a> Slot<'a> {
    /// The score in this slot, if any.
    pub fn score(&self) -> Option<&'a Score> {
        let criterion = &self.criterion.id;
        match self.rater {
            None => self.option.score(criterion),
            Some(rater) => self
                .option
                .rater_scores
                .get(&rater.id)
                .and_then(|scores| scores.get(criterion)),
        }
    }

    /// The edit that puts `score` in this slot (`None` clears it).
    pub fn edit(&self, score: Option<Score>) -> Edit {
        let (option, criterion) = (self.option.id.clone(), self.criterion.id.clone());
        match self.rater {
            None => Edit::SetScore(option, criterion, score),
            Some(rater) => Edit::SetRaterScore(option, rater.id.clone(), criterion, score),
        }
    }

    /// The accessible name of the slot, e.g. "Cost of Buy a CDN" or "… by Ana".
    pub fn name(&self) -> String {
        let cell = cell_name(self.criterion, self.option);
        match self.rater {
            None => cell,
            Some(rater) => format!("{cell} by {}", rater.name),
        }
    }
}

/// Names `response` for screen readers and tests. `name` is only called when an
/// accessibility tree is being built, so plain frames pay nothing for it.
pub(super) fn name_widget(response: &Response, name: impl FnOnce() -> String) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name()));
}

/// The accessible name of a cell's likely score, e.g. "Cost of Buy a CDN".
pub(super) fn cell_name(criterion: &Criterion, option: &SolutionOption) -> String {
    format!("{} of {}", criterion.name, option.title)
}

/// How far a value moves per dragged point: about 100 points cross the whole scale.
fn drag_speed(criterion: &Criterion) -> f64 {
    let span = criterion.scale.hi - criterion.scale.lo;
    if span.is_finite() && span > 0.0 {
        span / 100.0
    } else {
        0.01
    }
}

/// Draws one cell into the table cell `ui`; true when its rationale was asked for (the
/// matrix then opens the cell's rationale editor).
pub(super) fn cell_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    slot: Slot<'_>,
    ranges: bool,
    entry: &mut EntryState,
) -> bool {
    let rect = ui.max_rect();
    let Some(score) = slot.score() else {
        return empty_cell_ui(ui, cx, slot, rect, entry);
    };
    let fill = theme::score_fill(
        normalised(slot.criterion, score.likely),
        ui.visuals().dark_mode,
    );
    ui.painter().rect_filled(rect, 0.0, fill);
    veto_gauge_ui(ui, rect, slot.criterion, score.likely);
    if cx.presenting {
        // Clear of the cell's edge, so the number reads as inside its colour.
        ui.add_space(theme::CELL_INSET);
        let response = ui.label(RichText::new(format_value(score.likely)).strong());
        hover_rationale(response, slot.criterion, score);
        return false;
    }
    // The cell's own layout is already left-to-right and centred: no child layout needed.
    ui.spacing_mut().item_spacing.x = theme::SPACE_XS;
    // The rationale button keeps a strip at the right, so it never covers the digits.
    let button_width = RATIONALE_BUTTON_WIDTH;
    let shown = if ranges {
        range_end_ui(ui, cx, slot, score, End::Low, entry);
        let (likely, _) = ui.allocate_exact_size(
            egui::vec2(LIKELY_WIDTH, ui.spacing().interact_size.y),
            egui::Sense::hover(),
        );
        let shown = entry_ui(ui, cx, slot, likely, entry);
        range_end_ui(ui, cx, slot, score, End::High, entry);
        shown
    } else {
        let mut value = rect;
        value.max.x -= button_width;
        entry_ui(ui, cx, slot, value, entry)
    };
    let mut wants_rationale = shown.wants_rationale;
    if let Some(response) = shown.response {
        response.context_menu(|ui| {
            let clear = ui.button("Clear this score").on_hover_text(
                "Remove the score, its range and its rationale (Ctrl+Z brings it back)",
            );
            if clear.clicked() {
                cx.edit(slot.edit(None));
                cx.seal();
                ui.close();
            }
        });
        hover_rationale(response, slot.criterion, score);
    }
    let pointed = ui.rect_contains_pointer(rect);
    if pointed {
        let strip = egui::Rect::from_min_max(
            egui::pos2(rect.right() - button_width, rect.top()),
            rect.right_bottom(),
        );
        let response = ui.put(
            egui::Rect::from_center_size(
                strip.center(),
                egui::vec2(button_width, strip.height().min(22.0)),
            ),
            |ui: &mut Ui| rationale_button_ui(ui, slot, score),
        );
        wants_rationale |= response.clicked();
    } else if !score.rationale.is_empty() {
        // A small corner mark, as spreadsheets show a comment.
        let corner = rect.right_top();
        let size = 6.0;
        ui.painter().add(egui::Shape::convex_polygon(
            vec![
                corner,
                corner + egui::vec2(-size, 0.0),
                corner + egui::vec2(0.0, size),
            ],
            ui.visuals().strong_text_color(),
            Stroke::NONE,
        ));
    }
    wants_rationale
}

/// Width of the likely value between the low and high editors when ranges are shown.
const LIKELY_WIDTH: f32 = 48.0;
/// Width of the strip at a cell's right that holds its rationale button.
const RATIONALE_BUTTON_WIDTH: f32 = 20.0;

/// Along the bottom of a cell whose criterion has a veto, the cell's colour scale from worst
/// (left) to best (right): the part the veto rules out in the veto colour, and a tick where
/// this score lies, so a score near the line is visible before it crosses it.
fn veto_gauge_ui(ui: &Ui, rect: egui::Rect, criterion: &Criterion, value: f64) {
    let Some(veto) = criterion.veto else {
        return;
    };
    let bar = egui::Rect::from_min_max(
        egui::pos2(rect.left(), rect.bottom() - theme::VETO_GAUGE_HEIGHT),
        rect.right_bottom(),
    );
    let at = |v: f64| bar.left() + bar.width() * normalised(criterion, v).clamp(0.0, 1.0) as f32;
    let ruled_out = egui::Rect::from_min_max(bar.left_top(), egui::pos2(at(veto), bar.bottom()));
    ui.painter()
        .rect_filled(ruled_out, 0.0, theme::palette(ui).error);
    let x = at(value);
    ui.painter().line_segment(
        [
            egui::pos2(x, bar.top() - theme::SPACE_XS),
            egui::pos2(x, bar.bottom()),
        ],
        Stroke::new(theme::MARK_STROKE, ui.visuals().strong_text_color()),
    );
}

/// The value as a short label: at most two decimals, whole numbers without any.
pub(super) fn format_value(value: f64) -> String {
    crate::analysis::number::short(value)
}

/// The low or high editor of a score's range. A drag stays on the scale; a typed value
/// outside it is refused with the scale named, and one past the likely value takes the
/// likely value along (one edit, one undo step) with a note saying so. Nothing is clamped
/// without a word.
fn range_end_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    slot: Slot<'_>,
    score: &Score,
    end: End,
    entry: &mut EntryState,
) {
    let (shown, what, hover) = match end {
        End::Low => (score.low_or_likely(), "low", "Pessimistic end of the range"),
        End::High => (
            score.high_or_likely(),
            "high",
            "Optimistic end of the range",
        ),
    };
    let mut value = shown;
    let response = ui.add(
        DragValue::new(&mut value)
            .speed(drag_speed(slot.criterion))
            .max_decimals(2)
            .custom_formatter(|v, _| format_value(v)),
    );
    name_widget(&response, || format!("{}, {what}", slot.name()));
    if response.changed() && value != shown && value.is_finite() {
        let scale = &slot.criterion.scale;
        let name = format!("{}, {what}", slot.name());
        if response.dragged() {
            value = value.clamp(scale.lo, scale.hi);
        }
        if scale.contains(value) {
            let (new, note) = grid::with_range_end(&slot.name(), score, end, value);
            if &new != score {
                cx.edit(slot.edit(Some(new)));
            }
            entry.note(note);
        } else {
            let short = crate::analysis::number::short;
            entry.refuse(format!(
                "{name}: {} is outside the scale of {}, {} to {}; not changed",
                short(value),
                slot.criterion.name,
                short(scale.lo),
                short(scale.hi)
            ));
        }
    }
    cx.seal_after(&response);
    response.on_hover_text(hover);
}

fn rationale_button_ui(ui: &mut Ui, slot: Slot<'_>, score: &Score) -> Response {
    let color = if score.rationale.is_empty() {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().strong_text_color()
    };
    let response = ui.add(egui::Button::new(RichText::new("¶").color(color)).small());
    name_widget(&response, || format!("Open rationale of {}", slot.name()));
    response.on_hover_ui(|ui| {
        if score.rationale.is_empty() {
            ui.label("No rationale yet: click to write why this score");
        } else {
            ui.label(&score.rationale);
        }
    })
}

/// Shows the rationale as a tooltip, when there is one.
/// On hover: what the score means on the criterion's anchored scale, and its rationale.
fn hover_rationale(response: Response, criterion: &Criterion, score: &Score) {
    if criterion.scale.levels.is_empty() && score.rationale.is_empty() {
        return;
    }
    // Built only while the tooltip shows, not for every cell on every frame.
    response.on_hover_ui(|ui| {
        ui.set_max_width(320.0);
        if let Some(meaning) = level_meaning(criterion, score.likely) {
            ui.label(RichText::new(meaning).italics());
        }
        if !score.rationale.is_empty() {
            ui.label(&score.rationale);
        }
    });
}

/// "3 = A clear, measurable step toward the goal", or for a value between described levels
/// "120 k$ / year: nearest, 100 = Pays for the work within the year".
fn level_meaning(criterion: &Criterion, value: f64) -> Option<String> {
    let level = criterion
        .scale
        .levels
        .iter()
        .min_by(|a, b| (a.value - value).abs().total_cmp(&(b.value - value).abs()))?;
    let unit = criterion.unit.trim();
    let value_text = if unit.is_empty() {
        format_value(value)
    } else {
        format!("{} {unit}", format_value(value))
    };
    Some(if level.value == value {
        format!("{value_text} = {}", level.meaning)
    } else {
        format!(
            "{value_text}: nearest, {} = {}",
            format_value(level.value),
            level.meaning
        )
    })
}

fn empty_cell_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    slot: Slot<'_>,
    rect: egui::Rect,
    entry: &mut EntryState,
) -> bool {
    let criterion = slot.criterion;
    // A rater who has not scored a cell is simply left out of its aggregate; a shared
    // cell is marked when the ranking says it keeps the option from a total.
    let leaves_unscored = slot.rater.is_none()
        && cx
            .session
            .option_idx(&slot.option.id)
            .is_some_and(|idx| cx.ranks.leaves_unscored(idx, &criterion.id));
    if leaves_unscored {
        ui.painter().rect_stroke(
            rect.shrink(1.5),
            2.0,
            Stroke::new(theme::MARK_STROKE, theme::palette(ui).warning),
            StrokeKind::Inside,
        );
    }
    if cx.presenting {
        if leaves_unscored {
            ui.label(RichText::new("missing").color(theme::palette(ui).warning));
        } else {
            ui.label(RichText::new("–").weak());
        }
        return false;
    }
    // Nothing is recorded until a value is typed: an empty cell is an entry like any other.
    entry_ui(ui, cx, slot, rect, entry).wants_rationale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;

    #[test]
    fn values_show_without_trailing_zeros() {
        assert_eq!(format_value(4.0), "4");
        assert_eq!(format_value(2.5), "2.5");
        assert_eq!(format_value(3.25), "3.25");
    }

    #[test]
    fn a_score_reads_as_the_meaning_of_its_level_or_the_nearest_one() {
        let mut c = Criterion::new("savings", "Savings", 1.0, Direction::Benefit);
        assert_eq!(level_meaning(&c, 3.0), None, "no levels described");
        c.unit = "k$ / year".into();
        c.scale.hi = 500.0;
        c.scale.levels = vec![
            crate::model::ScaleLevel {
                value: 100.0,
                meaning: "Pays for the work".into(),
            },
            crate::model::ScaleLevel {
                value: 250.0,
                meaning: "A line the CFO would mention".into(),
            },
        ];
        assert_eq!(
            level_meaning(&c, 100.0).as_deref(),
            Some("100 k$ / year = Pays for the work")
        );
        assert_eq!(
            level_meaning(&c, 120.0).as_deref(),
            Some("120 k$ / year: nearest, 100 = Pays for the work")
        );
    }

    #[test]
    fn dragging_a_hundred_points_crosses_the_scale() {
        let mut c = Criterion::new("cost", "Cost", 1.0, Direction::Cost);
        c.scale.lo = 0.0;
        c.scale.hi = 50.0;
        assert_eq!(drag_speed(&c) * 100.0, 50.0);
    }
}
