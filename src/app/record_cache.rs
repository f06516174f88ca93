//! What Log & share shows about the open document: the Markdown decision record and the
//! memo's length, refreshed once per revision, and the robustness verdict both state, drawn
//! again only when something it depends on changed.
//!
//! The verdict is 10,000 Monte Carlo samples. Typing memo prose, a log note or next steps
//! changes the revision on every keystroke but never the verdict, so it is kept against the
//! part of the session it is drawn from.

use crate::analysis::robustness::RobustnessReport;
use crate::export::{self, Format, MemoLength};
use crate::model::{MemoProse, People, Session};
use chrono::NaiveDate;

/// The record, the memo length and the verdict behind them.
#[derive(Default)]
pub(super) struct RecordCache {
    /// The session as the verdict reads it (prose cleared), and the verdict drawn from it.
    verdict: Option<(Session, RobustnessReport)>,
    /// The document (serial, revision) the record and length were written for.
    shown: Option<((u64, u64), String, MemoLength)>,
    /// How many times the verdict was drawn; tests read it.
    draws: usize,
}

impl RecordCache {
    /// Writes the record and counts the memo for `session` at `key`, unless already done.
    pub(super) fn refresh(&mut self, key: (u64, u64), session: &Session, today: NaiveDate) {
        if self.shown.as_ref().is_some_and(|(k, _, _)| *k == key) {
            return;
        }
        let report = self.verdict_for(session);
        let record = export::render_with_report(session, Format::Markdown, today, report.clone());
        let length = export::memo_length(session, &report);
        self.shown = Some((key, record, length));
    }

    /// The Markdown record, or "" before the first refresh.
    pub(super) fn record(&self) -> &str {
        self.shown.as_ref().map_or("", |(_, text, _)| text.as_str())
    }

    /// The line of the standard robustness verdict the record states, once drawn.
    pub(super) fn verdict_line(&self) -> Option<&str> {
        self.verdict
            .as_ref()
            .map(|(_, report)| report.verdict.line.as_str())
    }

    /// The memo's length, once counted.
    pub(super) fn memo_length(&self) -> Option<MemoLength> {
        self.shown.as_ref().map(|(_, _, length)| *length)
    }

    /// How many times the robustness verdict has been drawn.
    #[cfg(test)]
    pub(super) fn draws(&self) -> usize {
        self.draws
    }

    /// The verdict of `session`: the kept one when only text it does not read changed.
    fn verdict_for(&mut self, session: &Session) -> RobustnessReport {
        let read = as_the_verdict_reads(session);
        match &self.verdict {
            Some((kept, report)) if *kept == read => report.clone(),
            _ => {
                let report = export::robustness_report(session);
                self.draws += 1;
                self.verdict = Some((read, report.clone()));
                report
            }
        }
    }
}

/// `session` without what no part of the verdict reads: the memo prose, the log, the
/// private notes and what follows the decision (next steps, people, review date,
/// reversibility).
fn as_the_verdict_reads(session: &Session) -> Session {
    let mut read = session.clone();
    read.memo = MemoProse::default();
    read.log.clear();
    read.notes.clear();
    read.next_steps.clear();
    read.people = People::default();
    read.review_date = None;
    read.reversibility = None;
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MemoSection;

    #[test]
    fn typing_memo_prose_rewrites_the_record_without_drawing_the_verdict_again() {
        let mut session = crate::app::startup::example_session();
        let today = NaiveDate::from_ymd_opt(2026, 6, 20).expect("valid date");
        let mut cache = RecordCache::default();
        cache.refresh((1, 1), &session, today);
        for (revision, text) in (2..).zip(["We", "We protect", "We protect the renewal."]) {
            *session.memo.get_mut(MemoSection::Tenets) = text.to_owned();
            cache.refresh((1, revision), &session, today);
        }
        session.review_date = NaiveDate::from_ymd_opt(2027, 1, 4);
        cache.refresh((1, 8), &session, today);
        assert_eq!(
            cache.draws(),
            1,
            "prose and follow-up never change the verdict"
        );
        let fresh = export::memo_length(&session, &export::robustness_report(&session));
        assert_eq!(
            cache.memo_length(),
            Some(fresh),
            "the length counts the prose typed"
        );
        assert_eq!(
            cache.record(),
            export::render(&session, Format::Markdown, today),
            "the kept verdict is the one a fresh export draws"
        );
        session.options[0].scores.clear();
        cache.refresh((1, 9), &session, today);
        assert_eq!(cache.draws(), 2, "a changed score draws it again");
    }
}
