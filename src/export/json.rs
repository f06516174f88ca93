//! The document plus its computed results as JSON, for other tools. The shape is documented
//! in `docs/EXPORTS.md`.
//!
//! Text is kept exactly, so tools get the real data; bidi controls are written as `\u202e`
//! escapes, which any JSON reader decodes but which cannot reorder the file on screen.

use super::escape::is_bidi_control;
use super::summary::Summary;
use crate::analysis::verdict::Verdict as RobustnessVerdict;
use crate::analysis::{KillReason, Recommendation};
use crate::model::Session;
use chrono::NaiveDate;
use serde::Serialize;

/// Version of the export shape; raised when a field changes meaning or goes away.
pub const JSON_EXPORT_VERSION: u32 = 1;

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
    robustness: &'a RobustnessVerdict,
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
        } => Advice {
            kind: "choose",
            option: Some(option.to_string()),
            total: Some(*total),
            tied_with: tied_with.iter().map(ToString::to_string).collect(),
            reason: None,
            tripped: Vec::new(),
            text,
        },
        Recommendation::Kill { reason } => {
            let (reason, option, tripped) = match reason {
                KillReason::KillCriterionTripped { conditions } => {
                    ("kill-criterion-tripped", None, conditions.clone())
                }
                KillReason::NoViableOption => ("no-viable-option", None, Vec::new()),
                KillReason::StoppingOptionRanksFirst { option } => (
                    "stopping-option-ranks-first",
                    Some(option.to_string()),
                    Vec::new(),
                ),
            };
            Advice {
                kind: "kill",
                option,
                total: None,
                tied_with: Vec::new(),
                reason: Some(reason),
                tripped,
                text,
            }
        }
    }
}

/// The document without its private notes, and its results, as pretty JSON.
pub(super) fn render(session: &Session, today: NaiveDate) -> String {
    let s = Summary::new(session, today);
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
            robustness: &s.robustness,
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
