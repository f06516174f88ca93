//! Every change a person can make to the document, as a value.
//!
//! Views emit [`Edit`]s; [`apply`] is the one function that changes a [`Session`]. Each edit
//! has a label for the Edit menu ("change Cost of Buy a CDN") and a merge key, so a drag or
//! a stretch of typing in one field becomes one undo step.

mod criteria;

pub use criteria::{OutsideScore, as_percentages, scores_outside};

use super::follow_up;
use super::round_edit::{RoundEdit, apply_round};
use crate::import::MatrixImport;
use crate::model::{Aggregation, Rater, RaterId, WeightMethod, unique_slug};
use crate::model::{
    Assumption, Criterion, CriterionId, Direction, KillCriterion, Lens, LogEntry, LogEvent,
    OptionId, Outcome, Score, Session, SolutionOption, Stakeholder, Stance, Templates,
};
use crate::model::{Effort, ExpectedResult, MemoSection, NextStep, Rating, Reversibility, Role};
use chrono::{DateTime, NaiveDate, Utc};

/// The plain-text lists of the framing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FramingList {
    /// Problem statements.
    ProblemStatements,
    /// Success metrics.
    SuccessMetrics,
    /// Constraints.
    Constraints,
    /// Non-goals.
    NonGoals,
}

impl FramingList {
    /// All four lists, in display order.
    pub const ALL: [FramingList; 4] = [
        FramingList::ProblemStatements,
        FramingList::SuccessMetrics,
        FramingList::Constraints,
        FramingList::NonGoals,
    ];

    /// The list's heading.
    pub fn label(self) -> &'static str {
        match self {
            FramingList::ProblemStatements => "Problem statements",
            FramingList::SuccessMetrics => "Success metrics",
            FramingList::Constraints => "Constraints",
            FramingList::NonGoals => "Non-goals",
        }
    }

    /// The list in `session`.
    pub fn items(self, session: &Session) -> &Vec<String> {
        let f = &session.framing;
        match self {
            FramingList::ProblemStatements => &f.problem_statements,
            FramingList::SuccessMetrics => &f.success_metrics,
            FramingList::Constraints => &f.constraints,
            FramingList::NonGoals => &f.non_goals,
        }
    }

    fn items_mut(self, session: &mut Session) -> &mut Vec<String> {
        let f = &mut session.framing;
        match self {
            FramingList::ProblemStatements => &mut f.problem_statements,
            FramingList::SuccessMetrics => &mut f.success_metrics,
            FramingList::Constraints => &mut f.constraints,
            FramingList::NonGoals => &mut f.non_goals,
        }
    }
}

/// Which text field of the directive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DirectiveField {
    /// The ask, verbatim.
    Ask,
    /// Who gave it.
    GivenBy,
    /// The business goal.
    BusinessGoal,
}

/// A text field of an option's details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionText {
    /// Who would own the work.
    Owner,
    /// The best argument for it.
    StrongestCase,
    /// What would make it the wrong choice.
    WrongIf,
}

impl OptionText {
    /// The field's name as a label, e.g. "Owner".
    pub fn label(self) -> &'static str {
        match self {
            OptionText::Owner => "Owner",
            OptionText::StrongestCase => "Strongest case for it",
            OptionText::WrongIf => "Wrong choice if",
        }
    }
}

/// One change to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Rename the session.
    SetTitle(String),
    /// Change a text field of the directive.
    SetDirectiveText(DirectiveField, String),
    /// Change when the directive was received.
    SetReceived(Option<NaiveDate>),
    /// Change the deadline.
    SetDeadline(Option<NaiveDate>),
    /// Change what reaching the business goal is worth (`None`: not estimated).
    SetStakes(Option<f64>),
    /// Insert an empty item into a framing list at this position (its length appends).
    AddListItem(FramingList, usize),
    /// Change one item of a framing list.
    SetListItem(FramingList, usize, String),
    /// Remove one item of a framing list.
    RemoveListItem(FramingList, usize),
    /// Insert an assumption at this position (the list's length appends), 50 % sure.
    AddAssumption(usize),
    /// Replace an assumption.
    SetAssumption(usize, Assumption),
    /// Remove an assumption.
    RemoveAssumption(usize),
    /// Append a stakeholder.
    AddStakeholder,
    /// Replace a stakeholder.
    SetStakeholder(usize, Stakeholder),
    /// Remove a stakeholder.
    RemoveStakeholder(usize),
    /// Append a challenge question.
    AddQuestion(String),
    /// Answer a challenge question.
    SetAnswer(usize, String),
    /// Remove a challenge question.
    RemoveQuestion(usize),
    /// Add an option with a fresh id.
    AddOption {
        /// Its title.
        title: String,
        /// Its lens.
        lens: Lens,
    },
    /// Copy an option, scores included, under a fresh id right after it.
    DuplicateOption(OptionId),
    /// Delete an option (and clear the outcome if it was the chosen one).
    RemoveOption(OptionId),
    /// Move an option to a new position.
    MoveOption(OptionId, usize),
    /// Rename an option.
    SetOptionTitle(OptionId, String),
    /// Change an option's lens.
    SetOptionLens(OptionId, Lens),
    /// Change an option's description.
    SetOptionDescription(OptionId, String),
    /// Change an option's private notes.
    SetOptionNotes(OptionId, String),
    /// Add the template starter of every lens nobody has used yet.
    CoverMissingLenses,
    /// Change one of an option's text details: owner, strongest case, what would make it wrong.
    SetOptionText(OptionId, OptionText, String),
    /// Set or clear (`None`) an option's effort in person-weeks.
    SetOptionEffort(OptionId, Option<Effort>),
    /// Set or clear (`None`) the weeks until an option shows a first result.
    SetFirstResult(OptionId, Option<f64>),
    /// Set the result an option is expected to reach on one success metric (named in the
    /// value); a blank one removes it.
    SetExpectedResult(OptionId, ExpectedResult),
    /// Set or clear (`None`) one score.
    SetScore(OptionId, CriterionId, Option<Score>),
    /// Change a criterion's weight (logged when weights are locked).
    SetWeight(CriterionId, f64),
    /// Replace a criterion's definition (name, description, unit, direction, scale, level
    /// meanings, veto); its id is kept. Refused when the new scale would leave scores
    /// outside it: [`Edit::RescaleCriterion`] moves them instead.
    SetCriterion(CriterionId, Criterion),
    /// Add a criterion with a fresh id.
    AddCriterion(String, Direction),
    /// Delete a criterion and every score on it.
    RemoveCriterion(CriterionId),
    /// Replace every criterion with those of the shipped criteria set of this name;
    /// refused once anything is scored, so no score is ever lost to it.
    UseCriteriaSet(String),
    /// Move a criterion to a new position.
    MoveCriterion(CriterionId, usize),
    /// Copy a criterion with its scores under a fresh id right after it, with weight 0.
    DuplicateCriterion(CriterionId),
    /// Give a criterion the scale `lo..hi`, moving its scores, levels and veto
    /// proportionally so each keeps its place between worst and best.
    RescaleCriterion(CriterionId, f64, f64),
    /// Add and update options and their scores from a matrix read from CSV, as one step.
    ImportMatrix(MatrixImport),
    /// Set or clear many scores at once, e.g. a block pasted from a spreadsheet: each is a
    /// [`Edit::SetScore`] or [`Edit::SetRaterScore`]; all apply as one step, or none does.
    SetScores(Vec<Edit>),
    /// Set every criterion's weight at once from a comparison method; logged.
    SetWeights {
        /// The new weight of every criterion.
        weights: Vec<(CriterionId, f64)>,
        /// How they were derived.
        method: WeightMethod,
    },
    /// Lock or unlock weights.
    SetWeightsLocked(bool),
    /// Append a kill criterion.
    AddKillCriterion(String),
    /// Replace a kill criterion.
    SetKillCriterion(usize, KillCriterion),
    /// Remove a kill criterion.
    RemoveKillCriterion(usize),
    /// Decide; the change is logged with its time.
    SetOutcome(Outcome),
    /// Add a note to the decision log.
    AddLogNote(String),
    /// Append an empty next step.
    AddNextStep,
    /// Replace a next step.
    SetNextStep(usize, NextStep),
    /// Remove a next step.
    RemoveNextStep(usize),
    /// Set or clear the date the decision is looked at again.
    SetReviewDate(Option<NaiveDate>),
    /// Say how hard the decision is to undo, or clear it.
    SetReversibility(Option<Reversibility>),
    /// Replace the names in one of the deciders / consulted / informed roles.
    SetPeople(Role, Vec<String>),
    /// Write (or, with empty text, clear) the prose of one memo section.
    SetMemoProse(MemoSection, String),
    /// Log a review: what happened, and the decision and outcome judged apart. The
    /// expectation recorded at decision time is copied into the entry.
    RecordReview {
        /// What happened, against the expected result.
        happened: String,
        /// Was it a good call with what we knew then?
        decision: Rating,
        /// Did it turn out well?
        outcome: Rating,
    },
    /// Change the session's private notes.
    SetNotes(String),
    /// Add a rater with a fresh id: their name and (possibly empty) role.
    AddRater(String, String),
    /// Rename a rater or change their role; their id, and so their scores, stay.
    SetRater(RaterId, String, String),
    /// Remove a rater together with every score they gave.
    RemoveRater(RaterId),
    /// Set or clear (`None`) one rater's score on one cell.
    SetRaterScore(OptionId, RaterId, CriterionId, Option<Score>),
    /// Choose how raters' scores are combined.
    SetAggregation(Aggregation),
    /// A step of a facilitated scoring round.
    Round(RoundEdit),
}

/// Why an edit could not be applied; the document is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The option id is not in the session.
    #[error("there is no option with id {0:?}")]
    UnknownOption(String),
    /// The criterion id is not in the session.
    #[error("there is no criterion with id {0:?}")]
    UnknownCriterion(String),
    /// A list position is past the end.
    #[error("there is no item {0} in that list")]
    NoSuchItem(usize),
    /// The rater id is not in the session.
    #[error("there is no rater with id {0:?}")]
    UnknownRater(String),
    /// A number is NaN, infinite, negative or outside its scale.
    #[error("{0}")]
    BadNumber(String),
    /// The scoring round is not in a state that allows this step.
    #[error("{0}")]
    Round(String),
    /// An imported matrix no longer fits the session.
    #[error("{0}")]
    Import(String),
    /// A criterion's definition cannot be used, e.g. a veto outside its scale.
    #[error("{path}: {message}")]
    InvalidCriterion {
        /// Where, e.g. `criteria[1].veto`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A new scale would leave scores outside it.
    #[error(
        "{} {} on {criterion} would fall outside {scale}: {}; rescale them with the scale, \
         or change them first",
        scores.len(),
        if scores.len() == 1 { "score" } else { "scores" },
        scores.join(", ")
    )]
    ScoresOutsideScale {
        /// The criterion's name.
        criterion: String,
        /// The refused scale, e.g. `0..3`.
        scale: String,
        /// Each score outside: option, rater, value and document path.
        scores: Vec<String>,
    },
}

impl Edit {
    /// What the edit does, for "Undo: …", e.g. "change Cost of Buy a CDN".
    pub fn label(&self, session: &Session) -> String {
        let option = |id: &OptionId| {
            session
                .option(id)
                .map_or_else(|| id.to_string(), |o| format!("“{}”", o.title))
        };
        let criterion = |id: &CriterionId| session.criterion_name(id).to_owned();
        let rater = |id: &RaterId| session.rater_name(id);
        match self {
            Edit::SetTitle(_) => "rename the session".into(),
            Edit::SetDirectiveText(DirectiveField::Ask, _) => "edit the ask".into(),
            Edit::SetDirectiveText(DirectiveField::GivenBy, _) => "edit who gave the ask".into(),
            Edit::SetDirectiveText(DirectiveField::BusinessGoal, _) => {
                "edit the business goal".into()
            }
            Edit::SetReceived(_) => "change the date received".into(),
            Edit::SetDeadline(_) => "change the deadline".into(),
            Edit::SetStakes(_) => "change the stakes".into(),
            Edit::AddListItem(list, _) => format!("add to {}", list.label().to_lowercase()),
            Edit::SetListItem(list, ..) => format!("edit {}", list.label().to_lowercase()),
            Edit::RemoveListItem(list, _) => format!("remove from {}", list.label().to_lowercase()),
            Edit::AddAssumption(_) => "add an assumption".into(),
            Edit::SetAssumption(..) => "edit an assumption".into(),
            Edit::RemoveAssumption(_) => "remove an assumption".into(),
            Edit::AddStakeholder => "add a stakeholder".into(),
            Edit::SetStakeholder(..) => "edit a stakeholder".into(),
            Edit::RemoveStakeholder(_) => "remove a stakeholder".into(),
            Edit::AddQuestion(_) => "add a challenge question".into(),
            Edit::SetAnswer(..) => "answer a challenge question".into(),
            Edit::RemoveQuestion(_) => "remove a challenge question".into(),
            Edit::AddOption { title, .. } => format!("add option “{title}”"),
            Edit::DuplicateOption(id) => format!("duplicate {}", option(id)),
            Edit::RemoveOption(id) => format!("delete {}", option(id)),
            Edit::MoveOption(id, _) => format!("move {}", option(id)),
            Edit::SetOptionTitle(id, _) => format!("rename {}", option(id)),
            Edit::SetOptionLens(id, _) => format!("change the lens of {}", option(id)),
            Edit::SetOptionDescription(id, _) => format!("describe {}", option(id)),
            Edit::SetOptionNotes(id, _) => format!("edit notes on {}", option(id)),
            Edit::CoverMissingLenses => "cover the missing lenses".into(),
            Edit::SetOptionText(id, field, _) => {
                format!("change {} of {}", field.label().to_lowercase(), option(id))
            }
            Edit::SetOptionEffort(id, _) => format!("change the effort of {}", option(id)),
            Edit::SetFirstResult(id, _) => {
                format!("change the time to a first result of {}", option(id))
            }
            Edit::SetExpectedResult(id, _) => {
                format!("change the expected result of {}", option(id))
            }
            Edit::SetScore(o, c, _) => format!("change {} of {}", criterion(c), option(o)),
            Edit::SetWeight(c, _) => format!("change the weight of {}", criterion(c)),
            // Typing a name is many edits merged under the first one's label, so the label
            // names the criterion as it was, not a half-typed new name.
            Edit::SetCriterion(c, new) if new.name != criterion(c) => {
                format!("rename criterion {}", criterion(c))
            }
            Edit::SetCriterion(c, _) => format!("edit criterion {}", criterion(c)),
            Edit::AddCriterion(name, _) => format!("add criterion {name}"),
            Edit::RemoveCriterion(c) => format!("delete criterion {}", criterion(c)),
            Edit::UseCriteriaSet(name) => format!(
                "start from the {} criteria",
                crate::model::CriteriaSet::named(name).map_or(name.as_str(), |set| &set.title)
            ),
            Edit::MoveCriterion(c, _) => format!("move criterion {}", criterion(c)),
            Edit::DuplicateCriterion(c) => format!("duplicate criterion {}", criterion(c)),
            Edit::RescaleCriterion(c, lo, hi) => {
                format!("rescale {} to {lo}..{hi}", criterion(c))
            }
            Edit::SetWeights { method, .. } => format!("set the weights by {}", method.label()),
            Edit::ImportMatrix(import) => format!(
                "import {} {} from CSV",
                import.rows.len(),
                if import.rows.len() == 1 {
                    "row"
                } else {
                    "rows"
                }
            ),
            Edit::SetScores(edits) => format!(
                "paste {} {}",
                edits.len(),
                if edits.len() == 1 { "score" } else { "scores" }
            ),
            Edit::SetWeightsLocked(true) => "lock the weights".into(),
            Edit::SetWeightsLocked(false) => "unlock the weights".into(),
            Edit::AddKillCriterion(_) => "add a kill criterion".into(),
            Edit::SetKillCriterion(..) => "edit a kill criterion".into(),
            Edit::RemoveKillCriterion(_) => "remove a kill criterion".into(),
            Edit::SetOutcome(outcome) => format!("set the outcome to {}", outcome.label()),
            Edit::AddLogNote(_) => "add a log note".into(),
            Edit::AddNextStep => "add a next step".into(),
            Edit::SetNextStep(..) => "edit a next step".into(),
            Edit::RemoveNextStep(_) => "remove a next step".into(),
            Edit::SetReviewDate(_) => "change the review date".into(),
            Edit::SetReversibility(_) => "change how reversible the decision is".into(),
            Edit::SetPeople(role, _) => format!("edit {}", role.label().to_lowercase()),
            Edit::SetMemoProse(section, _) => {
                format!("write the memo's “{}”", section.heading())
            }
            Edit::RecordReview { .. } => "record a review".into(),
            Edit::SetNotes(_) => "edit private notes".into(),
            Edit::AddRater(name, _) => format!("add rater {name}"),
            Edit::SetRater(r, name, _) if *name != rater(r) => {
                format!("rename rater {} to {name}", rater(r))
            }
            Edit::SetRater(r, ..) => format!("change the role of {}", rater(r)),
            Edit::RemoveRater(r) => format!("remove rater {}", rater(r)),
            Edit::SetRaterScore(o, r, c, _) => {
                format!("change {}'s {} of {}", rater(r), criterion(c), option(o))
            }
            Edit::SetAggregation(a) => format!("aggregate raters by {}", a.label()),
            Edit::Round(step) => step.label(session),
        }
    }

    /// Edits with the same key, applied one after another, are merged into one undo step.
    /// `None` means the edit always stands alone.
    pub fn merge_key(&self) -> Option<String> {
        Some(match self {
            Edit::SetTitle(_) => "title".into(),
            Edit::SetDirectiveText(field, _) => format!("directive:{field:?}"),
            Edit::SetListItem(list, idx, _) => format!("list:{list:?}:{idx}"),
            Edit::SetAssumption(idx, _) => format!("assumption:{idx}"),
            Edit::SetStakeholder(idx, _) => format!("stakeholder:{idx}"),
            Edit::SetAnswer(idx, _) => format!("answer:{idx}"),
            Edit::SetOptionTitle(id, _) => format!("title:{id}"),
            Edit::SetOptionLens(id, _) => format!("lens:{id}"),
            Edit::SetOptionDescription(id, _) => format!("description:{id}"),
            Edit::SetOptionNotes(id, _) => format!("notes:{id}"),
            Edit::SetOptionText(id, field, _) => format!("option-text:{id}:{field:?}"),
            Edit::SetOptionEffort(id, _) => format!("effort:{id}"),
            Edit::SetFirstResult(id, _) => format!("first-result:{id}"),
            Edit::SetExpectedResult(id, e) => format!("expected:{id}:{}", e.metric),
            Edit::SetNextStep(idx, _) => format!("next-step:{idx}"),
            Edit::SetReviewDate(_) => "review-date".into(),
            Edit::SetPeople(role, _) => format!("people:{role:?}"),
            Edit::SetMemoProse(section, _) => format!("memo:{section:?}"),
            Edit::SetScore(o, c, _) => format!("score:{o}:{c}"),
            Edit::SetRaterScore(o, r, c, _) => format!("rater-score:{o}:{r}:{c}"),
            Edit::SetRater(r, ..) => format!("rater:{r}"),
            Edit::SetWeight(c, _) => format!("weight:{c}"),
            Edit::SetCriterion(c, _) => format!("criterion:{c}"),
            Edit::SetKillCriterion(idx, _) => format!("kill:{idx}"),
            Edit::SetNotes(_) => "notes".into(),
            Edit::SetStakes(_) => "stakes".into(),
            Edit::Round(step) => return step.merge_key(),
            _ => return None,
        })
    }
}

/// Applies `edit` to `session`; `now` stamps log entries. On error nothing changes.
///
/// # Errors
/// When the edit names an option, criterion or list item that does not exist, or carries a
/// number the document cannot hold (NaN, a negative weight, a score outside its scale).
pub fn apply(session: &mut Session, edit: Edit, now: DateTime<Utc>) -> Result<(), EditError> {
    match edit {
        Edit::SetTitle(text) => session.title = text,
        Edit::SetDirectiveText(field, text) => match field {
            DirectiveField::Ask => session.directive.ask = text,
            DirectiveField::GivenBy => session.directive.given_by = text,
            DirectiveField::BusinessGoal => session.directive.business_goal = text,
        },
        Edit::SetReceived(date) => session.directive.received = date,
        Edit::SetDeadline(date) => session.directive.deadline = date,
        Edit::SetStakes(stakes) => {
            if let Some(v) = stakes
                && !(v.is_finite() && (0.0..=crate::model::MAX_STAKES).contains(&v))
            {
                return Err(EditError::BadNumber(format!(
                    "stakes {v} must be 0 or more and at most {:e}",
                    crate::model::MAX_STAKES
                )));
            }
            session.stakes = stakes;
        }
        Edit::AddListItem(list, idx) => insert_at(list.items_mut(session), idx, String::new())?,
        Edit::SetListItem(list, idx, text) => {
            let old = std::mem::replace(item_mut(list.items_mut(session), idx)?, text.clone());
            if list == FramingList::SuccessMetrics {
                follow_up::rename_metric(session, &old, &text);
            }
        }
        Edit::RemoveListItem(list, idx) => {
            let old = item_mut(list.items_mut(session), idx)?.clone();
            remove_at(list.items_mut(session), idx)?;
            if list == FramingList::SuccessMetrics {
                follow_up::forget_metric(session, &old);
            }
        }
        Edit::AddAssumption(idx) => insert_at(
            &mut session.framing.assumptions,
            idx,
            Assumption {
                text: String::new(),
                confidence: 50.0,
            },
        )?,
        Edit::SetAssumption(idx, assumption) => {
            if !(0.0..=100.0).contains(&assumption.confidence) {
                return Err(EditError::BadNumber("confidence must be 0 to 100".into()));
            }
            *item_mut(&mut session.framing.assumptions, idx)? = assumption;
        }
        Edit::RemoveAssumption(idx) => remove_at(&mut session.framing.assumptions, idx)?,
        Edit::AddStakeholder => session.framing.stakeholders.push(Stakeholder {
            name: String::new(),
            role: String::new(),
            stance: Stance::Neutral,
        }),
        Edit::SetStakeholder(idx, s) => *item_mut(&mut session.framing.stakeholders, idx)? = s,
        Edit::RemoveStakeholder(idx) => remove_at(&mut session.framing.stakeholders, idx)?,
        Edit::AddQuestion(question) => {
            session
                .framing
                .questions
                .push(crate::model::ChallengeQuestion {
                    question,
                    answer: String::new(),
                })
        }
        Edit::SetAnswer(idx, answer) => {
            item_mut(&mut session.framing.questions, idx)?.answer = answer
        }
        Edit::RemoveQuestion(idx) => remove_at(&mut session.framing.questions, idx)?,
        Edit::AddOption { title, lens } => {
            session.add_option(&title, lens);
        }
        Edit::DuplicateOption(id) => {
            let idx = option_idx(session, &id)?;
            let mut copy: SolutionOption = session.options[idx].clone();
            copy.title = format!("{} (copy)", copy.title);
            copy.id = session.new_option_id(&copy.title);
            session.options.insert(idx + 1, copy);
        }
        Edit::RemoveOption(id) => {
            let idx = option_idx(session, &id)?;
            session.options.remove(idx);
            if matches!(&session.outcome, Outcome::Chosen { option, .. } if *option == id) {
                session.set_outcome(Outcome::Undecided, now);
            }
        }
        Edit::MoveOption(id, to) => {
            let idx = option_idx(session, &id)?;
            let option = session.options.remove(idx);
            let to = to.min(session.options.len());
            session.options.insert(to, option);
        }
        Edit::SetOptionTitle(id, title) => option_mut(session, &id)?.title = title,
        Edit::SetOptionLens(id, lens) => option_mut(session, &id)?.lens = lens,
        Edit::SetOptionDescription(id, text) => option_mut(session, &id)?.description = text,
        Edit::SetOptionNotes(id, text) => option_mut(session, &id)?.notes = text,
        Edit::CoverMissingLenses => {
            let templates = Templates::shipped();
            for lens in session.missing_lenses() {
                let (title, prompt) = templates
                    .starter(&lens)
                    .map_or((lens.label().to_owned(), String::new()), |s| {
                        (s.title.clone(), s.prompt.clone())
                    });
                let id = session.add_option(&title, lens);
                option_mut(session, &id)?.description = prompt;
            }
        }
        edit @ (Edit::SetOptionText(..)
        | Edit::SetOptionEffort(..)
        | Edit::SetFirstResult(..)
        | Edit::SetExpectedResult(..)
        | Edit::AddNextStep
        | Edit::SetNextStep(..)
        | Edit::RemoveNextStep(_)
        | Edit::SetReviewDate(_)
        | Edit::SetReversibility(_)
        | Edit::SetPeople(..)
        | Edit::SetMemoProse(..)
        | Edit::RecordReview { .. }) => follow_up::apply(session, edit, now)?,
        Edit::SetScore(option, criterion, score) => {
            check_score(session, &criterion, score.as_ref())?;
            let o = option_mut(session, &option)?;
            match score {
                Some(score) => o.scores.insert(criterion, score),
                None => o.scores.remove(&criterion),
            };
        }
        Edit::SetScores(edits) => {
            let mut next = session.clone();
            for edit in edits {
                if !matches!(edit, Edit::SetScore(..) | Edit::SetRaterScore(..)) {
                    return Err(EditError::BadNumber(format!(
                        "only scores can be set together, not “{}”",
                        edit.label(session)
                    )));
                }
                apply(&mut next, edit, now)?;
            }
            *session = next;
        }
        Edit::SetWeight(criterion, weight) => {
            if !weight.is_finite() || weight < 0.0 {
                return Err(EditError::BadNumber(format!(
                    "weight {weight} must be 0 or more"
                )));
            }
            let locked = session.weights_locked;
            let c = criterion_mut(session, &criterion)?;
            let from = c.weight;
            c.weight = weight;
            if locked && from != weight {
                session.log.push(LogEntry {
                    at: now,
                    event: LogEvent::WeightChanged {
                        criterion,
                        from,
                        to: weight,
                    },
                });
            }
        }
        Edit::SetCriterion(id, criterion) => criteria::set(session, &id, criterion)?,
        Edit::AddCriterion(name, direction) => {
            let id = session.new_criterion_id(&name);
            session
                .criteria
                .push(Criterion::new(id.as_str(), &name, 0.0, direction));
        }
        Edit::RemoveCriterion(id) => {
            let idx = session
                .criterion_idx(&id)
                .ok_or_else(|| EditError::UnknownCriterion(id.to_string()))?;
            session.criteria.remove(idx);
            for option in &mut session.options {
                option.scores.remove(&id);
                for scores in option.rater_scores.values_mut() {
                    scores.remove(&id);
                }
            }
        }
        Edit::UseCriteriaSet(name) => criteria::use_set(session, &name)?,
        Edit::MoveCriterion(id, to) => criteria::move_to(session, &id, to)?,
        Edit::DuplicateCriterion(id) => criteria::duplicate(session, &id)?,
        Edit::RescaleCriterion(id, lo, hi) => criteria::rescale(session, &id, lo, hi)?,
        Edit::SetWeights { weights, method } => {
            criteria::set_weights(session, weights, method, now)?
        }
        Edit::ImportMatrix(import) => crate::import::apply_import(session, &import)
            .map_err(|err| EditError::Import(err.to_string()))?,
        Edit::SetWeightsLocked(locked) => session.weights_locked = locked,
        Edit::AddKillCriterion(condition) => session.kill_criteria.push(KillCriterion {
            condition,
            tripped: false,
        }),
        Edit::SetKillCriterion(idx, k) => *item_mut(&mut session.kill_criteria, idx)? = k,
        Edit::RemoveKillCriterion(idx) => remove_at(&mut session.kill_criteria, idx)?,
        Edit::SetOutcome(outcome) => {
            if let Outcome::Chosen { option, .. } = &outcome {
                option_idx(session, option)?;
            }
            session.set_outcome(outcome, now);
        }
        Edit::AddLogNote(text) => session.log.push(LogEntry {
            at: now,
            event: LogEvent::Note { text },
        }),
        Edit::SetNotes(text) => session.notes = text,
        Edit::AddRater(name, role) => {
            let id = unique_slug(&name, session.raters.iter().map(|r| r.id.as_str()));
            let mut rater = Rater::new(&id, &name);
            rater.role = role;
            session.raters.push(rater);
        }
        Edit::SetRater(id, name, role) => {
            let rater = session
                .raters
                .iter_mut()
                .find(|r| r.id == id)
                .ok_or_else(|| EditError::UnknownRater(id.to_string()))?;
            rater.name = name;
            rater.role = role;
        }
        Edit::RemoveRater(id) => {
            let idx = session
                .raters
                .iter()
                .position(|r| r.id == id)
                .ok_or_else(|| EditError::UnknownRater(id.to_string()))?;
            session.raters.remove(idx);
            for option in &mut session.options {
                option.rater_scores.remove(&id);
            }
        }
        Edit::SetRaterScore(option, rater, criterion, score) => {
            if session.rater(&rater).is_none() {
                return Err(EditError::UnknownRater(rater.to_string()));
            }
            check_score(session, &criterion, score.as_ref())?;
            let o = option_mut(session, &option)?;
            match score {
                Some(score) => {
                    o.rater_scores
                        .entry(rater)
                        .or_default()
                        .insert(criterion, score);
                }
                None => {
                    if let Some(scores) = o.rater_scores.get_mut(&rater) {
                        scores.remove(&criterion);
                        if scores.is_empty() {
                            o.rater_scores.remove(&rater);
                        }
                    }
                }
            }
        }
        Edit::SetAggregation(aggregation) => session.aggregation = aggregation,
        Edit::Round(step) => apply_round(session, step, now)?,
    }
    Ok(())
}

/// Checks that `criterion` exists and that `score`, if any, fits its scale and is in order.
fn check_score(
    session: &Session,
    criterion: &CriterionId,
    score: Option<&Score>,
) -> Result<(), EditError> {
    let criterion = session
        .criterion(criterion)
        .ok_or_else(|| EditError::UnknownCriterion(criterion.to_string()))?;
    let Some(score) = score else { return Ok(()) };
    let values = [Some(score.likely), score.low, score.high];
    if values
        .into_iter()
        .flatten()
        .any(|v| !v.is_finite() || !criterion.scale.contains(v))
    {
        return Err(EditError::BadNumber(format!(
            "scores on {} must be within {}..{}",
            criterion.name, criterion.scale.lo, criterion.scale.hi
        )));
    }
    if score.low_or_likely() > score.likely {
        return Err(EditError::BadNumber(format!(
            "low {} is above likely {}: need low ≤ likely ≤ high",
            score.low_or_likely(),
            score.likely
        )));
    }
    if score.likely > score.high_or_likely() {
        return Err(EditError::BadNumber(format!(
            "high {} is below likely {}: need low ≤ likely ≤ high",
            score.high_or_likely(),
            score.likely
        )));
    }
    Ok(())
}

pub(super) fn option_idx(session: &Session, id: &OptionId) -> Result<usize, EditError> {
    session
        .option_idx(id)
        .ok_or_else(|| EditError::UnknownOption(id.to_string()))
}

pub(super) fn option_mut<'a>(
    session: &'a mut Session,
    id: &OptionId,
) -> Result<&'a mut SolutionOption, EditError> {
    let idx = option_idx(session, id)?;
    Ok(&mut session.options[idx])
}

fn criterion_mut<'a>(
    session: &'a mut Session,
    id: &CriterionId,
) -> Result<&'a mut Criterion, EditError> {
    session
        .criteria
        .iter_mut()
        .find(|c| &c.id == id)
        .ok_or_else(|| EditError::UnknownCriterion(id.to_string()))
}

pub(super) fn item_mut<T>(items: &mut [T], idx: usize) -> Result<&mut T, EditError> {
    items.get_mut(idx).ok_or(EditError::NoSuchItem(idx))
}

pub(super) fn insert_at<T>(items: &mut Vec<T>, idx: usize, item: T) -> Result<(), EditError> {
    if idx <= items.len() {
        items.insert(idx, item);
        Ok(())
    } else {
        Err(EditError::NoSuchItem(idx))
    }
}

pub(super) fn remove_at<T>(items: &mut Vec<T>, idx: usize) -> Result<(), EditError> {
    if idx < items.len() {
        items.remove(idx);
        Ok(())
    } else {
        Err(EditError::NoSuchItem(idx))
    }
}

#[cfg(test)]
mod rater_tests;

#[cfg(test)]
mod criteria_tests;

#[cfg(test)]
mod portfolio_tests;
