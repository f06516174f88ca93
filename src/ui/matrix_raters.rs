//! Several raters in the matrix: which scores the cells show (the consensus, the raters'
//! aggregate, one rater's own, or how far raters spread), blind mode, the cells to discuss
//! first, and adding a rater.
//!
//! Per frame this does one pass over the document only when it has raters (for the cells
//! to discuss first); everything else is worked out per visible cell.

use crate::analysis::raters::aggregate;
use crate::document::Edit;
use crate::model::{Aggregation, Criterion, CriterionId, OptionId, Rater, RaterId};
use crate::model::{Session, SolutionOption};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{RichText, Stroke, StrokeKind, Ui};

/// Which scores the matrix shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) enum MatrixMode {
    /// The shared scores, edited directly (the only view without raters).
    #[default]
    Consensus,
    /// The raters' mean or median, read-only.
    Aggregate,
    /// One rater's own scores, edited as theirs.
    Rater(RaterId),
    /// How far raters differ on each cell (highest minus lowest), read-only.
    Spread,
}

/// The raters' part of the matrix state (never saved).
#[derive(Debug, Default)]
pub(super) struct RaterState {
    /// The view chosen.
    pub mode: MatrixMode,
    /// While set, only this rater's own scores are visible.
    pub blind_as: Option<RaterId>,
    /// The "Add rater" form, while open: name and role typed so far.
    form: Option<(String, String)>,
    /// The form editing the rater on view, while open.
    edit_form: Option<RaterForm>,
    /// A form has just opened: its first field asks for the keyboard focus.
    focus_first_field: bool,
}

/// Renaming or removing one rater: the name and role as typed so far, and whether the
/// removal waits for its confirming click.
#[derive(Debug)]
struct RaterForm {
    id: RaterId,
    name: String,
    role: String,
    confirm_remove: bool,
}

/// What the cells need to know this frame.
#[derive(Debug)]
pub(super) struct RaterView {
    /// The view to draw (already checked against the document's raters).
    pub mode: MatrixMode,
    /// True when blind mode hides this view's cells, totals and ranks.
    pub hidden: bool,
    /// Cells where raters disagree most, widest first.
    pub discuss: Vec<(OptionId, CriterionId)>,
}

impl RaterView {
    /// Checks the state against `session`; `discuss_first` are the cells the analysis
    /// names (computed once per revision), shown unless blind mode would give them away.
    pub fn new(
        session: &Session,
        discuss_first: &[(OptionId, CriterionId)],
        state: &mut RaterState,
    ) -> Self {
        let known = |id: &RaterId| session.rater(id).is_some();
        if let MatrixMode::Rater(id) = &state.mode
            && !known(id)
        {
            state.mode = MatrixMode::Consensus;
        }
        if state.blind_as.as_ref().is_some_and(|id| !known(id)) {
            state.blind_as = None;
        }
        if state.edit_form.as_ref().is_some_and(|f| !known(&f.id)) {
            state.edit_form = None;
        }
        let hidden = match (&state.blind_as, &state.mode) {
            (None, _) => false,
            (Some(me), MatrixMode::Rater(id)) => me != id,
            (Some(_), _) => true,
        };
        let discuss = if session.raters.is_empty() || state.blind_as.is_some() {
            Vec::new()
        } else {
            discuss_first.to_vec()
        };
        Self {
            mode: state.mode.clone(),
            hidden,
            discuss,
        }
    }

    /// The rater whose own scores the view edits, if it is one rater's view.
    pub fn rater<'s>(&self, session: &'s Session) -> Option<&'s Rater> {
        match &self.mode {
            MatrixMode::Rater(id) => session.rater(id),
            _ => None,
        }
    }

    /// True when the cell is among those to discuss first.
    pub fn is_discussed(&self, option: &OptionId, criterion: &CriterionId) -> bool {
        self.discuss
            .iter()
            .any(|(o, c)| o == option && c == criterion)
    }
}

/// The toolbar's rater controls: view selector, mean/median, blind mode, "Add rater" and
/// the line naming the cells to discuss first.
pub(super) fn toolbar_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut RaterState) {
    let session = cx.session;
    if cx.presenting {
        return;
    }
    if !session.raters.is_empty() {
        mode_selector_ui(ui, session, state);
        match &state.mode {
            MatrixMode::Aggregate => aggregation_ui(ui, cx),
            MatrixMode::Rater(id) => {
                let id = id.clone();
                let mut blind = state.blind_as.as_ref() == Some(&id);
                let response = ui
                    .checkbox(&mut blind, "Blind")
                    .on_hover_text("Hide other raters' scores, the aggregate and the spread");
                if response.changed() {
                    state.blind_as = blind.then(|| id.clone());
                }
                edit_rater_ui(ui, cx, state, &id);
            }
            _ => {}
        }
    }
    if state.edit_form.is_none() {
        add_rater_ui(ui, cx, state);
    }
}

/// "Edit rater…": rename the rater on view, change their role, or remove them with all
/// their scores (after a second, confirming click; Ctrl+Z brings them back).
fn edit_rater_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut RaterState, id: &RaterId) {
    let Some(rater) = cx.session.rater(id) else {
        return;
    };
    let form = match &mut state.edit_form {
        Some(form) if &form.id == id => form,
        _ => {
            state.edit_form = None;
            if ui
                .button("Edit rater…")
                .on_hover_text(format!(
                    "Rename {} or remove them and their scores",
                    rater.name
                ))
                .clicked()
            {
                state.edit_form = Some(RaterForm {
                    id: id.clone(),
                    name: rater.name.clone(),
                    role: rater.role.clone(),
                    confirm_remove: false,
                });
                state.focus_first_field = true;
            }
            return;
        }
    };
    let focus = &mut state.focus_first_field;
    let (enter, escape) =
        name_and_role_ui(ui, cx, focus, &mut form.name, &mut form.role, "Rater's");
    let (name, role) = (form.name.trim(), form.role.trim());
    let changed = name != rater.name || role != rater.role;
    let ready = !name.is_empty() && changed;
    let save = ui.add_enabled(ready, egui::Button::new("Save"));
    if save.clicked() || (enter && ready) {
        cx.edit(Edit::SetRater(id.clone(), name.to_owned(), role.to_owned()));
        cx.seal();
        state.edit_form = None;
        return;
    }
    if form.confirm_remove {
        let scores: usize = cx
            .session
            .options
            .iter()
            .filter_map(|o| o.rater_scores.get(id))
            .map(|scores| scores.len())
            .sum();
        let plural = if scores == 1 { "" } else { "s" };
        let confirm = egui::Button::new(
            RichText::new(format!("Remove {} and {scores} score{plural}", rater.name))
                .color(theme::palette(ui).kill),
        );
        if ui.add(confirm).clicked() {
            cx.edit(Edit::RemoveRater(id.clone()));
            cx.seal();
            state.edit_form = None;
            return;
        }
    } else if ui
        .button("Remove…")
        .on_hover_text("Remove this rater and every score they gave")
        .clicked()
    {
        form.confirm_remove = true;
    }
    if ui.button("Cancel").clicked() || escape {
        state.edit_form = None;
    }
}

/// A rater form's name and role fields, named "`whose` name" and "`whose` role"; the
/// name takes the focus when the form has just opened. Returns whether Enter or Escape
/// ended the editing of either field this frame.
fn name_and_role_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    focus_name: &mut bool,
    name: &mut String,
    role: &mut String,
    whose: &str,
) -> (bool, bool) {
    let name_field = ui.add(
        egui::TextEdit::singleline(name)
            .hint_text("name")
            .desired_width(90.0),
    );
    super::cells::name_widget(&name_field, || format!("{whose} name"));
    if std::mem::take(focus_name) {
        cx.focus(name_field.id);
    }
    let role_field = ui.add(
        egui::TextEdit::singleline(role)
            .hint_text("role (optional)")
            .desired_width(90.0),
    );
    super::cells::name_widget(&role_field, || format!("{whose} role"));
    if !(name_field.lost_focus() || role_field.lost_focus()) {
        return (false, false);
    }
    ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
        )
    })
}

fn mode_label(session: &Session, mode: &MatrixMode) -> String {
    match mode {
        MatrixMode::Consensus => "Consensus".to_owned(),
        MatrixMode::Aggregate => format!("Aggregate ({})", session.aggregation.label()),
        MatrixMode::Rater(id) => session.rater_name(id),
        MatrixMode::Spread => "Spread".to_owned(),
    }
}

fn mode_selector_ui(ui: &mut Ui, session: &Session, state: &mut RaterState) {
    let mut modes = vec![MatrixMode::Consensus, MatrixMode::Aggregate];
    modes.extend(
        session
            .raters
            .iter()
            .map(|r| MatrixMode::Rater(r.id.clone())),
    );
    modes.push(MatrixMode::Spread);
    egui::ComboBox::from_label("Scores shown")
        .selected_text(mode_label(session, &state.mode))
        .show_ui(ui, |ui| {
            for mode in modes {
                let label = mode_label(session, &mode);
                ui.selectable_value(&mut state.mode, mode, label);
            }
        });
}

fn aggregation_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) {
    let current = cx.session.aggregation;
    for (aggregation, label) in [(Aggregation::Mean, "Mean"), (Aggregation::Median, "Median")] {
        if ui.radio(current == aggregation, label).clicked() && current != aggregation {
            cx.edit(Edit::SetAggregation(aggregation));
            cx.seal();
        }
    }
}

fn add_rater_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut RaterState) {
    let Some((name, role)) = &mut state.form else {
        if ui.button("Add rater…").clicked() {
            state.form = Some((String::new(), String::new()));
            state.focus_first_field = true;
        }
        return;
    };
    let focus = &mut state.focus_first_field;
    let (enter, escape) = name_and_role_ui(ui, cx, focus, name, role, "New rater's");
    let ready = !name.trim().is_empty();
    if ui.add_enabled(ready, egui::Button::new("Add")).clicked() || (enter && ready) {
        cx.edit(Edit::AddRater(
            name.trim().to_owned(),
            role.trim().to_owned(),
        ));
        cx.seal();
        state.form = None;
    } else if ui.button("Cancel").clicked() || escape {
        state.form = None;
    }
}

/// The "Discuss these first" line, when raters disagree enough somewhere.
pub(super) fn discuss_line_ui(ui: &mut Ui, session: &Session, view: &RaterView) {
    if view.discuss.is_empty() {
        return;
    }
    let names: Vec<String> = view
        .discuss
        .iter()
        .filter_map(|(o, c)| {
            let option = session.option(o)?;
            let criterion = session.criterion(c)?;
            Some(super::cells::cell_name(criterion, option))
        })
        .collect();
    ui.label(
        RichText::new(format!("Discuss these first: {}", names.join("; ")))
            .color(theme::palette(ui).kill),
    )
    .on_hover_text("The cells where raters' scores differ most");
}

/// Outlines a cell to discuss first.
pub(super) fn discuss_mark(ui: &Ui, rect: egui::Rect) {
    ui.painter().rect_stroke(
        rect.shrink(1.0),
        2.0,
        Stroke::new(2.0, theme::palette(ui).kill),
        StrokeKind::Inside,
    );
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
pub(super) fn cell_ui(
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
            ui.label(RichText::new(format!("± {}", super::cells::format_value(hi - lo))).strong())
                .on_hover_text(format!(
                    "Raters range from {} to {}",
                    super::cells::format_value(lo),
                    super::cells::format_value(hi)
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
    ui.label(RichText::new(super::cells::format_value(value)).strong())
        .on_hover_text(what);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::raters::discuss_first_cells;
    use crate::model::{Lens, Rater, Score};

    /// Three raters on two options; `seed` varies who scores what.
    fn session(seed: usize) -> Session {
        let mut s = Session::new("x");
        for id in ["ana", "bo", "cy"] {
            s.raters.push(Rater::new(id, id));
        }
        for o in 0..4 {
            let mut option = SolutionOption::new(&format!("o{o}"), &format!("O{o}"), Lens::Buy);
            for (r, rater) in ["ana", "bo", "cy"].into_iter().enumerate() {
                for (c, criterion) in s.criteria.iter().enumerate() {
                    if (seed + o + r + c).is_multiple_of(4) {
                        continue;
                    }
                    let value = ((seed * 7 + o * 3 + r * (o + 1) + c) % 5 + 1) as f64;
                    option
                        .rater_scores
                        .entry(RaterId::new(rater))
                        .or_default()
                        .insert(criterion.id.clone(), Score::point(value));
                }
            }
            s.options.push(option);
        }
        s
    }

    /// A seed whose session has cells to discuss, and those cells.
    fn disagreeing_session() -> (Session, Vec<(OptionId, CriterionId)>) {
        (0..12)
            .map(session)
            .map(|s| {
                let cells = discuss_first_cells(&s);
                (s, cells)
            })
            .find(|(_, cells)| !cells.is_empty())
            .expect("some seed gives a disagreement")
    }

    #[test]
    fn the_cells_the_analysis_names_are_marked_when_not_blind() {
        let (s, cells) = disagreeing_session();
        let mut state = RaterState::default();
        let view = RaterView::new(&s, &cells, &mut state);
        assert_eq!(view.discuss, cells);
        assert!(view.is_discussed(&cells[0].0, &cells[0].1));
    }

    #[test]
    fn blind_mode_hides_every_view_but_the_blind_raters_own() {
        let (s, cells) = disagreeing_session();
        let mut state = RaterState {
            mode: MatrixMode::Rater(RaterId::new("ana")),
            blind_as: Some(RaterId::new("ana")),
            ..RaterState::default()
        };
        let view = RaterView::new(&s, &cells, &mut state);
        assert!(!view.hidden);
        assert!(
            view.discuss.is_empty(),
            "disagreement gives others' scores away"
        );
        for mode in [
            MatrixMode::Consensus,
            MatrixMode::Aggregate,
            MatrixMode::Spread,
            MatrixMode::Rater(RaterId::new("bo")),
        ] {
            state.mode = mode;
            assert!(RaterView::new(&s, &cells, &mut state).hidden);
        }
    }

    #[test]
    fn a_view_of_a_rater_who_is_gone_falls_back_to_the_consensus() {
        let s = session(0);
        let mut state = RaterState {
            mode: MatrixMode::Rater(RaterId::new("zed")),
            blind_as: Some(RaterId::new("zed")),
            ..RaterState::default()
        };
        let view = RaterView::new(&s, &[], &mut state);
        assert_eq!(view.mode, MatrixMode::Consensus);
        assert!(!view.hidden);
        assert_eq!(state.blind_as, None);
    }
}
