//! Invariants of the scoring engine, checked on generated sessions.
//!
//! Scores are whole numbers on the default 1..5 scale and weights whole numbers, so totals
//! are exact enough that ties stay ties when weights are scaled.

use proptest::prelude::*;
use verdict::analysis::{Recommendation, TIE_EPSILON, rank, total};
use verdict::model::{Criterion, CriterionId, Direction, Lens, Score, Session, SolutionOption};

/// A criterion as (weight, is_benefit).
type CriterionSpec = (u8, bool);

/// Criteria, then options as one likely score per criterion (`None` = not scored).
fn session_of(criteria: &[CriterionSpec], options: &[Vec<Option<u8>>]) -> Session {
    let mut session = Session::new("generated");
    session.criteria = criteria
        .iter()
        .enumerate()
        .map(|(c_idx, &(weight, benefit))| {
            let direction = if benefit {
                Direction::Benefit
            } else {
                Direction::Cost
            };
            Criterion::new(
                &format!("c{c_idx}"),
                &format!("C{c_idx}"),
                f64::from(weight),
                direction,
            )
        })
        .collect();
    for (o_idx, scores) in options.iter().enumerate() {
        let mut option = SolutionOption::new(&format!("o{o_idx}"), &format!("O{o_idx}"), Lens::Buy);
        for (c_idx, score) in scores.iter().enumerate().take(criteria.len()) {
            if let Some(score) = score {
                option = option.with_score(&format!("c{c_idx}"), f64::from(*score));
            }
        }
        session.options.push(option);
    }
    session
}

fn criteria() -> impl Strategy<Value = Vec<CriterionSpec>> {
    prop::collection::vec((0u8..=10, any::<bool>()), 1..6)
}

fn scores(n_criteria: usize) -> impl Strategy<Value = Vec<Option<u8>>> {
    prop::collection::vec(
        prop::option::weighted(0.9, 1u8..=5),
        n_criteria..=n_criteria,
    )
}

/// A session of 1..8 options, some scores missing.
fn sessions() -> impl Strategy<Value = Session> {
    criteria().prop_flat_map(|criteria| {
        let n = criteria.len();
        prop::collection::vec(scores(n), 1..8)
            .prop_map(move |options| session_of(&criteria, &options))
    })
}

fn totals(session: &Session) -> Vec<Option<f64>> {
    session
        .options
        .iter()
        .map(|o| total(session, o).ok())
        .collect()
}

/// The recommendation without its total: which option, or kill and why.
fn advice(session: &Session) -> String {
    match verdict::analysis::recommend(session) {
        Recommendation::Choose {
            option, tied_with, ..
        } => format!("choose {option} tied with {tied_with:?}"),
        Recommendation::Kill { reason } => format!("kill: {reason:?}"),
        Recommendation::NothingRanked => "nothing ranked".to_owned(),
    }
}

proptest! {
    #[test]
    fn raising_a_benefit_score_never_lowers_that_options_total(
        session in sessions(),
        pick in any::<prop::sample::Index>(),
        raise in 1u8..=4,
    ) {
        let benefit: Vec<CriterionId> = session
            .criteria
            .iter()
            .filter(|c| c.direction == Direction::Benefit)
            .map(|c| c.id.clone())
            .collect();
        prop_assume!(!benefit.is_empty());
        let o_idx = pick.index(session.options.len());
        let criterion = &benefit[pick.index(benefit.len())];
        let before = total(&session, &session.options[o_idx]);
        let mut raised = session.clone();
        let score = raised.options[o_idx]
            .scores
            .entry(criterion.clone())
            .or_insert_with(|| Score::point(1.0));
        score.likely = (score.likely + f64::from(raise)).min(5.0);
        let after = total(&raised, &raised.options[o_idx]);
        if let (Ok(before), Ok(after)) = (before, after) {
            prop_assert!(after >= before - 1e-12, "{before} -> {after}");
        }
    }

    #[test]
    fn adding_an_option_never_changes_another_options_total(
        session in sessions(),
        extra in scores(6),
    ) {
        let before = totals(&session);
        let mut grown = session.clone();
        let mut option = SolutionOption::new("added", "Added", Lens::Process);
        for (criterion, score) in session.criteria.iter().zip(&extra) {
            if let Some(score) = score {
                option = option.with_score(criterion.id.as_str(), f64::from(*score));
            }
        }
        grown.options.push(option);
        let after = totals(&grown);
        prop_assert_eq!(&after[..before.len()], &before[..]);
    }

    #[test]
    fn scaling_every_weight_by_the_same_factor_changes_nothing(
        session in sessions(),
        k in prop_oneof![0.001f64..1.0, 1.0f64..1000.0],
    ) {
        let mut scaled = session.clone();
        for criterion in &mut scaled.criteria {
            criterion.weight *= k;
        }
        for (a, b) in totals(&session).iter().zip(totals(&scaled)) {
            match (a, b) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-9, "{a} vs {b}"),
                (a, b) => prop_assert_eq!(a.is_some(), b.is_some()),
            }
        }
        let ranks = |s: &Session| -> Vec<(String, Option<usize>)> {
            rank(s).rows.iter().map(|r| (r.id.to_string(), r.rank)).collect()
        };
        prop_assert_eq!(ranks(&session), ranks(&scaled));
        prop_assert_eq!(advice(&session), advice(&scaled));
    }

    #[test]
    fn ranks_are_consistent_with_totals(session in sessions()) {
        let ranking = rank(&session);
        prop_assert_eq!(ranking.rows.len(), session.options.len());
        let ranked: Vec<_> = ranking.ranked().collect();
        for row in &ranking.rows {
            prop_assert_eq!(row.rank.is_some(), row.total.is_some());
        }
        for a in &ranked {
            let (ta, ra) = (a.total.unwrap(), a.rank.unwrap());
            let better = ranked.iter().filter(|b| b.total.unwrap() > ta + TIE_EPSILON).count();
            prop_assert_eq!(ra, better + 1);
            for b in &ranked {
                let (tb, rb) = (b.total.unwrap(), b.rank.unwrap());
                if (ta - tb).abs() <= TIE_EPSILON {
                    prop_assert_eq!(ra, rb);
                } else if ta > tb {
                    prop_assert!(ra < rb);
                }
            }
        }
        let order: Vec<usize> = ranking
            .rows
            .iter()
            .map(|r| r.rank.unwrap_or(usize::MAX))
            .collect();
        prop_assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    }
}

#[test]
fn the_generator_makes_sessions_the_model_accepts() {
    let session = session_of(
        &[(5, true), (0, false)],
        &[vec![Some(1), None], vec![Some(5), Some(3)]],
    );
    assert!(verdict::model::validate(&session).is_empty());
    assert_eq!(totals(&session), [Some(0.0), Some(100.0)]);
}
