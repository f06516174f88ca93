//! The robustness verdict: one plain line a room can act on.
//!
//! In order, the first that applies:
//! 1. **Kill** — the recommendation is to kill (no viable option, a stopping option is in
//!    the top group, or a kill criterion tripped).
//! 2. **No clear winner** — nothing can be ranked (no criterion has weight); options tie at
//!    the top; or, with Monte Carlo, the leader wins
//!    fewer than [`NO_CLEAR_P_BEST`] of the samples or another option wins more often.
//! 3. **Fragile winner** — some weight flips the leader within [`FRAGILE_SHARE_CHANGE`] of
//!    its share of all weights; or the leader wins fewer than [`CLEAR_P_BEST`] of the
//!    samples; or TOPSIS picks another winner.
//! 4. **Clear winner** — none of the above.

use super::flip_points::WeightFlip;
use super::matrix::DecisionMatrix;
use super::number::{percent, percent_pair, short};
use super::recommendation::{KillReason, Recommendation};
use super::topsis::TopsisCheck;
use super::uncertainty::SmaaResult;
use crate::model::{OptionId, Session};
use serde::Serialize;

/// A weight flip within this change of the criterion's share (0.10 = ten percentage points
/// of the total weight) makes the winner fragile.
pub const FRAGILE_SHARE_CHANGE: f64 = 0.10;
/// The leader must win at least this share of Monte Carlo samples to be a clear winner.
pub const CLEAR_P_BEST: f64 = 0.70;
/// Below this share of samples won, the leader is no clear winner at all.
pub const NO_CLEAR_P_BEST: f64 = 0.40;

/// The four verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum VerdictKind {
    /// The leader stays ahead under every test.
    ClearWinner,
    /// The leader leads, but a small change of view would replace it.
    FragileWinner,
    /// Nobody leads convincingly.
    NoClearWinner,
    /// The numbers advise stopping.
    Kill,
}

impl VerdictKind {
    /// The verdict's name, e.g. "Fragile winner".
    pub fn label(self) -> &'static str {
        match self {
            VerdictKind::ClearWinner => "Clear winner",
            VerdictKind::FragileWinner => "Fragile winner",
            VerdictKind::NoClearWinner => "No clear winner",
            VerdictKind::Kill => "Kill",
        }
    }
}

/// The verdict with its reasons.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// Which verdict.
    pub kind: VerdictKind,
    /// The leading option, if any.
    pub option: Option<OptionId>,
    /// The verdict in one line, e.g. "Fragile winner: “Buy a CDN” — …".
    pub line: String,
    /// Every reason found for this verdict, most important first.
    pub reasons: Vec<String>,
}

/// The evidence a verdict is drawn from; Monte Carlo is optional.
pub struct Evidence<'a> {
    /// The session, for titles and names.
    pub session: &'a Session,
    /// The contest.
    pub matrix: &'a DecisionMatrix,
    /// The weighted-sum recommendation.
    pub recommendation: &'a Recommendation,
    /// Weight flip points.
    pub weight_flips: &'a [WeightFlip],
    /// The TOPSIS cross-check.
    pub topsis: Option<&'a TopsisCheck>,
    /// Monte Carlo, when it was run.
    pub smaa: Option<&'a SmaaResult>,
}

/// Weighs the evidence into a verdict: how clear the leader is, and why.
pub fn weigh_evidence(e: &Evidence<'_>) -> Verdict {
    let title = |id: &OptionId| e.session.option_title(id).to_owned();
    let quoted = |id: &OptionId| format!("“{}”", title(id));
    let order = e.matrix.order();
    let leader = order.first().map(|&i| e.matrix.option_ids[i].clone());
    // A simulation that varied nothing repeats the ranking: its "wins 100 %" is no evidence.
    let varied = e
        .smaa
        .filter(|r| !super::variation::nothing_to_vary(e.session, &r.config.weights));
    let p_best = |id: &OptionId| varied.and_then(|r| r.of(id)).map(|a| a.p_best);
    let make = |kind: VerdictKind, option: Option<OptionId>, reasons: Vec<String>| {
        let line = match reasons.first() {
            Some(first) => format!("{}: {first}", kind.label()),
            None => kind.label().to_owned(),
        };
        Verdict {
            kind,
            option,
            line,
            reasons,
        }
    };

    if let Recommendation::Kill { reason } = e.recommendation {
        let mut first = e
            .recommendation
            .plain(e.session)
            .trim_start_matches("Kill: ")
            .to_owned();
        let (option, tied) = match reason {
            KillReason::StoppingOptionRanksFirst {
                option, tied_with, ..
            } => (Some(option.clone()), !tied_with.is_empty()),
            _ => (None, false),
        };
        if let Some((id, p)) = option.as_ref().and_then(|id| Some((id, p_best(id)?))) {
            if tied {
                first.push_str(&format!("; {} wins {} of samples", quoted(id), percent(p)));
            } else {
                first.push_str(&format!(" and wins {} of samples", percent(p)));
            }
        }
        return make(VerdictKind::Kill, option, vec![first]);
    }
    if let Recommendation::NothingRanked = e.recommendation {
        return make(
            VerdictKind::NoClearWinner,
            None,
            vec!["nothing can be ranked until a criterion has a weight above 0".to_owned()],
        );
    }
    let Some(leader) = leader else {
        return make(
            VerdictKind::Kill,
            None,
            vec!["no option is both fully scored and free of vetoes".to_owned()],
        );
    };

    let mut unclear = Vec::new();
    if e.matrix.top_is_tied() {
        let second = e.matrix.option_ids[order[1]].clone();
        unclear.push(format!(
            "{} and {} tie at the top",
            quoted(&leader),
            quoted(&second)
        ));
    }
    if let (Some(result), Some(p)) = (e.smaa, p_best(&leader)) {
        if p < NO_CLEAR_P_BEST {
            unclear.push(format!(
                "{} leads but wins only {} of samples",
                quoted(&leader),
                percent(p)
            ));
        }
        if let Some(rival) = result
            .options
            .iter()
            .filter(|a| a.option != leader && a.p_best > p + 1e-12)
            .max_by(|a, b| a.p_best.total_cmp(&b.p_best))
        {
            let (theirs, ours) = percent_pair(rival.p_best, p);
            unclear.push(format!(
                "{} wins more samples ({theirs}) than the leader {} ({ours})",
                quoted(&rival.option),
                quoted(&leader),
            ));
        }
    }
    if !unclear.is_empty() {
        return make(VerdictKind::NoClearWinner, Some(leader), unclear);
    }

    let mut fragile = Vec::new();
    let nearest = e
        .weight_flips
        .iter()
        .filter_map(|f| f.nearest().map(|p| (f, p)))
        .min_by(|a, b| a.1.share_change.abs().total_cmp(&b.1.share_change.abs()));
    if let Some((flip, point)) = nearest
        && point.share_change.abs() < FRAGILE_SHARE_CHANGE
    {
        let name = e.session.criterion_name(&flip.criterion);
        let verb = if point.weight_change > 0.0 {
            "raising"
        } else {
            "lowering"
        };
        fragile.push(format!(
            "{} leads, but {verb} the weight of {name} from {} to {} makes {} the leader",
            quoted(&leader),
            short(flip.weight),
            short(point.weight),
            quoted(&point.new_leader)
        ));
    }
    if let Some(p) = p_best(&leader)
        && p < CLEAR_P_BEST
    {
        fragile.push(format!(
            "{} leads but wins only {} of samples",
            quoted(&leader),
            percent(p)
        ));
    }
    if let Some(t) = e.topsis.filter(|t| !t.agrees) {
        fragile.push(format!(
            "{} leads the weighted sum, but TOPSIS prefers {}",
            quoted(&leader),
            quoted(&t.winner)
        ));
    }
    if !fragile.is_empty() {
        return make(VerdictKind::FragileWinner, Some(leader), fragile);
    }

    let mut clear = quoted(&leader);
    match p_best(&leader) {
        Some(p) => clear.push_str(&format!(" wins {} of samples", percent(p))),
        None => clear.push_str(" leads"),
    }
    clear.push_str(&format!(
        ", and no single weight moving less than {} points of its share changes that",
        short(FRAGILE_SHARE_CHANGE * 100.0)
    ));
    make(VerdictKind::ClearWinner, Some(leader), vec![clear])
}
