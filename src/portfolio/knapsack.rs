//! The exact multiple-choice knapsack behind every portfolio answer.
//!
//! Each [`Group`] (one session) offers [`Choice`]s, at most one of which is taken; a choice
//! has an effort in whole units (tenths of a person-week) and a value in whole units
//! (thousandths of the value unit), so sums are exact and never depend on the order they
//! were added in. [`solve`] runs a dynamic programme over effort once, for every capacity
//! from 0 to the range asked for; afterwards the best plan at any capacity is a lookup and a
//! walk back through the table ([`Solved::plan_at`]), which is what makes a capacity slider
//! live.
//!
//! # The tie-break
//! Among the plans that fit, the one returned has
//! 1. the highest total value; then
//! 2. the lowest total effort; then
//! 3. the earliest preferred choices: comparing group by group in the problem's order, the
//!    first group where two plans differ takes the choice listed first in its group.
//!
//! The caller decides the order of groups and of choices within a group (see
//! [`super::Portfolio`]: sessions by title, choices with today's plan first).
//!
//! # Cost
//! Time `O(Σ choices × range)`, memory one byte per group and unit of range (the choice
//! table). Choices that another choice beats on both effort and value are dropped before
//! the programme runs, and efforts are divided by their greatest common divisor (whole- or
//! half-week estimates shrink the range ten- or five-fold); neither changes the answer.

/// One way to fund a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// Effort in tenths of a person-week ([`super::UNITS_PER_WEEK`]).
    pub effort: u64,
    /// Value in thousandths of the value unit ([`super::UNITS_PER_VALUE`]).
    pub value: i64,
}

/// The choices of one group, most preferred first. An empty group cannot be satisfied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// The choices; "fund nothing" is one of them when it is allowed.
    pub choices: Vec<Choice>,
}

/// A plan: one choice per group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Per group, the position in its `choices` of the choice taken.
    pub picks: Vec<usize>,
    /// Total value.
    pub value: i64,
    /// Total effort.
    pub effort: u64,
}

/// Marks an unreachable state in the table of values.
const NEG: i64 = i64::MIN;
/// Anything below this is unreachable (unreachable states gain values as stages add up).
const UNREACHABLE: i64 = i64::MIN / 2;
/// Marks "no choice fits" in the choice table.
const NO_PICK: u8 = u8::MAX;

/// The solved problem: the best value at every capacity of the range and the table to
/// recover the plan behind it.
#[derive(Clone, Debug)]
pub struct Solved {
    /// Per group, the kept choices as positions in the original group.
    kept: Vec<Vec<usize>>,
    /// Per group, the kept choices in scaled units.
    scaled: Vec<Vec<Choice>>,
    /// Efforts are multiples of this many units.
    scale: u64,
    /// The range covered, in scaled units.
    range: usize,
    /// `best[r]`: the best value of all groups within `r` scaled units ([`NEG`] when none).
    best: Vec<i64>,
    /// `table[g * (range + 1) + r]`: the kept choice group `g` takes in the best plan of
    /// groups `g..` within `r` scaled units.
    table: Vec<u8>,
    /// Original groups (for reporting efforts and values in units).
    groups: Vec<Group>,
}

/// One step of the frontier: from this effort on, this is the best value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Effort in units: the least capacity that reaches `value`.
    pub effort: u64,
    /// The best value at that capacity.
    pub value: i64,
}

/// Why a problem could not be set up.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KnapsackError {
    /// A group keeps more distinct choices than the table can index.
    #[error(
        "a session offers {0} options that all beat each other on effort or value; at most 254 are supported"
    )]
    TooManyChoices(usize),
}

impl Solved {
    /// The largest capacity, in units, whose answer the table holds; beyond it the answer is
    /// the same as at it when the range covers every group's largest choice.
    pub fn range_units(&self) -> u64 {
        self.range as u64 * self.scale
    }

    fn scaled_capacity(&self, capacity: u64) -> usize {
        (capacity / self.scale).min(self.range as u64) as usize
    }

    /// The best value within `capacity` units; `None` when no plan fits.
    pub fn value_at(&self, capacity: u64) -> Option<i64> {
        let v = self.best[self.scaled_capacity(capacity)];
        (v > UNREACHABLE).then_some(v)
    }

    /// The best plan within `capacity` units (tie-break in the module docs); `None` when no
    /// plan fits (the groups that must be funded need more).
    pub fn plan_at(&self, capacity: u64) -> Option<Selection> {
        let cap = self.scaled_capacity(capacity);
        let target = self.best[cap];
        if target <= UNREACHABLE {
            return None;
        }
        // The least capacity that reaches the best value: the plan with the least effort.
        let mut r = self.best[..=cap].partition_point(|&v| v < target);
        let width = self.range + 1;
        let mut picks = Vec::with_capacity(self.groups.len());
        let (mut value, mut effort) = (0i64, 0u64);
        for (g, kept) in self.kept.iter().enumerate() {
            let k = self.table[g * width + r];
            debug_assert_ne!(k, NO_PICK, "the walk back stays on reachable states");
            let k = usize::from(k).min(kept.len().saturating_sub(1));
            let original = kept[k];
            let choice = self.groups[g].choices[original];
            picks.push(original);
            value = value.saturating_add(choice.value);
            effort += choice.effort;
            r -= (self.scaled[g][k].effort) as usize;
        }
        Some(Selection {
            picks,
            value,
            effort,
        })
    }

    /// Every capacity, from 0 to the range, at which the best value rises, with that value.
    pub fn frontier(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut last = UNREACHABLE;
        for (r, &v) in self.best.iter().enumerate() {
            if v > last {
                steps.push(Step {
                    effort: r as u64 * self.scale,
                    value: v,
                });
                last = v;
            }
        }
        steps
    }
}

/// Keeps the choices no other choice beats: sorted by effort, a choice stays only if it is
/// worth strictly more than every cheaper-or-equal one (on a tie in both, the one listed
/// first stays). Returns positions in the original list, in preference order.
fn undominated(choices: &[Choice]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..choices.len()).collect();
    order.sort_by_key(|&i| (choices[i].effort, std::cmp::Reverse(choices[i].value), i));
    let mut kept = Vec::new();
    let mut best = i64::MIN;
    for i in order {
        if choices[i].value > best {
            best = choices[i].value;
            kept.push(i);
        }
    }
    // Back to preference order, so the table records the preferred choice on a tie.
    kept.sort_unstable();
    kept
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The sum over groups of their costliest undominated choice: beyond it nothing improves.
pub fn useful_range(groups: &[Group]) -> u64 {
    groups
        .iter()
        .map(|g| {
            undominated(&g.choices)
                .iter()
                .map(|&i| g.choices[i].effort)
                .max()
                .unwrap_or(0)
        })
        .fold(0u64, u64::saturating_add)
}

/// Solves the problem for every capacity from 0 to `range` units.
///
/// # Errors
/// [`KnapsackError::TooManyChoices`] when a group keeps more than 254 undominated choices.
pub fn solve(groups: &[Group], range: u64) -> Result<Solved, KnapsackError> {
    let kept: Vec<Vec<usize>> = groups.iter().map(|g| undominated(&g.choices)).collect();
    if let Some(too_many) = kept
        .iter()
        .map(Vec::len)
        .find(|&n| n >= usize::from(NO_PICK))
    {
        return Err(KnapsackError::TooManyChoices(too_many));
    }
    let scale = kept
        .iter()
        .zip(groups)
        .flat_map(|(k, g)| k.iter().map(move |&i| g.choices[i].effort))
        .fold(0, gcd)
        .max(1);
    let scaled: Vec<Vec<Choice>> = kept
        .iter()
        .zip(groups)
        .map(|(k, g)| {
            k.iter()
                .map(|&i| Choice {
                    effort: g.choices[i].effort / scale,
                    value: g.choices[i].value,
                })
                .collect()
        })
        .collect();
    let range = (range / scale) as usize;
    let width = range + 1;
    let mut table = vec![NO_PICK; groups.len() * width];
    // Groups are added from the last to the first, so the walk back in `plan_at` meets the
    // first group first and its preferred choice decides the tie-break.
    let mut next = vec![0i64; width];
    let mut best = vec![NEG; width];
    for g in (0..groups.len()).rev() {
        best.fill(NEG);
        let row = &mut table[g * width..(g + 1) * width];
        for (k, choice) in scaled[g].iter().enumerate() {
            let e = choice.effort as usize;
            if e > range {
                continue;
            }
            for ((slot, pick), &before) in best[e..]
                .iter_mut()
                .zip(&mut row[e..])
                .zip(&next[..width - e])
            {
                let candidate = before.saturating_add(choice.value);
                if candidate > *slot {
                    *slot = candidate;
                    *pick = k as u8;
                }
            }
        }
        for v in &mut best {
            if *v <= UNREACHABLE {
                *v = NEG;
            }
        }
        std::mem::swap(&mut best, &mut next);
    }
    // `next` now holds the values with every group added.
    Ok(Solved {
        kept,
        scaled,
        scale,
        range,
        best: next,
        table,
        groups: groups.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(choices: &[(u64, i64)]) -> Group {
        Group {
            choices: choices
                .iter()
                .map(|&(effort, value)| Choice { effort, value })
                .collect(),
        }
    }

    #[test]
    fn the_best_pair_beats_the_single_most_valuable_choice() {
        // Capacity 10: A's big option (10, 90) alone loses to A small + B (4+6, 50+60).
        let groups = [
            group(&[(0, 0), (10, 90), (4, 50)]),
            group(&[(0, 0), (6, 60)]),
        ];
        let solved = solve(&groups, 10).unwrap();
        let plan = solved.plan_at(10).unwrap();
        assert_eq!((plan.picks, plan.value, plan.effort), (vec![2, 1], 110, 10));
    }

    #[test]
    fn on_equal_value_the_cheaper_plan_wins_and_then_the_first_listed_choice() {
        let groups = [
            group(&[(0, 0), (5, 10), (3, 10)]),
            group(&[(0, 0), (3, 10)]),
        ];
        let plan = solve(&groups, 5).unwrap().plan_at(5).unwrap();
        // Only one (3, 10) fits; (5, 10) is worth the same but costs more. Of the two
        // cheapest plans the first group keeps its first-listed choice (nothing), so the
        // second group's option is the one funded.
        assert_eq!(plan.picks, [0, 1]);
        assert_eq!(plan.effort, 3);
    }

    #[test]
    fn a_group_without_a_zero_choice_that_cannot_fit_makes_the_problem_infeasible() {
        let groups = [group(&[(8, 1)]), group(&[(0, 0), (1, 5)])];
        let solved = solve(&groups, 10).unwrap();
        assert_eq!(solved.plan_at(7), None);
        assert_eq!(solved.value_at(8), Some(1));
        assert_eq!(solved.plan_at(9).unwrap().picks, [0, 1]);
    }

    #[test]
    fn the_frontier_rises_at_each_capacity_where_the_best_set_changes() {
        let groups = [group(&[(0, 0), (20, 30)]), group(&[(0, 0), (10, 25)])];
        let steps = solve(&groups, 30).unwrap().frontier();
        let pairs: Vec<_> = steps.iter().map(|s| (s.effort, s.value)).collect();
        assert_eq!(pairs, [(0, 0), (10, 25), (20, 30), (30, 55)]);
    }

    #[test]
    fn efforts_with_a_common_divisor_give_the_same_answers() {
        let groups = [
            group(&[(0, 0), (10, 3), (25, 7)]),
            group(&[(0, 0), (15, 5)]),
        ];
        let solved = solve(&groups, 40).unwrap();
        for cap in 0..=40 {
            let plan = solved.plan_at(cap).unwrap();
            assert!(plan.effort <= cap);
            assert_eq!(Some(plan.value), solved.value_at(cap));
        }
        assert_eq!(solved.plan_at(24).unwrap().value, 5);
        assert_eq!(solved.plan_at(25).unwrap().value, 8);
    }
}
