//! Totals at the precision the scores support.
//!
//! Scores on a 1–5 scale cannot tell 72.5 from 72, so totals are shown as whole numbers —
//! unless two different totals would then read the same, when one or two decimals are used.

use crate::analysis::Ranking;

/// The number of decimals to show totals with: 0, or up to 2 while two different totals
/// would otherwise print the same.
pub(super) fn total_decimals(ranking: &Ranking) -> usize {
    let totals: Vec<f64> = ranking.rows.iter().filter_map(|r| r.total).collect();
    (0..2)
        .find(|&decimals| {
            !totals.iter().enumerate().any(|(i, a)| {
                totals[i + 1..].iter().any(|b| {
                    (a - b).abs() > crate::analysis::TIE_EPSILON
                        && total(*a, decimals) == total(*b, decimals)
                })
            })
        })
        .unwrap_or(2)
}

/// `value` with `decimals` decimals, written by [`crate::analysis::number::fixed`] like
/// every other number people read.
pub(super) fn total(value: f64, decimals: usize) -> String {
    crate::analysis::number::fixed(value, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rank;
    use crate::model::{Lens, Session, SolutionOption};

    fn session_of(options: &[(&str, Lens, f64, f64, f64)]) -> Session {
        let mut s = Session::new("x");
        for (id, lens, impact, cost, risk) in options {
            s.options.push(
                SolutionOption::new(id, id, lens.clone())
                    .with_score("impact", *impact)
                    .with_score("cost", *cost)
                    .with_score("trust-risk", *risk),
            );
        }
        s
    }

    #[test]
    fn totals_are_whole_numbers_unless_two_different_ones_would_read_the_same() {
        let apart = session_of(&[
            ("a", Lens::Buy, 4.0, 2.0, 2.0),
            ("b", Lens::Buy, 2.0, 4.0, 4.0),
        ]);
        assert_eq!(total_decimals(&rank(&apart)), 0);
        let close = session_of(&[
            ("a", Lens::Buy, 4.0, 2.0, 2.0),
            ("b", Lens::Buy, 4.0, 2.0, 2.01),
        ]);
        assert_eq!(total_decimals(&rank(&close)), 1);
        let tied = session_of(&[
            ("a", Lens::Buy, 4.0, 2.0, 2.0),
            ("b", Lens::Buy, 4.0, 2.0, 2.0),
        ]);
        assert_eq!(
            total_decimals(&rank(&tied)),
            0,
            "an exact tie needs no decimals"
        );
    }
}
