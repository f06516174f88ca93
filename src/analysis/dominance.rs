//! Dominance: an option that another beats or equals on every weighted criterion, and
//! strictly beats on at least one, can never be the better choice whatever the weights.
//!
//! Compared on normalised likely scores over the criteria with weight above 0. Two options
//! with identical scores do not dominate each other; they simply tie.

use super::matrix::DecisionMatrix;
use crate::model::OptionId;
use serde::Serialize;

/// An option some other option dominates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dominated {
    /// The dominated option.
    pub option: OptionId,
    /// Every option that dominates it, in document order.
    pub by: Vec<OptionId>,
}

/// True when contesting option `k` dominates option `i` on the weighted criteria.
pub fn dominates(matrix: &DecisionMatrix, k: usize, i: usize) -> bool {
    let mut strictly = false;
    for j in (0..matrix.n_criteria()).filter(|&j| matrix.weights[j] > 0.0) {
        let (mine, theirs) = (matrix.at(i, j), matrix.at(k, j));
        if theirs < mine {
            return false;
        }
        strictly |= theirs > mine;
    }
    strictly
}

/// Every dominated contesting option, in document order.
pub fn dominated(matrix: &DecisionMatrix) -> Vec<Dominated> {
    let m = matrix.n_options();
    (0..m)
        .filter_map(|i| {
            let by: Vec<OptionId> = (0..m)
                .filter(|&k| k != i && dominates(matrix, k, i))
                .map(|k| matrix.option_ids[k].clone())
                .collect();
            (!by.is_empty()).then(|| Dominated {
                option: matrix.option_ids[i].clone(),
                by,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, Session, SolutionOption};

    #[test]
    fn beaten_or_equalled_everywhere_is_dominated_but_twins_are_not() {
        let mut s = Session::new("x");
        for (id, impact, cost) in [
            ("a", 4.0, 2.0),
            ("b", 4.0, 3.0),
            ("c", 4.0, 2.0),
            ("d", 5.0, 5.0),
        ] {
            s.options.push(
                SolutionOption::new(id, id, Lens::Buy)
                    .with_score("impact", impact)
                    .with_score("cost", cost)
                    .with_score("trust-risk", 2.0),
            );
        }
        let found = dominated(&DecisionMatrix::from_session(&s));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].option.as_str(), "b");
        let by: Vec<&str> = found[0].by.iter().map(OptionId::as_str).collect();
        assert_eq!(by, ["a", "c"]);
    }
}
