//! Criteria sets to start a session from: the default Impact / Cost / Trust risk, and sets
//! written for common directives (cost reduction, availability, build or buy, platform
//! migration), each with units, anchored levels and vetoes where they make sense.
//!
//! They live in `assets/criteria/*.ron`, compiled into the program so no file is read at run
//! time.

use super::criterion::Criterion;
use serde::Deserialize;
use std::sync::OnceLock;

/// The shipped sets in listing order, each as its RON text; the first is the default.
const SHIPPED_RON: [&str; 5] = [
    include_str!("../../assets/criteria/default.ron"),
    include_str!("../../assets/criteria/cost-reduction.ron"),
    include_str!("../../assets/criteria/availability.ron"),
    include_str!("../../assets/criteria/build-vs-buy.ron"),
    include_str!("../../assets/criteria/platform-migration.ron"),
];

/// A named list of criteria a session can start with.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaSet {
    /// The name to ask for it by, e.g. `cost-reduction` (`verdict new --criteria NAME`).
    pub name: String,
    /// A title for menus, e.g. "Cost reduction".
    pub title: String,
    /// One line on what it measures and in which units.
    pub description: String,
    /// The criteria, weights summing to 100.
    pub criteria: Vec<Criterion>,
}

impl CriteriaSet {
    /// Every shipped set, the default first.
    pub fn shipped() -> &'static [CriteriaSet] {
        static PARSED: OnceLock<Vec<CriteriaSet>> = OnceLock::new();
        PARSED.get_or_init(|| {
            SHIPPED_RON
                .iter()
                // The assets are part of the source tree and a unit test parses and
                // validates each, so a failure here is a build defect, not user input.
                .map(|text| ron::from_str(text).expect("assets/criteria/*.ron are valid (tested)"))
                .collect()
        })
    }

    /// The set new sessions start with: Impact, Cost and Trust risk.
    pub fn default_set() -> &'static CriteriaSet {
        &Self::shipped()[0]
    }

    /// The shipped set called `name`, if any.
    pub fn named(name: &str) -> Option<&'static CriteriaSet> {
        Self::shipped().iter().find(|set| set.name == name)
    }

    /// The names of every shipped set, comma-separated, for messages.
    pub fn names() -> String {
        Self::shipped()
            .iter()
            .map(|set| set.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Session, validate};

    #[test]
    fn every_shipped_set_parses_validates_and_weighs_100_in_all() {
        for (text, set) in SHIPPED_RON.iter().zip(CriteriaSet::shipped()) {
            let parsed: CriteriaSet = ron::from_str(text).unwrap();
            assert_eq!(parsed.name, set.name);
            let session = Session::with_criteria("x", set);
            assert!(
                validate(&session).is_empty(),
                "{}: {:?}",
                set.name,
                validate(&session)
            );
            for c in &set.criteria {
                assert!(
                    c.problems().is_empty(),
                    "{} {}: {:?}",
                    set.name,
                    c.id,
                    c.problems()
                );
            }
            let total: f64 = set.criteria.iter().map(|c| c.weight).sum();
            assert_eq!(total, 100.0, "{}", set.name);
        }
    }

    #[test]
    fn the_cost_reduction_set_counts_money_and_vetoes_late_savings() {
        let set = CriteriaSet::named("cost-reduction").unwrap();
        assert_eq!(
            set.criteria[0].name_with_unit(),
            "Annual savings (k$ / year)"
        );
        let late = set
            .criteria
            .iter()
            .find(|c| c.id.as_str() == "months-to-saving")
            .unwrap();
        assert!(late.vetoes(13.0) && !late.vetoes(12.0));
    }

    #[test]
    fn the_default_set_is_impact_cost_and_trust_risk() {
        let ids: Vec<&str> = CriteriaSet::default_set()
            .criteria
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["impact", "cost", "trust-risk"]);
        assert_eq!(
            CriteriaSet::names(),
            "default, cost-reduction, availability, build-vs-buy, platform-migration"
        );
        assert!(CriteriaSet::named("nope").is_none());
    }
}
