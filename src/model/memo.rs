//! Prose the user wrote for the sections of the narrative memo.
//!
//! Every section of the memo can be generated from the session; where the user wrote prose
//! for a section, the memo uses it instead. The appendix is always generated.

use serde::{Deserialize, Serialize};

/// The sections of the narrative memo that take prose, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemoSection {
    /// The ask and the business goal.
    Introduction,
    /// Problem statements, metrics, constraints, non-goals, and whether it is the right problem.
    Problem,
    /// Constraints and non-goals stated as principles.
    Tenets,
    /// Every option considered, with effort and expected result.
    Options,
    /// What we recommend and why.
    Recommendation,
    /// Robustness, assumptions with confidence, what would change our mind.
    Confidence,
    /// Risks and tripwires.
    Risks,
    /// What we need from the reader.
    Asks,
    /// Challenge questions and disputed scores, answered.
    Faq,
}

impl MemoSection {
    /// Every section, in reading order.
    pub const ALL: [MemoSection; 9] = [
        MemoSection::Introduction,
        MemoSection::Problem,
        MemoSection::Tenets,
        MemoSection::Options,
        MemoSection::Recommendation,
        MemoSection::Confidence,
        MemoSection::Risks,
        MemoSection::Asks,
        MemoSection::Faq,
    ];

    /// The section's heading in the memo.
    pub fn heading(self) -> &'static str {
        match self {
            MemoSection::Introduction => "Introduction",
            MemoSection::Problem => "The problem as we framed it",
            MemoSection::Tenets => "Tenets",
            MemoSection::Options => "The options we considered",
            MemoSection::Recommendation => "Recommendation and why",
            MemoSection::Confidence => "How sure we are",
            MemoSection::Risks => "Risks and tripwires",
            MemoSection::Asks => "Asks",
            MemoSection::Faq => "FAQ",
        }
    }
}

/// The user's prose per memo section; an empty section is generated from the data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoProse {
    /// For [`MemoSection::Introduction`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub introduction: String,
    /// For [`MemoSection::Problem`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub problem: String,
    /// For [`MemoSection::Tenets`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tenets: String,
    /// For [`MemoSection::Options`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub options: String,
    /// For [`MemoSection::Recommendation`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
    /// For [`MemoSection::Confidence`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub confidence: String,
    /// For [`MemoSection::Risks`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub risks: String,
    /// For [`MemoSection::Asks`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub asks: String,
    /// For [`MemoSection::Faq`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub faq: String,
}

impl MemoProse {
    /// True when no section has prose; then the file leaves the field out.
    pub fn is_empty(&self) -> bool {
        MemoSection::ALL.iter().all(|&s| self.get(s).is_empty())
    }

    /// The prose of `section`, empty when the section is generated.
    pub fn get(&self, section: MemoSection) -> &str {
        match section {
            MemoSection::Introduction => &self.introduction,
            MemoSection::Problem => &self.problem,
            MemoSection::Tenets => &self.tenets,
            MemoSection::Options => &self.options,
            MemoSection::Recommendation => &self.recommendation,
            MemoSection::Confidence => &self.confidence,
            MemoSection::Risks => &self.risks,
            MemoSection::Asks => &self.asks,
            MemoSection::Faq => &self.faq,
        }
    }

    /// The prose of `section`, to change.
    pub fn get_mut(&mut self, section: MemoSection) -> &mut String {
        match section {
            MemoSection::Introduction => &mut self.introduction,
            MemoSection::Problem => &mut self.problem,
            MemoSection::Tenets => &mut self.tenets,
            MemoSection::Options => &mut self.options,
            MemoSection::Recommendation => &mut self.recommendation,
            MemoSection::Confidence => &mut self.confidence,
            MemoSection::Risks => &mut self.risks,
            MemoSection::Asks => &mut self.asks,
            MemoSection::Faq => &mut self.faq,
        }
    }
}
