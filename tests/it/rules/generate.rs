//! Sessions for the rules properties: mixed scales (some starting below 0), directions,
//! weights (some 0), vetoes, ranges, stopping lenses and exact ties.

use proptest::prelude::*;
use verdict::model::{Criterion, CriterionId, Direction, Lens, Score, Session, SolutionOption};

/// One criterion: weight, benefit?, scale start, scale length, veto (as a fraction of the
/// scale) or none.
type CriterionSpec = (u8, bool, i8, u8, Option<f64>);

/// One option: lens pick, per-criterion score fractions 0..1 with a range half-width, and
/// whether it copies the option before it (an exact tie).
type OptionSpec = (u8, Vec<(f64, f64)>, bool);

const LENSES: [Lens; 5] = [
    Lens::Buy,
    Lens::Process,
    Lens::ReArchitect,
    Lens::DoNothing,
    Lens::Kill,
];

fn criterion_spec() -> impl Strategy<Value = CriterionSpec> {
    (
        prop_oneof![1 => Just(0u8), 4 => 1u8..=10],
        any::<bool>(),
        prop_oneof![Just(1i8), Just(0), Just(-5)],
        prop_oneof![Just(4u8), Just(10)],
        prop::option::weighted(0.35, 0.05f64..0.6),
    )
}

fn option_spec(n_criteria: usize) -> impl Strategy<Value = OptionSpec> {
    (
        prop_oneof![6 => 0u8..3, 1 => 3u8..5],
        prop::collection::vec(
            (0.0f64..=1.0, prop_oneof![2 => Just(0.0), 1 => 0.0f64..0.3]),
            n_criteria,
        ),
        prop::bool::weighted(0.15),
    )
}

/// A score in half steps of the scale `lo..lo + len`.
fn half_step(lo: f64, len: f64, fraction: f64) -> f64 {
    lo + ((fraction * len) * 2.0).round() / 2.0
}

/// Builds the session from its specs; ids `c0…`, `o0…`, titles `C0…`, `O0…`.
pub fn session_from(criteria: &[CriterionSpec], options: &[OptionSpec]) -> Session {
    let mut s = Session::new("generated");
    s.criteria = criteria
        .iter()
        .enumerate()
        .map(|(j, &(weight, benefit, lo, len, veto))| {
            let direction = if benefit {
                Direction::Benefit
            } else {
                Direction::Cost
            };
            let mut c = Criterion::new(
                &format!("c{j}"),
                &format!("C{j}"),
                f64::from(weight),
                direction,
            );
            let (lo, len) = (f64::from(lo), f64::from(len));
            c.scale.lo = lo;
            c.scale.hi = lo + len;
            c.scale.levels.clear();
            // A veto sits on the bad side of the scale, in half steps.
            c.veto = veto.map(|f| match direction {
                Direction::Benefit => half_step(lo, len, f),
                Direction::Cost => half_step(lo, len, 1.0 - f),
            });
            c
        })
        .collect();
    for (i, (lens, scores, copy)) in options.iter().enumerate() {
        let mut option = SolutionOption::new(
            &format!("o{i}"),
            &format!("O{i}"),
            LENSES[usize::from(*lens) % LENSES.len()].clone(),
        );
        if *copy && i > 0 {
            option.scores = s.options[i - 1].scores.clone();
        } else {
            for (c, &(fraction, half)) in s.criteria.iter().zip(scores) {
                let (lo, hi) = (c.scale.lo, c.scale.hi);
                let likely = half_step(lo, hi - lo, fraction);
                let mut score = Score::point(likely);
                if half > 0.0 {
                    let width = half * (hi - lo);
                    score.low = Some(
                        half_step(lo, hi - lo, ((likely - width - lo) / (hi - lo)).max(0.0))
                            .min(likely),
                    );
                    score.high = Some(
                        half_step(lo, hi - lo, ((likely + width - lo) / (hi - lo)).min(1.0))
                            .max(likely),
                    );
                }
                option.scores.insert(CriterionId::new(c.id.as_str()), score);
            }
        }
        s.options.push(option);
    }
    s
}

/// Sessions of 2..4 criteria and 2..7 options.
pub fn sessions() -> impl Strategy<Value = Session> {
    prop::collection::vec(criterion_spec(), 2..5).prop_flat_map(|criteria| {
        let n = criteria.len();
        prop::collection::vec(option_spec(n), 2..8)
            .prop_map(move |options| session_from(&criteria, &options))
    })
}

#[test]
fn generated_sessions_are_valid_and_reach_every_rule_the_properties_test() {
    use proptest::strategy::ValueTree;
    use verdict::analysis::flip_points::FlipKind;
    use verdict::analysis::{Recommendation, rank, recommend};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut veto_flips, mut vetoed, mut ties, mut stops, mut zero_weights) = (0, 0, 0, 0, 0);
    for _ in 0..200 {
        let s = sessions()
            .new_tree(&mut runner)
            .expect("a session")
            .current();
        let problems = verdict::model::validate(&s);
        assert!(problems.is_empty(), "{problems:?}");
        let report = verdict::analysis::robustness::quick(&s);
        veto_flips += report
            .score_flips
            .iter()
            .filter(|f| f.by == FlipKind::Veto)
            .count();
        let ranking = rank(&s);
        vetoed += ranking.rows.iter().filter(|r| r.is_vetoed()).count();
        let ranks: Vec<_> = ranking.ranked().map(|r| r.rank).collect();
        ties += usize::from(ranks.windows(2).any(|w| w[0] == w[1]));
        stops += usize::from(matches!(recommend(&s), Recommendation::Kill { .. }));
        zero_weights += s.criteria.iter().filter(|c| c.weight == 0.0).count();
    }
    for (what, count) in [
        ("score flips by veto", veto_flips),
        ("vetoed options", vetoed),
        ("sessions with a tie", ties),
        ("kill advice", stops),
        ("criteria with weight 0", zero_weights),
    ] {
        assert!(count >= 5, "only {count} {what} in 200 generated sessions");
    }
}
