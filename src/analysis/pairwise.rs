//! Pairwise comparison (Saaty's analytic hierarchy process): weights from judgements of the
//! form "Impact matters 3 times as much as Cost".
//!
//! The judgements fill a reciprocal matrix `a[i][j] = 1 / a[j][i]`; the weights are its
//! principal eigenvector, found by power iteration until no weight moves by more than
//! 1e-12. How far the largest eigenvalue `λmax` lies above `n` measures how much the
//! judgements contradict each other: the consistency index `CI = (λmax − n) / (n − 1)`
//! divided by Saaty's random index for `n` gives the consistency ratio `CR`; above 0.10 the
//! judgements deserve a second look, starting with the one the weights disagree with most.
//! See `docs/WEIGHTS.md` for a worked example.

/// The largest judgement on Saaty's scale: "extremely more important".
pub const MAX_JUDGEMENT: f64 = 9.0;

/// A consistency ratio above this deserves a second look at the judgements (Saaty).
pub const CR_THRESHOLD: f64 = 0.10;

/// Power iteration stops when no weight moves by more than this.
pub const TOLERANCE: f64 = 1e-12;

/// Saaty's random consistency index for 1 to 15 criteria: the mean CI of random
/// reciprocal matrices on the 1–9 scale (Saaty 1980; 11–15 from Saaty 2012).
const RANDOM_INDEX: [f64; 15] = [
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/// The most criteria pairwise comparison takes (105 judgements already).
pub const MAX_CRITERIA: usize = RANDOM_INDEX.len();

/// How many more times criterion `row` matters than criterion `col`, for every pair.
#[derive(Clone, Debug, PartialEq)]
pub struct PairwiseMatrix {
    n: usize,
    cells: Vec<f64>,
}

/// Why a set of judgements gives no weights.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PairwiseError {
    /// Fewer than one or more than [`MAX_CRITERIA`] criteria.
    #[error("pairwise comparison takes 1 to {MAX_CRITERIA} criteria, not {0}")]
    Size(usize),
    /// A judgement is not on Saaty's scale 1/9 … 9.
    #[error("judgement {value} for criteria {row} and {col} must be from 1/9 to 9")]
    OutOfScale {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The value given.
        value: f64,
    },
    /// A pair compared with itself.
    #[error("criterion {0} cannot be compared with itself")]
    SamePair(usize),
    /// The iteration did not settle (cannot happen for a positive matrix; kept as a guard).
    #[error("the weights did not settle after {0} iterations")]
    NoConvergence(usize),
}

impl PairwiseMatrix {
    /// `n` criteria judged equally important (every judgement 1).
    ///
    /// # Errors
    /// When `n` is 0 or more than [`MAX_CRITERIA`].
    pub fn equal(n: usize) -> Result<Self, PairwiseError> {
        if n == 0 || n > MAX_CRITERIA {
            return Err(PairwiseError::Size(n));
        }
        Ok(Self {
            n,
            cells: vec![1.0; n * n],
        })
    }

    /// Judges criterion `row` `value` times as important as `col` (a value below 1 means
    /// `col` matters more), and `col` `1 / value` times as important as `row`.
    ///
    /// # Errors
    /// When `row == col`, either is past the end, or `value` is outside 1/9 … 9.
    pub fn set(&mut self, row: usize, col: usize, value: f64) -> Result<(), PairwiseError> {
        if row == col {
            return Err(PairwiseError::SamePair(row));
        }
        let on_scale = value.is_finite()
            && (1.0 / MAX_JUDGEMENT - 1e-12..=MAX_JUDGEMENT + 1e-12).contains(&value);
        if row >= self.n || col >= self.n || !on_scale {
            return Err(PairwiseError::OutOfScale { row, col, value });
        }
        self.cells[row * self.n + col] = value;
        self.cells[col * self.n + row] = 1.0 / value;
        Ok(())
    }

    /// A matrix from its full rows, e.g. copied from a textbook; only the cells above the
    /// diagonal are read, the rest follow by reciprocity.
    ///
    /// # Errors
    /// As [`PairwiseMatrix::set`] for each cell above the diagonal.
    pub fn from_rows(rows: &[&[f64]]) -> Result<Self, PairwiseError> {
        let mut matrix = Self::equal(rows.len())?;
        for (row, cells) in rows.iter().enumerate() {
            for col in row + 1..rows.len() {
                let value = cells.get(col).copied().unwrap_or(f64::NAN);
                matrix.set(row, col, value)?;
            }
        }
        Ok(matrix)
    }

    /// The number of criteria.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Always false: a matrix has at least one criterion.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// How many times criterion `row` matters as much as `col`.
    pub fn get(&self, row: usize, col: usize) -> f64 {
        self.cells[row * self.n + col]
    }

    fn times(&self, w: &[f64]) -> Vec<f64> {
        (0..self.n)
            .map(|row| (0..self.n).map(|col| self.get(row, col) * w[col]).sum())
            .collect()
    }
}

/// The judgement the weights disagree with most.
#[derive(Clone, Debug, PartialEq)]
pub struct Inconsistency {
    /// The criterion judged (0-based).
    pub row: usize,
    /// The criterion it was judged against.
    pub col: usize,
    /// The judgement given: `row` matters this many times as much as `col`.
    pub given: f64,
    /// The ratio the weights imply, `w[row] / w[col]`.
    pub implied: f64,
}

/// Weights from pairwise judgements and how consistent the judgements are.
#[derive(Clone, Debug, PartialEq)]
pub struct PairwiseWeights {
    /// One weight per criterion, summing to 1.
    pub weights: Vec<f64>,
    /// The principal eigenvalue; `n` for perfectly consistent judgements.
    pub lambda_max: f64,
    /// `(λmax − n) / (n − 1)`; 0 for one or two criteria.
    pub consistency_index: f64,
    /// CI over Saaty's random index; 0 for one or two criteria, which cannot contradict.
    pub consistency_ratio: f64,
    /// The judgement furthest from what the weights imply, when there is any pair.
    pub most_inconsistent: Option<Inconsistency>,
    /// Power-iteration steps taken.
    pub iterations: usize,
}

impl PairwiseWeights {
    /// True when the consistency ratio is above [`CR_THRESHOLD`].
    pub fn is_inconsistent(&self) -> bool {
        self.consistency_ratio > CR_THRESHOLD
    }
}

/// The principal eigenvector of `matrix` by power iteration, its consistency ratio and the
/// judgement that contradicts the others most.
///
/// # Errors
/// [`PairwiseError::NoConvergence`] if the iteration does not settle within 10 000 steps,
/// which a positive reciprocal matrix never needs.
///
/// # Example
/// ```
/// use verdict::analysis::pairwise::{PairwiseMatrix, weights};
/// // Impact matters 2× Cost and 4× Trust risk; Cost matters 2× Trust risk: consistent.
/// let m = PairwiseMatrix::from_rows(&[&[1.0, 2.0, 4.0], &[0.5, 1.0, 2.0], &[0.25, 0.5, 1.0]]).unwrap();
/// let w = weights(&m).unwrap();
/// assert!((w.weights[0] - 4.0 / 7.0).abs() < 1e-12);
/// assert!(w.consistency_ratio.abs() < 1e-12);
/// ```
pub fn weights(matrix: &PairwiseMatrix) -> Result<PairwiseWeights, PairwiseError> {
    const MAX_ITERATIONS: usize = 10_000;
    let n = matrix.len();
    let mut w = vec![1.0 / n as f64; n];
    let mut iterations = 0;
    loop {
        iterations += 1;
        let mut next = matrix.times(&w);
        let sum: f64 = next.iter().sum();
        next.iter_mut().for_each(|x| *x /= sum);
        let moved = next
            .iter()
            .zip(&w)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        w = next;
        if moved <= TOLERANCE {
            break;
        }
        if iterations >= MAX_ITERATIONS {
            return Err(PairwiseError::NoConvergence(iterations));
        }
    }
    // With w summing to 1, Σ (A w)_i is λmax.
    let lambda_max: f64 = matrix.times(&w).iter().sum();
    let (consistency_index, consistency_ratio) = if n > 2 {
        let ci = (lambda_max - n as f64) / (n as f64 - 1.0);
        (ci, ci / RANDOM_INDEX[n - 1])
    } else {
        (0.0, 0.0)
    };
    Ok(PairwiseWeights {
        most_inconsistent: most_inconsistent(matrix, &w),
        weights: w,
        lambda_max,
        consistency_index,
        consistency_ratio,
        iterations,
    })
}

/// The pair whose judgement is furthest, as a ratio, from `w[row] / w[col]`.
fn most_inconsistent(matrix: &PairwiseMatrix, w: &[f64]) -> Option<Inconsistency> {
    let n = matrix.len();
    let mut worst: Option<(f64, Inconsistency)> = None;
    for row in 0..n {
        for col in row + 1..n {
            let given = matrix.get(row, col);
            let implied = w[row] / w[col];
            let distance = (given / implied).ln().abs();
            if worst.as_ref().is_none_or(|(d, _)| distance > *d) {
                worst = Some((
                    distance,
                    Inconsistency {
                        row,
                        col,
                        given,
                        implied,
                    },
                ));
            }
        }
    }
    worst.map(|(_, pair)| pair)
}

/// A judgement in words from the first criterion's side: 3 → "3× as important", 1/3 →
/// "1/3 as important", 1 → "equally important".
pub fn judgement_words(value: f64) -> String {
    if (value - 1.0).abs() < 1e-9 {
        "equally important".to_owned()
    } else if value > 1.0 {
        format!("{}× as important", trim(value))
    } else {
        format!("1/{} as important", trim(1.0 / value))
    }
}

fn trim(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consistent_judgements_give_their_ratios_and_a_zero_ratio() {
        let mut m = PairwiseMatrix::equal(3).unwrap();
        m.set(0, 1, 3.0).unwrap();
        m.set(0, 2, 6.0).unwrap();
        m.set(1, 2, 2.0).unwrap();
        let w = weights(&m).unwrap();
        for (got, want) in w.weights.iter().zip([6.0 / 9.0, 2.0 / 9.0, 1.0 / 9.0]) {
            assert!((got - want).abs() < 1e-12, "{:?}", w.weights);
        }
        assert!(w.consistency_ratio.abs() < 1e-12 && !w.is_inconsistent());
    }

    #[test]
    fn a_cycle_of_preferences_is_flagged_and_one_of_its_pairs_named() {
        // Impact beats Cost, Cost beats Trust risk, Trust risk beats Impact: each 5×.
        let mut m = PairwiseMatrix::equal(3).unwrap();
        m.set(0, 1, 5.0).unwrap();
        m.set(1, 2, 5.0).unwrap();
        m.set(2, 0, 5.0).unwrap();
        let w = weights(&m).unwrap();
        assert!(w.is_inconsistent(), "CR {}", w.consistency_ratio);
        for x in &w.weights {
            assert!((x - 1.0 / 3.0).abs() < 1e-9);
        }
        assert!(w.most_inconsistent.is_some());
    }

    #[test]
    fn one_wild_judgement_among_consistent_ones_is_the_one_named() {
        // 4 criteria with consistent ratios 8:4:2:1, except criterion 3 judged 9× criterion 0.
        let ratios = [8.0, 4.0, 2.0, 1.0];
        let mut m = PairwiseMatrix::equal(4).unwrap();
        for row in 0..4 {
            for col in row + 1..4 {
                m.set(row, col, ratios[row] / ratios[col]).unwrap();
            }
        }
        m.set(3, 0, 9.0).unwrap();
        let w = weights(&m).unwrap();
        assert!(w.is_inconsistent());
        let pair = w.most_inconsistent.unwrap();
        assert_eq!((pair.row, pair.col), (0, 3));
        assert!((pair.given - 1.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn two_criteria_cannot_contradict_each_other() {
        let m = PairwiseMatrix::from_rows(&[&[1.0, 4.0], &[0.25, 1.0]]).unwrap();
        let w = weights(&m).unwrap();
        assert!((w.weights[0] - 0.8).abs() < 1e-12);
        assert_eq!(w.consistency_ratio, 0.0);
        let one = weights(&PairwiseMatrix::equal(1).unwrap()).unwrap();
        assert_eq!(one.weights, [1.0]);
        assert!(one.most_inconsistent.is_none());
    }

    #[test]
    fn judgements_off_saatys_scale_or_of_a_criterion_with_itself_are_refused() {
        let mut m = PairwiseMatrix::equal(3).unwrap();
        assert!(m.set(0, 1, 10.0).is_err());
        assert!(m.set(0, 1, 0.1).is_err());
        assert!(m.set(0, 1, f64::NAN).is_err());
        assert!(m.set(0, 3, 2.0).is_err());
        assert_eq!(m.set(1, 1, 2.0), Err(PairwiseError::SamePair(1)));
        assert!(m.set(0, 1, 1.0 / 9.0).is_ok());
        assert_eq!(PairwiseMatrix::equal(0), Err(PairwiseError::Size(0)));
        assert_eq!(PairwiseMatrix::equal(16), Err(PairwiseError::Size(16)));
    }

    #[test]
    fn judgements_read_as_words_from_the_first_criterions_side() {
        assert_eq!(judgement_words(1.0), "equally important");
        assert_eq!(judgement_words(3.0), "3× as important");
        assert_eq!(judgement_words(1.0 / 5.0), "1/5 as important");
    }
}
