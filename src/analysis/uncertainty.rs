//! Uncertainty by Monte Carlo (SMAA-2): how often each option wins when scores and weights
//! are not known exactly.
//!
//! Each sample draws every ranged score from a triangular distribution (low / likely / high;
//! a point score stays fixed) and, depending on [`WeightMode`], the weights; then it ranks
//! the contest. Options tied in a sample share the places they occupy evenly, so every row
//! and every column of the rank-acceptability table sums to 1 and P(best) sums to 1.
//!
//! The samples are split into two lanes with independent ChaCha8 streams of the same seed,
//! run on up to two threads and summed in lane order: the numbers depend only on the seed
//! and the sample count, never on the thread count or timing.

use super::matrix::DecisionMatrix;
use crate::model::{CriterionId, OptionId};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// The number of samples when none is given.
pub const DEFAULT_SAMPLES: u32 = 10_000;
/// Independent random streams; fixed so results never depend on the machine.
const LANES: usize = 2;
/// Samples between progress updates and cancel checks.
const CHECK_EVERY: u32 = 256;
/// Ties on the 0..1 total scale, the same as [`super::TIE_EPSILON`] on 0..100.
const UNIT_TIE: f64 = super::TIE_EPSILON / 100.0;

/// How weights vary between samples.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum WeightMode {
    /// The session's weights in every sample: only the scores vary.
    Fixed,
    /// Each weight drawn uniformly within ± this percentage of its set value.
    Jitter {
        /// Percentage, 0..100.
        percent: f64,
    },
    /// Weights drawn uniformly from the simplex: no preference assumed at all.
    Simplex,
}

/// Settings of one Monte Carlo run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SmaaConfig {
    /// How many samples.
    pub samples: u32,
    /// The seed: the same seed gives the same numbers.
    pub seed: u64,
    /// How weights vary.
    pub weights: WeightMode,
    /// Threads to use, 1 or 2; the result does not depend on it.
    pub threads: usize,
}

impl Default for SmaaConfig {
    fn default() -> Self {
        Self {
            samples: DEFAULT_SAMPLES,
            seed: 1,
            weights: WeightMode::Fixed,
            threads: 2,
        }
    }
}

/// Progress and cancellation shared with whoever waits for a run.
#[derive(Debug, Default)]
pub struct Control {
    /// Samples finished so far.
    pub done: AtomicU32,
    /// Set to stop the run early.
    pub cancel: AtomicBool,
}

/// One option's share of the samples.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Acceptability {
    /// The option.
    pub option: OptionId,
    /// P(rank = 1).
    pub p_best: f64,
    /// P(rank = k + 1) for k = 0 .. number of contesting options.
    pub rank_acceptability: Vec<f64>,
    /// The mean weights (summing to 1, in criterion order) over the samples it won;
    /// `None` when it never won.
    pub central_weights: Option<Vec<f64>>,
}

/// The result of a Monte Carlo run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SmaaResult {
    /// The settings used.
    pub config: SmaaConfig,
    /// The criteria, in the order of `central_weights`.
    pub criteria: Vec<CriterionId>,
    /// One row per contesting option, in document order.
    pub options: Vec<Acceptability>,
}

impl SmaaResult {
    /// The row of `option`, if it contests.
    pub fn of(&self, option: &OptionId) -> Option<&Acceptability> {
        self.options.iter().find(|a| &a.option == option)
    }
}

/// A ranged cell, sampled from the triangular distribution low / likely / high.
///
/// Sampling uses the min–max construction (Stein & Keblis, 2009): with `U`, `V` uniform,
/// `a + (b − c)·min(U, V) + (c − a)·max(U, V)` is triangular on `a..b` with mode `c`. It
/// needs no square root and no branch, which makes it several times faster than the
/// inverse CDF on large matrices.
struct Triangle {
    cell: usize,
    a: f64,
    k_min: f64,
    k_max: f64,
}

impl Triangle {
    fn new(cell: usize, a: f64, c: f64, b: f64) -> Self {
        Self {
            cell,
            a,
            k_min: b - c,
            k_max: c - a,
        }
    }

    /// One draw from two uniform numbers.
    #[inline]
    fn sample(&self, u: f64, v: f64) -> f64 {
        self.a + self.k_min * u.min(v) + self.k_max * u.max(v)
    }
}

/// Four uniform numbers in (0, 1) from the quarters of one random word.
///
/// Sixteen bits each: a resolution of 1/65,536 of a score's range, far finer than the noise
/// of any Monte Carlo run, for a quarter of the random bits. The random stream is the cost
/// that dominates large matrices.
#[inline]
fn four_uniforms(word: u64) -> [f64; 4] {
    const SCALE: f64 = 1.0 / 65_536.0;
    std::array::from_fn(|k| (f64::from((word >> (16 * k)) as u16) + 0.5) * SCALE)
}

/// One uniform number in [0, 1) with 53 random bits.
#[inline]
fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// The random stream of one lane.
fn lane_rng(seed: u64, lane: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(lane);
    rng
}

/// Sums over one lane's samples.
struct Tally {
    /// `option * m + rank_position`.
    ranks: Vec<f64>,
    /// `option * n + criterion`: weights summed over wins.
    win_weights: Vec<f64>,
    wins: Vec<f64>,
}

/// Runs SMAA-2 on `matrix` to completion.
pub fn smaa(matrix: &DecisionMatrix, config: &SmaaConfig) -> SmaaResult {
    // A fresh control is never cancelled, so the run always completes.
    smaa_with_control(matrix, config, &Control::default()).unwrap_or_else(|| SmaaResult {
        config: config.clone(),
        criteria: Vec::new(),
        options: Vec::new(),
    })
}

/// Runs SMAA-2, reporting progress in `control.done`; `None` when `control.cancel` was set.
pub fn smaa_with_control(
    matrix: &DecisionMatrix,
    config: &SmaaConfig,
    control: &Control,
) -> Option<SmaaResult> {
    let (m, n) = (matrix.n_options(), matrix.n_criteria());
    let samples = config.samples.max(1);
    let triangles: Vec<Triangle> = (0..m * n)
        .filter(|&cell| matrix.best[cell] > matrix.worst[cell])
        .map(|cell| {
            Triangle::new(
                cell,
                matrix.worst[cell],
                matrix.likely[cell],
                matrix.best[cell],
            )
        })
        .collect();
    let lane_sizes: Vec<u32> = (0..LANES as u32)
        .map(|k| samples * (k + 1) / LANES as u32 - samples * k / LANES as u32)
        .collect();
    let run_lane = |k: usize| run_lane(matrix, config, &triangles, k, lane_sizes[k], control);
    let tallies: Vec<Option<Tally>> = if config.threads >= 2 && m > 0 {
        std::thread::scope(|scope| {
            let second = scope.spawn(|| run_lane(1));
            let first = run_lane(0);
            // A panic in the lane is a bug; surface it rather than report partial numbers.
            let second = second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            vec![first, second]
        })
    } else {
        (0..LANES).map(run_lane).collect()
    };
    let mut total = Tally {
        ranks: vec![0.0; m * m],
        win_weights: vec![0.0; m * n],
        wins: vec![0.0; m],
    };
    for tally in tallies {
        let tally = tally?;
        for (t, x) in total.ranks.iter_mut().zip(&tally.ranks) {
            *t += x;
        }
        for (t, x) in total.win_weights.iter_mut().zip(&tally.win_weights) {
            *t += x;
        }
        for (t, x) in total.wins.iter_mut().zip(&tally.wins) {
            *t += x;
        }
    }
    let per = 1.0 / f64::from(samples);
    let options = (0..m)
        .map(|i| {
            let wins = total.wins[i];
            Acceptability {
                option: matrix.option_ids[i].clone(),
                p_best: wins * per,
                rank_acceptability: total.ranks[i * m..(i + 1) * m]
                    .iter()
                    .map(|c| c * per)
                    .collect(),
                central_weights: (wins > 0.0).then(|| {
                    total.win_weights[i * n..(i + 1) * n]
                        .iter()
                        .map(|w| w / wins)
                        .collect()
                }),
            }
        })
        .collect();
    Some(SmaaResult {
        config: SmaaConfig {
            samples,
            ..config.clone()
        },
        criteria: matrix.criterion_ids.clone(),
        options,
    })
}

fn run_lane(
    matrix: &DecisionMatrix,
    config: &SmaaConfig,
    triangles: &[Triangle],
    lane: usize,
    samples: u32,
    control: &Control,
) -> Option<Tally> {
    let (m, n) = (matrix.n_options(), matrix.n_criteria());
    let mut tally = Tally {
        ranks: vec![0.0; m * m],
        win_weights: vec![0.0; m * n],
        wins: vec![0.0; m],
    };
    let mut rng = lane_rng(config.seed, lane as u64);
    let mut values = matrix.likely.clone();
    let mut weights = vec![0.0; n];
    let mut totals = vec![0.0; m];
    let mut order: Vec<usize> = (0..m).collect();
    let jitter = match config.weights {
        WeightMode::Jitter { percent } => (percent / 100.0).clamp(0.0, 1.0),
        _ => 0.0,
    };
    for sample in 0..samples {
        if sample % CHECK_EVERY == CHECK_EVERY - 1 {
            control.done.fetch_add(CHECK_EVERY, Ordering::Relaxed);
            if control.cancel.load(Ordering::Relaxed) {
                return None;
            }
        }
        for pair in triangles.chunks(2) {
            let q = four_uniforms(rng.next_u64());
            values[pair[0].cell] = pair[0].sample(q[0], q[1]);
            if let Some(t) = pair.get(1) {
                values[t.cell] = t.sample(q[2], q[3]);
            }
        }
        match config.weights {
            WeightMode::Fixed => weights.copy_from_slice(&matrix.weights),
            WeightMode::Jitter { .. } => {
                for (w, &set) in weights.iter_mut().zip(&matrix.weights) {
                    *w = set * (1.0 + jitter * (2.0 * uniform(&mut rng) - 1.0));
                }
            }
            WeightMode::Simplex => {
                for w in weights.iter_mut() {
                    *w = -(1.0 - uniform(&mut rng)).ln();
                }
            }
        }
        let sum: f64 = weights.iter().filter(|w| **w > 0.0).sum();
        let scale = if sum > 0.0 { 1.0 / sum } else { 0.0 };
        for w in weights.iter_mut() {
            *w = if *w > 0.0 { *w * scale } else { 0.0 };
        }
        for (i, t) in totals.iter_mut().enumerate() {
            let row = &values[i * n..(i + 1) * n];
            *t = row.iter().zip(&weights).map(|(v, w)| v * w).sum();
        }
        sort_best_first(&mut order, &totals);
        let mut pos = 0;
        while pos < m {
            let head = totals[order[pos]];
            let mut end = pos + 1;
            while end < m && head - totals[order[end]] <= UNIT_TIE {
                end += 1;
            }
            let share = 1.0 / (end - pos) as f64;
            for &i in &order[pos..end] {
                for r in pos..end {
                    tally.ranks[i * m + r] += share;
                }
                if pos == 0 {
                    tally.wins[i] += share;
                    for (acc, w) in tally.win_weights[i * n..(i + 1) * n]
                        .iter_mut()
                        .zip(&weights)
                    {
                        *acc += share * w;
                    }
                }
            }
            pos = end;
        }
    }
    control
        .done
        .fetch_add(samples % CHECK_EVERY, Ordering::Relaxed);
    Some(tally)
}

/// Sorts `order` by total, best first, ties by index. Starts from the previous sample's
/// order, which is usually almost right, with an insertion sort; falls back to a full sort
/// when too much moves. `(total, index)` is a strict order, so the result never depends on
/// the starting order.
fn sort_best_first(order: &mut [usize], totals: &[f64]) {
    let before = |a: usize, b: usize| totals[a] > totals[b] || (totals[a] == totals[b] && a < b);
    let budget = 8 * order.len();
    let mut moves = 0;
    for pos in 1..order.len() {
        let current = order[pos];
        let mut hole = pos;
        while hole > 0 && before(current, order[hole - 1]) {
            order[hole] = order[hole - 1];
            hole -= 1;
        }
        order[hole] = current;
        moves += pos - hole;
        if moves > budget {
            order.sort_unstable_by(|&a, &b| {
                if before(a, b) {
                    std::cmp::Ordering::Less
                } else if before(b, a) {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            });
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, Lens, Score, Session, SolutionOption};

    fn ranged_session() -> Session {
        let mut s = Session::new("x");
        for (id, impact, cost) in [("a", 4.0, 3.0), ("b", 3.0, 2.0), ("c", 2.0, 2.0)] {
            let mut impact_score = Score::point(impact);
            impact_score.low = Some(impact - 1.0);
            impact_score.high = Some(impact + 1.0);
            let mut option = SolutionOption::new(id, id, Lens::Buy)
                .with_score("cost", cost)
                .with_score("trust-risk", 2.0);
            option
                .scores
                .insert(CriterionId::new("impact"), impact_score);
            s.options.push(option);
        }
        s
    }

    #[test]
    fn the_same_seed_gives_the_same_numbers_on_one_or_two_threads() {
        let m = DecisionMatrix::from_session(&ranged_session());
        let one = SmaaConfig {
            threads: 1,
            samples: 3_001,
            ..SmaaConfig::default()
        };
        let two = SmaaConfig {
            threads: 2,
            ..one.clone()
        };
        let (r1, r2) = (smaa(&m, &one), smaa(&m, &two));
        assert_eq!(r1.options, r2.options);
        let other = smaa(&m, &SmaaConfig { seed: 2, ..one });
        assert_ne!(r1.options, other.options);
    }

    #[test]
    fn identical_options_split_the_wins_evenly() {
        let mut s = Session::new("x");
        for id in ["a", "b"] {
            s.options.push(
                SolutionOption::new(id, id, Lens::Buy)
                    .with_score("impact", 3.0)
                    .with_score("cost", 3.0)
                    .with_score("trust-risk", 3.0),
            );
        }
        let r = smaa(&DecisionMatrix::from_session(&s), &SmaaConfig::default());
        assert_eq!(r.options[0].p_best, 0.5);
        assert_eq!(r.options[1].rank_acceptability, [0.5, 0.5]);
    }

    #[test]
    fn draws_follow_the_triangular_distribution() {
        // Low 1, likely 1.6, high 3: F(x) = (x − 1)² / 1.2 below the mode,
        // 1 − (3 − x)² / 2.8 above it.
        let t = Triangle::new(0, 1.0, 1.6, 3.0);
        let mut rng = lane_rng(7, 0);
        let draws: Vec<f64> = (0..200_000)
            .flat_map(|_| {
                let q = four_uniforms(rng.next_u64());
                [t.sample(q[0], q[1]), t.sample(q[2], q[3])]
            })
            .collect();
        let cdf = |x: f64| {
            if x < 1.6 {
                (x - 1.0).powi(2) / 1.2
            } else {
                1.0 - (3.0 - x).powi(2) / 2.8
            }
        };
        for x in [1.2, 1.6, 2.0, 2.5, 2.9] {
            let share = draws.iter().filter(|d| **d <= x).count() as f64 / draws.len() as f64;
            assert!(
                (share - cdf(x)).abs() < 0.005,
                "F({x}) = {share}, want {}",
                cdf(x)
            );
        }
        assert!(draws.iter().all(|d| (1.0..=3.0).contains(d)));
    }

    #[test]
    fn sorting_from_any_start_gives_the_same_order() {
        let totals = [0.3, 0.9, 0.3, 0.1, 0.9, 0.5];
        let want = [1, 4, 5, 0, 2, 3];
        for start in [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [3, 0, 4, 2, 5, 1]] {
            let mut order = start;
            sort_best_first(&mut order, &totals);
            assert_eq!(order, want);
        }
        let many: Vec<f64> = (0..100).map(|i| f64::from((i * 37) % 11)).collect();
        let mut reversed: Vec<usize> = (0..100).rev().collect();
        let mut forward: Vec<usize> = (0..100).collect();
        sort_best_first(&mut reversed, &many);
        sort_best_first(&mut forward, &many);
        assert_eq!(reversed, forward);
    }

    #[test]
    fn a_cancelled_run_gives_no_result() {
        let m = DecisionMatrix::from_session(&ranged_session());
        let control = Control::default();
        control.cancel.store(true, Ordering::Relaxed);
        assert!(smaa_with_control(&m, &SmaaConfig::default(), &control).is_none());
    }
}
