//! Properties of the robustness analyses on generated sessions.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use verdict::analysis::matrix::DecisionMatrix;
use verdict::analysis::rank;
use verdict::analysis::robustness::{RobustnessConfig, analyze, quick};
use verdict::analysis::uncertainty::{SmaaConfig, WeightMode, smaa};
use verdict::model::{CriterionId, Lens, OptionId, Score, Session, SolutionOption};

/// Options as `(impact, cost, trust risk)` with a range half-width, and the three weights.
fn sessions() -> impl Strategy<Value = Session> {
    let option = (1.0..5.0f64, 1.0..5.0f64, 1.0..5.0f64, 0.0..1.5f64);
    (
        prop::collection::vec(option, 2..7),
        (0.0..10.0f64, 0.0..10.0f64, 0.1..10.0f64),
    )
        .prop_map(|(rows, (w0, w1, w2))| {
            let mut s = Session::new("generated");
            s.criteria[0].weight = w0;
            s.criteria[1].weight = w1;
            s.criteria[2].weight = w2;
            for (i, (impact, cost, risk, half)) in rows.into_iter().enumerate() {
                let mut option = SolutionOption::new(&format!("o{i}"), &format!("O{i}"), Lens::Buy)
                    .with_score("cost", cost)
                    .with_score("trust-risk", risk);
                let mut score = Score::point(impact);
                score.low = Some((impact - half).max(1.0));
                score.high = Some((impact + half).min(5.0));
                option.scores.insert(CriterionId::new("impact"), score);
                s.options.push(option);
            }
            s
        })
}

/// The first option of the real ranking, and the total of `option`.
fn leader_and_total(s: &Session, option: &OptionId) -> (OptionId, f64, f64) {
    let ranking = rank(s);
    let first = &ranking.rows[0];
    let other = ranking
        .rows
        .iter()
        .find(|r| &r.id == option)
        .and_then(|r| r.total)
        .unwrap_or(f64::NAN);
    (first.id.clone(), first.total.unwrap_or(f64::NAN), other)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn applying_a_weight_flip_point_flips_the_winner_and_just_before_does_not(s in sessions()) {
        let report = quick(&s);
        let leader = report.leader.clone().expect("two or more options");
        for (j, flip) in report.weight_flips.iter().enumerate() {
            for point in flip.up.iter().chain(&flip.down) {
                let direction = point.weight_change.signum();
                let step = 1e-6 * (1.0 + point.weight.abs());
                let mut beyond = s.clone();
                beyond.criteria[j].weight = point.weight + direction * step;
                let (_, top, new_total) = leader_and_total(&beyond, &point.new_leader);
                let (_, _, old_total) = leader_and_total(&beyond, &leader);
                prop_assert!(new_total > old_total, "beyond {point:?}: {new_total} ≤ {old_total}");
                prop_assert!((new_total - top).abs() < 1e-6);

                let mut before = s.clone();
                before.criteria[j].weight = (point.weight - direction * step).max(0.0);
                if (before.criteria[j].weight - flip.weight).abs() > step {
                    let (first, top, _) = leader_and_total(&before, &leader);
                    let (_, _, old_total) = leader_and_total(&before, &leader);
                    prop_assert!(first == leader || (top - old_total).abs() < 1e-9,
                        "before {point:?}, {first} leads instead of {leader}");
                }
            }
        }
    }

    #[test]
    fn applying_the_smallest_score_flip_swaps_leader_and_runner_up(s in sessions()) {
        let report = quick(&s);
        let (leader, runner_up) = (report.leader.clone().unwrap(), report.runner_up.clone().unwrap());
        if let Some(flip) = report.score_flips.first() {
            let span = 4.0;
            let toward = (flip.to - flip.from).signum();
            for (delta, swapped) in [(1e-6, true), (-1e-6, false)] {
                let mut changed = s.clone();
                let o = changed.option_idx(&flip.option).unwrap();
                let value = (flip.to + toward * delta * span).clamp(1.0, 5.0);
                changed.options[o].scores.get_mut(&flip.criterion).unwrap().likely = value;
                let (_, _, l) = leader_and_total(&changed, &leader);
                let (_, _, r) = leader_and_total(&changed, &runner_up);
                if value == flip.to { continue; }
                prop_assert_eq!(r > l, swapped, "{:?}: leader {} runner-up {}", flip, l, r);
            }
        }
    }

    #[test]
    fn rank_acceptability_rows_columns_and_p_best_each_sum_to_one(s in sessions(), simplex in any::<bool>()) {
        let config = SmaaConfig {
            samples: 500,
            weights: if simplex { WeightMode::Simplex } else { WeightMode::Jitter { percent: 30.0 } },
            ..SmaaConfig::default()
        };
        let result = smaa(&DecisionMatrix::from_session(&s), &config);
        let m = result.options.len();
        let p_best: f64 = result.options.iter().map(|a| a.p_best).sum();
        prop_assert!((p_best - 1.0).abs() < 1e-9, "{}", p_best);
        for a in &result.options {
            prop_assert!((a.rank_acceptability.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            prop_assert_eq!(a.p_best, a.rank_acceptability[0]);
        }
        for k in 0..m {
            let column: f64 = result.options.iter().map(|a| a.rank_acceptability[k]).sum();
            prop_assert!((column - 1.0).abs() < 1e-9);
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_report_and_another_seed_does_not() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let s = sessions()
        .new_tree(&mut runner)
        .expect("a session")
        .current();
    let config = RobustnessConfig {
        monte_carlo: Some(SmaaConfig {
            seed: 42,
            weights: WeightMode::Simplex,
            ..SmaaConfig::default()
        }),
    };
    let first = analyze(&s, &config);
    assert_eq!(first, analyze(&s, &config));
    let json = |r| serde_json::to_string(&r).expect("serialises");
    assert_eq!(json(&first), json(&analyze(&s, &config)));
    let other = RobustnessConfig {
        monte_carlo: Some(SmaaConfig {
            seed: 43,
            weights: WeightMode::Simplex,
            ..SmaaConfig::default()
        }),
    };
    assert_ne!(first.monte_carlo, analyze(&s, &other).monte_carlo);
}
