//! The Matrix place: options × criteria, scores, weights, totals and ranks.
//!
//! Rows are virtualised: only the rows on screen do any work, so 500 options × 12 criteria
//! draw as fast as a screenful. Rows stay in document order while scores change, so the row
//! under the pointer never jumps away mid-drag; the rank column shows where each stands.

#[path = "matrix_cells.rs"]
mod cells;
#[path = "matrix_header.rs"]
mod header;
#[path = "matrix_raters.rs"]
mod raters;
#[path = "matrix_rationale.rs"]
mod rationale;

use super::theme;
use super::view_ctx::ViewCtx;
use crate::analysis::{RankedOption, Ranking};
use crate::document::Edit;
use crate::model::{CriterionId, Session, SolutionOption};
use cells::CellRequest;
use egui::{Label, RichText, TextStyle, Ui};
use egui_extras::{Column, TableBuilder, TableRow};
use raters::{MatrixMode, RaterState, RaterView};
use rationale::RationaleEditor;

/// Runtime state of the matrix (never saved).
#[derive(Debug, Default)]
pub struct MatrixState {
    /// Show and edit the low/high range of every score as well as its likely value.
    pub show_ranges: bool,
    rationale: Option<RationaleEditor>,
    lookup: RankLookup,
    raters: RaterState,
}

/// Finds an option's ranking row in constant time. The table is cached across frames and
/// checked on every use, so it is rebuilt only when the ranking actually changed.
#[derive(Debug, Default)]
struct RankLookup {
    /// `pos[option_idx]` is that option's position in `ranking.rows`.
    pos: Vec<usize>,
}

impl RankLookup {
    fn row<'r>(&mut self, ranking: &'r Ranking, option_idx: usize) -> Option<&'r RankedOption> {
        let find = |pos: &[usize]| {
            pos.get(option_idx)
                .and_then(|&p| ranking.rows.get(p))
                .filter(|row| row.option_idx == option_idx)
        };
        if let Some(row) = find(&self.pos) {
            return Some(row);
        }
        let len = ranking.rows.iter().map(|r| r.option_idx + 1).max();
        self.pos.clear();
        self.pos.resize(len.unwrap_or(0), usize::MAX);
        for (p, row) in ranking.rows.iter().enumerate() {
            self.pos[row.option_idx] = p;
        }
        find(&self.pos)
    }
}

/// Draws the matrix and emits edits for changed scores and weights.
pub fn matrix_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut MatrixState) {
    if cx.session.criteria.is_empty() || cx.session.options.is_empty() {
        ui.label("The matrix needs at least one criterion and one option: add them first.");
        return;
    }
    let view = RaterView::new(cx.session, &mut state.raters);
    toolbar_ui(ui, cx, state);
    raters::discuss_line_ui(ui, cx.session, &view);
    ui.add_space(4.0);
    egui::ScrollArea::horizontal()
        .id_salt("matrix-horizontal")
        .show(ui, |ui| table_ui(ui, cx, state, &view));
    if !cx.presenting {
        rationale::rationale_window_ui(ui, cx, &mut state.rationale);
    }
}

fn toolbar_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut MatrixState) {
    ui.horizontal_wrapped(|ui| {
        if !cx.presenting {
            ui.checkbox(&mut state.show_ranges, "Ranges (low / likely / high)");
            lock_weights_ui(ui, cx);
            ui.separator();
            raters::toolbar_ui(ui, cx, &mut state.raters);
            ui.separator();
        }
        let (mut unscored, mut vetoed) = (0, 0);
        for row in &cx.ranking.rows {
            unscored += usize::from(!row.is_scored());
            vetoed += usize::from(row.is_vetoed());
        }
        let n_options = cx.session.options.len();
        ui.label(format!(
            "{n_options} options × {} criteria",
            cx.session.criteria.len()
        ));
        if unscored > 0 {
            ui.label(RichText::new(format!("{unscored} unscored")).color(theme::WARNING));
        }
        if vetoed > 0 {
            ui.label(RichText::new(format!("{vetoed} vetoed")).color(theme::VETO));
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

fn table_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, state: &mut MatrixState, view: &RaterView) {
    let body_height = ui.text_style_height(&TextStyle::Body);
    let small_height = ui.text_style_height(&TextStyle::Small);
    let mut row_height =
        (body_height + small_height + 10.0).max(ui.spacing().interact_size.y + 8.0);
    if cx.presenting {
        row_height *= 1.3;
    }
    let header_height = body_height + ui.spacing().interact_size.y + 10.0;
    let ranges = state.show_ranges && !cx.presenting && view.mode == MatrixMode::Consensus;
    let n_criteria = cx.session.criteria.len();
    // Presenting: larger type, so the columns grow with it and share the room on screen.
    let scale = if cx.presenting { 1.6 } else { 1.0 };
    let (rank_width, option_width, total_width) = (44.0 * scale, 220.0 * scale, 84.0 * scale);
    let criterion_width = if ranges {
        170.0
    } else if cx.presenting {
        let room = ui.available_width() - rank_width - option_width - total_width;
        (room / n_criteria.max(1) as f32 - 8.0).clamp(96.0, 200.0)
    } else {
        96.0
    };
    let table = TableBuilder::new(ui)
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
    let mut request: Option<(usize, CriterionId)> = None;
    table
        .header(header_height, |mut row| header::header_ui(&mut row, cx))
        .body(|body| {
            body.rows(row_height, cx.session.options.len(), |row| {
                let option_idx = row.index();
                let ranked = state.lookup.row(cx.ranking, option_idx);
                if let Some(criterion) = row_ui(row, cx, option_idx, ranked, ranges, view) {
                    request = Some((option_idx, criterion));
                }
            });
        });
    if let Some((option_idx, criterion)) = request {
        let option = &cx.session.options[option_idx];
        let text = option
            .score(&criterion)
            .map(|s| s.rationale.clone())
            .unwrap_or_default();
        let at = ui.ctx().pointer_interact_pos();
        state.rationale = Some(RationaleEditor::new(option.id.clone(), criterion, text, at));
    }
}

/// Draws one option's row; returns the criterion whose rationale editor was asked for.
fn row_ui(
    mut row: TableRow<'_, '_>,
    cx: &mut ViewCtx<'_>,
    option_idx: usize,
    ranked: Option<&RankedOption>,
    ranges: bool,
    view: &RaterView,
) -> Option<CriterionId> {
    let session: &Session = cx.session;
    let option = &session.options[option_idx];
    // Blind mode hides the ranking too: it is built from the raters' aggregate.
    let ranked = ranked.filter(|_| !view.hidden);
    row.col(|ui| rank_ui(ui, session, ranked));
    row.col(|ui| option_ui(ui, session, option, ranked));
    let mut request = None;
    for criterion in &session.criteria {
        row.col(|ui| {
            let rect = ui.max_rect();
            if view.mode == MatrixMode::Consensus && !view.hidden {
                let asked = cells::cell_ui(ui, cx, option, criterion, ranges);
                if asked == CellRequest::OpenRationale {
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
        if view.hidden {
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
        text = text.color(theme::VETO).strikethrough();
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
    let names: Vec<&str> = by
        .iter()
        .map(|id| {
            session
                .criterion(id)
                .map_or(id.as_str(), |c| c.name.as_str())
        })
        .collect();
    format!("Vetoed by {}", names.join(", "))
}

fn option_ui(
    ui: &mut Ui,
    session: &Session,
    option: &SolutionOption,
    ranked: Option<&RankedOption>,
) {
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        ui.add(Label::new(RichText::new(&option.title).strong()).truncate());
        ui.horizontal(|ui| {
            ui.label(RichText::new(option.lens.label()).small().weak());
            if let Some(ranked) = ranked.filter(|r| r.is_vetoed()) {
                let text = veto_text(session, &ranked.vetoed_by);
                ui.label(RichText::new(text).small().color(theme::VETO));
            } else if ranked.is_some_and(|r| !r.is_scored()) {
                ui.label(RichText::new("unscored").small().color(theme::WARNING));
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
            ui.label(RichText::new(format!("{total:.1}")).strong());
        }
        None => {
            let response = ui.label(RichText::new("unscored").color(theme::WARNING));
            response.on_hover_ui(|ui| {
                let names: Vec<&str> = ranked
                    .missing
                    .iter()
                    .map(|id| {
                        session
                            .criterion(id)
                            .map_or(id.as_str(), |c| c.name.as_str())
                    })
                    .collect();
                ui.label(format!("No score yet on {}", names.join(", ")));
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{rank, recommend_from};
    use crate::document::{Edit, apply};
    use crate::model::{Lens, Score, SolutionOption};
    use crate::ui::Intent;
    use chrono::{NaiveDate, TimeZone, Utc};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// The document, the matrix's state and every intent the view has emitted; edits are
    /// applied between frames as the app does.
    struct Fixture {
        session: Session,
        state: MatrixState,
        intents: Vec<Intent>,
        presenting: bool,
    }

    fn session() -> Session {
        let mut s = Session::new("make checkout faster");
        s.options.push(
            SolutionOption::new("buy-a-cdn", "Buy a CDN", Lens::Buy)
                .with_score("impact", 4.0)
                .with_score("cost", 2.0)
                .with_score("trust-risk", 2.0),
        );
        s.options.push(
            SolutionOption::new("rewrite", "Rewrite checkout", Lens::ReArchitect)
                .with_score("impact", 5.0)
                .with_score("cost", 5.0)
                .with_score("trust-risk", 5.0),
        );
        s.options.push(
            SolutionOption::new("wait", "Wait and see", Lens::DoNothing).with_score("impact", 1.0),
        );
        s.criteria[2].veto = Some(4.0);
        s
    }

    fn harness(session: Session, presenting: bool) -> Harness<'static, Fixture> {
        let fixture = Fixture {
            session,
            state: MatrixState::default(),
            intents: Vec::new(),
            presenting,
        };
        Harness::builder()
            .with_size(egui::vec2(1200.0, 500.0))
            .build_ui_state(
                |ui, f: &mut Fixture| {
                    let ranking = rank(&f.session);
                    let advice = recommend_from(&f.session, &ranking);
                    let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date");
                    let mut cx = ViewCtx::new(&f.session, &ranking, &advice, f.presenting, today);
                    matrix_ui(ui, &mut cx, &mut f.state);
                    let intents = cx.into_intents();
                    let now = Utc.with_ymd_and_hms(2026, 11, 26, 15, 0, 0).unwrap();
                    for intent in &intents {
                        if let Intent::Edit(edit) = intent {
                            apply(&mut f.session, edit.clone(), now).expect("edit applies");
                        }
                    }
                    f.intents.extend(intents);
                },
                fixture,
            )
    }

    fn score_edits(intents: &[Intent]) -> Vec<(&str, &str, Option<f64>)> {
        intents
            .iter()
            .filter_map(|i| match i {
                Intent::Edit(Edit::SetScore(o, c, s)) => {
                    Some((o.as_str(), c.as_str(), s.as_ref().map(|s| s.likely)))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn typing_a_score_into_its_cell_emits_the_score_edit_and_ends_the_undo_step() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Cost of Buy a CDN").click();
        harness.run();
        harness.get_by_label("Cost of Buy a CDN").type_text("3");
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        let intents = &harness.state().intents;
        assert_eq!(
            score_edits(intents).last(),
            Some(&("buy-a-cdn", "cost", Some(3.0)))
        );
        assert_eq!(intents.last(), Some(&Intent::Seal));
        let cost = harness.state().session.options[0].score(&CriterionId::new("cost"));
        assert_eq!(cost.map(|s| s.likely), Some(3.0));
    }

    #[test]
    fn a_typed_score_outside_the_scale_is_clamped_to_it() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Impact of Buy a CDN").click();
        harness.run();
        harness.get_by_label("Impact of Buy a CDN").type_text("9");
        harness.run();
        harness.key_press(egui::Key::Enter);
        harness.run();
        let edits = score_edits(&harness.state().intents);
        assert_eq!(edits.last(), Some(&("buy-a-cdn", "impact", Some(5.0))));
    }

    #[test]
    fn a_weight_typed_into_its_header_emits_a_weight_edit() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Weight of Cost").click();
        harness.run();
        harness.get_by_label("Weight of Cost").type_text("40");
        harness.key_press(egui::Key::Enter);
        harness.run();
        let weights: Vec<_> = harness
            .state()
            .intents
            .iter()
            .filter_map(|i| match i {
                Intent::Edit(Edit::SetWeight(c, w)) => Some((c.as_str(), *w)),
                _ => None,
            })
            .collect();
        assert_eq!(weights.last(), Some(&("cost", 40.0)));
    }

    #[test]
    fn locking_the_weights_marks_their_editors_and_logs_a_later_change() {
        let mut harness = harness(session(), false);
        harness.run();
        assert!(harness.query_by_label("Weight of Cost (locked)").is_none());
        harness.get_by_label("Lock weights").click();
        harness.run();
        harness.run();
        assert!(harness.state().session.weights_locked);
        assert!(
            harness
                .state()
                .intents
                .contains(&Intent::Edit(Edit::SetWeightsLocked(true)))
        );
        harness.get_by_label("Weight of Cost (locked)").click();
        harness.run();
        harness
            .get_by_label("Weight of Cost (locked)")
            .type_text("40");
        harness.key_press(egui::Key::Enter);
        harness.run();
        let log = &harness.state().session.log;
        assert!(log.iter().any(|e| matches!(
            &e.event,
            crate::model::LogEvent::WeightChanged { to, .. } if *to == 40.0
        )));
    }

    /// The usual session with three raters who disagree widely on Impact of Buy a CDN.
    fn rated() -> Session {
        let mut s = session();
        for (id, name) in [("ana", "Ana"), ("bo", "Bo"), ("cy", "Cy")] {
            s.raters.push(crate::model::Rater::new(id, name));
        }
        for (rater, impact) in [("ana", 1.0), ("bo", 4.0), ("cy", 5.0)] {
            s.options[0]
                .rater_scores
                .entry(crate::model::RaterId::new(rater))
                .or_default()
                .insert(CriterionId::new("impact"), Score::point(impact));
        }
        s
    }

    fn choose_view(harness: &mut Harness<'static, Fixture>, view: &str) {
        harness.get_by_label("Scores shown").click();
        harness.run();
        harness.get_by_label(view).click();
        harness.run();
    }

    #[test]
    fn without_raters_only_an_add_rater_button_shows_and_it_adds_one() {
        let mut harness = harness(session(), false);
        harness.run();
        assert!(harness.query_by_label("Scores shown").is_none());
        harness.get_by_label("Add rater…").click();
        harness.run();
        harness.get_by_label("New rater's name").click();
        harness.run();
        harness.get_by_label("New rater's name").type_text("Ana");
        harness.run();
        harness.get_by_label("Add").click();
        harness.run();
        harness.run();
        let raters = &harness.state().session.raters;
        assert_eq!(raters.len(), 1);
        assert_eq!(
            (raters[0].id.as_str(), raters[0].name.as_str()),
            ("ana", "Ana")
        );
        assert!(harness.query_by_label("Scores shown").is_some());
    }

    #[test]
    fn a_rater_view_scores_as_that_rater_and_leaves_the_consensus_alone() {
        let mut harness = harness(rated(), false);
        harness.run();
        choose_view(&mut harness, "Bo");
        assert!(
            harness
                .query_by_label("Impact of Buy a CDN by Bo")
                .is_some()
        );
        harness.get_by_label("Set Cost of Buy a CDN by Bo").click();
        harness.run();
        let option = &harness.state().session.options[0];
        let bo = &option.rater_scores[&crate::model::RaterId::new("bo")];
        assert_eq!(bo[&CriterionId::new("cost")].likely, 3.0);
        assert_eq!(
            option.score(&CriterionId::new("cost")).map(|s| s.likely),
            Some(2.0)
        );
        assert!(score_edits(&harness.state().intents).is_empty());
    }

    #[test]
    fn the_aggregate_view_shows_mean_or_median_and_the_spread_view_the_range() {
        let mut harness = harness(rated(), false);
        harness.run();
        choose_view(&mut harness, "Aggregate (mean)");
        assert!(harness.query_by_label("3.33").is_some());
        assert!(
            harness.query_by_label("Impact of Buy a CDN").is_none(),
            "read-only"
        );
        harness.get_by_label("Median").click();
        harness.run();
        harness.run();
        assert_eq!(
            harness.state().session.aggregation,
            crate::model::Aggregation::Median
        );
        assert!(harness.query_by_label("4").is_some());
        assert!(harness.query_by_label("3.33").is_none());
        choose_view(&mut harness, "Spread");
        assert!(harness.query_by_label("± 4").is_some());
    }

    #[test]
    fn the_widest_disagreement_is_named_as_the_one_to_discuss_first() {
        let mut harness = harness(rated(), false);
        harness.run();
        let line = "Discuss these first: Impact of Buy a CDN";
        assert!(harness.query_by_label(line).is_some());
        choose_view(&mut harness, "Spread");
        assert!(
            harness.query_by_label(line).is_some(),
            "shown in every view"
        );
        let mut agreeing = rated();
        for scores in agreeing.options[0].rater_scores.values_mut() {
            scores.insert(CriterionId::new("impact"), Score::point(4.0));
        }
        let mut harness = super::tests::harness(agreeing, false);
        harness.run();
        assert!(
            harness
                .query_by_label_contains("Discuss these first")
                .is_none()
        );
    }

    #[test]
    fn blind_mode_hides_everything_but_the_raters_own_scores() {
        let mut harness = harness(rated(), false);
        harness.run();
        choose_view(&mut harness, "Ana");
        harness.get_by_label("Blind").click();
        harness.run();
        assert!(
            harness
                .query_by_label("Impact of Buy a CDN by Ana")
                .is_some()
        );
        assert!(
            harness
                .query_by_label_contains("Discuss these first")
                .is_none()
        );
        for view in ["Bo", "Aggregate (mean)", "Spread", "Consensus"] {
            choose_view(&mut harness, view);
            assert!(harness.query_all_by_label("hidden").count() >= 9, "{view}");
            assert!(harness.query_by_label("± 4").is_none());
            assert!(
                harness
                    .query_by_label("Impact of Buy a CDN by Bo")
                    .is_none()
            );
            assert!(harness.query_by_label("Impact of Buy a CDN").is_none());
        }
        choose_view(&mut harness, "Ana");
        assert!(harness.query_by_label("hidden").is_none());
        harness.get_by_label("Blind").click();
        harness.run();
        choose_view(&mut harness, "Spread");
        assert!(harness.query_by_label("± 4").is_some());
    }

    #[test]
    fn a_vetoed_row_says_which_criterion_vetoes_it() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Vetoed by Trust risk");
        assert_eq!(
            harness.query_all_by_label("Vetoed by Trust risk").count(),
            1
        );
    }

    #[test]
    fn an_unscored_row_is_marked_and_its_empty_cell_offers_a_score() {
        let mut harness = harness(session(), false);
        harness.run();
        assert!(harness.query_all_by_label("unscored").count() >= 1);
        harness.get_by_label("Set Cost of Wait and see").click();
        harness.run();
        let edits = score_edits(&harness.state().intents);
        assert_eq!(edits, [("wait", "cost", Some(3.0))]);
    }

    #[test]
    fn a_rationale_written_in_its_window_is_saved_with_the_score() {
        let mut harness = harness(session(), false);
        harness.run();
        let button = "Open rationale of Cost of Buy a CDN";
        assert!(harness.query_by_label(button).is_none());
        harness.get_by_label("Cost of Buy a CDN").hover();
        harness.run();
        harness.get_by_label(button).click();
        harness.run();
        harness
            .get_by_label("Rationale of Cost of Buy a CDN")
            .click();
        harness.run();
        harness
            .get_by_label("Rationale of Cost of Buy a CDN")
            .type_text("Vendor quote");
        harness.run();
        let score = harness.state().session.options[0].score(&CriterionId::new("cost"));
        assert_eq!(
            score,
            Some(&Score {
                rationale: "Vendor quote".into(),
                ..Score::point(2.0)
            })
        );
    }

    #[test]
    fn the_rationale_button_is_reached_from_its_value_with_the_keyboard() {
        let mut harness = harness(session(), false);
        harness.run();
        let button = "Open rationale of Impact of Buy a CDN";
        assert!(harness.query_by_label(button).is_none());
        harness.get_by_label("Impact of Buy a CDN").focus();
        harness.run();
        harness.key_press(egui::Key::Tab);
        harness.run();
        assert!(harness.get_by_label(button).is_focused());
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert!(
            harness
                .query_by_label("Rationale of Impact of Buy a CDN")
                .is_some()
        );
    }

    #[test]
    fn ranges_add_low_and_high_editors_that_keep_the_likely_value_inside() {
        let mut harness = harness(session(), false);
        harness.run();
        harness.get_by_label("Ranges (low / likely / high)").click();
        harness.run();
        let mut type_into = |label: &str, text: &str| {
            harness.get_by_label(label).click();
            harness.run();
            harness.get_by_label(label).type_text(text);
            harness.key_press(egui::Key::Enter);
            harness.run();
        };
        type_into("Impact of Buy a CDN, low", "2");
        type_into("Impact of Buy a CDN", "1");
        let score = harness.state().session.options[0].score(&CriterionId::new("impact"));
        let range = score.map(|s| (s.low, s.likely, s.high));
        assert_eq!(range, Some((Some(1.0), 1.0, None)));
    }

    #[test]
    fn presenting_shows_values_without_editors() {
        let mut harness = harness(session(), true);
        harness.run();
        assert!(harness.query_by_label("Cost of Buy a CDN").is_none());
        assert!(harness.query_by_label("Weight of Cost").is_none());
        assert!(harness.query_by_label("Vetoed by Trust risk").is_some());
    }

    #[test]
    fn the_rank_lookup_follows_a_changed_ranking() {
        let mut s = session();
        s.options[2] = SolutionOption::new("wait", "Wait and see", Lens::DoNothing)
            .with_score("impact", 5.0)
            .with_score("cost", 1.0)
            .with_score("trust-risk", 1.0);
        let mut lookup = RankLookup::default();
        let ranking = rank(&s);
        assert_eq!(lookup.row(&ranking, 0).map(|r| r.rank), Some(Some(2)));
        s.options[2].scores.remove(&CriterionId::new("cost"));
        let ranking = rank(&s);
        assert_eq!(lookup.row(&ranking, 0).map(|r| r.rank), Some(Some(1)));
        assert_eq!(lookup.row(&ranking, 7), None);
    }
}
