//! The document plus its computed results as JSON, for other tools. The shape is documented
//! in `docs/EXPORTS.md`.
//!
//! Text is kept exactly, so tools get the real data; bidi controls are written as `\u202e`
//! escapes, which any JSON reader decodes but which cannot reorder the file on screen.

use super::escape::is_bidi_control;
use super::summary::Summary;
use crate::analysis::verdict::VerdictKind;
use crate::analysis::{KillReason, Recommendation};
use crate::model::{OptionId, Session};
use chrono::NaiveDate;
use serde::Serialize;

/// Version of the export shape; raised when a field changes meaning or goes away.
///
/// 2: kill reasons are spelled as in `verdict rank --json` (`kill_criterion_tripped`);
/// `recommendation.kind` may be `none`; `robustness` carries the Monte Carlo settings and
/// the leader's P(best).
pub const JSON_EXPORT_VERSION: u32 = 2;

/// The top-level object.
#[derive(Serialize)]
struct Export<'a> {
    verdict_export: u32,
    exported_on: NaiveDate,
    session: Session,
    results: Results<'a>,
}

/// The computed results.
#[derive(Serialize)]
struct Results<'a> {
    ranking: Vec<RankRow<'a>>,
    recommendation: Advice,
    robustness: Robustness<'a>,
    /// The record's warning that scores or weights changed after the decision; `null` when
    /// nothing changed since.
    changed_after_decision: Option<String>,
}

/// The robustness verdict of `verdict analyze` with its defaults, and what it rests on.
#[derive(Serialize)]
struct Robustness<'a> {
    kind: VerdictKind,
    option: Option<&'a OptionId>,
    line: &'a str,
    reasons: &'a [String],
    /// The leader's share of Monte Carlo samples won; `null` when nothing contests.
    p_best: Option<f64>,
    /// Monte Carlo samples; `null` when nothing contests.
    samples: Option<u32>,
    /// Monte Carlo seed; `null` when nothing contests.
    seed: Option<u64>,
}

/// One row of the ranking, best first.
#[derive(Serialize)]
struct RankRow<'a> {
    option: &'a str,
    title: &'a str,
    rank: Option<usize>,
    total: Option<f64>,
    vetoed_by: Vec<&'a str>,
    missing: Vec<&'a str>,
}

/// The recommendation, flattened for readers that do not know Rust enums.
#[derive(Serialize)]
struct Advice {
    kind: &'static str,
    option: Option<String>,
    total: Option<f64>,
    tied_with: Vec<String>,
    reason: Option<&'static str>,
    tripped: Vec<String>,
    text: String,
}

fn advice(s: &Summary) -> Advice {
    let text = s.recommendation.plain(s.session);
    match &s.recommendation {
        Recommendation::Choose {
            option,
            total,
            tied_with,
            ..
        } => Advice {
            kind: s.recommendation.kind_code(),
            option: Some(option.to_string()),
            total: Some(*total),
            tied_with: tied_with.iter().map(ToString::to_string).collect(),
            reason: None,
            tripped: Vec::new(),
            text,
        },
        Recommendation::Kill { reason } => {
            let (option, tied_with, tripped) = match reason {
                KillReason::KillCriterionTripped { conditions } => {
                    (None, Vec::new(), conditions.clone())
                }
                KillReason::NoViableOption => (None, Vec::new(), Vec::new()),
                KillReason::StoppingOptionRanksFirst {
                    option, tied_with, ..
                } => (
                    Some(option.to_string()),
                    tied_with.iter().map(ToString::to_string).collect(),
                    Vec::new(),
                ),
            };
            Advice {
                kind: s.recommendation.kind_code(),
                option,
                total: None,
                tied_with,
                reason: s.recommendation.reason_code(),
                tripped,
                text,
            }
        }
        Recommendation::NothingRanked => Advice {
            kind: s.recommendation.kind_code(),
            option: None,
            total: None,
            tied_with: Vec::new(),
            reason: s.recommendation.reason_code(),
            tripped: Vec::new(),
            text,
        },
    }
}

/// The document without its private notes, and its results, as pretty JSON.
pub(super) fn render(session: &Session, today: NaiveDate) -> String {
    // The results rest on the scores the ranking uses, as in every other format: with
    // raters, their aggregate. The document below stays as saved.
    let scored = super::summary::scored(session);
    let s = Summary::new(&scored, today);
    let mut public = session.clone();
    public.notes.clear();
    for option in &mut public.options {
        option.notes.clear();
    }
    let ranking = s
        .ranking
        .rows
        .iter()
        .map(|row| RankRow {
            option: row.id.as_str(),
            title: &session.options[row.option_idx].title,
            rank: row.rank,
            total: row.total,
            vetoed_by: row.vetoed_by.iter().map(|c| c.as_str()).collect(),
            missing: row.missing.iter().map(|c| c.as_str()).collect(),
        })
        .collect();
    let export = Export {
        verdict_export: JSON_EXPORT_VERSION,
        exported_on: today,
        session: public,
        results: Results {
            ranking,
            recommendation: advice(&s),
            robustness: Robustness {
                kind: s.robustness.kind,
                option: s.robustness.option.as_ref(),
                line: &s.robustness.line,
                reasons: &s.robustness.reasons,
                p_best: s.p_best(),
                samples: s.report.monte_carlo.as_ref().map(|mc| mc.config.samples),
                seed: s.report.monte_carlo.as_ref().map(|mc| mc.config.seed),
            },
            changed_after_decision: s.changed_after_decision(),
        },
    };
    // Non-finite numbers become null; nothing else in these types can fail to serialise.
    let text = serde_json::to_string_pretty(&export).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 1);
    for ch in text.chars() {
        if is_bidi_control(ch) {
            out.push_str(&format!("\\u{:04x}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    out.push('\n');
    out
}
