//! Stable identities for criteria and options.
//!
//! Ids are short slugs (`buy-cdn`, `trust-risk`) written into the save file. They never
//! change when a list is reordered, so a score keeps pointing at the same criterion.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps an existing slug without checking it; [`is_valid_slug`] checks.
            pub fn new(slug: impl Into<String>) -> Self {
                Self(slug.into())
            }

            /// The slug as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

slug_id!(
    /// Identity of a [`crate::model::Criterion`].
    CriterionId
);
slug_id!(
    /// Identity of a [`crate::model::SolutionOption`].
    OptionId
);
slug_id!(
    /// Identity of a [`crate::model::Rater`].
    RaterId
);

/// True when `s` is a non-empty slug of lowercase ASCII letters, digits and single inner
/// hyphens, at most [`MAX_ID_LEN`] bytes long.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Turns any title into a slug: lowercase ASCII words joined by hyphens.
///
/// Non-ASCII letters are dropped; a title with nothing usable gives `"item"`.
///
/// # Example
/// ```
/// assert_eq!(verdict::model::slugify("Buy a CDN — now!"), "buy-a-cdn-now");
/// ```
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    for ch in title.chars() {
        if ch.is_ascii_alphanumeric() {
            if out.len() >= MAX_ID_LEN {
                break;
            }
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "item".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// A slug based on `title` that is not already in `taken`, adding `-2`, `-3`, … if needed.
pub fn unique_slug<'a>(title: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let base = slugify(title);
    let base: String = base.chars().take(MAX_ID_LEN - 6).collect();
    let base = base.trim_end_matches('-').to_owned();
    let free = |candidate: &str| !taken.clone().any(|t| t == candidate);
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| free(c))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_keeps_ascii_words_and_drops_the_rest() {
        assert_eq!(slugify("Re-architect the edge"), "re-architect-the-edge");
        assert_eq!(slugify("  ***  "), "item");
        assert_eq!(slugify("Café ünïcode"), "caf-n-code");
        assert!(is_valid_slug(&slugify(&"x".repeat(500))));
    }

    #[test]
    fn unique_slug_appends_a_number_when_taken() {
        let taken = ["buy-cdn", "buy-cdn-2"];
        assert_eq!(unique_slug("Buy CDN", taken.iter().copied()), "buy-cdn-3");
        assert_eq!(unique_slug("Other", taken.iter().copied()), "other");
    }

    #[test]
    fn slug_rules_reject_upper_case_spaces_and_edge_hyphens() {
        assert!(is_valid_slug("trust-risk"));
        for bad in ["", "Trust", "a b", "-a", "a-", "a--b", "ü"] {
            assert!(!is_valid_slug(bad), "{bad:?}");
        }
    }
}
