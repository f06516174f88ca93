//! The document: a decision session as plain serde data.
//!
//! Nothing here knows about egui, files or the clock: times are passed in. Criteria and
//! options are identified by slugs ([`CriterionId`], [`OptionId`]), never by position.

mod criterion;
mod directive;
mod effort;
mod framing;
mod ids;
mod outcome;
mod rater;
mod round;
mod session;
mod solution_option;
mod templates;
mod validate;

pub use criterion::{Criterion, Direction, Scale, ScaleLevel};
pub use directive::Directive;
pub use effort::Effort;
pub use framing::{Assumption, ChallengeQuestion, Framing, Stakeholder, Stance};
pub use ids::{CriterionId, MAX_ID_LEN, OptionId, RaterId, is_valid_slug, slugify, unique_slug};
pub use outcome::{KillCriterion, LogEntry, LogEvent, Outcome};
pub use rater::{Aggregation, Rater};
pub use round::{Agreement, Cell, RoundPhase, RoundScope, ScoringRound};
pub use session::{FORMAT_VERSION, Session};
pub use solution_option::{Lens, Score, SolutionOption};
pub use templates::{LensStarter, Templates};
pub use validate::{ValidationIssue, validate};
