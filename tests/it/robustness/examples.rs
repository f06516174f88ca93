//! Hand-worked and textbook examples of the robustness analyses.

use verdict::analysis::matrix::DecisionMatrix;
use verdict::analysis::robustness::{RobustnessConfig, analyze, quick};
use verdict::analysis::topsis::closeness;
use verdict::analysis::uncertainty::{SmaaConfig, WeightMode, smaa};
use verdict::analysis::verdict::VerdictKind;
use verdict::model::{Criterion, CriterionId, Direction, Lens, Score, Session, SolutionOption};

/// A session on the default criteria (Impact 50, Cost 25, Trust risk 25) with options
/// given as `(id, lens, impact, cost, trust risk)`.
fn session(rows: &[(&str, Lens, f64, f64, f64)]) -> Session {
    let mut s = Session::new("make checkout faster");
    for (id, lens, impact, cost, risk) in rows {
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
fn topsis_matches_the_papathanasiou_ploskas_textbook_example_to_1e_9() {
    // Papathanasiou & Ploskas, "Multiple Criteria Decision Aid" (2018), chapter on TOPSIS:
    // six alternatives, four benefit criteria, weights 0.4 / 0.3 / 0.1 / 0.2; the book gives
    // the closeness to three decimals.
    let matrix = [
        8.0, 7.0, 2.0, 1.0, //
        5.0, 3.0, 7.0, 5.0, //
        7.0, 5.0, 6.0, 4.0, //
        9.0, 9.0, 7.0, 3.0, //
        11.0, 10.0, 3.0, 7.0, //
        6.0, 9.0, 5.0, 4.0,
    ];
    let got = closeness(&matrix, &[0.4, 0.3, 0.1, 0.2], &[true; 4]);
    let book = [0.387, 0.327, 0.391, 0.615, 0.868, 0.493];
    for (g, b) in got.iter().zip(book) {
        assert!((g - b).abs() <= 0.0005, "{got:?}");
    }
    // The same example worked in 50-digit decimal arithmetic (vector normalisation, weighted,
    // Euclidean distances to the ideal and anti-ideal), rounded to 15 places.
    let exact = [
        0.387_214_710_959_655,
        0.327_169_690_969_587,
        0.390_669_986_864_299,
        0.614_660_344_859_267,
        0.868_495_376_064_680,
        0.492_848_335_989_949,
    ];
    for (g, e) in got.iter().zip(exact) {
        assert!((g - e).abs() < 1e-9, "{got:?}");
    }
}

#[test]
fn topsis_matches_a_hand_worked_example_to_1e_9() {
    // Benefit column (1, 2, 2), norm 3; cost column (2, 1, 2), norm 3; weights 3 : 1.
    // Weighted: (0.25, 1/6), (0.5, 1/12), (0.5, 1/6). Ideal (0.5, 1/12), anti-ideal
    // (0.25, 1/6). The third option is 1/12 from the ideal and 0.25 from the anti-ideal:
    // closeness 0.25 / (1/3) = 0.75. The first is the anti-ideal (0), the second the ideal (1).
    let got = closeness(&[1.0, 2.0, 2.0, 1.0, 2.0, 2.0], &[3.0, 1.0], &[true, false]);
    for (g, want) in got.iter().zip([0.0, 1.0, 0.75]) {
        assert!((g - want).abs() < 1e-9, "{got:?}");
    }
}

#[test]
fn a_clear_leader_gets_a_clear_verdict_and_topsis_agrees() {
    let s = session(&[
        ("cdn", Lens::Buy, 5.0, 2.0, 1.0),
        ("rewrite", Lens::ReArchitect, 2.0, 5.0, 4.0),
        ("process", Lens::Process, 3.0, 2.0, 2.0),
    ]);
    let report = analyze(&s, &RobustnessConfig::default());
    assert_eq!(
        report.verdict.kind,
        VerdictKind::ClearWinner,
        "{}",
        report.verdict.line
    );
    assert!(report.verdict.line.starts_with("Clear winner: “cdn”"));
    assert!(report.topsis.as_ref().is_some_and(|t| t.agrees));
    let dominated: Vec<&str> = report.dominated.iter().map(|d| d.option.as_str()).collect();
    assert_eq!(dominated, ["rewrite", "process"]);
}

#[test]
fn a_near_tie_is_a_fragile_winner_named_by_the_weight_that_flips_it() {
    // a: 50·1 + 25·0 + 25·0.625 = 65.6; b: 50·0.75 + 25·0.75 + 25·0.5 = 68.75. Cost favours
    // b; with cost's share down from 25 % to about 21.7 % (weight 20.8) a takes the lead.
    let s = session(&[
        ("a", Lens::Buy, 5.0, 5.0, 2.5),
        ("b", Lens::Process, 4.0, 2.0, 3.0),
    ]);
    let report = quick(&s);
    assert_eq!(
        report.verdict.kind,
        VerdictKind::FragileWinner,
        "{}",
        report.verdict.line
    );
    assert!(
        report
            .verdict
            .line
            .contains("lowering the weight of Cost from 25 to 20.83 makes “a”"),
        "{}",
        report.verdict.line
    );
}

#[test]
fn tied_leaders_are_no_clear_winner() {
    let s = session(&[
        ("a", Lens::Buy, 4.0, 2.0, 2.0),
        ("b", Lens::Process, 4.0, 2.0, 2.0),
    ]);
    let report = quick(&s);
    assert_eq!(report.verdict.kind, VerdictKind::NoClearWinner);
    assert!(report.verdict.line.contains("tie at the top"));
}

#[test]
fn do_nothing_ranking_first_gives_a_kill_verdict() {
    let s = session(&[
        ("wait", Lens::DoNothing, 3.0, 1.0, 1.0),
        ("rewrite", Lens::ReArchitect, 4.0, 5.0, 5.0),
    ]);
    let report = analyze(&s, &RobustnessConfig::default());
    assert_eq!(report.verdict.kind, VerdictKind::Kill);
    assert_eq!(
        report.verdict.option.as_ref().map(|o| o.as_str()),
        Some("wait")
    );
    // No score has a range and the weights are fixed: the simulation varied nothing, so
    // its share of samples is not offered as evidence.
    assert!(
        !report.verdict.line.contains("of samples"),
        "{}",
        report.verdict.line
    );
}

#[test]
fn a_zero_weight_criterion_has_no_flip_points_as_it_counts_in_no_total() {
    let mut s = session(&[
        ("a", Lens::Buy, 5.0, 3.0, 3.0),
        ("b", Lens::Process, 3.0, 3.0, 1.0),
    ]);
    s.criteria[2].weight = 0.0;
    let report = quick(&s);
    let flipped: Vec<&str> = report
        .weight_flips
        .iter()
        .map(|f| f.criterion.as_str())
        .collect();
    assert_eq!(flipped, ["impact", "cost"]);
    assert_eq!(report.criteria_left_out, [CriterionId::new("trust-risk")]);
}

#[test]
fn the_only_weighted_criterion_never_flips() {
    let mut s = session(&[
        ("a", Lens::Buy, 5.0, 3.0, 3.0),
        ("b", Lens::Process, 3.0, 1.0, 1.0),
    ]);
    s.criteria[1].weight = 0.0;
    s.criteria[2].weight = 0.0;
    let report = quick(&s);
    assert!(report.weight_flips[0].up.is_none() && report.weight_flips[0].down.is_none());
}

#[test]
fn simplex_weights_find_the_central_weights_of_each_winner() {
    // a is best on impact, b on cost: under any weights each wins where its criterion weighs most.
    let mut s = Session::new("x");
    s.criteria = vec![
        Criterion::new("impact", "Impact", 1.0, Direction::Benefit),
        Criterion::new("cost", "Cost", 1.0, Direction::Cost),
    ];
    s.options.push(
        SolutionOption::new("a", "A", Lens::Buy)
            .with_score("impact", 5.0)
            .with_score("cost", 5.0),
    );
    s.options.push(
        SolutionOption::new("b", "B", Lens::Buy)
            .with_score("impact", 1.0)
            .with_score("cost", 1.0),
    );
    let config = SmaaConfig {
        weights: WeightMode::Simplex,
        samples: 20_000,
        ..SmaaConfig::default()
    };
    let result = smaa(&DecisionMatrix::from_session(&s), &config);
    let a = &result.options[0];
    assert!((a.p_best - 0.5).abs() < 0.02, "{}", a.p_best);
    // a wins exactly when impact's weight exceeds one half: its mean is 3/4.
    let centre = a.central_weights.as_ref().expect("a wins sometimes");
    assert!((centre[0] - 0.75).abs() < 0.01, "{centre:?}");
}

#[test]
fn a_range_on_the_leaders_score_lowers_its_chance_of_winning() {
    let mut s = session(&[
        ("a", Lens::Buy, 4.0, 2.0, 2.0),
        ("b", Lens::Process, 3.5, 2.0, 2.0),
    ]);
    let point = analyze(&s, &RobustnessConfig::default());
    let mut ranged = Score::point(4.0);
    ranged.low = Some(1.0);
    ranged.high = Some(4.5);
    s.options[0]
        .scores
        .insert(CriterionId::new("impact"), ranged);
    let wide = analyze(&s, &RobustnessConfig::default());
    let p = |r: &verdict::analysis::RobustnessReport| {
        r.monte_carlo.as_ref().expect("run").options[0].p_best
    };
    assert_eq!(p(&point), 1.0);
    assert!(p(&wide) < 0.6, "{}", p(&wide));
}
