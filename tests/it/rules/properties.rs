//! Properties of the decision rules on generated sessions (see `generate.rs`).

use super::generate::sessions;
use super::surfaces::{Standing, ranks_everywhere};
use proptest::prelude::*;
use std::collections::BTreeMap;
use verdict::analysis::flip_points::FlipKind;
use verdict::analysis::robustness::{RobustnessConfig, analyze, quick};
use verdict::analysis::uncertainty::SmaaConfig;
use verdict::analysis::{Recommendation, rank, recommend};
use verdict::model::{Direction, OptionId, Session};

/// The ids of the best-ranked options that are not vetoed.
fn top_group(s: &Session) -> Vec<OptionId> {
    let ranking = rank(s);
    let Some(best) = ranking
        .ranked()
        .find(|r| !r.is_vetoed())
        .and_then(|r| r.rank)
    else {
        return Vec::new();
    };
    ranking
        .ranked()
        .filter(|r| r.rank == Some(best) && !r.is_vetoed())
        .map(|r| r.id.clone())
        .collect()
}

/// The gap between the sole leader's total and the next option not vetoed (∞ if alone).
fn lead(s: &Session) -> Option<(OptionId, f64)> {
    let ranking = rank(s);
    let mut viable = ranking.ranked().filter(|r| !r.is_vetoed());
    let first = viable.next()?;
    let top = first.total?;
    let gap = viable.next().map_or(f64::INFINITY, |r| {
        top - r.total.unwrap_or(f64::NEG_INFINITY)
    });
    Some((first.id.clone(), gap))
}

/// The recommendation without order: kind, reason and the set of options it names first.
fn advice(s: &Session) -> (String, Option<&'static str>, Vec<String>) {
    let r = recommend(s);
    let mut named: Vec<String> = match &r {
        Recommendation::Choose {
            option, tied_with, ..
        } => std::iter::once(option)
            .chain(tied_with)
            .map(ToString::to_string)
            .collect(),
        Recommendation::Kill {
            reason:
                verdict::analysis::KillReason::StoppingOptionRanksFirst {
                    option, tied_with, ..
                },
        } => std::iter::once(option)
            .chain(tied_with)
            .map(ToString::to_string)
            .collect(),
        _ => Vec::new(),
    };
    named.sort();
    (r.kind_code().to_owned(), r.reason_code(), named)
}

fn small_monte_carlo() -> RobustnessConfig {
    RobustnessConfig {
        monte_carlo: Some(SmaaConfig {
            samples: 600,
            ..SmaaConfig::default()
        }),
    }
}

/// `s` with its options reordered by `key`.
fn shuffled(s: &Session, key: u64) -> Session {
    let mut out = s.clone();
    let mut state = key | 1;
    let mut keyed: Vec<(u64, _)> = out
        .options
        .drain(..)
        .map(|o| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 11, o)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    out.options = keyed.into_iter().map(|(_, o)| o).collect();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn rank_analyze_the_window_and_every_export_group_ties_identically(s in sessions()) {
        let everywhere = ranks_everywhere(&s);
        let reference: &BTreeMap<String, Standing> = &everywhere[0].1;
        for (surface, ranks) in &everywhere[1..] {
            for (id, standing) in ranks {
                prop_assert_eq!(
                    Some(standing), reference.get(id),
                    "{} disagrees with the ranking on {}", surface, id
                );
            }
        }
    }

    #[test]
    fn moving_a_weight_just_past_its_flip_point_changes_the_leader_and_99_percent_of_the_way_does_not(
        s in sessions()
    ) {
        let Some((leader, gap)) = lead(&s) else { return Ok(()); };
        prop_assume!(gap > 1e-4);
        let report = quick(&s);
        for flip in &report.weight_flips {
            let j = s.criteria.iter().position(|c| c.id == flip.criterion).unwrap();
            for point in flip.up.iter().chain(&flip.down) {
                let toward = point.weight_change.signum();
                let mut almost = s.clone();
                almost.criteria[j].weight = flip.weight + 0.99 * point.weight_change;
                prop_assert!(top_group(&almost).contains(&leader),
                    "99 % of the way to {:?}, {} is no longer first", point, leader);
                let mut past = s.clone();
                past.criteria[j].weight = point.weight + toward * 1e-6 * (1.0 + point.weight);
                prop_assert_ne!(top_group(&past), vec![leader.clone()],
                    "just past {:?}, {} still leads alone", point, leader);
            }
        }
    }

    #[test]
    fn moving_a_score_just_past_its_flip_point_changes_the_leader_and_99_percent_of_the_way_does_not(
        s in sessions()
    ) {
        let Some((leader, gap)) = lead(&s) else { return Ok(()); };
        prop_assume!(gap > 1e-4);
        let report = quick(&s);
        for flip in &report.score_flips {
            let o = s.option_idx(&flip.option).unwrap();
            let criterion = s.criterion(&flip.criterion).unwrap();
            let (lo, hi) = (criterion.scale.lo, criterion.scale.hi);
            // The leader's score gets worse, the runner-up's better.
            let better = if criterion.direction == Direction::Benefit { 1.0 } else { -1.0 };
            let toward = if flip.option == leader { -better } else { better };
            let set = |value: f64| {
                let mut changed = s.clone();
                let score = changed.options[o].scores.get_mut(&flip.criterion).unwrap();
                score.likely = value;
                score.low = None;
                score.high = None;
                changed
            };
            let almost = set(flip.from + 0.99 * (flip.to - flip.from));
            prop_assert!(top_group(&almost).contains(&leader),
                "99 % of the way to {:?}, {} is no longer first", flip, leader);
            let beyond = flip.to + toward * 1e-6 * (hi - lo);
            if (lo..=hi).contains(&beyond) {
                let past = set(beyond);
                let top = top_group(&past);
                prop_assert_ne!(&top, &vec![leader.clone()],
                    "just past {:?}, {} still leads alone", flip, leader);
                if flip.by == FlipKind::Veto {
                    prop_assert!(rank(&past).ranked().any(|r| r.id == leader && r.is_vetoed()));
                }
            }
        }
    }

    #[test]
    fn listing_the_options_in_another_order_changes_no_rank_recommendation_or_verdict(
        s in sessions(),
        key in any::<u64>(),
    ) {
        let t = shuffled(&s, key);
        let ranks = |s: &Session| -> BTreeMap<String, Option<usize>> {
            rank(s).rows.iter().map(|r| (r.id.to_string(), r.rank)).collect()
        };
        prop_assert_eq!(ranks(&s), ranks(&t));
        prop_assert_eq!(advice(&s), advice(&t));
        let (a, b) = (analyze(&s, &small_monte_carlo()), analyze(&t, &small_monte_carlo()));
        prop_assert_eq!(a.verdict.kind, b.verdict.kind, "{} / {}", a.verdict.line, b.verdict.line);
        let p_best = |r: &verdict::analysis::RobustnessReport| -> BTreeMap<String, f64> {
            r.monte_carlo.iter().flat_map(|mc| &mc.options)
                .map(|a| (a.option.to_string(), a.p_best)).collect()
        };
        prop_assert_eq!(p_best(&a), p_best(&b));
        prop_assert_eq!(a.topsis.map(|t| t.agrees), b.topsis.map(|t| t.agrees));
    }

    #[test]
    fn re_expressing_a_criterions_scale_changes_no_total_rank_topsis_closeness_or_verdict(
        s in sessions(),
        pick in any::<prop::sample::Index>(),
        a in prop_oneof![Just(0.5f64), Just(2.0), Just(4.0), Just(10.0)],
        b in -10i8..=10,
    ) {
        let j = pick.index(s.criteria.len());
        let b = f64::from(b);
        let f = |x: f64| a * x + b;
        let mut t = s.clone();
        let c = &mut t.criteria[j];
        c.scale.lo = f(c.scale.lo);
        c.scale.hi = f(c.scale.hi);
        c.veto = c.veto.map(f);
        let id = c.id.clone();
        for option in &mut t.options {
            if let Some(score) = option.scores.get_mut(&id) {
                score.likely = f(score.likely);
                score.low = score.low.map(f);
                score.high = score.high.map(f);
            }
        }
        prop_assert!(verdict::model::validate(&t).is_empty());
        let rows = |s: &Session| -> BTreeMap<String, (Option<f64>, Option<usize>, bool)> {
            rank(s).rows.iter()
                .map(|r| (r.id.to_string(), (r.total, r.rank, r.is_vetoed()))).collect()
        };
        let (before, after) = (rows(&s), rows(&t));
        for (id, (total, rank, vetoed)) in &before {
            let (total2, rank2, vetoed2) = after[id];
            prop_assert_eq!((rank, vetoed), (&rank2, &vetoed2), "{}", id);
            match (total, total2) {
                (Some(x), Some(y)) => prop_assert!((x - y).abs() < 1e-9, "{} vs {}", x, y),
                (x, y) => prop_assert_eq!(x.is_some(), y.is_some()),
            }
        }
        let (r1, r2) = (analyze(&s, &small_monte_carlo()), analyze(&t, &small_monte_carlo()));
        prop_assert_eq!(r1.verdict.kind, r2.verdict.kind, "{} / {}", r1.verdict.line, r2.verdict.line);
        let closeness = |r: &verdict::analysis::RobustnessReport| -> Vec<(String, f64)> {
            r.topsis.iter().flat_map(|t| &t.scores)
                .map(|x| (x.option.to_string(), x.closeness)).collect()
        };
        for ((i1, c1), (i2, c2)) in closeness(&r1).iter().zip(closeness(&r2)) {
            prop_assert_eq!(i1, &i2);
            prop_assert!((c1 - c2).abs() < 1e-9, "{}: {} vs {}", i1, c1, c2);
        }
    }
}
