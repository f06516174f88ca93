//! The edits that shape criteria: define, reorder, duplicate, rescale and weigh them.
//!
//! A criterion's definition is checked before it replaces the old one, and a scale is never
//! narrowed under scores that would fall outside it: the edit is refused with every such
//! score named, and [`Edit::RescaleCriterion`](super::Edit::RescaleCriterion) offers to move
//! them proportionally instead. Nothing is ever clamped.

use super::EditError;
use crate::model::{
    CriteriaSet, Criterion, CriterionId, LogEntry, LogEvent, OptionId, RaterId, Scale, Score,
    Session, WeightMethod,
};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// One score that lies outside a scale a criterion is about to get.
#[derive(Clone, Debug, PartialEq)]
pub struct OutsideScore {
    /// Its place in the document, e.g. `options[2].scores.cost.likely`.
    pub path: String,
    /// The option it belongs to.
    pub option: OptionId,
    /// The rater who gave it, `None` for a shared score.
    pub rater: Option<RaterId>,
    /// The value that does not fit.
    pub value: f64,
}

impl OutsideScore {
    /// Whose score it is, in words: the option's title and, for a rater's score, "by" the
    /// rater's name.
    pub fn whose(&self, session: &Session) -> String {
        let title = session
            .option(&self.option)
            .map_or_else(|| self.option.to_string(), |opt| format!("“{}”", opt.title));
        let by = self
            .rater
            .as_ref()
            .map(|r| format!(" by {}", session.rater_name(r)))
            .unwrap_or_default();
        format!("{title}{by}")
    }
}

/// Every score value on `criterion` (shared and raters', likely and range ends) outside
/// `scale`, in document order.
pub fn scores_outside(
    session: &Session,
    criterion: &CriterionId,
    scale: &Scale,
) -> Vec<OutsideScore> {
    let mut outside = Vec::new();
    for (o_idx, option) in session.options.iter().enumerate() {
        let mut check = |at: String, rater: Option<&RaterId>, score: &Score| {
            for (name, value) in [
                ("likely", Some(score.likely)),
                ("low", score.low),
                ("high", score.high),
            ] {
                if let Some(value) = value.filter(|v| !scale.contains(*v)) {
                    outside.push(OutsideScore {
                        path: format!("{at}.{name}"),
                        option: option.id.clone(),
                        rater: rater.cloned(),
                        value,
                    });
                }
            }
        };
        if let Some(score) = option.scores.get(criterion) {
            check(format!("options[{o_idx}].scores.{criterion}"), None, score);
        }
        for (rater, scores) in &option.rater_scores {
            if let Some(score) = scores.get(criterion) {
                let at = format!("options[{o_idx}].rater_scores.{rater}.{criterion}");
                check(at, Some(rater), score);
            }
        }
    }
    outside
}

/// The refusal for a scale that leaves `outside` scores behind, naming each of them.
fn outside_error(
    session: &Session,
    criterion: &Criterion,
    scale: &Scale,
    outside: &[OutsideScore],
) -> EditError {
    let scores = outside
        .iter()
        .map(|o| format!("{} {} ({})", o.whose(session), o.value, o.path))
        .collect();
    EditError::ScoresOutsideScale {
        criterion: criterion.name.clone(),
        scale: format!("{}..{}", scale.lo, scale.hi),
        scores,
    }
}

fn index_of(session: &Session, id: &CriterionId) -> Result<usize, EditError> {
    session
        .criterion_idx(id)
        .ok_or_else(|| EditError::UnknownCriterion(id.to_string()))
}

/// The first problem of `criterion`'s definition, located at `criteria[c_idx]`.
fn check_definition(c_idx: usize, criterion: &Criterion) -> Result<(), EditError> {
    match criterion.problems().into_iter().next() {
        None => Ok(()),
        Some((field, message)) => Err(EditError::InvalidCriterion {
            path: format!("criteria[{c_idx}].{field}"),
            message,
        }),
    }
}

/// Replaces the definition of `id`, keeping its id; refused when the definition is unusable
/// or its scale would leave scores outside.
pub(super) fn set(
    session: &mut Session,
    id: &CriterionId,
    mut criterion: Criterion,
) -> Result<(), EditError> {
    let c_idx = index_of(session, id)?;
    criterion.id = id.clone();
    check_definition(c_idx, &criterion)?;
    if criterion.scale.lo != session.criteria[c_idx].scale.lo
        || criterion.scale.hi != session.criteria[c_idx].scale.hi
    {
        let outside = scores_outside(session, id, &criterion.scale);
        if !outside.is_empty() {
            return Err(outside_error(
                session,
                &criterion,
                &criterion.scale,
                &outside,
            ));
        }
    }
    session.criteria[c_idx] = criterion;
    Ok(())
}

/// Replaces every criterion with the shipped set called `name`, while nothing is scored.
pub(super) fn use_set(session: &mut Session, name: &str) -> Result<(), EditError> {
    let set = CriteriaSet::named(name).ok_or_else(|| {
        EditError::Import(format!(
            "there is no criteria set called `{name}`; the sets are {}",
            CriteriaSet::names()
        ))
    })?;
    let scored = session
        .options
        .iter()
        .filter(|o| !o.scores.is_empty() || o.rater_scores.values().any(|s| !s.is_empty()))
        .count();
    if scored > 0 {
        return Err(EditError::Import(format!(
            "{scored} {} already scored on the current criteria; a criteria set replaces them \
             only before scoring starts (add or change criteria one by one instead)",
            if scored == 1 {
                "option is"
            } else {
                "options are"
            }
        )));
    }
    session.criteria = set.criteria.clone();
    Ok(())
}

/// Moves `id` to position `to` (past the end means last).
pub(super) fn move_to(session: &mut Session, id: &CriterionId, to: usize) -> Result<(), EditError> {
    let c_idx = index_of(session, id)?;
    let criterion = session.criteria.remove(c_idx);
    let to = to.min(session.criteria.len());
    session.criteria.insert(to, criterion);
    Ok(())
}

/// Copies `id` right after itself under a fresh id: same definition and scores, but weight
/// 0, so the ranking does not change until someone gives the copy a weight.
pub(super) fn duplicate(session: &mut Session, id: &CriterionId) -> Result<(), EditError> {
    let c_idx = index_of(session, id)?;
    let mut copy = session.criteria[c_idx].clone();
    copy.name = format!("{} (copy)", copy.name);
    copy.id = session.new_criterion_id(&copy.name);
    copy.weight = 0.0;
    for option in &mut session.options {
        if let Some(score) = option.scores.get(id).cloned() {
            option.scores.insert(copy.id.clone(), score);
        }
        for scores in option.rater_scores.values_mut() {
            if let Some(score) = scores.get(id).cloned() {
                scores.insert(copy.id.clone(), score);
            }
        }
    }
    session.criteria.insert(c_idx + 1, copy);
    Ok(())
}

/// Gives `id` the scale `lo..hi` and moves every score, level and the veto proportionally
/// onto it, so each keeps its place between worst and best.
pub(super) fn rescale(
    session: &mut Session,
    id: &CriterionId,
    lo: f64,
    hi: f64,
) -> Result<(), EditError> {
    let c_idx = index_of(session, id)?;
    let from = session.criteria[c_idx].scale.clone();
    let to = Scale {
        lo,
        hi,
        levels: Vec::new(),
    };
    if !to.is_usable() {
        return Err(EditError::InvalidCriterion {
            path: format!("criteria[{c_idx}].scale"),
            message: format!("scale {lo}..{hi} is empty or not finite: lo must be below hi"),
        });
    }
    let outside = scores_outside(session, id, &from);
    if !outside.is_empty() {
        // Only scores inside the old scale have a place to keep.
        let criterion = session.criteria[c_idx].clone();
        return Err(outside_error(session, &criterion, &from, &outside));
    }
    let map = |v: f64| from.map_onto(v, &to);
    let map_score = |score: &mut Score| {
        score.likely = map(score.likely);
        score.low = score.low.map(map);
        score.high = score.high.map(map);
    };
    for option in &mut session.options {
        if let Some(score) = option.scores.get_mut(id) {
            map_score(score);
        }
        for scores in option.rater_scores.values_mut() {
            if let Some(score) = scores.get_mut(id) {
                map_score(score);
            }
        }
    }
    let criterion = &mut session.criteria[c_idx];
    criterion.veto = criterion.veto.map(map);
    for level in &mut criterion.scale.levels {
        level.value = map(level.value);
    }
    criterion.scale.lo = lo;
    criterion.scale.hi = hi;
    Ok(())
}

/// Sets every criterion's weight at once and logs how they were derived; when weights are
/// locked each change is also logged as [`LogEvent::WeightChanged`], as a typed one would be.
pub(super) fn set_weights(
    session: &mut Session,
    weights: Vec<(CriterionId, f64)>,
    method: WeightMethod,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let mut seen = HashSet::new();
    for (id, weight) in &weights {
        index_of(session, id)?;
        if !seen.insert(id.clone()) {
            return Err(EditError::BadNumber(format!("{id} is given two weights")));
        }
        if !weight.is_finite() || *weight < 0.0 {
            return Err(EditError::BadNumber(format!(
                "weight {weight} must be 0 or more"
            )));
        }
    }
    if let Some(missing) = session.criteria.iter().find(|c| !seen.contains(&c.id)) {
        return Err(EditError::BadNumber(format!(
            "{} has no weight: every criterion needs one",
            missing.name
        )));
    }
    if weights.iter().all(|(_, w)| *w == 0.0) {
        return Err(EditError::BadNumber(
            "at least one weight must be above 0".into(),
        ));
    }
    if let WeightMethod::Pairwise { consistency_ratio } = &method
        && !consistency_ratio.is_finite()
    {
        return Err(EditError::BadNumber(
            "the consistency ratio is not a number".into(),
        ));
    }
    let locked = session.weights_locked;
    let mut ordered = Vec::with_capacity(weights.len());
    for criterion in &mut session.criteria {
        // Every criterion was checked to have exactly one weight above.
        let Some((_, weight)) = weights.iter().find(|(id, _)| *id == criterion.id) else {
            continue;
        };
        let from = criterion.weight;
        criterion.weight = *weight;
        ordered.push((criterion.id.clone(), *weight));
        if locked && from != *weight {
            session.log.push(LogEntry {
                at: now,
                event: LogEvent::WeightChanged {
                    criterion: criterion.id.clone(),
                    from,
                    to: *weight,
                },
            });
        }
    }
    session.log.push(LogEntry {
        at: now,
        event: LogEvent::WeightsSet {
            method,
            weights: ordered,
        },
    });
    Ok(())
}

/// Weights that sum to 1 as percentages rounded to hundredths, ready for
/// [`Edit::SetWeights`](super::Edit::SetWeights): `[0.5, 0.3, 0.2]` → `[50.0, 30.0, 20.0]`.
pub fn as_percentages(fractions: &[f64]) -> Vec<f64> {
    fractions
        .iter()
        .map(|f| (f * 10_000.0).round() / 100.0)
        .collect()
}
