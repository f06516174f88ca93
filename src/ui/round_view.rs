//! The facilitated scoring round on screen: starting one, raters taking turns with each
//! other's numbers hidden, the reveal with agreement per cell, and the discuss queue.
//!
//! What may be shown is decided by [`crate::analysis::round::visibility`]; this view never
//! draws a hidden number that the rule does not allow. While presenting, the round shows
//! its progress or its reveal and the facilitator's buttons, but no input fields.

use super::theme;
use super::view_ctx::ViewCtx;
use crate::analysis::number::short as number;
use crate::analysis::round::{Reveal, RevealedCell, cells_for, progress, reveal, visibility};
use crate::document::{Edit, RoundEdit};
use crate::model::{Agreement, Cell, RaterId, RoundScope, ScoringRound, Session};
use chrono::{DateTime, Utc};
use egui::{RichText, Ui};

/// The line above the matrix that starts a round; drawn only without an open round and
/// with at least two raters, and never while presenting.
pub fn round_start_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) {
    let session = cx.session;
    if session.round.is_some() || session.raters.len() < 2 || cx.presenting {
        return;
    }
    let scope_id = ui.scope_id().with("round-scope");
    let timer_id = ui.scope_id().with("round-timer");
    let mut scope: RoundScope = ui.data(|d| d.get_temp(scope_id)).unwrap_or(RoundScope::All);
    let mut minutes: u32 = ui.data(|d| d.get_temp(timer_id)).unwrap_or(0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Scoring round on");
        egui::ComboBox::from_id_salt("round-scope-choice")
            .selected_text(scope_label(session, &scope))
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut scope,
                    RoundScope::All,
                    scope_label(session, &RoundScope::All),
                );
                for c in &session.criteria {
                    let s = RoundScope::Criterion(c.id.clone());
                    let text = scope_label(session, &s);
                    ui.selectable_value(&mut scope, s, text);
                }
                let s = RoundScope::DiscussFirst;
                let text = scope_label(session, &s);
                ui.selectable_value(&mut scope, s, text);
            })
            .response
            .labelled_by(label.id);
        let timer_label = ui.label("Timer, minutes (0 for none)");
        ui.add(egui::DragValue::new(&mut minutes).range(0..=60))
            .labelled_by(timer_label.id);
        let cells = cells_for(session, &scope);
        let start = ui.add_enabled(!cells.is_empty(), egui::Button::new("Start scoring round"));
        if cells.is_empty() {
            ui.label(
                RichText::new("no cells to score in that choice").color(theme::palette(ui).warning),
            );
        }
        if start.clicked() {
            cx.edit(Edit::Round(RoundEdit::Start {
                scope: scope.clone(),
                cells,
                timer_seconds: (minutes > 0).then_some(minutes * 60),
            }));
        }
    });
    ui.data_mut(|d| {
        d.insert_temp(scope_id, scope);
        d.insert_temp(timer_id, minutes);
    });
}

fn scope_label(session: &Session, scope: &RoundScope) -> String {
    let n = cells_for(session, scope).len();
    match scope {
        RoundScope::All => format!("every cell ({n})"),
        RoundScope::Criterion(id) => {
            let name = session
                .criterion(id)
                .map_or(id.as_str(), |c| c.name.as_str());
            format!("{name} for every option ({n})")
        }
        RoundScope::DiscussFirst => format!("the cells to discuss first ({n})"),
        RoundScope::Rerun => format!("the low-agreement cells ({n})"),
    }
}

/// The open round, hidden or revealed; `now` is shown against the timer (which
/// [`round_timer_tick`] runs on every place).
pub fn round_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, now: DateTime<Utc>) {
    let session = cx.session;
    let Some(round) = &session.round else { return };
    if let Some(reveal) = reveal(session) {
        revealed_ui(ui, cx, round, &reveal);
    } else {
        hidden_ui(ui, cx, round, now);
    }
}

fn hidden_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, round: &ScoringRound, now: DateTime<Utc>) {
    let session = cx.session;
    ui.heading(format!("Scoring round {}: scores hidden", round.number));
    ui.label(format!(
        "{} {} on {}. Each rater scores in turn; nobody sees anyone else's numbers, and \
         totals, ranks and charts stay hidden until the reveal.",
        round.cells.len(),
        if round.cells.len() == 1 {
            "cell"
        } else {
            "cells"
        },
        round.scope.describe_in(session),
    ));
    if let Some(left) = round.seconds_left(now) {
        ui.label(
            RichText::new(format!("Time left {}:{:02}", left / 60, left % 60))
                .heading()
                .strong(),
        );
    }
    ui.add_space(theme::SPACE_M);
    egui::Grid::new("round-progress")
        .num_columns(3)
        .show(ui, |ui| {
            for p in progress(session) {
                let name = session.rater_name(&p.rater);
                let is_turn = round.turn.as_ref() == Some(&p.rater);
                ui.label(RichText::new(&name).strong());
                let status = if p.finished {
                    format!("finished, {} of {} scored", p.scored, round.cells.len())
                } else {
                    format!("{} of {} scored", p.scored, round.cells.len())
                };
                ui.label(status);
                if !cx.presenting && !is_turn {
                    if ui.button(format!("{name}'s turn")).clicked() {
                        cx.edit(Edit::Round(RoundEdit::SetTurn(Some(p.rater.clone()))));
                    }
                } else if is_turn {
                    ui.label(RichText::new("scoring now").color(theme::palette(ui).accent));
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    ui.add_space(theme::SPACE_L);
    match (&round.turn, cx.presenting) {
        (Some(rater), false) => turn_ui(ui, cx, round, rater),
        (_, true) => {
            ui.label("Scores are entered outside presentation mode, one rater at a time.");
        }
        (None, false) => {
            ui.label(
                "Pass the keyboard to the next rater and pick their name above. The scores \
                 stay hidden until the facilitator reveals them.",
            );
        }
    }
    ui.add_space(theme::SPACE_L);
    ui.horizontal(|ui| {
        if ui.button("Reveal scores").clicked() {
            cx.edit(Edit::Round(RoundEdit::Reveal));
        }
        if !cx.presenting && ui.button("Cancel round").clicked() {
            cx.edit(Edit::Round(RoundEdit::Cancel));
        }
    });
}

/// The cells for the rater whose turn it is, showing only their own numbers.
fn turn_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, round: &ScoringRound, rater: &RaterId) {
    let session = cx.session;
    let name = session.rater_name(rater);
    let seen = visibility(session, Some(rater));
    ui.label(RichText::new(format!("{name}, your scores")).strong());
    egui::Grid::new("round-turn")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for cell in &round.cells {
                let (Some(option), Some(criterion)) = (
                    session.option(&cell.option),
                    session.criterion(&cell.criterion),
                ) else {
                    continue;
                };
                let own = seen
                    .score(&cell.option, &cell.criterion, Some(rater))
                    .then(|| round.score(rater, &cell.option, &cell.criterion))
                    .flatten();
                // The field comes first so that it stays on screen however long the option's
                // title is; the words after it name it.
                let (field, warning) = score_input(
                    ui,
                    cx,
                    rater,
                    cell,
                    own,
                    criterion.scale.lo,
                    criterion.scale.hi,
                );
                let label = ui.label(format!(
                    "{name}: {} on {} ({} to {})",
                    option.title,
                    criterion.name,
                    number(criterion.scale.lo),
                    number(criterion.scale.hi)
                ));
                field.labelled_by(label.id);
                match warning {
                    Some(text) => ui.colored_label(theme::palette(ui).warning, text),
                    None => ui.label(""),
                };
                ui.end_row();
            }
        });
    if ui.button(format!("Finish {name}'s turn")).clicked() {
        cx.edit(Edit::Round(RoundEdit::FinishTurn(rater.clone())));
    }
}

/// A text field for one hidden score, and what is wrong with its text, if anything.
///
/// The score is taken when the field is left (Enter, Tab or a click elsewhere), never while
/// typing, so "900" on a 0 to 500 scale is never stored as the "90" typed on the way. Text
/// that is not a number on the scale stays in the field, marked, and changes nothing.
fn score_input(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    rater: &RaterId,
    cell: &Cell,
    own: Option<f64>,
    lo: f64,
    hi: f64,
) -> (egui::Response, Option<String>) {
    let draft_id = egui::Id::unique(("round-draft", rater, &cell.option, &cell.criterion));
    let shown = own.map(number).unwrap_or_default();
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| shown.clone());
    let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(80.0));
    let trimmed = text.trim();
    let parsed: Option<Option<f64>> = if trimmed.is_empty() {
        Some(None)
    } else {
        trimmed
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && (lo..=hi).contains(v))
            .map(Some)
    };
    if response.lost_focus()
        && let Some(value) = parsed
        && value != own
    {
        cx.edit(Edit::Round(RoundEdit::SetScore(
            rater.clone(),
            cell.option.clone(),
            cell.criterion.clone(),
            value,
        )));
        cx.seal();
    }
    let keep_draft = response.has_focus() || (parsed.is_none() && text != shown);
    if keep_draft {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    let warning = parsed
        .is_none()
        .then(|| format!("a number from {} to {}", number(lo), number(hi)));
    (response, warning)
}

fn revealed_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, round: &ScoringRound, reveal: &Reveal) {
    let session = cx.session;
    ui.heading(format!("Scoring round {}: revealed", reveal.number));
    if !reveal.discuss.is_empty() {
        ui.label(RichText::new("Discuss first").strong());
        for (n, cell) in reveal.discuss.iter().enumerate() {
            if let Some(c) = reveal.cells.iter().find(|c| &c.cell == cell) {
                ui.label(format!(
                    "{}. {} — {}",
                    n + 1,
                    cell_name(session, cell),
                    range_text(c)
                ));
            }
        }
    } else {
        ui.label("No cell is in low agreement: nothing needs discussing before accepting.");
    }
    ui.add_space(theme::SPACE_M);
    let raters: Vec<RaterId> = session.raters.iter().map(|r| r.id.clone()).collect();
    // The cell's name takes what the numbers leave, cut with its whole text on hover, so
    // the table fits the window however long the option titles.
    let numbers = (raters.len() + 2) as f32 * NUMBER_WIDTH + AGREEMENT_WIDTH;
    let name_width = (crate::ui::fit::room(ui) - numbers).max(theme::FIELD_MIN_WIDTH);
    egui::Grid::new("round-reveal")
        .num_columns(4 + raters.len())
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Cell").strong());
            for r in &raters {
                ui.label(RichText::new(session.rater_name(r)).strong());
            }
            ui.label(RichText::new("Range").strong());
            ui.label(RichText::new(session.aggregation.label()).strong());
            ui.label(RichText::new("Agreement").strong());
            ui.end_row();
            for c in &reveal.cells {
                ui.scope(|ui| {
                    ui.set_max_width(name_width);
                    ui.add(egui::Label::new(cell_name(session, &c.cell)).truncate());
                });
                for r in &raters {
                    ui.label(
                        c.ratings
                            .get(r)
                            .map_or_else(|| "–".to_owned(), |v| number(*v)),
                    );
                }
                ui.label(range_text(c));
                ui.label(c.aggregate.map_or_else(|| "–".to_owned(), number));
                agreement_label(ui, c.agreement, c.ratings.len());
                ui.end_row();
            }
        });
    ui.add_space(theme::SPACE_L);
    ui.horizontal(|ui| {
        if ui.button("Accept the scores").clicked() {
            cx.edit(Edit::Round(RoundEdit::Accept));
        }
        let low = round.low_agreement_cells(&session.criteria).len();
        if low > 0
            && ui
                .button(format!(
                    "Re-run on the {low} low-agreement {}",
                    if low == 1 { "cell" } else { "cells" }
                ))
                .clicked()
        {
            cx.edit(Edit::Round(RoundEdit::Rerun));
        }
        if !cx.presenting && ui.button("Cancel round").clicked() {
            cx.edit(Edit::Round(RoundEdit::Cancel));
        }
    });
}

/// Room kept for each column of numbers (a rater's score, the range, the aggregate).
const NUMBER_WIDTH: f32 = 72.0;
/// Room kept for the agreement column ("⚠ low: discuss").
const AGREEMENT_WIDTH: f32 = 150.0;

fn cell_name(session: &Session, cell: &Cell) -> String {
    let option = session
        .option(&cell.option)
        .map_or(cell.option.as_str(), |o| o.title.as_str());
    let criterion = session
        .criterion(&cell.criterion)
        .map_or(cell.criterion.as_str(), |c| c.name.as_str());
    format!("{option} on {criterion}")
}

fn range_text(c: &RevealedCell) -> String {
    match c.min_max {
        Some((min, max)) if min == max => number(min),
        Some((min, max)) => format!("{} – {}", number(min), number(max)),
        None => "not scored".into(),
    }
}

/// The agreement level as a word with a shape, so it reads without colour.
fn agreement_label(ui: &mut Ui, agreement: Option<Agreement>, n_ratings: usize) {
    let (text, color) = match agreement {
        Some(Agreement::High) => ("✔ high", theme::palette(ui).good),
        Some(Agreement::Medium) => ("◊ medium", theme::palette(ui).warning),
        Some(Agreement::Low) => ("⚠ low: discuss", theme::palette(ui).error),
        None if n_ratings == 1 => ("one score only", theme::palette(ui).muted),
        None => ("not scored", theme::palette(ui).muted),
    };
    ui.label(RichText::new(text).color(color).strong());
}

/// Keeps a timed round's clock moving on every place: asks for a repaint each second while
/// the timer runs, and reveals the round once it has run out.
pub fn round_timer_tick(ctx: &egui::Context, cx: &mut ViewCtx<'_>, now: DateTime<Utc>) {
    let Some(round) = cx.session.hidden_round() else {
        return;
    };
    if round.reveal_is_due(now) {
        cx.edit(Edit::Round(RoundEdit::Reveal));
    } else if round.deadline().is_some() {
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
    }
}

/// What Decide and Log show while a round is hidden, instead of results that would give
/// the hidden scores away.
pub fn results_hidden_ui(ui: &mut Ui, round: &ScoringRound) {
    ui.heading("Results are hidden during the scoring round");
    ui.label(format!(
        "Scoring round {} is open. Totals, ranks, charts and the decision record stay hidden \
         until its scores are revealed on the Matrix, so nobody can work out anyone else's \
         scores from them.",
        round.number
    ));
}
