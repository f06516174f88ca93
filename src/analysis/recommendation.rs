//! The recommendation: advice computed from the ranking. The outcome stays the user's.
//!
//! The rules, in order (the first that applies):
//! 1. a kill criterion has come true: **kill**;
//! 2. no criterion has a weight above 0: **nothing can be ranked** yet;
//! 3. no option is both fully scored and free of vetoes: **kill**;
//! 4. the top group of options that are not vetoed (the best-ranked tie group, see
//!    [`super::tie_groups`]) holds a Do nothing or Kill option: **kill** — a tie with
//!    stopping is no reason to act, whatever order the options are listed in;
//! 5. otherwise **choose** the first of that group in document order, naming the others it
//!    ties with and any vetoed options ranked above it.

use super::number::fixed;
use super::scoring::{Ranking, rank};
use crate::model::{OptionId, Session};

/// What the numbers advise.
#[derive(Clone, Debug, PartialEq)]
pub enum Recommendation {
    /// Go ahead with this option.
    Choose {
        /// The recommended option.
        option: OptionId,
        /// Its total, 0..100.
        total: f64,
        /// Its rank among all ranked options (vetoed ones included).
        rank: usize,
        /// How many options are ranked.
        n_ranked: usize,
        /// Other non-vetoed options in its tie group, in document order.
        tied_with: Vec<OptionId>,
        /// Vetoed options ranked above it, best first.
        vetoed_above: Vec<OptionId>,
    },
    /// Stop the project.
    Kill {
        /// Why.
        reason: KillReason,
    },
    /// No criterion has a weight above 0, so no option can be ranked.
    NothingRanked,
}

/// Why the advice is to kill.
#[derive(Clone, Debug, PartialEq)]
pub enum KillReason {
    /// These kill criteria have come true.
    KillCriterionTripped {
        /// Their conditions.
        conditions: Vec<String>,
    },
    /// No option is both fully scored and not vetoed.
    NoViableOption,
    /// A Do nothing or Kill option is in the best-ranked group of options not vetoed.
    StoppingOptionRanksFirst {
        /// That option (the first such in document order).
        option: OptionId,
        /// Its rank among all ranked options.
        rank: usize,
        /// How many options are ranked.
        n_ranked: usize,
        /// The other non-vetoed options it ties with, in document order.
        tied_with: Vec<OptionId>,
    },
}

impl KillReason {
    /// The reason's one spelling in JSON, in `verdict rank --json` and every export alike.
    pub fn code(&self) -> &'static str {
        match self {
            KillReason::KillCriterionTripped { .. } => "kill_criterion_tripped",
            KillReason::NoViableOption => "no_viable_option",
            KillReason::StoppingOptionRanksFirst { .. } => "stopping_option_ranks_first",
        }
    }
}

impl Recommendation {
    /// True for kill advice.
    pub fn is_kill(&self) -> bool {
        matches!(self, Recommendation::Kill { .. })
    }

    /// The kind of advice as every JSON output spells it: `choose`, `kill` or `none`.
    pub fn kind_code(&self) -> &'static str {
        match self {
            Recommendation::Choose { .. } => "choose",
            Recommendation::Kill { .. } => "kill",
            Recommendation::NothingRanked => "none",
        }
    }

    /// Why, as every JSON output spells it: a [`KillReason::code`], `no_weighted_criterion`
    /// when nothing can be ranked, or `None` for choose advice.
    pub fn reason_code(&self) -> Option<&'static str> {
        match self {
            Recommendation::Choose { .. } => None,
            Recommendation::Kill { reason } => Some(reason.code()),
            Recommendation::NothingRanked => Some("no_weighted_criterion"),
        }
    }

    /// The option to choose, for choose advice.
    pub fn chosen(&self) -> Option<&OptionId> {
        match self {
            Recommendation::Choose { option, .. } => Some(option),
            _ => None,
        }
    }

    /// The advice in one plain sentence, e.g. "Kill: doing nothing ranks first (“Wait”)".
    pub fn plain(&self, session: &Session) -> String {
        let title = |id: &OptionId| format!("“{}”", session.option_title(id));
        let titles = |ids: &[OptionId]| and_list(&ids.iter().map(title).collect::<Vec<_>>());
        let tied = |ids: &[OptionId]| {
            if ids.is_empty() {
                String::new()
            } else {
                format!(", tied with {}", titles(ids))
            }
        };
        match self {
            Recommendation::Choose {
                option,
                total,
                rank,
                n_ranked,
                tied_with,
                vetoed_above,
            } => {
                let total = fixed(*total, 1);
                let mut text = if *rank == 1 {
                    format!(
                        "Choose {}: it ranks first with {total} of 100",
                        title(option)
                    )
                } else {
                    format!(
                        "Choose {}: the best-ranked option that is not vetoed, rank {rank} of \
                         {n_ranked}, with {total} of 100",
                        title(option)
                    )
                };
                text.push_str(&tied(tied_with));
                if !vetoed_above.is_empty() {
                    let verb = if vetoed_above.len() == 1 {
                        "ranks higher but is"
                    } else {
                        "rank higher but are"
                    };
                    text.push_str(&format!(" ({} {verb} vetoed)", titles(vetoed_above)));
                }
                text
            }
            Recommendation::Kill { reason } => match reason {
                KillReason::KillCriterionTripped { conditions } => {
                    format!(
                        "Kill: a kill criterion has come true — {}",
                        conditions.join("; ")
                    )
                }
                KillReason::NoViableOption => {
                    "Kill: no option is both fully scored and free of vetoes".to_owned()
                }
                KillReason::StoppingOptionRanksFirst {
                    option,
                    rank,
                    n_ranked,
                    tied_with,
                } => {
                    let lens = session.option(option).map(|o| &o.lens);
                    let what = match lens {
                        Some(crate::model::Lens::Kill) => "killing the project",
                        _ => "doing nothing",
                    };
                    let mut text = if *rank == 1 {
                        format!("Kill: {what} ranks first ({})", title(option))
                    } else {
                        format!(
                            "Kill: {what} is the best-ranked option that is not vetoed ({}, \
                             rank {rank} of {n_ranked})",
                            title(option)
                        )
                    };
                    if !tied_with.is_empty() {
                        text.push_str(&tied(tied_with));
                        text.push_str(&format!(": a tie with {what} is no reason to act"));
                    }
                    text
                }
            },
            Recommendation::NothingRanked => "Nothing can be ranked yet: every criterion has \
                 weight 0; give at least one criterion a weight above 0"
                .to_owned(),
        }
    }
}

/// `["a"]` → `a`; `["a", "b"]` → `a and b`; `["a", "b", "c"]` → `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The recommendation for `session`.
pub fn recommend(session: &Session) -> Recommendation {
    recommend_from(session, &rank(session))
}

/// The recommendation for `session` given its already computed `ranking`.
pub fn recommend_from(session: &Session, ranking: &Ranking) -> Recommendation {
    let tripped: Vec<String> = session
        .kill_criteria
        .iter()
        .filter(|k| k.tripped)
        .map(|k| k.condition.clone())
        .collect();
    if !tripped.is_empty() {
        return Recommendation::Kill {
            reason: KillReason::KillCriterionTripped {
                conditions: tripped,
            },
        };
    }
    if ranking.no_weight {
        return Recommendation::NothingRanked;
    }
    let Some(best) = ranking.ranked().find(|r| !r.is_vetoed()) else {
        return Recommendation::Kill {
            reason: KillReason::NoViableOption,
        };
    };
    let top_rank = best.rank;
    // The best group not vetoed, in document order (rows are by rank, then document order).
    let group: Vec<&super::RankedOption> = ranking
        .ranked()
        .filter(|r| r.rank == top_rank && !r.is_vetoed())
        .collect();
    let rank = top_rank.unwrap_or(1);
    let n_ranked = ranking.n_ranked();
    let others = |first: &OptionId| -> Vec<OptionId> {
        group
            .iter()
            .filter(|r| &r.id != first)
            .map(|r| r.id.clone())
            .collect()
    };
    let stopping = group
        .iter()
        .find(|r| session.options[r.option_idx].lens.means_stopping());
    if let Some(stop) = stopping {
        return Recommendation::Kill {
            reason: KillReason::StoppingOptionRanksFirst {
                option: stop.id.clone(),
                rank,
                n_ranked,
                tied_with: others(&stop.id),
            },
        };
    }
    let vetoed_above = ranking
        .ranked()
        .filter(|r| r.is_vetoed() && r.rank < top_rank)
        .map(|r| r.id.clone())
        .collect();
    Recommendation::Choose {
        option: best.id.clone(),
        total: best.total.unwrap_or_default(),
        rank,
        n_ranked,
        tied_with: others(&best.id),
        vetoed_above,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::scoring::tests::session_of;
    use crate::model::{KillCriterion, Lens};

    #[test]
    fn the_best_ranked_option_is_recommended() {
        let s = session_of(&[
            ("cdn", Lens::Buy, 4.0, 2.0, 2.0),
            ("rewrite", Lens::ReArchitect, 5.0, 5.0, 4.0),
        ]);
        let r = recommend(&s);
        assert!(
            matches!(&r, Recommendation::Choose { option, tied_with, .. } if option.as_str() == "cdn" && tied_with.is_empty())
        );
        assert!(r.plain(&s).starts_with("Choose “cdn”"));
    }

    #[test]
    fn kill_is_recommended_when_do_nothing_ranks_first() {
        let s = session_of(&[
            ("wait", Lens::DoNothing, 3.0, 1.0, 1.0),
            ("rewrite", Lens::ReArchitect, 4.0, 5.0, 5.0),
        ]);
        let r = recommend(&s);
        assert!(r.is_kill());
        assert_eq!(r.plain(&s), "Kill: doing nothing ranks first (“wait”)");
    }

    #[test]
    fn kill_is_recommended_when_a_kill_criterion_has_tripped() {
        let mut s = session_of(&[("cdn", Lens::Buy, 5.0, 1.0, 1.0)]);
        s.kill_criteria.push(KillCriterion {
            condition: "budget frozen".into(),
            tripped: true,
        });
        assert!(recommend(&s).plain(&s).contains("budget frozen"));
    }

    #[test]
    fn a_vetoed_leader_is_skipped_and_kill_follows_when_nothing_is_left() {
        let mut s = session_of(&[
            ("a", Lens::Buy, 5.0, 1.0, 5.0),
            ("b", Lens::Process, 3.0, 3.0, 1.0),
        ]);
        s.criteria[2].veto = Some(4.0);
        assert!(
            matches!(recommend(&s), Recommendation::Choose { option, .. } if option.as_str() == "b")
        );
        s.criteria[2].veto = Some(0.5);
        assert_eq!(
            recommend(&s),
            Recommendation::Kill {
                reason: KillReason::NoViableOption
            }
        );
    }

    #[test]
    fn ties_at_the_top_are_named() {
        let s = session_of(&[
            ("a", Lens::Buy, 4.0, 2.0, 2.0),
            ("b", Lens::Process, 4.0, 2.0, 2.0),
        ]);
        let r = recommend(&s);
        assert!(r.plain(&s).contains("tied with “b”"));
    }

    #[test]
    fn an_option_below_vetoed_ones_is_not_said_to_rank_first() {
        let mut s = session_of(&[
            ("a", Lens::Buy, 5.0, 1.0, 5.0),
            ("b", Lens::Buy, 5.0, 2.0, 5.0),
            ("c", Lens::Process, 3.0, 3.0, 1.0),
            ("d", Lens::Process, 1.0, 5.0, 1.0),
        ]);
        s.criteria[2].veto = Some(4.0);
        let r = recommend(&s);
        assert_eq!(
            r.plain(&s),
            "Choose “c”: the best-ranked option that is not vetoed, rank 3 of 4, with 62.5 of \
             100 (“a” and “b” rank higher but are vetoed)"
        );
    }

    #[test]
    fn a_tie_with_doing_nothing_at_the_top_is_kill_whatever_the_order() {
        let rows = [
            ("wait", Lens::DoNothing, 3.0, 2.0, 2.0),
            ("cdn", Lens::Buy, 3.0, 2.0, 2.0),
            ("low", Lens::Buy, 1.0, 5.0, 5.0),
        ];
        let first = session_of(&rows);
        let second = session_of(&[rows[1].clone(), rows[0].clone(), rows[2].clone()]);
        for s in [&first, &second] {
            let r = recommend(s);
            assert!(
                matches!(&r, Recommendation::Kill { reason: KillReason::StoppingOptionRanksFirst { option, tied_with, .. } }
                    if option.as_str() == "wait" && tied_with.len() == 1 && tied_with[0].as_str() == "cdn"),
                "{r:?}"
            );
            assert_eq!(
                r.plain(s),
                "Kill: doing nothing ranks first (“wait”), tied with “cdn”: a tie with doing \
                 nothing is no reason to act"
            );
        }
    }

    #[test]
    fn nothing_is_recommended_when_no_criterion_has_weight() {
        let mut s = session_of(&[("a", Lens::Buy, 4.0, 2.0, 2.0)]);
        for c in &mut s.criteria {
            c.weight = 0.0;
        }
        let r = recommend(&s);
        assert_eq!(r, Recommendation::NothingRanked);
        assert!(r.plain(&s).starts_with("Nothing can be ranked yet"));
        assert_eq!(
            (r.kind_code(), r.reason_code()),
            ("none", Some("no_weighted_criterion"))
        );
    }

    #[test]
    fn totals_in_the_advice_round_halves_away_from_zero() {
        let mut s = Session::new("x");
        let mut share =
            crate::model::Criterion::new("share", "Share", 1.0, crate::model::Direction::Benefit);
        share.scale.lo = 0.0;
        share.scale.hi = 100.0;
        share.scale.levels.clear();
        s.criteria = vec![share];
        s.options.push(
            crate::model::SolutionOption::new("a", "A", Lens::Buy).with_score("share", 74.25),
        );
        assert_eq!(
            recommend(&s).plain(&s),
            "Choose “A”: it ranks first with 74.3 of 100"
        );
    }
}
