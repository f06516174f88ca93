//! The open document: the session, its undo history and whether it is saved.

use super::edit::{Edit, EditError, apply};
use crate::model::Session;
use chrono::{DateTime, Utc};

/// How many undo steps are kept.
pub const MAX_UNDO: usize = 200;

/// A labelled copy of the session from before an edit.
#[derive(Clone, Debug)]
struct Snapshot {
    label: String,
    session: Session,
    revision: u64,
}

/// The session being edited, with labelled undo/redo and a dirty flag.
///
/// Every change goes through [`Document::apply`]. Consecutive edits with the same
/// [`Edit::merge_key`] become one undo step until [`Document::seal`] is called (the UI
/// calls it when a field loses focus or a drag ends). The history is never saved.
#[derive(Clone, Debug)]
pub struct Document {
    session: Session,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    open_merge_key: Option<String>,
}

impl Document {
    /// A document that matches what is on disk (not dirty).
    pub fn new(session: Session) -> Self {
        Self {
            session,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            next_revision: 1,
            saved_revision: Some(0),
            open_merge_key: None,
        }
    }

    /// A document that was never saved (dirty from the start), e.g. restored from recovery.
    pub fn unsaved(session: Session) -> Self {
        let mut doc = Self::new(session);
        doc.saved_revision = None;
        doc
    }

    /// The session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// A number that changes whenever the session changes; undo brings back the old number,
    /// so caches keyed by it stay valid.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the session differs from the last save.
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// Records that a given revision was saved (for saves that finish later, off-thread).
    pub fn mark_saved_at(&mut self, revision: u64) {
        self.saved_revision = Some(revision);
    }

    /// Applies one edit, recording an undo step unless it merges with the previous one.
    ///
    /// # Errors
    /// When the edit cannot apply; the session and history are then unchanged.
    pub fn apply(&mut self, edit: Edit, now: DateTime<Utc>) -> Result<(), EditError> {
        let key = edit.merge_key();
        let merges = key.is_some() && key == self.open_merge_key && !self.undo.is_empty();
        let label = edit.label(&self.session);
        let before = (!merges).then(|| self.session.clone());
        let mut next = self.session.clone();
        apply(&mut next, edit, now)?;
        if next == self.session {
            return Ok(());
        }
        self.session = next;
        if let Some(before) = before {
            self.undo.push(Snapshot {
                label,
                session: before,
                revision: self.revision,
            });
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.open_merge_key = key;
        self.revision = self.next_revision;
        self.next_revision += 1;
        Ok(())
    }

    /// Ends the current merge: the next edit starts a new undo step.
    pub fn seal(&mut self) {
        self.open_merge_key = None;
    }

    /// "Undo: change Cost of “Buy a CDN”", or `None` when there is nothing to undo.
    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(|s| format!("Undo: {}", s.label))
    }

    /// "Redo: …", or `None` when there is nothing to redo.
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(|s| format!("Redo: {}", s.label))
    }

    /// Steps back one edit. Returns whether anything changed.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Steps forward one undone edit. Returns whether anything changed.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(snapshot) = from.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.session, snapshot.session);
        to.push(Snapshot {
            label: snapshot.label,
            session: current,
            revision: self.revision,
        });
        self.revision = snapshot.revision;
        self.open_merge_key = None;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DirectiveField;
    use crate::model::{CriterionId, Lens, OptionId, Outcome, Score};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    fn doc_with_option() -> Document {
        let mut doc = Document::new(Session::new("ask"));
        doc.apply(
            Edit::AddOption {
                title: "Buy a CDN".into(),
                lens: Lens::Buy,
            },
            now(),
        )
        .unwrap();
        doc
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut doc = Document::new(Session::new(""));
        for text in ["i", "im", "imp"] {
            doc.apply(
                Edit::SetDirectiveText(DirectiveField::Ask, text.into()),
                now(),
            )
            .unwrap();
        }
        assert_eq!(doc.undo_label().as_deref(), Some("Undo: edit the ask"));
        assert!(doc.undo());
        assert_eq!(doc.session().directive.ask, "");
        assert!(!doc.undo());
    }

    #[test]
    fn sealing_starts_a_new_step() {
        let mut doc = Document::new(Session::new(""));
        doc.apply(Edit::SetTitle("a".into()), now()).unwrap();
        doc.seal();
        doc.apply(Edit::SetTitle("ab".into()), now()).unwrap();
        doc.undo();
        assert_eq!(doc.session().title, "a");
    }

    #[test]
    fn undo_labels_name_the_criterion_and_option() {
        let mut doc = doc_with_option();
        let edit = Edit::SetScore(
            OptionId::new("buy-a-cdn"),
            CriterionId::new("cost"),
            Some(Score::point(2.0)),
        );
        doc.apply(edit, now()).unwrap();
        assert_eq!(
            doc.undo_label().as_deref(),
            Some("Undo: change Cost of “Buy a CDN”")
        );
        doc.undo();
        assert_eq!(
            doc.redo_label().as_deref(),
            Some("Redo: change Cost of “Buy a CDN”")
        );
        assert!(doc.redo());
        assert_eq!(doc.session().options[0].scores.len(), 1);
    }

    #[test]
    fn undoing_back_to_the_saved_state_clears_the_dirty_flag() {
        let mut doc = Document::new(Session::new(""));
        assert!(!doc.is_dirty());
        doc.apply(Edit::SetTitle("x".into()), now()).unwrap();
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty());
        doc.redo();
        assert!(doc.is_dirty());
    }

    #[test]
    fn a_failing_edit_changes_nothing() {
        let mut doc = doc_with_option();
        let rev = doc.revision();
        let bad = Edit::SetScore(
            OptionId::new("buy-a-cdn"),
            CriterionId::new("cost"),
            Some(Score::point(9.0)),
        );
        assert!(doc.apply(bad, now()).is_err());
        assert!(
            doc.apply(Edit::SetWeight(CriterionId::new("cost"), f64::NAN), now())
                .is_err()
        );
        assert_eq!(doc.revision(), rev);
    }

    #[test]
    fn outcome_changes_are_logged_and_undone_together() {
        let mut doc = doc_with_option();
        doc.apply(
            Edit::SetOutcome(Outcome::Killed {
                rationale: "no".into(),
            }),
            now(),
        )
        .unwrap();
        assert_eq!(doc.session().log.len(), 1);
        doc.undo();
        assert_eq!(doc.session().log.len(), 0);
        assert_eq!(doc.session().outcome, Outcome::Undecided);
    }

    #[test]
    fn weight_changes_after_locking_are_logged() {
        let mut doc = Document::new(Session::new(""));
        doc.apply(Edit::SetWeight(CriterionId::new("cost"), 30.0), now())
            .unwrap();
        assert!(doc.session().log.is_empty());
        doc.apply(Edit::SetWeightsLocked(true), now()).unwrap();
        doc.apply(Edit::SetWeight(CriterionId::new("cost"), 40.0), now())
            .unwrap();
        assert_eq!(doc.session().log.len(), 1);
    }

    #[test]
    fn covering_missing_lenses_adds_one_starter_per_lens() {
        let mut doc = doc_with_option();
        doc.apply(Edit::CoverMissingLenses, now()).unwrap();
        assert_eq!(doc.session().options.len(), 7);
        assert!(doc.session().missing_lenses().is_empty());
    }
}
