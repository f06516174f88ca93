//! The Weights part of the criteria editor: swing weighting and pairwise comparison (AHP),
//! each previewed next to the current weights and applied as one logged edit.
//! The maths is in [`crate::analysis::swing`] and [`crate::analysis::pairwise`].

use super::set_name;
use crate::analysis::pairwise::{self, PairwiseMatrix, PairwiseWeights};
use crate::analysis::swing::{Swing, swing_weights};
use crate::document::{Edit, as_percentages};
use crate::model::{Criterion, CriterionId, Session, WeightMethod};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{DragValue, RichText, Ui};
use std::collections::BTreeMap;

/// Swing order and ratings, and pairwise judgements, as set so far (never saved).
#[derive(Debug, Default)]
pub(super) struct WeightsDraft {
    /// Criteria by how much their swing matters, most first.
    order: Vec<CriterionId>,
    /// Each swing's rating 0–100 against the first; the first is always 100.
    ratings: BTreeMap<CriterionId, f64>,
    /// Steps on Saaty's scale for each pair (first, second) in criteria order: `k > 0`
    /// means the first matters `k + 1` times as much, `k < 0` the second `-k + 1` times.
    judgements: BTreeMap<(CriterionId, CriterionId), i32>,
}

impl WeightsDraft {
    /// Keeps the swing order in step with the criteria: gone ones dropped, new ones added
    /// last; a fresh order follows the current weights, rated in their proportions.
    fn sync(&mut self, session: &Session) {
        self.order.retain(|id| session.criterion(id).is_some());
        if self.order.is_empty() {
            let mut by_weight: Vec<&Criterion> = session.criteria.iter().collect();
            by_weight.sort_by(|a, b| b.weight.total_cmp(&a.weight));
            let top = by_weight.first().map_or(0.0, |c| c.weight.max(0.0));
            for c in by_weight {
                let rating = if top > 0.0 {
                    (100.0 * c.weight.max(0.0) / top).round()
                } else {
                    100.0
                };
                self.ratings.insert(c.id.clone(), rating);
                self.order.push(c.id.clone());
            }
        }
        for c in &session.criteria {
            if !self.order.contains(&c.id) {
                self.order.push(c.id.clone());
                self.ratings.entry(c.id.clone()).or_insert(50.0);
            }
        }
        if let Some(first) = self.order.first() {
            self.ratings.insert(first.clone(), 100.0);
        }
    }
}

/// The judgement a number of steps stands for: 2 → 3, -2 → 1/3.
fn judgement(steps: i32) -> f64 {
    if steps >= 0 {
        f64::from(steps + 1)
    } else {
        1.0 / f64::from(1 - steps)
    }
}

pub(super) fn weights_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, draft: &mut WeightsDraft) {
    ui.label(RichText::new("Weights").strong());
    if cx.session.criteria.is_empty() {
        ui.label("Add criteria first.");
        return;
    }
    if cx.session.weights_locked {
        ui.label(
            RichText::new(
                "Weights are locked: applying records every weight it changes in the decision log.",
            )
            .color(theme::palette(ui).warning),
        );
    }
    draft.sync(cx.session);
    egui::CollapsingHeader::new("Swing weighting")
        .id_salt("swing-weighting")
        .show(ui, |ui| swing_ui(ui, cx, draft));
    egui::CollapsingHeader::new("Pairwise comparison (AHP)")
        .id_salt("pairwise-comparison")
        .show(ui, |ui| pairwise_ui(ui, cx, draft));
}

/// "25 %" of `weight` among `session`'s weights.
fn current_share(session: &Session, id: &CriterionId) -> f64 {
    let total: f64 = session.criteria.iter().map(|c| c.weight.max(0.0)).sum();
    let weight = session.criterion(id).map_or(0.0, |c| c.weight.max(0.0));
    if total > 0.0 {
        100.0 * weight / total
    } else {
        0.0
    }
}

/// The edit setting `fractions` (in `ids` order) as percentages, in criteria order.
fn weights_edit(
    session: &Session,
    ids: &[CriterionId],
    fractions: &[f64],
    method: WeightMethod,
) -> Edit {
    let percent = as_percentages(fractions);
    let weights = session
        .criteria
        .iter()
        .map(|c| {
            let at = ids.iter().position(|id| *id == c.id);
            (c.id.clone(), at.map_or(0.0, |i| percent[i]))
        })
        .collect();
    Edit::SetWeights { weights, method }
}

fn swing_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, draft: &mut WeightsDraft) {
    let session = cx.session;
    ui.label(
        "Order the criteria by how much moving an option from the worst to the best level \
         matters; the first swing is worth 100, rate the others against it.",
    );
    let ratings: Vec<f64> = draft.order.iter().map(|id| draft.ratings[id]).collect();
    let preview = swing_weights(&ratings);
    let mut moved: Option<(usize, usize)> = None;
    for (pos, id) in draft.order.iter().enumerate() {
        let Some(c) = session.criterion(id) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            let up = ui.add_enabled(pos > 0, egui::Button::new("Up").small());
            set_name(&up, || format!("Move the swing of {} up", c.name));
            if up.clicked() {
                moved = Some((pos, pos - 1));
            }
            let down = ui.add_enabled(
                pos + 1 < draft.order.len(),
                egui::Button::new("Down").small(),
            );
            set_name(&down, || format!("Move the swing of {} down", c.name));
            if down.clicked() {
                moved = Some((pos, pos + 1));
            }
            ui.label(RichText::new(format!("{}. {}", pos + 1, c.name)).strong());
            if pos == 0 {
                ui.label("100");
            } else {
                let rating = draft.ratings.entry(id.clone()).or_insert(50.0);
                let response = ui.add(
                    DragValue::new(rating)
                        .range(0.0..=100.0)
                        .speed(1.0)
                        .max_decimals(0),
                );
                set_name(&response, || format!("Swing rating of {}", c.name));
            }
            let share = match &preview {
                Ok(w) => format!("weight {:.1} %", 100.0 * w[pos]),
                Err(_) => "–".to_owned(),
            };
            ui.label(format!("{share} (now {:.1} %)", current_share(session, id)));
        });
        let (worst, best) = Swing::of(c).ends(&c.unit);
        ui.indent(("swing-ends", pos), |ui| {
            ui.label(RichText::new(format!("from {worst} to {best}")).small());
        });
        ui.add_space(theme::SPACE_S);
    }
    if let Some((from, to)) = moved {
        draft.order.swap(from, to);
        // The new first swing is the yardstick again.
        if let Some(first) = draft.order.first() {
            draft.ratings.insert(first.clone(), 100.0);
        }
    }
    if let Some((above, below)) = out_of_order(session, &draft.order, &draft.ratings) {
        ui.label(
            RichText::new(format!(
                "{below} is rated above {above}, which is ordered before it: move {below} up, \
                 or rate it lower."
            ))
            .color(theme::palette(ui).warning),
        );
    }
    match preview {
        Ok(fractions) => {
            if ui.button("Apply swing weights").clicked() {
                cx.edit(weights_edit(
                    session,
                    &draft.order,
                    &fractions,
                    WeightMethod::Swing,
                ));
                cx.seal();
            }
        }
        Err(err) => {
            ui.label(RichText::new(err.to_string()).color(theme::palette(ui).error));
        }
    }
}

/// The first pair of swings whose ratings contradict their order, by name: (the one
/// ordered first, the one rated above it).
fn out_of_order(
    session: &Session,
    order: &[CriterionId],
    ratings: &BTreeMap<CriterionId, f64>,
) -> Option<(String, String)> {
    order.windows(2).find_map(|pair| {
        let rating = |id: &CriterionId| ratings.get(id).copied().unwrap_or(0.0);
        let name = |id: &CriterionId| session.criterion(id).map(|c| c.name.clone());
        if rating(&pair[1]) > rating(&pair[0]) {
            Some((name(&pair[0])?, name(&pair[1])?))
        } else {
            None
        }
    })
}

fn pairwise_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, draft: &mut WeightsDraft) {
    let session = cx.session;
    let n = session.criteria.len();
    if n > pairwise::MAX_CRITERIA {
        ui.label(format!(
            "Pairwise comparison takes at most {} criteria; use swing weighting.",
            pairwise::MAX_CRITERIA
        ));
        return;
    }
    ui.label("For each pair: which matters more, and by how much (Saaty's 1–9 scale).");
    let mut matrix = match PairwiseMatrix::equal(n) {
        Ok(m) => m,
        Err(err) => {
            ui.label(err.to_string());
            return;
        }
    };
    for (i, a) in session.criteria.iter().enumerate() {
        for (j, b) in session.criteria.iter().enumerate().skip(i + 1) {
            let key = (a.id.clone(), b.id.clone());
            let steps = draft.judgements.entry(key).or_insert(0);
            ui.horizontal_wrapped(|ui| {
                // The slider leans toward the criterion that matters more: left for the
                // first, right for the second.
                ui.label(RichText::new(&a.name).strong());
                let mut lean = -*steps;
                let response = ui
                    .add(egui::Slider::new(&mut lean, -8..=8).show_value(false))
                    .on_hover_text("Left and right arrows move it once it has the keyboard");
                set_name(&response, || format!("{} vs {}", a.name, b.name));
                // A click gives it the keyboard too, so the arrows can finish the judgement.
                if response.clicked() || response.drag_started() {
                    response.request_focus();
                }
                *steps = -lean;
                ui.label(RichText::new(&b.name).strong());
                let words = match (*steps).cmp(&0) {
                    std::cmp::Ordering::Equal => "equally important".to_owned(),
                    std::cmp::Ordering::Greater => {
                        format!("{} matters {}× as much", a.name, steps.abs() + 1)
                    }
                    std::cmp::Ordering::Less => {
                        format!("{} matters {}× as much", b.name, steps.abs() + 1)
                    }
                };
                ui.label(words);
            });
            // Steps stay within ±8, so the value is on Saaty's scale.
            let _ = matrix.set(i, j, judgement(*steps));
        }
    }
    let result = pairwise::weights(&matrix);
    match result {
        Ok(result) => pairwise_result_ui(ui, cx, session, &result),
        Err(err) => {
            ui.label(RichText::new(err.to_string()).color(theme::palette(ui).error));
        }
    }
}

fn pairwise_result_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    session: &Session,
    result: &PairwiseWeights,
) {
    let shares: Vec<String> = session
        .criteria
        .iter()
        .zip(&result.weights)
        .map(|(c, w)| {
            format!(
                "{} {:.1} % (now {:.1} %)",
                c.name,
                100.0 * w,
                current_share(session, &c.id)
            )
        })
        .collect();
    ui.label(shares.join(" · "));
    let cr = result.consistency_ratio;
    if result.is_inconsistent() {
        ui.label(
            RichText::new(format!(
                "Consistency ratio {cr:.2} is above 0.10: these judgements contradict each other."
            ))
            .color(theme::palette(ui).warning),
        );
        if let Some(pair) = &result.most_inconsistent {
            let (a, b) = (
                &session.criteria[pair.row].name,
                &session.criteria[pair.col].name,
            );
            ui.label(
                RichText::new(format!(
                    "Most inconsistent: {a} vs {b}. You said {a} is {}; the other judgements \
                     imply {}.",
                    pairwise::judgement_words(pair.given),
                    pairwise::judgement_words(pair.implied)
                ))
                .color(theme::palette(ui).warning),
            );
        }
    } else {
        ui.label(format!(
            "Consistency ratio {cr:.2}: consistent enough (below 0.10)."
        ));
    }
    if ui.button("Apply pairwise weights").clicked() {
        let ids: Vec<CriterionId> = session.criteria.iter().map(|c| c.id.clone()).collect();
        cx.edit(weights_edit(
            session,
            &ids,
            &result.weights,
            WeightMethod::Pairwise {
                consistency_ratio: cr,
            },
        ));
        cx.seal();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swing_rated_above_one_ordered_before_it_is_named() {
        let s = Session::new("x");
        let ids: Vec<CriterionId> = s.criteria.iter().map(|c| c.id.clone()).collect();
        let mut ratings: BTreeMap<CriterionId, f64> =
            ids.iter().cloned().zip([100.0, 40.0, 60.0]).collect();
        assert_eq!(
            out_of_order(&s, &ids, &ratings),
            Some(("Cost".to_owned(), "Trust risk".to_owned()))
        );
        ratings.insert(ids[2].clone(), 40.0);
        assert_eq!(out_of_order(&s, &ids, &ratings), None, "a tie is in order");
    }

    #[test]
    fn judgement_steps_map_onto_saatys_scale_both_ways() {
        assert_eq!(judgement(0), 1.0);
        assert_eq!(judgement(2), 3.0);
        assert_eq!(judgement(-8), 1.0 / 9.0);
    }
}
