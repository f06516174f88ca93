//! A folder of sessions seen as one portfolio: which work to fund with the people there
//! are, and which to kill or shrink to make room.
//!
//! Pure functions of the sessions and `portfolio.ron` ([`crate::model::PortfolioSettings`]);
//! reading the folder is [`crate::store::load_portfolio`]'s job. The model and the worked
//! example are in `docs/PORTFOLIO.md`.
//!
//! - [`Entry`]: one session — whether it takes part and its fundable options' value and
//!   effort;
//! - [`knapsack`]: the exact multiple-choice knapsack and its tie-break;
//! - [`Portfolio`]: the sessions in a fixed order, solved once for every capacity, so
//!   [`Portfolio::plan`] at a new capacity is a lookup;
//! - [`Plan`]: the funded set at one capacity, compared with today's plan (kill and shrink
//!   candidates), and [`Portfolio::what_to_drop`];
//! - [`core_index`]: how often each session is funded when scores and efforts vary.

pub mod core_index;
mod entry;
pub mod knapsack;
mod plan;
mod report;

pub use entry::{
    Candidate, Entry, Standing, Unfundable, capacity_units, display_title, effort_of, effort_units,
    value_units, value_weights,
};
pub use plan::{Change, ChangeKind, DropAdvice, Funding, Plan, TodayPlan};
pub use report::{
    CoreSummary, DROP_ADVICE_LIMIT, DropRow, FrontierPoint, KillRow, OptionRef, PortfolioReport,
    ProblemRow, SessionRow, TodayRow,
};

pub use crate::model::PortfolioMember as Member;
use crate::model::PortfolioSettings;
use knapsack::{Choice, Group, KnapsackError, Solved};

/// Efforts are counted in tenths of a person-week (rounded up): units per person-week.
/// Conversions back divide by it, so 120 units read as exactly 12 weeks.
pub const UNITS_PER_WEEK: f64 = 10.0;
/// Values are counted in thousandths of the value unit, so sums are exact.
pub const UNITS_PER_VALUE: f64 = 1000.0;
/// The choice table may hold at most this many cells (one byte each, so 128 MB); past it
/// the frontier stops at the capacity instead of at the total effort.
pub const MAX_TABLE_CELLS: u64 = 128_000_000;

/// The sessions of a folder, solved for every capacity up to their total effort.
#[derive(Clone, Debug)]
pub struct Portfolio {
    /// The settings (defaults when the folder has no `portfolio.ron`).
    pub settings: PortfolioSettings,
    /// Every session, in the portfolio's order: by title, then ask, then path.
    pub entries: Vec<Entry>,
    /// Positions in `entries` of the sessions taking part, in order; one knapsack group each.
    pub optimised: Vec<usize>,
    /// Per group, the preference list (positions in the entry's candidates, `None` = nothing).
    preferences: Vec<Vec<Option<usize>>>,
    groups: Vec<Group>,
    solved: Solved,
}

/// Why a portfolio could not be solved.
pub type PortfolioError = KnapsackError;

/// The knapsack group of `entry`: its preference list as choices.
fn group_of(entry: &Entry, preference: &[Option<usize>]) -> Group {
    Group {
        choices: preference
            .iter()
            .map(|pick| match pick {
                None => Choice {
                    effort: 0,
                    value: 0,
                },
                Some(i) => Choice {
                    effort: entry.candidates[*i].effort_units,
                    value: entry.candidates[*i].value_units,
                },
            })
            .collect(),
    }
}

impl Portfolio {
    /// Reads every member under `settings` and solves for every capacity from 0 to the
    /// total effort of the sessions taking part (and at least to the capacity set).
    ///
    /// # Errors
    /// When a session keeps more than 254 options that each beat the others on effort or
    /// value (see [`knapsack::solve`]).
    pub fn new(settings: PortfolioSettings, members: &[Member]) -> Result<Self, PortfolioError> {
        let mut entries: Vec<Entry> = members.iter().map(|m| Entry::new(m, &settings)).collect();
        entries.sort_by(|a, b| {
            (&a.title, &a.session.directive.ask, &a.path).cmp(&(
                &b.title,
                &b.session.directive.ask,
                &b.path,
            ))
        });
        let optimised: Vec<usize> = (0..entries.len())
            .filter(|&i| entries[i].standing.is_optimised())
            .collect();
        let preferences: Vec<Vec<Option<usize>>> =
            optimised.iter().map(|&i| entries[i].preference()).collect();
        let groups: Vec<Group> = optimised
            .iter()
            .zip(&preferences)
            .map(|(&i, p)| group_of(&entries[i], p))
            .collect();
        let capacity = settings.capacity.map_or(0, capacity_units);
        let mut range = knapsack::useful_range(&groups).max(capacity);
        let n = groups.len().max(1) as u64;
        if n.saturating_mul(range + 1) > MAX_TABLE_CELLS {
            range = capacity.min(MAX_TABLE_CELLS / n - 1);
        }
        let solved = knapsack::solve(&groups, range)?;
        Ok(Self {
            settings,
            entries,
            optimised,
            preferences,
            groups,
            solved,
        })
    }

    /// The capacity set in `portfolio.ron`, person-weeks.
    pub fn capacity(&self) -> Option<f64> {
        self.settings.capacity
    }

    /// The largest capacity, person-weeks, the frontier covers.
    pub fn range_weeks(&self) -> f64 {
        self.solved.range_units() as f64 / UNITS_PER_WEEK
    }

    /// The total effort, person-weeks, of every optimised session's costliest useful option.
    pub fn total_effort(&self) -> f64 {
        knapsack::useful_range(&self.groups) as f64 / UNITS_PER_WEEK
    }

    /// The best value at every capacity where it rises, as (person-weeks, value).
    pub fn frontier(&self) -> Vec<(f64, f64)> {
        self.solved
            .frontier()
            .iter()
            .map(|s| {
                (
                    s.effort as f64 / UNITS_PER_WEEK,
                    s.value as f64 / UNITS_PER_VALUE,
                )
            })
            .collect()
    }

    /// The best value within `capacity` person-weeks; `None` when the musts do not fit.
    pub fn best_value(&self, capacity: f64) -> Option<f64> {
        self.solved
            .value_at(capacity_units(capacity))
            .map(|v| v as f64 / UNITS_PER_VALUE)
    }
}
