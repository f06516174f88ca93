//! How robust the funded set is: each session's *core index*, the share of Monte Carlo
//! draws in which the best plan funds it, and with which option.
//!
//! Each draw takes every ranged score from its triangular distribution (low / likely /
//! high, as the single-session uncertainty analysis does) and every ranged effort likewise,
//! recomputes every option's value, and solves the knapsack again at the capacity. Vetoes
//! and which options can be funded stay as they are with likely scores.
//!
//! Draw `k` uses its own ChaCha8 stream (`seed`, stream `k`), so the result depends only on
//! the seed and the number of draws, never on how many threads ran them or in what order.

use super::entry::{effort_of, effort_units, value_units, value_weights};
use super::knapsack::{self, Choice, Group};
use super::{Portfolio, capacity_units};
use crate::analysis::normalised;
use crate::analysis::raters;
use crate::analysis::uncertainty::Control;
use crate::model::{Lens, OptionId};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::sync::atomic::Ordering;

/// Settings of one run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoreConfig {
    /// Number of draws.
    pub samples: u32,
    /// The seed: the same seed gives the same numbers.
    pub seed: u64,
    /// The capacity, person-weeks.
    pub capacity: f64,
    /// Threads to use (at least 1); the result does not depend on it.
    pub threads: usize,
}

/// One session's core index.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoreIndex {
    /// Position of the session in [`Portfolio::entries`].
    #[serde(skip)]
    pub entry: usize,
    /// The session's file, from the folder.
    pub path: String,
    /// Share of draws in which it is funded, 0..1.
    pub funded: f64,
    /// Share of draws per option funded, by option id, largest first.
    pub by_option: Vec<(OptionId, f64)>,
}

/// The result of a run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoreReport {
    /// The settings used.
    pub config: CoreConfig,
    /// Draws in which the sessions that must be funded did not fit.
    pub infeasible_draws: u32,
    /// One row per optimised session, in portfolio order.
    pub sessions: Vec<CoreIndex>,
}

/// A triangular draw on `lo..hi` with mode `mode`, by the inverse distribution function.
fn triangular(rng: &mut ChaCha8Rng, lo: f64, mode: f64, hi: f64) -> f64 {
    if hi <= lo {
        return mode;
    }
    let u: f64 = rng.random();
    let cut = (mode - lo) / (hi - lo);
    if u < cut {
        lo + ((hi - lo) * (mode - lo) * u).sqrt()
    } else {
        hi - ((hi - lo) * (hi - mode) * (1.0 - u)).sqrt()
    }
}

/// One option's inputs to a draw.
struct OptionDraw {
    /// Candidate position, or `None` for a Do-nothing option that only sets the baseline.
    candidate: Option<usize>,
    is_baseline: bool,
    /// (weight, worst, likely, best) per weighted criterion, normalised.
    cells: Vec<(f64, f64, f64, f64)>,
    weight_sum: f64,
    /// (low, likely, high) effort, person-weeks.
    effort: (f64, f64, f64),
}

/// One optimised session's inputs to a draw.
struct SessionDraw {
    stakes: f64,
    options: Vec<OptionDraw>,
    preference: Vec<Option<usize>>,
    n_candidates: usize,
}

fn prepare(portfolio: &Portfolio) -> Vec<SessionDraw> {
    portfolio
        .optimised
        .iter()
        .zip(&portfolio.preferences)
        .map(|(&e, preference)| {
            let entry = &portfolio.entries[e];
            let session = raters::aggregated(&entry.session);
            let weights = value_weights(&session);
            let mut options = Vec::new();
            for (option_idx, option) in session.options.iter().enumerate() {
                let candidate = entry
                    .candidates
                    .iter()
                    .position(|c| c.option_idx == option_idx);
                let is_baseline = option.lens == Lens::DoNothing;
                if candidate.is_none() && !is_baseline {
                    continue;
                }
                let mut cells = Vec::new();
                let mut complete = true;
                for (criterion, &w) in session.criteria.iter().zip(&weights) {
                    if w <= 0.0 || !w.is_finite() {
                        continue;
                    }
                    let Some(score) = option.score(&criterion.id) else {
                        complete = false;
                        break;
                    };
                    let a = normalised(criterion, score.low_or_likely());
                    let b = normalised(criterion, score.high_or_likely());
                    let c = normalised(criterion, score.likely);
                    cells.push((w, a.min(b), c, a.max(b)));
                }
                if !complete {
                    continue;
                }
                let effort = effort_of(option).map_or((0.0, 0.0, 0.0), |e| {
                    (e.low_or_likely(), e.likely, e.high_or_likely())
                });
                let weight_sum = cells.iter().map(|c| c.0).sum();
                options.push(OptionDraw {
                    candidate,
                    is_baseline,
                    cells,
                    weight_sum,
                    effort,
                });
            }
            SessionDraw {
                stakes: entry.stakes.unwrap_or(0.0),
                options,
                preference: preference.clone(),
                n_candidates: entry.candidates.len(),
            }
        })
        .collect()
}

/// The knapsack groups of one draw.
fn draw_groups(sessions: &[SessionDraw], rng: &mut ChaCha8Rng) -> Vec<Group> {
    sessions
        .iter()
        .map(|s| {
            let mut totals = vec![0.0; s.n_candidates];
            let mut efforts = vec![0u64; s.n_candidates];
            let mut baseline: Option<f64> = None;
            for option in &s.options {
                let mut sum = 0.0;
                for &(w, lo, mode, hi) in &option.cells {
                    sum += w * triangular(rng, lo, mode, hi);
                }
                let total = if option.weight_sum > 0.0 {
                    100.0 * sum / option.weight_sum
                } else {
                    0.0
                };
                if option.is_baseline {
                    baseline = Some(baseline.map_or(total, |b| b.max(total)));
                }
                if let Some(c) = option.candidate {
                    totals[c] = total;
                    let (lo, mode, hi) = option.effort;
                    efforts[c] = effort_units(triangular(rng, lo, mode, hi));
                }
            }
            let baseline = baseline.unwrap_or(0.0);
            Group {
                choices: s
                    .preference
                    .iter()
                    .map(|pick| match pick {
                        None => Choice {
                            effort: 0,
                            value: 0,
                        },
                        Some(c) => Choice {
                            effort: efforts[*c],
                            value: value_units(s.stakes * (totals[*c] - baseline).max(0.0) / 100.0),
                        },
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Per group, how many draws funded each preference position; and infeasible draws.
struct Counts {
    picks: Vec<Vec<u32>>,
    infeasible: u32,
}

fn run_draws(
    sessions: &[SessionDraw],
    config: &CoreConfig,
    draws: impl Iterator<Item = u32>,
    control: &Control,
) -> Option<Counts> {
    let capacity = capacity_units(config.capacity);
    let mut counts = Counts {
        picks: sessions
            .iter()
            .map(|s| vec![0; s.preference.len()])
            .collect(),
        infeasible: 0,
    };
    for k in draws {
        if control.cancel.load(Ordering::Relaxed) {
            return None;
        }
        let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
        rng.set_stream(u64::from(k));
        let groups = draw_groups(sessions, &mut rng);
        match knapsack::solve(&groups, capacity)
            .ok()
            .and_then(|s| s.plan_at(capacity))
        {
            Some(selection) => {
                for (g, &pick) in selection.picks.iter().enumerate() {
                    counts.picks[g][pick] += 1;
                }
            }
            None => counts.infeasible += 1,
        }
        control.done.fetch_add(1, Ordering::Relaxed);
    }
    Some(counts)
}

/// Runs `config.samples` draws; `None` when cancelled through `control`.
pub fn core_indexes(
    portfolio: &Portfolio,
    config: &CoreConfig,
    control: &Control,
) -> Option<CoreReport> {
    let sessions = prepare(portfolio);
    let threads = config.threads.clamp(1, 8) as u32;
    let parts: Vec<Option<Counts>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let sessions = &sessions;
                scope.spawn(move || {
                    run_draws(
                        sessions,
                        config,
                        (t..config.samples).step_by(threads as usize),
                        control,
                    )
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut total = Counts {
        picks: sessions
            .iter()
            .map(|s| vec![0; s.preference.len()])
            .collect(),
        infeasible: 0,
    };
    for part in parts {
        let part = part?;
        total.infeasible += part.infeasible;
        for (sum, counts) in total.picks.iter_mut().zip(&part.picks) {
            for (s, c) in sum.iter_mut().zip(counts) {
                *s += c;
            }
        }
    }
    let n = f64::from(config.samples.max(1));
    let rows = portfolio
        .optimised
        .iter()
        .zip(&sessions)
        .zip(&total.picks)
        .map(|((&e, s), counts)| {
            let entry = &portfolio.entries[e];
            let mut by_option: Vec<(OptionId, f64)> = s
                .preference
                .iter()
                .zip(counts)
                .filter_map(|(pick, &count)| {
                    pick.filter(|_| count > 0)
                        .map(|c| (entry.candidates[c].id.clone(), f64::from(count) / n))
                })
                .collect();
            by_option.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            CoreIndex {
                entry: e,
                path: entry.path.clone(),
                funded: by_option.iter().map(|(_, share)| share).sum(),
                by_option,
            }
        })
        .collect();
    Some(CoreReport {
        config: config.clone(),
        infeasible_draws: total.infeasible,
        sessions: rows,
    })
}
