//! The recommendation: advice computed from the ranking. The outcome stays the user's.
//!
//! The best-ranked option that is not vetoed is recommended — unless there is none, its lens
//! is Do nothing or Kill, or a kill criterion has tripped: then the advice is to kill.

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
        /// Other non-vetoed options with the same total.
        tied_with: Vec<OptionId>,
    },
    /// Stop the project.
    Kill {
        /// Why.
        reason: KillReason,
    },
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
    /// The best option is itself Do nothing or Kill.
    StoppingOptionRanksFirst {
        /// That option.
        option: OptionId,
    },
}

impl Recommendation {
    /// True for kill advice.
    pub fn is_kill(&self) -> bool {
        matches!(self, Recommendation::Kill { .. })
    }

    /// The advice in one plain sentence, e.g. "Kill: doing nothing ranks first".
    pub fn plain(&self, session: &Session) -> String {
        let title = |id: &OptionId| session.option_title(id).to_owned();
        match self {
            Recommendation::Choose {
                option,
                total,
                tied_with,
            } if tied_with.is_empty() => {
                format!(
                    "Choose “{}”: it ranks first with {total:.1} of 100",
                    title(option)
                )
            }
            Recommendation::Choose {
                option,
                total,
                tied_with,
            } => {
                let others: Vec<String> = tied_with
                    .iter()
                    .map(|id| format!("“{}”", title(id)))
                    .collect();
                format!(
                    "Choose “{}”: it ranks first with {total:.1} of 100, tied with {}",
                    title(option),
                    others.join(", ")
                )
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
                KillReason::StoppingOptionRanksFirst { option } => {
                    let lens = session.option(option).map(|o| &o.lens);
                    let what = match lens {
                        Some(crate::model::Lens::Kill) => "killing the project",
                        _ => "doing nothing",
                    };
                    format!("Kill: {what} ranks first (“{}”)", title(option))
                }
            },
        }
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
    let mut viable = ranking.ranked().filter(|r| !r.is_vetoed());
    let Some(best) = viable.next() else {
        return Recommendation::Kill {
            reason: KillReason::NoViableOption,
        };
    };
    let option = &session.options[best.option_idx];
    if option.lens.means_stopping() {
        return Recommendation::Kill {
            reason: KillReason::StoppingOptionRanksFirst {
                option: option.id.clone(),
            },
        };
    }
    let total = best.total.unwrap_or_default();
    let tied_with = viable
        .take_while(|r| {
            r.total
                .is_some_and(|t| (t - total).abs() <= super::scoring::TIE_EPSILON)
        })
        .map(|r| r.id.clone())
        .collect();
    Recommendation::Choose {
        option: option.id.clone(),
        total,
        tied_with,
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
}
