//! One session seen from the portfolio: whether it takes part, and what each of its options
//! would cost and be worth.
//!
//! An option's value is its improvement over doing nothing:
//! `stakes × max(0, T(option) − T(baseline)) / 100`, where `T` is the session's weighted
//! total (raters' scores aggregated, as the ranking does) with every criterion flagged
//! `measures_effort` left out, and the baseline is the best-scoring Do-nothing option (a
//! total of 0 when there is none). Vetoed options, unscored options and options without an
//! effort estimate cannot be funded. Do-nothing and Kill options are what funding nothing
//! means, so they are never candidates themselves (their effort, 0 unless set, is never
//! counted).

use super::{UNITS_PER_VALUE, UNITS_PER_WEEK};
use crate::analysis::{raters, total_with_weights, vetoes_of};
use crate::model::{
    CriterionId, Lens, OptionId, Outcome, PortfolioMember as Member, PortfolioSettings, Session,
};
use serde::Serialize;

/// Whether and how a session takes part in the selection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Standing {
    /// Optimised with the others.
    Open,
    /// Always funded (listed in `must`).
    Must,
    /// Left out by `exclude`.
    Excluded,
    /// Its outcome is Killed.
    Killed,
    /// It has no stakes, so its options have no value to weigh.
    NoStakes,
}

impl Standing {
    /// True when the session is part of the selection.
    pub fn is_optimised(&self) -> bool {
        matches!(self, Standing::Open | Standing::Must)
    }

    /// Why a session is left out, in words; empty when it takes part.
    pub fn reason(&self) -> &'static str {
        match self {
            Standing::Open | Standing::Must => "",
            Standing::Excluded => "excluded in portfolio.ron",
            Standing::Killed => "killed",
            Standing::NoStakes => "no stakes: set what reaching its goal is worth",
        }
    }
}

/// An option that can be funded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    /// Position in the session's options.
    pub option_idx: usize,
    /// The option's id.
    pub id: OptionId,
    /// The option's title.
    pub title: String,
    /// Likely effort, person-weeks.
    pub effort: f64,
    /// Value in the portfolio's unit, to a thousandth.
    pub value: f64,
    /// Effort in tenths of a person-week ([`UNITS_PER_WEEK`]), rounded up so a plan never
    /// exceeds the capacity.
    #[serde(skip)]
    pub effort_units: u64,
    /// Value in thousandths of the value unit ([`UNITS_PER_VALUE`]).
    #[serde(skip)]
    pub value_units: i64,
}

/// Why an option cannot be funded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Unfundable {
    /// A veto threshold disqualifies it.
    Vetoed(Vec<CriterionId>),
    /// It has no score on these weighted criteria.
    Unscored(Vec<CriterionId>),
    /// It has no effort estimate.
    NoEffort,
}

impl Unfundable {
    /// The reason in words.
    pub fn describe(&self) -> String {
        let ids = |v: &[CriterionId]| {
            v.iter()
                .map(CriterionId::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Unfundable::Vetoed(by) => format!("vetoed by {}", ids(by)),
            Unfundable::Unscored(missing) => format!("no score on {}", ids(missing)),
            Unfundable::NoEffort => "no effort estimate".to_owned(),
        }
    }
}

/// One session in the portfolio.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The file, from the folder.
    pub path: String,
    /// The session's title, or its ask when it has no title.
    pub title: String,
    /// Whether it takes part.
    pub standing: Standing,
    /// The options that can be funded, in document order.
    pub candidates: Vec<Candidate>,
    /// The options that cannot, with the reason.
    pub unfundable: Vec<(OptionId, Unfundable)>,
    /// The option the session itself chose, when it chose one.
    pub chosen: Option<OptionId>,
    /// Today's plan for this session: the position in `candidates` of its chosen option
    /// when that option can be funded.
    pub today: Option<usize>,
    /// The session's stakes.
    pub stakes: Option<f64>,
    /// The session, for the columns a view shows.
    pub session: Session,
}

/// The weights of `session` with every effort criterion set to 0.
pub fn value_weights(session: &Session) -> Vec<f64> {
    session
        .criteria
        .iter()
        .map(|c| if c.measures_effort { 0.0 } else { c.weight })
        .collect()
}

/// Effort in whole units, rounded up (with a hair of tolerance for binary fractions).
pub fn effort_units(weeks: f64) -> u64 {
    let units = (weeks * UNITS_PER_WEEK - 1e-9).ceil();
    if units <= 0.0 { 0 } else { units as u64 }
}

/// Capacity in whole units, rounded down.
pub fn capacity_units(weeks: f64) -> u64 {
    let units = (weeks * UNITS_PER_WEEK + 1e-9).floor();
    if units <= 0.0 || !units.is_finite() {
        0
    } else {
        units as u64
    }
}

/// Value in whole units, to the nearest.
pub fn value_units(value: f64) -> i64 {
    (value * UNITS_PER_VALUE).round() as i64
}

/// The effort an option takes, person-weeks: its own, or 0 for Do-nothing and Kill.
pub fn effort_of(option: &crate::model::SolutionOption) -> Option<crate::model::Effort> {
    match (&option.effort, option.lens.means_stopping()) {
        (Some(effort), _) => Some(effort.clone()),
        (None, true) => Some(crate::model::Effort::weeks(0.0)),
        (None, false) => None,
    }
}

/// The session's title as shown: its title, or its ask.
pub fn display_title(session: &Session) -> String {
    if session.title.trim().is_empty() {
        session.directive.ask.clone()
    } else {
        session.title.clone()
    }
}

impl Entry {
    /// Reads one member under `settings`.
    pub fn new(member: &Member, settings: &PortfolioSettings) -> Self {
        let session = raters::aggregated(&member.session);
        let standing = if settings.is_excluded(&member.path) {
            Standing::Excluded
        } else if matches!(session.outcome, Outcome::Killed { .. }) {
            Standing::Killed
        } else if settings.is_must(&member.path) {
            Standing::Must
        } else if session.stakes.is_none() {
            Standing::NoStakes
        } else {
            Standing::Open
        };
        let weights = value_weights(&session);
        let totals: Vec<Result<f64, Vec<CriterionId>>> = session
            .options
            .iter()
            .map(|o| total_with_weights(&session.criteria, &weights, o, |s| s.likely))
            .collect();
        let baseline = session
            .options
            .iter()
            .zip(&totals)
            .filter(|(o, _)| o.lens == Lens::DoNothing)
            .filter_map(|(_, t)| t.as_ref().ok().copied())
            .fold(None, |best: Option<f64>, t| {
                Some(best.map_or(t, |b| b.max(t)))
            })
            .unwrap_or(0.0);
        let stakes = session.stakes.unwrap_or(0.0);
        let mut candidates = Vec::new();
        let mut unfundable = Vec::new();
        for (option_idx, (option, total)) in session.options.iter().zip(&totals).enumerate() {
            // Funding nothing is the Do-nothing or Kill answer: those options set the
            // baseline and are never funded work.
            if option.lens.means_stopping() {
                continue;
            }
            let vetoed_by = vetoes_of(&session, option);
            let reason = match (total, effort_of(option)) {
                (Err(missing), _) => Err(Unfundable::Unscored(missing.clone())),
                _ if !vetoed_by.is_empty() => Err(Unfundable::Vetoed(vetoed_by)),
                (Ok(_), None) => Err(Unfundable::NoEffort),
                (Ok(t), Some(effort)) => Ok((t, effort)),
            };
            match reason {
                Err(why) => unfundable.push((option.id.clone(), why)),
                Ok((t, effort)) => {
                    // Reported as counted, so a plan's values add up to its total exactly.
                    let units = value_units(stakes * (t - baseline).max(0.0) / 100.0);
                    candidates.push(Candidate {
                        option_idx,
                        id: option.id.clone(),
                        title: option.title.clone(),
                        effort: effort.likely,
                        value: units as f64 / UNITS_PER_VALUE,
                        effort_units: effort_units(effort.likely),
                        value_units: units,
                    });
                }
            }
        }
        let chosen = match &session.outcome {
            Outcome::Chosen { option, .. } => Some(option.clone()),
            _ => None,
        };
        let today = chosen
            .as_ref()
            .and_then(|id| candidates.iter().position(|c| &c.id == id));
        Self {
            path: member.path.clone(),
            title: display_title(&session),
            standing,
            candidates,
            unfundable,
            chosen,
            today,
            stakes: session.stakes,
            session: member.session.clone(),
        }
    }

    /// The candidates a plan may pick for this session, most preferred first, as positions
    /// in `candidates` (`None` for funding nothing): today's plan first, then nothing (not
    /// for a must), then the rest by effort, then document order.
    pub fn preference(&self) -> Vec<Option<usize>> {
        let must = self.standing == Standing::Must;
        let mut order = Vec::with_capacity(self.candidates.len() + 1);
        if must && let Some(today) = self.today {
            return vec![Some(today)];
        }
        if let Some(today) = self.today {
            order.push(Some(today));
        }
        if !must {
            order.push(None);
        }
        let mut rest: Vec<usize> = (0..self.candidates.len())
            .filter(|&i| Some(i) != self.today)
            .collect();
        rest.sort_by(|&a, &b| {
            self.candidates[a]
                .effort_units
                .cmp(&self.candidates[b].effort_units)
                .then(a.cmp(&b))
        });
        order.extend(rest.into_iter().map(Some));
        order
    }

    /// The candidate with this id.
    pub fn candidate(&self, id: &OptionId) -> Option<&Candidate> {
        self.candidates.iter().find(|c| &c.id == id)
    }

    /// The outcome in a few words, e.g. `Chosen: Multi-CDN trial`.
    pub fn status(&self) -> String {
        match &self.session.outcome {
            Outcome::Chosen { option, .. } => {
                let title = self
                    .session
                    .option(option)
                    .map_or(option.as_str(), |o| o.title.as_str());
                format!("Chosen: {title}")
            }
            Outcome::Deferred { until, .. } => format!("Deferred to {until}"),
            other => other.label().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Effort, SolutionOption};

    fn member() -> Member {
        let mut s = Session::new("make checkout faster");
        s.stakes = Some(200.0);
        s.criteria[1].measures_effort = true;
        let mut cache = SolutionOption::new("cache", "Cache", Lens::ReArchitect)
            .with_score("impact", 4.0)
            .with_score("cost", 5.0)
            .with_score("trust-risk", 1.0);
        cache.effort = Some(Effort::weeks(3.0));
        s.options.push(cache);
        s.options.push(
            SolutionOption::new("nothing", "Nothing", Lens::DoNothing)
                .with_score("impact", 1.0)
                .with_score("cost", 1.0)
                .with_score("trust-risk", 3.0),
        );
        s.options.push(
            SolutionOption::new("guess", "Guess", Lens::Buy)
                .with_score("impact", 5.0)
                .with_score("cost", 1.0)
                .with_score("trust-risk", 1.0),
        );
        Member {
            path: "checkout.ron".into(),
            session: s,
        }
    }

    #[test]
    fn value_is_stakes_times_the_gain_over_doing_nothing_without_effort_criteria() {
        let entry = Entry::new(&member(), &PortfolioSettings::default());
        // Impact 50 %, trust risk 25 %, cost left out: T(cache) = (50·0.75 + 25·1)/75 = 83.33,
        // T(nothing) = (50·0 + 25·0.5)/75 = 16.67, value = 200 × 66.67 / 100 = 133.33.
        let cache = entry.candidate(&OptionId::new("cache")).unwrap();
        assert_eq!(cache.value, 133.333);
        assert_eq!(cache.effort_units, 30);
        assert!(entry.candidate(&OptionId::new("nothing")).is_none());
        assert_eq!(
            entry.unfundable,
            [(OptionId::new("guess"), Unfundable::NoEffort)]
        );
    }

    #[test]
    fn efforts_round_up_and_capacities_round_down_to_tenths() {
        assert_eq!(effort_units(1.1), 11);
        assert_eq!(effort_units(0.15), 2);
        assert_eq!(effort_units(0.0), 0);
        assert_eq!(capacity_units(0.3), 3);
        assert_eq!(capacity_units(2.99), 29);
        assert_eq!(capacity_units(-1.0), 0);
    }
}
