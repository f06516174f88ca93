//! Uncertainty by Monte Carlo (SMAA-2): how often each option wins when scores and weights
//! are not known exactly.
//!
//! Each sample draws every ranged score from a triangular distribution (low / likely / high;
//! a point score stays fixed) and, depending on [`WeightMode`], the weights; then it ranks
//! the contest. Options tied in a sample share the places they occupy evenly, so every row
//! and every column of the rank-acceptability table sums to 1 and P(best) sums to 1.
//!
//! The samples are split into two lanes, each seeded from its own ChaCha8 stream of the
//! seed, run on up to two threads and summed in lane order: the numbers depend only on the
//! seed and the sample count, never on the thread count or timing.

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

/// Every cell of the matrix, ready to be drawn from its triangular distribution
/// low / likely / high (a point score is a triangle of width 0).
///
/// Sampling uses the min–max construction (Stein & Keblis, 2009): with `U`, `V` uniform,
/// `a + (b − c)·min(U, V) + (c − a)·max(U, V)` is triangular on `a..b` with mode `c`. It
/// needs no square root and no branch, so the loop runs four cells at a time (measured
/// several times faster than the inverse CDF here).
///
/// The uniforms have sixteen bits each (`(k + ½) / 65,536`): a resolution of 1/65,536 of a
/// score's range, far finer than the noise of any Monte Carlo run, for a quarter of the
/// random bits. Values are `f32` for the same reason: speed, at no visible cost.
struct Cells {
    /// `a` plus the half-step of both terms.
    base: Vec<f32>,
    /// `(b − c) / 65,536`.
    k_min: Vec<f32>,
    /// `(c − a) / 65,536`.
    k_max: Vec<f32>,
}

impl Cells {
    fn new(worst: &[f64], likely: &[f64], best: &[f64]) -> Self {
        const STEP: f64 = 1.0 / 65_536.0;
        let mut cells = Self {
            base: Vec::with_capacity(worst.len()),
            k_min: Vec::with_capacity(worst.len()),
            k_max: Vec::with_capacity(worst.len()),
        };
        for ((&a, &c), &b) in worst.iter().zip(likely).zip(best) {
            let (k_min, k_max) = ((b - c) * STEP, (c - a) * STEP);
            cells.base.push((a + 0.5 * (k_min + k_max)) as f32);
            cells.k_min.push(k_min as f32);
            cells.k_max.push(k_max as f32);
        }
        cells
    }

    fn len(&self) -> usize {
        self.base.len()
    }

    /// Draws every cell into `out` from `bits`: `len()` values for `U`, then `len()` for `V`.
    #[inline]
    fn draw(&self, bits: &[u16], out: &mut [f32]) {
        let (us, vs) = bits.split_at(self.len());
        for (((((out, &u), &v), &base), &k_min), &k_max) in out
            .iter_mut()
            .zip(us)
            .zip(vs)
            .zip(&self.base)
            .zip(&self.k_min)
            .zip(&self.k_max)
        {
            let (u, v) = (f32::from(u), f32::from(v));
            *out = base + k_min * u.min(v) + k_max * u.max(v);
        }
    }
}

/// One uniform number in [0, 1) with 53 random bits.
#[inline]
fn uniform(rng: &mut LaneRng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// The random stream of one lane.
fn lane_rng(seed: u64, lane: u64) -> LaneRng {
    let mut chacha = ChaCha8Rng::seed_from_u64(seed);
    chacha.set_stream(lane);
    LaneRng::from_chacha(&mut chacha)
}

/// xoshiro256++ (Blackman & Vigna), seeded from the lane's ChaCha8 stream.
///
/// ChaCha8 gives independent, reproducible lanes from one seed; xoshiro256++ then produces
/// the bulk of the numbers about four times faster, which matters because random bits are a
/// large share of a run on a big matrix.
struct LaneRng {
    s: [u64; 4],
}

impl LaneRng {
    fn from_chacha(chacha: &mut ChaCha8Rng) -> Self {
        let mut s = [0u64; 4];
        while s == [0; 4] {
            s = std::array::from_fn(|_| chacha.next_u64());
        }
        Self { s }
    }

    #[inline]
    fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Fills `bits` with sixteen-bit numbers, four from each word.
    fn fill(&mut self, bits: &mut [u16]) {
        let mut chunks = bits.chunks_exact_mut(4);
        for chunk in &mut chunks {
            let word = self.next_u64();
            for (k, slot) in chunk.iter_mut().enumerate() {
                *slot = (word >> (16 * k)) as u16;
            }
        }
        let rest = chunks.into_remainder();
        if !rest.is_empty() {
            let word = self.next_u64();
            for (k, slot) in rest.iter_mut().enumerate() {
                *slot = (word >> (16 * k)) as u16;
            }
        }
    }
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
    // Options draw their random numbers in the order of their ids, not of the document, so
    // listing the options in another order changes no number of the run.
    let by_id = id_order(matrix);
    if by_id.iter().enumerate().any(|(k, &i)| k != i) {
        let canonical = reordered(matrix, &by_id);
        let mut result = smaa_with_control(&canonical, config, control)?;
        let mut rows: Vec<Option<Acceptability>> = vec![None; by_id.len()];
        for (row, &i) in result.options.drain(..).zip(&by_id) {
            rows[i] = Some(row);
        }
        result.options = rows.into_iter().flatten().collect();
        return Some(result);
    }
    let (m, n) = (matrix.n_options(), matrix.n_criteria());
    let samples = config.samples.max(1);
    // Every cell is drawn, point scores included (their triangle is a single point): one
    // straight loop is faster than skipping, and small sessions cost next to nothing.
    // Criterion-major (`criterion * m + option`), so totals add one whole column at a time:
    // independent sums the processor runs side by side instead of one long chain per row.
    let column_major = |v: &[f64]| -> Vec<f64> {
        (0..n)
            .flat_map(|j| (0..m).map(move |i| v[i * n + j]))
            .collect()
    };
    let triangles = Cells::new(
        &column_major(&matrix.worst),
        &column_major(&matrix.likely),
        &column_major(&matrix.best),
    );
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

/// Contest positions sorted by option id.
fn id_order(matrix: &DecisionMatrix) -> Vec<usize> {
    let mut order: Vec<usize> = (0..matrix.n_options()).collect();
    order.sort_by(|&a, &b| matrix.option_ids[a].cmp(&matrix.option_ids[b]));
    order
}

/// `matrix` with its options in `order` (`order[k]` is the position of the k-th option).
fn reordered(matrix: &DecisionMatrix, order: &[usize]) -> DecisionMatrix {
    let n = matrix.n_criteria();
    let rows = |v: &[f64]| -> Vec<f64> {
        order
            .iter()
            .flat_map(|&i| v[i * n..(i + 1) * n].iter().copied())
            .collect()
    };
    DecisionMatrix {
        option_idx: order.iter().map(|&i| matrix.option_idx[i]).collect(),
        option_ids: order
            .iter()
            .map(|&i| matrix.option_ids[i].clone())
            .collect(),
        likely: rows(&matrix.likely),
        worst: rows(&matrix.worst),
        best: rows(&matrix.best),
        raw: rows(&matrix.raw),
        session_totals: order.iter().map(|&i| matrix.session_totals[i]).collect(),
        ranks: order.iter().map(|&i| matrix.ranks[i]).collect(),
        ..matrix.clone()
    }
}

fn run_lane(
    matrix: &DecisionMatrix,
    config: &SmaaConfig,
    triangles: &Cells,
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
    let mut bits = vec![0u16; 2 * m * n];
    let mut values = vec![0.0f32; m * n];
    let mut weights = vec![0.0f64; n];
    let mut weights32 = vec![0.0f32; n];
    let mut totals = vec![0.0f32; m];
    let mut order: Vec<usize> = (0..m).collect();
    let mut keys: Vec<u64> = Vec::with_capacity(m);
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
        rng.fill(&mut bits);
        triangles.draw(&bits, &mut values);
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
        for (w, w32) in weights.iter_mut().zip(weights32.iter_mut()) {
            *w = if *w > 0.0 { *w * scale } else { 0.0 };
            *w32 = *w as f32;
        }
        totals.fill(0.0);
        for (column, &w) in values.chunks_exact(m.max(1)).zip(&weights32) {
            if w > 0.0 {
                for (t, v) in totals.iter_mut().zip(column) {
                    *t += w * v;
                }
            }
        }
        sort_best_first(&mut order, &totals, &mut keys);
        let mut pos = 0;
        while pos < m {
            let head = totals[order[pos]];
            let mut end = pos + 1;
            while end < m && totals[order[end]] == head {
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

/// Sorts `order` (a permutation of the options) by total, best first, ties by index,
/// through `keys` (a scratch buffer).
///
/// Totals are at least 0, so their bit patterns order like the numbers; packing the inverted
/// bits above the index gives one integer per option whose plain order is the wanted one.
fn sort_best_first(order: &mut [usize], totals: &[f32], keys: &mut Vec<u64>) {
    keys.clear();
    // Keys go in the previous sample's order: usually almost sorted already, which the
    // sort exploits. The keys are distinct, so the result does not depend on it.
    keys.extend(order.iter().map(|&i| {
        // Adding 0.0 turns a negative zero into a positive one.
        let bits = (totals[i].max(0.0) + 0.0).to_bits();
        (u64::from(u32::MAX - bits) << 32) | i as u64
    }));
    keys.sort_unstable();
    for (slot, key) in order.iter_mut().zip(keys.iter()) {
        // The low half holds an index below `totals.len()`.
        *slot = (*key & u64::from(u32::MAX)) as usize;
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
        const N: usize = 200_000;
        let cells = Cells::new(&[1.0; N], &[1.6; N], &[3.0; N]);
        let mut rng = lane_rng(7, 0);
        let mut bits = vec![0u16; 2 * N];
        rng.fill(&mut bits);
        let mut draws = vec![0.0f32; N];
        cells.draw(&bits, &mut draws);
        let draws: Vec<f64> = draws.into_iter().map(f64::from).collect();
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
        let totals = [0.3f32, 0.9, 0.3, 0.1, 0.9, 0.5];
        let want = [1, 4, 5, 0, 2, 3];
        for start in [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [3, 0, 4, 2, 5, 1]] {
            let mut order = start;
            sort_best_first(&mut order, &totals, &mut Vec::new());
            assert_eq!(order, want);
        }
        let many: Vec<f32> = (0..100u16).map(|i| f32::from((i * 37) % 11)).collect();
        let mut reversed: Vec<usize> = (0..100).rev().collect();
        let mut forward: Vec<usize> = (0..100).collect();
        sort_best_first(&mut reversed, &many, &mut Vec::new());
        sort_best_first(&mut forward, &many, &mut Vec::new());
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
