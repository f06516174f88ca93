//! What happens after the decision: next steps, how reversible it is, and who is involved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One concrete next step, with who does it and by when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextStep {
    /// What is to be done, e.g. "Sign the trial contract with the second CDN".
    pub text: String,
    /// Who does it; may be empty while nobody has taken it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Whether it has been done; written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

impl NextStep {
    /// True when the step has a due date before `today` and is not done.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.done && self.due.is_some_and(|due| due < today)
    }
}

/// How hard the decision is to undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reversibility {
    /// Hard or impossible to undo: decide slowly and carefully.
    OneWay,
    /// Cheap to undo: decide fast and look again.
    TwoWay,
}

impl Reversibility {
    /// Both, one-way first.
    pub const ALL: [Reversibility; 2] = [Reversibility::OneWay, Reversibility::TwoWay];

    /// The words shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Reversibility::OneWay => "One-way door (hard to undo)",
            Reversibility::TwoWay => "Two-way door (cheap to undo)",
        }
    }
}

/// Who takes part in the decision, in the roles decision records use.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// Who makes the decision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deciders: Vec<String>,
    /// Whose opinion is sought before deciding (two-way communication).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consulted: Vec<String>,
    /// Who is kept up to date (one-way communication).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informed: Vec<String>,
}

/// One of the three roles of [`People`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// [`People::deciders`].
    Deciders,
    /// [`People::consulted`].
    Consulted,
    /// [`People::informed`].
    Informed,
}

impl Role {
    /// The three roles in decision-record order.
    pub const ALL: [Role; 3] = [Role::Deciders, Role::Consulted, Role::Informed];

    /// The role's name as a heading, e.g. "Deciders".
    pub fn label(self) -> &'static str {
        match self {
            Role::Deciders => "Deciders",
            Role::Consulted => "Consulted",
            Role::Informed => "Informed",
        }
    }
}

impl People {
    /// True when no role names anybody; then the file leaves the field out.
    pub fn is_empty(&self) -> bool {
        self.deciders.is_empty() && self.consulted.is_empty() && self.informed.is_empty()
    }

    /// The names in `role`.
    pub fn get(&self, role: Role) -> &Vec<String> {
        match role {
            Role::Deciders => &self.deciders,
            Role::Consulted => &self.consulted,
            Role::Informed => &self.informed,
        }
    }

    /// The names in `role`, to change.
    pub fn get_mut(&mut self, role: Role) -> &mut Vec<String> {
        match role {
            Role::Deciders => &mut self.deciders,
            Role::Consulted => &mut self.consulted,
            Role::Informed => &mut self.informed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn a_step_is_overdue_only_after_its_due_day_and_while_not_done() {
        let mut step = NextStep {
            text: "Sign".into(),
            due: Some(date(10)),
            ..NextStep::default()
        };
        assert!(!step.is_overdue(date(10)));
        assert!(step.is_overdue(date(11)));
        step.done = true;
        assert!(!step.is_overdue(date(11)));
        step.due = None;
        step.done = false;
        assert!(!step.is_overdue(date(30)));
    }
}
