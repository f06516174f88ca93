//! A dimension options are scored on: its weight, direction, scale and veto.

use super::ids::CriterionId;
use serde::{Deserialize, Serialize};

/// Whether a higher score is better (benefit) or worse (cost).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// Higher is better, e.g. Impact.
    Benefit,
    /// Lower is better, e.g. Cost or Trust risk.
    Cost,
}

impl Direction {
    /// A short word for tables and exports.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Benefit => "higher is better",
            Direction::Cost => "lower is better",
        }
    }
}

/// What one value on a scale means, e.g. `5 = "outage visible to every viewer"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    /// The score this meaning belongs to.
    pub value: f64,
    /// The meaning in plain words.
    pub meaning: String,
}

/// The range of allowed scores, with an optional meaning per level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Lowest allowed score.
    pub lo: f64,
    /// Highest allowed score; must be greater than `lo`.
    pub hi: f64,
    /// Described meaning of some or all levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<ScaleLevel>,
}

impl Default for Scale {
    fn default() -> Self {
        Self {
            lo: 1.0,
            hi: 5.0,
            levels: Vec::new(),
        }
    }
}

impl Scale {
    /// True when `value` lies within `lo..=hi`.
    pub fn contains(&self, value: f64) -> bool {
        value >= self.lo && value <= self.hi
    }

    /// The distance from `lo` to `hi`.
    pub fn span(&self) -> f64 {
        self.hi - self.lo
    }

    /// True when `lo` and `hi` are finite and `lo` is below `hi`.
    pub fn is_usable(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite() && self.lo < self.hi
    }

    /// `value` moved proportionally from this scale onto `to`: `lo` maps to `to.lo`, `hi`
    /// to `to.hi` and everything between keeps its place.
    ///
    /// # Example
    /// ```
    /// use verdict::model::Scale;
    /// let five = Scale { lo: 1.0, hi: 5.0, levels: vec![] };
    /// let money = Scale { lo: 0.0, hi: 500.0, levels: vec![] };
    /// assert_eq!(five.map_onto(3.0, &money), 250.0);
    /// ```
    pub fn map_onto(&self, value: f64, to: &Scale) -> f64 {
        let mapped = to.lo + (value - self.lo) / self.span() * to.span();
        // A value inside this scale lands inside `to`; the clamp only absorbs rounding.
        if self.contains(value) {
            mapped.clamp(to.lo, to.hi)
        } else {
            mapped
        }
    }

    /// The described meaning of the level nearest to `value`, if any level is described.
    pub fn meaning_of(&self, value: f64) -> Option<&str> {
        self.levels
            .iter()
            .min_by(|a, b| (a.value - value).abs().total_cmp(&(b.value - value).abs()))
            .map(|level| level.meaning.as_str())
    }
}

/// A dimension every option is scored on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable identity used by scores.
    pub id: CriterionId,
    /// Display name.
    pub name: String,
    /// What the criterion asks.
    #[serde(default)]
    pub description: String,
    /// What the scores count, e.g. "k$ / year", "engineer-weeks" or "%"; empty for a plain
    /// rating.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Relative importance: finite and ≥ 0. Zero leaves the criterion out of totals.
    pub weight: f64,
    /// Benefit or cost.
    pub direction: Direction,
    /// Allowed scores and their meaning.
    #[serde(default)]
    pub scale: Scale,
    /// A score worse than this disqualifies the option: below it for a benefit, above it
    /// for a cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<f64>,
    /// This criterion scores the effort an option takes. A portfolio counts effort once, as
    /// the capacity it uses, so it leaves such criteria out of an option's value; the
    /// session's own ranking still uses them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub measures_effort: bool,
}

impl Criterion {
    /// A criterion on the default 1..5 scale with no veto.
    pub fn new(id: &str, name: &str, weight: f64, direction: Direction) -> Self {
        Self {
            id: CriterionId::new(id),
            name: name.to_owned(),
            description: String::new(),
            unit: String::new(),
            weight,
            direction,
            scale: Scale::default(),
            veto: None,
            measures_effort: false,
        }
    }

    /// The name followed by the unit in brackets, e.g. "Annual savings (k$ / year)".
    pub fn name_with_unit(&self) -> String {
        if self.unit.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.unit.trim())
        }
    }

    /// The definition's problems as `(field, message)` pairs, e.g.
    /// `("veto", "veto 9 is outside the scale 1..5")`; empty when it can be used.
    ///
    /// Scores are not looked at here: see [`crate::model::Session`] for those.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        let mut push = |field: String, message: String| problems.push((field, message));
        if !self.weight.is_finite() {
            push(
                "weight".into(),
                format!("{} is not a finite number", self.weight),
            );
        } else if self.weight < 0.0 {
            push(
                "weight".into(),
                format!("weight {} is negative; use 0 or more", self.weight),
            );
        }
        let (lo, hi) = (self.scale.lo, self.scale.hi);
        let mut bounds_ok = true;
        for (field, value) in [("scale.lo", lo), ("scale.hi", hi)] {
            if !value.is_finite() {
                bounds_ok = false;
                push(field.into(), format!("{value} is not a finite number"));
            }
        }
        if bounds_ok && lo >= hi {
            bounds_ok = false;
            push(
                "scale".into(),
                format!("scale {lo}..{hi} is empty: lo must be below hi"),
            );
        }
        for (l_idx, level) in self.scale.levels.iter().enumerate() {
            let field = format!("scale.levels[{l_idx}].value");
            if !level.value.is_finite() {
                push(field, format!("{} is not a finite number", level.value));
            } else if bounds_ok && !self.scale.contains(level.value) {
                push(field, format!("level {} is outside the scale", level.value));
            }
        }
        if let Some(veto) = self.veto {
            if !veto.is_finite() {
                push("veto".into(), format!("{veto} is not a finite number"));
            } else if bounds_ok && !self.scale.contains(veto) {
                push(
                    "veto".into(),
                    format!("veto {veto} is outside the scale {lo}..{hi}"),
                );
            }
        }
        problems
    }

    /// True when `score` is on the wrong side of this criterion's veto threshold.
    pub fn vetoes(&self, score: f64) -> bool {
        match (self.veto, self.direction) {
            (Some(limit), Direction::Benefit) => score < limit,
            (Some(limit), Direction::Cost) => score > limit,
            (None, _) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(lo: f64, hi: f64) -> Scale {
        Scale {
            lo,
            hi,
            levels: Vec::new(),
        }
    }

    #[test]
    fn mapping_onto_another_scale_keeps_each_value_in_its_place() {
        let five = scale(1.0, 5.0);
        let money = scale(0.0, 500.0);
        assert_eq!(five.map_onto(1.0, &money), 0.0);
        assert_eq!(five.map_onto(5.0, &money), 500.0);
        assert_eq!(five.map_onto(2.0, &money), 125.0);
        assert_eq!(money.map_onto(125.0, &five), 2.0);
        assert_eq!(five.map_onto(3.0, &scale(-10.0, 10.0)), 0.0);
    }

    #[test]
    fn a_unit_is_shown_after_the_name() {
        let mut c = Criterion::new("savings", "Annual savings", 1.0, Direction::Benefit);
        assert_eq!(c.name_with_unit(), "Annual savings");
        c.unit = " k$ / year ".into();
        assert_eq!(c.name_with_unit(), "Annual savings (k$ / year)");
    }

    #[test]
    fn problems_name_the_field_of_a_bad_definition() {
        let mut c = Criterion::new("x", "X", -1.0, Direction::Cost);
        c.scale.levels.push(ScaleLevel {
            value: 7.0,
            meaning: "far".into(),
        });
        c.veto = Some(9.0);
        let fields: Vec<String> = c.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["weight", "scale.levels[0].value", "veto"]);
        c.scale = scale(3.0, 3.0);
        c.weight = 1.0;
        c.veto = None;
        assert_eq!(c.problems()[0].0, "scale");
        c.scale = scale(0.0, 500.0);
        assert!(c.problems().is_empty());
    }
}
