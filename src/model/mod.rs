//! The document: a decision session as plain serde data.
//!
//! Nothing here knows about egui, files or the clock: times are passed in. Criteria and
//! options are identified by slugs ([`CriterionId`], [`OptionId`]), never by position.

mod criteria_set;
mod criterion;
mod date;
mod directive;
mod effort;
mod expectation;
mod follow_up;
mod framing;
mod ids;
mod memo;
mod outcome;
mod portfolio_settings;
mod rater;
mod review;
mod round;
mod session;
mod solution_option;
mod templates;
mod validate;

pub use criteria_set::CriteriaSet;
pub use criterion::{Criterion, Direction, Scale, ScaleLevel};
pub use date::{DateError, parse_date};
pub use directive::Directive;
pub use effort::Effort;
pub use expectation::ExpectedResult;
pub use follow_up::{NextStep, People, Reversibility, Role};
pub use framing::{Assumption, ChallengeQuestion, Framing, Stakeholder, Stance};
pub use ids::{CriterionId, MAX_ID_LEN, OptionId, RaterId, is_valid_slug, slugify, unique_slug};
pub use memo::{MemoProse, MemoSection};
pub use outcome::{KillCriterion, LogEntry, LogEvent, Outcome, WeightMethod, review_words};
pub use portfolio_settings::{
    DEFAULT_VALUE_UNIT, PORTFOLIO_FILE_NAME, PORTFOLIO_FORMAT_VERSION, PortfolioMember,
    PortfolioSettings, validate_portfolio_settings,
};
pub use rater::{Aggregation, Rater};
pub use review::{Rating, ReviewDue, expectation, review_due};
pub use round::{Agreement, Cell, RoundPhase, RoundScope, ScoringRound};
pub use session::{FORMAT_VERSION, Session};
pub use solution_option::{Lens, Score, SolutionOption};
pub use templates::{LensStarter, Templates};
pub use validate::{MAX_STAKES, ValidationIssue, validate};
