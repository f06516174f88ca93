//! The portfolio optimiser against brute force, and the properties it must keep, on
//! generated small portfolios: ties, musts, excludes, vetoes, zero-effort options, options
//! without an effort, sessions without stakes, killed sessions and capacity 0.

use proptest::prelude::*;
use verdict::analysis::vetoes_of;
use verdict::model::{
    CriterionId, Effort, Lens, OptionId, Outcome, PortfolioMember as Member, PortfolioSettings,
    Session, SolutionOption,
};
use verdict::portfolio::{Entry, Portfolio, Standing};

/// One generated option: lens, impact, trust risk, effort (tenths of a week; `None` = not
/// estimated).
type GenOption = (u8, u8, u8, Option<u8>);
/// One generated session: stakes, options, outcome (0 undecided, 1 killed, 2+ chooses
/// option `k - 2`), standing in the settings (0 open, 1 must, 2 excluded), a veto on trust
/// risk.
type GenSession = (Option<u8>, Vec<GenOption>, u8, u8, bool);

fn lens(code: u8) -> Lens {
    match code {
        0 => Lens::DoNothing,
        1 => Lens::Kill,
        2 => Lens::Buy,
        _ => Lens::ReArchitect,
    }
}

fn session_of(i: usize, g: &GenSession) -> Session {
    let (stakes, options, outcome, _, veto) = g;
    let mut s = Session::new(&format!("ask {i}"));
    s.title = format!("S{i}");
    s.stakes = stakes.map(|v| f64::from(v) * 5.0);
    s.criteria[1].measures_effort = true;
    if *veto {
        s.criteria[2].veto = Some(4.0);
    }
    for (k, (code, impact, risk, effort)) in options.iter().enumerate() {
        let mut option = SolutionOption::new(&format!("o{k}"), &format!("O{k}"), lens(*code))
            .with_score("impact", f64::from(*impact))
            .with_score("cost", 3.0)
            .with_score("trust-risk", f64::from(*risk));
        option.effort = effort.map(|e| Effort::weeks(f64::from(e) / 10.0));
        s.options.push(option);
    }
    s.outcome = match outcome {
        0 => Outcome::Undecided,
        1 => Outcome::Killed {
            rationale: "no".into(),
        },
        k => match options.get(usize::from(k - 2)) {
            Some(_) => Outcome::Chosen {
                option: OptionId::new(format!("o{}", k - 2)),
                rationale: String::new(),
            },
            None => Outcome::Undecided,
        },
    };
    s
}

fn gen_session() -> impl Strategy<Value = GenSession> {
    let option = (
        0u8..4,
        1u8..=5,
        1u8..=5,
        prop_oneof![1 => Just(None), 6 => (0u8..=30).prop_map(|e| Some(e / 5 * 5))],
    );
    (
        prop_oneof![1 => Just(None), 5 => (0u8..=4).prop_map(Some)],
        prop::collection::vec(option, 0..=3),
        0u8..=5,
        prop_oneof![6 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
        prop::bool::weighted(0.2),
    )
}

fn gen_portfolio() -> impl Strategy<Value = (Vec<GenSession>, u8)> {
    (
        prop::collection::vec(gen_session(), 0..=5),
        prop_oneof![Just(0u8), 0u8..=80],
    )
}

fn build(gens: &[GenSession], capacity_tenths: u8) -> (PortfolioSettings, Vec<Member>) {
    let mut settings = PortfolioSettings {
        capacity: Some(f64::from(capacity_tenths) / 10.0),
        ..PortfolioSettings::default()
    };
    let members: Vec<Member> = gens
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let path = format!("s{i}.ron");
            match g.3 {
                1 => settings.must.push(path.clone()),
                2 => settings.exclude.push(path.clone()),
                _ => {}
            }
            Member {
                path,
                session: session_of(i, g),
            }
        })
        .collect();
    (settings, members)
}

/// The answer by definition: every combination, the highest value, then the least effort,
/// then the earliest preferred choice session by session in the portfolio's order.
/// Returns (value units, effort units, funded option id per optimised entry).
fn brute_force(portfolio: &Portfolio, capacity: u64) -> Option<(i64, u64, Vec<Option<OptionId>>)> {
    let entries: Vec<&Entry> = portfolio
        .optimised
        .iter()
        .map(|&i| &portfolio.entries[i])
        .collect();
    // Choices per entry with their preference rank, written out independently of the
    // optimiser: today's choice, then nothing, then by effort and document order.
    let choices: Vec<Vec<(usize, Option<usize>)>> = entries
        .iter()
        .map(|e| {
            let must = e.standing == Standing::Must;
            let mut list: Vec<Option<usize>> = Vec::new();
            if let Some(t) = e.today {
                list.push(Some(t));
            }
            if !(must && e.today.is_some()) {
                if !must {
                    list.push(None);
                }
                let mut rest: Vec<usize> = (0..e.candidates.len())
                    .filter(|&c| Some(c) != e.today)
                    .collect();
                rest.sort_by_key(|&c| (e.candidates[c].effort_units, c));
                list.extend(rest.into_iter().map(Some));
            }
            list.into_iter().enumerate().collect()
        })
        .collect();
    // (value, effort, preference ranks, candidate per entry) of the best so far.
    type Best = (i64, u64, Vec<usize>, Vec<Option<usize>>);
    let mut best: Option<Best> = None;
    let mut index = vec![0usize; entries.len()];
    if choices.iter().any(Vec::is_empty) {
        return None;
    }
    loop {
        let picks: Vec<(usize, Option<usize>)> =
            index.iter().zip(&choices).map(|(&i, c)| c[i]).collect();
        let value: i64 = picks
            .iter()
            .zip(&entries)
            .map(|((_, c), e)| c.map_or(0, |c| e.candidates[c].value_units))
            .sum();
        let effort: u64 = picks
            .iter()
            .zip(&entries)
            .map(|((_, c), e)| c.map_or(0, |c| e.candidates[c].effort_units))
            .sum();
        if effort <= capacity {
            let ranks: Vec<usize> = picks.iter().map(|p| p.0).collect();
            let better = match &best {
                None => true,
                Some((v, e, r, _)) => {
                    (value, std::cmp::Reverse(effort), std::cmp::Reverse(&ranks))
                        > (*v, std::cmp::Reverse(*e), std::cmp::Reverse(r))
                }
            };
            if better {
                best = Some((value, effort, ranks, picks.iter().map(|p| p.1).collect()));
            }
        }
        // Next combination.
        let mut g = 0;
        loop {
            if g == index.len() {
                return best.map(|(v, e, _, picks)| {
                    let ids = picks
                        .iter()
                        .zip(&entries)
                        .map(|(c, e)| c.map(|c| e.candidates[c].id.clone()))
                        .collect();
                    (v, e, ids)
                });
            }
            index[g] += 1;
            if index[g] < choices[g].len() {
                break;
            }
            index[g] = 0;
            g += 1;
        }
    }
}

fn funded_ids(portfolio: &Portfolio, capacity: f64) -> Option<(i64, u64, Vec<Option<OptionId>>)> {
    let plan = portfolio.plan(capacity);
    if plan.infeasible.is_some() {
        return None;
    }
    let ids = portfolio
        .optimised
        .iter()
        .map(|&e| {
            plan.funded(e)
                .map(|c| portfolio.entries[e].candidates[c].id.clone())
        })
        .collect();
    Some((
        (plan.value * 1000.0).round() as i64,
        (plan.effort * 10.0).round() as u64,
        ids,
    ))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_optimiser_equals_brute_force((gens, capacity) in gen_portfolio()) {
        let (settings, members) = build(&gens, capacity);
        let portfolio = Portfolio::new(settings, &members).unwrap();
        let weeks = f64::from(capacity) / 10.0;
        prop_assert_eq!(funded_ids(&portfolio, weeks), brute_force(&portfolio, u64::from(capacity)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn more_capacity_never_lowers_the_best_value_and_the_plan_fits(
        (gens, capacity) in gen_portfolio(),
        extra in 0u8..40,
    ) {
        let (settings, members) = build(&gens, capacity);
        let portfolio = Portfolio::new(settings, &members).unwrap();
        let small = portfolio.plan(f64::from(capacity) / 10.0);
        let large = portfolio.plan(f64::from(capacity + extra) / 10.0);
        if small.infeasible.is_none() {
            prop_assert!(large.infeasible.is_none());
            prop_assert!(large.value >= small.value);
        }
        for plan in [&small, &large] {
            // In real person-weeks, summed from the options themselves.
            let used: f64 = plan
                .funding
                .iter()
                .filter_map(|f| f.candidate.map(|c| portfolio.entries[f.entry].candidates[c].effort))
                .sum();
            prop_assert!(used <= plan.capacity + 1e-9, "{} > {}", used, plan.capacity);
            for f in &plan.funding {
                if let Some(c) = f.candidate {
                    let entry = &portfolio.entries[f.entry];
                    let option = &entry.session.options[entry.candidates[c].option_idx];
                    prop_assert!(vetoes_of(&entry.session, option).is_empty());
                    prop_assert!(entry.standing.is_optimised());
                }
            }
        }
    }

    #[test]
    fn adding_a_session_never_lowers_the_best_value(
        (gens, capacity) in gen_portfolio(),
        extra in gen_session(),
    ) {
        let (settings, members) = build(&gens, capacity);
        let before = Portfolio::new(settings, &members).unwrap().plan(f64::from(capacity) / 10.0);
        let mut more = gens.clone();
        // An open session: a must could make the plan infeasible, which is not "lower".
        more.push((extra.0, extra.1, extra.2, 0, extra.4));
        let (settings, members) = build(&more, capacity);
        let after = Portfolio::new(settings, &members).unwrap().plan(f64::from(capacity) / 10.0);
        if before.infeasible.is_none() {
            prop_assert!(after.value >= before.value);
        }
    }

    #[test]
    fn the_frontier_rises_with_effort_and_matches_the_plans((gens, capacity) in gen_portfolio()) {
        let (settings, members) = build(&gens, capacity);
        let portfolio = Portfolio::new(settings, &members).unwrap();
        let frontier = portfolio.frontier();
        for pair in frontier.windows(2) {
            prop_assert!(pair[1].0 > pair[0].0 && pair[1].1 > pair[0].1, "{:?}", frontier);
        }
        for &(effort, value) in &frontier {
            let plan = portfolio.plan(effort);
            prop_assert!((plan.value - value).abs() < 1e-9);
            prop_assert!((plan.effort - effort).abs() < 1e-9);
        }
    }

    #[test]
    fn results_do_not_depend_on_file_order_or_names(
        (gens, capacity) in gen_portfolio(),
        seed in any::<u64>(),
    ) {
        let (settings, members) = build(&gens, capacity);
        let a = Portfolio::new(settings.clone(), &members).unwrap();
        // Reverse-rotate the files and rename them, with the settings following the names.
        let n = members.len().max(1);
        let shift = (seed as usize) % n;
        let rename = |p: &str| format!("moved/{}-{p}", seed % 97);
        let mut shuffled: Vec<Member> = members
            .iter()
            .map(|m| Member { path: rename(&m.path), session: m.session.clone() })
            .collect();
        shuffled.reverse();
        let len = shuffled.len();
        shuffled.rotate_left(shift.min(len));
        let renamed = PortfolioSettings {
            must: settings.must.iter().map(|p| rename(p)).collect(),
            exclude: settings.exclude.iter().map(|p| rename(p)).collect(),
            ..settings
        };
        let b = Portfolio::new(renamed, &shuffled).unwrap();
        let weeks = f64::from(capacity) / 10.0;
        let by_title = |p: &Portfolio| {
            let plan = p.plan(weeks);
            let mut funded: Vec<(String, Option<OptionId>)> = p
                .optimised
                .iter()
                .map(|&e| (
                    p.entries[e].title.clone(),
                    plan.funded(e).map(|c| p.entries[e].candidates[c].id.clone()),
                ))
                .collect();
            funded.sort();
            (plan.infeasible.is_some(), (plan.value * 1000.0).round() as i64, funded)
        };
        prop_assert_eq!(by_title(&a), by_title(&b));
        prop_assert_eq!(a.frontier(), b.frontier());
    }
}

#[test]
fn a_vetoed_option_is_never_funded_even_when_it_is_the_chosen_one() {
    let gens: Vec<GenSession> = vec![(Some(4), vec![(3, 5, 5, Some(10))], 2, 0, true)];
    let (settings, members) = build(&gens, 50);
    let portfolio = Portfolio::new(settings, &members).unwrap();
    let entry = &portfolio.entries[0];
    assert!(entry.candidates.is_empty());
    assert_eq!(entry.unfundable[0].0, OptionId::new("o0"));
    assert_eq!(portfolio.plan(5.0).value, 0.0);
    assert_eq!(
        portfolio.today().not_counted,
        ["S0"],
        "today's plan cannot count a vetoed choice"
    );
    let _ = CriterionId::new("trust-risk");
}
