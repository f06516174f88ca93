//! The worked examples of `docs/WEIGHTS.md`: swing weighting and Saaty's pairwise textbook
//! example, checked to 1e-9, and the page checked to print the same figures.

use verdict::analysis::pairwise::{PairwiseMatrix, weights};
use verdict::analysis::swing::{Swing, swing_weights};
use verdict::document::{Document, Edit, as_percentages};
use verdict::model::{Criterion, Direction, LogEvent, Session, WeightMethod};

fn doc_page() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/WEIGHTS.md");
    std::fs::read_to_string(path).unwrap()
}

/// `x` to `places` decimals with the digits after the point in groups of three, as the page
/// prints them: `0.177 456 747 446`.
fn grouped(x: f64, places: usize) -> String {
    let text = format!("{x:.places$}");
    let (whole, fraction) = text.split_once('.').unwrap();
    let groups: Vec<String> = fraction
        .as_bytes()
        .chunks(3)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    format!("{whole}.{}", groups.join(" "))
}

/// Saaty (2008), Int. J. Services Sciences 1(1), 83–98: relative consumption of drinks in
/// the United States. Rows and columns: coffee, wine, tea, beer, sodas, milk, water.
fn saaty_drinks() -> PairwiseMatrix {
    let (h, t, q, f, n) = (1.0 / 2.0, 1.0 / 3.0, 1.0 / 4.0, 1.0 / 5.0, 1.0 / 9.0);
    PairwiseMatrix::from_rows(&[
        &[1.0, 9.0, 5.0, 2.0, 1.0, 1.0, h],
        &[n, 1.0, t, n, n, n, n],
        &[f, 3.0, 1.0, t, q, t, n],
        &[h, 9.0, 3.0, 1.0, h, 1.0, t],
        &[1.0, 9.0, 4.0, 2.0, 1.0, 2.0, h],
        &[1.0, 9.0, 3.0, 1.0, h, 1.0, t],
        &[2.0, 9.0, 9.0, 3.0, 2.0, 3.0, 1.0],
    ])
    .unwrap()
}

#[test]
fn pairwise_weights_match_saatys_drinks_example_to_1e_9() {
    let got = weights(&saaty_drinks()).unwrap();
    // The paper's three places.
    let paper = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327];
    for (g, p) in got.weights.iter().zip(paper) {
        assert!((g - p).abs() <= 0.0005, "{:?}", got.weights);
    }
    // Power iteration in 60-digit arithmetic (mpmath), rounded to 20 places.
    let exact = [
        0.177_456_747_445_716_82,
        0.019_149_476_024_353_58,
        0.041_831_181_662_097_91,
        0.116_417_031_734_858_64,
        0.189_572_375_326_176_14,
        0.128_780_548_538_722_55,
        0.326_792_639_268_074_35,
    ];
    for (g, e) in got.weights.iter().zip(exact) {
        assert!((g - e).abs() < 1e-9, "{:?}", got.weights);
    }
    assert!((got.lambda_max - 7.176_629_039_330_341).abs() < 1e-9);
    assert!((got.consistency_index - 0.029_438_173_221_723_57).abs() < 1e-9);
    assert!((got.consistency_ratio - 0.022_301_646_380_093_62).abs() < 1e-9);
    assert!(!got.is_inconsistent());
    let pair = got.most_inconsistent.unwrap();
    assert_eq!((pair.row, pair.col), (1, 6), "wine against water");
    let page = doc_page();
    for e in exact {
        assert!(
            page.contains(&grouped(e, 12)),
            "{} not on the page",
            grouped(e, 12)
        );
    }
    for figure in [
        grouped(got.lambda_max, 12),
        grouped(got.consistency_index, 12),
        grouped(got.consistency_ratio, 12),
        format!("{:.4}", pair.implied),
    ] {
        assert!(page.contains(&figure), "{figure} not on the page");
    }
}

#[test]
fn swing_weights_match_the_cloud_bill_example_to_1e_9() {
    // Annual savings 100, Trust risk 50, Migration effort 25.
    let got = swing_weights(&[100.0, 50.0, 25.0]).unwrap();
    let want = [100.0 / 175.0, 50.0 / 175.0, 25.0 / 175.0];
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-9, "{got:?}");
    }
    assert_eq!(as_percentages(&got), [57.14, 28.57, 14.29]);
    let page = doc_page();
    for w in want {
        assert!(
            page.contains(&grouped(w, 10)),
            "{} not on the page",
            grouped(w, 10)
        );
    }
    let mut effort = Criterion::new("effort", "Migration effort", 1.0, Direction::Cost);
    effort.unit = "engineer-weeks".into();
    effort.scale.lo = 0.0;
    effort.scale.hi = 40.0;
    let line = Swing::of(&effort).describe(&effort.unit);
    assert_eq!(line, "40 engineer-weeks → 0 engineer-weeks");
    assert!(page.contains(&line));
    let risk = Session::new("x").criteria[2].clone();
    assert!(page.contains(&Swing::of(&risk).describe("")));
}

#[test]
fn pairwise_weights_applied_to_a_session_are_one_step_with_the_ratio_in_the_log() {
    // Impact 3× Cost, Impact 5× Trust risk, Cost 2× Trust risk.
    let m =
        PairwiseMatrix::from_rows(&[&[1.0, 3.0, 5.0], &[0.0, 1.0, 2.0], &[0.0, 0.0, 1.0]]).unwrap();
    let got = weights(&m).unwrap();
    let mut doc = Document::new(Session::new("make checkout faster"));
    let ids: Vec<_> = doc
        .session()
        .criteria
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let edit = Edit::SetWeights {
        weights: ids.into_iter().zip(as_percentages(&got.weights)).collect(),
        method: WeightMethod::Pairwise {
            consistency_ratio: got.consistency_ratio,
        },
    };
    doc.apply(edit, chrono::DateTime::UNIX_EPOCH).unwrap();
    let s = doc.session();
    let sum: f64 = s.criteria.iter().map(|c| c.weight).sum();
    assert!((sum - 100.0).abs() <= 0.02, "{sum}");
    assert!(s.criteria[0].weight > s.criteria[1].weight);
    assert!(s.criteria[1].weight > s.criteria[2].weight);
    let [entry] = s.log.as_slice() else {
        panic!("one log entry: {:?}", s.log)
    };
    assert!(matches!(
        &entry.event,
        LogEvent::WeightsSet {
            method: WeightMethod::Pairwise { .. },
            ..
        }
    ));
    assert!(
        entry
            .event
            .describe()
            .starts_with("Weights set by pairwise comparison (CR 0.00")
    );
}

mod properties {
    use proptest::prelude::*;
    use verdict::analysis::pairwise::{PairwiseMatrix, weights};
    use verdict::analysis::swing::swing_weights;

    proptest! {
        #[test]
        fn swing_weights_are_the_ratings_in_proportion_summing_to_one(
            ratings in prop::collection::vec(0.0f64..=100.0, 1..12),
        ) {
            prop_assume!(ratings.iter().any(|r| *r > 0.0));
            let w = swing_weights(&ratings).unwrap();
            prop_assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            let top = ratings.iter().cloned().fold(0.0, f64::max);
            let top_idx = ratings.iter().position(|r| *r == top).unwrap();
            for (r, x) in ratings.iter().zip(&w) {
                prop_assert!((x * top - r * w[top_idx]).abs() < 1e-9);
            }
        }

        #[test]
        fn consistent_judgements_give_their_own_ratios_back_with_no_inconsistency(
            // Priorities whose ratios all stay on Saaty's 1/9..9 scale.
            priorities in prop::collection::vec(1.0f64..3.0, 1..10),
        ) {
            let n = priorities.len();
            let mut m = PairwiseMatrix::equal(n).unwrap();
            for i in 0..n {
                for j in i + 1..n {
                    m.set(i, j, priorities[i] / priorities[j]).unwrap();
                }
            }
            let got = weights(&m).unwrap();
            let sum: f64 = priorities.iter().sum();
            for (g, p) in got.weights.iter().zip(&priorities) {
                prop_assert!((g - p / sum).abs() < 1e-9, "{:?}", got.weights);
            }
            prop_assert!(got.consistency_ratio.abs() < 1e-9);
        }
    }
}
