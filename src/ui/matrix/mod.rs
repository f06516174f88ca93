//! The Matrix place: options × criteria, scores, weights, totals and ranks.
//!
//! Rows are virtualised: only the rows on screen do any work, so 500 options × 12 criteria
//! draw as fast as a screenful. Rows stay in document order while scores change, so the row
//! under the pointer never jumps away mid-drag; the rank column shows where each stands.

mod cells;
mod entry;
mod grid;
mod header;
mod raters;
mod rationale;

use crate::analysis::RankedOption;
use crate::document::Edit;
use crate::model::{CriterionId, Rater, RaterId, Session, SolutionOption};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{Label, RichText, TextStyle, Ui};
use egui_extras::{Column, TableBuilder, TableRow};
use raters::{MatrixMode, RaterState, RaterView};
use rationale::RationaleEditor;

pub use entry::CELL_KEYS;

/// Runtime state of the matrix (never saved).
#[derive(Debug, Default)]
pub struct MatrixState {
    /// Show and edit the low/high range of every score as well as its likely value.
    pub show_ranges: bool,
    rationale: Option<RationaleEditor>,
    raters: RaterState,
    /// Ranges shown, presenting, and the option column's width, as last drawn: the column
    /// widths start again when any of them changes.
    layout: Option<(bool, bool, i32)>,
    /// The cell being typed into and where the keyboard goes next.
    entry: entry::EntryState,
    /// The criteria editor window, opened with "Criteria…".
    pub criteria: crate::ui::criteria::CriteriaEditor,
}

impl MatrixState {
    /// The rater scoring blind, while they are one of `session`'s raters.
    pub fn blind_rater(&self, session: &Session) -> Option<RaterId> {
        (self.raters.blind_as.as_ref())
            .filter(|id| session.rater(id).is_some())
            .cloned()
    }

    /// Ends blind scoring: every view shows its scores and results again.
    pub fn reveal(&mut self) {
        self.raters.blind_as = None;
    }
}

/// Draws the matrix and emits edits for changed scores and weights.
pub fn matrix_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut MatrixState) {
    if cx.session.criteria.is_empty() || cx.session.options.is_empty() {
        ui.label("The matrix needs at least one criterion and one option: add them first.");
        if !cx.presenting && ui.button("Criteria…").clicked() {
            state.criteria.open();
        }
        crate::ui::criteria::criteria_window_ui(ui.ctx(), cx, &mut state.criteria);
        return;
    }
    let view = RaterView::new(cx.session, cx.discuss_first, &mut state.raters);
    if cx.take_arrival() {
        state.entry.focus_first_cell(cx.session);
    }
    toolbar_ui(ui, cx, state, view.blind_as.is_some());
    if let Some(rater) = &view.blind_as {
        let what = "other raters' scores, the aggregate, the spread, totals and ranks";
        if crate::ui::blind_note::blind_note_ui(ui, cx.session, rater, what) {
            state.reveal();
        }
    }
    raters::discuss_line_ui(ui, cx.session, &view);
    raters::totals_source_line_ui(ui, cx.session, &view);
    if !cx.presenting {
        entry_message_ui(ui, &state.entry);
    }
    ui.add_space(theme::SPACE_S);
    egui::ScrollArea::horizontal()
        .id_salt("matrix-horizontal")
        .show(ui, |ui| table_ui(ui, cx, state, &view));
    super::cell_jump::tick(ui.ctx());
    if !cx.presenting
        && let Some((option, criterion)) =
            rationale::rationale_window_ui(ui, cx, &mut state.rationale)
    {
        state.entry.focus_cell(option, criterion);
    }
    crate::ui::criteria::criteria_window_ui(ui.ctx(), cx, &mut state.criteria);
}

/// The last refusal or note from typing or pasting into the cells.
fn entry_message_ui(ui: &mut Ui, entry: &entry::EntryState) {
    // The line is kept even when empty, so a message coming or going never moves the cells
    // under the pointer or the keyboard.
    let Some(message) = &entry.message else {
        ui.add_space(ui.text_style_height(&TextStyle::Body));
        return;
    };
    let color = if message.refused {
        theme::palette(ui).error
    } else {
        ui.visuals().weak_text_color()
    };
    ui.add(Label::new(RichText::new(&message.text).color(color)).wrap());
}

/// The toolbar; `blind` hides its counts of unscored and vetoed options, which are read off
/// the ranking and so off everyone's scores.
fn toolbar_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut MatrixState, blind: bool) {
    ui.horizontal_wrapped(|ui| {
        if !cx.presenting {
            if ui
                .button("Criteria…")
                .on_hover_text(
                    "Add, rename, reorder or remove criteria; set units, scales, level \
                     meanings and vetoes; weigh them by swing or pairwise comparison",
                )
                .clicked()
            {
                state.criteria.open();
            }
            ui.checkbox(&mut state.show_ranges, "Ranges (low / likely / high)");
            lock_weights_ui(ui, cx);
            ui.separator();
            raters::toolbar_ui(ui, cx, &mut state.raters);
            ui.separator();
        }
        let (mut unscored, mut vetoed) = (0, 0);
        for row in cx.ranking.rows.iter().filter(|_| !blind) {
            unscored += usize::from(!row.is_scored());
            vetoed += usize::from(row.is_vetoed());
        }
        let n_options = cx.session.options.len();
        ui.label(format!(
            "{n_options} options × {} criteria",
            cx.session.criteria.len()
        ));
        if unscored > 0 {
            ui.label(
                RichText::new(format!("{unscored} unscored")).color(theme::palette(ui).warning),
            );
        }
        if vetoed > 0 {
            ui.label(RichText::new(format!("{vetoed} vetoed")).color(theme::palette(ui).error));
        }
    });
}

/// The "Lock weights" toggle: once locked, every later weight change is logged.
fn lock_weights_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) {
    let mut locked = cx.session.weights_locked;
    let response = ui.checkbox(&mut locked, "Lock weights").on_hover_text(
        "Lock the weights before scoring starts: any later change to a weight is \
             recorded in the decision log.",
    );
    if response.changed() {
        cx.edit(Edit::SetWeightsLocked(locked));
        cx.seal();
    }
}

/// The widest the option column starts, points; a person can still drag it wider.
const OPTION_MAX_WIDTH: f32 = 460.0;

fn table_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut MatrixState, view: &RaterView) {
    let body_height = ui.text_style_height(&TextStyle::Body);
    let small_height = ui.text_style_height(&TextStyle::Small);
    let mut row_height =
        (body_height + small_height + 10.0).max(ui.spacing().interact_size.y + 8.0);
    if cx.presenting {
        // Two lines of title, so the room reads whole names instead of "Rebuild the…".
        row_height = row_height.max(2.0 * body_height + small_height + 4.0);
    }
    let header_height = body_height + ui.spacing().interact_size.y + 10.0;
    // The cells that edit a score: the shared ones, or the raters' own in a rater's view.
    let editing = match &view.mode {
        _ if view.hidden => None,
        MatrixMode::Consensus => Some(None),
        MatrixMode::Rater(_) => view.rater(cx.session).map(Some),
        MatrixMode::Aggregate | MatrixMode::Spread => None,
    };
    let ranges = state.show_ranges && !cx.presenting && editing.is_some();
    let n_criteria = cx.session.criteria.len();
    // Presenting: larger type, so the columns grow with it and share the room on screen.
    let scale = if cx.presenting { 1.6 } else { 1.0 };
    let (rank_width, mut option_width, total_width) = (44.0 * scale, 220.0 * scale, 84.0 * scale);
    let criterion_width = if ranges {
        170.0
    } else if cx.presenting {
        let room = ui.available_width() - rank_width - option_width - total_width;
        (room / n_criteria.max(1) as f32 - 8.0).clamp(96.0, 200.0)
    } else {
        96.0
    };
    if !cx.presenting {
        // Titles take the room the scores leave, so fewer of them are cut.
        let scores = n_criteria as f32 * (criterion_width + theme::SPACE_L);
        let room = ui.available_width() - rank_width - total_width - scores - theme::SPACE_XL * 2.0;
        option_width = room.clamp(option_width, OPTION_MAX_WIDTH);
    }
    // A cell asked for elsewhere (a score flip point) is scrolled into view.
    let jump_row =
        super::cell_jump::pending(ui.ctx()).and_then(|(option, _)| cx.session.option_idx(&option));
    let mut table = TableBuilder::new(ui)
        .id_salt("matrix-table")
        .striped(false)
        .resizable(!cx.presenting)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(rank_width))
        .column(Column::initial(option_width).at_least(120.0).clip(true))
        .columns(
            Column::initial(criterion_width).at_least(64.0).clip(true),
            n_criteria,
        )
        .column(Column::initial(total_width).at_least(64.0))
        .min_scrolled_height(0.0);
    // A row the keyboard moved to, or a cell another place asked to show.
    let scroll = (state.entry.scroll_to.take().map(|row| (row, None)))
        .or(jump_row.map(|row| (row, Some(egui::Align::Center))));
    if let Some((row, align)) = scroll {
        table = table.scroll_to_row(row, align);
    }
    // The table remembers its column widths; when ranges come or go, or presenting starts
    // or ends, it starts again from the widths meant for that layout.
    let layout = (ranges, cx.presenting, option_width.round() as i32);
    if state.layout != Some(layout) {
        table.reset();
        state.layout = Some(layout);
    }
    let mut request: Option<(usize, CriterionId)> = None;
    let entry = &mut state.entry;
    table
        .header(header_height, |mut row| header::header_ui(&mut row, cx))
        .body(|body| {
            body.rows(row_height, cx.session.options.len(), |row| {
                let option_idx = row.index();
                let ranked = cx.ranks.row(option_idx);
                let how = CellsDrawn {
                    editing,
                    ranges,
                    view,
                };
                if let Some(criterion) = row_ui(row, cx, option_idx, ranked, &how, entry) {
                    request = Some((option_idx, criterion));
                }
            });
        });
    if state.entry.end_frame() {
        ui.ctx().request_repaint();
    }
    if let Some((option_idx, criterion_id)) = request
        && let Some(criterion) = cx.session.criterion(&criterion_id)
    {
        let option = &cx.session.options[option_idx];
        let rater = editing.flatten();
        let slot = cells::Slot {
            option,
            criterion,
            rater,
        };
        let text = slot
            .score()
            .map(|s| s.rationale.clone())
            .unwrap_or_default();
        let at = ui.ctx().pointer_interact_pos();
        state.rationale = Some(RationaleEditor::new(
            option.id.clone(),
            criterion_id,
            rater.map(|r| r.id.clone()),
            text,
            at,
        ));
    }
}

/// How this frame's score cells are drawn.
struct CellsDrawn<'v, 's> {
    /// `Some(None)`: the shared scores are edited; `Some(Some(rater))`: that rater's own;
    /// `None`: the cells are read-only (aggregate, spread, or hidden by blind mode).
    editing: Option<Option<&'s Rater>>,
    /// Show low/high editors next to the likely value.
    ranges: bool,
    view: &'v RaterView,
}

/// Draws one option's row; returns the criterion whose rationale editor was asked for.
fn row_ui(
    mut row: TableRow<'_, '_>,
    cx: &mut ViewCtx<'_>,
    option_idx: usize,
    ranked: Option<&RankedOption>,
    how: &CellsDrawn<'_, '_>,
    entry: &mut entry::EntryState,
) -> Option<CriterionId> {
    let view = how.view;
    let session: &Session = cx.session;
    let option = &session.options[option_idx];
    // Blind mode hides the ranking in every view, the rater's own too: it is built from
    // everyone's scores.
    let ranked = ranked.filter(|_| view.blind_as.is_none());
    row.col(|ui| rank_ui(ui, session, ranked));
    row.col(|ui| option_ui(ui, session, option, ranked, cx.presenting));
    let mut request = None;
    for criterion in &session.criteria {
        row.col(|ui| {
            let rect = ui.max_rect();
            if let Some(rater) = how.editing {
                let slot = cells::Slot {
                    option,
                    criterion,
                    rater,
                };
                if cells::cell_ui(ui, cx, slot, how.ranges, entry) {
                    request = Some(criterion.id.clone());
                }
            } else {
                raters::cell_ui(ui, cx, option, criterion, view);
            }
            if view.is_discussed(&option.id, &criterion.id) {
                raters::discuss_mark(ui, rect);
            }
        });
    }
    row.col(|ui| {
        if view.blind_as.is_some() {
            ui.label(RichText::new("hidden").weak());
        } else {
            total_ui(ui, session, ranked);
        }
    });
    request
}

fn rank_ui(ui: &mut Ui, session: &Session, ranked: Option<&RankedOption>) {
    let Some(ranked) = ranked else {
        return;
    };
    let text = ranked
        .rank
        .map_or_else(|| "–".to_owned(), |rank| rank.to_string());
    let mut text = RichText::new(text).strong();
    if ranked.is_vetoed() {
        text = text.color(theme::palette(ui).error).strikethrough();
    }
    let response = ui.label(text);
    if ranked.is_vetoed() {
        response.on_hover_ui(|ui| {
            ui.label(veto_text(session, &ranked.vetoed_by));
        });
    }
}

/// "Vetoed by Trust risk, Cost".
fn veto_text(session: &Session, by: &[CriterionId]) -> String {
    let names: Vec<&str> = by.iter().map(|id| session.criterion_name(id)).collect();
    format!("Vetoed by {}", names.join(", "))
}

fn option_ui(
    ui: &mut Ui,
    session: &Session,
    option: &SolutionOption,
    ranked: Option<&RankedOption>,
    presenting: bool,
) {
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = theme::SPACE_NONE;
        if presenting {
            let mut job = egui::text::LayoutJob::default();
            RichText::new(&option.title).strong().append_to(
                &mut job,
                ui.style(),
                egui::FontSelection::Default,
                egui::Align::LEFT,
            );
            job.wrap = egui::text::TextWrapping {
                max_width: ui.available_width(),
                max_rows: 2,
                break_anywhere: false,
                overflow_character: Some('…'),
            };
            ui.add(Label::new(job).wrap());
        } else {
            ui.add(Label::new(RichText::new(&option.title).strong()).truncate());
        }
        ui.horizontal(|ui| {
            ui.label(RichText::new(option.lens.label()).small().weak());
            if let Some(ranked) = ranked.filter(|r| r.is_vetoed()) {
                let text = veto_text(session, &ranked.vetoed_by);
                ui.label(RichText::new(text).small().color(theme::palette(ui).error));
            } else if ranked.is_some_and(|r| !r.is_scored()) {
                ui.label(
                    RichText::new("unscored")
                        .small()
                        .color(theme::palette(ui).warning),
                );
            }
        });
    });
}

fn total_ui(ui: &mut Ui, session: &Session, ranked: Option<&RankedOption>) {
    let Some(ranked) = ranked else {
        return;
    };
    match ranked.total {
        Some(total) => {
            ui.label(RichText::new(crate::analysis::number::fixed(total, 1)).strong());
        }
        None if ranked.missing.is_empty() => {
            ui.label(RichText::new("not ranked").weak())
                .on_hover_text("No criterion has a weight above 0, so nothing can be ranked.");
        }
        None => {
            let response = ui.label(RichText::new("unscored").color(theme::palette(ui).warning));
            response.on_hover_ui(|ui| {
                let names: Vec<&str> = ranked
                    .missing
                    .iter()
                    .map(|id| session.criterion_name(id))
                    .collect();
                ui.label(format!("No score yet on {}", names.join(", ")));
            });
        }
    }
}

#[cfg(test)]
mod tests;
