//! Exports of the decision summary as strings; no I/O.
//!
//! [`render`] turns a [`Session`] into one of four [`Format`]s. Output depends only on the
//! session and the date passed in, so the same inputs always give the same bytes. User text is
//! treated as data in every format: escaped for HTML and Markdown, neutralised for CSV, and
//! bidirectional-override characters are made visible everywhere.

mod argument;
mod csv_matrix;
pub mod escape;
mod html;
mod html_style;
mod json;
mod markdown;
mod markdown_appendix;
mod memo;
mod memo_html;
mod memo_markdown;
mod memo_sentence;
mod portfolio;
mod precision;
mod summary;
mod svg;

pub use json::JSON_EXPORT_VERSION;
pub use memo::{MemoLength, PAGE_BUDGET, WORDS_PER_PAGE, memo_length};
pub use portfolio::render_portfolio;

use crate::analysis::robustness::RobustnessReport;
use crate::model::Session;
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A Markdown decision record (CommonMark with GFM tables).
    Markdown,
    /// A self-contained HTML one-pager with inline CSS and SVG charts.
    Html,
    /// The scoring matrix as RFC 4180 CSV.
    Csv,
    /// The document plus its computed results as JSON.
    Json,
    /// The narrative memo as Markdown.
    Memo,
    /// The narrative memo as a self-contained HTML page.
    MemoHtml,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 6] = [
        Format::Markdown,
        Format::Html,
        Format::Memo,
        Format::MemoHtml,
        Format::Csv,
        Format::Json,
    ];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Memo => "md",
            Format::MemoHtml => "html",
        }
    }

    /// The name `--format` takes, e.g. `md` or `memo-html`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Memo => "memo",
            Format::MemoHtml => "memo-html",
            other => other.extension(),
        }
    }

    /// The same document in HTML when `html` is true, else in its text form: the record
    /// `md`/`html`, the memo `memo`/`memo-html`; CSV and JSON stay as they are.
    pub fn as_html(self, html: bool) -> Format {
        match (self, html) {
            (Format::Markdown, true) => Format::Html,
            (Format::Html, false) => Format::Markdown,
            (Format::Memo, true) => Format::MemoHtml,
            (Format::MemoHtml, false) => Format::Memo,
            (other, _) => other,
        }
    }

    /// A name for menus, e.g. "Markdown decision record".
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown decision record",
            Format::Html => "HTML one-pager",
            Format::Csv => "CSV matrix",
            Format::Json => "JSON document and results",
            Format::Memo => "Markdown narrative memo",
            Format::MemoHtml => "HTML narrative memo",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is none of `md`, `html`, `csv` or `json`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format `{0}`: use one of md, html, memo, memo-html, csv, json")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "memo" | "memo-md" => Ok(Format::Memo),
            "memo-html" => Ok(Format::MemoHtml),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

/// The decision summary of `session` in `format`, dated `today`.
///
/// Private notes are never included. The result is deterministic given its inputs.
pub fn render(session: &Session, format: Format, today: NaiveDate) -> String {
    if format == Format::Json {
        // The JSON keeps the document exactly as saved.
        return json::render(session, today);
    }
    render_with_report(session, format, today, robustness_report(session))
}

/// The robustness report every export of `session` states: the verdict `verdict analyze`
/// gives with its defaults, drawn once here. The window keeps it while only text that does
/// not bear on it changes, and hands it to [`render_with_report`] and [`memo_length`].
pub fn robustness_report(session: &Session) -> RobustnessReport {
    summary::standard_report(&crate::analysis::raters::aggregated(session))
}

/// [`render`] with the session's [`robustness_report`] already drawn.
pub fn render_with_report(
    session: &Session,
    format: Format,
    today: NaiveDate,
    report: RobustnessReport,
) -> String {
    // Readers of the summary see the scores the ranking used: with several raters, their
    // aggregate, every written rationale kept.
    let scored = summary::scored(session);
    let summary = summary::Summary::with_report(&scored, today, report);
    match format {
        Format::Markdown => markdown::render(summary),
        Format::Csv => csv_matrix::render(summary),
        Format::Json => json::render(session, today),
        Format::Html => html::render(summary),
        Format::Memo => memo_markdown::render(summary),
        Format::MemoHtml => memo_html::render(summary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip_through_display_and_from_str() {
        for format in Format::ALL {
            assert_eq!(format.to_string().parse::<Format>(), Ok(format));
        }
        assert!("pdf".parse::<Format>().is_err());
    }
}
