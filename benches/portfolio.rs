//! Speed of the portfolio on generated folders of sessions.
//!
//! Targets (release, the 2-core development machine): 1,000 sessions × 10 options, capacity
//! 2,000 person-weeks — load the folder in parallel + optimise + frontier under 1 s;
//! re-optimising after a capacity change under 50 ms; 1,000 Monte Carlo draws of the core
//! index on 100 sessions under 5 s.

#![allow(missing_docs)]

use criterion::{Criterion as Bench, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;
use verdict::analysis::uncertainty::Control;
use verdict::model::{Effort, Lens, Outcome, PortfolioSettings, Score, Session, SolutionOption};
use verdict::portfolio::Portfolio;
use verdict::portfolio::core_index::{CoreConfig, core_indexes};
use verdict::store::{load_portfolio, to_canonical_ron};

/// A session of 10 options (one Do-nothing), every score and effort ranged; `step` is the
/// grain of the effort estimates in person-weeks (0.5 for half weeks, 0.1 for tenths).
fn generated(i: usize, step: f64) -> Session {
    let mut s = Session::new(&format!("directive {i}"));
    s.title = format!("Directive {i:04}");
    s.stakes = Some(50.0 + ((i * 37) % 400) as f64);
    s.criteria[1].measures_effort = true;
    for k in 0..10 {
        let lens = if k == 9 {
            Lens::DoNothing
        } else {
            Lens::ReArchitect
        };
        let mut option = SolutionOption::new(&format!("o{k}"), &format!("Option {k}"), lens);
        for (j, criterion) in ["impact", "cost", "trust-risk"].into_iter().enumerate() {
            let likely = 1.0 + ((i * 7 + k * 13 + j * 5) % 9) as f64 / 2.0;
            let mut score = Score::point(likely);
            score.low = Some((likely - 1.0).max(1.0));
            score.high = Some((likely + 1.0).min(5.0));
            option
                .scores
                .insert(verdict::model::CriterionId::new(criterion), score);
        }
        if k < 9 {
            let steps = 1 + ((i * 11 + k * 17) % ((8.0 / step) as usize));
            let likely = steps as f64 * step;
            option.effort = Some(Effort {
                likely,
                low: Some(likely * 0.8),
                high: Some(likely * 1.5),
            });
        }
        s.options.push(option);
    }
    if i.is_multiple_of(3) {
        s.outcome = Outcome::Chosen {
            option: verdict::model::OptionId::new("o0"),
            rationale: String::new(),
        };
    }
    s
}

fn write_folder(dir: &Path, n: usize, step: f64) {
    for i in 0..n {
        let sub = dir.join(format!("team-{}", i % 10));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(format!("d{i:04}.ron")),
            to_canonical_ron(&generated(i, step)),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("portfolio.ron"),
        "(format: 1, capacity: Some(2000.0), value_unit: \"points\")",
    )
    .unwrap();
}

fn end_to_end(c: &mut Bench) {
    let mut group = c.benchmark_group("portfolio_1000x10");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for (label, step) in [("half_weeks", 0.5), ("tenths", 0.1)] {
        let dir = tempfile::tempdir().unwrap();
        write_folder(dir.path(), 1_000, step);
        group.bench_function(format!("load_optimise_frontier_{label}"), |b| {
            b.iter(|| {
                let folder = load_portfolio(dir.path(), 2).unwrap();
                let portfolio = Portfolio::new(folder.settings.clone(), &folder.members).unwrap();
                let plan = portfolio.plan(2_000.0);
                black_box((plan.value, portfolio.frontier().len()))
            })
        });
        let folder = load_portfolio(dir.path(), 2).unwrap();
        group.bench_function(format!("load_only_{label}"), |b| {
            b.iter(|| black_box(load_portfolio(dir.path(), 2).unwrap().members.len()))
        });
        let portfolio = Portfolio::new(folder.settings.clone(), &folder.members).unwrap();
        let mut capacity = 1_500.0;
        group.bench_function(format!("replan_after_capacity_change_{label}"), |b| {
            b.iter(|| {
                capacity = if capacity >= 2_500.0 {
                    1_500.0
                } else {
                    capacity + 7.3
                };
                // What the window does when the slider moves: the plan and its table rows.
                let plan = portfolio.plan(capacity);
                let (rows, above) = portfolio.rows(&plan, None, false);
                black_box((plan.value, rows.len(), above))
            })
        });
    }
    group.finish();
}

fn monte_carlo(c: &mut Bench) {
    let members: Vec<_> = (0..100)
        .map(|i| verdict::model::PortfolioMember {
            path: format!("d{i}.ron"),
            session: generated(i, 0.5),
        })
        .collect();
    let settings = PortfolioSettings {
        capacity: Some(200.0),
        ..PortfolioSettings::default()
    };
    let portfolio = Portfolio::new(settings, &members).unwrap();
    let mut group = c.benchmark_group("core_index_100");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("draws_1000", |b| {
        b.iter(|| {
            core_indexes(
                &portfolio,
                &CoreConfig {
                    samples: 1_000,
                    seed: 1,
                    capacity: 200.0,
                    threads: 2,
                },
                &Control::default(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, end_to_end, monte_carlo);
criterion_main!(benches);
