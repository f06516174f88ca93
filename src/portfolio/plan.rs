//! The funded set at one capacity and how it differs from today's plan.
//!
//! *Today's plan* is what the sessions decided on their own: a session whose outcome chose a
//! fundable option funds it; every other session funds nothing. A [`Plan`] lists, per
//! session, where the best portfolio disagrees ([`Change`]): work it kills (chosen but left
//! unfunded — the kill candidates), work it shrinks to a cheaper option, and work it funds
//! or grows with the room made.

use super::knapsack::{self, Selection};
use super::{Entry, Portfolio, UNITS_PER_VALUE, UNITS_PER_WEEK, capacity_units};
use serde::Serialize;

/// What a plan funds for one optimised session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Funding {
    /// Position of the session in [`Portfolio::entries`].
    #[serde(skip)]
    pub entry: usize,
    /// Position of the funded option in the entry's candidates; `None` funds nothing.
    #[serde(skip)]
    pub candidate: Option<usize>,
}

/// How a plan's choice for one session differs from today's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ChangeKind {
    /// Chosen work left unfunded: a kill candidate.
    Kill,
    /// Chosen work replaced by a cheaper option.
    Shrink,
    /// Work nobody chose, funded.
    Fund,
    /// Chosen work replaced by an option of the same or more effort.
    Switch,
}

/// One disagreement between a plan and today's plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// Position of the session in [`Portfolio::entries`].
    #[serde(skip)]
    pub entry: usize,
    /// What kind.
    pub kind: ChangeKind,
    /// Today's option (candidate position), if any.
    #[serde(skip)]
    pub from: Option<usize>,
    /// The plan's option (candidate position), if any.
    #[serde(skip)]
    pub to: Option<usize>,
    /// Person-weeks the change frees (negative when it takes more).
    pub frees_weeks: f64,
    /// Value the change gives up (negative when it gains).
    pub gives_up: f64,
}

/// The best funded set at one capacity.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The capacity asked for, person-weeks.
    pub capacity: f64,
    /// Per optimised session, in portfolio order; empty when `infeasible`.
    pub funding: Vec<Funding>,
    /// Total value funded.
    pub value: f64,
    /// Total likely effort funded, person-weeks.
    pub effort: f64,
    /// Set when the sessions that must be funded need more than the capacity.
    pub infeasible: Option<String>,
    /// Where the plan disagrees with today's plan, kills first, then shrinks, then the
    /// sessions that gain; within a kind by value given up, largest first.
    pub changes: Vec<Change>,
}

impl Plan {
    /// The funded candidate of the session at `entry`, if it is optimised and funded.
    pub fn funded(&self, entry: usize) -> Option<usize> {
        self.funding
            .iter()
            .find(|f| f.entry == entry)
            .and_then(|f| f.candidate)
    }

    /// True when the plan funds the session at `entry`.
    pub fn is_funded(&self, entry: usize) -> bool {
        self.funded(entry).is_some()
    }

    /// The kill candidates: chosen work this plan leaves unfunded.
    pub fn kill_candidates(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.kind == ChangeKind::Kill)
    }
}

/// Today's plan as a point beside the frontier.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TodayPlan {
    /// Person-weeks today's choices take.
    pub effort: f64,
    /// The value they bring.
    pub value: f64,
    /// The best value the same person-weeks could bring.
    pub best_for_same_effort: f64,
    /// Sessions whose chosen option cannot be funded (vetoed, unscored or without an
    /// effort), so today's plan counts nothing for them.
    pub not_counted: Vec<String>,
}

impl TodayPlan {
    /// How much more value, in percent, the same people could bring; `None` when today's
    /// plan brings nothing.
    pub fn gain_percent(&self) -> Option<f64> {
        (self.value > 0.0).then(|| 100.0 * (self.best_for_same_effort - self.value) / self.value)
    }
}

/// The cheapest way, in value, to fund one unfunded session.
#[derive(Clone, Debug, PartialEq)]
pub struct DropAdvice {
    /// Position of the session in [`Portfolio::entries`].
    pub entry: usize,
    /// The candidate to fund it with.
    pub candidate: usize,
    /// The value lost overall (what is dropped minus what the session brings).
    pub loss: f64,
    /// What else changes, against the plan it was asked from.
    pub changes: Vec<Change>,
}

impl Portfolio {
    fn funding_of(&self, selection: &Selection) -> Vec<Funding> {
        selection
            .picks
            .iter()
            .enumerate()
            .map(|(g, &pick)| Funding {
                entry: self.optimised[g],
                candidate: self.preferences[g][pick],
            })
            .collect()
    }

    /// Today's choice for group `g` as a candidate position.
    fn today_of_group(&self, g: usize) -> Option<usize> {
        self.entries[self.optimised[g]].today
    }

    /// The best plan within `capacity` person-weeks: a walk through the table solved once,
    /// so moving a capacity slider costs microseconds to milliseconds. Past the solved range
    /// (very large portfolios, see [`super::MAX_TABLE_CELLS`]) it solves again.
    pub fn plan(&self, capacity: f64) -> Plan {
        let units = capacity_units(capacity);
        let resolved;
        let useful = knapsack::useful_range(&self.groups);
        let solved = if units > self.solved.range_units() && useful > self.solved.range_units() {
            // Never past what the table can hold (see `MAX_TABLE_CELLS`).
            let n = self.groups.len().max(1) as u64;
            let cap = units.min(useful).min(super::MAX_TABLE_CELLS / n - 1);
            match knapsack::solve(&self.groups, cap) {
                Ok(s) => {
                    resolved = s;
                    &resolved
                }
                Err(_) => &self.solved,
            }
        } else {
            &self.solved
        };
        let Some(selection) = solved.plan_at(units) else {
            let must_effort: f64 = self
                .optimised
                .iter()
                .map(|&i| &self.entries[i])
                .filter(|e| e.standing == super::Standing::Must)
                .map(|e| {
                    e.preference()
                        .iter()
                        .flatten()
                        .map(|&c| e.candidates[c].effort)
                        .fold(f64::INFINITY, f64::min)
                })
                .sum();
            let reason = if must_effort.is_finite() {
                format!(
                    "the sessions that must be funded need at least {} person-weeks, more \
                     than the capacity of {}",
                    round1(must_effort),
                    round1(capacity)
                )
            } else {
                "a session that must be funded has no option that can be funded".to_owned()
            };
            return Plan {
                capacity,
                funding: Vec::new(),
                value: 0.0,
                effort: 0.0,
                infeasible: Some(reason),
                changes: Vec::new(),
            };
        };
        let funding = self.funding_of(&selection);
        let changes = self.changes_between(|g| self.today_of_group(g), |g| funding[g].candidate);
        Plan {
            capacity,
            value: selection.value as f64 / UNITS_PER_VALUE,
            effort: selection.effort as f64 / UNITS_PER_WEEK,
            funding,
            infeasible: None,
            changes,
        }
    }

    /// The changes from `before` to `after` (candidate per group), sorted as in
    /// [`Plan::changes`].
    fn changes_between(
        &self,
        before: impl Fn(usize) -> Option<usize>,
        after: impl Fn(usize) -> Option<usize>,
    ) -> Vec<Change> {
        let mut changes = Vec::new();
        for g in 0..self.optimised.len() {
            let (from, to) = (before(g), after(g));
            if from == to {
                continue;
            }
            let entry = self.entry_of_group_idx(g);
            let cost = |c: Option<usize>| c.map_or(0.0, |c| entry.candidates[c].effort);
            let worth = |c: Option<usize>| c.map_or(0.0, |c| entry.candidates[c].value);
            let kind = match (from, to) {
                (Some(_), None) => ChangeKind::Kill,
                (None, _) => ChangeKind::Fund,
                (Some(f), Some(t))
                    if entry.candidates[t].effort_units < entry.candidates[f].effort_units =>
                {
                    ChangeKind::Shrink
                }
                _ => ChangeKind::Switch,
            };
            changes.push(Change {
                entry: self.optimised[g],
                kind,
                from,
                to,
                frees_weeks: cost(from) - cost(to),
                gives_up: worth(from) - worth(to),
            });
        }
        changes.sort_by(|a, b| {
            a.kind
                .rank()
                .cmp(&b.kind.rank())
                .then(b.gives_up.total_cmp(&a.gives_up))
                .then(a.entry.cmp(&b.entry))
        });
        changes
    }

    fn entry_of_group_idx(&self, g: usize) -> &Entry {
        &self.entries[self.optimised[g]]
    }

    /// Today's plan: the sessions' own outcomes, as a point beside the frontier.
    pub fn today(&self) -> TodayPlan {
        let mut effort_units = 0u64;
        let mut value_units = 0i64;
        let mut not_counted = Vec::new();
        for g in 0..self.optimised.len() {
            let entry = self.entry_of_group_idx(g);
            match (entry.today, &entry.chosen) {
                (Some(c), _) => {
                    effort_units += entry.candidates[c].effort_units;
                    value_units = value_units.saturating_add(entry.candidates[c].value_units);
                }
                (None, Some(_)) => not_counted.push(entry.title.clone()),
                (None, None) => {}
            }
        }
        let best = self
            .solved
            .value_at(effort_units)
            .unwrap_or(value_units)
            .max(value_units);
        TodayPlan {
            effort: effort_units as f64 / UNITS_PER_WEEK,
            value: value_units as f64 / UNITS_PER_VALUE,
            best_for_same_effort: best as f64 / UNITS_PER_VALUE,
            not_counted,
        }
    }

    /// For a session `plan` leaves unfunded, the smallest loss of value among the changes
    /// that fund it: each of its options is tried with the rest re-optimised in the
    /// capacity left. `None` when it is funded already, not optimised, or cannot fit.
    pub fn what_to_drop(&self, plan: &Plan, entry: usize) -> Option<DropAdvice> {
        let g = self.optimised.iter().position(|&i| i == entry)?;
        if plan.infeasible.is_some() || plan.funding[g].candidate.is_some() {
            return None;
        }
        let capacity = capacity_units(plan.capacity);
        let mut others = self.groups.clone();
        // The session itself takes no room in the rest of the problem.
        others[g] = knapsack::Group {
            choices: vec![knapsack::Choice {
                effort: 0,
                value: 0,
            }],
        };
        let rest = knapsack::solve(&others, capacity).ok()?;
        let target = self.entries[entry].clone();
        let mut best: Option<(i64, usize)> = None;
        for (c, candidate) in target.candidates.iter().enumerate() {
            let Some(left) = capacity.checked_sub(candidate.effort_units) else {
                continue;
            };
            let Some(rest_value) = rest.value_at(left) else {
                continue;
            };
            let loss = (plan.value * UNITS_PER_VALUE).round() as i64
                - rest_value.saturating_add(candidate.value_units);
            if best.is_none_or(|(l, _)| loss < l) {
                best = Some((loss, c));
            }
        }
        let (loss, candidate) = best?;
        let left = capacity - target.candidates[candidate].effort_units;
        let selection = rest.plan_at(left)?;
        let after = self.funding_of(&selection);
        let changes = self.changes_between(
            |h| plan.funding[h].candidate,
            |h| {
                if h == g {
                    Some(candidate)
                } else {
                    after[h].candidate
                }
            },
        );
        Some(DropAdvice {
            entry,
            candidate,
            loss: loss as f64 / UNITS_PER_VALUE,
            changes: changes.into_iter().filter(|c| c.entry != entry).collect(),
        })
    }
}

impl ChangeKind {
    fn rank(self) -> u8 {
        match self {
            ChangeKind::Kill => 0,
            ChangeKind::Shrink => 1,
            ChangeKind::Switch => 2,
            ChangeKind::Fund => 3,
        }
    }
}

/// Rounds to one decimal for messages.
pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
