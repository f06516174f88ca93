//! The short, stable lens keywords used on the command line and in `rank --json`.
//!
//! `re-architect`, `buy`, `reallocate`, `reframe`, `process`, `do-nothing`, `kill` and
//! `custom`. Matching ignores case, spaces, hyphens and underscores, so `DoNothing`,
//! `do_nothing` and `do nothing` all name the same lens.

use crate::model::Lens;

/// Every keyword with its lens, in menu order.
const KEYWORDS: [(&str, Lens); 7] = [
    ("re-architect", Lens::ReArchitect),
    ("buy", Lens::Buy),
    ("reallocate", Lens::Reallocate),
    ("reframe", Lens::Reframe),
    ("process", Lens::Process),
    ("do-nothing", Lens::DoNothing),
    ("kill", Lens::Kill),
];

/// The keyword for `lens`; every custom lens is `custom`.
pub fn keyword(lens: &Lens) -> &'static str {
    KEYWORDS
        .iter()
        .find(|(_, l)| l == lens)
        .map_or("custom", |(k, _)| k)
}

/// The lens a keyword names, or `None` when it names none.
pub fn parse(word: &str) -> Option<Lens> {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = squash(word.trim());
    if wanted == "custom" {
        return Some(Lens::Custom(String::new()));
    }
    KEYWORDS
        .iter()
        .find(|(k, _)| squash(k) == wanted)
        .map(|(_, l)| l.clone())
}

/// The keyword `word` is most likely a typo of, if any: a single word within two edits of
/// a keyword that names no lens itself.
pub fn near_miss(word: &str) -> Option<&'static str> {
    let word = word.trim();
    if word.is_empty() || word.contains(char::is_whitespace) || parse(word).is_some() {
        return None;
    }
    let lower = word.to_lowercase();
    KEYWORDS
        .iter()
        .map(|(k, _)| *k)
        .chain(["custom"])
        .map(|k| (super::typo::edit_distance(&lower, k), k))
        .filter(|&(distance, _)| distance <= 2)
        .min()
        .map(|(_, k)| k)
}

/// All keywords joined for help and error messages.
pub fn all_keywords() -> String {
    let mut words: Vec<&str> = KEYWORDS.iter().map(|(k, _)| *k).collect();
    words.push("custom");
    words.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_lens_round_trips_through_its_keyword() {
        for lens in Lens::BUILT_IN {
            assert_eq!(parse(keyword(&lens)), Some(lens));
        }
    }

    #[test]
    fn keywords_ignore_case_and_separators() {
        assert_eq!(parse("DoNothing"), Some(Lens::DoNothing));
        assert_eq!(parse(" do_nothing "), Some(Lens::DoNothing));
        assert_eq!(parse("ReArchitect"), Some(Lens::ReArchitect));
        assert_eq!(parse("Custom"), Some(Lens::Custom(String::new())));
        assert_eq!(parse("bye"), None);
    }

    #[test]
    fn a_word_close_to_a_keyword_is_a_near_miss() {
        assert_eq!(near_miss("bye"), Some("buy"));
        assert_eq!(near_miss("do-nothin"), Some("do-nothing"));
        assert_eq!(near_miss("buy"), None);
        assert_eq!(near_miss("rollout"), None);
        assert_eq!(near_miss("cache it"), None);
    }

    #[test]
    fn a_custom_lens_has_the_custom_keyword() {
        assert_eq!(keyword(&Lens::Custom("Partner".into())), "custom");
    }
}
