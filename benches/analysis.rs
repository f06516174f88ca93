//! Speed of the robustness analyses on generated sessions where every score has a range.
//!
//! Targets (release): 10,000 Monte Carlo samples on 200 options × 12 criteria under 50 ms,
//! and on 20 options × 15 criteria under 5 ms.

// criterion's `criterion_group!` generates a public function it cannot document.
#![allow(missing_docs)]

use criterion::{Criterion as Bench, criterion_group, criterion_main};
use std::hint::black_box;
use verdict::analysis::matrix::DecisionMatrix;
use verdict::analysis::robustness::quick;
use verdict::analysis::uncertainty::{SmaaConfig, WeightMode, smaa};
use verdict::model::{Criterion, CriterionId, Direction, Lens, Score, Session, SolutionOption};

/// A session of `n_options × n_criteria`, every score ranged, values spread by a fixed rule.
fn generated(n_options: usize, n_criteria: usize) -> Session {
    let mut s = Session::new("generated");
    s.criteria = (0..n_criteria)
        .map(|j| {
            let direction = if j % 3 == 0 {
                Direction::Cost
            } else {
                Direction::Benefit
            };
            Criterion::new(
                &format!("c{j}"),
                &format!("C{j}"),
                1.0 + j as f64,
                direction,
            )
        })
        .collect();
    for i in 0..n_options {
        let mut option = SolutionOption::new(&format!("o{i}"), &format!("O{i}"), Lens::Buy);
        for j in 0..n_criteria {
            let likely = 2.0 + ((i * 7 + j * 13) % 17) as f64 / 8.0;
            let mut score = Score::point(likely);
            score.low = Some(likely - 1.0);
            score.high = Some((likely + 1.0).min(5.0));
            option
                .scores
                .insert(CriterionId::new(format!("c{j}")), score);
        }
        s.options.push(option);
    }
    s
}

fn monte_carlo(c: &mut Bench) {
    for (n_options, n_criteria) in [(200, 12), (20, 15)] {
        let matrix = DecisionMatrix::from_session(&generated(n_options, n_criteria));
        for (label, weights) in [
            ("fixed", WeightMode::Fixed),
            ("simplex", WeightMode::Simplex),
        ] {
            let config = SmaaConfig {
                weights,
                ..SmaaConfig::default()
            };
            c.bench_function(&format!("smaa_10k_{n_options}x{n_criteria}_{label}"), |b| {
                b.iter(|| smaa(black_box(&matrix), &config))
            });
        }
    }
}

fn cheap(c: &mut Bench) {
    let session = generated(200, 12);
    c.bench_function("quick_report_200x12", |b| {
        b.iter(|| quick(black_box(&session)))
    });
}

criterion_group!(benches, monte_carlo, cheap);
criterion_main!(benches);
