//! The memo's opening sentence, as a person would say it to someone who was not in the room:
//! who asked about what, what we decided, and why — "Kofi Mensah, Head of Data, asked us about
//! “Nightly reports ready by 7 am”; we chose “Reframe: …”: sales need 5 reports at stand-up,
//! not 40." The reason follows a colon, not "because": deciders write it as a sentence as
//! often as a list of nouns ("highest total, a cheap exit"), and a colon reads right with both.
//!
//! Every part comes from the session: the title (else the ask, else the goal), who gave the
//! directive, the outcome, and the deciders' own first sentence of rationale — or, when none
//! was written, what separates the winner from its closest rival.

use super::argument::Argument;
use super::summary::{Summary, clause};
use crate::model::Outcome;

/// The one-sentence summary of the session in `s`.
pub(super) fn one_sentence(s: &Summary, a: &Argument) -> String {
    let session = s.session;
    let d = &session.directive;
    let about = [
        session.title.as_str(),
        d.ask.as_str(),
        d.business_goal.as_str(),
    ]
    .into_iter()
    .map(clause)
    .find(|t| !t.is_empty())
    .map_or_else(|| "a directive".to_owned(), |t| format!("“{t}”"));
    let asked = match clause(&d.given_by) {
        who if who.is_empty() => format!("We were asked about {about}"),
        // "Kofi Mensah, Head of Data, asked": close the apposition the name opened.
        who if who.contains(',') => format!("{who}, asked us about {about}"),
        who => format!("{who} asked us about {about}"),
    };
    let winner = a
        .winner
        .map(|w| format!("“{}”", clause(&session.options[w].title)));
    let decided = match (&session.outcome, &winner) {
        (Outcome::Chosen { .. }, Some(w)) => format!("we chose {w}"),
        (Outcome::Chosen { .. }, None) => "we chose an option that is no longer listed".into(),
        (Outcome::Killed { .. }, _) => "we decided to stop the work".into(),
        (Outcome::Deferred { until, .. }, _) => format!("we put the decision off until {until}"),
        (Outcome::Reframe { .. }, _) => "we sent it back to be framed again".into(),
        (Outcome::Undecided, Some(w)) => format!("we recommend {w} (not yet decided)"),
        (Outcome::Undecided, None) => "no option is fit to recommend yet".into(),
    };
    let why = match because(s, a) {
        why if why.is_empty() => String::new(),
        why => format!(": {why}"),
    };
    format!("{asked}; {decided}{why}.")
}

/// The reason in a few words, to follow the decision: the deciders' first sentence, else for
/// a kill the first kill criterion that came true, else the criteria the winner leads its
/// closest rival on; empty when nothing says why.
fn because(s: &Summary, a: &Argument) -> String {
    let first = first_sentence(&a.rationale);
    if !first.is_empty() {
        let first = strip_because(&first);
        return lower_first(&first);
    }
    if matches!(s.session.outcome, Outcome::Killed { .. }) {
        return s
            .session
            .kill_criteria
            .iter()
            .find(|k| k.tripped && !k.condition.trim().is_empty())
            .map(|k| format!("the kill criterion “{}” came true", clause(&k.condition)))
            .unwrap_or_default();
    }
    if matches!(
        s.session.outcome,
        Outcome::Deferred { .. } | Outcome::Reframe { .. }
    ) || a.winner.is_none()
    {
        return String::new();
    }
    let leads: Vec<&str> = a.reasons.iter().map(|r| r.criterion.as_str()).collect();
    match leads.as_slice() {
        [] => String::new(),
        [one] => format!("it leads its closest rival on {one}"),
        [init @ .., last] => format!(
            "it leads its closest rival on {} and {last}",
            init.join(", ")
        ),
    }
}

/// The first sentence of `text`, without its full stop: up to the first ". ", "! " or "? ",
/// or the whole text.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = text
        .char_indices()
        .zip(text.chars().skip(1))
        .find(|((_, c), next)| matches!(c, '.' | '!' | '?') && next.is_whitespace())
        .map_or(text.len(), |((at, _), _)| at);
    clause(&text[..end])
}

fn strip_because(text: &str) -> String {
    match text.get(..8) {
        Some(head) if head.eq_ignore_ascii_case("because ") => text[8..].trim().to_owned(),
        _ => text.to_owned(),
    }
}

/// `text` with its first letter in lower case when the word is not an acronym ("Sales need"
/// becomes "sales need"; "CDN costs" stays).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_stops_at_the_first_full_stop_followed_by_a_space() {
        assert_eq!(
            first_sentence("Sales need 5 reports, not 40. The rest can wait."),
            "Sales need 5 reports, not 40"
        );
        assert_eq!(first_sentence("Costs 2.5 k$ less"), "Costs 2.5 k$ less");
        assert_eq!(first_sentence("  "), "");
    }

    #[test]
    fn a_reason_that_already_says_because_is_not_said_twice() {
        assert_eq!(strip_because("Because it is cheap"), "it is cheap");
        assert_eq!(strip_because("Becausing"), "Becausing");
    }

    #[test]
    fn acronyms_keep_their_capitals_when_a_reason_continues_a_sentence() {
        assert_eq!(lower_first("Sales need it"), "sales need it");
        assert_eq!(lower_first("CDN costs fall"), "CDN costs fall");
    }
}
