//! One entry point for everything that says how robust the winner is.
//!
//! [`analyze`] runs the cheap analyses (flip points, TOPSIS, dominance) and, when the
//! config asks for it, Monte Carlo, then draws the verdict. [`quick`] skips Monte Carlo and
//! is cheap enough to call every frame. When the session has raters, every analysis runs
//! on the aggregated scores (see [`super::raters::aggregated`]).

use super::dominance::{Dominated, dominated};
use super::flip_points::{ScoreFlip, WeightFlip, score_flips, weight_flips};
use super::matrix::{DecisionMatrix, Excluded};
use super::raters::{RaterSummary, aggregated, rater_summary};
use super::recommendation::recommend;
use super::topsis::{TopsisCheck, topsis};
use super::uncertainty::{Control, SmaaConfig, SmaaResult, smaa_with_control};
use super::verdict::{Evidence, Verdict, weigh_evidence};
use crate::model::{CriterionId, OptionId, Session};
use serde::Serialize;

/// What to run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RobustnessConfig {
    /// Monte Carlo settings, or `None` to skip it.
    pub monte_carlo: Option<SmaaConfig>,
}

impl Default for RobustnessConfig {
    /// Monte Carlo with 10,000 samples, seed 1, the session's weights.
    fn default() -> Self {
        Self {
            monte_carlo: Some(SmaaConfig::default()),
        }
    }
}

/// A contesting option's weighted total.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContestTotal {
    /// The option.
    pub option: OptionId,
    /// Its total, 0..100.
    pub total: f64,
    /// Its rank in the ranking of every option (shared on ties, vetoed options counted).
    pub rank: usize,
}

/// Everything known about how robust the winner is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RobustnessReport {
    /// The verdict in one line, with reasons.
    pub verdict: Verdict,
    /// The recommendation in one sentence.
    pub recommendation: String,
    /// The contesting options by weighted total, best first.
    pub totals: Vec<ContestTotal>,
    /// The leader of the contest.
    pub leader: Option<OptionId>,
    /// The second in the contest.
    pub runner_up: Option<OptionId>,
    /// Options left out of the contest, with the reason.
    pub excluded: Vec<Excluded>,
    /// Criteria with weight 0: left out of every analysis (their vetoes still apply).
    pub criteria_left_out: Vec<CriterionId>,
    /// Weight flip points, in criterion order.
    pub weight_flips: Vec<WeightFlip>,
    /// Single-score changes after which the leader is no longer first, smallest first.
    pub score_flips: Vec<ScoreFlip>,
    /// TOPSIS beside the weighted sum.
    pub topsis: Option<TopsisCheck>,
    /// Dominated options.
    pub dominated: Vec<Dominated>,
    /// Monte Carlo results, when run.
    pub monte_carlo: Option<SmaaResult>,
    /// Raters' agreement, when the session has raters.
    pub raters: Option<RaterSummary>,
}

/// The full report for `session`.
///
/// # Example
/// ```
/// use verdict::analysis::robustness::{RobustnessConfig, analyze};
/// use verdict::model::{Lens, Session, SolutionOption};
/// let mut s = Session::new("make checkout faster");
/// s.options.push(SolutionOption::new("cdn", "Buy a CDN", Lens::Buy)
///     .with_score("impact", 4.0).with_score("cost", 2.0).with_score("trust-risk", 2.0));
/// s.options.push(SolutionOption::new("rewrite", "Rewrite", Lens::ReArchitect)
///     .with_score("impact", 5.0).with_score("cost", 5.0).with_score("trust-risk", 4.0));
/// let report = analyze(&s, &RobustnessConfig::default());
/// assert_eq!(report.leader.as_ref().map(|id| id.as_str()), Some("cdn"));
/// ```
pub fn analyze(session: &Session, config: &RobustnessConfig) -> RobustnessReport {
    // A fresh control is never cancelled.
    analyze_with_control(session, config, &Control::default()).unwrap_or_else(|| quick(session))
}

/// The verdict of this session: the report every surface shows unless the user picked other
/// settings — `verdict analyze` without options, the window's Robustness view as it opens,
/// and every export. Monte Carlo runs with [`RobustnessConfig::default`] (10,000 samples,
/// seed 1, the session's weights), so the record a reader gets matches what the room saw.
pub fn standard(session: &Session) -> RobustnessReport {
    analyze(session, &RobustnessConfig::default())
}

/// Everything but Monte Carlo: cheap enough for every frame.
pub fn quick(session: &Session) -> RobustnessReport {
    let config = RobustnessConfig { monte_carlo: None };
    // Without Monte Carlo nothing can be cancelled.
    analyze_with_control(session, &config, &Control::default())
        .unwrap_or_else(|| unreachable!("an analysis without Monte Carlo has nothing to cancel"))
}

/// [`analyze`] with progress and cancellation; `None` when cancelled.
pub fn analyze_with_control(
    session: &Session,
    config: &RobustnessConfig,
    control: &Control,
) -> Option<RobustnessReport> {
    let raters = rater_summary(session);
    let session = aggregated(session);
    let session = session.as_ref();
    let matrix = DecisionMatrix::from_session(session);
    let recommendation = recommend(session);
    let weight_flips = weight_flips(&matrix);
    let topsis = topsis(session, &matrix);
    let monte_carlo = match &config.monte_carlo {
        Some(smaa) if matrix.n_options() > 0 => Some(smaa_with_control(&matrix, smaa, control)?),
        _ => None,
    };
    let verdict = weigh_evidence(&Evidence {
        session,
        matrix: &matrix,
        recommendation: &recommendation,
        weight_flips: &weight_flips,
        topsis: topsis.as_ref(),
        smaa: monte_carlo.as_ref(),
    });
    let totals = matrix.totals();
    let order = matrix.order();
    let id = |pos: usize| order.get(pos).map(|&i| matrix.option_ids[i].clone());
    Some(RobustnessReport {
        verdict,
        recommendation: recommendation.plain(session),
        totals: order
            .iter()
            .map(|&i| ContestTotal {
                option: matrix.option_ids[i].clone(),
                total: totals[i],
                rank: matrix.ranks[i],
            })
            .collect(),
        leader: id(0),
        runner_up: id(1),
        excluded: matrix.excluded.clone(),
        criteria_left_out: matrix.criteria_left_out.clone(),
        score_flips: score_flips(session, &matrix),
        weight_flips,
        topsis,
        dominated: dominated(&matrix),
        monte_carlo,
        raters,
    })
}
