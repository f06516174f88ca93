//! `portfolio.ron`: the settings of a folder of sessions seen as one portfolio.
//!
//! Sessions are named by their path relative to the folder, with `/` between folders
//! (`payments/checkout.ron`), so the file reads the same on every platform and in git.

use super::outcome::Outcome;
use super::session::Session;
use super::validate::ValidationIssue;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The format of `portfolio.ron` this program writes and the newest it reads.
pub const PORTFOLIO_FORMAT_VERSION: u32 = 1;

/// The name of the settings file inside a portfolio folder.
pub const PORTFOLIO_FILE_NAME: &str = "portfolio.ron";

/// The value unit used when `portfolio.ron` names none.
pub const DEFAULT_VALUE_UNIT: &str = "points";

/// The settings of one portfolio; every field but `format` is optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortfolioSettings {
    /// Format version; see [`PORTFOLIO_FORMAT_VERSION`].
    pub format: u32,
    /// The team's capacity for the period, in person-weeks; `None` until someone sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<f64>,
    /// The name of the unit stakes and values are counted in, e.g. "k$ / year".
    #[serde(default = "default_value_unit")]
    pub value_unit: String,
    /// The period the capacity covers, e.g. "2027 H1".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period: String,
    /// Sessions that are always funded (with their chosen option when they have one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must: Vec<String>,
    /// Sessions left out of the portfolio.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
}

fn default_value_unit() -> String {
    DEFAULT_VALUE_UNIT.to_owned()
}

impl Default for PortfolioSettings {
    fn default() -> Self {
        Self {
            format: PORTFOLIO_FORMAT_VERSION,
            capacity: None,
            value_unit: default_value_unit(),
            period: String::new(),
            must: Vec::new(),
            exclude: Vec::new(),
        }
    }
}

impl PortfolioSettings {
    /// True when the session at `path` must be funded.
    pub fn is_must(&self, path: &str) -> bool {
        self.must.iter().any(|m| m == path)
    }

    /// True when the session at `path` is left out.
    pub fn is_excluded(&self, path: &str) -> bool {
        self.exclude.iter().any(|m| m == path)
    }
}

/// A session file of a portfolio: its path from the folder (with `/`) and its content.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioMember {
    /// The path from the portfolio folder, e.g. `payments/checkout.ron`.
    pub path: String,
    /// The session.
    pub session: Session,
}

/// Every problem in `settings`, each named by its path in `portfolio.ron`; `session` looks
/// up a session of the folder by its relative path.
pub fn validate_portfolio_settings<'a>(
    settings: &PortfolioSettings,
    session: impl Fn(&str) -> Option<&'a Session>,
) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    let mut push = |path: String, message: String| issues.push(ValidationIssue { path, message });
    if settings.format == 0 || settings.format > PORTFOLIO_FORMAT_VERSION {
        push(
            "format".into(),
            format!(
                "format {} is not one this program reads (it reads 1 to \
                 {PORTFOLIO_FORMAT_VERSION}); update Verdict",
                settings.format
            ),
        );
    }
    if let Some(capacity) = settings.capacity {
        if !capacity.is_finite() {
            push(
                "capacity".into(),
                format!("{capacity} is not a finite number"),
            );
        } else if capacity < 0.0 {
            push(
                "capacity".into(),
                format!("capacity {capacity} person-weeks is negative; use 0 or more"),
            );
        }
    }
    let mut seen = HashSet::new();
    for (field, list) in [("must", &settings.must), ("exclude", &settings.exclude)] {
        for (idx, path) in list.iter().enumerate() {
            let at = format!("{field}[{idx}]");
            if !seen.insert(path.as_str()) {
                push(
                    at,
                    format!("{path:?} is named twice in `must`/`exclude`; keep one"),
                );
                continue;
            }
            match session(path) {
                None => push(
                    at,
                    format!(
                        "no session {path:?} in the folder (name it by its path from the \
                         folder, with `/` between folders)"
                    ),
                ),
                Some(s) if field == "must" && matches!(s.outcome, Outcome::Killed { .. }) => {
                    push(
                        at,
                        format!(
                            "{path:?} is killed, so it cannot be a must; change its outcome \
                             or remove it from `must`"
                        ),
                    );
                }
                Some(_) => {}
            }
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_capacity_unknown_sessions_and_killed_musts_are_named_by_path() {
        let mut killed = Session::new("x");
        killed.outcome = Outcome::Killed {
            rationale: "no".into(),
        };
        let live = Session::new("y");
        let settings = PortfolioSettings {
            capacity: Some(-3.0),
            must: vec!["a.ron".into(), "gone.ron".into()],
            exclude: vec!["b.ron".into(), "a.ron".into()],
            ..PortfolioSettings::default()
        };
        let issues = validate_portfolio_settings(&settings, |p| match p {
            "a.ron" => Some(&killed),
            "b.ron" => Some(&live),
            _ => None,
        });
        let paths: Vec<_> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["capacity", "must[0]", "must[1]", "exclude[1]"]);
    }

    #[test]
    fn default_settings_are_valid_and_count_in_points() {
        let settings = PortfolioSettings::default();
        assert!(validate_portfolio_settings(&settings, |_| None).is_empty());
        assert_eq!(settings.value_unit, "points");
    }
}
