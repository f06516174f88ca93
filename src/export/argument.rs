//! The written argument, computed once for the record and the memo: the bottom line first,
//! then why, what was rejected, and the risks. Plain text with user text inside; each format
//! escapes it as it writes it down.

use super::precision;
use super::summary::{Summary, clause, exact_meaning, next_steps, number, sentence, value_in_unit};
use crate::analysis::{self, RankedOption, Recommendation};
use crate::model::{Criterion, Direction, Lens, Outcome, SolutionOption};

/// A labelled line, e.g. "Decision" and what was decided.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Labelled {
    /// Our own words, never user text.
    pub label: &'static str,
    /// The line; may hold user text.
    pub text: String,
}

/// A reason the winner wins, from one criterion that separates it from the runner-up.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Reason {
    /// The criterion's name.
    pub criterion: String,
    /// The reason in words.
    pub text: String,
}

/// One option not taken, and why.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Rejected {
    /// The option's title, or the lens for a lens nobody put on the menu.
    pub title: String,
    /// The lens label.
    pub lens: String,
    /// Why it was not taken.
    pub why: String,
    /// Its strongest case, empty when none was written.
    pub strongest_case: String,
}

/// Everything the record and the memo argue, in reading order.
pub(super) struct Argument {
    /// The three lines a reader sees first: the decision, the result expected against the
    /// success metric, and owner / next step / review date.
    pub bottom_line: [Labelled; 3],
    /// The option the argument is for: the chosen one, else the best-ranked viable one.
    pub winner: Option<usize>,
    /// The plain warning that scores or weights changed after the decision was recorded.
    pub changed_since: Option<String>,
    /// Every next step, in the order written, done ones marked.
    pub next_steps: Vec<String>,
    /// The deciders' own rationale, when written.
    pub rationale: String,
    /// The criteria that separate the winner from the runner-up, biggest first.
    pub reasons: Vec<Reason>,
    /// What the winner gives up against the runner-up, as a whole sentence ("What it gives
    /// up: … does better on …", or that it gives up nothing); empty without a runner-up.
    pub gives_up: String,
    /// How robust the result is, in one sentence: the verdict `verdict analyze` prints.
    pub robustness: String,
    /// Every other option, best first, then the lenses Do nothing and Kill when absent.
    pub rejected: Vec<Rejected>,
    /// Kill criteria as (tripped, condition).
    pub kill_criteria: Vec<(bool, String)>,
    /// What would make the winner the wrong choice; empty when not written.
    pub wrong_if: String,
    /// The assumptions held with least confidence, weakest first, as "text (N % confident)".
    pub weak_assumptions: Vec<String>,
    /// Challenge questions still unanswered.
    pub open_questions: Vec<String>,
}

/// The words the bottom line uses when the expected result misses the target.
pub(super) const SHORT_OF_TARGET: &str = "this does not reach the target";

/// What the bottom line says when no step is open.
const NO_STEP: &str = "none written";

/// How many assumptions the risks list at most.
const WEAK_ASSUMPTIONS: usize = 3;
/// How many separating criteria the reasons list at most.
const TOP_REASONS: usize = 3;

impl Argument {
    /// The argument of the session in `s`.
    pub(super) fn new(s: &Summary) -> Self {
        let winner = winner(s);
        let runner_up = winner.and_then(|w| runner_up(s, w));
        let session = s.session;
        let (reasons, gives_up) = match (winner, runner_up) {
            (Some(w), Some(r)) => separate(s, w, r),
            _ => (Vec::new(), String::new()),
        };
        let (mut reasons, gives_up) = (reasons, gives_up);
        if matches!(session.outcome, Outcome::Killed { .. }) {
            let tripped = session.kill_criteria.iter().filter(|k| k.tripped);
            let tripped: Vec<Reason> = tripped
                .map(|k| Reason {
                    criterion: "A kill criterion came true".to_owned(),
                    text: sentence(k.condition.trim()),
                })
                .collect();
            reasons.splice(0..0, tripped);
        }
        let mut assumptions: Vec<_> = session.framing.assumptions.iter().collect();
        assumptions.sort_by(|a, b| a.confidence.total_cmp(&b.confidence));
        Self {
            bottom_line: [
                decision_line(s, winner),
                expected_line(s, winner),
                follow_up_line(s, winner),
            ],
            winner,
            changed_since: s.changed_after_decision(),
            next_steps: next_steps(session),
            rationale: session.outcome.rationale().trim().to_owned(),
            reasons,
            gives_up,
            robustness: sentence(&s.robustness.line),
            rejected: rejected(s, winner),
            kill_criteria: session
                .kill_criteria
                .iter()
                .map(|k| (k.tripped, k.condition.clone()))
                .collect(),
            wrong_if: winner
                .map(|w| session.options[w].wrong_if.trim().to_owned())
                .unwrap_or_default(),
            weak_assumptions: assumptions
                .into_iter()
                .filter(|a| !a.text.trim().is_empty())
                .take(WEAK_ASSUMPTIONS)
                .map(|a| format!("{} ({} % confident)", clause(&a.text), number(a.confidence)))
                .collect(),
            open_questions: session
                .framing
                .unanswered()
                .map(|q| q.question.clone())
                .collect(),
        }
    }
}

/// The chosen option, or else the best-ranked option that is not vetoed.
fn winner(s: &Summary) -> Option<usize> {
    if let Outcome::Chosen { option, .. } = &s.session.outcome {
        return s.session.option_idx(option);
    }
    if let Recommendation::Choose { option, .. } = &s.recommendation {
        return s.session.option_idx(option);
    }
    s.ranking
        .ranked()
        .find(|r| !r.is_vetoed())
        .map(|r| r.option_idx)
}

/// The best-ranked other option, preferring ones not vetoed.
fn runner_up(s: &Summary, winner: usize) -> Option<usize> {
    let others = || s.ranking.ranked().filter(|r| r.option_idx != winner);
    others()
        .find(|r| !r.is_vetoed())
        .or_else(|| others().next())
        .map(|r| r.option_idx)
}

fn quoted(option: &SolutionOption) -> String {
    format!("“{}”", option.title.trim())
}

/// A score in words: the number in the criterion's unit and, when the scale describes that
/// level, its meaning.
fn score_words(c: &Criterion, likely: f64) -> String {
    match exact_meaning(c, likely) {
        Some(meaning) if !meaning.trim().is_empty() => {
            format!("{} ({})", value_in_unit(c, likely), meaning.trim())
        }
        _ => value_in_unit(c, likely),
    }
}

/// Each weighted criterion's weighted advantage of `a` over `b` (in points of 100), with
/// both scores; criteria where either has no score are left out.
fn advantages<'s>(s: &'s Summary, a: usize, b: usize) -> Vec<(&'s Criterion, f64, f64, f64)> {
    let (a, b) = (&s.session.options[a], &s.session.options[b]);
    s.session
        .criteria
        .iter()
        .filter(|c| s.weight_share(c) > 0.0)
        .filter_map(|c| {
            let (sa, sb) = (a.score(&c.id)?.likely, b.score(&c.id)?.likely);
            let gap = analysis::normalised(c, sa) - analysis::normalised(c, sb);
            Some((c, s.weight_share(c) * gap, sa, sb))
        })
        .collect()
}

fn separate(s: &Summary, w: usize, r: usize) -> (Vec<Reason>, String) {
    let (winner, rival) = (&s.session.options[w], &s.session.options[r]);
    let mut gaps = advantages(s, w, r);
    gaps.sort_by(|a, b| b.1.total_cmp(&a.1));
    let reasons = gaps
        .iter()
        .filter(|g| g.1 > 1e-9)
        .take(TOP_REASONS)
        .map(|&(c, _, sw, sr)| {
            let mut text = format!(
                "{} scores {} against {} for {} ({}; {} % of the weight)",
                quoted(winner),
                score_words(c, sw),
                value_in_unit(c, sr),
                quoted(rival),
                match c.direction {
                    Direction::Benefit => "higher is better",
                    Direction::Cost => "lower is better",
                },
                crate::analysis::number::fixed(s.weight_share(c), 0)
            );
            let why = winner
                .score(&c.id)
                .map(|sc| sc.rationale.trim())
                .unwrap_or("");
            if !why.is_empty() {
                text.push_str(&format!(". {}", sentence(why)));
            } else {
                text.push('.');
            }
            Reason {
                criterion: c.name.trim().to_owned(),
                text,
            }
        })
        .collect();
    let behind: Vec<String> = gaps
        .iter()
        .rev()
        .filter(|g| g.1 < -1e-9)
        .map(|&(c, _, sw, sr)| {
            format!(
                "{} ({} against {})",
                c.name.trim(),
                value_in_unit(c, sr),
                value_in_unit(c, sw)
            )
        })
        .collect();
    let gives_up = if behind.is_empty() {
        format!(
            "It gives up nothing on the criteria: it is at least as good as {} on every one.",
            quoted(rival)
        )
    } else {
        format!(
            "What it gives up: {} does better on {}.",
            quoted(rival),
            behind.join(", ")
        )
    };
    (reasons, gives_up)
}

fn decision_line(s: &Summary, winner: Option<usize>) -> Labelled {
    let session = s.session;
    let door = session
        .reversibility
        .map(|r| format!(" It is a {}.", r.label().to_lowercase()))
        .unwrap_or_default();
    let on = session
        .decided_on()
        .map(|d| format!(" on {d}"))
        .unwrap_or_default();
    let advice = || match (&s.recommendation, winner) {
        (
            Recommendation::Choose {
                rank: 1, tied_with, ..
            },
            Some(w),
        ) if tied_with.is_empty() => {
            format!(
                "choose {}, which ranks first on the scores",
                quoted(&session.options[w])
            )
        }
        (Recommendation::Kill { .. }, _) => {
            let plain = s.recommendation.plain(session);
            format!("kill the project — {}", plain.trim_start_matches("Kill: "))
        }
        // A tie, a vetoed option ranked above, or nothing ranked: the advice as the rules
        // word it everywhere else.
        _ => lower_first(&s.recommendation.plain(session)),
    };
    match &session.outcome {
        Outcome::Chosen { option, .. } => Labelled {
            label: "Decision",
            text: format!(
                "we chose “{}”{on}.{door}",
                s.option_title(option.as_str()).trim()
            ),
        },
        Outcome::Killed { .. } => Labelled {
            label: "Decision",
            text: format!("we killed the project{on}.{door}"),
        },
        Outcome::Deferred { until, .. } => Labelled {
            label: "Decision",
            text: format!(
                "deferred until {until}{}; the scores so far would {}.",
                if on.is_empty() {
                    String::new()
                } else {
                    format!(" (decided{on})")
                },
                advice()
            ),
        },
        Outcome::Reframe { .. } => Labelled {
            label: "Decision",
            text: format!("sent back to be framed again{on}; nothing is chosen."),
        },
        Outcome::Undecided => Labelled {
            label: "Recommendation (not yet decided)",
            text: format!("{}.{door}", advice()),
        },
    }
}

fn expected_line(s: &Summary, winner: Option<usize>) -> Labelled {
    let session = s.session;
    let label = "Expected result";
    let goal = session.directive.business_goal.trim();
    if matches!(session.outcome, Outcome::Killed { .. }) {
        let text = if goal.is_empty() {
            "none: the work stops.".to_owned()
        } else {
            format!(
                "none: the work stops, and “{}” is not pursued through this project.",
                clause(goal)
            )
        };
        return Labelled { label, text };
    }
    let metrics: Vec<&String> = session
        .framing
        .success_metrics
        .iter()
        .filter(|m| !m.trim().is_empty())
        .collect();
    let Some(w) = winner else {
        return Labelled {
            label,
            text: "none: no option is fit to choose.".to_owned(),
        };
    };
    let option = &session.options[w];
    if metrics.is_empty() {
        return Labelled {
            label,
            text: "no success metric is written down, so nothing says what result to expect."
                .to_owned(),
        };
    }
    // The first metric written against leads; the others are counted, not spelt out: the
    // appendix has them all.
    let written: Vec<(&String, &crate::model::ExpectedResult)> = metrics
        .iter()
        .filter_map(|m| {
            option
                .expected_on(m)
                .filter(|e| !e.is_blank())
                .map(|e| (*m, e))
        })
        .collect();
    let Some(&(metric, first)) = written.first() else {
        return Labelled {
            label,
            text: format!(
                "not written down: nothing says what {} should achieve against the success {}.",
                quoted(option),
                if metrics.len() == 1 {
                    "metric"
                } else {
                    "metrics"
                }
            ),
        };
    };
    let words = match clause(&first.result) {
        w if w.is_empty() => first.value.map(number).unwrap_or_default(),
        w => w,
    };
    let reach = match first.reaches {
        Some(true) => "this reaches the target",
        Some(false) => SHORT_OF_TARGET,
        None => "not yet judged against the target",
    };
    let mut text = format!("{words} — {reach} (“{}”).", clause(metric));
    let others = metrics.len() - 1;
    if others > 0 {
        let rest = &written[1..];
        let reached = rest.iter().filter(|(_, e)| e.reaches == Some(true)).count();
        let missed = rest
            .iter()
            .filter(|(_, e)| e.reaches == Some(false))
            .count();
        text.push(' ');
        text.push_str(&other_metrics(reached, missed, others - reached - missed));
    }
    Labelled { label, text }
}

/// The success metrics after the first, counted in a sentence: "One other success metric is
/// not judged yet.", "Of the three other success metrics, two are expected to reach their
/// targets and one is not judged yet."
fn other_metrics(reached: usize, missed: usize, open: usize) -> String {
    let groups: Vec<(usize, &str, &str)> = [
        (
            reached,
            "is expected to reach its target",
            "are expected to reach their targets",
        ),
        (
            missed,
            "is expected to fall short of its target",
            "are expected to fall short of their targets",
        ),
        (open, "is not judged yet", "are not judged yet"),
    ]
    .into_iter()
    .filter(|g| g.0 > 0)
    .collect();
    let said = |&(n, one, many): &(usize, &str, &str)| {
        format!("{} {}", count_words(n), if n == 1 { one } else { many })
    };
    let total = reached + missed + open;
    match groups.as_slice() {
        [] => String::new(),
        [only] => {
            let noun = if total == 1 { "metric" } else { "metrics" };
            let words = said(only);
            let (n, verb) = words.split_once(' ').unwrap_or((&words, ""));
            format!("{} other success {noun} {verb}.", upper_first(n))
        }
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(said).collect();
            format!(
                "Of the {} other success metrics, {} and {}.",
                count_words(total),
                init.join(", "),
                said(last)
            )
        }
    }
}

/// A small count in words ("one" … "ten"), larger ones in digits.
fn count_words(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// `text` with its first letter in upper case, to start a sentence.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn follow_up_line(s: &Summary, winner: Option<usize>) -> Labelled {
    let session = s.session;
    // A kill is owned by whoever decided it; otherwise by the option's owner.
    let owner = if matches!(session.outcome, Outcome::Killed { .. }) {
        session.people.deciders.join(", ")
    } else {
        winner
            .map(|w| session.options[w].owner.trim().to_owned())
            .unwrap_or_default()
    };
    let owner = if owner.trim().is_empty() {
        "not named".to_owned()
    } else {
        owner
    };
    let step = session
        .next_steps
        .iter()
        .find(|step| !step.done && !step.text.trim().is_empty())
        .map_or_else(
            || NO_STEP.to_owned(),
            |step| {
                let mut who = Vec::new();
                if !step.owner.trim().is_empty() {
                    who.push(step.owner.trim().to_owned());
                }
                if let Some(due) = step.due {
                    who.push(format!("by {due}"));
                }
                let text = step.text.trim().trim_end_matches('.');
                if who.is_empty() {
                    text.to_owned()
                } else {
                    format!("{text} ({})", who.join(", "))
                }
            },
        );
    // The line names one step; the others are listed under Next steps, and it says so.
    let written = |done: bool| {
        session
            .next_steps
            .iter()
            .filter(|step| step.done == done && !step.text.trim().is_empty())
            .count()
    };
    let (open, done) = (written(false), written(true));
    let others = open.saturating_sub(1);
    let step = match others {
        _ if step == NO_STEP && done > 0 => {
            format!("none open ({done} done, under Next steps)")
        }
        0 => step,
        1 => format!("{step}, and 1 more under Next steps"),
        n => format!("{step}, and {n} more under Next steps"),
    };
    let review = session
        .review_date
        .map_or_else(|| "no date set".to_owned(), |d| d.to_string());
    Labelled {
        label: "Owner",
        text: format!("{owner} · Next step: {step} · Review: {review}"),
    }
}

fn rejected(s: &Summary, winner: Option<usize>) -> Vec<Rejected> {
    let session = s.session;
    let decimals = precision::total_decimals(&s.ranking);
    let mut out: Vec<Rejected> = s
        .ranking
        .rows
        .iter()
        .filter(|r| Some(r.option_idx) != winner)
        .map(|row| {
            let o = &session.options[row.option_idx];
            let why = if row.is_vetoed() {
                vetoed_words(s, row)
            } else if let (Some(rank), Some(total)) = (row.rank, row.total) {
                let mut why = format!(
                    "ranks {rank} with {} of 100",
                    precision::total(total, decimals)
                );
                if let Some(w) = winner
                    && let Some(&(c, _, sr, sw)) = advantages(s, row.option_idx, w)
                        .iter()
                        .filter(|g| g.1 < -1e-9)
                        .min_by(|a, b| a.1.total_cmp(&b.1))
                {
                    why.push_str(&format!(
                        "; furthest behind {} on {} ({} against {})",
                        quoted(&session.options[w]),
                        c.name.trim(),
                        value_in_unit(c, sr),
                        value_in_unit(c, sw)
                    ));
                }
                why
            } else {
                let names: Vec<String> = row
                    .missing
                    .iter()
                    .map(|c| s.criterion_name(c.as_str()))
                    .collect();
                format!("not ranked: no score on {}", names.join(", "))
            };
            Rejected {
                title: o.title.trim().to_owned(),
                lens: o.lens.label().to_owned(),
                why,
                strongest_case: o.strongest_case.trim().to_owned(),
            }
        })
        .collect();
    for lens in [Lens::DoNothing, Lens::Kill] {
        if !session.options.iter().any(|o| o.lens == lens) {
            out.push(Rejected {
                title: lens.label().to_owned(),
                lens: lens.label().to_owned(),
                why: "not on the menu: nobody scored it against the others".to_owned(),
                strongest_case: String::new(),
            });
        }
    }
    out
}

/// Why a vetoed option is out, in the words the record and the memo both use: "vetoed by
/// Weeks to first on-time month: 26 weeks against the veto of at most 20 weeks", one clause
/// per criterion whose veto it breaks.
pub(super) fn vetoed_words(s: &Summary, row: &RankedOption) -> String {
    let option = &s.session.options[row.option_idx];
    let clauses: Vec<String> = row
        .vetoed_by
        .iter()
        .map(|id| {
            let Some(c) = s.session.criterion(id) else {
                return s.criterion_name(id.as_str());
            };
            let limit = c.veto.map(|limit| {
                let side = match c.direction {
                    Direction::Benefit => "at least",
                    Direction::Cost => "at most",
                };
                format!(" against the veto of {side} {}", value_in_unit(c, limit))
            });
            match (option.score(id), limit) {
                (Some(score), Some(limit)) => format!(
                    "{}: {}{limit}",
                    c.name.trim(),
                    value_in_unit(c, score.likely)
                ),
                _ => c.name.trim().to_owned(),
            }
        })
        .collect();
    format!("vetoed by {}", clauses.join("; and by "))
}

/// `text` with its first letter in lower case, to continue a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::other_metrics;

    #[test]
    fn other_success_metrics_are_counted_in_a_sentence() {
        assert_eq!(
            other_metrics(0, 0, 1),
            "One other success metric is not judged yet."
        );
        assert_eq!(
            other_metrics(2, 0, 0),
            "Two other success metrics are expected to reach their targets."
        );
        assert_eq!(
            other_metrics(2, 1, 1),
            "Of the four other success metrics, two are expected to reach their targets, one \
             is expected to fall short of its target and one is not judged yet."
        );
    }
}
