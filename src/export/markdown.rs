//! The Markdown decision record.

use crate::analysis;
use crate::model::Session;
use chrono::NaiveDate;
use std::fmt::Write;

/// The decision record of `session` as CommonMark.
pub(super) fn render(session: &Session, today: NaiveDate) -> String {
    let mut out = String::new();
    let title = if session.title.is_empty() {
        &session.directive.ask
    } else {
        &session.title
    };
    let _ = writeln!(out, "# {}\n", title.replace(['\n', '\r'], " "));
    let _ = writeln!(out, "Date: {today}\n");
    let _ = writeln!(out, "## Recommendation\n");
    let _ = writeln!(out, "{}", analysis::recommend(session).plain(session));
    out
}
