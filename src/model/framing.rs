//! What we decided the problem really is, before solving anything.

use serde::{Deserialize, Serialize};

/// Problem statements, metrics, constraints and the questions a principal asks first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framing {
    /// The problem in a sentence or two each.
    #[serde(default)]
    pub problem_statements: Vec<String>,
    /// How we will know it worked.
    #[serde(default)]
    pub success_metrics: Vec<String>,
    /// Limits any answer must respect.
    #[serde(default)]
    pub constraints: Vec<String>,
    /// What we deliberately will not try to achieve.
    #[serde(default)]
    pub non_goals: Vec<String>,
    /// Beliefs the decision rests on, each with a confidence.
    #[serde(default)]
    pub assumptions: Vec<Assumption>,
    /// People with a stake in the outcome.
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    /// Challenge questions and their answers.
    #[serde(default)]
    pub questions: Vec<ChallengeQuestion>,
}

impl Framing {
    /// The challenge questions that still have no answer.
    pub fn unanswered(&self) -> impl Iterator<Item = &ChallengeQuestion> {
        self.questions.iter().filter(|q| q.answer.trim().is_empty())
    }
}

/// A belief and how sure we are of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    /// The belief.
    pub text: String,
    /// Confidence in percent, 0 to 100.
    pub confidence: f64,
}

/// Where a stakeholder stands on the work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stance {
    /// Drives it.
    Champion,
    /// In favour.
    Supporter,
    /// No view yet.
    Neutral,
    /// Doubts it.
    Sceptic,
    /// Will stop it if they can.
    Blocker,
}

impl Stance {
    /// All stances, most favourable first.
    pub const ALL: [Stance; 5] = [
        Stance::Champion,
        Stance::Supporter,
        Stance::Neutral,
        Stance::Sceptic,
        Stance::Blocker,
    ];

    /// The word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Champion => "Champion",
            Stance::Supporter => "Supporter",
            Stance::Neutral => "Neutral",
            Stance::Sceptic => "Sceptic",
            Stance::Blocker => "Blocker",
        }
    }
}

/// A person with a stake in the decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    /// Their name.
    pub name: String,
    /// Their role, e.g. "VP Streaming".
    #[serde(default)]
    pub role: String,
    /// Where they stand.
    pub stance: Stance,
}

/// A question to answer before solving anything.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeQuestion {
    /// The question.
    pub question: String,
    /// Our answer; empty while unanswered.
    #[serde(default)]
    pub answer: String,
}
