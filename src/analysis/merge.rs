//! Joining raters' copies of one session into one document.
//!
//! Each rater scores their own copy (under `rater_scores.<their id>`). Merging keeps the
//! first copy as the base and adds every copy's raters and rater scores. Everything else —
//! titles, framing, weights, shared scores, outcome, log — must be the same in every copy:
//! where a copy differs, the difference is reported as a [`Conflict`] naming the document
//! path and each copy's value, and the base's value is kept. Nothing is dropped silently.
//! An open scoring round merges the same way: each copy's hidden scores are added to the
//! base's round when both copies hold the same round (same number and cells).

use crate::model::{Rater, Session};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// One copy to merge, with the name it is reported under (usually its file name).
#[derive(Clone, Debug)]
pub struct NamedCopy {
    /// The name in reports.
    pub name: String,
    /// The session it holds.
    pub session: Session,
}

/// A place where copies disagree about something other than their own raters' scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// Where, e.g. `options[2].title` or `options[0].rater_scores.ana.cost`.
    pub path: String,
    /// Each copy's value there, the base's first, as compact text.
    pub values: Vec<(String, String)>,
}

/// The merged session and what could not be merged.
#[derive(Clone, Debug)]
pub struct Merged {
    /// The base with every copy's raters and rater scores added.
    pub session: Session,
    /// Differences kept out of the merge (the base's value was kept).
    pub conflicts: Vec<Conflict>,
}

/// Why copies cannot be merged at all.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MergeError {
    /// Nothing to merge.
    #[error("no copies to merge; give at least two session files")]
    NoCopies,
    /// A copy's criteria or options are not the base's.
    #[error(
        "{copy}: {what} differ from {base}'s (only in {copy}: {only_copy}; only in {base}: {only_base}); \
         merge copies of the same session, with the same criteria and options by id"
    )]
    DifferentItems {
        /// The base copy's name.
        base: String,
        /// The other copy's name.
        copy: String,
        /// `criteria` or `options`.
        what: &'static str,
        /// Ids only in the copy.
        only_copy: String,
        /// Ids only in the base.
        only_base: String,
    },
}

/// Merges `copies` into the first.
///
/// # Errors
/// [`MergeError`] when there are no copies or their criteria or options differ by id.
pub fn merge(copies: &[NamedCopy]) -> Result<Merged, MergeError> {
    let (first, rest) = copies.split_first().ok_or(MergeError::NoCopies)?;
    let mut merged = first.session.clone();
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut conflict =
        |path: String, copy: &NamedCopy, base_value: String, value: String| match conflicts
            .iter_mut()
            .find(|c| c.path == path)
        {
            Some(c) => c.values.push((copy.name.clone(), value)),
            None => conflicts.push(Conflict {
                path,
                values: vec![(first.name.clone(), base_value), (copy.name.clone(), value)],
            }),
        };
    for copy in rest {
        same_ids(first, copy, "criteria", |s| {
            s.criteria.iter().map(|c| c.id.to_string()).collect()
        })?;
        same_ids(first, copy, "options", |s| {
            s.options.iter().map(|o| o.id.to_string()).collect()
        })?;
        for rater in &copy.session.raters {
            match merged.raters.iter().position(|r| r.id == rater.id) {
                None => merged.raters.push(rater.clone()),
                Some(r_idx) if merged.raters[r_idx] != *rater => conflict(
                    format!("raters[{r_idx}]"),
                    copy,
                    text(&merged.raters[r_idx]),
                    text(rater),
                ),
                Some(_) => {}
            }
        }
        for (o_idx, option) in merged.options.iter_mut().enumerate() {
            let Some(theirs) = copy.session.option(&option.id) else {
                continue;
            };
            for (rater, scores) in &theirs.rater_scores {
                let mine = option.rater_scores.entry(rater.clone()).or_default();
                for (criterion, score) in scores {
                    match mine.get(criterion) {
                        None => {
                            mine.insert(criterion.clone(), score.clone());
                        }
                        Some(existing) if existing != score => conflict(
                            format!("options[{o_idx}].rater_scores.{rater}.{criterion}"),
                            copy,
                            text(existing),
                            text(score),
                        ),
                        Some(_) => {}
                    }
                }
            }
        }
        if let (Some(mine), Some(theirs)) = (merged.round.as_mut(), copy.session.round.as_ref())
            && mine.number == theirs.number
            && mine.cells == theirs.cells
        {
            for (rater, by_option) in &theirs.scores {
                for (option, by_criterion) in by_option {
                    for (criterion, value) in by_criterion {
                        let slot = mine
                            .scores
                            .entry(rater.clone())
                            .or_default()
                            .entry(option.clone())
                            .or_default();
                        match slot.get(criterion) {
                            None => {
                                slot.insert(criterion.clone(), *value);
                            }
                            Some(existing) if existing != value => conflict(
                                format!("round.scores.{rater}.{option}.{criterion}"),
                                copy,
                                existing.to_string(),
                                value.to_string(),
                            ),
                            Some(_) => {}
                        }
                    }
                }
            }
            for rater in &theirs.finished {
                if !mine.finished.contains(rater) {
                    mine.finished.push(rater.clone());
                }
            }
        }
        let mut found = Vec::new();
        diff(
            "",
            &shared_part(&first.session, &first.session),
            &shared_part(&copy.session, &first.session),
            &mut found,
        );
        for (path, base_value, value) in found {
            conflict(path, copy, base_value, value);
        }
    }
    Ok(Merged {
        session: merged,
        conflicts,
    })
}

fn same_ids(
    base: &NamedCopy,
    copy: &NamedCopy,
    what: &'static str,
    ids: impl Fn(&Session) -> BTreeSet<String>,
) -> Result<(), MergeError> {
    let (mine, theirs) = (ids(&base.session), ids(&copy.session));
    if mine == theirs {
        return Ok(());
    }
    let list = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
        let only: Vec<&str> = a.difference(b).map(String::as_str).collect();
        if only.is_empty() {
            "none".to_owned()
        } else {
            only.join(", ")
        }
    };
    Err(MergeError::DifferentItems {
        base: base.name.clone(),
        copy: copy.name.clone(),
        what,
        only_copy: list(&theirs, &mine),
        only_base: list(&mine, &theirs),
    })
}

/// The session as JSON without raters and their scores, with criteria and options in the
/// base's order (so paths use the base's positions and a reordering alone is no conflict).
fn shared_part(session: &Session, base: &Session) -> Value {
    let mut s = session.clone();
    s.raters = Vec::<Rater>::new();
    for option in &mut s.options {
        option.rater_scores.clear();
    }
    // A round's hidden scores are the raters' own, like their rater scores; the rest of
    // the round (its cells, number, phase) must match.
    if let Some(round) = s.round.as_mut() {
        round.scores.clear();
        round.finished.clear();
        round.turn = None;
    }
    s.criteria
        .sort_by_key(|c| base.criterion_idx(&c.id).unwrap_or(usize::MAX));
    s.options
        .sort_by_key(|o| base.option_idx(&o.id).unwrap_or(usize::MAX));
    // Plain data always serialises; a failure would only hide differences, never lose data.
    serde_json::to_value(&s).unwrap_or(Value::Null)
}

/// Appends `(path, base value, copy value)` for every difference between `a` and `b`.
fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<(String, String, String)>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for key in keys {
                let sub = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let missing = Value::Null;
                diff(
                    &sub,
                    x.get(key).unwrap_or(&missing),
                    y.get(key).unwrap_or(&missing),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}[{i}]"), p, q, out);
            }
        }
        _ if a != b => out.push((path.to_owned(), short(a), short(b))),
        _ => {}
    }
}

fn text<T: Serialize>(value: &T) -> String {
    short(&serde_json::to_value(value).unwrap_or(Value::Null))
}

/// Compact JSON cut to 80 characters.
fn short(value: &Value) -> String {
    let full = value.to_string();
    if full.chars().count() <= 80 {
        full
    } else {
        full.chars().take(79).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, Lens, RaterId, Score, SolutionOption};

    fn copy(name: &str, rater: &str, impact: f64) -> NamedCopy {
        let mut s = Session::new("x");
        s.raters.push(Rater::new(rater, rater));
        let mut option = SolutionOption::new("cdn", "Buy a CDN", Lens::Buy);
        option
            .rater_scores
            .entry(RaterId::new(rater))
            .or_default()
            .insert(CriterionId::new("impact"), Score::point(impact));
        s.options.push(option);
        NamedCopy {
            name: name.to_owned(),
            session: s,
        }
    }

    #[test]
    fn raters_and_their_scores_are_joined_without_conflict() {
        let merged = merge(&[copy("a.ron", "ana", 4.0), copy("b.ron", "bo", 2.0)]).unwrap();
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert_eq!(merged.session.raters.len(), 2);
        assert_eq!(merged.session.options[0].rater_scores.len(), 2);
    }

    #[test]
    fn a_changed_title_and_weight_are_reported_with_both_values() {
        let a = copy("a.ron", "ana", 4.0);
        let mut b = copy("b.ron", "bo", 2.0);
        b.session.options[0].title = "Buy two CDNs".into();
        b.session.criteria[1].weight = 40.0;
        let merged = merge(&[a, b]).unwrap();
        let paths: Vec<&str> = merged.conflicts.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["criteria[1].weight", "options[0].title"]);
        assert_eq!(
            merged.conflicts[1].values,
            [
                ("a.ron".to_owned(), "\"Buy a CDN\"".to_owned()),
                ("b.ron".to_owned(), "\"Buy two CDNs\"".to_owned())
            ]
        );
        assert_eq!(merged.session.options[0].title, "Buy a CDN");
    }

    #[test]
    fn copies_of_different_sessions_are_refused() {
        let a = copy("a.ron", "ana", 4.0);
        let mut b = copy("b.ron", "bo", 2.0);
        b.session.options[0].id = "cdn-2".into();
        let err = merge(&[a, b]).unwrap_err();
        assert!(err.to_string().contains("only in b.ron: cdn-2"), "{err}");
    }

    #[test]
    fn raters_hidden_round_scores_from_their_own_copies_are_merged_into_one_round() {
        use crate::model::{Cell, RoundScope, ScoringRound};
        use chrono::{TimeZone, Utc};
        let started = Utc.with_ymd_and_hms(2026, 2, 3, 9, 0, 0).unwrap();
        let with_round = |name: &str, rater: &str, cost: f64| {
            let mut c = copy(name, rater, 3.0);
            c.session.raters = vec![Rater::new("ana", "ana"), Rater::new("bo", "bo")];
            for o in &mut c.session.options {
                o.rater_scores.clear();
            }
            let mut round =
                ScoringRound::new(1, RoundScope::All, vec![Cell::new("cdn", "cost")], started);
            round
                .scores
                .entry(RaterId::new(rater))
                .or_default()
                .entry(crate::model::OptionId::new("cdn"))
                .or_default()
                .insert(CriterionId::new("cost"), cost);
            round.finished.push(RaterId::new(rater));
            c.session.round = Some(round);
            c
        };
        let merged = merge(&[
            with_round("ana.ron", "ana", 2.0),
            with_round("bo.ron", "bo", 5.0),
        ])
        .expect("same session");
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let round = merged.session.round.expect("round kept");
        let ratings = round.ratings(
            &crate::model::OptionId::new("cdn"),
            &CriterionId::new("cost"),
        );
        assert_eq!(ratings.values().copied().collect::<Vec<_>>(), [2.0, 5.0]);
        assert_eq!(round.finished.len(), 2);
    }
}
