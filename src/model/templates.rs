//! The shipped templates: challenge questions and a starter per lens. The criteria a new
//! session starts with are [`super::CriteriaSet`]s.
//!
//! They live in `assets/templates.ron`, compiled into the program so no file is read at run
//! time.

use super::solution_option::Lens;
use serde::Deserialize;
use std::sync::OnceLock;

const TEMPLATES_RON: &str = include_str!("../../assets/templates.ron");

/// Defaults for new sessions and starters for lenses nobody has covered.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    /// Questions to answer before solving anything.
    pub challenge_questions: Vec<String>,
    /// One starter option per built-in lens.
    pub lens_starters: Vec<LensStarter>,
}

/// A starter option offered for a lens nobody has used yet.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LensStarter {
    /// The lens it covers.
    pub lens: Lens,
    /// A title to start from.
    pub title: String,
    /// A prompt that makes people think about this kind of answer.
    pub prompt: String,
}

impl Templates {
    /// The templates compiled into the program.
    pub fn shipped() -> &'static Templates {
        static PARSED: OnceLock<Templates> = OnceLock::new();
        PARSED.get_or_init(|| {
            // The asset is part of the source tree and a unit test parses it, so a failure
            // here is a build defect, not bad user input.
            ron::from_str(TEMPLATES_RON).expect("assets/templates.ron is valid (tested)")
        })
    }

    /// The starter for `lens`, if the templates have one.
    pub fn starter(&self, lens: &Lens) -> Option<&LensStarter> {
        self.lens_starters.iter().find(|s| &s.lens == lens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_templates_parse_and_cover_every_built_in_lens() {
        let t: Templates = ron::from_str(TEMPLATES_RON).unwrap();
        for lens in Lens::BUILT_IN {
            assert!(t.starter(&lens).is_some(), "no starter for {lens:?}");
        }
        assert!(!t.challenge_questions.is_empty());
    }
}
